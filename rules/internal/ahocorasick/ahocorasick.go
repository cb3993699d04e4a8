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
	page   [pages]uint16 // rune>>8 → block of blocks; 0 is the empty block
	blocks []int32       // block<<8 | rune&0xFF → symbol; 0: not in any word
	states []state       // by slot of the double array; 0 is the root
	words  int
	count  int // states in use
}

// A state is one slot of the double array. Slots no state uses have
// check -1.
type state struct {
	base  int32 // children are at base+symbol
	check int32 // the parent state; -1 for a free slot, -2 for the root
	fail  int32 // the state of the longest proper suffix in the trie
	out   int32 // the word ending here, -1 when none
	link  int32 // the nearest state along fail links with a word, 0 when none
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
func Build(words [][]rune) *Automaton {
	a := &Automaton{words: len(words), blocks: make([]int32, 256)}

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
	spans := make([]span, 1, total/2+1)
	spans[0] = span{0, int32(len(order)), 0}
	nodes := make([]node, 1, total/2+1)
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
	return a
}

// place lays the trie out in the double array, parents before children:
// each node's children get the first base at which all their slots are
// free.
func (a *Automaton) place(nodes []node) {
	a.states = make([]state, 1, len(nodes)+len(nodes)/4+256)
	a.states[0] = state{check: -2, out: nodes[0].out}
	// nextFree[i] leads to the first free slot at or after i: a slot's
	// entry is itself while free; path halving keeps the walks short.
	nextFree := make([]int32, 1, cap(a.states)+1)
	findFree := func(i int32) int32 {
		for i < int32(len(nextFree)) && nextFree[i] != i {
			nextFree[i] = nextFree[min(nextFree[i], int32(len(nextFree)-1))]
			i = nextFree[i]
		}
		return i
	}
	nextFree[0] = 1 // the root's slot
	grow := func(last int32) {
		for int32(len(a.states)) <= last {
			nextFree = append(nextFree, int32(len(a.states)))
			a.states = append(a.states, state{check: -1, out: -1})
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
				if t := base + c.label; t < int32(len(a.states)) && a.states[t].check != -1 {
					continue search
				}
			}
			break
		}
		grow(base + children[len(children)-1].label)
		a.states[nd.slot].base = base
		for k := range children {
			c := &children[k]
			c.slot = base + c.label
			a.states[c.slot] = state{check: nd.slot, out: c.out}
			nextFree[c.slot] = c.slot + 1
		}
	}
	a.states = slices.Clip(a.states)
}

// link sets the fail and output links, breadth first.
func (a *Automaton) link(nodes []node) {
	for x := range nodes {
		nd := &nodes[x]
		for k := nd.first; k < nd.first+nd.n; k++ {
			c := nodes[k].slot
			sym := nodes[k].label
			fail := int32(0)
			if x != 0 {
				for f := a.states[nd.slot].fail; ; f = a.states[f].fail {
					if t := a.states[f].base + sym; t < int32(len(a.states)) && a.states[t].check == f {
						fail = t
						break
					}
					if f == 0 {
						break
					}
				}
			}
			st := &a.states[c]
			st.fail = fail
			if a.states[fail].out >= 0 {
				st.link = fail
			} else {
				st.link = a.states[fail].link
			}
		}
	}
}

// symbol returns the number of r in the alphabet, 0 when no word has r.
func (a *Automaton) symbol(r rune) int32 {
	if uint32(r) >= uint32(len(a.page))<<8 {
		return 0
	}
	return a.blocks[int(a.page[r>>8])<<8|int(r&0xFF)]
}

// Next returns the state after reading r in state s.
func (a *Automaton) Next(s int32, r rune) int32 {
	sym := a.symbol(r)
	if sym == 0 {
		return 0
	}
	for {
		t := a.states[s].base + sym
		if uint32(t) < uint32(len(a.states)) && a.states[t].check == s {
			return t
		}
		if s == 0 {
			return 0
		}
		s = a.states[s].fail
	}
}

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
	return len(a.page)*2 + len(a.blocks)*4 + len(a.states)*20
}
