package names

import (
	"slices"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
	"github.com/icpcheck/beian/rules/names/internal/ahocorasick"
)

// An occurrence is a word found by scan: its entry, its first and last
// rune in the stream of its automaton (the Chinese characters of the text
// for a Chinese word, every rune but separators otherwise) and its bytes
// in the text.
type occurrence struct {
	entry       int32
	first, last int32
	start, end  int
	glued       uint8 // a Latin word glued to letters: gluedLeft, gluedRight
	dead        bool  // not reported
	doubt       bool  // the segmentation reads its characters otherwise (see resolve)
	homophone   bool  // written with characters of the same reading (findHomophones)
	lettered    bool  // read through pinyin in place of a character, ending in characters typed (decidePinyin)
	tokenGap    bool  // the digits skipped inside it are tokens of their own (3D, 5G, 2024: see tokenGap)
	readAs      string
}

const (
	gluedLeft  = 1
	gluedRight = 2
)

// A slot records, for one rune of the mixed stream, where it starts in
// the text, its kind, and whether a separator comes before it.
type slot struct {
	start int32
	r     rune // the rune as read (folded), for the check of a disguised Latin word
	kind  kind
	sep   bool
}

// An accepted is a rune the Chinese words' automaton read: its index in
// the stream and where it starts in the text.
type accepted struct {
	index, start int32
}

// ringSize is the number of runes scan remembers without allocating; a
// dictionary with longer words has scan allocate its rings.
const ringSize = 16

// A scanner runs both automata of a dictionary over a text. It holds no
// pointer to memory of its caller, so that it stays on the stack: the
// occurrences found are passed in and returned by its methods.
type scanner struct {
	d    *Dictionary
	from int // where the next rune's range starts

	// The stream of Chinese characters.
	hs  int32 // state
	hi  int32 // index of the last rune of the stream
	hn  int32 // runes accepted
	gap int32 // runes inserted or skipped since the last accepted one

	// The mixed stream.
	ms     int32
	mi     int32
	sep    bool // a separator came since the last rune
	settle int  // found[settle:] are the mixed words ending at rune mi

	restart   bool // see scanAs
	ambiguous bool
	lastSym   int32 // the symbol of the last Chinese character, for an iteration mark

	// With record, recBuf and then recMore hold the stream of Chinese
	// characters as the scan counts it (one rune for each step of hi):
	// the stream resolve segments, so that the occurrences' positions
	// index it by construction. A short name's stream fits recBuf, so it
	// costs no allocation, and the scanner holds no pointer to its own or
	// its caller's memory.
	record  bool
	recN    int
	recBuf  [48]rune
	recMore []rune

	// The rings of the last runes: the arrays, or, for a dictionary of
	// words too long for them, the slices.
	acc     [ringSize]accepted
	slots   [ringSize]slot
	accBig  []accepted
	slotBig []slot
	mask    int32
}

// init starts s over a text for d, found holding the occurrences so far.
func (s *scanner) init(d *Dictionary, found []occurrence) {
	s.d, s.hi, s.mi, s.mask, s.settle = d, -1, -1, ringSize-1, len(found)
	if d.maxLen+1 >= ringSize {
		n := ringSize
		for n <= d.maxLen+1 {
			n <<= 1
		}
		s.accBig = make([]accepted, n)
		s.slotBig = make([]slot, n)
		s.mask = int32(n - 1)
	}
}

// recordRune appends r, the rune of the stream's next position, to the
// recorded stream.
func (s *scanner) recordRune(r rune) {
	if !s.record {
		return
	}
	if s.recN < len(s.recBuf) {
		s.recBuf[s.recN] = r
	} else {
		s.recMore = append(s.recMore, r)
	}
	s.recN++
}

func (s *scanner) accAt(i int32) *accepted {
	if s.accBig != nil {
		return &s.accBig[i&s.mask]
	}
	return &s.acc[i&(ringSize-1)]
}

func (s *scanner) slotAt(i int32) *slot {
	if s.slotBig != nil {
		return &s.slotBig[i&s.mask]
	}
	return &s.slots[i&(ringSize-1)]
}

