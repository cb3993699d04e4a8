package domain

import "github.com/icpcheck/beian/rules/internal/hanvariant"

// simplify maps a traditional Chinese character to its simplified form.
// It is the one place the package depends on a traditional→simplified
// table, so that the table can be swapped for another normaliser.
func simplify(r rune) rune { return hanvariant.Simplify(r) }
