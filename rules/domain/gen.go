//go:build ignore

// Gen writes data/public_suffix_icann.txt: the ICANN section of the Public
// Suffix List, one rule a line, in the edition compiled into the
// golang.org/x/net module that go.mod requires; and publicsuffix_table.go,
// the same rules as a hash table the lookup reads in place (no table is
// built at run time).
//
//	go run gen.go            # rewrite both
//	go run gen.go -check     # exit 1 when either is not current
//
// The list is read from x/net's publicsuffix package in the module cache
// (go list -m golang.org/x/net), not fetched: its table.go gives the
// edition and the bit layout, and data/text, data/nodes and data/children
// hold the list as a tree of labels. This program decodes that tree as
// table.go's comments document it:
//
//   - text is every label's bytes; a node names its label by offset and
//     length in text;
//   - nodes is an array of 40-bit big-endian integers: from the most
//     significant bit, unused bits, the index of the node's entry in
//     children, the ICANN bit, the text offset and the text length;
//   - children is an array of 32-bit big-endian integers: an unused bit,
//     the wildcard bit (the node is followed by a "*." rule), the node type
//     (a rule, an exception "!" rule, or only the parent of other nodes),
//     and the range [lo, hi) of the node's children in nodes;
//   - the top-level domains are nodes [0, numTLD).
//
// A rule is kept when its node has the ICANN bit (a wildcard rule: when
// its parent has it). Internationalised labels are in x/net's ASCII
// (punycode) form, the form package domain looks hosts up in.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
)

const module = "golang.org/x/net"

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("data/public_suffix_icann.txt")

	dir, modVersion := moduleDir()
	pkg := filepath.Join(dir, "publicsuffix")
	table := string(read(filepath.Join(pkg, "table.go")))
	t := tree{
		text:     string(read(filepath.Join(pkg, "data", "text"))),
		nodes:    read(filepath.Join(pkg, "data", "nodes")),
		children: read(filepath.Join(pkg, "data", "children")),
	}
	edition := stringConst(table, "version")
	numTLD := intConst(table, "numTLD")
	// The layout this program decodes; another one stops it.
	for name, want := range map[string]int{
		"nodesBits": 40, "nodesBitsChildren": 10, "nodesBitsICANN": 1, "nodesBitsTextOffset": 16, "nodesBitsTextLength": 6,
		"childrenBitsWildcard": 1, "childrenBitsNodeType": 2, "childrenBitsHi": 14, "childrenBitsLo": 14,
		"nodeTypeNormal": 0, "nodeTypeException": 1, "nodeTypeParentOnly": 2,
	} {
		if got := intConst(table, name); got != want {
			log.Fatalf("%s/publicsuffix/table.go: %s = %d, this generator reads %d: update gen.go", module, name, got, want)
		}
	}
	if len(t.nodes)%5 != 0 || len(t.children)%4 != 0 {
		log.Fatalf("%s/publicsuffix/data: nodes or children has a partial entry", module)
	}

	var rules []rule
	t.walk(0, uint32(numTLD), nil, &rules)
	slices.SortFunc(rules, func(a, b rule) int {
		if c := slices.Compare(a.key, b.key); c != 0 {
			return c
		}
		return int(a.kind) - int(b.kind)
	})

	var b bytes.Buffer
	fmt.Fprintf(&b, `# The ICANN section of the Public Suffix List (https://publicsuffix.org/).
#
# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, You can obtain one at https://mozilla.org/MPL/2.0/.
# (LICENSES/MPL-2.0.txt in this module.)
#
# Modified: only the rules of the ICANN section, without comments, one a
# line in the list's syntax ("*." wildcard and "!" exception rules),
# internationalised labels in ASCII (punycode) form, ordered by their
# labels read from the top-level domain. Decoded by rules/domain/gen.go
# (go generate ./rules/domain) from the tables of %s %s
# (publicsuffix/data), which embed this edition of the list. Source key:
# public-suffix-list (SOURCES.md).
#
# version: %s
`, module, modVersion, edition)
	for _, r := range rules {
		b.WriteString(r.text)
		b.WriteByte('\n')
	}
	if err := out.WriteRaw(b.Bytes(), "go generate ./rules/domain"); err != nil {
		log.Fatal(err)
	}
	tables := &gentool.Output{Path: "publicsuffix_table.go", Check: out.Check}
	if err := tables.Write(hashTable(rules, edition), "go generate ./rules/domain"); err != nil {
		log.Fatal(err)
	}
}

