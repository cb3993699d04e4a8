package names

import (
	"slices"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// memoRunes is how many characters of a name's stream a Memo keeps the
// lexicon's answers for: a name's first 32 Chinese characters (the
// characters of a longer one after them are looked up each time).
const memoRunes = 32

// A Memo remembers the lexicon's answers about the Chinese characters of
// the last name segmented through it, so that the dictionaries looking
// into one name (a website name's banned prefixes, sensitive words,
// words of personal sites and of pre-approval industries) segment it
// once: the words of one to four characters at each place, their
// frequency, whether they are place names or company-name parts, and
// whether a surname starts there. The segmentation weighs those the same
// way whichever dictionary asks; what is a dictionary's own (its words
// found, its exceptions) is never remembered.
//
// The answers are kept for the name they were found for: a find through
// a Memo over other characters (or the same text read as other characters,
// as a dictionary may read an iteration mark) starts the Memo over, so
// that an answer is never given for another name. A Memo changes no answer: [Memo.Find], [Memo.FindAll] and
// [Memo.FindEvery] return what [Dictionary.FindIn], [Dictionary.FindAllIn]
// and [Dictionary.FindEveryIn] return.
//
// The zero value is ready to use. A Memo is not safe for concurrent use:
// each goroutine (each validation) has its own, and [Memo.Reset] forgets
// everything, so that nothing learnt of one caller's name outlives its
// validation.
type Memo struct {
	n      int // characters held; 0 before the first segmentation
	stream [memoRunes]rune
	at     [memoRunes]lexAnswers
	// The readings of the last words segmented in the stream (see
	// [Dictionary.straddle]), nread of them, the oldest replaced first
	// after memoReadings: a word found again in the same stream by the
	// same dictionary, with the same words found around it (the name
	// read again as typed, to find where a word is written), is not
	// segmented again.
	nread    int
	readings [memoReadings]memoReading
	// What Clear clears: the most characters held, and how many readings
	// were kept, since the Memo was last cleared (bind and Reset leave
	// answers past n, and readings, in place).
	maxN, kept int
}

// memoReadings is how many readings a Memo keeps.
const memoReadings = 4

// maxKeyFound is how many words found in the window a reading kept by a
// Memo may have had; a window with more is segmented each time.
const maxKeyFound = 4

// A memoReading is a reading and everything it depends on besides the
// stream: the dictionary, the word's runes and the words found in the
// window (straddle's hans, by entry and runes).
type memoReading struct {
	d           *Dictionary
	first, last int32
	nfound      int
	found       [maxKeyFound]foundKey
	r           reading
}

// A foundKey is what the segmentation reads of a word found: its entry
// and runes.
type foundKey struct{ entry, first, last int32 }

// reading returns the reading m keeps of o segmented by d with the words
// found in its window, if any.
func (m *Memo) reading(d *Dictionary, o occurrence, found []occurrence) (*reading, bool) {
	if len(found) > maxKeyFound {
		return nil, false
	}
next:
	for i := range min(m.nread, memoReadings) {
		k := &m.readings[i]
		if k.d != d || k.first != o.first || k.last != o.last || k.nfound != len(found) {
			continue
		}
		for j, f := range found {
			if k.found[j] != (foundKey{f.entry, f.first, f.last}) {
				continue next
			}
		}
		return &k.r, true
	}
	return nil, false
}

// keepReading keeps r as the reading of o segmented by d with the words
// found in its window (none kept when they are too many).
func (m *Memo) keepReading(d *Dictionary, o occurrence, found []occurrence, r *reading) {
	if len(found) > maxKeyFound {
		return
	}
	k := &m.readings[m.nread%memoReadings]
	k.d, k.first, k.last, k.nfound, k.r = d, o.first, o.last, len(found), *r
	for j, f := range found {
		k.found[j] = foundKey{f.entry, f.first, f.last}
	}
	m.nread++
	m.kept++
}

// lexAnswers are the lexicon's answers about the words starting at one
// character of a stream: bit k-1 of each mask is about the word of k
// characters (k from 2 to 4); char about the character itself, as
// lexicon.Char gives it. The lexicon's codes fit a byte
// (TestCodesFitAByte): a memo of a name of 32 characters takes 512 bytes.
type lexAnswers struct {
	done     uint8    // looked up
	known    uint8    // a word of the lexicon
	place    uint8    // a place name (known words only)
	company  uint8    // a company-name part (known words only)
	code     [3]uint8 // of the known words of 2 to 4 characters
	surname  uint8    // bit 0: the two-character surname looked up, bit 1: it is one
	charDone bool     // char looked up
	char     lexicon.CharInfo
}

// Reset makes m forget every answer, and the name they were for.
func (m *Memo) Reset() { m.n, m.nread = 0, 0 }

// Clear makes m the zero Memo, as *m = Memo{} does, writing only what
// was written since it was last cleared (the characters held, their
// answers and the readings kept), so that a Memo kept for validation
// after validation forgets each one's names at the cost of what it held
// of them, not of its whole size.
func (m *Memo) Clear() {
	clear(m.stream[:m.maxN])
	clear(m.at[:m.maxN])
	clear(m.readings[:min(m.kept, memoReadings)])
	m.n, m.nread, m.maxN, m.kept = 0, 0, 0, 0
}

// bind makes m hold the answers for stream, a text's stream of Chinese
// characters: kept when they are the characters m holds answers for
// (as far as m holds them), forgotten otherwise. The answers are of the
// characters alone: the same name typed otherwise (with an invisible
// character, in full width) keeps them. The readings are kept only for a
// stream m holds whole.
func (m *Memo) bind(stream []rune) {
	n := min(len(stream), memoRunes)
	if n == m.n && slices.Equal(m.stream[:n], stream[:n]) {
		if len(stream) > n {
			m.nread = 0
		}
		return
	}
	m.n, m.nread, m.maxN = n, 0, max(m.maxN, n)
	copy(m.stream[:], stream[:n])
	clear(m.at[:n])
}

// holds reports whether m (nil: no memo) holds the answers about the k
// characters of its stream from i.
func (m *Memo) holds(i, k int) bool { return m != nil && i+k <= m.n }

// char returns what the lexicon knows of the character r, character i
// of the stream.
func (m *Memo) char(i int, r rune) lexicon.CharInfo {
	if !m.holds(i, 1) {
		return lexicon.Char(r)
	}
	a := &m.at[i]
	if !a.charDone {
		a.char, a.charDone = lexicon.Char(r), true
	}
	return a.char
}

// word returns what the lexicon says of w, the k characters (2 to 4) of
// the stream from i: its frequency code, whether it knows it, and, for a
// word it knows, whether it is a place name and a company-name part
// (lexicon.Word: both read beside the word, at no cost of their own).
// What it looks up is what the segmentation without a memo looks up,
// once.
func (m *Memo) word(i, k int, w []byte) (code int16, known, place, company bool) {
	if !m.holds(i, k) {
		c, ok, place, company := lexicon.Word(string(w))
		return int16(c), ok, place, company
	}
	a := &m.at[i]
	bit := uint8(1) << (k - 1)
	if a.done&bit == 0 {
		c, ok, place, company := lexicon.Word(string(w))
		a.done |= bit
		if ok {
			a.code[k-2] = uint8(c)
			a.known |= bit
			if place {
				a.place |= bit
			}
			if company {
				a.company |= bit
			}
		}
	}
	if a.known&bit == 0 {
		return 0, false, false, false
	}
	return int16(a.code[k-2]), true, a.place&bit != 0, a.company&bit != 0
}

// lengths returns lexicon.Lengths of the characters a, b, characters i
// and i+1 of the stream: bit k-2 clear when no word of k characters
// starts with them. m records those words as looked up and unknown; when
// it holds every answer at i, it returns all bits set (its answers say).
func (m *Memo) lengths(i int, a, b rune) uint8 {
	if !m.holds(i, 2) {
		return lexicon.Lengths(a, b)
	}
	x := &m.at[i]
	if x.done&0b1110 == 0b1110 {
		return 0b111
	}
	l := lexicon.Lengths(a, b)
	x.done |= ^l << 1 & 0b1110
	return l
}

// answered reports whether m (nil: no memo) holds the lexicon's answers
// about every word of 2 to kmax characters of its stream from i (kmax
// from 1 to 4: of 1, there is none to hold).
func (m *Memo) answered(i, kmax int) bool {
	if !m.holds(i, kmax) {
		return false
	}
	want := uint8(1)<<kmax - 2 // bits 1 to kmax-1
	return m.at[i].done&want == want
}

// appendWords appends to toks the tokens of the words of the lexicon of 2
// to kmax characters from character i of the stream, rune w of a window,
// as the segmentation reads them (places, then other words), and sets
// *company when one of them is a company-name part; m holds every answer
// (answered).
func (m *Memo) appendWords(toks []token, i, w, kmax int, company *bool) []token {
	a := &m.at[i]
	for k := 2; k <= kmax; k++ {
		bit := uint8(1) << (k - 1)
		if a.known&bit == 0 {
			continue
		}
		c := int16(a.code[k-2])
		if a.company&bit != 0 {
			*company = true
		}
		if a.place&bit != 0 {
			toks = append(toks, token{j: int32(w + k), kind: tokPlace, common: true, score: tokenScore(max(c, placeCode), false)})
		} else {
			toks = append(toks, token{j: int32(w + k), kind: tokWord, common: c >= commonCode, score: tokenScore(c, false)})
		}
	}
	return toks
}

// wordRunes is word of the k characters rs (2 to 4), made into bytes
// only when m lacks the answer.
func (m *Memo) wordRunes(i int, rs []rune) (code int16, known, place, company bool) {
	k := len(rs)
	if m.holds(i, k) {
		a := &m.at[i]
		if bit := uint8(1) << (k - 1); a.done&bit != 0 {
			if a.known&bit == 0 {
				return 0, false, false, false
			}
			return int16(a.code[k-2]), true, a.place&bit != 0, a.company&bit != 0
		}
	}
	var buf [4 * utf8.UTFMax]byte
	w := buf[:0]
	for _, r := range rs {
		w = utf8.AppendRune(w, r)
	}
	return m.word(i, k, w)
}

// code is word without the place name and company-name part.
func (m *Memo) code(i, k int, w []byte) (int16, bool) {
	if !m.holds(i, k) {
		c, ok := lexicon.Lookup(string(w))
		return int16(c), ok
	}
	c, ok, _, _ := m.word(i, k, w)
	return c, ok
}

// surname2 reports whether w, the two characters of the stream from i,
// are a surname.
func (m *Memo) surname2(i int, w []byte) bool {
	if !m.holds(i, 2) {
		return lexicon.Surname(string(w))
	}
	a := &m.at[i]
	if a.surname&1 == 0 {
		a.surname |= 1
		if lexicon.Surname(string(w)) {
			a.surname |= 2
		}
	}
	return a.surname&2 != 0
}

// Find is [Dictionary.FindIn] of p, the segmentation's lexicon answers
// shared through m.
func (m *Memo) Find(d *Dictionary, p *Prepared) (Match, bool) {
	var buf [4]occurrence
	var stream [64]rune
	found := d.findAs(p.text, p, buf[:0], stream[:0], false, nil, m)
	if len(found) == 0 {
		return Match{}, false
	}
	return d.match(found[0]), true
}

// FindAll is [Dictionary.FindAllIn] of p, the segmentation's lexicon
// answers shared through m.
func (m *Memo) FindAll(d *Dictionary, p *Prepared) []Match {
	var buf [4]occurrence
	var stream [64]rune
	return d.matches(d.findAs(p.text, p, buf[:0], stream[:0], false, nil, m))
}

// FindEvery is [Dictionary.FindEveryIn] of p, the segmentation's lexicon
// answers shared through m.
func (m *Memo) FindEvery(d *Dictionary, p *Prepared) []Match {
	return m.AppendEvery(nil, d, p)
}

// AppendEvery appends to dst what [Memo.FindEvery] returns and returns
// the result, so that a caller with room for a few matches (a buffer on
// its stack) allocates nothing for them.
func (m *Memo) AppendEvery(dst []Match, d *Dictionary, p *Prepared) []Match {
	var buf [4]occurrence
	var stream [64]rune
	found := d.findAs(p.text, p, buf[:0], stream[:0], true, nil, m)
	if len(found) == 0 {
		return dst
	}
	dst = slices.Grow(dst, len(found))
	for _, o := range found {
		dst = append(dst, d.match(o))
	}
	return dst
}
