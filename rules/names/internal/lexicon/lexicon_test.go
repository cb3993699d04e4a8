package lexicon

import (
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/gentool"
)

func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func TestLookup(t *testing.T) {
	// Frequencies of jieba's dict.txt (and the supplement for 微信).
	for w, f := range map[string]int{"交流": 5027, "国家": 79520, "色情": 309, "情人节": 95, "彩钢": 1000, "微信": 5000, "情": 8363} {
		code, ok := Lookup(w)
		if !ok {
			t.Errorf("Lookup(%q) not found", w)
			continue
		}
		if want := int(math.Round(8 * math.Log(float64(f)))); code != want {
			t.Errorf("Lookup(%q) = %d, want %d", w, code, want)
		}
	}
	for _, w := range []string{"", "a", "恒博", "反腐蚀", "一二三四五", "賭博", "x色"} {
		if _, ok := Lookup(w); ok {
			t.Errorf("Lookup(%q) found", w)
		}
	}
}

func TestEnglish(t *testing.T) {
	for _, w := range []string{"hub", "online", "best", "casino", "live", "the"} {
		if !English(w) {
			t.Errorf("English(%q) = false", w)
		}
	}
	for _, w := range []string{"", "es", "va", "sus", "uni", "Hub", "hubx", "abcdefghijklmnop"} {
		if English(w) {
			t.Errorf("English(%q) = true", w)
		}
	}
}

func TestLogTotal(t *testing.T) {
	if math.Abs(LogTotal-math.Log(60101967)) > 1e-5 {
		t.Errorf("LogTotal = %v", LogTotal)
	}
}

// TestLookupEveryRecord finds every record of the tables, and no word
// that differs from one in its last byte.
func TestLookupEveryRecord(t *testing.T) {
	for k := 1; k < len(words().chineseWords); k++ {
		table, width := index().chinese[k], 3*k+1
		for i := 0; i+width <= len(table); i += width {
			w := table[i : i+3*k]
			code, ok := Lookup(w)
			if !ok || code != int(table[i+3*k])-33 {
				t.Fatalf("Lookup(%q) = %d, %v; want %d", w, code, ok, int(table[i+3*k])-33)
			}
		}
	}
}

// TestExpandedTables: the front-coded tables expand into one record for
// each frequency code, strictly sorted (Lookup's binary search needs it),
// of Chinese characters; the English ones into sorted lower-case words.
func TestExpandedTables(t *testing.T) {
	total := 0
	for k := 1; k < len(words().chineseWords); k++ {
		table, width := index().chinese[k], 3*k+1
		if len(table) != width*len(words().chineseCodes[k]) {
			t.Fatalf("chinese[%d]: %d bytes for %d codes", k, len(table), len(words().chineseCodes[k]))
		}
		prev := ""
		for i := 0; i < len(table); i += width {
			w := table[i : i+3*k]
			if w <= prev || utf8.RuneCountInString(w) != k || !utf8.ValidString(w) || table[i+3*k] != words().chineseCodes[k][i/width] {
				t.Fatalf("chinese[%d] record %d: %q after %q", k, i/width, w, prev)
			}
			prev = w
		}
		total += len(words().chineseCodes[k])
	}
	if total < 180_000 {
		t.Errorf("%d Chinese words", total)
	}
	n := 0
	for k := 3; k < len(words().englishWords); k++ {
		table := english()[k]
		prev := ""
		for i := 0; i+k <= len(table); i += k {
			w := table[i : i+k]
			if w <= prev || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
				t.Fatalf("english[%d]: %q after %q", k, w, prev)
			}
			prev = w
			n++
		}
		if len(table)%k != 0 {
			t.Fatalf("english[%d]: %d bytes", k, len(table))
		}
	}
	if n < 20_000 {
		t.Errorf("%d English words", n)
	}
}

func TestDecodeFront(t *testing.T) {
	got := decodeFront("0abc2d1ce", 3, 1, "xyz", nil)
	if want := "abcxabdyacez"; got != want {
		t.Errorf("decodeFront = %q, want %q", got, want)
	}
}

