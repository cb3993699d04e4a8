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
//     lacks (online, website …);
//   - places.txt: the GB/T 2260 divisions (province, prefecture and
//     county level) of the npm package @vant/area-data (MIT licence);
//     each name of two to four characters is a place, and so is its short
//     form (淄博市 → 淄博, 长阳土家族自治县 → 长阳, 朝阳区 → 朝阳), a word
//     of frequency 100 at least;
//   - surnames.txt: the surnames of the 百家姓 (public domain);
//   - given.txt: the characters that stand in the given names of jieba's
//     personal names (tag nr) at least 40 times;
//   - company.txt: the industry and business-form words of company
//     names (彩印, 彩钢, 有限 …), common words of frequency 300 at least;
//   - idioms.txt: the idioms (成语) of four characters jieba tags i,
//     less the ordinary compounds it also tags so (see extractIdioms);
//   - idioms_supplement.txt: the idioms jieba tags otherwise (画龙点睛 n,
//     自强不息 l), reviewed by hand among its four-character words the
//     segmenter reads as one word (see readIdiomSupplement);
//   - idioms_below_floor.txt: famous idioms jieba tags i but counts below
//     the floor of jieba.txt (一叶知秋, 七年之痒), reviewed by hand; they
//     are added to the frequency tables at the floor (see
//     readIdiomsBelowFloor).
//
// Usage:
//
//	go run gen.go            # rewrite tables.go from data/
//	go run gen.go -check     # exit 1 when tables.go is not current
//	go run gen.go -jieba /usr/lib/python3/dist-packages/jieba/dict.txt \
//	    -english /usr/share/dict/american-english-small \
//	    -places package/dist/index.cjs \
//	    -idioms /usr/lib/python3/dist-packages/jieba/dict.txt
//	                         # rewrite the extracts from the full files
//	                         # (-places from `npm pack @vant/area-data@2.1.0`),
//	                         # then tables.go; -idioms reads the words
//	                         # data/jieba.txt holds, so takes it after -jieba
package main

