package certnum

import (
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
)

// A Text is a short text in the two languages the library writes: the
// wording of a [Reason] and the names of a credit code's registration
// authority and category.
type Text struct {
	ZH string // Simplified Chinese
	EN string // English
}

// In returns the Chinese text when tag's language is Chinese, the English
// text otherwise.
func (t Text) In(tag language.Tag) string {
	if beian.IsChinese(tag) {
		return t.ZH
	}
	return t.EN
}
