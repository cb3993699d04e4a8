//go:build ignore

// Gen_fold writes fold_table.go: Unicode's full case folding (ß → ss,
// ﬁ → fi, Σ → σ …) as golang.org/x/text/cases.Fold gives it, rune by rune,
// for the runes it changes. NameKey folds the rare names that need more
// than ASCII with it, so that no program links x/text/cases, whose
// package initialisation parses language tags (about 0.2 ms natively, and
// 11 ms at the start of the WebAssembly build).
//
//	go run gen_fold.go            # rewrite fold_table.go
//	go run gen_fold.go -check     # exit 1 when it is not current
package main

import (
	"bytes"
	"fmt"
	"log"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"

	"github.com/icpcheck/beian/internal/gentool"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen_fold: ")
	out := gentool.Flags("fold_table.go")
	version := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "golang.org/x/text" {
				version = m.Version
			}
		}
	}
	source := "golang.org/x/text " + version + " cases.Fold"

	var runes []rune
	var ends []int
	var text strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if f := cases.Fold().String(s); f != s {
			runes = append(runes, r)
			text.WriteString(f)
			ends = append(ends, text.Len())
		}
	}
	if text.Len() > 0xFFFF {
		log.Fatal("the folded text does not fit 16-bit offsets")
	}

	var b bytes.Buffer
	b.WriteString(strings.Replace(gentool.Header("domain", source), `"go run gen.go"`, `"go run gen_fold.go"`, 1))
	fmt.Fprintf(&b, "// foldSource is where the folding comes from.\nconst foldSource = %q\n\n", source)
	b.WriteString("// foldRunes are the runes full case folding changes, ascending; rune i\n// folds to foldText[foldEnds[i-1]:foldEnds[i]] (from 0 for the first).\nvar foldRunes = [...]rune{")
	for i, r := range runes {
		if i%12 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(&b, "%#x, ", r)
	}
	b.WriteString("\n}\n\n// foldEnds are the end offsets in foldText of each rune's folding.\nvar foldEnds = [...]uint16{")
	for i, e := range ends {
		if i%16 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(&b, "%d, ", e)
	}
	b.WriteString("\n}\n\n// foldText holds the foldings end to end.\nconst foldText = ")
	fmt.Fprintf(&b, "%q\n", text.String())
	if err := out.Write(b.Bytes(), "go generate ./rules/domain"); err != nil {
		log.Fatal(err)
	}
}
