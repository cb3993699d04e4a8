// Package fold turns text into the form the naming rules compare: the
// runes a reader sees, whatever way they were typed.
//
// Folding removes invalid bytes and invisible characters (format
// characters such as zero-width spaces, control characters other than
// white space, private-use characters, variation selectors, fillers),
// applies Unicode compatibility normalisation (NFKC, which also folds
// full-width and half-width forms), lower-cases letters, and maps
// traditional Chinese characters to simplified ones (package hanvariant).
// [Iter] yields the folded runes with the bytes of the source each comes
// from; [String] returns the folded text with white space tidied.
//
// Text made only of ASCII, CJK unified ideographs of the Basic
// Multilingual Plane, common CJK punctuation and full-width ASCII — nearly
// every site name — takes a quick path that folds rune by rune without
// the normaliser and without allocating: on those runes NFKC is known to
// be the identity or the width fold (TestSimpleRunes checks every one).
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian/rules/names/internal/hanvariant"
)

// A Class is what kind of character a folded rune is.
type Class uint8

// The classes.
const (
	// Han is a Chinese character (the Han script: ideographs, 々, 〇).
	Han Class = iota + 1
	// Word is a letter or digit of another script (Latin, digits, kana …).
	Word
	// Space is white space.
	Space
	// Punct is punctuation or a symbol.
	Punct
	// Mark is a combining mark left standing alone by normalisation.
	Mark
	// Other is anything else (unassigned code points, other numbers).
	Other
)

// Separator reports whether c separates words rather than making them:
// white space, punctuation, symbols and stray marks. The dictionary
// matcher skips separators, so that 赌 博, 赌.博 and 赌★博 all read 赌博.
func (c Class) Separator() bool { return c == Space || c == Punct || c == Mark }

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
	case unicode.Is(unicode.Han, r):
		return Han
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

// Removable reports whether r is dropped by folding: a control character
// other than white space, a format character (zero-width spaces and
// joiners, direction marks, the byte-order mark, soft hyphens, tags), a
// private-use character, or a character that shows nothing without being
// a space (fillers, variation selectors, the braille blank). It is the set
// the text rule reports as invisible or control characters.
func Removable(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7F:
		return r != '\t' && r != '\n' && r != '\v' && r != '\f' && r != '\r'
	case r < 0x80:
		return false
	case 0x2E80 <= r && r < 0xD800 && r != 0x3164:
		return false // CJK, kana and Hangul hold none but the Hangul filler
	}
	switch {
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cc, r), unicode.Is(unicode.Co, r):
		return true
	case r == 0x034F, // combining grapheme joiner
		r == 0x115F, r == 0x1160, r == 0x3164, r == 0xFFA0, // Hangul fillers
		r == 0x2800,                  // braille blank
		0xFE00 <= r && r <= 0xFE0F,   // variation selectors
		0xE0100 <= r && r <= 0xE01EF, // variation selectors supplement
		0x180B <= r && r <= 0x180F,   // Mongolian free variation selectors
		r == 0xFFFE || r == 0xFFFF:   // noncharacters
		return true
	}
	return false
}

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
		_, n, _ := QuickRune(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// foldRune folds one rune of the normaliser's output.
func foldRune(r rune) rune { return hanvariant.Simplify(lower(r)) }

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

// An Iter yields the folded runes of a text, each with the byte range of
// the text it comes from. Runes that come from one piece of the
// normaliser's output (the three runes of ㈱ → (株), say) share the range
// of that piece; a removed rune counts with a neighbour. The zero
// Iter is empty; Init starts it. An Iter over a simple text (see
// [IsSimple]) does not allocate.
type Iter struct {
	src   string
	pos   int  // next byte of src (the quick path)
	quick bool // the whole text is simple

	// The normaliser's path: pre is src with removable runes dropped and
	// letters lower-cased; offs[i] is the byte of src that byte i of pre
	// comes from (len(pre)+1 entries; nil when pre is src). pre[p:normal]
	// is known to be in NFKC already and is folded rune by rune; the rest
	// goes through the normaliser a segment at a time.
	pre      string
	offs     []int32
	p        int
	normal   int
	norm     *norm.Iter
	seg      []byte // the normalised segment being read
	k        int    // next byte of seg
	segStart int    // range of src seg comes from
	segEnd   int
	// relowered is set when a rune NFKC produced was lower-cased.
	relowered bool
}

// Init starts it over text.
func (it *Iter) Init(text string) {
	*it = Iter{src: text}
	if IsSimple(text) {
		it.quick = true
		return
	}
	it.pre, it.offs = prepare(text)
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
		if it.k < len(it.seg) {
			r, n := utf8.DecodeRune(it.seg[it.k:])
			it.k += n
			if l := lower(r); l != r {
				// NFKC gave an upper-case letter (ℌ → H): lower-cased,
				// it might compose with an accent that follows.
				r, it.relowered = l, true
			}
			r = hanvariant.Simplify(r)
			return r, ClassOf(r), it.segStart, it.segEnd, true
		}
		if it.p < it.normal {
			r, n := utf8.DecodeRuneInString(it.pre[it.p:])
			start := it.orig(it.p)
			it.p += n
			r = foldRune(r)
			return r, ClassOf(r), start, it.orig(it.p), true
		}
		if it.p >= len(it.pre) {
			return 0, 0, 0, 0, false
		}
		// A simple rune followed by a simple one (or by nothing) is in
		// NFKC and cannot combine: fold it without the normaliser.
		if r, n, c := QuickRune(it.pre, it.p); c != 0 {
			if next := it.p + n; next == len(it.pre) || nextSimple(it.pre, next) {
				start := it.orig(it.p)
				it.p = next
				it.normal = next
				return r, c, start, it.orig(next), true
			}
		}
		// The normaliser's quick check, up to the next simple rune (which
		// cannot combine with what comes before it).
		q := it.p
		for q < len(it.pre) {
			_, n, _ := QuickRune(it.pre, q)
			if q > it.p && n > 0 {
				break
			}
			if n == 0 {
				_, n = utf8.DecodeRuneInString(it.pre[q:])
			}
			q += n
		}
		if n := norm.NFKC.QuickSpanString(it.pre[it.p:q]); n > 0 {
			it.normal = it.p + n
			continue
		}
		it.normalise()
	}
}