// scan appends to found every occurrence of a word in text whose word
// boundaries hold, by stream, in the order they end. On the quick path
// it decodes ideographs itself; at the first rune the quick path cannot
// fold it starts again through the normaliser.
func (d *Dictionary) scan(text string, found []occurrence) []occurrence {
	found, _, _, _ = d.scanAs(text, nil, found, false, false, nil)
	return found
}

// scanAll is scan reading a numeral inside a started word both ways
// where that matters: skipped (赌1博 is 赌博) and starting a word (赌6合彩
// holds 六合彩). The second reading runs only when the first met such a
// numeral; the occurrences of both are merged, by end. It returns, in
// stream's memory, the stream of Chinese characters the occurrences'
// positions index (see scanAs).
func (d *Dictionary) scanAll(text string, pre *Prepared, found []occurrence, stream []rune) (_ []occurrence, _ []rune, steps int) {
	base := len(found)
	found, stream, ambiguous, steps := d.scanAs(text, pre, found, false, true, stream)
	if !ambiguous {
		return found, stream, steps
	}
	found, _, _, more := d.scanAs(text, pre, found, true, false, nil)
	steps += more
	all := found[base:]
	slices.SortFunc(all, func(x, y occurrence) int {
		if x.end != y.end {
			return x.end - y.end
		}
		if x.start != y.start {
			return x.start - y.start
		}
		return int(x.entry - y.entry)
	})
	kept := all[:0]
	for k, o := range all {
		if k == 0 || o.entry != all[k-1].entry || o.start != all[k-1].start || o.end != all[k-1].end {
			kept = append(kept, o)
		}
	}
	return found[:base+len(kept)], stream, steps
}

// scanAs is scan; with restart, a numeral inside a started word that
// the word does not go on with may start another; ambiguous tells
// whether the text had such a numeral that could. pre, when not nil, is
// text prepared (Prepare): its reading through the normaliser is not
// made again. With record, it returns in stream's memory the stream of
// Chinese characters as the scan counted it: the stream the occurrences'
// first and last index.
func (d *Dictionary) scanAs(text string, pre *Prepared, found []occurrence, restart, record bool, stream []rune) (_ []occurrence, _ []rune, ambiguous bool, steps int) {
	return d.scanRuns(text, pre, found, restart, record, stream, true)
}

// scanRuns is scanAs; with runs, the characters that start no word
// while none is in progress are read by quietRun, and without, one by
// one as the others (for the test that holds the two alike).
func (d *Dictionary) scanRuns(text string, pre *Prepared, found []occurrence, restart, record bool, stream []rune, runs bool) (_ []occurrence, _ []rune, ambiguous bool, steps int) {
	base := len(found)
	var s scanner
	s.init(d, found)
	s.restart = restart
	s.record = record
	han, mix := d.han, d.mix
	// The automata fold traditional characters themselves, unless their
	// alphabets are too large for the table that does it.
	simplify, mixSimplify := !han.FoldsCJK(), !mix.FoldsCJK()
	pos := 0
	for pos < len(text) {
		if b := text[pos]; runs && 0xE4 <= b && b <= 0xE9 && s.hs == 0 && s.ms == 0 {
			if pos = s.quietRun(text, pos, len(found)); pos == len(text) {
				break
			}
		}
		if b := text[pos]; 0xE4 <= b && b <= 0xE9 && pos+2 < len(text) {
			u := text[pos : pos+3]
			b1, b2 := u[1], u[2]
			r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && (r >= 0x4E00 || r <= 0x4DBF) {
				start := s.from
				pos += 3
				s.from = pos
				sym := quickHanSymbol(han, simplify, r)
				// Most characters start no word: settled here.
				if s.hs == 0 && (sym == 0 || han.Child(0, sym) < 0) {
					s.hi++
					s.recordRune(hanvariant.SimplifyBMP(uint16(r)))
					s.gap = 0
					s.lastSym = sym
					s.push(start)
				} else if s.hard(sym, hanvariant.SimplifyBMP(uint16(r)), start) {
					found = s.emitHan(found, pos)
				}
				mr := r
				if mixSimplify {
					mr = hanvariant.SimplifyBMP(uint16(r))
				}
				if s.ms == 0 && mix.Symbol(mr) == 0 {
					s.mi++
					*s.slotAt(s.mi) = slot{start: int32(start), r: r, kind: kindOther, sep: s.sep}
					s.sep = false
					s.settle = len(found)
				} else {
					found = s.mixed(found, hanvariant.SimplifyBMP(uint16(r)), kindOther, start, pos)
				}
				continue
			}
		}
		r, n, c := fold.QuickRune(text, pos)
		if n == 0 {
			if pre != nil && pre.slow != nil {
				found, stream, ambiguous, steps := d.scanPrepared(pre, found[:base], restart, record, stream)
				return found, stream, ambiguous, steps + pos
			}
			found, stream, ambiguous, steps := d.scanSlow(text, found[:base], restart, record, stream)
			return found, stream, ambiguous, steps + pos
		}
		pos += n
		found = s.step(found, r, c, pos)
	}
	// The quick path's work is a step per byte at most.
	return found, s.recorded(stream), s.ambiguous, pos
}

