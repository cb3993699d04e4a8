package domain

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/cases"

	"github.com/icpcheck/beian/internal/gentool"
)

// TestFoldTableCurrent: fold_table.go is what gen_fold.go makes of the
// x/text in go.mod.
func TestFoldTableCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen_fold.go") }

// TestFoldEveryRune: appendFolded folds every rune of Unicode as
// x/text/cases.Fold does, alone and between other text.
func TestFoldEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		for _, s := range []string{string(r), "Ab" + string(r) + "ß示"} {
			if got, want := string(appendFolded(nil, []byte(s))), cases.Fold().String(s); got != want {
				t.Fatalf("appendFolded(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestFoldStrings: folding is rune by rune, as x/text's is, over strings
// mixing the runes folding changes with combining marks, final sigmas,
// Turkic dotted and dotless i, ASCII and Chinese.
func TestFoldStrings(t *testing.T) {
	pool := []rune{'Σ', 'σ', 'ς', 'İ', 'ı', 'I', 'i', 'ß', 'ẞ', 'ﬁ', 'ŉ', 'ǰ', '\u0307', '\u0301', '\u0345', 'Ω', 'K', 'Å', ' ', '.', '示', 'Ꭰ', 'ꭰ', 'Ǆ', 'ǅ', 'ᾈ'}
	for _, r := range foldRunes[:] {
		if r%7 == 0 {
			pool = append(pool, r)
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteRune(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		if got, want := string(appendFolded(nil, []byte(s))), cases.Fold().String(s); got != want {
			t.Fatalf("appendFolded(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldKeepsInvalidBytes: bytes that are not UTF-8 pass unchanged, and
// appendFolded appends to dst.
func TestFoldKeepsInvalidBytes(t *testing.T) {
	if got := string(appendFolded([]byte("x"), []byte("A\xffß\xe4\xb8"))); got != "xa\xffss\xe4\xb8" {
		t.Errorf("got %q", got)
	}
}
