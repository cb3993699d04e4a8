//go:build ignore

// Gen writes tables.go, the toneless pinyin readings of package pinyin,
// from data/readings.txt: one line per character, "U+8D4C du" (a
// character with several readings lists them in the data's order, the
// most common first).
//
// data/readings.txt is an extract of Unicode's Unihan_Readings.txt: for
// each of the 8,105 characters of the 2013 通用规范汉字表 (their kTGH lines
// in Unihan_OtherMappings.txt), the readings of its kMandarin, kTGHZ2013
// and kXHC1983 fields (the modern standard readings, without the archaic
// ones of kHanyuPinyin), tones removed and ü written v, as pinyin input
// methods and disguised names write it (nv for 女).
//
// Usage:
//
//	go run gen.go            # rewrite tables.go from data/readings.txt
//	go run gen.go -check     # exit 1 when tables.go is not current
//	go run gen.go -refresh /usr/share/unicode/Unihan_Readings.txt.bz2
//	                         # rewrite data/readings.txt from the full
//	                         # Unihan files (Unihan_OtherMappings beside it;
//	                         # Debian's unicode-data package), then tables.go
package main

import (
	"bufio"
	"compress/bzip2"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/internal/gentool"
)

var refresh = flag.String("refresh", "", "full Unihan_Readings.txt (or .bz2) to extract data/readings.txt from")

func main() {
	out := gentool.Flags("tables.go")
	if *refresh != "" {
		writeExtract(*refresh)
	}
	version, chars := readExtract("data/readings.txt")
	var syllables []string
	index := map[string]int{}
	for _, c := range chars {
		for _, s := range c.readings {
			if _, ok := index[s]; !ok {
				index[s] = 0
				syllables = append(syllables, s)
			}
		}
	}
	slices.Sort(syllables)
	for i, s := range syllables {
		index[s] = i + 1
	}
	dense := make([]uint16, last-first+1)
	var poly []uint16
	for _, c := range chars {
		if len(c.readings) == 1 {
			dense[c.r-first] = uint16(index[c.readings[0]])
			continue
		}
		dense[c.r-first] = uint16(len(syllables) + 1 + len(poly))
		poly = append(poly, uint16(len(c.readings)))
		for _, s := range c.readings {
			poly = append(poly, uint16(index[s]))
		}
	}
	if len(syllables)+1+len(poly) > 0xFFFF {
		log.Fatal("gen: the table outgrows its 16-bit indexes")
	}
	var b strings.Builder
	b.WriteString(gentool.Header("pinyin", "data/readings.txt (extract of Unihan_Readings.txt, Unicode "+version+")"))
	fmt.Fprintf(&b, "// UnicodeVersion is the version of the Unihan data the readings come from.\nconst UnicodeVersion = %q\n\n", version)
	fmt.Fprintf(&b, "// characters is the number of characters with a reading.\nconst characters = %d\n\n", len(chars))
	b.WriteString("// syllables are the toneless syllables, sorted; a reading is an index\n// into it, plus one.\nvar syllables = [...]string{")
	for i, s := range syllables {
		if i%12 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q, ", s)
	}
	b.WriteString("\n}\n\n")
	fmt.Fprintf(&b, "// dense holds, for each character of U+%04X..U+%04X, its reading (an\n// index into syllables, plus one; 0 for none) or, past the number of\n// syllables plus one, where its readings start in poly: the number of\n// its set of readings (Set).\nvar dense = [...]uint16{", first, last)
	for i, v := range dense {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", v)
	}
	b.WriteString("\n}\n\n// poly holds the readings of the characters that have several: their\n// count, then each one.\nvar poly = [...]uint16{")
	for i, v := range poly {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", v)
	}
	b.WriteString("\n}\n")
	out.Finish([]byte(b.String()), "go generate ./rules/names/internal/pinyin")
}

// The block of the table: CJK Unified Ideographs, where all of the 8,105
// standard characters are.
const first, last = 0x4E00, 0x9FFF

type char struct {
	r        rune
	readings []string
}

