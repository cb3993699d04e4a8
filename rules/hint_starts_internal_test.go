package rules

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/names"
)

// TestMayHoldHintExact: mayHoldHint never hides a word of the hint
// dictionary. For every word, each of its characters in turn is replaced
// by every character from U+2E80 to U+FFFF (radicals, ideographs,
// compatibility and full-width forms; surrogates aside; from U+0080 for
// the first character), the name normalised as the rules' names are:
// whenever the scan finds a word, mayHoldHint says the name may hold one.
// Every character of the first position is tried; of the others, every
// seventh unless BEIAN_EXHAUSTIVE=1. Words with a character inserted between their
// first two (the scan reads across separators: 新·闻) and the names of the
// names package's corpora are held the same way, and the typical
// filing's names must take the fast answer (no scan).
func TestMayHoldHintExact(t *testing.T) {
	d := preApprovalHintDictionary()
	words := d.Words()
	if len(words) < 50 {
		t.Fatalf("%d hint words", len(words))
	}
	step := rune(7)
	if os.Getenv("BEIAN_EXHAUSTIVE") == "1" {
		step = 1
	}
	found, checked := 0, 0
	check := func(name, what string) {
		checked++
		if ms := d.FindAll(name); len(ms) > 0 {
			found++
			if !mayHoldHint(name) {
				t.Errorf("%q (%s): %s found, but mayHoldHint says no", name, what, ms[0].Word)
			}
		}
	}
	for _, w := range words {
		rs := []rune(names.Normalize(w))
		for p := range rs {
			by, from := step, rune(0x2E80)
			if p == 0 {
				by, from = 1, 0x80
			}
			for r := from + rune(p)%by; r <= 0xFFFF; r += by {
				if r >= 0xD800 && r <= 0xDFFF {
					continue
				}
				c := append([]rune(nil), rs...)
				c[p] = r
				check(names.Normalize(string(c)), w)
			}
		}
		if len(rs) >= 2 {
			for _, in := range []string{"·", " ", "-", "_", ".", "的", "网", "官", "\u3000", "、"} {
				check(names.Normalize(string(rs[0])+in+string(rs[1:])), w+" with "+in)
			}
		}
	}
	if found < len(words) {
		t.Fatalf("%d finds in %d names: fewer than the words themselves", found, checked)
	}
	// Words in pinyin and letters, whole or in part: the scan reads them
	// (新wen, dianying), so a letter or digit always scans.
	for _, name := range []string{"xinwen", "youxi", "jinrong", "jiaoyu", "yiyuan", "zhibo", "新wen", "xin闻",
		"XinWen", "xīnwén", "dianying", "p2p", "P2P", "示例p2p", "p2p平台", "示例xinwen官网"} {
		before := found
		check(names.Normalize(name), "letters")
		if name == "新wen" && found == before {
			t.Fatalf("%q: the scan finds no pinyin, and the test of letters holds nothing", name)
		}
	}
	for _, file := range []string{"names/testdata/corpus/innocent.txt", "names/testdata/corpus/evasion.txt"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
				continue
			}
			name, _, _ := strings.Cut(line, "\t")
			if unquoted, err := strconv.Unquote(name); err == nil {
				name = unquoted
			}
			check(names.Normalize(name), file)
		}
	}
	t.Logf("%d names, %d finds, none hidden", checked, found)
	for _, name := range []string{"示例科技官网", "深圳市示例科技有限公司", "张三的博客", "官网", ""} {
		if mayHoldHint(names.Normalize(name)) {
			t.Errorf("%q: may hold a hint word", name)
		}
	}
}

// TestWordStartsShared: first characters whose low ten bits are the same
// (一 U+4E00, 刀 U+5200) are each found through their shared slot, and a
// character of that slot that is no first character (U+5600) is not, nor
// one of 丐's slot (U+5210): the words 一二 and 刀三 and the one-character
// word 丐.
func TestWordStartsShared(t *testing.T) {
	st := newWordStarts([]string{"一二", "刀三", "丐"})
	if '一'&1023 != '刀'&1023 || st.slot['一'&1023] != slotShared {
		t.Fatalf("一 and 刀 share no slot: the test holds nothing")
	}
	for name, want := range map[string]bool{
		"一二": true, "刀三": true, "一三": false, "刀二": false, "刀": false, "一": false,
		"丐": true, "示丐例": true, "\u5210": false, "\u5600三": false, "\u5600二": false, "一\u5600二": true, "": false, "示例": false,
	} {
		if got := st.mayHold(name); got != want {
			t.Errorf("mayHold(%q) = %v, want %v", name, got, want)
		}
	}
}
