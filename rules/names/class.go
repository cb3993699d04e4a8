package names

import "github.com/icpcheck/beian/rules/internal/fold"

// A Class is what kind of character a rune of a normalised name is, as
// the matcher and the naming rules see it.
type Class uint8

// The classes.
const (
	// Han is a Chinese character: a CJK ideograph of any block and the
	// ideographic number zero 〇 (a Han numeral). CJK radicals and
	// compatibility ideographs are normalised to the ideographs they stand
	// for (⺠ → 民).
	Han = Class(fold.Han)
	// Word is a letter or digit of a script other than Han and kana
	// (Latin, Greek, Cyrillic, Hangul …, digits).
	Word = Class(fold.Word)
	// Space is white space.
	Space = Class(fold.Space)
	// Punct is punctuation or a symbol.
	Punct = Class(fold.Punct)
	// Mark is a combining mark left standing by normalisation: a mark on
	// a Chinese character or on punctuation. Marks after Latin, Greek,
	// Cyrillic and Armenian letters are accents and are removed.
	Mark = Class(fold.Mark)
	// Other is anything else (unassigned code points, other numbers).
	Other = Class(fold.Other)
	// Filler is a character that fills out writing without being a letter
	// of a Chinese word: the iteration marks 々 〻 ゝ ゞ ヽ ヾ, the prolonged
	// sound mark ー, the Hangzhou numerals 〡–〩, hiragana and
	// katakana. A matcher that reads the original text (as a [Dictionary]
	// does) also sees what superscript and subscript digits and signs and
	// ™ ℠ normalise to (² → 2) as fillers; ClassOf, which sees only the
	// normalised rune, calls the 2 a Word.
	Filler = Class(fold.Filler)
)

// ClassOf returns the class of r, a rune of a normalised name.
func ClassOf(r rune) Class { return Class(fold.ClassOf(r)) }

// Separator reports whether c separates words rather than making them:
// white space, punctuation, symbols and stray marks. A [Dictionary] skips
// separators, so that 赌 博, 赌.博 and 赌★博 all read 赌博.
func (c Class) Separator() bool { return fold.Class(c).Separator() }

// Skippable reports whether a word may be read across c: a separator or a
// [Filler] (赌々博, 赌ー博, 赌の博).
func (c Class) Skippable() bool { return fold.Class(c).Skippable() }

// Invisible reports whether [Normalize] drops r, and the text rule reports
// it: every character of Unicode's Default_Ignorable_Code_Point property
// (zero-width spaces and joiners, direction marks, the byte-order mark,
// soft hyphens, fillers, variation selectors, tags, reserved ones such as
// U+2065 …), control characters other than white space, other format
// characters, private-use characters, noncharacters, the line and
// paragraph separators U+2028 and U+2029, and the braille blank.
func Invisible(r rune) bool { return fold.Removable(r) }

// UnicodeVersion is the version of the Unicode data normalisation uses:
// the invisible set, the Latin look-alike fold and the variant ideographs.
const UnicodeVersion = fold.UnicodeVersion

// ConfusablesEdition is the edition of UTS #39's confusables data the
// Latin look-alike fold comes from.
const ConfusablesEdition = fold.ConfusablesEdition
