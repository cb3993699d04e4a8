// Package ahocorasick finds every occurrence of a set of words in a text,
// one rune at a time, at a cost per rune that does not grow with the
// number of words (Aho and Corasick, "Efficient string matching", 1975).
//
// The automaton works on runes, not bytes: a byte-level automaton over
// Chinese words has three states per character and a 256-way branch per
// state, which is what makes byte-level libraries take hundreds of
// megabytes for ten thousand words. Here the runes of the words are
// numbered (their alphabet, found through a two-stage table indexed by
// the rune), the trie is laid out breadth first so that the children of a
// state are consecutive and sorted, and only the root's transitions are
// stored densely.
package ahocorasick

import (
	"slices"
	"unicode"
)

// pages is the number of 256-rune pages of Unicode.
const pages = (unicode.MaxRune + 1) >> 8

// An Automaton matches a fixed set of words. It is immutable and safe for
// concurrent use. States are int32; 0 is the start state.
type Automaton struct {
	page   [pages]uint16 // rune>>8 → block of blocks; 0 is the empty block
	blocks []int32       // block<<8 | rune&0xFF → symbol; 0: not in any word
	root   []int32       // symbol → the root's child on it, 0 when none
	nodes  []node        // the states, breadth first; 0 is the root
	words  int
}

// A node is one state: the trie node reached by a prefix of some words.
type node struct {
	first int32 // index of the first child; children are consecutive
	n     int32 // number of children
	label int32 // symbol on the edge into the node
	fail  int32 // the state of the longest proper suffix in the trie
	out   int32 // the word ending here, -1 when none
	link  int32 // the nearest state along fail links with a word, 0 when none
}

// linearSearch is the number of children up to which a child is found by
// scanning rather than by binary search.
const linearSearch = 8

// Build returns the automaton of words. Word i is reported as i; a word
// given twice is reported under its first index; empty words are ignored.
func Build(words [][]rune) *Automaton {
	a := &Automaton{words: len(words), blocks: make([]int32, 256)}

	// The alphabet: every rune of the words, numbered from 1 in rune
	// order, so that sorting by symbol sorts by rune.
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
	a.nodes = make([]node, 1, total/2+1)
	a.nodes[0] = node{out: -1}
	for x := 0; x < len(a.nodes); x++ {
		lo, hi, d := spans[x].lo, spans[x].hi, spans[x].depth
		for ; lo < hi && len(word(order[lo])) == int(d); lo++ {
			if a.nodes[x].out < 0 {
				a.nodes[x].out = order[lo]
			}
		}
		a.nodes[x].first = int32(len(a.nodes))
		for lo < hi {
			sym := word(order[lo])[d]
			j := lo + 1
			for j < hi && word(order[j])[d] == sym {
				j++
			}
			a.nodes = append(a.nodes, node{label: sym, out: -1})
			spans = append(spans, span{lo, j, d + 1})
			lo = j
		}
		a.nodes[x].n = int32(len(a.nodes)) - a.nodes[x].first
	}
	a.nodes = slices.Clip(a.nodes)

	a.root = make([]int32, len(alphabet)+1)
	r := &a.nodes[0]
	for c := r.first; c < r.first+r.n; c++ {
		a.root[a.nodes[c].label] = c
	}

	// Fail and output links, parents before children.
	for p := range a.nodes {
		pn := a.nodes[p]
		for c := pn.first; c < pn.first+pn.n; c++ {
			fail := int32(0)
			if p != 0 {
				sym := a.nodes[c].label
				for f := pn.fail; ; f = a.nodes[f].fail {
					if t := a.child(f, sym); t != 0 {
						fail = t
						break
					}
					if f == 0 {
						break
					}
				}
			}
			cn := &a.nodes[c]
			cn.fail = fail
			if a.nodes[fail].out >= 0 {
				cn.link = fail
			} else {
				cn.link = a.nodes[fail].link
			}
		}
	}
	return a
}

// symbol returns the number of r in the alphabet, 0 when no word has r.
func (a *Automaton) symbol(r rune) int32 {
	if uint32(r) >= uint32(len(a.page))<<8 {
		return 0
	}
	return a.blocks[int(a.page[r>>8])<<8|int(r&0xFF)]
}

// child returns the child of state s on sym, 0 when there is none.
func (a *Automaton) child(s, sym int32) int32 {
	if s == 0 {
		return a.root[sym]
	}
	nd := &a.nodes[s]
	lo, hi := nd.first, nd.first+nd.n
	if nd.n <= linearSearch {
		for c := lo; c < hi; c++ {
			if a.nodes[c].label == sym {
				return c
			}
		}
		return 0
	}
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch l := a.nodes[m].label; {
		case l == sym:
			return m
		case l < sym:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// Next returns the state after reading r in state s.
func (a *Automaton) Next(s int32, r rune) int32 {
	sym := a.symbol(r)
	if sym == 0 {
		return 0
	}
	for s != 0 {
		if c := a.child(s, sym); c != 0 {
			return c
		}
		s = a.nodes[s].fail
	}
	return a.root[sym]
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
	nd := &a.nodes[s]
	return nd.out, nd.link
}

// Words returns the number of words the automaton was built from, empty
// and repeated ones included.
func (a *Automaton) Words() int { return a.words }

// States returns the number of states.
func (a *Automaton) States() int { return len(a.nodes) }

// Bytes returns about how many bytes the automaton holds.
func (a *Automaton) Bytes() int {
	return len(a.page)*2 + len(a.blocks)*4 + len(a.root)*4 + len(a.nodes)*24
}
