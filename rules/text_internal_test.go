package rules

import (
	"testing"
	"unicode"
)

// TestRemovableFastPath checks the CJK shortcut of removable against the
// plain definition for every code point.
func TestRemovableFastPath(t *testing.T) {
	spec := textSpec{limit: 10}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r < 0x20 || r == 0x7f || invisible(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Co, r)
		if got := removable(r, spec); got != want {
			t.Fatalf("removable(%U) = %v, want %v", r, got, want)
		}
	}
}
