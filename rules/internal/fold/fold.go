// Package fold turns text into the form the naming rules compare: the
// runes a reader sees, whatever way they were typed.
//
// Folding removes invalid bytes and invisible characters (Unicode's
// Default_Ignorable_Code_Point characters such as zero-width spaces, tags
// and variation selectors, control characters other than white space,
// other format characters, private-use characters, the line and paragraph
// separators; see [Removable]), applies Unicode compatibility normalisation
// (NFKC, which also folds full-width and half-width forms), folds letters
// that look Latin to plain lower-case ASCII letters (accented, dotless and
// stroked letters, small capitals, Cyrillic and Greek look-alikes: see
// [Latin]), lower-cases the other letters, and maps traditional Chinese
// characters and other variant ideographs to simplified ones (package
// hanvariant). Combining marks after Latin letters are dropped; each rune
// gets a [Class]. [Iter] yields the folded runes with the bytes of the
// source each comes from; [String] returns the folded text with white space
// tidied.
//
// Folding is linear in the length of the text whatever it holds: the
// normaliser reads one segment at a time, and a run of combining marks is
// cut at 30, as Unicode's stream-safe text format does.
//
// Text made only of ASCII, CJK unified ideographs of the Basic
// Multilingual Plane, common CJK punctuation and full-width ASCII — nearly
// every site name — takes a quick path that folds rune by rune without
// the normaliser and without allocating: on those runes NFKC is known to
// be the identity or the width fold (TestSimpleRunes checks every one).
// Within other text, a simple rune followed by one that starts a new
// normalisation segment takes the same shortcut.
package fold

//go:generate go run gen.go

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian/rules/internal/hanvariant"
)

// A Class is what kind of character a folded rune is.
type Class uint8

// The classes. Every rune of a folded text has one; the comments say which
// characters get which, so that a matcher knows what it may skip.
const (
	// Han is a Chinese character: a CJK ideograph of any block, the
	// ideographic number zero 〇 (U+3007, a numeral of the Han script, read
	// 零). CJK radicals and compatibility ideographs are folded to the
	// ideographs they stand for before they are classed.
	Han Class = iota + 1
	// Word is a letter or digit of a script other than Han and kana
	// (Latin, Greek, Cyrillic, Hangul …, and the digits 0–9 that full-width,
	// circled and other compatibility digits fold to).
	Word
	// Space is white space.
	Space
	// Punct is punctuation or a symbol.
	Punct
	// Mark is a combining mark left standing by normalisation: a mark on
	// a Chinese character (赌\u0301), on punctuation, or at the start of
	// the text. A mark after a Latin, Greek, Cyrillic or Armenian letter or
	// digit is an accent and is dropped instead.
	Mark
	// Other is anything else (unassigned code points, other numbers).
	Other
	// Filler is a character that fills out writing without being a
	// letter of a word a Chinese reader looks for, so a matcher may read
	// across it: the iteration marks 々 〻 ゝ ゞ ヽ ヾ, the prolonged sound
	// mark ー, the Hangzhou (Suzhou) numerals 〡–〩 (〸 〹 〺 fold to 十 廿 卅
	// by NFKC and are Han), hiragana and
	// katakana (half-width katakana fold to full width first), and what a
	// superscript or subscript digit or sign (² ⁺ ₃) or the signs ™ ℠
	// fold to (their class comes from the character as typed: ² folds to
	// the digit 2 of class Filler; superscript letters stay letters).
	Filler
)

// Separator reports whether c separates words rather than making them:
// white space, punctuation, symbols and stray marks. The dictionary
// matcher skips separators, so that 赌 博, 赌.博 and 赌★博 all read 赌博.
func (c Class) Separator() bool { return c == Space || c == Punct || c == Mark }

// Skippable reports whether a matcher may read a word across c: a
// separator or a [Filler] (赌々博, 赌ー博, 赌の博, 赌²博).
func (c Class) Skippable() bool { return c.Separator() || c == Filler }