// quickHanSymbol is the symbol of the Chinese words' automaton a of the
// Chinese character r as the quick path reads it: folded first when
// simplify (the automaton does not fold CJK characters itself).
func quickHanSymbol(a *ahocorasick.Automaton, simplify bool, r rune) int32 {
	if simplify {
		return a.Symbol(foldKey(hanvariant.SimplifyBMP(uint16(r))))
	}
	return a.Symbol(r)
}

// quietFirst and quietEnd bound the Chinese characters of a quietTable:
// those of three bytes the quick path of scanAs decodes itself (lead
// bytes 0xE4 to 0xE9).
const quietFirst, quietEnd = 0x4000, 0xA000

// A quietTable has bit r-quietFirst set for each Chinese character r the
// quick path of scanAs reads that starts no word of the Chinese words'
// automaton and has no symbol in the other: read while no word is in
// progress in either, it leaves both automata at their start, so that
// quietRun reads it with no more than the bookkeeping of its position.
type quietTable [(quietEnd - quietFirst) / 64]uint64

// holds reports whether b, b1, b2 are the UTF-8 of a character of t:
// one of three bytes (lead byte 0xE4 to 0xE9) whose bit is set. The
// table's words are indexed by the lead byte's low bits and the second
// byte's, its bits by the third byte's, so that the character is not
// decoded (bit r-quietFirst of t is bit b2&0x3F of word
// ((b&0x0F)-4)<<6|b1&0x3F).
func (t *quietTable) holds(b, b1, b2 byte) bool {
	lead := uint(b) - 0xE4
	if lead > 0xE9-0xE4 || (b1^0x80)|(b2^0x80) >= 0x40 {
		return false
	}
	return t[lead<<6|uint(b1&0x3F)]&(1<<(b2&0x3F)) != 0
}

// decode3 is the character of three bytes of UTF-8 b, b1, b2, which the
// caller has checked.
func decode3(b, b1, b2 byte) rune {
	return rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
}

// quietHexagrams is the word of a quietTable of the Yijing hexagrams
// (U+4DC0–U+4DFF), which the quick path does not read as Chinese
// characters: none is quiet.
const quietHexagrams = (0x4DC0 - quietFirst) / 64

// build sets t for the automata han and mix of entries' words (those
// newDictionary builds them from, or LoadDictionary finds them built
// from), as scanAs reads characters into them. A character starts a
// word only when it folds to the first character of a word of han or to
// a character of a word of mix, so that build tests only those
// characters, the numerals that fold to them, and their variant forms
// (hanvariant.VariantsBMP): its cost goes with the words, not
// with the block. TestQuietTableAsEveryCharacter holds it to the test
// of every character.
func (t *quietTable) build(han, mix *ahocorasick.Automaton, entries []dictEntry) {
	for k := range t {
		t[k] = ^uint64(0)
	}
	t[quietHexagrams] = 0
	// settle clears w and its variant forms that start a word. A
	// character of the table cleared already was settled, or is a
	// variant form, which has none of its own (Simplify is idempotent):
	// it is passed over, so that words sharing characters cost a test.
	settle := func(w rune) {
		if x := w - quietFirst; 0 <= x && x < quietEnd-quietFirst && x>>6 != quietHexagrams && t[x>>6]&(1<<(x&63)) == 0 {
			return
		}
		t.settle(han, mix, w)
		for r := range hanvariant.VariantsBMP(w, w) {
			t.settle(han, mix, r)
		}
	}
	for _, n := range numeralRunes {
		settle(n)
	}
	for i := range entries {
		e := &entries[i]
		if e.han {
			w, _ := utf8.DecodeRuneInString(e.word)
			settle(numeral(w))
			continue
		}
		for _, w := range e.word {
			settle(leetKey(w))
		}
	}
}

