// Package ahocorasick finds every occurrence of a set of words in a text,
// one rune at a time, at a cost per rune that does not grow with the
// number of words (Aho and Corasick, "Efficient string matching", 1975).
//
// The automaton works on runes, not bytes: a byte-level automaton over
// Chinese words has three states per character and a 256-way branch per
// state, which is what makes byte-level libraries take hundreds of
// megabytes for ten thousand words. Here the runes of the words are
// numbered (their alphabet, found through a two-stage table indexed by
// the rune) and the trie's transitions are kept in a double array, which
// takes a few slots per state and finds a transition in constant time.
package ahocorasick

import (
	"slices"
	"unicode"
)

// pages is the number of 256-rune pages of Unicode.
const pages = (unicode.MaxRune + 1) >> 8

// An Automaton matches a fixed set of words. It is immutable and safe for
// concurrent use. States are int32; 0 is the start state.
//
// Transitions are a double array (Aoe, 1989): the child of state s on
// symbol c is base[s]+c when check[base[s]+c] == s, so a transition costs
// two loads whatever the number of children. Failed transitions follow
// the fail links of Aho and Corasick.
type Automaton struct {
	// cjk maps a CJK ideograph of the Basic Multilingual Plane (U+3400 to
	// U+9FFF, the runes of nearly every name) straight to its symbol: one
	// load per rune. It is nil when the alphabet has more than 65,535
	// runes.
	//
	// Once built, cjk is trimmed of the zeros at its ends: it covers the
	// runes from cjkFrom on, and the blocks of the pages it covers are
	// dropped (those runes have no symbol but through cjk).
	cjk     []uint16
	cjkFrom rune
	page    []uint16 // rune>>8 → block of blocks; 0 is the empty block; trimmed of its trailing zeros
	blocks  []int32  // block<<8 | rune&0xFF → symbol; 0: not in any word
	hot     []trans  // by slot of the double array; 0 is the root
	states  []state  // by slot, likewise
	folds   bool     // cjk folds as Build's fold does
	words   int
	count   int // states in use
}

// A trans is the transition part of one slot of the double array, kept
// apart from the output so that scanning touches 12 bytes a state. Slots no
// state uses have check -1. The top bit of base is set when the state has
// output (a word ending at it, or a link).
type trans struct {
	base  int32 // children are at base+symbol (top bit: see above)
	check int32 // the parent state; -1 for a free slot, -2 for the root
	fail  int32 // the state of the longest proper suffix in the trie
}

// outputFlag marks the base of a state with output.
const outputFlag = -1 << 31

// A state holds what a slot needs once a transition is known.
type state struct {
	out  int32 // the word ending here, -1 when none
	link int32 // the nearest state along fail links with a word, 0 when none
}

// A node is one node of the trie Build lays out breadth first before
// placing it in the double array.
type node struct {
	first int32 // index of the first child; children are consecutive
	n     int32 // number of children
	label int32 // symbol on the edge into the node
	out   int32 // the word ending here, -1 when none
	slot  int32 // the node's slot in the double array
}

// Build returns the automaton of words. Word i is reported as i; a word
// given twice is reported under its first index; empty words are ignored.
//
// fold, when not nil, is the folding the words and texts went through
// (fold(fold(r)) == fold(r), and fold(r) == r for every rune of the
// words): [Automaton.Symbol] then gives a CJK ideograph r of the Basic
// Multilingual Plane the symbol of fold(r), so that a caller may feed
// such runes unfolded.
func Build(words [][]rune, fold func(rune) rune) *Automaton {
	return build(words, fold, true)
}

