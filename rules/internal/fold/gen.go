//go:build ignore

// Gen writes tables.go, the character tables of package fold, from three
// readable extracts of Unicode data under data/:
//
//   - ignorable.txt: the Default_Ignorable_Code_Point lines of the UCD's
//     DerivedCoreProperties.txt (the characters folding removes and the
//     text rule reports, besides the controls and private-use characters);
//   - letters.txt: the lines of the UCD's UnicodeData.txt the Latin fold
//     and the Filler class are built from: every character with a <super>
//     or <sub> decomposition, and every Latin letter whose name is a plain
//     letter A–Z with a mark, a stroke, a hook or the like ("LATIN SMALL
//     LETTER I WITH GRAVE", "LATIN SMALL LETTER DOTLESS I", "LATIN LETTER
//     SMALL CAPITAL N");
//   - confusables.txt: the lines of UTS #39's confusables.txt (the
//     skeleton mappings) whose source is a single letter that is not ASCII
//     and whose target is one ASCII letter, possibly with marks.
//
// The Latin fold maps a letter of the Latin, Greek, Cyrillic or Armenian
// script that NFKC leaves alone to the ASCII letter a reader takes it for:
// its confusables.txt target first, else the letter its name is built on,
// else the base of its canonical decomposition, else the fold of its
// lower-case form; a small Cyrillic letter whose capital is a look-alike
// takes the capital's letter (т → t, as Т → T), and п is n. Digits, CJK
// and symbols are never folded here.
//
// Usage:
//
//	go run gen.go            # rewrite tables.go from data/
//	go run gen.go -check     # exit 1 when tables.go is not current
//	go run gen.go -refresh   # rewrite data/ from the full files, then tables.go:
//	    -ucd /usr/share/unicode (Debian's unicode-data package)
//	    -confusables /usr/lib/python3/dist-packages/confusable_homoglyphs/confusables.json
//	    (Debian's python3-confusable-homoglyphs; a confusables.txt works too)
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/internal/gentool"
)

var (
	refresh     = flag.Bool("refresh", false, "rewrite data/ from the full Unicode files first")
	ucdDir      = flag.String("ucd", "/usr/share/unicode", "directory of the UCD (with -refresh)")
	confusables = flag.String("confusables", "/usr/lib/python3/dist-packages/confusable_homoglyphs/confusables.json", "confusables.txt, or the JSON form of python3-confusable-homoglyphs (with -refresh)")
	edition     = flag.String("confusables-edition", "", "edition to record for the confusables data (with -refresh); default: what its header says")
)

const (
	ignorablePath   = "data/ignorable.txt"
	lettersPath     = "data/letters.txt"
	confusablesPath = "data/confusables.txt"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")
	if *refresh {
		refreshIgnorable()
		refreshLetters()
		refreshConfusables()
	}

	ucdVersion, ignorable := readIgnorable()
	letters := readLetters()
	confEdition, conf := readConfusables()

	var supSub []rune
	for _, l := range letters {
		if l.tag == "<super>" || l.tag == "<sub>" {
			supSub = append(supSub, l.r)
		}
	}
	latin := latinFold(letters, conf)

	var b bytes.Buffer
	b.WriteString(gentool.Header("fold", ignorablePath, lettersPath, confusablesPath))
	b.WriteString("import \"unicode\"\n\n")
	fmt.Fprintf(&b, "// UnicodeVersion is the version of the Unicode Character Database the\n// invisible set and the Latin fold come from (DerivedCoreProperties.txt,\n// UnicodeData.txt).\nconst UnicodeVersion = %q\n\n", ucdVersion)
	fmt.Fprintf(&b, "// ConfusablesEdition is the edition of UTS #39's confusables.txt the\n// Latin fold takes its look-alikes from.\nconst ConfusablesEdition = %q\n\n", confEdition)
	b.WriteString("// defaultIgnorable is Unicode's Default_Ignorable_Code_Point property.\n")
	writeRangeTable(&b, "defaultIgnorable", ignorable)
	b.WriteString("// superSub holds the characters whose compatibility decomposition is\n// a superscript or a subscript (<super>, <sub>).\n")
	writeRangeTable(&b, "superSub", supSub)
	b.WriteString("// latin maps a letter to the lower-case ASCII letter it is taken for,\n// sorted by letter. All but a few (ϲ) are letters NFKC leaves alone.\n")
	keys := make([]rune, 0, len(latin))
	for r := range latin {
		keys = append(keys, r)
	}
	slices.Sort(keys)
	b.WriteString("var latin = [...]struct {\n\tr  rune\n\tto byte\n}{\n")
	for _, r := range keys {
		fmt.Fprintf(&b, "\t{0x%04X, '%c'}, // %c\n", r, latin[r], r)
	}
	b.WriteString("}\n")
	out.Finish(b.Bytes(), "go generate ./rules/internal/fold")
}

