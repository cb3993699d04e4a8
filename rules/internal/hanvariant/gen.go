//go:build ignore

// Gen writes tables.go, the variant→simplified table of package
// hanvariant, from readable files under data/:
//
//   - Unihan_Variants.txt: the lines of Unicode's Unihan_Variants.txt the
//     table is built from: the kSimplifiedVariant of every character that
//     is not its own simplified form, and every kSemanticVariant, kZVariant
//     and kSpecializedSemanticVariant line, with the Unicode version in its
//     header;
//   - Unihan_OtherMappings.txt: the kTGH lines of Unihan_OtherMappings.txt
//     (the 8,105 characters of the 2013 通用规范汉字表, the first 3,500 of
//     them the 常用字) and the kJinmeiyoKanji lines that name the Jōyō
//     (Japanese standard) form of a traditional character;
//   - EquivalentUnifiedIdeograph.txt: the UCD's mapping of the CJK Radicals
//     Supplement (U+2E80–2EFF) to the ideographs they look like (Kangxi
//     radicals fold by NFKC already);
//   - JPShinjitaiCharacters.txt: the Japanese shinjitai (新字体) with the
//     traditional characters they stand for (労 勞, 経 經), from OpenCC's
//     JPShinjitaiCharacters (Apache licence 2.0, as the npm package
//     opencc-js 1.4.2 ships it): most shinjitai have no Unihan variant;
//   - hand.txt: the few mappings the data lacks or gets wrong for the
//     library's purpose, each with its reason. They take precedence.
//
// A character gets, in this order of precedence: its hand-kept mapping;
// its kSimplifiedVariant (dropped when the character is itself one of the
// 8,105 and its simplified form is not); for a Japanese Jōyō form, the
// simplified form of the traditional character Unihan gives as its
// kJinmeiyoKanji counterpart (楽 → 樂 → 乐), or for a shinjitai the
// simplified form of its traditional character (労 → 勞 → 劳); for a radical, its equivalent
// ideograph; and for a character that is not one of the 8,105, the one
// standard character its semantic, Z- and specialised semantic variants
// simplify to, when there is exactly one (砲 → 炮, 婬 → 淫). A standard
// character is never mapped by the last three, so no two ordinary
// characters are merged.
//
// Usage:
//
//	go run gen.go            # rewrite tables.go from data/
//	go run gen.go -check     # exit 1 when tables.go is not current
//	go run gen.go -refresh /usr/share/unicode/Unihan_Variants.txt.bz2
//	                         # rewrite the extracts in data/ from the full
//	                         # Unihan files and the UCD beside that file
//	                         # (Debian's unicode-data package), then tables.go
package main

import (
	"bufio"
	"bytes"
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
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/internal/gentool"
)

var (
	refresh   = flag.String("refresh", "", "full Unihan_Variants.txt (or .bz2) to extract data/Unihan_Variants.txt from")
	shinjitai = flag.String("shinjitai", "", "opencc-js's dist/esm-lib/dict/JPShinjitaiCharactersRev.js to extract data/JPShinjitaiCharacters.txt from")
)

