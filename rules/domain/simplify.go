package domain

import "github.com/icpcheck/beian/rules/names"

// normalize is the library's one name normaliser (package names): invisible
// characters removed, NFKC, lower case, traditional characters simplified.
// Holder names are compared on its output, so that a holder name and a
// site name fold the same way; it is the one place the package depends on
// a traditional→simplified table.
func normalize(s string) string { return names.Normalize(s) }