// latinFold builds the Latin fold (see the package comment).
func latinFold(letters []letter, conf map[rune]byte) map[rune]byte {
	named := map[rune]byte{}
	nameRE := regexp.MustCompile(`^LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL |DOTLESS )?([A-Z])(?: WITH .*)?$`)
	for _, l := range letters {
		if m := nameRE.FindStringSubmatch(l.name); m != nil {
			named[l.r] = m[1][0] + 'a' - 'A'
		}
	}
	m := map[rune]byte{}
	var fold func(r rune, depth int) (byte, bool)
	fold = func(r rune, depth int) (byte, bool) {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				return byte(r) + 'a' - 'A', true
			}
			return byte(r), 'a' <= r && r <= 'z'
		}
		if depth > 4 || !unicode.IsLetter(r) || !inScripts(r) {
			return 0, false
		}
		if t, ok := conf[r]; ok {
			if t == 'l' && unicode.IsUpper(r) {
				// confusables.txt writes capital I as l (its prototype);
				// a capital that looks like I is the letter i here.
				t = 'i'
			}
			return t, true
		}
		if t, ok := named[r]; ok {
			return t, true
		}
		if d := []rune(norm.NFD.String(string(r))); len(d) > 1 && d[0] != r {
			marks := true
			for _, x := range d[1:] {
				marks = marks && unicode.Is(unicode.Mn, x)
			}
			if marks {
				return fold(d[0], depth+1)
			}
		}
		if l := unicode.ToLower(r); l != r {
			return fold(l, depth+1)
		}
		if unicode.Is(unicode.Cyrillic, r) {
			// A small Cyrillic letter whose capital is a look-alike
			// looks like that letter's small capital (т, м, к, в, н):
			// confusables.txt maps it to the small capital, which is no
			// ASCII letter.
			if t, ok := conf[unicode.ToUpper(r)]; ok && unicode.IsLower(r) {
				if t == 'l' {
					t = 'i'
				}
				return t, true
			}
			if r == 'п' {
				return 'n', true // п is n in italic and at small sizes
			}
		}
		return 0, false
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !unicode.IsLetter(r) || !inScripts(r) || !norm.NFKC.IsNormalString(string(r)) {
			continue
		}
		if t, ok := fold(r, 0); ok {
			m[r] = t
		}
	}
	// A few look-alikes NFKC turns into a letter that looks like nothing
	// Latin (Greek lunate sigma ϲ → final sigma ς): folded before NFKC, as
	// a lone rune.
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		t, ok := conf[r]
		if !ok || !unicode.IsLetter(r) || !inScripts(r) || norm.NFKC.IsNormalString(string(r)) {
			continue
		}
		if n := []rune(norm.NFKC.String(string(r))); len(n) == 1 {
			if _, ok := m[n[0]]; !ok && n[0] >= utf8.RuneSelf {
				m[r] = t
			}
		}
	}
	return m
}

// inScripts reports whether r is of a script whose letters the Latin fold
// takes.
func inScripts(r rune) bool {
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian)
}

