package names

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/ahocorasick"
	"github.com/icpcheck/beian/rules/names/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/hanvariant"
)

// A Dictionary is a compiled set of words to find in names, such as the
// sensitive words of SITE_NAME_SENSITIVE. It finds them however the name
// disguises them: through the folding of [Normalize] (full-width
// letters, traditional characters, invisible characters), and across the
// spaces, punctuation and symbols a name puts between their characters
// (赌 博, 赌.博, 赌★博). Words of Latin letters or digits are found as whole
// words only: "sex" is not found in "Essex".
//
// A dictionary may hold exceptions: innocent words containing a listed
// word, such as 特色 for 色情 (特色情侣) or 反腐蚀 for 反腐. A listed word is
// not reported where an exception overlaps it without lying inside it.
//
// Finding words costs the same whatever the number of words (an
// Aho–Corasick automaton over runes). A Dictionary is immutable and safe
// for concurrent use; build it once and share it.
type Dictionary struct {
	ac      *ahocorasick.Automaton
	entries []dictEntry // by the automaton's word number
	words   int         // entries that are not exceptions
	maxLen  int         // runes of the longest entry
}

// A dictEntry is one word or exception, folded, without separators.
type dictEntry struct {
	word      string
	category  string
	runes     int32
	exception bool
	left      bool // starts with a letter or digit: needs a word boundary before
	right     bool // ends with one: needs a word boundary after
}

// A Match is one word of a dictionary found in a text.
type Match struct {
	// Word is the dictionary word, in its normal form (simplified
	// characters, lower case, without separators).
	Word string
	// Category is the word's category in the dictionary file ("gambling"
	// …), empty for words given without one.
	Category string
	// Start and End are the byte offsets in the text searched:
	// text[Start:End] is the word as written there, disguises included.
	Start, End int
}

// NewDictionary returns a dictionary of words. A word starting with "!"
// is an exception (see [Dictionary]); a word left empty once its
// separators are removed ("★", "--") is ignored, as are repeated words.
func NewDictionary(words ...string) *Dictionary {
	return newDictionary(parseWords(nil, words, ""))
}

// ReadDictionary reads a dictionary in the format of the default one: one
// word per line; "!word" for an exception; "## name" starts the category
// "name" for the words that follow; other lines starting with "#", and
// blank lines, are comments. A word with no letter, digit or Chinese
// character is an error.
func ReadDictionary(r io.Reader) (*Dictionary, error) {
	var entries []dictEntry
	category := ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "##"):
			fields := strings.Fields(line[2:])
			if len(fields) == 0 {
				return nil, fmt.Errorf("names: dictionary line %d: category heading without a name", n)
			}
			category = fields[0]
			continue
		case line == "" || line[0] == '#':
			continue
		}
		before := len(entries)
		entries = parseWords(entries, []string{line}, category)
		if len(entries) == before {
			return nil, fmt.Errorf("names: dictionary line %d: %q has no letter, digit or Chinese character", n, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("names: reading dictionary: %w", err)
	}
	return newDictionary(entries), nil
}

// With returns a new dictionary holding d's words and exceptions and the
// words given (see [NewDictionary]); d is not changed.
func (d *Dictionary) With(words ...string) *Dictionary {
	entries := slices.Clone(d.entries)
	return newDictionary(parseWords(entries, words, ""))
}

// Category returns the category of word (in its normal form) and whether
// the dictionary holds the word; exceptions are not words.
func (d *Dictionary) Category(word string) (string, bool) {
	for _, e := range d.entries {
		if !e.exception && e.word == word {
			return e.category, true
		}
	}
	return "", false
}

// Len returns the number of words, exceptions not counted.
func (d *Dictionary) Len() int { return d.words }

// Words returns the dictionary's words in their normal form, exceptions
// not included, in the order given.
func (d *Dictionary) Words() []string {
	out := make([]string, 0, d.words)
	for _, e := range d.entries {
		if !e.exception {
			out = append(out, e.word)
		}
	}
	return out
}

// parseWords appends the entries of words to entries.
func parseWords(entries []dictEntry, words []string, category string) []dictEntry {
	entries = slices.Grow(entries, len(words))
	// The words' folded forms share one string.
	buf := make([]byte, 0, 3*len(words)*4)
	type span struct{ start, end int }
	spans := make([]span, 0, len(words))
	first := len(entries)
	for _, w := range words {
		exception := false
		if s, ok := strings.CutPrefix(strings.TrimSpace(w), "!"); ok {
			w, exception = s, true
		}
		var it fold.Iter
		it.Init(w)
		var head, tail fold.Class
		n := int32(0)
		start := len(buf)
		for {
			r, c, _, _, ok := it.Next()
			if !ok {
				break
			}
			if c.Separator() {
				continue
			}
			if n == 0 {
				head = c
			}
			tail = c
			n++
			buf = utf8.AppendRune(buf, r)
		}
		if n == 0 {
			continue
		}
		spans = append(spans, span{start, len(buf)})
		entries = append(entries, dictEntry{
			category: category, runes: n, exception: exception,
			left: head == fold.Word, right: tail == fold.Word,
		})
	}
	all := string(buf)
	for k, sp := range spans {
		entries[first+k].word = all[sp.start:sp.end]
	}
	return entries
}