// Buckets of the hash table in publicsuffix_table.go.
const buckets = 2048

// hashTable returns publicsuffix_table.go: every name of the rules and every
// proper suffix of one, with its rule bits, in buckets by a hash of the
// name read from its end (so that the lookup hashes each suffix of a host
// by extending the hash of the one before). The layout is documented in
// the file; publicsuffix.go reads it.
func hashTable(rules []rule, edition string) []byte {
	const (
		normal = 1 << iota
		wildcard
		exception
		parent
	)
	bits := map[string]byte{}
	maxLabels := 0
	for _, r := range rules {
		name := join(r.key)
		bits[name] |= [...]byte{normal, wildcard, exception}[r.kind]
		maxLabels = max(maxLabels, len(r.key))
		for rest := name; strings.Contains(rest, "."); {
			rest = rest[strings.IndexByte(rest, '.')+1:]
			bits[rest] |= parent
		}
	}
	var inBucket [buckets][]string
	for name := range bits {
		if len(name) > 255 {
			log.Fatalf("name %q longer than 255 bytes", name)
		}
		h := hash(name)
		inBucket[h%buckets] = append(inBucket[h%buckets], name)
	}
	var entries strings.Builder
	starts := make([]int, 0, buckets+1)
	largest := 0
	for _, names := range inBucket {
		slices.Sort(names)
		starts = append(starts, entries.Len())
		largest = max(largest, len(names))
		for _, n := range names {
			entries.WriteByte(byte(len(n)))
			entries.WriteByte(bits[n])
			entries.WriteString(n)
		}
	}
	starts = append(starts, entries.Len())
	if entries.Len() >= 1<<32 {
		log.Fatal("table too large")
	}

	var b bytes.Buffer
	b.WriteString(gentool.Header("domain", "data/public_suffix_icann.txt (the ICANN section of the Public Suffix List, MPL-2.0)"))
	fmt.Fprintf(&b, `// PublicSuffixEdition is the edition of the Public Suffix List whose ICANN
// section [Parse] and [ParseHost] find registrable domains with: the
// "# version:" line of data/public_suffix_icann.txt, the edition
// golang.org/x/net/publicsuffix embeds in the x/net version go.mod
// requires (go generate ./rules/domain reads it there; a test compares).
const PublicSuffixEdition = %q

// icannMaxLabels is the most labels a rule's name has.
const icannMaxLabels = %d

// icannBuckets is the number of buckets of icannEntries.
const icannBuckets = %d

// icannStarts[i] is the offset in icannEntries of bucket i's first entry,
// and icannStarts[i+1] the end of its last: bucket i holds the names whose
// suffixHash is i modulo icannBuckets (%d names, at most %d in a bucket).
var icannStarts = [icannBuckets + 1]uint32{`, edition, maxLabels, buckets, len(bits), largest)
	for i, s := range starts {
		if i%12 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d,", s)
	}
	b.WriteString(`
}

// icannEntries holds, bucket after bucket, one entry per name: its length
// in a byte, its rule bits in a byte (ruleNormal, ruleWildcard,
// ruleException, ruleParent) and the name in ASCII.
const icannEntries = ""`)
	e := entries.String()
	for len(e) > 0 {
		n := min(len(e), 64)
		fmt.Fprintf(&b, " +\n\t%q", e[:n])
		e = e[n:]
	}
	b.WriteString("\n")
	return b.Bytes()
}

// hash is package domain's suffixHash: FNV-1a over the bytes of s from
// the last to the first.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := len(s) - 1; i >= 0; i-- {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// A rule is one line of the list: its text, and its labels from the
// top-level domain down (the sort key).
type rule struct {
	text string
	key  []string
	kind uint8 // 0 normal, 1 wildcard, 2 exception
}