// settle clears r's bit of t when r, a character, is of t's block and
// starts a word of han or steps mix.
func (t *quietTable) settle(han, mix *ahocorasick.Automaton, r rune) {
	if quietFirst <= r && r < quietEnd && startsWord(han, mix, r) {
		t[(r-quietFirst)>>6] &^= 1 << ((r - quietFirst) & 63)
	}
}

// numeralRunes are the runes numeral changes, and 〇 (TestNumeralRunes): a
// character that folds to one starts what a word starting with the
// numeral it stands for starts.
const numeralRunes = cjkNumerals + "0123456789○〡〢〣〤〥〦〧〨〩〸"

// startsWord reports whether scanAs, reading the Chinese character r
// of the block of a quietTable while no word is in progress, starts a
// word of han or steps mix: whether r is not quiet.
func startsWord(han, mix *ahocorasick.Automaton, r rune) bool {
	if sym := quickHanSymbol(han, !han.FoldsCJK(), r); sym != 0 && han.Child(0, sym) >= 0 {
		return true
	}
	mr := r
	if !mix.FoldsCJK() {
		mr = hanvariant.SimplifyBMP(uint16(r))
	}
	return mix.Symbol(mr) != 0
}

// quietRun reads, from text[pos], the Chinese characters of s's
// dictionary's quietTable, while no word is in progress in either
// automaton (s.hs and s.ms 0, which they stay), and returns where it
// stopped. It does what scanAs does for each, but for what no later
// step reads:
//   - the ring of the runes accepted (push): a word's first character
//     starts a word, so no occurrence reads the entry of one of these
//     (emitHan), and the entries count from any origin (hn);
//   - the symbol of the last character, set 0: an iteration mark
//     repeats it only in a word going on with it (step), and none
//     starts with it;
//   - the slots of the mixed stream but the last character's: the
//     steps after read slots back from the latest, each stretch they
//     read (a word's characters, the fillers and letters before a
//     junction's characters, the rune before a word) holding no
//     character of the run but ending before the run's last, or
//     holding it, where the spelling it is compared with fails (spells,
//     junctionHan: it is no letter, no filler and no character of a
//     word of the mixed automaton).
func (s *scanner) quietRun(text string, pos, found int) int {
	t := &s.d.quiet
	end := len(text)
	if s.record {
		// The stream recorded beyond recBuf is left to scanAs: the run
		// stops where recBuf is full.
		end = min(end, pos+3*max(0, len(s.recBuf)-s.recN))
	}
	p, recN := pos, s.recN
	for rest := text[pos:end]; len(rest) >= 3; rest = rest[3:] {
		b, b1, b2 := rest[0], rest[1], rest[2]
		if b < 0xE4 || b > 0xE9 || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
			break
		}
		r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
		if x := r - quietFirst; t[x>>6]&(1<<(x&63)) == 0 {
			break
		}
		if s.record {
			s.recBuf[recN] = hanvariant.SimplifyBMP(uint16(r))
			recN++
		}
		p += 3
	}
	if p == pos {
		return pos
	}
	n := int32(p-pos) / 3
	last := slot{start: int32(p - 3), kind: kindOther}
	last.r = decode3(text[p-3], text[p-2], text[p-1])
	if n == 1 {
		// The first character's bytes start where the removed runes
		// before it do, and a separator before the run is before it.
		last.start, last.sep = int32(s.from), s.sep
	}
	s.hi += n
	s.mi += n
	*s.slotAt(s.mi) = last
	s.recN = recN
	s.gap = 0
	s.lastSym = 0
	s.from = p
	s.sep = false
	s.settle = found
	return p
}

// recorded returns the stream recorded, in stream's memory (nil when not
// recording).
func (s *scanner) recorded(stream []rune) []rune {
	if !s.record {
		return nil
	}
	stream = append(stream[:0], s.recBuf[:min(s.recN, len(s.recBuf))]...)
	return append(stream, s.recMore...)
}

