//go:build ignore

// Gen writes tables.go, the divisions of China an address is read by:
// the GB/T 2260 codes and names of the provinces, prefecture-level and
// county-level divisions, from the name lexicon's copy of them
// (../names/internal/lexicon/data/places.txt, its edition in the header),
// as one string of names and two arrays, which the compiler lays out as
// data: nothing runs at the program's start.
//
//	go run gen.go            # rewrite tables.go
//	go run gen.go -check     # exit 1 when tables.go is not current
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
)

const source = "../names/internal/lexicon/data/places.txt"

type division struct {
	code int
	name string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")
	edition, divs := read(source)
	var names strings.Builder
	var b bytes.Buffer
	b.WriteString(gentool.Header("address", "rules/names/internal/lexicon/data/places.txt ("+edition+")"))
	b.WriteString("// divisionCount is the number of divisions in the tables.\n")
	fmt.Fprintf(&b, "const divisionCount = %d\n\n", len(divs))
	b.WriteString("// divisionCodes are the divisions' GB/T 2260 codes, in increasing order.\n")
	b.WriteString("var divisionCodes = [divisionCount]uint32{")
	for i, d := range divs {
		if i%10 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", d.code)
	}
	b.WriteString("\n}\n\n")
	b.WriteString("// divisionEnds[i] is where the name of division i ends in divisionNames;\n// it starts where the one before ends.\n")
	b.WriteString("var divisionEnds = [divisionCount]uint16{")
	for i, d := range divs {
		names.WriteString(d.name)
		if i%12 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", names.Len())
	}
	b.WriteString("\n}\n\n")
	if names.Len() > 1<<16-1 {
		log.Fatalf("%d bytes of names do not fit uint16 offsets", names.Len())
	}
	b.WriteString("// divisionNames are the divisions' names, one after another.\n")
	fmt.Fprintf(&b, "const divisionNames = %q\n", names.String())
	out.Finish(b.Bytes(), "go generate ./rules/address")
}

// read returns the edition line of the places file and its divisions of
// the mainland (codes below 710000: not Taiwan, Hong Kong or Macao, which
// file no ICP filings), sorted by code.
func read(path string) (string, []division) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var edition string
	var divs []division
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# edition: "); ok {
			edition = rest
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		codeText, name, ok := strings.Cut(line, "\t")
		code, err := strconv.Atoi(codeText)
		if !ok || err != nil || len(codeText) != 6 || name == "" {
			log.Fatalf("%s: malformed line %q", path, line)
		}
		if code >= 710000 {
			continue
		}
		divs = append(divs, division{code, name})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if edition == "" {
		log.Fatalf("%s: no edition line", path)
	}
	slices.SortFunc(divs, func(a, b division) int { return a.code - b.code })
	for i := 1; i < len(divs); i++ {
		if divs[i].code == divs[i-1].code {
			log.Fatalf("%s: code %d twice", path, divs[i].code)
		}
	}
	return edition, divs
}