// TestIndexStarts holds the index's starts, taken from the expansion, to
// a scan of the expanded records.
func TestIndexStarts(t *testing.T) {
	x := index()
	for k := 2; k < len(x.chinese); k++ {
		table, width := x.chinese[k], 3*k+1
		n := len(table) / width
		m := 0
		for r := rune(indexStart); r <= indexEnd; r++ {
			for m < n {
				if f, _ := utf8.DecodeRuneInString(table[m*width:]); f >= r {
					break
				}
				m++
			}
			if got := x.starts[k][r-indexStart]; got != uint32(m) {
				t.Fatalf("starts[%d][%U] = %d, want %d", k, r, got, m)
			}
		}
	}
	for i := 0; i+4 <= len(x.chinese[1]); i += 4 {
		r, _ := utf8.DecodeRuneInString(x.chinese[1][i:])
		if indexStart <= r && r < indexEnd && x.chars[r-indexStart].single != x.chinese[1][i+3]-33+1 {
			t.Fatalf("single[%U]", r)
		}
	}
}

// FuzzLookup: Lookup and English never panic, and a word found is one of
// the tables' records.
func FuzzLookup(f *testing.F) {
	f.Add("交流")
	f.Add("\xe4\xb8")
	f.Add("online")
	f.Fuzz(func(t *testing.T, w string) {
		if code, ok := Lookup(w); ok {
			k := len(w) / 3
			table, width := index().chinese[k], 3*k+1
			found := false
			for i := 0; i+width <= len(table); i += width {
				if table[i:i+3*k] == w {
					found = code == int(table[i+3*k])-33
					break
				}
			}
			if !found {
				t.Fatalf("Lookup(%q) = %d, true: no such record", w, code)
			}
		}
		English(w)
	})
}

func TestPlace(t *testing.T) {
	for _, w := range []string{"淄博", "淄博市", "六合", "六合区", "长阳", "朝阳", "北京", "北京市", "延边", "博白", "内蒙古"} {
		if !Place(w) {
			t.Errorf("Place(%q) = false", w)
		}
	}
	for _, w := range []string{"", "赌博", "淄", "博彩", "中华人民共和国", "x市"} {
		if Place(w) {
			t.Errorf("Place(%q) = true", w)
		}
	}
}

func TestSurnameAndGiven(t *testing.T) {
	for _, w := range []string{"王", "李", "欧阳", "诸葛", "于"} {
		if !Surname(w) {
			t.Errorf("Surname(%q) = false", w)
		}
	}
	for _, w := range []string{"", "赌", "的", "欧阳修", "x"} {
		if Surname(w) {
			t.Errorf("Surname(%q) = true", w)
		}
	}
	for _, r := range "博明华伟丽" {
		if !Given(r) {
			t.Errorf("Given(%q) = false", r)
		}
	}
	for _, r := range "赌淫毒嫖娼a\U00020000" {
		if Given(r) {
			t.Errorf("Given(%q) = true", r)
		}
	}
}

// BenchmarkLookup looks up words of two to four characters, found and not.
func BenchmarkLookup(b *testing.B) {
	words := []string{"资讯", "博彩", "中国", "彩资", "科技有限", "资讯网", "示例科", "有限公司"}
	index()
	for b.Loop() {
		for _, w := range words {
			Lookup(w)
		}
	}
}

// TestInRecordsEveryRecord: inRecords finds every record of the places,
// company parts and compound surnames, and nothing else among their
// neighbours: each record with one byte raised or lowered (at the ends of
// the 8 bytes compared as a number and after them), as a naive search of
// the records as strings answers.
func TestInRecordsEveryRecord(t *testing.T) {
	for name, tables := range map[string][]string{"places": places[:], "company": company[:], "surnames": surnames[:]} {
		for k := 1; k < len(tables); k++ {
			table, n := tables[k], 3*k
			naive := map[string]bool{}
			for at := 0; at+n <= len(table); at += n {
				naive[table[at:at+n]] = true
			}
			for rec := range naive {
				if !inRecords(tables, rec) {
					t.Fatalf("%s: inRecords(%q) = false", name, rec)
				}
				for _, i := range []int{0, 3, 5, 6, 7, 8, n - 1} {
					if i >= n {
						continue
					}
					for _, d := range []int{-1, 1} {
						b := []byte(rec)
						b[i] = byte(int(b[i]) + d)
						if w := string(b); inRecords(tables, w) != naive[w] {
							t.Fatalf("%s: inRecords(%q) = %v, want %v", name, w, !naive[w], naive[w])
						}
					}
				}
			}
		}
	}
}