// scanSlow is scan through the normaliser. A numeral symbol the
// normaliser turns into letters or several runes (Ⅵ, ⑩, ⑹) is read as
// the one digit it stands for (see numeralSymbol).
func (d *Dictionary) scanSlow(text string, found []occurrence, restart, record bool, stream []rune) ([]occurrence, []rune, bool, int) {
	var s scanner
	s.init(d, found)
	s.restart = restart
	s.record = record
	var rd slowReader
	rd.init(text)
	for {
		sr, ok := rd.next()
		if !ok {
			return found, s.recorded(stream), s.ambiguous, rd.steps
		}
		if !sr.c.Separator() {
			s.from = int(sr.start)
		}
		found = s.step(found, sr.r, sr.c, int(sr.end))
	}
}

// scanPrepared is scanSlow over the reading pre holds.
func (d *Dictionary) scanPrepared(pre *Prepared, found []occurrence, restart, record bool, stream []rune) ([]occurrence, []rune, bool, int) {
	var s scanner
	s.init(d, found)
	s.restart = restart
	s.record = record
	for _, sr := range pre.slow {
		if !sr.c.Separator() {
			s.from = int(sr.start)
		}
		found = s.step(found, sr.r, sr.c, int(sr.end))
	}
	return found, s.recorded(stream), s.ambiguous, pre.steps
}

// A slowRune is a rune of the normaliser's reading of a text as
// scanSlow steps it: folded, of class c, its bytes [start, end).
type slowRune struct {
	r          rune
	c          fold.Class
	start, end int32
}

// A slowReader reads a text through the normaliser, a numeral symbol
// the normaliser turns into letters or several runes as the one digit it
// stands for.
type slowReader struct {
	it      fold.Iter
	text    string
	skipEnd int // the runes of a numeral symbol's range after the first are skipped
	steps   int // the normaliser's runes read
}

func (rd *slowReader) init(text string) {
	rd.it.Init(text)
	rd.text, rd.skipEnd = text, -1
}

// next returns the next rune to step, and false at the end.
func (rd *slowReader) next() (slowRune, bool) {
	for {
		r, c, start, end, ok := rd.it.Next()
		if !ok {
			return slowRune{}, false
		}
		rd.steps++
		if end == rd.skipEnd {
			continue
		}
		if end-start >= 3 {
			if src, _ := utf8.DecodeLastRuneInString(rd.text[start:end]); src >= 0x2160 {
				if digit, ok := numeralSymbol(src); ok {
					r, c, rd.skipEnd = digit, fold.Word, end
					if digit == '十' {
						c = fold.Han
					}
				}
			}
		}
		return slowRune{r: r, c: c, start: int32(start), end: int32(end)}, true
	}
}

// step reads the folded rune r of class c, whose bytes end at end.
func (s *scanner) step(found []occurrence, r rune, c fold.Class, end int) []occurrence {
	start := s.from
	switch {
	case c == 0:
		return found // removed: its bytes go with the next rune
	case r == '○':
		// The white circle written for 〇 (二○一八): a numeral.
		r, c = '〇', fold.Han
	case c.Separator():
		if leetSymbol(r) {
			// @ and $ inside a Latin word stand for a and s (c@sino):
			// the mixed stream reads them; the Chinese one skips them.
			s.from = end
			s.inserted()
			return s.mixed(found, r, kindOther, start, end)
		}
		s.sep = true
		s.from = end
		s.lastSym = 0
		return found
	}
	s.from = end
	if iterationMark(r) && s.lastSym > 0 && s.d.han.Child(s.hs, s.lastSym) >= 0 {
		// 々 for the character before, in a word that goes on with it.
		if s.hard(s.lastSym, r, start) {
			found = s.emitHan(found, end)
		}
		return s.mixed(found, r, kindOf(r, c), start, end)
	}
	switch streamClass(r, c) {
	case hard:
		if s.hard(s.d.han.Symbol(foldKey(r)), r, start) {
			found = s.emitHan(found, end)
		}
		return s.mixed(found, r, kindOf(r, c), start, end)
	}
	s.lastSym = 0 // an iteration mark repeats only the character just before
	switch streamClass(r, c) {
	case soft:
		if s.soft(s.d.han.Symbol(foldKey(r)), r, start) {
			found = s.emitHan(found, end)
		}
	default:
		s.inserted()
	}
	return s.mixed(found, r, kindOf(r, c), start, end)
}

