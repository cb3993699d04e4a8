package rules

import (
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names"
)

// TestMayHoldRestrictedExact: for every character from U+2E80 to U+FFFF
// (radicals, ideographs, compatibility forms) put in place of each
// restricted word's first, whenever the dictionary's scan finds a word
// written in Chinese characters in the name, mayHoldRestricted says it
// may: the pre-check never hides a warning. Characters below U+2E80 are
// no Chinese characters (writtenInHan); those above U+FFFF always scan.
func TestMayHoldRestrictedExact(t *testing.T) {
	d := restrictedDictionary()
	words := d.Words()
	if len(words) < 10 {
		t.Fatalf("%d restricted words", len(words))
	}
	found, checked := 0, 0
	for _, w := range words {
		_, n := utf8.DecodeRuneInString(w)
		rest := w[n:]
		for r := rune(0x2E80); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			name := names.Normalize(string(r) + rest)
			checked++
			for _, m := range d.FindAll(name) {
				if !writtenInHan(name, m) {
					continue
				}
				found++
				if !mayHoldRestricted(name) {
					t.Errorf("%q (U+%04X for %q): %s found, but mayHoldRestricted says no", name, r, w, m.Word)
				}
			}
		}
	}
	if found < len(words) {
		t.Fatalf("%d finds in %d names: fewer than the words themselves", found, checked)
	}
	t.Logf("%d names, %d finds, none hidden", checked, found)
	for _, name := range []string{"示例科技官网", "深圳市示例科技有限公司", "abc", ""} {
		if mayHoldRestricted(names.Normalize(name)) {
			t.Errorf("%q: may hold a restricted word", name)
		}
	}
}