// TestCharEveryRune: Char says of every rune what Lookup, Surname and
// Given say of it, and marks as starting a compound surname exactly the
// first characters of the two-character surnames.
func TestCharEveryRune(t *testing.T) {
	compound := map[rune]bool{}
	for i := 0; i+6 <= len(surnames[2]); i += 6 {
		r, _ := utf8.DecodeRuneInString(surnames[2][i:])
		compound[r] = true
	}
	if len(compound) < 10 {
		t.Fatalf("%d first characters of compound surnames", len(compound))
	}
	known, names := 0, 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := Char(r)
		code, ok := Lookup(string(r))
		if c.Known != ok || ok && int(c.Code) != code {
			t.Fatalf("%U: Char %+v, Lookup %d %v", r, c, code, ok)
		}
		if c.Surname != Surname(string(r)) || c.Given != Given(r) || c.Compound != compound[r] {
			t.Fatalf("%U: Char %+v, Surname %v, Given %v, compound %v", r, c, Surname(string(r)), Given(r), compound[r])
		}
		if ok {
			known++
		}
		if c.Surname || c.Given {
			names++
		}
	}
	if known < 5000 || names < 300 {
		t.Errorf("%d characters known, %d of names", known, names)
	}
}

// TestCodesFitAByte: every word's frequency code is 0 to 255, so that a
// caller may keep it in a byte (names.Memo does).
func TestCodesFitAByte(t *testing.T) {
	x := index()
	n := 0
	for k := 2; k < len(x.chinese); k++ {
		width := 3*k + 1
		for at := 3 * k; at < len(x.chinese[k]); at += width {
			if c := int(x.chinese[k][at]) - 33; c < 0 || c > 255 {
				t.Fatalf("a word of %d characters has the code %d", k, c)
			}
			n++
		}
	}
	if n < 100000 {
		t.Errorf("only %d words", n)
	}
	for r := rune(indexStart); r < indexEnd; r++ {
		if c := Char(r); c.Known && (c.Code < 0 || c.Code > 255) {
			t.Fatalf("%c has the code %d", r, c.Code)
		}
	}
}

// TestPlaceAndCompanyFilters: Place and Company, which search only the
// words whose first character starts a record, answer as the search of
// every record does: for every record, and for every record with its
// first character changed to each of its neighbours or to a character
// starting no record.
func TestPlaceAndCompanyFilters(t *testing.T) {
	for name, c := range map[string]struct {
		tables []string
		find   func(string) bool
	}{"places": {places[:], Place}, "company": {company[:], Company}} {
		checked, starts := 0, map[rune]bool{}
		for k := 1; k < len(c.tables); k++ {
			for at := 0; at+3*k <= len(c.tables[k]); at += 3 * k {
				r, _ := utf8.DecodeRuneInString(c.tables[k][at:])
				starts[r] = true
			}
		}
		for k := 1; k < len(c.tables); k++ {
			table, n := c.tables[k], 3*k
			for at := 0; at+n <= len(table); at += n {
				rec := table[at : at+n]
				first, size := utf8.DecodeRuneInString(rec)
				for _, r := range []rune{first, first - 1, first + 1, first + 7, 0x4E00, 0x9FA5, 'a'} {
					w := string(r) + rec[size:]
					if got, want := c.find(w), inRecords(c.tables, w); got != want {
						t.Fatalf("%s: %q: %v, the search of every record %v", name, w, got, want)
					}
					checked++
				}
			}
		}
		for r := rune(indexStart); r < indexEnd; r++ {
			if got := index().chars[r-indexStart].flags&map[string]uint8{"places": flagPlace, "company": flagCompany}[name] != 0; got != starts[r] {
				t.Fatalf("%s: %c flagged %v, starts a record %v", name, r, got, starts[r])
			}
		}
		if checked < 1000 || len(starts) < 50 {
			t.Errorf("%s: %d words checked, %d first characters", name, checked, len(starts))
		}
	}
}

// TestPackAsBytes: pack reads any string of 0 to 12 bytes as the loop
// over its bytes (the first 8 big-endian, then the ninth).
func TestPackAsBytes(t *testing.T) {
	general := func(s string) (a, b uint64) {
		for i := 0; i < len(s) && i < 8; i++ {
			a |= uint64(s[i]) << (56 - 8*i)
		}
		if len(s) > 8 {
			b = uint64(s[8])
		}
		return a, b
	}
	r := rand.New(rand.NewPCG(20, 26))
	for n := 0; n <= 12; n++ {
		for range 2000 {
			buf := make([]byte, n)
			for i := range buf {
				buf[i] = byte(r.UintN(256))
			}
			s := string(buf)
			a, b := pack(s)
			if ga, gb := general(s); a != ga || b != gb {
				t.Fatalf("pack(%x) = %x %x, want %x %x", s, a, b, ga, gb)
			}
		}
	}
}

