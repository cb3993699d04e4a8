package names

import (
	"github.com/icpcheck/beian/rules/names/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/hanvariant"
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
	dead        bool
}

const (
	gluedLeft  = 1
	gluedRight = 2
)

// A slot records, for one rune of the mixed stream, where it starts in
// the text, its kind, and whether a separator comes before it.
type slot struct {
	start int32
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
const ringSize = 32

// A scanner runs both automata of a dictionary over a text.
type scanner struct {
	d     *Dictionary
	found []occurrence
	from  int // where the next rune's range starts

	// The stream of Chinese characters.
	hs    int32 // state
	hi    int32 // index of the last rune of the stream
	hn    int32 // runes accepted
	gap   int32 // runes inserted or skipped since the last accepted one
	acc   []accepted
	amask int32

	// The mixed stream.
	ms     int32
	mi     int32
	sep    bool // a separator came since the last rune
	slots  []slot
	smask  int32
	settle int // found[settle:] are the mixed words ending at rune mi
}

func (d *Dictionary) newScanner(found []occurrence, accRing *[ringSize]accepted, slotRing *[ringSize]slot) scanner {
	s := scanner{d: d, found: found, hi: -1, mi: -1, acc: accRing[:], slots: slotRing[:]}
	if d.maxLen+1 >= ringSize {
		n := ringSize
		for n <= d.maxLen+1 {
			n <<= 1
		}
		s.acc = make([]accepted, n)
		s.slots = make([]slot, n)
	}
	s.amask = int32(len(s.acc) - 1)
	s.smask = int32(len(s.slots) - 1)
	s.settle = len(found)
	return s
}

// scan appends to found every occurrence of a word in text whose word
// boundaries hold, by stream, in the order they end. On the quick path
// it decodes ideographs itself; at the first rune the quick path cannot
// fold it starts again through the normaliser.
func (d *Dictionary) scan(text string, found []occurrence) []occurrence {
	var accRing [ringSize]accepted
	var slotRing [ringSize]slot
	base := len(found)
	s := d.newScanner(found, &accRing, &slotRing)
	han := d.han
	simplify := !han.FoldsCJK()
	pos := 0
	for pos < len(text) {
		if b := text[pos]; 0xE4 <= b && b <= 0xE9 && pos+2 < len(text) {
			u := text[pos : pos+3]
			b1, b2 := u[1], u[2]
			r := rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && (r >= 0x4E00 || r <= 0x4DBF) {
				start := s.from
				pos += 3
				s.from = pos
				var sym int32
				if simplify {
					sym = han.Symbol(foldKey(rune(hanvariant.SimplifyBMP(uint16(r)))))
				} else {
					sym = han.Symbol(r)
				}
				s.hard(sym, start, pos)
				s.mixed(hanvariant.SimplifyBMP(uint16(r)), kindOther, start, pos)
				continue
			}
		}
		r, n, c := fold.QuickRune(text, pos)
		if n == 0 {
			return d.scanSlow(text, found[:base])
		}
		pos += n
		s.step(r, c, pos)
	}
	return s.found
}

// scanSlow is scan through the normaliser.
func (d *Dictionary) scanSlow(text string, found []occurrence) []occurrence {
	var accRing [ringSize]accepted
	var slotRing [ringSize]slot
	s := d.newScanner(found, &accRing, &slotRing)
	var it fold.Iter
	it.Init(text)
	for {
		r, c, start, end, ok := it.Next()
		if !ok {
			return s.found
		}
		if !c.Separator() {
			s.from = start
		}
		s.step(r, c, end)
	}
}

// step reads the folded rune r of class c, whose bytes end at end.
func (s *scanner) step(r rune, c fold.Class, end int) {
	start := s.from
	switch {
	case c == 0:
		return // removed: its bytes go with the next rune
	case c.Separator():
		s.sep = true
		s.from = end
		return
	}
	s.from = end
	switch streamClass(r, c) {
	case hard:
		s.hard(s.d.han.Symbol(foldKey(r)), start, end)
	case soft:
		s.soft(s.d.han.Symbol(foldKey(r)), start, end)
	default:
		s.inserted()
	}
	s.mixed(r, kindOf(r, c), start, end)
}

// hard reads a Chinese character of symbol sym into the Chinese words'
// automaton.
func (s *scanner) hard(sym int32, start, end int) {
	s.hi++
	s.gap = 0
	a := s.d.han
	// The common failures are settled here: at the root, and where the
	// fail link is the root.
	if t := a.Child(s.hs, sym); t >= 0 {
		s.hs = t
	} else if s.hs == 0 {
		s.push(start)
		return
	} else if a.FailLink(s.hs) == 0 {
		if s.hs = a.Child(0, sym); s.hs < 0 {
			s.hs = 0
		}
	} else {
		s.hs = a.Fail(s.hs, sym)
	}
	s.push(start)
	if a.HasOutput(s.hs) {
		s.emitHan(end)
	}
}

// soft reads a numeral or ideographic mark: part of the word when the
// automaton goes on with it, skipped otherwise.
func (s *scanner) soft(sym int32, start, end int) {
	s.hi++
	if t := s.d.han.Child(s.hs, sym); sym != 0 && t >= 0 {
		s.hs = t
		s.gap = 0
		s.push(start)
		if s.d.han.HasOutput(t) {
			s.emitHan(end)
		}
		return
	}
	s.inserted()
}

// inserted notes a rune the Chinese words' scan skips.
func (s *scanner) inserted() {
	if s.gap++; s.gap > maxGap {
		s.hs = 0
	}
}

func (s *scanner) push(start int) {
	s.hn++
	s.acc[s.hn&s.amask] = accepted{index: s.hi, start: int32(start)}
}

// emitHan appends the Chinese words ending at the state just reached.
func (s *scanner) emitHan(end int) {
	d := s.d
	w, next := d.han.Out(s.hs)
	for {
		if w >= 0 {
			e := d.hanEntry[w]
			a := s.acc[(s.hn-d.entries[e].runes+1)&s.amask]
			s.found = append(s.found, occurrence{entry: e, first: a.index, last: s.hi, start: int(a.start), end: end})
		}
		if next == 0 {
			return
		}
		w, next = d.han.Out(next)
	}
}

// mixed reads a rune of kind k into the automaton of the other words.
func (s *scanner) mixed(r rune, k kind, start, end int) {
	glued := !s.sep && s.mi >= 0 && k != kindOther && s.slots[s.mi&s.smask].kind == k
	if glued {
		// The words ending at the previous rune are glued on the right.
		for i := s.settle; i < len(s.found); i++ {
			o := &s.found[i]
			if s.d.entries[o.entry].right == k {
				o.glued |= gluedRight
			}
		}
	}
	s.mi++
	s.slots[s.mi&s.smask] = slot{start: int32(start), kind: k, sep: s.sep}
	s.sep = false
	s.settle = len(s.found)
	a := s.d.mix
	if sym := a.Symbol(r); sym == 0 && s.ms == 0 {
		return
	} else {
		s.ms = a.Step(s.ms, sym)
	}
	if !a.HasOutput(s.ms) {
		return
	}
	w, next := a.Out(s.ms)
	for {
		if w >= 0 {
			ei := s.d.mixEntry[w]
			e := &s.d.entries[ei]
			first := s.mi - e.runes + 1
			fs := s.slots[first&s.smask]
			o := occurrence{entry: ei, first: first, last: s.mi, start: int(fs.start), end: end}
			if e.left != kindNone && first > 0 && !fs.sep && s.slots[(first-1)&s.smask].kind == e.left {
				o.glued |= gluedLeft
			}
			s.found = append(s.found, o)
		}
		if next == 0 {
			return
		}
		w, next = a.Out(next)
	}
}

// hanStream appends to buf the runes of the stream of Chinese characters
// of text, as scan numbers them (folded, numerals as written).
func hanStream(text string, buf []rune) []rune {
	var it fold.Iter
	it.Init(text)
	for {
		r, c, _, _, ok := it.Next()
		if !ok {
			return buf
		}
		if sc := streamClass(r, c); sc == hard || sc == soft {
			buf = append(buf, r)
		}
	}
}