// build is Build, compact telling whether to trim the tables.
func build(words [][]rune, fold func(rune) rune, compact bool) *Automaton {
	a := &Automaton{words: len(words), blocks: make([]int32, 256), page: make([]uint16, pages)}

	// The alphabet: every rune of the words, numbered from 1 in rune
	// order.
	total := 0
	for _, w := range words {
		total += len(w)
	}
	alphabet := make([]rune, 0, total)
	for _, w := range words {
		alphabet = append(alphabet, w...)
	}
	slices.Sort(alphabet)
	alphabet = slices.Compact(alphabet)
	for i, r := range alphabet {
		p := r >> 8
		if a.page[p] == 0 {
			a.page[p] = uint16(len(a.blocks) >> 8)
			a.blocks = append(a.blocks, make([]int32, 256)...)
		}
		a.blocks[int(a.page[p])<<8|int(r&0xFF)] = int32(i + 1)
	}

	if len(alphabet) < 1<<16 {
		a.cjkFrom = cjkStart
		a.cjk = make([]uint16, cjkEnd-cjkStart)
		for i, r := range alphabet {
			if cjkStart <= r && r < cjkEnd {
				a.cjk[r-cjkStart] = uint16(i + 1)
			}
		}
		if fold != nil {
			a.folds = true
			for r := rune(cjkStart); r < cjkEnd; r++ {
				if f := fold(r); f != r {
					a.cjk[r-cjkStart] = uint16(a.blockSymbol(f))
				}
			}
		}
	}

	// The words as symbols, end to end; word i is syms[offs[i]:offs[i+1]].
	syms := make([]int32, 0, total)
	offs := make([]int32, 1, len(words)+1)
	for _, w := range words {
		for _, r := range w {
			syms = append(syms, a.symbol(r))
		}
		offs = append(offs, int32(len(syms)))
	}
	word := func(i int32) []int32 { return syms[offs[i]:offs[i+1]] }

	// The non-empty words sorted by their symbols, then by index: the
	// words below a trie node are then consecutive, and the words ending
	// at the node come first.
	order := make([]int32, 0, len(words))
	for i := range words {
		if len(words[i]) > 0 {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := slices.Compare(word(x), word(y)); c != 0 {
			return c
		}
		return int(x - y)
	})

	// The trie, breadth first: node i covers order[span[i].lo:span[i].hi],
	// the words whose first span[i].depth symbols lead to it.
	type span struct{ lo, hi, depth int32 }
	spans := make([]span, 1, total+1) // a trie has at most one node per rune, and the root
	spans[0] = span{0, int32(len(order)), 0}
	nodes := make([]node, 1, total+1)
	nodes[0] = node{out: -1}
	for x := 0; x < len(nodes); x++ {
		lo, hi, d := spans[x].lo, spans[x].hi, spans[x].depth
		for ; lo < hi && len(word(order[lo])) == int(d); lo++ {
			if nodes[x].out < 0 {
				nodes[x].out = order[lo]
			}
		}
		nodes[x].first = int32(len(nodes))
		for lo < hi {
			sym := word(order[lo])[d]
			j := lo + 1
			for j < hi && word(order[j])[d] == sym {
				j++
			}
			nodes = append(nodes, node{label: sym, out: -1})
			spans = append(spans, span{lo, j, d + 1})
			lo = j
		}
		nodes[x].n = int32(len(nodes)) - nodes[x].first
	}
	a.count = len(nodes)
	a.place(nodes)
	a.link(nodes)
	if compact {
		a.compact()
	}
	return a
}

// compact trims cjk of its zeros at both ends, drops the blocks of the
// pages cjk covers, and trims page of its trailing zeros: Symbol answers
// the same, from fewer bytes (a dictionary's CJK alphabet is a few
// hundred runes of 27,648).
func (a *Automaton) compact() {
	if a.cjk != nil {
		lo, hi := 0, len(a.cjk)
		for lo < hi && a.cjk[lo] == 0 {
			lo++
		}
		for hi > lo && a.cjk[hi-1] == 0 {
			hi--
		}
		a.cjk = slices.Clip(a.cjk[lo:hi])
		a.cjkFrom = cjkStart + rune(lo)
		if lo == hi {
			a.cjk, a.cjkFrom = nil, 0
		}
		// The blocks of the pages in [cjkStart, cjkEnd), which Symbol
		// no longer reads, go; the others are numbered again.
		blocks := make([]int32, 256, len(a.blocks))
		for p := range a.page {
			if b := a.page[p]; b != 0 {
				if r := rune(p) << 8; cjkStart <= r && r < cjkEnd {
					a.page[p] = 0
					continue
				}
				a.page[p] = uint16(len(blocks) >> 8)
				blocks = append(blocks, a.blocks[int(b)<<8:int(b+1)<<8]...)
			}
		}
		a.blocks = slices.Clip(blocks)
	}
	n := len(a.page)
	for n > 0 && a.page[n-1] == 0 {
		n--
	}
	a.page = slices.Clip(a.page[:n])
}