// hard reads a Chinese character of symbol sym, the rune r of the stream,
// into the Chinese words' automaton, and reports whether words end there.
func (s *scanner) hard(sym int32, r rune, start int) bool {
	s.hi++
	s.recordRune(r)
	s.gap = 0
	s.lastSym = sym
	a := s.d.han
	// The common failures are settled here: at the root, and where the
	// fail link is the root.
	if t := a.Child(s.hs, sym); t >= 0 {
		s.hs = t
	} else if s.hs == 0 {
		s.push(start)
		return false
	} else if a.FailLink(s.hs) == 0 {
		if s.hs = a.Child(0, sym); s.hs < 0 {
			s.hs = 0
		}
	} else {
		s.hs = a.Fail(s.hs, sym)
	}
	s.push(start)
	return a.HasOutput(s.hs)
}

// soft reads a numeral or ideographic mark: part of the word when the
// automaton goes on with it, skipped otherwise. It reports whether words
// end there.
func (s *scanner) soft(sym int32, r rune, start int) bool {
	s.hi++
	s.recordRune(r)
	a := s.d.han
	t := a.Child(s.hs, sym)
	if t < 0 && sym != 0 {
		switch {
		case a.HasOutput(s.hs) || s.restart:
			// A word just ended (赌博⑥合彩), or the second reading:
			// the numeral may start the next word.
			if t = a.Step(s.hs, sym); t == 0 {
				t = -1
			}
		case a.Child(0, sym) >= 0:
			// Within a word (赌1博) it is skipped; were it to start a
			// word (赌6合彩), scanAll reads the text again that way.
			s.ambiguous = true
		}
	}
	if sym != 0 && t >= 0 {
		s.hs = t
		s.gap = 0
		s.push(start)
		return a.HasOutput(t)
	}
	s.inserted()
	return false
}

// inserted notes a rune the Chinese words' scan skips.
func (s *scanner) inserted() {
	if s.gap++; s.gap > maxGap {
		s.hs = 0
	}
}

func (s *scanner) push(start int) {
	s.hn++
	*s.accAt(s.hn) = accepted{index: s.hi, start: int32(start)}
}

// emitHan appends the Chinese words ending at the state just reached.
func (s *scanner) emitHan(found []occurrence, end int) []occurrence {
	d := s.d
	w, next := d.han.Out(s.hs)
	for {
		if w >= 0 {
			e := d.hanEntry[w]
			a := s.accAt(s.hn - d.entries[e].runes + 1)
			found = append(found, occurrence{entry: e, first: a.index, last: s.hi, start: int(a.start), end: end})
		}
		if next == 0 {
			return found
		}
		w, next = d.han.Out(next)
	}
}

// mixed reads a rune of kind k into the automaton of the other words.
func (s *scanner) mixed(found []occurrence, r rune, k kind, start, end int) []occurrence {
	if !s.sep && s.mi >= 0 && k != kindOther && s.slotAt(s.mi).kind == k {
		// The words ending at the previous rune are glued on the right.
		for i := s.settle; i < len(found); i++ {
			if o := &found[i]; s.d.entries[o.entry].right == k {
				o.glued |= gluedRight
			}
		}
	}
	s.mi++
	*s.slotAt(s.mi) = slot{start: int32(start), r: r, kind: k, sep: s.sep}
	s.sep = false
	s.settle = len(found)
	if len(s.d.junctions) > 0 && k == kindOther {
		found = s.junctions(found, r, end)
	}
	a := s.d.mix
	sym := a.Symbol(leetKey(r))
	if sym == 0 && s.ms == 0 {
		return found
	}
	if s.ms = a.Step(s.ms, sym); !a.HasOutput(s.ms) {
		return found
	}
	w, next := a.Out(s.ms)
	for {
		if w >= 0 {
			ei := s.d.mixEntry[w]
			e := &s.d.entries[ei]
			if first := s.mi - e.runes + 1; s.spells(e.word, first) {
				fs := s.slotAt(first)
				o := occurrence{entry: ei, first: first, last: s.mi, start: int(fs.start), end: end}
				if e.left != kindNone && first > 0 && !fs.sep && s.slotAt(first-1).kind == e.left {
					o.glued |= gluedLeft
				}
				found = append(found, o)
			}
		}
		if next == 0 {
			return found
		}
		w, next = a.Out(next)
	}
}