func writeRangeTable(b *bytes.Buffer, name string, runes []rune) {
	slices.Sort(runes)
	runes = slices.Compact(runes)
	type rng struct{ lo, hi rune }
	var rs []rng
	for _, r := range runes {
		if n := len(rs); n > 0 && rs[n-1].hi+1 == r {
			rs[n-1].hi = r
			continue
		}
		rs = append(rs, rng{r, r})
	}
	fmt.Fprintf(b, "var %s = &unicode.RangeTable{\n", name)
	var r16, r32 []rng
	for _, r := range rs {
		if r.hi <= 0xFFFF {
			r16 = append(r16, r)
		} else if r.lo > 0xFFFF {
			r32 = append(r32, r)
		} else {
			r16 = append(r16, rng{r.lo, 0xFFFF})
			r32 = append(r32, rng{0x10000, r.hi})
		}
	}
	latinOffset := 0
	for _, r := range r16 {
		if r.hi <= unicode.MaxLatin1 {
			latinOffset++
		}
	}
	if len(r16) > 0 {
		b.WriteString("\tR16: []unicode.Range16{\n")
		for _, r := range r16 {
			fmt.Fprintf(b, "\t\t{Lo: 0x%04X, Hi: 0x%04X, Stride: 1},\n", r.lo, r.hi)
		}
		b.WriteString("\t},\n")
	}
	if len(r32) > 0 {
		b.WriteString("\tR32: []unicode.Range32{\n")
		for _, r := range r32 {
			fmt.Fprintf(b, "\t\t{Lo: 0x%X, Hi: 0x%X, Stride: 1},\n", r.lo, r.hi)
		}
		b.WriteString("\t},\n")
	}
	if latinOffset > 0 {
		fmt.Fprintf(b, "\tLatinOffset: %d,\n", latinOffset)
	}
	b.WriteString("}\n\n")
}

// readIgnorable reads the UCD version and the code points of the extract.
func readIgnorable() (string, []rune) {
	version := ""
	var rs []rune
	eachLine(ignorablePath, func(n int, line string) {
		if v, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
			version = strings.TrimSpace(v)
			return
		}
		if line == "" || line[0] == '#' {
			return
		}
		body, _, _ := strings.Cut(line, "#")
		rng, prop, _ := strings.Cut(body, ";")
		if strings.TrimSpace(prop) != "Default_Ignorable_Code_Point" {
			log.Fatalf("%s:%d: unexpected property %q", ignorablePath, n, prop)
		}
		lo, hi := parseRange(ignorablePath, n, rng)
		for r := lo; r <= hi; r++ {
			rs = append(rs, r)
		}
	})
	if version == "" {
		log.Fatalf("%s: no \"# Unicode version:\" line", ignorablePath)
	}
	if len(rs) < 4000 {
		log.Fatalf("%s: only %d code points; the extract looks truncated", ignorablePath, len(rs))
	}
	return version, rs
}

type letter struct {
	r         rune
	name, tag string
}

// readLetters reads the extract of UnicodeData.txt: code;name;category;decomposition.
func readLetters() []letter {
	var ls []letter
	eachLine(lettersPath, func(n int, line string) {
		if line == "" || line[0] == '#' {
			return
		}
		f := strings.Split(line, ";")
		if len(f) != 4 {
			log.Fatalf("%s:%d: want code;name;category;decomposition: %q", lettersPath, n, line)
		}
		r, _ := parseRange(lettersPath, n, f[0])
		tag := ""
		if strings.HasPrefix(f[3], "<") {
			tag, _, _ = strings.Cut(f[3], " ")
		}
		ls = append(ls, letter{r, f[1], tag})
	})
	return ls
}