// newDictionary compiles entries, dropping repeated ones (the first
// wins: a word listed both as a word and as an exception is a word).
func newDictionary(entries []dictEntry) *Dictionary {
	seen := make(map[string]bool, len(entries))
	kept := entries[:0]
	total := 0
	for _, e := range entries {
		if seen[e.word] {
			continue
		}
		seen[e.word] = true
		kept = append(kept, e)
		total += int(e.runes)
	}
	d := &Dictionary{entries: slices.Clip(kept)}
	flat := make([]rune, 0, total)
	words := make([][]rune, len(kept))
	for i, e := range kept {
		start := len(flat)
		flat = append(flat, []rune(e.word)...)
		words[i] = flat[start:len(flat):len(flat)]
		d.maxLen = max(d.maxLen, int(e.runes))
		if !e.exception {
			d.words++
		}
	}
	d.ac = ahocorasick.Build(words, hanvariant.Simplify)
	return d
}

// An occurrence is an entry found by scan, in runes of the folded text
// without separators (first, last) and in bytes of the text (start, end).
type occurrence struct {
	entry       int32
	first, last int32
	start, end  int
	dead        bool
}

// A slot records, for one rune of the folded text, where it starts in the
// text, whether it is a letter or digit, and whether a separator comes
// before it.
type slot struct {
	start int32
	word  bool
	sep   bool
}

// ringSize is the number of runes scan remembers without allocating; a
// dictionary with longer entries has scan allocate its ring.
const ringSize = 32

// scan appends to found every occurrence of an entry in text whose word
// boundaries hold, in the order they end. It reads the folded runes of
// text, separators left out; on the quick path it decodes ideographs
// itself, and at the first rune the quick path cannot fold it starts
// again through the normaliser.
func (d *Dictionary) scan(text string, found []occurrence) []occurrence {
	var ring [ringSize]slot
	slots := ring[:]
	if d.maxLen >= ringSize {
		n := ringSize
		for n <= d.maxLen {
			n <<= 1
		}
		slots = make([]slot, n)
	}
	mask := int32(len(slots) - 1)
	base := len(found)
	ac := d.ac
	simplify := !ac.FoldsCJK() // the automaton does not fold ideographs itself

	pos, from := 0, 0 // the next byte; the start of the next rune's range
	state := int32(0)
	i := int32(-1) // index of the last rune read
	sep := false   // a separator came since
	settle := base // found[settle:] ended at rune i
	for pos < len(text) {
		// Ideographs, nearly every rune of a name: no separator, not a
		// letter or digit, and the automaton maps a traditional one to
		// its simplified form's symbol itself.
		if b := text[pos]; 0xE4 <= b && b <= 0xE9 && pos+2 < len(text) {
			u := text[pos : pos+3]
			b1, b2 := u[1], u[2]
			r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && (r >= 0x4E00 || r <= 0x4DBF) {
				i++
				slots[i&mask] = slot{start: int32(from), sep: sep}
				sep = false
				settle = len(found)
				pos += 3
				from = pos
				if simplify {
					r = hanvariant.SimplifyBMP(uint16(r))
				}
				sym := ac.Symbol(r)
				if sym == 0 {
					state = 0
					continue
				}
				// The common failures are settled here: at the root, and
				// where the fail link is the root.
				if t := ac.Child(state, sym); t >= 0 {
					state = t
				} else if state == 0 {
					continue
				} else if ac.FailLink(state) == 0 {
					if state = ac.Child(0, sym); state < 0 {
						state = 0
						continue
					}
				} else {
					state = ac.Fail(state, sym)
				}
				if ac.HasOutput(state) {
					found = d.emit(found, slots, mask, state, i, pos)
				}
				continue
			}
		}
		r, n, c := fold.QuickRune(text, pos)
		if n == 0 {
			return d.scanSlow(text, found[:base], slots)
		}
		pos += n
		switch {
		case c == 0:
			continue // removed; its bytes go with the next rune
		case c.Separator():
			sep = true
			from = pos
			continue
		}
		word := c == fold.Word
		if word && !sep {
			d.notWholeWords(found[settle:])
		}
		i++
		slots[i&mask] = slot{start: int32(from), word: word, sep: sep}
		sep = false
		settle = len(found)
		from = pos
		state = ac.Next(state, r)
		if ac.HasOutput(state) {
			found = d.emit(found, slots, mask, state, i, pos)
		}
	}
	return found
}

