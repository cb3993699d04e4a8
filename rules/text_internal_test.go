package rules

import (
	"fmt"
	"testing"
	"unicode"

	"github.com/icpcheck/beian/rules/names"
)

// TestRemovableFastPath checks removable, with its shortcuts, against the
// plain definition for every code point: what name normalisation removes
// (names.Invisible, Unicode's Default_Ignorable_Code_Point and the rest),
// and, in a single-line field, line breaks and tabs.
func TestRemovableFastPath(t *testing.T) {
	single, multi := textSpec{limit: 10}, textSpec{limit: 10, multiline: true}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := names.Invisible(r) || unicode.Is(unicode.Cc, r) && !(r == '\n' || r == '\r' || r == '\t')
		if got := removable(r, multi); got != want {
			t.Fatalf("multi-line removable(%U) = %v, want %v", r, got, want)
		}
		if want = want || r == '\n' || r == '\r' || r == '\t'; removable(r, single) != want {
			t.Fatalf("single-line removable(%U) = %v, want %v", r, !want, want)
		}
	}
}

// TestCharText: the code point is written as fmt's %04X writes it, after
// each language's words, in one allocation.
func TestCharText(t *testing.T) {
	for _, r := range []rune{0, 0x7, 0x7F, 0xAD, 0x200B, 0x2028, 0xFEFF, 0xE0001, 0x10FFFF} {
		got := charText("含有", "contains ", r)
		code := fmt.Sprintf("U+%04X", r)
		if want := (Text{"含有" + code, "contains " + code}); got != want {
			t.Errorf("%U: %q, want %q", r, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { charText("含有", "contains ", 0x200B) }); n > 1 {
		t.Errorf("%v allocations, want at most 1", n)
	}
}

func TestJoinText(t *testing.T) {
	got := joinText("网站「", "示例", "」", "the site ", "shili", ".")
	if want := (Text{"网站「示例」", "the site shili."}); got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := joinText("", "", "", "", "", ""); got != (Text{}) {
		t.Errorf("%q, want the zero Text", got)
	}
}
