package names

import "github.com/icpcheck/beian/rules/names/internal/fold"

// A Class is what kind of character a rune of a normalised name is, as
// the matcher and the naming rules see it.
type Class uint8

// The classes.
const (
	// Han is a Chinese character (the Han script: ideographs, 々, 〇).
	Han = Class(fold.Han)
	// Word is a letter or digit of another script (Latin, digits, kana …).
	Word = Class(fold.Word)
	// Space is white space.
	Space = Class(fold.Space)
	// Punct is punctuation or a symbol.
	Punct = Class(fold.Punct)
	// Mark is a combining mark left standing alone by normalisation.
	Mark = Class(fold.Mark)
	// Other is anything else (unassigned code points, other numbers).
	Other = Class(fold.Other)
)

// ClassOf returns the class of r, a rune of a normalised name.
func ClassOf(r rune) Class { return Class(fold.ClassOf(r)) }

// Separator reports whether c separates words rather than making them:
// white space, punctuation, symbols and stray marks. A [Dictionary] skips
// separators, so that 赌 博, 赌.博 and 赌★博 all read 赌博.
func (c Class) Separator() bool { return fold.Class(c).Separator() }

// Invisible reports whether [Normalize] drops r: a control character other
// than white space, a format character (zero-width spaces and joiners,
// direction marks, the byte-order mark, soft hyphens, tags), a private-use
// character, or a character that shows nothing without being a space
// (fillers, variation selectors, the braille blank).
func Invisible(r rune) bool { return fold.Removable(r) }