// maxFails is how many times place tries a free slot for a node's first
// child without success before it gives up on the slot for first
// children (it stays free for others): the array stays dense, and
// searching it takes bounded time per hole.
const maxFails = 8

// place lays the trie out in the double array, parents before children:
// each node's children get the first base at which all their slots are
// free.
func (a *Automaton) place(nodes []node) {
	// The double array takes about 1.6 slots per state.
	size := len(nodes)*7/4 + 256
	a.hot = make([]trans, 1, size)
	a.hot[0] = trans{check: -2}
	a.states = make([]state, 1, size)
	a.states[0] = state{out: nodes[0].out}
	// nextFree[i] leads to the first free slot at or after i: a slot's
	// entry is itself while free; path halving keeps the walks short.
	nextFree := make([]int32, 1, size)
	findFree := func(i int32) int32 {
		for i < int32(len(nextFree)) && nextFree[i] != i {
			nextFree[i] = nextFree[min(nextFree[i], int32(len(nextFree)-1))]
			i = nextFree[i]
		}
		return i
	}
	nextFree[0] = 1 // the root's slot
	fails := make([]uint8, 1, size)
	grow := func(last int32) {
		for int32(len(a.hot)) <= last {
			nextFree = append(nextFree, int32(len(a.hot)))
			fails = append(fails, 0)
			a.hot = append(a.hot, trans{check: -1})
			a.states = append(a.states, state{out: -1})
		}
	}
	for x := range nodes {
		nd := &nodes[x]
		if nd.n == 0 {
			continue
		}
		children := nodes[nd.first : nd.first+nd.n]
		first := children[0].label
		base := int32(0)
	search:
		for f := findFree(first); ; f = findFree(f + 1) {
			base = f - first
			for _, c := range children[1:] {
				if t := base + c.label; t < int32(len(a.hot)) && a.hot[t].check != -1 {
					if fails[f]++; fails[f] == maxFails {
						nextFree[f] = f + 1 // no longer tried for a first child
					}
					continue search
				}
			}
			break
		}
		grow(base + children[len(children)-1].label)
		a.hot[nd.slot].base = base
		for k := range children {
			c := &children[k]
			c.slot = base + c.label
			a.hot[c.slot].check = nd.slot
			a.states[c.slot].out = c.out
			nextFree[c.slot] = c.slot + 1
		}
	}
	a.hot = slices.Clip(a.hot)
	a.states = slices.Clip(a.states)
}

// link sets the fail and output links, breadth first, and flags the
// states with output.
func (a *Automaton) link(nodes []node) {
	for x := range nodes {
		nd := &nodes[x]
		for k := nd.first; k < nd.first+nd.n; k++ {
			c := nodes[k].slot
			sym := nodes[k].label
			fail := int32(0)
			if x != 0 {
				for f := a.hot[nd.slot].fail; ; f = a.hot[f].fail {
					if t := a.Child(f, sym); t >= 0 {
						fail = t
						break
					}
					if f == 0 {
						break
					}
				}
			}
			a.hot[c].fail = fail
			st := &a.states[c]
			if a.states[fail].out >= 0 {
				st.link = fail
			} else {
				st.link = a.states[fail].link
			}
		}
	}
	for s := range a.states {
		if st := a.states[s]; st.out >= 0 || st.link != 0 {
			a.hot[s].base |= outputFlag
		}
	}
}