// asciiClass is the class of each ASCII character, 0 for controls.
var asciiClass = [128]Class{
	'\t': Space, '\n': Space, '\v': Space, '\f': Space, '\r': Space, ' ': Space,
	'!': Punct, '"': Punct, '#': Punct, '$': Punct, '%': Punct, '&': Punct, '\'': Punct,
	'(': Punct, ')': Punct, '*': Punct, '+': Punct, ',': Punct, '-': Punct, '.': Punct, '/': Punct,
	'0': Word, '1': Word, '2': Word, '3': Word, '4': Word, '5': Word, '6': Word, '7': Word, '8': Word, '9': Word,
	':': Punct, ';': Punct, '<': Punct, '=': Punct, '>': Punct, '?': Punct, '@': Punct,
	'A': Word, 'B': Word, 'C': Word, 'D': Word, 'E': Word, 'F': Word, 'G': Word, 'H': Word, 'I': Word,
	'J': Word, 'K': Word, 'L': Word, 'M': Word, 'N': Word, 'O': Word, 'P': Word, 'Q': Word, 'R': Word,
	'S': Word, 'T': Word, 'U': Word, 'V': Word, 'W': Word, 'X': Word, 'Y': Word, 'Z': Word,
	'[': Punct, '\\': Punct, ']': Punct, '^': Punct, '_': Punct, '`': Punct,
	'a': Word, 'b': Word, 'c': Word, 'd': Word, 'e': Word, 'f': Word, 'g': Word, 'h': Word, 'i': Word,
	'j': Word, 'k': Word, 'l': Word, 'm': Word, 'n': Word, 'o': Word, 'p': Word, 'q': Word, 'r': Word,
	's': Word, 't': Word, 'u': Word, 'v': Word, 'w': Word, 'x': Word, 'y': Word, 'z': Word,
	'{': Punct, '|': Punct, '}': Punct, '~': Punct,
}

// ClassOf returns the class of a folded rune.
func ClassOf(r rune) Class {
	switch {
	case r < utf8.RuneSelf:
		if c := asciiClass[r]; c != 0 {
			return c
		}
		return Other
	case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF:
		return Han
	case 0x3005 <= r && r < 0x3100:
		switch {
		case r == 0x3005, r == 0x303B, 0x3021 <= r && r <= 0x3029, 0x3038 <= r && r <= 0x303A,
			0x3041 <= r && r <= 0x3096, 0x309D <= r && r <= 0x309F,
			0x30A1 <= r && r <= 0x30FA, 0x30FC <= r && r <= 0x30FF:
			return Filler
		case r == 0x3007:
			return Han
		}
	case 0x31F0 <= r && r <= 0x31FF, 0x1B000 <= r && r <= 0x1B16F:
		return Filler // small katakana, kana supplement and extensions
	case unicode.Is(unicode.Han, r):
		return Han
	}
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return Word
	case unicode.IsSpace(r):
		return Space
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return Punct
	case unicode.Is(unicode.M, r):
		return Mark
	}
	return Other
}

// Removable reports whether r is dropped by folding and reported by the
// text rule: a character of Unicode's Default_Ignorable_Code_Point property
// (zero-width spaces and joiners, direction marks and isolates, the
// byte-order mark, soft hyphens, word joiners and invisible operators,
// fillers, variation selectors, tags, the reserved U+2065 and U+FFF0–FFF8
// …; generated from the UCD, see [UnicodeVersion]), a control character
// other than white space, any other format character, a private-use
// character, a noncharacter, the line and paragraph separators U+2028 and
// U+2029, and the braille blank U+2800, which shows nothing without being a
// space.
func Removable(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7F:
		return r != '\t' && r != '\n' && r != '\v' && r != '\f' && r != '\r'
	case r < 0x80:
		return false
	case r < 0x300:
		// Latin-1 and the Latin Extended blocks (an accented name, Café):
		// the C1 controls and the soft hyphen.
		return r < 0xA0 || r == 0xAD
	case 0x2E80 <= r && r < 0xD800:
		return r == 0x3164 // CJK, kana and Hangul hold none but the Hangul filler
	case 0x2000 <= r && r < 0x2070:
		// General Punctuation (the zero-width space pasted into a form):
		// its removable characters are the bits of generalPunctuation.
		return generalPunctuation[(r-0x2000)>>6]>>((r-0x2000)&63)&1 != 0
	}
	switch {
	case unicode.Is(defaultIgnorable, r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cc, r), unicode.Is(unicode.Co, r):
		return true
	case r == 0x2028, r == 0x2029, // line and paragraph separators
		r == 0x2800,                         // braille blank
		0xFDD0 <= r && r <= 0xFDEF,          // noncharacters
		r&0xFFFE == 0xFFFE && r <= 0x10FFFF: // noncharacters U+FFFE, U+1FFFF …
		return true
	}
	return false
}