const (
	extractPath = "data/Unihan_Variants.txt"
	otherPath   = "data/Unihan_OtherMappings.txt"
	radicalPath = "data/EquivalentUnifiedIdeograph.txt"
	handPath    = "data/hand.txt"
	shinPath    = "data/JPShinjitaiCharacters.txt"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")
	if *refresh != "" {
		writeExtract(*refresh)
	}
	if *shinjitai != "" {
		writeShinjitai(*shinjitai)
	}

	version, unihan, variants := readExtract(extractPath)
	standard, joyo := readOther(otherPath)
	radicals := readRadicals(radicalPath)
	shin := readShinjitai(shinPath)
	hand := readHand(handPath)
	if len(standard) != 8105 {
		log.Fatalf("%s: %d standard characters, want 8105", otherPath, len(standard))
	}

	m := make(map[rune]rune, len(unihan)+len(hand))
	for from, to := range unihan {
		if _, std := standard[from]; std {
			if _, ok := standard[to]; !ok {
				continue // 瑙 → 𰡻: a standard character keeps its form
			}
		}
		m[from] = to
	}
	simplify := func(r rune) rune {
		if t, ok := m[r]; ok {
			return t
		}
		return r
	}
	derived := map[rune]rune{}
	add := func(from, to rune) {
		if _, std := standard[from]; std || from == to {
			return
		}
		if _, ok := m[from]; ok {
			return
		}
		if _, ok := derived[from]; ok {
			return
		}
		if _, ok := standard[to]; ok {
			derived[from] = to
		}
	}
	for _, from := range sortedKeys(joyo) {
		add(from, simplify(joyo[from]))
	}
	for _, from := range sortedKeys(shin) {
		add(from, simplify(shin[from]))
	}
	for _, from := range sortedKeys(radicals) {
		add(from, simplify(radicals[from]))
	}
	ambiguous := 0
	for _, from := range sortedKeys(variants) {
		var cands []rune
		for _, v := range variants[from] {
			if t := simplify(v); t != from && !slices.Contains(cands, t) {
				if _, ok := standard[t]; ok {
					cands = append(cands, t)
				}
			}
		}
		switch len(cands) {
		case 1:
			add(from, cands[0])
		case 0:
		default:
			ambiguous++
		}
	}
	for from, to := range derived {
		m[from] = to
	}
	for from, h := range hand {
		m[from] = h.to
	}
	resolveChains(m)
	for r := range standard {
		if _, ok := m[r]; ok && standard[r] <= 3500 {
			if _, isHand := hand[r]; !isHand {
				log.Fatalf("U+%04X %c, one of the 3,500 常用字, would change to %c", r, r, m[r])
			}
		}
	}
	log.Printf("%d mappings: %d derived from variants, Jōyō forms and radicals; %d characters with several standard variants left alone", len(m), len(derived), ambiguous)

	var bmp, supp []rune
	for from := range m {
		if from < 0x10000 {
			bmp = append(bmp, from)
		} else {
			supp = append(supp, from)
		}
	}
	slices.Sort(bmp)
	slices.Sort(supp)

	var b bytes.Buffer
	b.WriteString(gentool.Header("hanvariant", extractPath+" (extracts of Unihan, Unicode "+version+")", otherPath, radicalPath, shinPath+" (OpenCC, via opencc-js 1.4.2)", handPath))
	fmt.Fprintf(&b, "// UnicodeVersion is the version of the Unihan data the table comes from.\nconst UnicodeVersion = %q\n\n", version)
	fmt.Fprintf(&b, "// mappings is the number of characters with a simplified form.\nconst mappings = %d\n\n", len(m))

	// The Basic Multilingual Plane is a two-stage table: bmpPage[r>>8] is
	// 1 + the index in bmpPages of r's page, or 0.
	var pageOrder []rune
	for _, r := range bmp {
		if p := r >> 8; len(pageOrder) == 0 || pageOrder[len(pageOrder)-1] != p {
			pageOrder = append(pageOrder, p)
		}
	}
	if len(pageOrder) > 255 {
		log.Fatalf("%d pages do not fit a uint8 index", len(pageOrder))
	}
	b.WriteString("// bmpPage maps the page r>>8 of a character r of the Basic Multilingual\n// Plane to the index of the page in bmpPages: 0, an empty page, when no\n// character of the page has a simplified form.\n")
	b.WriteString("var bmpPage = [256]uint8{\n")
	for i, p := range pageOrder {
		fmt.Fprintf(&b, "\t0x%02X: %d,\n", p, i+1)
	}
	b.WriteString("}\n\n")
	b.WriteString("// bmpPages holds, for each page of bmpPage, the simplified form of each\n// character of the page, or 0.\n")
	fmt.Fprintf(&b, "var bmpPages = [%d][256]rune{\n\t{}, // the empty page\n", len(pageOrder)+1)
	for _, p := range pageOrder {
		fmt.Fprintf(&b, "\t{ // U+%04X\n", p<<8)
		for _, r := range bmp {
			if r>>8 == p {
				fmt.Fprintf(&b, "\t\t0x%02X: 0x%04X, // %c → %c\n", r&0xFF, m[r], r, m[r])
			}
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n\n")
	// A bitmap of the BMP characters with a simplified form, small enough
	// to stay in the first-level cache: most characters of a name have
	// none, and one load tells.
	var mask [1024]uint64
	for _, r := range bmp {
		mask[r>>6] |= 1 << (r & 63)
	}
	b.WriteString("// bmpMask has bit r set for each character r of the Basic Multilingual\n// Plane that has a simplified form.\n")
	b.WriteString("var bmpMask = [1024]uint64{\n")
	for i, w := range mask {
		if w != 0 {
			fmt.Fprintf(&b, "\t0x%03X: 0x%016X,\n", i, w)
		}
	}
	b.WriteString("}\n\n")
	writeVariants(&b, bmp, m)
	b.WriteString("// supplementary lists the characters beyond the Basic Multilingual Plane\n// with their simplified forms, sorted.\n")
	b.WriteString("var supplementary = [...]struct{ from, to rune }{\n")
	for _, r := range supp {
		fmt.Fprintf(&b, "\t{0x%X, 0x%X},\n", r, m[r])
	}
	b.WriteString("}\n")

	out.Finish(b.Bytes(), "go generate ./rules/internal/hanvariant")
}

// writeVariants writes the inverse of the mapping m of the characters
// bmp (sorted) of the Basic Multilingual Plane: variantFrom, those
// characters sorted by what they simplify to, then in order, and
// variantTo, what each simplifies to.
func writeVariants(b *bytes.Buffer, bmp []rune, m map[rune]rune) {
	from := slices.Clone(bmp)
	slices.SortStableFunc(from, func(x, y rune) int { return int(m[x] - m[y]) })
	b.WriteString("// variantTo and variantFrom are the characters of the Basic Multilingual\n// Plane with a simplified form (variantFrom[i]) and that form\n// (variantTo[i]), by the form, then in order (VariantsBMP).\n")
	b.WriteString("var variantTo = [...]rune{\n")
	for i, r := range from {
		fmt.Fprintf(b, "0x%04X,", m[r])
		if i%12 == 11 || i == len(from)-1 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n\n")
	// variantPage[p]: the first entry whose form is of page p or after
	// (p < 256), or beyond the plane (p = 256).
	b.WriteString("// variantPage[p] is the index of the first entry of variantTo at or\n// after U+XX00 for the page p = 0xXX of the Basic Multilingual Plane,\n// and variantPage[256] that of the first beyond it.\n")
	b.WriteString("var variantPage = [257]uint16{\n")
	i := 0
	for p := rune(0); p <= 256; p++ {
		for i < len(from) && m[from[i]] < p<<8 {
			i++
		}
		fmt.Fprintf(b, "%d,", i)
		if p%16 == 15 || p == 256 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n\n")
	b.WriteString("// variantFrom: see variantTo.\n")
	b.WriteString("var variantFrom = [...]uint16{\n")
	for i, r := range from {
		fmt.Fprintf(b, "0x%04X,", r)
		if i%12 == 11 || i == len(from)-1 {
			b.WriteString("\n")
		}
	}
	b.WriteString("}\n\n")
}

// resolveChains makes every mapping final: a character mapped to one that
// is itself mapped (薴 → 苧 → 苎) is mapped to the end of the chain, so that
// simplifying twice gives what simplifying once gives. Cycles are errors.
func resolveChains(m map[rune]rune) {
	for from := range m {
		to := m[from]
		for steps := 0; ; steps++ {
			next, ok := m[to]
			if !ok || next == to {
				break
			}
			if steps > 8 {
				log.Fatalf("cycle in the mappings from U+%04X", from)
			}
			to = next
		}
		m[from] = to
	}
	for from, to := range m {
		if from == to {
			delete(m, from)
			continue
		}
		if !norm.NFKC.IsNormalString(string(to)) || !unicode.Is(unicode.Han, to) {
			log.Fatalf("U+%04X maps to U+%04X, which is not a normalised Han character", from, to)
		}
	}
}

// readExtract reads the Unicode version, the kSimplifiedVariant lines of
// the extract (the first listed form of each character) and the semantic,
// Z- and specialised semantic variants of each character.
func readExtract(path string) (string, map[rune]rune, map[rune][]rune) {
	version := ""
	m := map[rune]rune{}
	variants := map[rune][]rune{}
	eachLine(path, func(n int, line string) {
		if v, ok := strings.CutPrefix(line, "# Unicode version: "); ok {
			version = strings.TrimSpace(v)
		}
		if line == "" || line[0] == '#' {
			return
		}
		from, field, values := parseUnihan(path, n, line)
		switch field {
		case "kSimplifiedVariant":
			if slices.Contains(values, from) {
				log.Fatalf("%s:%d: U+%04X is its own simplified form; the extract keeps only characters that are not", path, n, from)
			}
			m[from] = values[0]
		case "kSemanticVariant", "kZVariant":
			variants[from] = append(variants[from], values...)
		case "kSpecializedSemanticVariant":
			// A variant in some senses only: taken when Unihan states it
			// itself or from the 汉语大字典 (kHanYu), not from the
			// bilingual dictionaries it cites (塚 → 中 <kFenn, 嬲 → 惱
			// <kMeyerWempe).
			for _, v := range strings.Fields(strings.Split(line, "\t")[2]) {
				if _, src, annotated := strings.Cut(v, "<"); !annotated || strings.HasPrefix(src, "kHanYu") {
					variants[from] = append(variants[from], parseCodePoint(path, n, strings.Split(v, "<")[0]))
				}
			}
		default:
			log.Fatalf("%s:%d: unexpected field %s", path, n, field)
		}
	})
	if version == "" {
		log.Fatalf("%s: no \"# Unicode version:\" line", path)
	}
	return version, m, variants
}

// readOther reads the standard characters with their number in the 2013
// list (kTGH "2013:1234") and the Jōyō forms with the traditional
// characters Unihan pairs them with (kJinmeiyoKanji "2010:U+697D" on 樂:
// 楽 → 樂).
func readOther(path string) (map[rune]int, map[rune]rune) {
	standard := map[rune]int{}
	joyo := map[rune]rune{}
	eachLine(path, func(n int, line string) {
		if line == "" || line[0] == '#' {
			return
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			log.Fatalf("%s:%d: want three tab-separated fields: %q", path, n, line)
		}
		from := parseCodePoint(path, n, parts[0])
		switch parts[1] {
		case "kTGH":
			for _, v := range strings.Fields(parts[2]) {
				num, err := strconv.Atoi(strings.TrimPrefix(v, "2013:"))
				if err != nil || !strings.HasPrefix(v, "2013:") {
					log.Fatalf("%s:%d: bad kTGH value %q", path, n, v)
				}
				standard[from] = num
			}
		case "kJinmeiyoKanji":
			for _, v := range strings.Fields(parts[2]) {
				if _, cp, ok := strings.Cut(v, ":"); ok {
					joyo[parseCodePoint(path, n, cp)] = from
				}
			}
		default:
			log.Fatalf("%s:%d: unexpected field %s", path, n, parts[1])
		}
	})
	return standard, joyo
}

// readRadicals reads "2EA0 ; 6C11 # CJK RADICAL CIVILIAN" lines.
func readRadicals(path string) map[rune]rune {
	m := map[rune]rune{}
	eachLine(path, func(n int, line string) {
		body, _, _ := strings.Cut(line, "#")
		if strings.TrimSpace(body) == "" {
			return
		}
		from, to, ok := strings.Cut(body, ";")
		if !ok {
			log.Fatalf("%s:%d: want FROM ; TO: %q", path, n, line)
		}
		m[parseCodePoint(path, n, "U+"+strings.TrimSpace(from))] = parseCodePoint(path, n, "U+"+strings.TrimSpace(to))
	})
	return m
}

func sortedKeys[V any](m map[rune]V) []rune {
	keys := make([]rune, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func eachLine(path string, f func(n int, line string)) {
	file, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer file.Close()
	var r io.Reader = file
	if strings.HasSuffix(path, ".bz2") {
		r = bzip2.NewReader(file)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		f(n, sc.Text())
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}

// parseUnihan splits a line "U+8CED<tab>kSimplifiedVariant<tab>U+8D4C …".
func parseUnihan(path string, n int, line string) (rune, string, []rune) {
	parts := strings.Split(line, "\t")
	if len(parts) != 3 {
		log.Fatalf("%s:%d: want three tab-separated fields: %q", path, n, line)
	}
	from := parseCodePoint(path, n, parts[0])
	var values []rune
	for _, v := range strings.Fields(parts[2]) {
		v, _, _ = strings.Cut(v, "<") // drop source annotations (U+4E94<kMatthews)
		values = append(values, parseCodePoint(path, n, v))
	}
	if len(values) == 0 {
		log.Fatalf("%s:%d: no value", path, n)
	}
	return from, parts[1], values
}

func parseCodePoint(path string, n int, s string) rune {
	hex, ok := strings.CutPrefix(s, "U+")
	v, err := strconv.ParseUint(hex, 16, 32)
	if !ok || err != nil || !utf8.ValidRune(rune(v)) {
		log.Fatalf("%s:%d: bad code point %q", path, n, s)
	}
	return rune(v)
}

type handEntry struct {
	to     rune
	reason string
}

// readHand reads lines "FROM TO # reason"; every entry needs its reason.
func readHand(path string) map[rune]handEntry {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	m := map[rune]handEntry{}
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		body, reason, _ := strings.Cut(line, "#")
		fields := strings.Fields(body)
		if len(fields) != 2 || utf8.RuneCountInString(fields[0]) != 1 || utf8.RuneCountInString(fields[1]) != 1 {
			log.Fatalf("%s:%d: want \"FROM TO # reason\" with one character each: %q", path, n+1, line)
		}
		if strings.TrimSpace(reason) == "" {
			log.Fatalf("%s:%d: every hand-kept mapping needs its reason after #", path, n+1)
		}
		from, _ := utf8.DecodeRuneInString(fields[0])
		to, _ := utf8.DecodeRuneInString(fields[1])
		if _, dup := m[from]; dup {
			log.Fatalf("%s:%d: %c listed twice", path, n+1, from)
		}
		m[from] = handEntry{to, strings.TrimSpace(reason)}
	}
	return m
}

// writeExtract rewrites the extracts from the full Unihan_Variants.txt
// and the files beside it: the header lines naming the file, its date and
// version, every kSimplifiedVariant line of a character that is not its
// own simplified form and every semantic, Z- and specialised semantic
// variant line; the kTGH and kJinmeiyoKanji lines of
// Unihan_OtherMappings.txt; the CJK Radicals Supplement lines of
// EquivalentUnifiedIdeograph.txt. It also reads kTraditionalVariant and
// stops when that field names a traditional form Unihan gives no
// kSimplifiedVariant for: such a gap must be looked at and, if it matters,
// added to hand.txt.
func writeExtract(path string) {
	var header []string
	var lines []string
	simplified := map[rune][]rune{}
	traditional := map[rune][]rune{}
	eachLine(path, func(n int, line string) {
		if strings.HasPrefix(line, "# Date:") || strings.HasPrefix(line, "# Unicode version:") || strings.HasPrefix(line, "# Unihan_Variants.txt") || strings.HasPrefix(line, "# Unicode Character Database") || strings.HasPrefix(line, "# ©") {
			header = append(header, line)
		}
		if line == "" || line[0] == '#' {
			return
		}
		from, field, values := parseUnihan(path, n, line)
		switch field {
		case "kSimplifiedVariant":
			simplified[from] = values
			if !slices.Contains(values, from) {
				lines = append(lines, line)
			}
		case "kTraditionalVariant":
			traditional[from] = values
		case "kSemanticVariant", "kZVariant", "kSpecializedSemanticVariant":
			lines = append(lines, line)
		}
	})
	hand := readHand(handPath)
	var gaps []string
	for s, ts := range traditional {
		for _, t := range ts {
			if _, ok := simplified[t]; !ok && t != s {
				if _, ok := hand[t]; !ok {
					gaps = append(gaps, fmt.Sprintf("U+%04X %c (traditional form of %c)", t, t, s))
				}
			}
		}
	}
	if len(gaps) > 0 {
		slices.Sort(gaps)
		log.Fatalf("kTraditionalVariant names forms without kSimplifiedVariant; decide about them in %s:\n%s", handPath, strings.Join(gaps, "\n"))
	}
	const licence = "# Unicode data is under the Unicode License (https://www.unicode.org/license.txt).\n"

	var b strings.Builder
	b.WriteString("# Extract of Unihan_Variants.txt from the Unicode Character Database, as\n")
	b.WriteString("# shipped by Debian's unicode-data package (/usr/share/unicode/). Only the\n")
	b.WriteString("# lines gen.go reads are kept: the kSimplifiedVariant of every character\n")
	b.WriteString("# that is not its own simplified form, and every kSemanticVariant,\n")
	b.WriteString("# kZVariant and kSpecializedSemanticVariant line. Regenerate with\n")
	b.WriteString("#   go run gen.go -refresh /usr/share/unicode/Unihan_Variants.txt.bz2\n")
	b.WriteString(licence + "#\n")
	for _, h := range header {
		b.WriteString(h + "\n")
	}
	b.WriteString("#\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	writeFile(extractPath, b.String())

	dir := filepath.Dir(path)
	other := filepath.Join(dir, "Unihan_OtherMappings.txt")
	if _, err := os.Stat(other); err != nil {
		other += ".bz2"
	}
	b.Reset()
	b.WriteString("# Extract of Unihan_OtherMappings.txt (Unicode Character Database, Debian's\n")
	b.WriteString("# unicode-data package): the kTGH lines (the 8,105 characters of the 2013\n")
	b.WriteString("# 通用规范汉字表 with their numbers; 1-3500 are the 常用字) and the\n")
	b.WriteString("# kJinmeiyoKanji lines naming a Jōyō form. Regenerate with gen.go -refresh.\n")
	b.WriteString(licence + "#\n")
	eachLine(other, func(n int, line string) {
		if strings.HasPrefix(line, "# Date:") || strings.HasPrefix(line, "# Unicode version:") {
			b.WriteString(line + "\n")
		}
		if strings.Contains(line, "\tkTGH\t") || strings.Contains(line, "\tkJinmeiyoKanji\t") && strings.Contains(line, ":U+") {
			b.WriteString(line + "\n")
		}
	})
	writeFile(otherPath, b.String())

	b.Reset()
	b.WriteString("# Extract of the UCD's EquivalentUnifiedIdeograph.txt (Debian's unicode-data\n")
	b.WriteString("# package): the CJK Radicals Supplement, U+2E80-2EFF. Regenerate with\n")
	b.WriteString("# gen.go -refresh.\n" + licence + "#\n")
	eachLine(filepath.Join(dir, "EquivalentUnifiedIdeograph.txt"), func(n int, line string) {
		if n <= 2 {
			b.WriteString(line + "\n")
		}
		if len(line) > 4 && line[0] == '2' && line[1] == 'E' && line[4] == ' ' {
			b.WriteString(line + "\n")
		}
	})
	writeFile(radicalPath, b.String())
}

func writeFile(path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		log.Fatal(err)
	}
}

// readShinjitai reads "shinjitai traditional" lines.
func readShinjitai(path string) map[rune]rune {
	m := map[rune]rune{}
	eachLine(path, func(n int, line string) {
		if line == "" || line[0] == '#' {
			return
		}
		f := strings.Fields(line)
		if len(f) != 2 || utf8.RuneCountInString(f[0]) != 1 || utf8.RuneCountInString(f[1]) != 1 {
			log.Fatalf("%s:%d: want a shinjitai and its traditional character: %q", path, n, line)
		}
		shin, _ := utf8.DecodeRuneInString(f[0])
		trad, _ := utf8.DecodeRuneInString(f[1])
		m[shin] = trad
	})
	return m
}

// writeShinjitai rewrites data/JPShinjitaiCharacters.txt from opencc-js's
// JPShinjitaiCharactersRev.js: `export default "乘 乗|亂 乱|…"`, pairs of
// a traditional character and its shinjitai.
func writeShinjitai(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	body := string(data)
	i, j := strings.IndexByte(body, '"'), strings.LastIndexByte(body, '"')
	if i < 0 || j <= i {
		log.Fatalf("%s: no string literal", path)
	}
	var b strings.Builder
	b.WriteString("# The Japanese shinjitai (新字体) and the traditional characters they stand\n")
	b.WriteString("# for, one pair a line: shinjitai, traditional. From OpenCC's\n")
	b.WriteString("# JPShinjitaiCharacters (https://github.com/BYVoid/OpenCC, Apache licence 2.0)\n")
	b.WriteString("# as the npm package opencc-js 1.4.2 ships it (dist/esm-lib/dict/\n")
	b.WriteString("# JPShinjitaiCharactersRev.js), read 2026-12-05. Regenerate with\n")
	b.WriteString("# gen.go -shinjitai.\n")
	for _, pair := range strings.Split(body[i+1:j], "|") {
		f := strings.Fields(pair)
		if len(f) != 2 || utf8.RuneCountInString(f[0]) != 1 || utf8.RuneCountInString(f[1]) != 1 {
			continue // a pair of longer strings: none in the file
		}
		fmt.Fprintf(&b, "%s %s\n", f[1], f[0])
	}
	if err := os.WriteFile(shinPath, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
