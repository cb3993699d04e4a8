package domain

import (
	_ "embed"
	"hash/maphash"
	"strings"
	"sync"
)

//go:generate go run gen.go

// PublicSuffixEdition is the edition of the Public Suffix List whose ICANN
// section [Parse] and [ParseHost] find registrable domains with: the
// "# version:" line of data/public_suffix_icann.txt, the edition that
// golang.org/x/net/publicsuffix embeds in the x/net version go.mod
// requires (a test keeps the three equal; go generate ./rules/domain
// rewrites the file after an upgrade).
const PublicSuffixEdition = "publicsuffix.org's public_suffix_list.dat, git revision d6c92f1bbb7433e5db7b8405c25d4035fb8ff376 (2026-02-06T07:36:33Z)"

// icannList is the ICANN section of the Public Suffix List, one rule a
// line after a header of "#" lines (gen.go writes it).
//
//go:embed data/public_suffix_icann.txt
var icannList string

// What a name is in the list, as bits of a slot of [suffixTable].
const (
	ruleNormal    = 1 << iota // the name is a rule: com.cn
	ruleWildcard              // "*." + the name is a rule: *.ck
	ruleException             // "!" + the name is a rule: !www.ck
	ruleParent                // the name is a proper suffix of a rule's name
)

// A suffixTable is a hash set of the names of icannList, each with its
// rule bits: an open-addressing table of slots that point into the
// embedded text, so that the table holds no string and looking a name up
// allocates nothing.
type suffixTable struct {
	seed  maphash.Seed
	mask  uint64
	slots []uint32 // 0 empty, or offset<<12 | length<<4 | rule bits
}

// Slot layout: 20 bits of offset into icannList, 8 of length, 4 rule bits.
const (
	slotLengthShift = 4
	slotOffsetShift = 12
	maxListSize     = 1 << (32 - slotOffsetShift)
)

// icannTable builds the table once, at the first lookup: about 7,000
// rules, a few hundred microseconds and one slice of 64 KiB, spent only by
// programs that parse a domain.
var icannTable = sync.OnceValue(func() *suffixTable { return newSuffixTable(icannList) })

// newSuffixTable reads list, a list of rules in the Public Suffix List's
// syntax, one a line, "#" lines ignored. It panics on a list it cannot
// hold: the embedded list is checked by the tests.
func newSuffixTable(list string) *suffixTable {
	if len(list) >= maxListSize {
		panic("domain: public suffix list too large")
	}
	n := strings.Count(list, "\n") + 1
	size := 1
	for size < 2*n { // names and their parents: under half full
		size <<= 1
	}
	t := &suffixTable{seed: maphash.MakeSeed(), mask: uint64(size - 1), slots: make([]uint32, size)}
	for off := 0; off < len(list); {
		end := strings.IndexByte(list[off:], '\n')
		if end < 0 {
			end = len(list)
		} else {
			end += off
		}
		line := list[off:end]
		start := off
		off = end + 1
		if line == "" || line[0] == '#' {
			continue
		}
		bits := uint32(ruleNormal)
		switch {
		case strings.HasPrefix(line, "*."):
			bits, start = ruleWildcard, start+2
		case line[0] == '!':
			bits, start = ruleException, start+1
		}
		name := list[start:end]
		if name == "" || len(name) > 255 {
			panic("domain: bad public suffix rule " + line)
		}
		t.add(list, start, len(name), bits)
		for i := strings.IndexByte(name, '.'); i >= 0; i = strings.IndexByte(name, '.') {
			start += i + 1
			name = name[i+1:]
			t.add(list, start, len(name), ruleParent)
		}
	}
	return t
}

// add sets bits on the name list[off:off+n], inserting it when absent.
func (t *suffixTable) add(list string, off, n int, bits uint32) {
	name := list[off : off+n]
	for i := maphash.String(t.seed, name) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = uint32(off)<<slotOffsetShift | uint32(n)<<slotLengthShift | bits
			return
		}
		if t.name(list, s) == name {
			t.slots[i] = s | bits
			return
		}
	}
}

func (t *suffixTable) name(list string, s uint32) string {
	off := s >> slotOffsetShift
	return list[off : off+s>>slotLengthShift&0xFF]
}

// lookup returns the rule bits of name, 0 when the list does not know it.
func (t *suffixTable) lookup(list, name string) uint32 {
	if len(name) > 255 {
		return 0
	}
	for i := maphash.String(t.seed, name) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if s>>slotLengthShift&0xFF == uint32(len(name)) && t.name(list, s) == name {
			return s & 0xF
		}
	}
}

// publicSuffix returns the public suffix of host by the list's algorithm
// (publicsuffix.org/list/): the rules that match host are the names
// equal to one of its suffixes, the wildcard rules whose name is the rest
// of one after its first label, and the exception rules; an exception
// rule prevails, and its suffix is the rule without its first label;
// otherwise the rule with the most labels does. When no rule matches, the
// list's implicit "*" rule applies only to a top-level domain that the
// list names as the parent of rules without a wildcard (za); it returns
// false for any other (an unknown top-level domain).
//
// Labels are compared as bytes: host is expected in lower-case ASCII.
func (t *suffixTable) publicSuffix(list, host string) (string, bool) {
	best := -1          // start of the longest matching rule's suffix in host
	parent := uint32(0) // rule bits of the previous, shorter suffix
	tld := uint32(0)    // rule bits of the top-level domain
	for end := len(host); ; {
		start := strings.LastIndexByte(host[:end], '.') + 1
		bits := t.lookup(list, host[start:])
		if bits&ruleException != 0 && end < len(host) {
			return host[end+1:], true // the exception rule without its first label
		}
		if bits&ruleNormal != 0 || parent&ruleWildcard != 0 {
			best = start
		}
		if end == len(host) {
			tld = bits
		}
		if bits&(ruleNormal|ruleWildcard|ruleParent) == 0 || start == 0 {
			break
		}
		parent, end = bits, start-1
	}
	if best < 0 && tld&(ruleParent|ruleWildcard) == ruleParent {
		// A top-level domain that the list names only as the parent of
		// rules (za: ac.za, co.za …) is a public suffix by the implicit
		// "*" rule, as golang.org/x/net/publicsuffix has it; one with a
		// wildcard rule (*.ck) is not, unless the wildcard matches.
		best = strings.LastIndexByte(host, '.') + 1
	}
	if best < 0 {
		return "", false
	}
	return host[best:], true
}

// icannSuffix returns the longest ICANN public suffix of host, skipping
// private suffixes (github.io, blogspot.com), and false when the
// top-level domain is not in the list.
func icannSuffix(host string) (string, bool) {
	return icannTable().publicSuffix(icannList, host)
}