// generalPunctuation has bit r-0x2000 set for each removable character r
// of U+2000–U+206F: U+200B–200F, U+2028–202E and U+2060–206F
// (TestRemovableDefinition and TestRemovablePunctuation hold it to the
// definition).
var generalPunctuation = [2]uint64{0x7f000000f800, 0xffff00000000}

// QuickRune decodes the rune at s[i] when the quick path takes it. For a
// simple rune it returns the rune folded, its size in s and its class; for
// a rune (or invalid byte) that folding removes it returns its size and
// class 0; otherwise size 0: the text needs the normaliser.
//
// Simple runes are printable ASCII and ASCII white space, the CJK unified
// ideographs of the Basic Multilingual Plane, the ideographic space,
// common CJK punctuation (、。〃〈〉《》「」『』【】) and full-width ASCII.
// None combines with a neighbour under NFKC, so dropping removable runes
// between them changes nothing else. QuickRune folds full-width forms to
// ASCII (the width fold, which NFKC gives too), upper case to lower case
// and traditional characters to simplified ones.
func QuickRune(s string, i int) (r rune, size int, c Class) {
	b := s[i]
	if b < utf8.RuneSelf {
		if c = asciiClass[b]; c == 0 {
			return 0, 1, 0 // a control character
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return rune(b), 1, c
	}
	if b >= 0xE3 && i+2 < len(s) {
		b1, b2 := s[i+1], s[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			r = rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			switch {
			case b <= 0xE9 && r >= 0x3400 && (r >= 0x4E00 || r <= 0x4DBF):
				return hanvariant.SimplifyBMP(uint16(r)), 3, Han
			case b == 0xE3 && (r <= 0x3003 || 0x3008 <= r && r <= 0x3011):
				if r == 0x3000 {
					return ' ', 3, Space
				}
				return r, 3, Punct
			case b == 0xEF && 0xFF01 <= r && r <= 0xFF5E:
				if f := width.LookupRune(r).Folded(); f != 0 {
					r = f
				}
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				return r, 3, asciiClass[r]
			}
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if (r == utf8.RuneError && n == 1) || Removable(r) {
		return 0, n, 0
	}
	return 0, 0, 0
}

// IsSimple reports whether s takes the quick path: every rune is simple
// or removed (see [QuickRune]).
func IsSimple(s string) bool {
	for i := 0; i < len(s); {
		if _, ok := ideographAt(s, i); ok {
			i += 3 // the quick path's commonest rune, read here
			continue
		}
		_, n, _ := QuickRune(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// foldRune folds one rune of the normaliser's output: a Latin, Greek,
// Cyrillic or Armenian letter to the ASCII letter it is taken for (see
// [Latin]), else lower case and traditional → simplified.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if l, ok := latinLetter(r); ok {
		return l
	}
	return hanvariant.Simplify(lower(r))
}

// Latin returns the ASCII letter a letter of the Latin, Greek, Cyrillic
// or Armenian script is taken for, lower-cased: accented, dotless and
// stroked letters give their base letter (ì ı ł → i i l), small capitals
// their letter (ᴄ → c), and the look-alikes of UTS #39's confusables data
// the letter they imitate (Cyrillic а, Greek ο → a, o). ok is false for
// every other rune, ASCII, digits and CJK included. The runes listed are
// those NFKC leaves alone, and the Greek lunate sigma ϲ, which it would
// turn into a final sigma; the table is generated (see gen.go,
// [UnicodeVersion], [ConfusablesEdition]).
func Latin(r rune) (l rune, ok bool) {
	if r < utf8.RuneSelf {
		return 0, false
	}
	return latinLetter(r)
}

func isLatin(r rune) bool {
	_, ok := latinLetter(r)
	return ok
}

func latinLetter(r rune) (rune, bool) {
	if r < latin[0].r || r > latin[len(latin)-1].r || 0x2E80 <= r && r < 0xA640 {
		return 0, false
	}
	lo, hi := 0, len(latin)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch e := latin[m]; {
		case e.r == r:
			return rune(e.to), true
		case e.r < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// lower is unicode.ToLower, quick for the runes without case that names
// are made of.
func lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case 0x2E80 <= r && r < 0xA640:
		return r // CJK, kana, Hangul, Yi: no case
	}
	return unicode.ToLower(r)
}

// maxSegment is the most runes of the source one normalisation segment
// takes, and the most runes kept of its normalised form: a longer run of
// combining marks is cut there and the rest of it dropped, as Unicode's
// stream-safe text format bounds it (UAX #15), so that folding stays
// linear in the text and idempotent.
const maxSegment = 30

// An Iter yields the folded runes of a text, each with the byte range of
// the text it comes from. Runes that come from one piece of the
// normaliser's output (the three runes of ㈱ → (株), say) share the range
// of that piece; a removed rune counts with the rune after it. The zero
// Iter is empty; Init starts it. An Iter over a simple text (see
// [IsSimple]) does not allocate; over other text it allocates at most
// twice, the normaliser and its buffer, when a segment needs them. Its
// work is linear in the length of the text, whatever the text holds.
type Iter struct {
	src  string
	pos  int // next byte of src
	from int // start of the next rune's range
	// simpleEnd ends the run of simple runes from pos.
	simpleEnd int
	quick     bool // the whole text is simple

	// The normaliser's path: out[k:segLen] is what is left of the
	// normalised form of src[segStart:segEnd]; segClass overrides the
	// class of the runes it yields (Filler for a superscript), when not 0.
	out      [4 * maxSegment]byte
	k        int
	segLen   int
	segStart int
	segEnd   int
	segClass Class
	norm     *norm.Iter // the normaliser, made when needed
	buf      []byte     // its input when runes were dropped inside a segment

	// latin is set after a Latin-script letter or digit: a combining
	// mark after it is an accent, dropped. lowered is set after a letter
	// NFKC produced was lower-cased.
	latin, lowered bool
	// relowered is set when a mark was kept after a lower-cased letter:
	// folded again, the two might compose.
	relowered bool
}

// Init starts it over text.
func (it *Iter) Init(text string) {
	it.src, it.pos, it.from, it.simpleEnd = text, 0, 0, 0
	it.k, it.segLen, it.segClass = 0, 0, 0
	it.buf = it.buf[:0]
	it.latin, it.lowered, it.relowered = false, false, false
	it.quick = IsSimple(text)
}

// Next returns the next folded rune, its class and the byte range of the
// text it comes from; ok is false at the end.
func (it *Iter) Next() (r rune, c Class, start, end int, ok bool) {
	if it.quick {
		start = it.pos
		for it.pos < len(it.src) {
			r, n, c := QuickRune(it.src, it.pos)
			it.pos += n
			if c != 0 {
				return r, c, start, it.pos, true
			}
		}
		return 0, 0, 0, 0, false
	}
	for {
		for it.k < it.segLen {
			r, n := utf8.DecodeRune(it.out[it.k:it.segLen])
			it.k += n
			if r, c, ok = it.fold(r); ok {
				if it.segClass != 0 && c != Mark {
					c = it.segClass
				}
				return r, c, it.segStart, it.segEnd, true
			}
		}
		if it.pos >= len(it.src) {
			return 0, 0, 0, 0, false
		}
		// src[pos:simpleEnd] is simple runes. A simple rune
		// before another (or before one that starts a new segment, or the
		// end) is in NFKC and cannot combine: fold it without the
		// normaliser.
		if it.pos >= it.simpleEnd {
			it.simpleEnd = it.pos
			for it.simpleEnd < len(it.src) {
				_, n, c := QuickRune(it.src, it.simpleEnd)
				if c == 0 {
					break // not simple, or removed: the segment reader decides
				}
				it.simpleEnd += n
			}
		}
		if it.pos < it.simpleEnd {
			r, n, c := QuickRune(it.src, it.pos)
			if next := it.pos + n; next < it.simpleEnd || boundaryAt(it.src, next) {
				start := it.from
				it.pos, it.from = next, next
				it.latin = c == Word && r < utf8.RuneSelf
				it.lowered = false
				return r, c, start, next, true
			}
		}
		it.segment()
	}
}

// fold folds a rune of the normaliser's output, or drops it.
func (it *Iter) fold(r rune) (rune, Class, bool) {
	if Removable(r) {
		return 0, 0, false // the normaliser's grapheme joiner, say
	}
	f := foldRune(r)
	c := ClassOf(f)
	if c == Mark {
		if it.latin {
			return 0, 0, false // an accent NFKC could not compose
		}
		if it.lowered {
			it.relowered = true
		}
		return f, c, true
	}
	it.latin = c == Word && (f < utf8.RuneSelf || f < 0x0590 && (unicode.IsLetter(f) || unicode.IsDigit(f)))
	it.lowered = f != r && f == lower(r) && r >= utf8.RuneSelf
	return f, c, true
}

// boundaryAt reports whether the first rune at or after s[i] that folding
// keeps starts a new normalisation segment, or there is none.
func boundaryAt(s string, i int) bool {
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			return true
		}
		_, n, c := QuickRune(s, i)
		switch {
		case c != 0:
			return true // a simple rune starts a segment (TestSimpleRunes)
		case n > 0:
			i += n // removed
			continue
		}
		return startsSegment(s[i:])
	}
	return true
}

// startsSegment reports whether the rune s starts with cannot combine
// with what comes before it under NFKC. BoundaryBefore alone says so of
// the rune, not of its decomposition: the compatibility jamo ㄳ (U+3133)
// has a boundary before it, but decomposes to a final jamo that composes
// with a syllable before it (뼤ㄳ → 뼧).
func startsSegment(s string) bool {
	p := norm.NFKC.PropertiesString(s)
	if !p.BoundaryBefore() {
		return false
	}
	d := p.Decomposition()
	return len(d) == 0 || norm.NFKC.Properties(d).BoundaryBefore()
}

// segment reads the next segment of the source through the normaliser:
// the rune at it.pos and the runes after it up to the next one that starts
// a new segment, removable runes and invalid bytes dropped, at most
// maxSegment runes (the rest of a longer run of combining marks is
// dropped).
func (it *Iter) segment() {
	s := it.src
	start := it.pos
	runes := 0
	q := start
	first, firstSize := rune(-1), 0
	contiguous := true // no rune dropped inside: the segment is s[start:q]
	for q < len(s) {
		r, n := utf8.DecodeRuneInString(s[q:])
		if (r == utf8.RuneError && n == 1) || Removable(r) {
			if runes == 0 {
				start = q + n
			} else {
				contiguous = false
			}
			q += n
			continue
		}
		if runes > 0 && startsSegment(s[q:]) {
			break
		}
		if runes == maxSegment {
			contiguous = false // the rest of the run is dropped
		}
		if first < 0 {
			first, firstSize = r, n
		}
		runes++
		q += n
	}
	it.segStart, it.segEnd = it.from, q
	it.pos, it.from = q, q
	it.k, it.segLen = 0, 0
	it.segClass = 0
	if first < 0 {
		return
	}
	if runes == 1 {
		if len(norm.NFKC.PropertiesString(s[start:]).Decomposition()) == 0 || isLatin(first) {
			// NFKC leaves a lone rune without a decomposition alone, and
			// the letters of the Latin fold are listed because it does.
			it.segLen = copy(it.out[:], s[start:start+firstSize])
			return
		}
		if unicode.Is(superSub, first) && !unicode.IsLetter(first) {
			it.segClass = Filler // a superscript or subscript digit or sign, ™
		}
	}
	// The normaliser and its buffers live on the heap, made once per Iter
	// and only for text that needs them.
	if it.norm == nil {
		it.norm = new(norm.Iter)
		it.buf = make([]byte, 0, 4*maxSegment)
	}
	if contiguous {
		it.norm.InitString(norm.NFKC, s[start:q])
	} else {
		raw := it.buf[:0]
		kept := 0
		for i := start; i < q && kept < maxSegment; {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && n == 1) && !Removable(r) {
				raw = append(raw, s[i:i+n]...)
				kept++
			}
			i += n
		}
		it.buf = raw
		it.norm.Init(norm.NFKC, raw)
	}
	out := it.out[:0]
	for !it.norm.Done() && len(out) < len(it.out) {
		out = append(out, it.norm.Next()...)
	}
	// Keep at most maxSegment runes, so that folding the result again
	// cuts it nowhere.
	for i, n := 0, 0; i < len(out) && n < maxSegment; n++ {
		_, size := utf8.DecodeRune(out[i:])
		if i+size > len(it.out) {
			break
		}
		i += size
		it.segLen = i
	}
}

// String returns s folded, with white space tidied: runs of white space
// become one ASCII space, white space next to a Chinese character on both
// sides disappears (示 例 → 示例, but 示例 abc keeps its space), and
// leading and trailing white space goes. String is idempotent and returns
// s itself, without allocating, when s is already folded.
func String(s string) string {
	simple, folded := check(s)
	if folded {
		return s
	}
	return fold(s, simple)
}

// StringSimple is String, and reports whether its result is known to be
// simple (see [IsSimple]): it is when s was already folded (and so
// simple), in which case String returns s itself. A false answer says
// nothing.
func StringSimple(s string) (string, bool) {
	simple, folded := check(s)
	if folded {
		return s, true
	}
	return fold(s, simple), false
}

// fold is String of s, which check found not folded (and simple or not).
func fold(s string, simple bool) string {
	out, relowered := once(s, simple)
	// Only when a letter NFKC produced was lower-cased can a second pass
	// change anything (it may then compose with an accent that follows);
	// passes repeat until nothing changes.
	for n := 0; relowered && n < 3; n++ {
		var again string
		again, relowered = once(out, false)
		if again == out {
			break
		}
		out = again
	}
	return out
}

// once folds s in one pass, and tells whether a letter NFKC produced was
// lower-cased.
func once(s string, simple bool) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var last Class
	add := func(r rune, c Class) {
		if c == Space {
			space = b.Len() > 0
			return
		}
		if space && !(last == Han && c == Han) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		last = c
	}
	if simple {
		for i := 0; i < len(s); {
			r, n, c := QuickRune(s, i)
			i += n
			if c != 0 {
				add(r, c)
			}
		}
		return b.String(), false
	}
	var it Iter
	it.Init(s)
	for {
		r, c, _, _, ok := it.Next()
		if !ok {
			return b.String(), it.relowered
		}
		add(r, c)
	}
}