func readExtract(path string) (version string, chars []char) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
			version = strings.TrimSpace(v)
		}
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 || !strings.HasPrefix(fields[0], "U+") {
			log.Fatalf("%s:%d: want \"U+XXXX reading…\"", path, n)
		}
		v, err := strconv.ParseUint(fields[0][2:], 16, 32)
		if err != nil || v < first || v > last {
			log.Fatalf("%s:%d: %q is not a character of U+%04X..U+%04X", path, n, fields[0], first, last)
		}
		for _, s := range fields[1:] {
			if strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") != "" {
				log.Fatalf("%s:%d: %q is not a toneless syllable", path, n, s)
			}
		}
		chars = append(chars, char{rune(v), fields[1:]})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if version == "" {
		log.Fatalf("%s: no \"# Unicode version:\" line", path)
	}
	return version, chars
}

// writeExtract writes data/readings.txt from the full Unihan files.
func writeExtract(readingsPath string) {
	standard := map[rune]bool{}
	mappings := filepath.Join(filepath.Dir(readingsPath), "Unihan_OtherMappings.txt"+filepath.Ext(readingsPath))
	if filepath.Ext(readingsPath) != ".bz2" {
		mappings = filepath.Join(filepath.Dir(readingsPath), "Unihan_OtherMappings.txt")
	}
	eachField(mappings, func(r rune, field, value string) {
		if field == "kTGH" && r >= first && r <= last {
			standard[r] = true
		}
	})
	if len(standard) < 7800 {
		log.Fatalf("gen: %s lists %d standard characters of U+4E00..U+9FFF, want 7,832", mappings, len(standard))
	}
	readings := map[rune][]string{}
	version := eachField(readingsPath, func(r rune, field, value string) {
		if !standard[r] {
			return
		}
		var add []string
		switch field {
		case "kMandarin":
			add = strings.Fields(value)
		case "kTGHZ2013", "kXHC1983":
			for _, entry := range strings.Fields(value) {
				_, rs, ok := strings.Cut(entry, ":")
				if !ok {
					log.Fatalf("gen: %U %s: %q has no ':'", r, field, entry)
				}
				add = append(add, strings.Split(rs, ",")...)
			}
		default:
			return
		}
		for _, s := range add {
			if t := toneless(s); t != "" && !slices.Contains(readings[r], t) {
				readings[r] = append(readings[r], t)
			}
		}
	})
	keys := make([]rune, 0, len(readings))
	for r := range readings {
		keys = append(keys, r)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("# The toneless pinyin readings of the characters of the 2013\n")
	b.WriteString("# 通用规范汉字表 in U+4E00..U+9FFF (7,832 of its 8,105: kTGH in\n# Unihan_OtherMappings.txt): the readings of their\n")
	b.WriteString("# kMandarin, kTGHZ2013 and kXHC1983 fields in Unihan_Readings.txt, in\n")
	b.WriteString("# that order, each once, tones removed and ü written v.\n")
	b.WriteString("# Written by \"go run gen.go -refresh Unihan_Readings.txt.bz2\"; read by gen.go.\n")
	fmt.Fprintf(&b, "# Unicode version: %s\n", version)
	for _, r := range keys {
		fmt.Fprintf(&b, "U+%04X %s\n", r, strings.Join(readings[r], " "))
	}
	if err := os.WriteFile("data/readings.txt", []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// toneless returns s without its tone marks, ü written v; "" when s is
// not a syllable of lower-case letters once they are removed.
func toneless(s string) string {
	var b []byte
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == '\u0308' && len(b) > 0 && b[len(b)-1] == 'u': // ü
			b[len(b)-1] = 'v'
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z':
			b = append(b, byte(r))
		default:
			return ""
		}
	}
	return string(b)
}

// eachField calls f for each "U+XXXX\tfield\tvalue" line of a Unihan
// file (or its .bz2), and returns the file's Unicode version.
func eachField(path string, f func(r rune, field, value string)) string {
	file, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer file.Close()
	var rd io.Reader = file
	if strings.HasSuffix(path, ".bz2") {
		rd = bzip2.NewReader(file)
	}
	version := ""
	sc := bufio.NewScanner(rd)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
			version = strings.TrimSpace(v)
		}
		if !strings.HasPrefix(line, "U+") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			continue
		}
		v, err := strconv.ParseUint(parts[0][2:], 16, 32)
		if err != nil {
			log.Fatalf("gen: %s: bad code point %q", path, parts[0])
		}
		f(rune(v), parts[1], parts[2])
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if version == "" {
		log.Fatalf("gen: %s: no Unicode version", path)
	}
	return version
}
