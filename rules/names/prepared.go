package names

import (
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
)

// A Prepared is a text read once for the scans of several dictionaries
// ([Dictionary.FindIn], [Dictionary.FindAllIn], [Dictionary.FindEveryIn]):
// a text the quick path of a scan cannot read (letters of other scripts,
// symbols, compatibility characters) is read through the normaliser
// here, once, rather than by each dictionary. A text of Chinese
// characters, ASCII and full-width forms needs nothing prepared, and its
// Prepared holds only the text. A Prepared is immutable and safe for
// concurrent use; the zero value is the empty text.
type Prepared struct {
	text  string
	slow  []slowRune // the normaliser's reading; nil when the quick path reads the whole text
	steps int        // runes the normaliser read
	latin bool       // the text may hold a Latin letter (hasLatinLetter): the pinyin scan runs
}

// Prepare returns text prepared for the scans of several dictionaries.
// It allocates only for a text the quick path cannot read.
func Prepare(text string) Prepared {
	p := Prepared{text: text, latin: hasLatinLetter(text)}
	if fold.IsSimple(text) {
		return p
	}
	var rd slowReader
	rd.init(text)
	p.slow = make([]slowRune, 0, utf8.RuneCountInString(text)+1)
	for {
		sr, ok := rd.next()
		if !ok {
			break
		}
		p.slow = append(p.slow, sr)
	}
	p.steps = rd.steps
	return p
}

// PrepareNormal is Prepare of [Normalize] of name, the text read once
// where it is already normal and simple (the common case: a name of
// Chinese characters).
func PrepareNormal(name string) Prepared {
	text, simple := fold.StringSimple(name)
	if simple {
		return Prepared{text: text, latin: hasLatinLetter(text)}
	}
	return Prepare(text)
}

// Text returns the text prepared.
func (p *Prepared) Text() string { return p.text }

// FindIn is [Dictionary.Find] of the text prepared.
func (d *Dictionary) FindIn(p *Prepared) (Match, bool) {
	var buf [4]occurrence
	var stream [64]rune
	found := d.findPrepared(p, buf[:0], stream[:0], false, nil)
	if len(found) == 0 {
		return Match{}, false
	}
	return d.match(found[0]), true
}

// FindAllIn is [Dictionary.FindAll] of the text prepared.
func (d *Dictionary) FindAllIn(p *Prepared) []Match {
	var buf [4]occurrence
	var stream [64]rune
	return d.matches(d.findPrepared(p, buf[:0], stream[:0], false, nil))
}

// FindEveryIn is [Dictionary.FindEvery] of the text prepared.
func (d *Dictionary) FindEveryIn(p *Prepared) []Match {
	var buf [4]occurrence
	var stream [64]rune
	return d.matches(d.findPrepared(p, buf[:0], stream[:0], true, nil))
}
