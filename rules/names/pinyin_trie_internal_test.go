package names

import (
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

// TestSyllableTrieAsMap holds holdsPrefixOf to the map it replaced (a
// prefix low[:k], k from 1 to len(low), that is a word), for sets of
// words made of every reading of the block's characters (with v as u),
// the Roman numerals, words that are no letters, and parts of them:
// every string of one to four letters, and every word with each letter
// after it and each of its prefixes.
func TestSyllableTrieAsMap(t *testing.T) {
	var all []string
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		rs := pinyin.Of(r)
		for k := range rs.Len() {
			all = append(all, rs.At(k), strings.ReplaceAll(rs.At(k), "v", "u"))
		}
	}
	for _, c := range cjkNumerals {
		if roman := romanOf(c); roman != "" {
			all = append(all, roman)
		}
	}
	all = append(all, "", "ü", "a1", "Zh", "nü")
	sets := [][]string{all, nil, {"a"}, {"zhuang"}, {"ca", "cai", "can"}}
	for _, step := range []int{2, 3, 7, 50} {
		var part []string
		for i := 0; i < len(all); i += step {
			part = append(part, all[i])
		}
		sets = append(sets, part)
	}
	for si, words := range sets {
		set := map[string]bool{}
		for _, w := range words {
			set[w] = true
		}
		trie := newSyllableTrie(words)
		check := func(low []byte) {
			want := false
			for k := 1; k <= len(low); k++ {
				want = want || set[string(low[:k])]
			}
			if got := trie.holdsPrefixOf(low); got != want {
				t.Fatalf("set %d: holdsPrefixOf(%q) = %v, the map says %v", si, low, got, want)
			}
		}
		var low [8]byte
		var each func(n int)
		each = func(n int) {
			if n > 0 {
				check(low[:n])
			}
			if n == 4 {
				return
			}
			for c := byte('a'); c <= 'z'; c++ {
				low[n] = c
				each(n + 1)
			}
		}
		each(0)
		for _, w := range words {
			if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || len(w) >= len(low) {
				continue
			}
			for k := 1; k <= len(w); k++ {
				check([]byte(w[:k]))
			}
			for c := byte('a'); c <= 'z'; c++ {
				check(append([]byte(w), c))
			}
		}
	}
}