// readConfusables reads the edition and the mappings "SRC ; TARGET ; MA # …".
func readConfusables() (string, map[rune]byte) {
	edition := ""
	m := map[rune]byte{}
	eachLine(confusablesPath, func(n int, line string) {
		if v, ok := strings.CutPrefix(line, "# Edition: "); ok {
			edition = strings.TrimSpace(v)
			return
		}
		if line == "" || line[0] == '#' {
			return
		}
		body, _, _ := strings.Cut(line, "#")
		f := strings.Split(body, ";")
		if len(f) < 2 {
			log.Fatalf("%s:%d: want SRC ; TARGET: %q", confusablesPath, n, line)
		}
		src, _ := parseRange(confusablesPath, n, f[0])
		var target []rune
		for _, h := range strings.Fields(f[1]) {
			r, _ := parseRange(confusablesPath, n, h)
			target = append(target, r)
		}
		t, ok := asciiLetter(target)
		if !ok {
			log.Fatalf("%s:%d: the target is not one ASCII letter", confusablesPath, n)
		}
		m[src] = t
	})
	if edition == "" {
		log.Fatalf("%s: no \"# Edition:\" line", confusablesPath)
	}
	return edition, m
}

// asciiLetter returns the lower-case ASCII letter a target is made of: one
// ASCII letter followed by nothing but combining marks.
func asciiLetter(target []rune) (byte, bool) {
	if len(target) == 0 {
		return 0, false
	}
	t := unicode.ToLower(target[0])
	if t < 'a' || t > 'z' {
		return 0, false
	}
	for _, r := range target[1:] {
		if !unicode.Is(unicode.Mn, r) {
			return 0, false
		}
	}
	return byte(t), true
}

func eachLine(path string, f func(n int, line string)) {
	file, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		f(n, sc.Text())
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}

// parseRange parses "00AD" or "180B..180D" (surrounding space allowed).
func parseRange(path string, n int, s string) (rune, rune) {
	s = strings.TrimSpace(s)
	a, b, isRange := strings.Cut(s, "..")
	lo := parseHex(path, n, a)
	if !isRange {
		return lo, lo
	}
	return lo, parseHex(path, n, b)
}

func parseHex(path string, n int, s string) rune {
	v, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(s), "U+"), 16, 32)
	if err != nil || v > unicode.MaxRune {
		log.Fatalf("%s:%d: bad code point %q", path, n, s)
	}
	return rune(v)
}

const licence = "# Unicode data is under the Unicode License (https://www.unicode.org/license.txt).\n"

func refreshIgnorable() {
	src := filepath.Join(*ucdDir, "DerivedCoreProperties.txt")
	var b strings.Builder
	b.WriteString("# The Default_Ignorable_Code_Point lines of DerivedCoreProperties.txt, from\n")
	b.WriteString("# the Unicode Character Database as shipped by Debian's unicode-data package.\n")
	b.WriteString("# Regenerate with: go run gen.go -refresh\n" + licence + "#\n")
	found := false
	eachLine(src, func(n int, line string) {
		if n == 1 {
			// "# DerivedCoreProperties-15.0.0.txt"
			v := strings.TrimSuffix(strings.TrimPrefix(line, "# DerivedCoreProperties-"), ".txt")
			fmt.Fprintf(&b, "%s\n# Unicode version: %s\n#\n", line, v)
		}
		if strings.HasPrefix(line, "# Date:") {
			b.WriteString(line + "\n#\n")
		}
		if body, _, _ := strings.Cut(line, "#"); strings.Contains(body, "; Default_Ignorable_Code_Point") {
			b.WriteString(line + "\n")
			found = true
		}
	})
	if !found {
		log.Fatalf("%s: no Default_Ignorable_Code_Point lines", src)
	}
	writeFile(ignorablePath, b.String())
}

func refreshLetters() {
	src := filepath.Join(*ucdDir, "UnicodeData.txt")
	var b strings.Builder
	b.WriteString("# Lines of UnicodeData.txt (Unicode Character Database, Debian's unicode-data\n")
	b.WriteString("# package), cut to code;name;category;decomposition: every character with a\n")
	b.WriteString("# <super> or <sub> decomposition and every Latin letter named after one\n")
	b.WriteString("# letter A-Z (with a mark, stroke, hook …, dotless or a small capital).\n")
	b.WriteString("# Regenerate with: go run gen.go -refresh\n" + licence + "#\n")
	nameRE := regexp.MustCompile(`^LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL |DOTLESS )?([A-Z])(?: WITH .*)?$`)
	eachLine(src, func(n int, line string) {
		f := strings.Split(line, ";")
		if len(f) < 6 {
			log.Fatalf("%s:%d: short line", src, n)
		}
		if strings.HasPrefix(f[5], "<super>") || strings.HasPrefix(f[5], "<sub>") || nameRE.MatchString(f[1]) {
			fmt.Fprintf(&b, "%s;%s;%s;%s\n", f[0], f[1], f[2], f[5])
		}
	})
	writeFile(lettersPath, b.String())
}

