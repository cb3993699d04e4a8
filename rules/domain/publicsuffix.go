package domain

import "strings"

//go:generate go run gen.go

// What a name is in the list: the rule bits of an entry of icannEntries
// (publicsuffix_table.go, which gen.go writes from
// data/public_suffix_icann.txt).
const (
	ruleNormal    = 1 << iota // the name is a rule: com.cn
	ruleWildcard              // "*." + the name is a rule: *.ck
	ruleException             // "!" + the name is a rule: !www.ck
	ruleParent                // the name is a proper suffix of a rule's name
)

// A suffixTable is a hash table of names with their rule bits, laid out
// as publicsuffix_table.go documents: read in place, so that nothing is
// built at run time and a lookup allocates nothing.
type suffixTable struct {
	starts    []uint32 // len(buckets)+1 offsets into entries
	entries   string
	maxLabels int
}

var icannTable = suffixTable{starts: icannStarts[:], entries: icannEntries, maxLabels: icannMaxLabels}

// FNV-1a, which suffixHash computes over a name's bytes from the last.
const (
	hashOffset = 2166136261
	hashPrime  = 16777619
)

// suffixHash extends h, the hash of a name, to the hash of s + name: the
// hash of s' bytes from the last to the first, after the name's.
func suffixHash(h uint32, s string) uint32 {
	for i := len(s) - 1; i >= 0; i-- {
		h ^= uint32(s[i])
		h *= hashPrime
	}
	return h
}

// lookup returns the rule bits of name, whose suffixHash is h, and 0 when
// the table does not know it.
func (t *suffixTable) lookup(name string, h uint32) uint32 {
	b := h % uint32(len(t.starts)-1)
	e := t.entries[t.starts[b]:t.starts[b+1]]
	for len(e) >= 2 {
		n := int(e[0])
		if 2+n > len(e) {
			return 0 // not reached with a generated table
		}
		if n == len(name) && e[2:2+n] == name {
			return uint32(e[1])
		}
		e = e[2+n:]
	}
	return 0
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
func (t *suffixTable) publicSuffix(host string) (string, bool) {
	best := -1              // start of the longest matching rule's suffix in host
	parent := uint32(0)     // rule bits of the previous, shorter suffix
	tld := uint32(0)        // rule bits of the top-level domain
	h := uint32(hashOffset) // suffixHash of host[end:]
	for end, labels := len(host), 1; ; labels++ {
		start := strings.LastIndexByte(host[:end], '.') + 1
		h = suffixHash(h, host[start:end])
		bits := t.lookup(host[start:], h)
		if bits&ruleException != 0 && end < len(host) {
			return host[end+1:], true // the exception rule without its first label
		}
		if bits&ruleNormal != 0 || parent&ruleWildcard != 0 {
			best = start
		}
		if end == len(host) {
			tld = bits
		}
		if bits&(ruleNormal|ruleWildcard|ruleParent) == 0 || start == 0 || labels > t.maxLabels {
			break
		}
		parent, end = bits, start-1
		h = suffixHash(h, ".")
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
	return icannTable.publicSuffix(host)
}
