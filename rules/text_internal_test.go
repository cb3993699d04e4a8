package rules

import (
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
