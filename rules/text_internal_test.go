package rules

import (
	"testing"
	"unicode"
)

// TestRemovableFastPath checks removable, with its shortcuts, against the
// plain definition for every code point.
func TestRemovableFastPath(t *testing.T) {
	spec := textSpec{limit: 10}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) ||
			r == 0x034F || r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0 || r == 0x2800 ||
			(0xFE00 <= r && r <= 0xFE0F) || (0xE0100 <= r && r <= 0xE01EF) || (0x180B <= r && r <= 0x180F) ||
			r == 0xFFFE || r == 0xFFFF
		if got := removable(r, spec); got != want {
			t.Fatalf("removable(%U) = %v, want %v", r, got, want)
		}
	}
}
