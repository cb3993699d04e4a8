package keyindex

import (
	"fmt"
	"testing"
)

// TestFindAsLinearSearch holds Find and FindBytes to a linear search of
// the keys: every
// key at its first position, and none of its variants (each byte changed,
// each prefix, one byte longer) unless it is a key itself, for sets of
// 0 to 300 keys of similar shapes, a repeated key and the empty one
// (made to fail by returning the slot instead of the position, and by
// letting a later repeat take the first's place).
func TestFindAsLinearSearch(t *testing.T) {
	linear := func(keys []string, k string) int {
		for i, x := range keys {
			if x == k {
				return i
			}
		}
		return -1
	}
	for _, n := range []int{0, 1, 2, 7, 8, 33, 120, 300} {
		var keys []string
		for i := range n {
			keys = append(keys, fmt.Sprintf("CODE_%c_%d", 'A'+i%26, i))
		}
		if n > 2 {
			keys = append(keys, keys[1], "") // a repeat, and the empty key
		}
		x := New(keys)
		check := func(k string) {
			t.Helper()
			if got, want := x.Find(k), linear(keys, k); got != want {
				t.Fatalf("%d keys: Find(%q) = %d, want %d", n, k, got, want)
			}
			if got, want := x.FindBytes([]byte(k)), linear(keys, k); got != want {
				t.Fatalf("%d keys: FindBytes(%q) = %d, want %d", n, k, got, want)
			}
		}
		check("")
		check("x")
		for _, k := range keys {
			check(k)
			check(k + "_")
			for i := range len(k) {
				check(k[:i])
				check(k[:i] + "#" + k[i+1:])
			}
		}
	}
}

// TestSpread checks that the hash spreads keys that share a prefix (codes,
// field paths without their indexes) and keys shorter than eight bytes:
// at most 1.5 slots read a key on average. Made to fail by hashing only
// the first eight bytes of a long key and only the length of a short one.
func TestSpread(t *testing.T) {
	var codes, paths, short []string
	for i := range 300 {
		codes = append(codes, fmt.Sprintf("SITE_NAME_%c%c_%d", 'A'+i%26, 'A'+i/26%26, i))
		paths = append(paths, fmt.Sprintf("websites[].domains[].field_%d", i))
		short = append(short, fmt.Sprintf("%c%d", 'a'+i%26, i/26))
	}
	for _, keys := range [][]string{codes, paths, short} {
		if p := New(keys).Probes(keys); p > 1.5 {
			t.Errorf("%q…: %.2f probes a key on average, want at most 1.5", keys[0], p)
		}
	}
}