// TestWordAsLookupPlaceCompany: Word answers what Lookup, Place and
// Company answer, for every word of the lexicon, every place name and
// company-name part, each with its first and its last character changed,
// and words of other lengths and bytes.
func TestWordAsLookupPlaceCompany(t *testing.T) {
	check := func(w string) {
		t.Helper()
		code, ok := Lookup(w)
		wantPlace, wantCompany := ok && Place(w), ok && Company(w)
		gc, gok, gp, gco := Word(w)
		if gc != code || gok != ok || gp != wantPlace || gco != wantCompany {
			t.Fatalf("Word(%q) = %d, %v, %v, %v; want %d, %v, %v, %v", w, gc, gok, gp, gco, code, ok, wantPlace, wantCompany)
		}
	}
	variants := func(w string) {
		check(w)
		first, size := utf8.DecodeRuneInString(w)
		last, lsize := utf8.DecodeLastRuneInString(w)
		check(string(first+1) + w[size:])
		check(w[:len(w)-lsize] + string(last+1))
		check(w[:len(w)-lsize])
		check(w + "市")
	}
	nPlaces, nCompanies := 0, 0
	for k := 1; k < len(words().chineseWords); k++ {
		table, width := index().chinese[k], 3*k+1
		for i := 0; i+width <= len(table); i += width {
			w := table[i : i+3*k]
			check(w)
			if _, _, p, c := Word(w); p {
				nPlaces++
			} else if c {
				nCompanies++
			}
		}
	}
	for _, tables := range [][]string{places[:], company[:]} {
		for k := 1; k < len(tables); k++ {
			for i := 0; i+3*k <= len(tables[k]); i += 3 * k {
				variants(tables[k][i : i+3*k])
			}
		}
	}
	for _, w := range []string{"", "a", "ab", "abc", "\xe4\xb8", "\xe4\xb8\xad\xe5", "中国x", "𠀀中", "中\xef\xbf\xbd"} {
		check(w)
	}
	// The lexicon knows most place names and a good part of the
	// company-name parts: the flags are not all clear.
	if nPlaces < 1000 || nCompanies < 50 {
		t.Errorf("%d words flagged as places, %d as company-name parts only", nPlaces, nCompanies)
	}
}

// TestIdiomSupplement: every word of the reviewed data/idioms_supplement.txt
// is an idiom of Idiom and a word of the frequency tables (so that the
// segmenter reads it as one word), and none is a reduplication (AABB),
// which the review leaves out; no word of data/not_idioms.txt is an
// idiom.
func TestIdiomSupplement(t *testing.T) {
	n := 0
	for _, w := range dataWords(t, "data/idioms_supplement.txt") {
		n++
		r := []rune(w)
		if _, ok := Lookup(w); !ok || !Idiom(w) || len(r) != 4 || (r[0] == r[1] && r[2] == r[3]) {
			t.Errorf("%s: a word %v, an idiom %v, of %d characters", w, ok, Idiom(w), len(r))
		}
	}
	if n < 2000 {
		t.Fatalf("only %d words", n)
	}
	for _, w := range dataWords(t, "data/not_idioms.txt") {
		if Idiom(w) {
			t.Errorf("%s: an idiom", w)
		}
	}
}

// TestIdiomsBelowFloor: every word of the reviewed
// data/idioms_below_floor.txt is a word of the frequency tables at the
// floor (the code of frequency 5), so that the segmenter reads it as one
// word, and an idiom of Idiom.
func TestIdiomsBelowFloor(t *testing.T) {
	n := 0
	floor := int(math.Round(8 * math.Log(5)))
	for _, l := range dataWords(t, "data/idioms_below_floor.txt") {
		n++
		w, _, _ := strings.Cut(l, " ")
		if code, ok := Lookup(w); !ok || code != floor || !Idiom(w) {
			t.Errorf("%s: a word %v of code %d (want %d), an idiom %v", w, ok, code, floor, Idiom(w))
		}
	}
	if n < 300 {
		t.Fatalf("only %d words", n)
	}
}

// dataWords returns the lines of a data file that are not comments.
func dataWords(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for l := range strings.Lines(string(data)) {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out
}