// junctions appends the words of Latin letters then Chinese characters
// (k粉) ending at r, the rune of the mixed stream just recorded (slot
// s.mi), with one to maxGap letters, digits, @ or $ inserted where the
// letters meet the characters (K1粉, Kx粉, K88粉, K@粉), as the scan of
// Chinese words skips such runes between characters (色x情). The word
// typed whole is the automaton's. The letters before the filler are read
// as the automaton reads a Latin word: glued to a letter before them
// (PKx粉), the word is glued (resolve decides).
func (s *scanner) junctions(found []occurrence, r rune, end int) []occurrence {
	js := s.d.junctions
	i, _ := slices.BinarySearchFunc(js, r, func(j junction, r rune) int { return int(j.last - r) })
	for _, j := range js[i:] {
		if j.last != r {
			break
		}
		k := s.junctionHan(j)
		if k < 0 {
			continue
		}
		// With no filler inside the characters, the automaton found the
		// word typed whole: a filler before them, then.
		g := int32(1)
		if k < s.mi-j.hanRunes+1 {
			g = 0
		}
		var best occurrence
		ok := false
		for ; g <= maxGap; g++ {
			f := k - g // the first rune of the filler
			first := f - j.latinRunes
			if first < 0 || s.mi-first > s.mask {
				break
			}
			if g > 0 && !filler(*s.slotAt(f)) {
				break
			}
			if !s.spells(j.latin, first) {
				continue
			}
			fs := s.slotAt(first)
			o := occurrence{entry: j.entry, first: first, last: s.mi, start: int(fs.start), end: end}
			if first > 0 && !fs.sep && s.slotAt(first-1).kind == kindLetter {
				// Glued (PKx粉), unless a longer filler reads the
				// letters apart (Aab片: A, then ab).
				o.glued |= gluedLeft
				best, ok = o, true
				continue
			}
			best, ok = o, true
			break
		}
		if ok {
			found = append(found, best)
		}
	}
	return found
}

// junctionHan returns the slot of the first character of j's
// characters ending at slot s.mi, up to maxGap fillers skipped between
// two of them (AV女1优) as the scan of Chinese words skips them, and -1
// when they do not end there.
func (s *scanner) junctionHan(j junction) int32 {
	k := s.mi
	for rest := j.han; ; {
		r, size := utf8.DecodeLastRuneInString(rest)
		rest = rest[:len(rest)-size]
		if k < 0 || s.mi-k > s.mask || s.slotAt(k).r != r {
			return -1
		}
		if rest == "" {
			return k
		}
		k--
		for g := 0; k >= 0 && filler(*s.slotAt(k)); g++ {
			if g == maxGap {
				return -1
			}
			k--
		}
	}
}

// filler reports whether the rune of slot x is one the scan of junctions
// skips between a word's letters and characters: a letter, a digit, @ or
// $.
func filler(x slot) bool {
	return x.kind == kindLetter || x.kind == kindDigit || leetSymbol(x.r)
}

// leetKey is the key of the automaton of the other words: the digits and
// symbols written for Latin letters (0 for o, 1 for i or l, 3 for e, 4
// and @ for a, 5 and $ for s) and the letters they stand for share one,
// l sharing i's. A word found through it is checked by spells.
func leetKey(r rune) rune {
	switch r {
	case '0':
		return 'o'
	case '1', 'l':
		return 'i'
	case '3':
		return 'e'
	case '4', '@':
		return 'a'
	case '5', '$':
		return 's'
	}
	return r
}

// leetSymbol reports whether r is a symbol the mixed stream reads as a
// letter inside a Latin word.
func leetSymbol(r rune) bool { return r == '@' || r == '$' }

// spells reports whether the runes of the mixed stream from first on
// spell word: each is the word's rune, or a digit or symbol written for
// that letter (p0rn, c@sino), not a letter for another (pi for pl).
func (s *scanner) spells(word string, first int32) bool {
	k := first
	for _, w := range word {
		r := s.slotAt(k).r
		k++
		if r == w || hanvariant.Simplify(r) == w {
			continue
		}
		if leetKey(r) != leetKey(w) || !('a' <= w && w <= 'z') || 'a' <= r && r <= 'z' {
			return false
		}
	}
	return true
}