func nextSimple(s string, i int) bool {
	_, n, c := QuickRune(s, i)
	return n > 0 && c != 0
}

// normalise reads the segment at it.p through the normaliser. A long
// decomposition (㈱ → (株)) comes in several pieces before the position
// moves; they are read together, as coming from the one rune.
func (it *Iter) normalise() {
	if it.norm == nil {
		it.norm = new(norm.Iter)
	}
	it.norm.InitString(norm.NFKC, it.pre[it.p:])
	it.seg = it.seg[:0]
	for {
		it.seg = append(it.seg, it.norm.Next()...)
		if it.norm.Pos() > 0 || it.norm.Done() {
			break
		}
	}
	a, b := it.p, it.p+it.norm.Pos()
	if b == a {
		_, n := utf8.DecodeRuneInString(it.pre[a:])
		b = a + n
	}
	it.k = 0
	it.p = b
	it.segStart, it.segEnd = it.orig(a), it.orig(b)
}

// orig maps a byte offset of pre to one of src.
func (it *Iter) orig(i int) int {
	if it.offs == nil {
		return i
	}
	return int(it.offs[i])
}

// prepare drops invalid bytes and removable runes from s and lower-cases
// it, returning the result and, when it differs from s, the offsets of s
// its bytes come from. Lower-casing before NFKC keeps a lower-case letter
// and a following accent composed (NFKC does not compose ẘ from W and a
// ring above, but does from w).
func prepare(s string) (string, []int32) {
	clean := true
	for i, r := range s {
		if (r == utf8.RuneError && isInvalid(s, i)) || Removable(r) || lower(r) != r {
			clean = false
			break
		}
	}
	if clean {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int32, 0, len(s)+1)
	from := 0 // a kept rune's range starts after the previous kept rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && n == 1) && !Removable(r) {
			m := b.Len()
			b.WriteRune(lower(r))
			for ; m < b.Len(); m++ {
				offs = append(offs, int32(from))
			}
			from = i + n
		}
		i += n
	}
	offs = append(offs, int32(len(s)))
	return b.String(), offs
}

func isInvalid(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 1
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

// decodeSimple decodes the simple rune of size n at s[i].
func decodeSimple(s string, i, n int) rune {
	if n == 1 {
		return rune(s[i])
	}
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}
