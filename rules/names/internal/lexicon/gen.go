//go:build ignore

// Gen writes tables.go, the word-frequency tables of package lexicon, from
// three readable files under data/:
//
//   - jieba.txt: the lines of jieba's dict.txt (MIT licence; the file
//     Debian's python3-jieba package ships) the segmenter uses: words of
//     Chinese characters only, already in simplified form, of one or two
//     characters, or of three or four with a frequency of 5 or more (the
//     frequency 3 is jieba's default for words it adds without a count);
//     the header records the edition and the total frequency of the whole
//     file, which the probabilities are relative to;
//   - supplement.txt: the few words, with a frequency and a reason, that
//     jieba's 2012-era counts lack or under-rate (微信, 民宿, 彩钢 …);
//     they take precedence;
//   - english.txt: the lower-case words of 3 to 12 letters of SCOWL's
//     small American list (Debian's wamerican-small), which decide
//     whether a Latin word glued to others is plainly meant;
//   - english_supplement.txt: the few words of web names the small list
//     lacks (online, website …).
//
// Usage:
//
//	go run gen.go            # rewrite tables.go from data/
//	go run gen.go -check     # exit 1 when tables.go is not current
//	go run gen.go -jieba /usr/lib/python3/dist-packages/jieba/dict.txt \
//	    -english /usr/share/dict/american-english-small
//	                         # rewrite the extracts from the full files, then tables.go
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
)

var (
	jiebaSource   = flag.String("jieba", "", "jieba's dict.txt to extract data/jieba.txt from")
	englishSource = flag.String("english", "", "SCOWL word list to extract data/english.txt from")
)

const (
	jiebaEdition   = "jieba 0.42.1 dict.txt (Debian python3-jieba 0.42.1-3)"
	englishEdition = "SCOWL 2020.12.07 american-english-small (Debian wamerican-small 2020.12.07-2)"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")
	if *jiebaSource != "" {
		extractJieba(*jiebaSource)
	}
	if *englishSource != "" {
		extractEnglish(*englishSource)
	}
	edition, total, words := readFreq("data/jieba.txt", true)
	_, _, supplement := readFreq("data/supplement.txt", false)
	for w, f := range supplement {
		words[w] = f
	}
	var english []string
	for _, w := range append(readLines("data/english.txt"), readLines("data/english_supplement.txt")...) {
		if !strings.HasPrefix(w, "#") {
			english = append(english, w)
		}
	}

	var b strings.Builder
	b.WriteString(gentool.Header("lexicon", "data/jieba.txt ("+edition+")", "data/supplement.txt", "data/english.txt ("+englishEdition+")"))
	fmt.Fprintf(&b, "// Edition names the editions of the data the tables come from.\n")
	fmt.Fprintf(&b, "const Edition = %q\n\n", edition+"; "+englishEdition)
	fmt.Fprintf(&b, "// logTotal is the natural logarithm of the total frequency of jieba's dictionary.\n")
	fmt.Fprintf(&b, "const logTotal = %s\n\n", strconv.FormatFloat(math.Log(float64(total)), 'f', 6, 64))

	// Chinese words by length in runes: fixed-width records of the word's
	// bytes and one byte of frequency code, sorted.
	byLen := make([][]string, maxRunes+1)
	for w := range words {
		byLen[utf8.RuneCountInString(w)] = append(byLen[utf8.RuneCountInString(w)], w)
	}
	fmt.Fprintf(&b, "// chinese[k] holds the words of k characters: records of 3k bytes of\n// the word and a frequency code (see Lookup), sorted.\n")
	fmt.Fprintf(&b, "var chinese = [%d]string{\n", maxRunes+1)
	for k := 1; k <= maxRunes; k++ {
		ws := byLen[k]
		slices.Sort(ws)
		var rec strings.Builder
		for _, w := range ws {
			rec.WriteString(w)
			rec.WriteByte(code(words[w]))
		}
		fmt.Fprintf(&b, "%d: %s,\n", k, quote(rec.String()))
	}
	b.WriteString("}\n\n")

	engByLen := make([][]string, maxLetters+1)
	for _, w := range english {
		engByLen[len(w)] = append(engByLen[len(w)], w)
	}
	fmt.Fprintf(&b, "// english[k] holds the English words of k letters, end to end, sorted.\n")
	fmt.Fprintf(&b, "var english = [%d]string{\n", maxLetters+1)
	for k := minLetters; k <= maxLetters; k++ {
		ws := engByLen[k]
		slices.Sort(ws)
		ws = slices.Compact(ws)
		fmt.Fprintf(&b, "%d: %q,\n", k, strings.Join(ws, ""))
	}
	b.WriteString("}\n")
	out.Finish([]byte(b.String()), "go generate ./rules/names/internal/lexicon")
}