type tree struct {
	text            string
	nodes, children []byte
}

func (t tree) node(i uint32) uint64 {
	off := int(i) * 5
	if off+5 > len(t.nodes) {
		log.Fatalf("node %d out of range", i)
	}
	var v uint64
	for _, c := range t.nodes[off : off+5] {
		v = v<<8 | uint64(c)
	}
	return v
}

func (t tree) child(i uint32) uint32 {
	off := int(i) * 4
	if off+4 > len(t.children) {
		log.Fatalf("children entry %d out of range", i)
	}
	var v uint32
	for _, c := range t.children[off : off+4] {
		v = v<<8 | uint32(c)
	}
	return v
}

// walk appends the ICANN rules of nodes [lo, hi), whose parent labels,
// top-level domain first, are parent.
func (t tree) walk(lo, hi uint32, parent []string, rules *[]rule) {
	prev := ""
	for i := lo; i < hi; i++ {
		n := t.node(i)
		length := uint32(n & (1<<6 - 1))
		offset := uint32(n >> 6 & (1<<16 - 1))
		icann := n>>22&1 == 1
		c := t.child(uint32(n >> 23 & (1<<10 - 1)))
		if int(offset+length) > len(t.text) {
			log.Fatalf("node %d: label out of the text", i)
		}
		label := t.text[offset : offset+length]
		if label <= prev && i > lo {
			log.Fatalf("node %d: labels not in increasing order (%q after %q)", i, label, prev)
		}
		prev = label
		if label == "" || strings.ContainsAny(label, ".*! \n") || strings.ToLower(label) != label {
			log.Fatalf("node %d: label %q", i, label)
		}
		key := append(slices.Clip(parent), label)
		name := join(key)
		cLo, cHi := c&(1<<14-1), c>>14&(1<<14-1)
		nodeType := c >> 28 & 3
		wildcard := c>>30&1 == 1
		if icann {
			switch nodeType {
			case 0:
				*rules = append(*rules, rule{text: name, key: key})
			case 1:
				if len(key) < 2 {
					log.Fatalf("exception rule !%s of one label", name)
				}
				*rules = append(*rules, rule{text: "!" + name, key: key, kind: 2})
			case 2:
			default:
				log.Fatalf("node %d: node type %d", i, nodeType)
			}
			if wildcard {
				*rules = append(*rules, rule{text: "*." + name, key: key, kind: 1})
			}
		}
		if cLo < cHi {
			if cHi > uint32(len(t.nodes)/5) || cLo < hi {
				log.Fatalf("node %d: children [%d, %d) out of order", i, cLo, cHi)
			}
			t.walk(cLo, cHi, key, rules)
		}
	}
}

// join writes labels top-level domain first as a name (com, cn → com.cn).
func join(key []string) string {
	r := slices.Clone(key)
	slices.Reverse(r)
	return strings.Join(r, ".")
}

func moduleDir() (dir, version string) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", module).Output()
	if err != nil {
		log.Fatalf("go list -m %s: %v", module, err)
	}
	dir, version, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
	if !ok || dir == "" {
		log.Fatalf("go list -m %s: %q (is the module downloaded? go mod download %s)", module, out, module)
	}
	return dir, version
}

func read(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func stringConst(src, name string) string {
	m := regexp.MustCompile(`(?m)^\s*(?:const\s+)?` + name + `\s*=\s*("(?:[^"\\]|\\.)*")`).FindStringSubmatch(src)
	if m == nil {
		log.Fatalf("table.go: no string constant %s", name)
	}
	s, err := strconv.Unquote(m[1])
	if err != nil {
		log.Fatalf("table.go: %s: %v", name, err)
	}
	return s
}

func intConst(src, name string) int {
	m := regexp.MustCompile(`(?m)^\s*(?:const\s+)?` + name + `\s*=\s*(\d+)\s*$`).FindStringSubmatch(src)
	if m == nil {
		log.Fatalf("table.go: no integer constant %s", name)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