// The range of runes cjk covers.
const (
	cjkStart = 0x3400
	cjkEnd   = 0xA000
)

// Symbol returns the number of r in the alphabet, 0 when no word has r.
// See Build for runes given unfolded.
func (a *Automaton) Symbol(r rune) int32 {
	if i := uint32(r) - uint32(a.cjkFrom); i < uint32(len(a.cjk)) {
		return int32(a.cjk[i])
	}
	return a.blockSymbol(r)
}

// blockSymbol is Symbol through the two-stage table.
func (a *Automaton) blockSymbol(r rune) int32 {
	p := uint32(r) >> 8
	if p >= uint32(len(a.page)) {
		return 0
	}
	return a.blocks[int(a.page[p])<<8|int(r&0xFF)]
}

// symbol is the unexported name Build uses.
func (a *Automaton) symbol(r rune) int32 { return a.blockSymbol(r) }

// Next returns the state after reading r in state s.
func (a *Automaton) Next(s int32, r rune) int32 { return a.Step(s, a.Symbol(r)) }

// Step returns the state after reading the symbol sym (see Symbol) in
// state s.
func (a *Automaton) Step(s, sym int32) int32 {
	if t := a.Child(s, sym); t >= 0 {
		return t
	}
	return a.Fail(s, sym)
}

// Child returns the child of state s on the symbol sym, -1 when there is
// none; it is small enough to be inlined. Step(s, sym) is Child(s, sym)
// when that is not -1.
func (a *Automaton) Child(s, sym int32) int32 {
	// No state has a child on symbol 0: its slot would be its own base.
	h := a.hot
	if t := uint(h[s].base&^outputFlag + sym); t < uint(len(h)) && h[t].check == s {
		return int32(t)
	}
	return -1
}

// Fail returns the state after reading sym in state s when s has no
// child on sym (Child(s, sym) == -1): it follows the fail links.
func (a *Automaton) Fail(s, sym int32) int32 {
	if sym == 0 {
		return 0
	}
	for s != 0 {
		s = a.hot[s].fail
		if t := a.Child(s, sym); t >= 0 {
			return t
		}
	}
	return 0
}

// FoldsCJK reports whether Symbol folds CJK ideographs of the Basic
// Multilingual Plane (see Build): false when there was no fold, or the
// alphabet is too large for the table that does it.
func (a *Automaton) FoldsCJK() bool { return a.folds }

// FailLink returns the fail link of state s: the state of its longest
// proper suffix in the trie (0 for the root and its children). It is
// inlined; with Child it lets a caller settle the common failures
// without a call.
func (a *Automaton) FailLink(s int32) int32 { return a.hot[s].fail }

// HasOutput reports whether a word ends at state s or at one of its
// suffixes, that is whether Out(s) gives anything; it is cheap, and
// inlined.
func (a *Automaton) HasOutput(s int32) bool { return a.hot[s].base < 0 }

// Out returns the word that ends in state s (-1 when none) and the next
// state along the suffixes of s that has a word (0 when none). The words
// ending at a position are Out(s), then Out of each link in turn:
//
//	w, next := a.Out(s)
//	for {
//		if w >= 0 { use(w) }
//		if next == 0 { break }
//		w, next = a.Out(next)
//	}
func (a *Automaton) Out(s int32) (word, next int32) {
	st := &a.states[s]
	return st.out, st.link
}

// Words returns the number of words the automaton was built from, empty
// and repeated ones included.
func (a *Automaton) Words() int { return a.words }

// States returns the number of states.
func (a *Automaton) States() int { return a.count }

// Bytes returns about how many bytes the automaton holds.
func (a *Automaton) Bytes() int {
	return len(a.cjk)*2 + len(a.page)*2 + len(a.blocks)*4 + len(a.hot)*12 + len(a.states)*8
}