import (
	"bufio"
	"encoding/binary"
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
	placesSource  = flag.String("places", "", "@vant/area-data's dist/index.cjs to extract data/places.txt from")
	idiomsSource  = flag.String("idioms", "", "jieba's dict.txt to extract data/idioms.txt from")
	binOutput     = flag.String("bin", "", "write the word tables to `FILE` as the binary the WebAssembly build loads (see words_js.go), not the Go files")
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
	if *placesSource != "" {
		extractPlaces(*placesSource)
	}
	if *idiomsSource != "" {
		extractIdioms(*idiomsSource)
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

	company := readSurnames("data/company.txt", 1, maxRunes)
	for _, w := range company {
		words[w] = max(words[w], companyFrequency)
	}
	placesEd, places := readPlaces("data/places.txt")
	for _, w := range places {
		words[w] = max(words[w], placeFrequency)
	}
	surnames := readSurnames("data/surnames.txt", 1, 2)
	given := readGiven("data/given.txt")
	idioms := readIdioms("data/idioms.txt", words)
	idioms = append(idioms, readIdiomSupplement("data/idioms_supplement.txt", words, idioms)...)
	idioms = append(idioms, readIdiomsBelowFloor("data/idioms_below_floor.txt", words, idioms)...)

	var b strings.Builder
	b.WriteString(gentool.Header("lexicon", "data/jieba.txt ("+edition+")", "data/supplement.txt", "data/english.txt ("+englishEdition+")",
		"data/places.txt ("+placesEd+")", "data/surnames.txt", "data/given.txt", "data/company.txt", "data/idioms.txt",
		"data/idioms_supplement.txt", "data/idioms_below_floor.txt"))
	fmt.Fprintf(&b, "// Edition names the editions of the data the tables come from.\n")
	fmt.Fprintf(&b, "const Edition = %q\n\n", edition+"; "+englishEdition+"; "+placesEd)
	fmt.Fprintf(&b, "// logTotal is the natural logarithm of the total frequency of jieba's dictionary.\n")
	fmt.Fprintf(&b, "const logTotal = %s\n\n", strconv.FormatFloat(math.Log(float64(total)), 'f', 6, 64))

	// Chinese words by length in runes, front-coded, and their frequency
	// codes in a column of their own; Lookup expands them into fixed-width
	// records of the word's bytes and its code byte, sorted.
	byLen := make([][]string, maxRunes+1)
	for w := range words {
		byLen[utf8.RuneCountInString(w)] = append(byLen[utf8.RuneCountInString(w)], w)
	}
	// The word tables, in words.go for the native build and in the
	// binary the WebAssembly page loads beside it (-bin).
	var w strings.Builder
	w.WriteString("//go:build !(beian_lexiconjs && js && wasm)\n\n")
	w.WriteString(gentool.Header("lexicon", "data/jieba.txt ("+edition+")", "data/supplement.txt", "data/english.txt ("+englishEdition+")", "data/places.txt ("+placesEd+")", "data/company.txt",
		"data/idioms_below_floor.txt"))
	fmt.Fprintf(&w, "func words() *wordTables { return &wordData }\n\n")
	fmt.Fprintf(&w, "var wordData = wordTables{\n")
	fmt.Fprintf(&w, "chineseWords: [%d]string{\n", maxRunes+1)
	var tables [][]byte // in the binary's order: chineseWords, chineseCodes, englishWords
	codes := make([]string, maxRunes+1)
	fcChinese := make([]string, maxRunes+1)
	for k := 1; k <= maxRunes; k++ {
		ws := byLen[k]
		slices.Sort(ws)
		c := make([]byte, len(ws))
		for i, w := range ws {
			c[i] = code(words[w])
		}
		codes[k] = string(c)
		fcChinese[k] = frontCode(ws, 3)
		fmt.Fprintf(&w, "%d: %s,\n", k, quote(fcChinese[k]))
	}
	w.WriteString("},\n")
	fmt.Fprintf(&w, "chineseCodes: [%d]string{\n", maxRunes+1)
	for k := 1; k <= maxRunes; k++ {
		fmt.Fprintf(&w, "%d: %s,\n", k, quote(codes[k]))
	}
	w.WriteString("},\n")
	for _, t := range [][]string{fcChinese, codes} {
		for _, x := range t {
			tables = append(tables, []byte(x))
		}
	}

	engByLen := make([][]string, maxLetters+1)
	for _, w := range english {
		engByLen[len(w)] = append(engByLen[len(w)], w)
	}
	fmt.Fprintf(&w, "englishWords: [%d]string{\n", maxLetters+1)
	fcEnglish := make([]string, maxLetters+1)
	for k := minLetters; k <= maxLetters; k++ {
		ws := engByLen[k]
		slices.Sort(ws)
		ws = slices.Compact(ws)
		fcEnglish[k] = frontCode(ws, 1)
		fmt.Fprintf(&w, "%d: %q,\n", k, fcEnglish[k])
	}
	w.WriteString("},\n}\n")
	for _, x := range fcEnglish {
		tables = append(tables, []byte(x))
	}
	if *binOutput != "" {
		// The binary: the magic line, the edition line, then each table
		// as a uvarint length and its bytes (see parseWordTables).
		bin := []byte("beian lexicon words 1\n" + edition + "; " + englishEdition + "; " + placesEd + "\n")
		for _, t := range tables {
			bin = binary.AppendUvarint(bin, uint64(len(t)))
			bin = append(bin, t...)
		}
		if err := (&gentool.Output{Path: *binOutput}).WriteRaw(bin, "go generate ./rules/names/internal/lexicon"); err != nil {
			log.Fatal(err)
		}
		return
	}
	// The tables' checksum, in tables.go (in every build): the
	// WebAssembly build refuses a loaded binary whose tables differ from
	// the ones this generator wrote, even of the same edition.
	sum := uint64(14695981039346656037) // FNV-1a, 64 bits
	for _, t := range tables {
		for _, c := range t {
			sum = (sum ^ uint64(c)) * 1099511628211
		}
	}
	fmt.Fprintf(&b, "// wordsSum is the FNV-1a (64 bits) of the word tables' bytes, end to end\n// in the order of the binary gen.go -bin writes (see parseWordTables).\n")
	fmt.Fprintf(&b, "const wordsSum = %#x\n\n", sum)
	wordsOut := &gentool.Output{Path: "words.go", Check: out.Check}
	if err := wordsOut.Write([]byte(w.String()), "go generate ./rules/names/internal/lexicon"); err != nil {
		log.Fatal(err)
	}

	writeSet := func(name, doc string, words []string, lengths int) {
		byLen := make([][]string, lengths+1)
		for _, w := range words {
			k := utf8.RuneCountInString(w)
			byLen[k] = append(byLen[k], w)
		}
		b.WriteString(doc)
		fmt.Fprintf(&b, "var %s = [%d]string{\n", name, lengths+1)
		for k := 1; k <= lengths; k++ {
			ws := byLen[k]
			if len(ws) == 0 {
				continue
			}
			slices.Sort(ws)
			ws = slices.Compact(ws)
			fmt.Fprintf(&b, "%d: %s,\n", k, quote(strings.Join(ws, "")))
		}
		b.WriteString("}\n\n")
	}
	writeSet("places", "// places[k] holds the place names of k characters (see Place), end to\n// end, sorted.\n", places, maxRunes)
	writeSet("surnames", "// surnames[k] holds the surnames of k characters, end to end, sorted.\n", surnames, 2)
	writeSet("given", "// given[1] holds the given-name characters, sorted.\n", given, 1)
	writeSet("company", "// company[k] holds the company-name parts of k characters (see Company),\n// end to end, sorted.\n", company, maxRunes)
	writeSet("idioms", "// idioms[4] holds the idioms (see Idiom), end to end, sorted.\n", idioms, maxRunes)
	out.Finish([]byte(b.String()), "go generate ./rules/names/internal/lexicon")
}

const (
	maxRunes   = 4
	minLetters = 3
	maxLetters = 12
)

// frontCode writes sorted words of the same length, each a whole number
// of units of unit bytes (3 for a Chinese character, 1 for a letter), as
// a byte '0'+p for the p units the word shares with the one before it,
// then its other units. The package's decodeFront reverses it.
func frontCode(ws []string, unit int) string {
	var b strings.Builder
	prev := ""
	for _, w := range ws {
		p := 0
		for (p+1)*unit <= min(len(w), len(prev)) && w[p*unit:(p+1)*unit] == prev[p*unit:(p+1)*unit] {
			p++
		}
		if p*unit == len(w) {
			panic("frontCode: duplicate word " + w)
		}
		b.WriteByte(byte('0' + p))
		b.WriteString(w[p*unit:])
		prev = w
	}
	return b.String()
}

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
	givenCount := make(map[rune]int)
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
		if len(fields) >= 3 && fields[2] == "nr" && utf8.RuneCountInString(w) == 3 && chinese(w) {
			for _, r := range []rune(w)[1:] {
				givenCount[r]++
			}
		}
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
	b.Reset()
	b.WriteString("# Given-name characters: each character that stands second or third in at\n")
	b.WriteString("# least 40 of the three-character personal names (tag nr) of jieba's\n")
	b.WriteString("# dict.txt (jieba 0.42.1, Debian python3-jieba 0.42.1-3; MIT licence,\n")
	b.WriteString("# Copyright 2012-2017 Sun Junyi), with that count. Rewritten by gen.go -jieba.\n")
	var given []rune
	for r, n := range givenCount {
		if n >= 40 {
			given = append(given, r)
		}
	}
	slices.Sort(given)
	for _, r := range given {
		fmt.Fprintf(&b, "%c %d\n", r, givenCount[r])
	}
	if err := os.WriteFile("data/given.txt", []byte(b.String()), 0o644); err != nil {
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

// The suffixes of division names (longest first), and the ethnic groups
// whose names autonomous divisions carry before 自治.
var (
	divisionSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "县", "区", "旗", "盟"}
	ethnicGroups     = strings.Fields("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各族")
)

// placeForms returns the forms of a division's name the segmenter knows:
// the name, and its short form without the suffix and the ethnic groups
// of an autonomous division, each of two to four characters.
func placeForms(name string) []string {
	var out []string
	add := func(s string) {
		if k := utf8.RuneCountInString(s); k >= 2 && k <= maxRunes && simplified(s) {
			out = append(out, s)
		}
	}
	add(name)
	short := name
	if i := strings.Index(short, "自治"); i > 0 {
		short = short[:i]
		add(short) // 内蒙古, 西藏
		for changed := true; changed; {
			changed = false
			for _, g := range ethnicGroups {
				s, ok := strings.CutSuffix(strings.TrimSuffix(short, "族"), g)
				if ok && utf8.RuneCountInString(s) >= 2 {
					short, changed = s, true
					break
				}
			}
		}
	} else {
		for _, suf := range divisionSuffixes {
			if s, ok := strings.CutSuffix(short, suf); ok {
				short = s
				break
			}
		}
	}
	if short != name {
		add(short)
	}
	return out
}

// readPlaces reads places.txt: its edition, and every form of its names.
func readPlaces(path string) (edition string, forms []string) {
	for _, l := range readLines(path) {
		if s, ok := strings.CutPrefix(l, "# edition: "); ok {
			edition = s
			continue
		}
		if strings.HasPrefix(l, "#") {
			continue
		}
		code, name, ok := strings.Cut(l, "\t")
		if !ok || len(code) != 6 || !chinese(name) {
			log.Fatalf("%s: %q: want a six-digit code, a tab and a name", path, l)
		}
		forms = append(forms, placeForms(name)...)
	}
	if edition == "" {
		log.Fatalf("%s: no edition in the header", path)
	}
	return edition, forms
}

// companyFrequency is the least frequency of a company-name part, and
// placeFrequency that of a place name: both are words of the frequency
// tables, so that a lookup finds them.
const (
	companyFrequency = 300
	placeFrequency   = 100
)

// readSurnames reads a list of words of lo to hi characters separated by
// white space (surnames.txt, company.txt), in simplified form.
func readSurnames(path string, lo, hi int) []string {
	var out []string
	for _, l := range readLines(path) {
		if strings.HasPrefix(l, "#") {
			continue
		}
		for _, w := range strings.Fields(l) {
			w = simplify(w)
			if k := utf8.RuneCountInString(w); k < lo || k > hi || !chinese(w) {
				log.Fatalf("%s: %q: want a word of %d to %d characters", path, w, lo, hi)
			}
			out = append(out, w)
		}
	}
	return out
}

// readGiven reads given.txt: a character and its count a line.
func readGiven(path string) []string {
	var out []string
	for _, w := range readCounted(path, 1, "a character and a count") {
		out = append(out, simplify(w))
	}
	return out
}

// readCounted returns the words of the lines of path that are not
// comments: each a word of k Chinese characters and a count (what the
// lines want, for the error).
func readCounted(path string, k int, want string) []string {
	var out []string
	for _, l := range readLines(path) {
		if strings.HasPrefix(l, "#") {
			continue
		}
		fields := strings.Fields(l)
		if len(fields) != 2 || utf8.RuneCountInString(fields[0]) != k || !chinese(fields[0]) {
			log.Fatalf("%s: %q: want %s", path, l, want)
		}
		out = append(out, fields[0])
	}
	return out
}

func simplify(w string) string {
	rs := []rune(w)
	for i, r := range rs {
		rs[i] = hanvariant.Simplify(r)
	}
	return string(rs)
}

// extractPlaces rewrites data/places.txt from @vant/area-data's
// dist/index.cjs: its lines `110000: "北京市",` (names written with \u
// escapes) under province_list, city_list and county_list.
func extractPlaces(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# edition: @vant/area-data 2.1.0 (npm, MIT licence, Copyright (c) Youzan)\n")
	b.WriteString("# The provinces, prefecture-level and county-level divisions of the mainland,\n")
	b.WriteString("# Hong Kong, Macao and Taiwan (GB/T 2260 codes and names) of the npm package\n")
	b.WriteString("# @vant/area-data 2.1.0 (https://www.npmjs.com/package/@vant/area-data, MIT\n")
	b.WriteString("# licence, Copyright (c) Youzan), read 2026-12-05: code, a tab, the name.\n")
	b.WriteString("# Rewritten by gen.go -places with the package's dist/index.cjs.\n")
	list := ""
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if name, ok := strings.CutSuffix(l, ": {"); ok {
			list = name
			continue
		}
		if list != "province_list" && list != "city_list" && list != "county_list" {
			continue
		}
		code, quoted, ok := strings.Cut(strings.TrimSuffix(l, ","), ": ")
		if !ok || len(code) != 6 {
			continue
		}
		name, err := strconv.Unquote(quoted)
		if err != nil {
			log.Fatalf("%s: %q: %v", path, l, err)
		}
		fmt.Fprintf(&b, "%s\t%s\n", code, name)
	}
	if err := os.WriteFile("data/places.txt", []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// idiomFloor is the least frequency in jieba's counts of an idiom the
// tables keep, and compoundFloor the frequency both halves of a word
// reach when it is taken for an ordinary compound rather than an idiom
// (see extractIdioms).
const (
	idiomFloor    = 5
	compoundFloor = 1000
)

// extractIdioms rewrites data/idioms.txt from jieba's dict.txt: the words
// of four characters it tags i (成语) with a frequency of idiomFloor or
// more (the words of four characters data/jieba.txt holds, which the
// segmenter reads as one word), less those whose two halves are both
// words of data/jieba.txt of compoundFloor or more: jieba tags some
// ordinary compounds i (精神文明, 独立自主, 空气污染, 网络攻击), which
// would be read in names made of two ordinary words. data/jieba.txt is
// not rewritten: -jieba would, and it filters by today's simplification
// table, which folds more than the one it was extracted with. The words
// of data/not_idioms.txt (technical terms, names and plain descriptions
// jieba tags i: 数据共享, 钦差大臣) are left out too.
func extractIdioms(path string) {
	_, _, known := readFreq("data/jieba.txt", true)
	excluded := map[string]bool{} // the words of not_idioms.txt, true once met in dict.txt
	for _, w := range readLines("data/not_idioms.txt") {
		if !strings.HasPrefix(w, "#") {
			excluded[w] = false
		}
	}
	var kept []string
	for _, l := range readLines(path) {
		fields := strings.Fields(l)
		if len(fields) != 3 || fields[2] != "i" || utf8.RuneCountInString(fields[0]) != 4 {
			continue
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			log.Fatalf("%s: %q: %v", path, l, err)
		}
		w := fields[0]
		if _, ok := excluded[w]; ok {
			excluded[w] = true
			continue
		}
		if _, ok := known[w]; ok && n >= idiomFloor && min(known[w[:6]], known[w[6:]]) < compoundFloor {
			kept = append(kept, w+" "+fields[1])
		}
	}
	for w, met := range excluded {
		if !met {
			log.Fatalf("data/not_idioms.txt: %s is no word dict.txt tags i", w)
		}
	}
	slices.Sort(kept)
	var b strings.Builder
	fmt.Fprintf(&b, "# edition: %s\n", jiebaEdition)
	b.WriteString("# Idioms (成语): the words of four characters jieba's dict.txt (MIT\n")
	b.WriteString("# licence, Copyright 2012-2017 Sun Junyi) tags i, with a frequency of\n")
	fmt.Fprintf(&b, "# %d or more (the words of four characters data/jieba.txt holds), less\n", idiomFloor)
	fmt.Fprintf(&b, "# the ordinary compounds jieba tags so: those whose two halves are both\n")
	fmt.Fprintf(&b, "# words of %d or more (精神文明, 独立自主), and the words of\n", compoundFloor)
	b.WriteString("# data/not_idioms.txt (数据共享, 钦差大臣). Word and frequency.\n")
	b.WriteString("# Rewritten by gen.go -idioms.\n")
	for _, l := range kept {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if err := os.WriteFile("data/idioms.txt", []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// readIdioms reads idioms.txt: a word of four characters and its
// frequency a line, each a word of the frequency tables (words).
func readIdioms(path string, words map[string]int) []string {
	out := readCounted(path, 4, "a word of four characters and a frequency")
	for _, w := range out {
		if _, ok := words[w]; !ok {
			log.Fatalf("%s: %q: not a word of the frequency tables", path, w)
		}
	}
	return out
}

// readIdiomsBelowFloor reads idioms_below_floor.txt: a word of four
// characters and jieba's frequency of it a line, a famous idiom jieba
// tags i but counts below idiomFloor. Each is added to the frequency
// tables (words) at idiomFloor, the least frequency of a four-character
// word the tables hold, so that the segmenter reads it as one word where
// its four characters stand together; each must be in simplified form,
// below the floor, not a word of the tables already (an idiom jieba
// counts at the floor belongs to idioms.txt or idioms_supplement.txt),
// and none of idioms (the idioms read so far) or of data/not_idioms.txt.
func readIdiomsBelowFloor(path string, words map[string]int, idioms []string) []string {
	_, _, below := readFreq(path, false)
	out := readIdiomList(path, readCounted(path, 4, "a word of four characters and a frequency"), idioms)
	for _, w := range out {
		if _, ok := words[w]; ok || !simplified(w) || below[w] >= idiomFloor {
			log.Fatalf("%s: %q: a word of the tables already, not simplified, or counted at the floor", path, w)
		}
		words[w] = idiomFloor
	}
	return out
}

// readIdiomSupplement reads idioms_supplement.txt: a word of four
// characters a line, an idiom jieba tags otherwise than i. Each must be a
// word of the frequency tables (words), so that the segmenter reads it
// as one word; none may be an idiom of idioms.txt already (idioms), nor
// a word of data/not_idioms.txt, nor listed twice.
func readIdiomSupplement(path string, words map[string]int, idioms []string) []string {
	var list []string
	for _, l := range readLines(path) {
		if !strings.HasPrefix(l, "#") {
			list = append(list, l)
		}
	}
	out := readIdiomList(path, list, idioms)
	for _, w := range out {
		if _, ok := words[w]; !ok {
			log.Fatalf("%s: %q: not a word of the frequency tables", path, w)
		}
	}
	return out
}

// readIdiomList checks the words of an idiom list (path, for the error):
// each of four Chinese characters, none an idiom already read (idioms)
// nor a word of data/not_idioms.txt, none listed twice.
func readIdiomList(path string, list, idioms []string) []string {
	refused := map[string]string{}
	for _, w := range idioms {
		refused[w] = "already an idiom of an earlier list"
	}
	for _, w := range readLines("data/not_idioms.txt") {
		if !strings.HasPrefix(w, "#") {
			refused[w] = "listed in data/not_idioms.txt"
		}
	}
	for _, w := range list {
		if utf8.RuneCountInString(w) != 4 || !chinese(w) {
			log.Fatalf("%s: %q: want a word of four Chinese characters", path, w)
		}
		if why, ok := refused[w]; ok {
			log.Fatalf("%s: %q: %s", path, w, why)
		}
		refused[w] = "listed twice"
	}
	return list
}
