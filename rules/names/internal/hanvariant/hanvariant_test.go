package hanvariant

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/internal/gentool"
)

// TestTablesCurrent fails when tables.go does not match data/.
func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func TestSimplify(t *testing.T) {
	tests := []struct {
		name     string
		from, to rune
	}{
		{"traditional gambling", '賭', '赌'},
		{"traditional country", '國', '国'},
		{"traditional network", '網', '网'},
		{"first of several forms (瀋陽 → 沈阳)", '瀋', '沈'},
		{"chain resolved (薴 → 苧 → 苎)", '薴', '苎'},
		{"hand-kept: 裡", '裡', '里'},
		{"hand-kept: 遊", '遊', '游'},
		{"hand-kept override: 綵", '綵', '彩'},
		{"hand-kept Japanese form", '権', '权'},
		{"own simplified form kept: 乾", '乾', '乾'},
		{"own simplified form kept: 著", '著', '著'},
		{"simplified unchanged", '赌', '赌'},
		{"ASCII unchanged", 'A', 'A'},
		{"beyond the BMP", 0x2A6A5, 0x2A6A5},
		{"beyond the BMP, with a simplified form", 0x2005E, 0x2003E},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Simplify(tt.from); got != tt.to {
				t.Errorf("Simplify(%c U+%04X) = %c U+%04X, want %c", tt.from, tt.from, got, got, tt.to)
			}
		})
	}
}

// TestSimplifyIdempotent checks every character: a simplified form is
// never simplified further, is a Han character and is NFKC-stable.
func TestSimplifyIdempotent(t *testing.T) {
	changed := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := Simplify(r)
		if s == r {
			continue
		}
		changed++
		if Simplify(s) != s {
			t.Errorf("U+%04X → U+%04X → U+%04X", r, s, Simplify(s))
		}
		if !unicode.Is(unicode.Han, s) || !norm.NFKC.IsNormalString(string(s)) {
			t.Errorf("U+%04X → U+%04X, not a normalised Han character", r, s)
		}
	}
	if changed != Len() {
		t.Errorf("%d characters change, Len says %d", changed, Len())
	}
	if changed < 6000 {
		t.Errorf("only %d characters change; the Unihan extract looks truncated", changed)
	}
}

func BenchmarkSimplify(b *testing.B) {
	text := []rune("深圳市示例科技有限公司網絡賭博資訊")
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range text {
			Simplify(r)
		}
	}
}
