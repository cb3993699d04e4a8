package domain

import (
	"slices"
	"unicode/utf8"
)

//go:generate go run gen_fold.go

// appendFolded appends s with Unicode's full case folding applied rune by
// rune (fold_table.go: ß → ss, ﬁ → fi, Σ → σ …), as
// golang.org/x/text/cases.Fold folds it, and returns the result. Invalid
// bytes are kept as they are.
func appendFolded(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size <= 1 {
			dst = append(dst, s[i:i+size]...)
			i += max(size, 1)
			continue
		}
		if k, ok := slices.BinarySearch(foldRunes[:], r); ok {
			from := 0
			if k > 0 {
				from = int(foldEnds[k-1])
			}
			dst = append(dst, foldText[from:foldEnds[k]]...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}