// refreshConfusables keeps the single-letter, non-ASCII sources whose
// target is one ASCII letter. The JSON of python3-confusable-homoglyphs
// lists every line of confusables.txt in both directions; a non-ASCII
// letter listed with an ASCII letter is a source whose target is that
// letter, since ASCII letters are prototypes of confusables.txt.
func refreshConfusables() {
	type mapping struct {
		src    rune
		target []rune
	}
	var ms []mapping
	ed := *edition
	data, err := os.ReadFile(*confusables)
	if err != nil {
		log.Fatal(err)
	}
	if strings.HasSuffix(*confusables, ".json") {
		var j map[string][]struct {
			C string `json:"c"`
		}
		if err := json.Unmarshal(data, &j); err != nil {
			log.Fatal(err)
		}
		for k, vs := range j {
			src := []rune(k)
			if len(src) != 1 || src[0] < utf8.RuneSelf {
				continue
			}
			for _, v := range vs {
				if _, ok := asciiLetter([]rune(v.C)); ok && []rune(v.C)[0] < utf8.RuneSelf {
					ms = append(ms, mapping{src[0], []rune(v.C)})
				}
			}
		}
		if ed == "" {
			log.Fatal("the JSON form does not say its edition: give -confusables-edition")
		}
	} else {
		for n, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "# Version: "); ok && ed == "" {
				ed = strings.TrimSpace(v)
			}
			body, _, _ := strings.Cut(line, "#")
			f := strings.Split(body, ";")
			if len(f) < 3 {
				continue
			}
			src := strings.Fields(f[0])
			if len(src) != 1 {
				continue
			}
			s, _ := parseRange(*confusables, n+1, src[0])
			var t []rune
			for _, h := range strings.Fields(f[1]) {
				r, _ := parseRange(*confusables, n+1, h)
				t = append(t, r)
			}
			if _, ok := asciiLetter(t); ok && s >= utf8.RuneSelf && t[0] < utf8.RuneSelf {
				ms = append(ms, mapping{s, t})
			}
		}
	}
	slices.SortFunc(ms, func(a, b mapping) int {
		if a.src != b.src {
			return int(a.src - b.src)
		}
		return slices.Compare(a.target, b.target)
	})
	ms = slices.CompactFunc(ms, func(a, b mapping) bool {
		if a.src == b.src && !slices.Equal(a.target, b.target) {
			log.Printf("U+%04X has two targets, %q and %q; keeping the first", a.src, string(a.target), string(b.target))
		}
		return a.src == b.src
	})
	var b strings.Builder
	b.WriteString("# The mappings of UTS #39 confusables.txt (the skeleton data) whose source\n")
	b.WriteString("# is one character other than ASCII and whose target is one ASCII letter\n")
	b.WriteString("# (possibly with combining marks). Taken from " + filepath.Base(*confusables) + ".\n")
	b.WriteString("# Regenerate with: go run gen.go -refresh\n" + licence + "#\n")
	fmt.Fprintf(&b, "# Edition: %s\n#\n", ed)
	for _, m := range ms {
		var hex []string
		for _, r := range m.target {
			hex = append(hex, fmt.Sprintf("%04X", r))
		}
		fmt.Fprintf(&b, "%04X ; %s ; MA # ( %c → %s )\n", m.src, strings.Join(hex, " "), m.src, string(m.target))
	}
	writeFile(confusablesPath, b.String())
}

func writeFile(path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		log.Fatal(err)
	}
}
