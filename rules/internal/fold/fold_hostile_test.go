package fold

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/internal/ucd"
)

// TestTablesCurrent fails when tables.go does not match data/.
func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

// defaultIgnorableFromData reads the Default_Ignorable_Code_Point code
// points from the extract the table is generated from.
func defaultIgnorableFromData(t testing.TB) []rune {
	t.Helper()
	rs, err := ucd.File("data/ignorable.txt")
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestRemovableDefinition checks Removable, with its shortcuts, against
// its definition for every code point: Default_Ignorable_Code_Point (from
// the data), controls other than white space, format and private-use
// characters, noncharacters, U+2028, U+2029 and the braille blank.
func TestRemovableDefinition(t *testing.T) {
	di := map[rune]bool{}
	for _, r := range defaultIgnorableFromData(t) {
		di[r] = true
	}
	if len(di) != 4174 {
		t.Fatalf("%d Default_Ignorable code points in the data, Unicode 15.0 has 4174", len(di))
	}
	for r := rune(0); r <= unicode.MaxRune; r += sweepStride() {
		if got, want := Removable(r), removableByDefinition(di, r); got != want {
			t.Fatalf("Removable(%U) = %v, want %v", r, got, want)
		}
	}
}

// removableByDefinition is Removable's definition, di the
// Default_Ignorable code points.
func removableByDefinition(di map[rune]bool, r rune) bool {
	return di[r] || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) ||
		unicode.Is(unicode.Cc, r) && !strings.ContainsRune("\t\n\v\f\r", r) ||
		r == 0x2028 || r == 0x2029 || r == 0x2800 ||
		0xFDD0 <= r && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

// TestRemovablePunctuation checks Removable against its definition for
// every code point of General Punctuation and the blocks beside it
// (U+1F00–U+217F), whatever the sweep's stride: generalPunctuation's
// bits. It fails when a bit of the mask is wrong (U+200B's, U+2060's).
func TestRemovablePunctuation(t *testing.T) {
	di := map[rune]bool{}
	for _, r := range defaultIgnorableFromData(t) {
		di[r] = true
	}
	for r := rune(0x1F00); r < 0x2180; r++ {
		if got, want := Removable(r), removableByDefinition(di, r); got != want {
			t.Fatalf("Removable(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestDefaultIgnorableRemoved checks every Default_Ignorable code point
// (and the other removable characters named in the issue) inside a word:
// folding removes it, whichever neighbours it has.
func TestDefaultIgnorableRemoved(t *testing.T) {
	extra := []rune{0x2028, 0x2029, 0x2800, 0xFDD0, 0x1FFFE, 0xE000, 0x7, 0x85}
	for _, r := range append(defaultIgnorableFromData(t), extra...) {
		for _, w := range [][2]string{{"赌", "博"}, {"casi", "no"}, {"e", "\u0301x"}, {"㈱", "①"}} {
			in := w[0] + string(r) + w[1]
			want := String(w[0] + w[1])
			if got := String(in); got != want {
				t.Fatalf("String(%q) = %q, want %q", in, got, want)
			}
		}
	}
}

func TestLatin(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"casìno", "casino"}, // accented
		{"casıno", "casino"}, // dotless i
		{"cаsino", "casino"}, // Cyrillic а
		{"ᴄᴀsɪɴᴏ", "casino"}, // small capitals
		{"саѕіnо", "casino"}, // Cyrillic с а ѕ і о
		{"ΡΟRΝ", "porn"},     // Greek capitals
		{"РОRN", "porn"},     // Cyrillic capitals
		{"рorn", "porn"},     // Cyrillic р
		{"bассаrаt", "baccarat"},
		{"BACCARAT", "baccarat"},
		{"bàccàràt", "baccarat"},
		{"ƀaccarat", "baccarat"}, // b with stroke
		{"çasino", "casino"},
		{"cas\u0131\u0307no", "casino"}, // dotless i and a combining dot
		{"ĆÅŚÎÑÖ", "casino"},
		{"c\u0327a\u0308sino", "casino"}, // combining marks
		{"cⓐsino", "casino"},             // circled letter, by NFKC
		{"ｃａｓｉｎｏ", "casino"},             // full width, by NFKC
		{"𝐜𝐚𝐬𝐢𝐧𝐨", "casino"},             // mathematical bold, by NFKC
		{"ɑv女优", "av女优"},                 // Latin alpha
		{"Κ粉", "k粉"},                     // Greek capital kappa
		{"casinо888", "casino888"},       // digits stay
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Only letters of four scripts fold, and always to a–z.
	for _, e := range latin {
		if e.to < 'a' || e.to > 'z' {
			t.Errorf("U+%04X folds to %q", e.r, e.to)
		}
		if !unicode.IsLetter(e.r) || !unicode.In(e.r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Armenian) {
			t.Errorf("U+%04X %c is folded but is not a letter of the Latin fold's scripts", e.r, e.r)
		}
	}
	for _, r := range []rune{'0', '1', '０', '丨', '〇', 'の', 'ß', 'ж', '中', '①', 'l', 'I'} {
		if l, ok := Latin(r); ok {
			t.Errorf("Latin(%c) = %c, want no fold", r, l)
		}
	}
	if len(latin) < 900 {
		t.Errorf("only %d letters in the Latin fold", len(latin))
	}
}

// TestFillerAndMarkClasses checks the classes a matcher skips by.
func TestFillerAndMarkClasses(t *testing.T) {
	tests := []struct {
		in      string
		classes []Class
	}{
		{"赌々博", []Class{Han, Filler, Han}},
		{"赌〡博", []Class{Han, Filler, Han}},
		{"赌ー博", []Class{Han, Filler, Han}},
		{"赌の博", []Class{Han, Filler, Han}},
		{"赌ｶ博", []Class{Han, Filler, Han}}, // half width, folded to カ
		{"赌²博", []Class{Han, Filler, Han}},
		{"赌₃博", []Class{Han, Filler, Han}},
		{"赌™博", []Class{Han, Filler, Filler, Han}},
		{"赌\u0301博", []Class{Han, Mark, Han}},
		{"赌\u20DD博", []Class{Han, Mark, Han}}, // enclosing circle
		{"六〇彩", []Class{Han, Han, Han}},       // 〇 is a Han numeral
		{"ᶜasino", []Class{Word, Word, Word, Word, Word, Word}},
		{"赌2博", []Class{Han, Word, Han}},
	}
	for _, tt := range tests {
		var it Iter
		it.Init(tt.in)
		var got []Class
		for {
			_, c, _, _, ok := it.Next()
			if !ok {
				break
			}
			got = append(got, c)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.classes) {
			t.Errorf("%q: classes %v, want %v", tt.in, got, tt.classes)
		}
	}
	if !Filler.Skippable() || !Mark.Skippable() || !Punct.Skippable() || Han.Skippable() || Word.Skippable() || Filler.Separator() {
		t.Error("Skippable is wrong")
	}
}

// TestStringIdempotentEveryRune folds every code point alone and between
// neighbours that combine (a Latin letter, a Han character, a mark):
// folding the result again changes nothing.
func TestStringIdempotentEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r += sweepStride() {
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		for _, s := range []string{string(r), "A" + string(r) + "\u0301", "赌" + string(r) + "\u0308b"} {
			once := String(s)
			if twice := String(once); twice != once {
				t.Fatalf("String(%q) = %q, String of that = %q", s, once, twice)
			}
		}
	}
}

// TestSegmentStarts checks startsSegment for every code point: a rune it
// says starts a segment folds the same after a neighbour it might combine
// with as alone, so folding segment by segment is NFKC.
func TestSegmentStarts(t *testing.T) {
	before := []string{"가", "뼤", "ᄀ", "e", "A", "赌", "\u0301"}
	for r := rune(0); r <= unicode.MaxRune; r += sweepStride() {
		if 0xD800 <= r && r <= 0xDFFF || !startsSegment(string(r)) {
			continue
		}
		for _, x := range before {
			if got, want := norm.NFKC.String(x+string(r)), norm.NFKC.String(x)+norm.NFKC.String(string(r)); got != want {
				t.Fatalf("U+%04X starts a segment, but NFKC(%q) = %q, not %q", r, x+string(r), got, want)
			}
		}
	}
	for _, s := range []string{"뼤ﾣ", "가ㅂ", "ᄀㅏ", "ᄀﾟ"} {
		if got, want := String(s), norm.NFKC.String(s); got != want {
			t.Errorf("String(%q) = %+q, NFKC gives %+q", s, got, want)
		}
	}
}

// hostile are the shapes of input that made the old normaliser quadratic,
// and others like them: unit is repeated to the size wanted.
var hostile = []struct{ name, unit string }{
	{"plain", "深圳市示例科技有限公司 Example 官网"},
	{"accented", "Café Zoë Ångström "},
	{"combining-marks", "\u0301"},
	{"marks-on-han", "赌\u0301\u0308\u0323"},
	{"FDFA", "\uFDFA"},
	{"337F", "\u337F"},
	{"compat-mix", "㈱①ｶﾞ™²㎡Ⓐ㊣"},
	{"zero-width", "\u200b"},
	{"tags", "\U000E0041"},
	{"hangul-jamo", "\u1100\u1161\u11A8"},
	{"invalid", "\xff\xfe"},
}

func repeatTo(unit string, size int) string {
	return strings.Repeat(unit, size/len(unit)+1)[:size]
}

// TestStringLinearMemory folds each hostile shape at three sizes and
// checks that the allocations do not grow with the size (the output
// buffer may grow a few times) and the bytes allocated grow in proportion
// to the input, not faster.
func TestStringLinearMemory(t *testing.T) {
	for _, h := range hostile {
		var bytesPer, allocsAt [3]float64
		for i, size := range []int{1 << 10, 10 << 10, 100 << 10} {
			s := strings.ToValidUTF8(repeatTo(h.unit, size), "")
			if h.name == "invalid" {
				s = repeatTo(h.unit, size)
			}
			allocs := testing.AllocsPerRun(3, func() { String(s) })
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			String(s)
			runtime.ReadMemStats(&after)
			bytesPer[i] = float64(after.TotalAlloc-before.TotalAlloc) / float64(len(s))
			allocsAt[i] = allocs
		}
		if allocsAt[0] > 12 || allocsAt[2] > allocsAt[0]+4 {
			t.Errorf("%s: %v allocations at 1, 10 and 100 KB", h.name, allocsAt)
		}
		for i := 1; i < 3; i++ {
			if bytesPer[i] > 4*bytesPer[0]+8 {
				t.Errorf("%s: %.1f bytes allocated per input byte at %d KB, %.1f at 1 KB", h.name, bytesPer[i], []int{1, 10, 100}[i], bytesPer[0])
			}
		}
	}
}

// TestIterLinearMemory walks each hostile shape with an Iter: no
// allocation at all besides the normaliser's one scratch buffer.
func TestIterLinearMemory(t *testing.T) {
	for _, h := range hostile {
		for _, size := range []int{1 << 10, 10 << 10, 100 << 10} {
			s := repeatTo(h.unit, size)
			allocs := testing.AllocsPerRun(3, func() {
				var it Iter
				it.Init(s)
				for {
					if _, _, _, _, ok := it.Next(); !ok {
						break
					}
				}
			})
			if allocs > 2 {
				t.Errorf("%s, %d bytes: %v allocations (the normaliser and its buffer are 2)", h.name, size, allocs)
			}
		}
	}
}

// FuzzStringBudget folds the input repeated to 16 KB and to 64 KB and
// holds the work to the input's size without reading a clock (a timed
// assertion fails on a loaded machine): the output is at most 32 bytes a
// byte of input (U+FDFA, the largest expansion, gives 11), and the bytes
// allocated for 64 KB are at most six times those for 16 KB, where a
// quadratic path (the old look-ahead copied the rest of the text at each
// segment) gives sixteen. Time per byte is BenchmarkStringSizes' to show.
func FuzzStringBudget(f *testing.F) {
	for _, h := range hostile {
		f.Add(h.unit)
	}
	f.Fuzz(func(t *testing.T, unit string) {
		if unit == "" {
			return
		}
		var alloc [2]uint64
		for k, size := range []int{16 << 10, 64 << 10} {
			s := repeatTo(unit, size)
			// The counter is the process's: the least of three is the
			// fold's own.
			var out string
			alloc[k] = ^uint64(0)
			for range 3 {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				out = String(s)
				runtime.ReadMemStats(&after)
				alloc[k] = min(alloc[k], after.TotalAlloc-before.TotalAlloc)
			}
			if len(out) > 32*len(s) {
				t.Fatalf("String of %d bytes (%q repeated) gave %d bytes", len(s), unit, len(out))
			}
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out")
			}
		}
		if alloc[1] > 6*alloc[0]+64<<10 {
			t.Fatalf("%q repeated: %d bytes allocated for 16 KB, %d for 64 KB: not linear", unit, alloc[0], alloc[1])
		}
	})
}

// BenchmarkStringSizes folds each input class at 1, 10 and 100 KB; the
// ns/op should grow tenfold from one size to the next, and cpu-ns/B (the
// thread CPU time per input byte, steadier on a shared machine) stay flat.
func BenchmarkStringSizes(b *testing.B) {
	for _, h := range hostile {
		for _, size := range []int{1 << 10, 10 << 10, 100 << 10} {
			s := repeatTo(h.unit, size)
			b.Run(fmt.Sprintf("%s/%dKB", h.name, size>>10), func(b *testing.B) {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				start := threadCPU()
				for b.Loop() {
					String(s)
				}
				if cpu := threadCPU() - start; cpu > 0 {
					b.ReportMetric(float64(cpu)/float64(b.N)/float64(len(s)), "cpu-ns/B")
				}
			})
		}
	}
}
