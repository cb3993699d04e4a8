package domain

import "github.com/icpcheck/beian/rules/internal/fold"

// normalize is the library's one name normaliser (the fold that
// names.Normalize also is): invisible characters removed, NFKC, lower case,
// traditional characters simplified. Holder names are compared on its
// output, so that a holder name and a site name fold the same way. The fold
// is a leaf package shared with package names, so that parsing domains does
// not link the word lexicon.
func normalize(s string) string { return fold.String(s) }