// check reports whether s is simple (see [IsSimple]) and whether it is
// already folded; a text that is not simple is never known to be folded.
func check(s string) (simple, folded bool) {
	var last Class
	space := false
	folded = true
	for i := 0; i < len(s); {
		if r, ok := ideographAt(s, i); ok {
			// QuickRune's Han case, read here: the commonest rune of a
			// name. It is folded when it simplifies to itself, and its
			// class is Han.
			if folded && (hanvariant.SimplifyBMP(uint16(r)) != r || space && last == Han) {
				folded = false
			}
			i += 3
			space, last = false, Han
			continue
		}
		r, n, c := QuickRune(s, i)
		if n == 0 {
			return false, false
		}
		if !folded {
			i += n
			continue
		}
		if c == 0 || r != decodeSimple(s, i, n) {
			folded = false
		}
		first, final := i == 0, i+n == len(s)
		i += n
		switch {
		case c == Space:
			if space || first || final || r != ' ' {
				folded = false // doubled, leading, trailing or not a plain space
			}
			space = true
			continue
		case space && last == Han && c == Han:
			folded = false
		}
		space = false
		last = c
	}
	return true, folded
}

// ideographAt returns the rune at s[i] when it is a CJK unified
// ideograph of U+4000–U+4DBF or U+4E00–U+9FFF (a UTF-8 lead byte of E4
// to E9): the commonest rune of a name, which QuickRune reads as Han (it
// reads U+3400–U+3FFF so too, in its general case).
func ideographAt(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	// Written to inline (TestIdeographAt holds it to utf8's decoding):
	// b-0xE4 ≤ 5 for a lead byte of E4 to E9, (b1^0x80)|(b2^0x80) < 0x40
	// for two continuation bytes.
	b, b1, b2 := s[i], s[i+1], s[i+2]
	r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
	return r, b-0xE4 <= 0xE9-0xE4 && (b1^0x80)|(b2^0x80) < 0x40 && (r >= 0x4E00 || r <= 0x4DBF)
}

// decodeSimple decodes the simple rune of size n at s[i].
func decodeSimple(s string, i, n int) rune {
	if n == 1 {
		return rune(s[i])
	}
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}