const (
	maxRunes   = 4
	minLetters = 3
	maxLetters = 12
)

// code is a frequency's code byte: 33 + round(8 ln f), at most 126 (see
// Lookup).
func code(f int) byte {
	q := int(math.Round(8 * math.Log(float64(max(f, 1)))))
	return byte(33 + min(q, 126-33))
}

// quote writes s as a Go string literal keeping its Chinese characters
// readable: only the quote, the backslash and bytes outside printable
// ASCII that are not part of a character are escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// chinese reports whether w is Chinese characters of U+3400–U+4DBF and
// U+4E00–U+9FFF only.
func chinese(w string) bool {
	for _, r := range w {
		if r < 0x3400 || r > 0x9FFF || (r > 0x4DBF && r < 0x4E00) {
			return false
		}
	}
	return w != ""
}

// simplified reports whether w is Chinese characters only, each its own
// simplified form.
func simplified(w string) bool {
	if !chinese(w) {
		return false
	}
	for _, r := range w {
		if hanvariant.Simplify(r) != r {
			return false
		}
	}
	return true
}

func extractJieba(path string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	total := 0
	var kept []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			log.Fatalf("%s: %q: %v", path, sc.Text(), err)
		}
		total += n
		w := fields[0]
		k := utf8.RuneCountInString(w)
		if !simplified(w) || k > maxRunes || (k >= 3 && n < 5) {
			continue
		}
		kept = append(kept, w+" "+fields[1])
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# edition: %s\n# total: %d\n", jiebaEdition, total)
	b.WriteString("# Extract of jieba's dict.txt (https://github.com/fxsjy/jieba, MIT licence,\n")
	b.WriteString("# Copyright 2012-2017 Sun Junyi): word and frequency of the words of\n")
	b.WriteString("# simplified Chinese characters of one or two characters, and of three or\n")
	b.WriteString("# four with a frequency of 5 or more. total is the frequency of the whole\n")
	b.WriteString("# file. Rewritten by gen.go -jieba.\n")
	for _, l := range kept {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if err := os.WriteFile("data/jieba.txt", []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

func extractEnglish(path string) {
	var kept []string
	for _, w := range readLines(path) {
		if len(w) < minLetters || len(w) > maxLetters || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue
		}
		kept = append(kept, w)
	}
	slices.Sort(kept)
	kept = slices.Compact(kept)
	var b strings.Builder
	fmt.Fprintf(&b, "# edition: %s\n", englishEdition)
	b.WriteString("# The lower-case words of 3 to 12 letters a to z of SCOWL's small American\n")
	b.WriteString("# list (Copyright 2000-2011 Kevin Atkinson; permission to use, copy, modify,\n")
	b.WriteString("# distribute and sell granted without fee, with this notice). Rewritten by\n")
	b.WriteString("# gen.go -english.\n")
	for _, w := range kept {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	if err := os.WriteFile("data/english.txt", []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// readFreq reads "word frequency" lines; with header, the "# edition:"
// and "# total:" comments are required.
func readFreq(path string, header bool) (edition string, total int, words map[string]int) {
	words = make(map[string]int)
	for _, l := range readLines(path) {
		if s, ok := strings.CutPrefix(l, "# edition: "); ok {
			edition = s
			continue
		}
		if s, ok := strings.CutPrefix(l, "# total: "); ok {
			total, _ = strconv.Atoi(s)
			continue
		}
		if strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Fields(l)
		if len(fields) < 2 {
			log.Fatalf("%s: %q: want a word and a frequency", path, l)
		}
		// The extract was filtered to simplified words when it was made
		// (-jieba); the tables do not depend on the simplification table
		// of today, which may since fold more (a word it now folds is
		// simply never looked up).
		n, err := strconv.Atoi(fields[1])
		if err != nil || n < 1 || !chinese(fields[0]) || utf8.RuneCountInString(fields[0]) > maxRunes {
			log.Fatalf("%s: %q: want Chinese of at most %d characters and a positive frequency", path, l, maxRunes)
		}
		words[fields[0]] = n
	}
	if header && (edition == "" || total == 0) {
		log.Fatalf("%s: no edition or total in the header", path)
	}
	return edition, total, words
}

// readLines returns the non-empty lines of a file, trimmed.
func readLines(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
