//go:build ignore

// Gen_suffixes writes suffixes_table.go, the built-in list of filable
// suffixes (data/suffixes.txt) read by ParseSuffixList at generation
// time: DefaultSuffixes then builds its map from Go values instead of
// parsing the file and converting its Unicode names with IDNA in every
// program's first validation (about 0.9 ms of CPU and 40 page faults).
//
//	go run gen_suffixes.go            # rewrite suffixes_table.go
//	go run gen_suffixes.go -check     # exit 1 when it is not current
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/rules/domain"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen_suffixes: ")
	out := gentool.Flags("suffixes_table.go")
	f, err := os.Open("data/suffixes.txt")
	if err != nil {
		log.Fatal(err)
	}
	l, err := domain.ParseSuffixList(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	entries := l.Entries()
	slices.SortFunc(entries, func(a, b domain.Suffix) int { return strings.Compare(a.Name, b.Name) })

	var b bytes.Buffer
	b.WriteString(strings.Replace(gentool.Header("domain", "data/suffixes.txt"), `"go run gen.go"`, `"go run gen_suffixes.go"`, 1))
	fmt.Fprintf(&b, "// builtinSuffixesVersion is data/suffixes.txt's version line.\nconst builtinSuffixesVersion = %q\n\n", l.Version())
	b.WriteString("// builtinSuffixSources are data/suffixes.txt's sources, in its order.\nvar builtinSuffixSources = [...]Source{\n")
	for _, s := range l.Sources() {
		fmt.Fprintf(&b, "\t{ID: %q, Text: %q},\n", s.ID, s.Text)
	}
	b.WriteString("}\n\n// builtinSuffixes are data/suffixes.txt's entries, names in ASCII, ordered by name.\nvar builtinSuffixes = [...]Suffix{\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "\t{Name: %q, Status: %s, Sources: %q", e.Name, statusConst(e.Status), e.Sources)
		if e.Note != "" {
			fmt.Fprintf(&b, ", Note: %q", e.Note)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")

	// An open-addressing table of the names, hashed as package domain's
	// suffixHash (FNV-1a from the last byte), at most a quarter full.
	size := 1
	for size < 4*len(entries) {
		size <<= 1
	}
	slots := make([]int, size)
	longest := 0
	for i, e := range entries {
		j, n := int(fnvFromEnd(e.Name)%uint32(size)), 0
		for ; slots[j] != 0; j, n = (j+1)%size, n+1 {
		}
		slots[j] = i + 1
		longest = max(longest, n+1)
	}
	b.WriteString("// builtinSuffixSlots is a hash table of builtinSuffixes: slot suffixHash(name) modulo its\n")
	fmt.Fprintf(&b, "// length, then the next ones, hold 1 + the index of the entry, 0 ending the probe (a listed name is found within %d probes).\n", longest)
	fmt.Fprintf(&b, "var builtinSuffixSlots = [%d]uint16{", size)
	for i, v := range slots {
		if i%16 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d,", v)
	}
	b.WriteString("\n}\n")
	out.Finish(b.Bytes(), "go generate ./rules/domain")
}

// fnvFromEnd is package domain's suffixHash from the start: FNV-1a over
// the bytes of s from the last to the first.
func fnvFromEnd(s string) uint32 {
	h := uint32(2166136261)
	for i := len(s) - 1; i >= 0; i-- {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func statusConst(s domain.Status) string {
	switch s {
	case domain.Filable:
		return "Filable"
	case domain.NotFilable:
		return "NotFilable"
	case domain.Disputed:
		return "Disputed"
	}
	log.Fatalf("status %v", s)
	return ""
}