// scanSlow is scan through the normaliser.
func (d *Dictionary) scanSlow(text string, found []occurrence, slots []slot) []occurrence {
	mask := int32(len(slots) - 1)
	var it fold.Iter
	it.Init(text)
	state := int32(0)
	i := int32(-1)
	sep := false
	settle := len(found)
	for {
		r, c, start, end, ok := it.Next()
		if !ok {
			return found
		}
		if c.Separator() {
			sep = true
			continue
		}
		word := c == fold.Word
		if word && !sep {
			d.notWholeWords(found[settle:])
		}
		i++
		slots[i&mask] = slot{start: int32(start), word: word, sep: sep}
		sep = false
		settle = len(found)
		state = d.ac.Next(state, r)
		if d.ac.HasOutput(state) {
			found = d.emit(found, slots, mask, state, i, end)
		}
	}
}

// notWholeWords marks dead the occurrences, all ending at the rune before
// a letter or digit, of entries that must end a word.
func (d *Dictionary) notWholeWords(ended []occurrence) {
	for k := range ended {
		if d.entries[ended[k].entry].right {
			ended[k].dead = true
		}
	}
}

// emit appends the occurrences of the entries ending at state, the rune
// i, whose text ends at byte end, when their start is a word boundary as
// they need.
func (d *Dictionary) emit(found []occurrence, slots []slot, mask, state, i int32, end int) []occurrence {
	w, next := d.ac.Out(state)
	for {
		if w >= 0 {
			e := &d.entries[w]
			first := i - e.runes + 1
			if !e.left || first == 0 || slots[first&mask].sep || !slots[(first-1)&mask].word {
				found = append(found, occurrence{entry: w, first: first, last: i, start: int(slots[first&mask].start), end: end})
			}
		}
		if next == 0 {
			return found
		}
		w, next = d.ac.Out(next)
	}
}

// resolve keeps, of the occurrences scan found, the words that no
// exception overlaps without lying inside them and that no longer word
// contains, sorted by position; it reuses found's memory.
func (d *Dictionary) resolve(found []occurrence) []occurrence {
	for k := range found {
		m := &found[k]
		if m.dead || d.entries[m.entry].exception {
			continue
		}
		for _, x := range found {
			if x.dead || !d.entries[x.entry].exception {
				continue
			}
			overlaps := x.first <= m.last && x.last >= m.first
			inside := x.first >= m.first && x.last <= m.last
			if overlaps && !inside {
				m.dead = true
				break
			}
		}
	}
	for k := range found {
		m := &found[k]
		if m.dead || d.entries[m.entry].exception {
			continue
		}
		for _, x := range found {
			if x.dead || d.entries[x.entry].exception || (x.first == m.first && x.last == m.last) {
				continue
			}
			if x.first <= m.first && x.last >= m.last {
				m.dead = true // inside a longer word found
				break
			}
		}
	}
	kept := found[:0]
	for _, m := range found {
		if !m.dead && !d.entries[m.entry].exception {
			kept = append(kept, m)
		}
	}
	slices.SortFunc(kept, func(a, b occurrence) int {
		if a.first != b.first {
			return int(a.first - b.first)
		}
		return int(a.last - b.last)
	})
	return kept
}

func (d *Dictionary) match(o occurrence) Match {
	e := &d.entries[o.entry]
	return Match{Word: e.word, Category: e.category, Start: o.start, End: o.end}
}

// Find returns the first word of d in text, and false when there is none.
// It does not allocate for a text of up to a few words found.
func (d *Dictionary) Find(text string) (Match, bool) {
	var buf [4]occurrence
	found := d.scan(text, buf[:0])
	if len(found) == 0 {
		return Match{}, false
	}
	if found = d.resolve(found); len(found) == 0 {
		return Match{}, false
	}
	return d.match(found[0]), true
}

// FindAll returns every word of d in text, by position. Where found words
// overlap, each is reported; a word found inside a longer one (赌博 in
// 网络赌博) is not.
func (d *Dictionary) FindAll(text string) []Match {
	var buf [4]occurrence
	found := d.resolve(d.scan(text, buf[:0]))
	if len(found) == 0 {
		return nil
	}
	out := make([]Match, len(found))
	for k, o := range found {
		out[k] = d.match(o)
	}
	return out
}
