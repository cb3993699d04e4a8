package fold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian/internal/testenv"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
)

// slowFold is the definition the quick path must agree with: NFKC, then
// lower case, then traditional → simplified.
func slowFold(r rune) string {
	var b strings.Builder
	for _, x := range norm.NFKC.String(string(r)) {
		b.WriteRune(hanvariant.Simplify(unicode.ToLower(x)))
	}
	return b.String()
}

// TestSimpleRunes checks every rune of the quick path: folding it alone
// gives what NFKC, lower-casing and simplifying give, and it cannot
// combine with the rune before it, so a text of simple runes folds rune by
// rune.
func TestSimpleRunes(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r += sweepStride() {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		_, size, c := QuickRune(s, 0)
		if size == 0 || c == 0 {
			continue
		}
		n++
		if got, _, _ := QuickRune(s, 0); string(got) != slowFold(r) {
			t.Errorf("U+%04X folds to %q on the quick path, %q through NFKC", r, got, slowFold(r))
		}
		if !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("U+%04X may combine with the rune before it", r)
		}
	}
	if n < 27000/int(sweepStride()) {
		t.Errorf("only %d simple runes", n)
	}
}

// TestNFKCFoldsWidth checks that NFKC's output needs no width folding:
// the normaliser's path gets the width fold through NFKC.
func TestNFKCFoldsWidth(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r += sweepStride() {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		n := norm.NFKC.String(string(r))
		if f := width.Fold.String(n); f != n {
			t.Errorf("U+%04X: NFKC gives %q, which width.Fold changes to %q", r, n, f)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"already folded", "示例科技官网", "示例科技官网"},
		{"traditional", "賭博網站", "赌博网站"},
		{"full-width letters and digits", "ＡＢＣ１２３科技", "abc123科技"},
		{"upper case", "ABC Tech", "abc tech"},
		{"zero-width space", "赌\u200b博", "赌博"},
		{"BOM and direction marks", "\ufeff色\u200e情\u202e", "色情"},
		{"space between Chinese", "赌 博", "赌博"},
		{"ideographic space between Chinese", "赌\u3000博", "赌博"},
		{"several spaces", "赌 \t 博", "赌博"},
		{"space next to Latin kept", "示例 ABC 科技", "示例 abc 科技"},
		{"spaces collapsed", "abc   def", "abc def"},
		{"leading and trailing space", "  示例科技  ", "示例科技"},
		{"compatibility ideograph, then simplified", "\uF900", "岂"},
		{"circled digit", "①号店", "1号店"},
		{"parenthesised ideograph", "㈱示例", "(株)示例"},
		{"half-width katakana", "ｶﾞｲﾄﾞ", "ガイド"},
		{"accent composed, then dropped", "Cafe\u0301", "cafe"},
		{"precomposed accent", "CAFÉ", "cafe"},
		{"upper case letter and accent", "W\u030A", "w"},
		{"invalid UTF-8 dropped", "示\xff例", "示例"},
		{"control character dropped", "示\a例", "示例"},
		{"variation selector dropped", "示\ufe0f例", "示例"},
		{"mixture", "賭 \u200bＢＯ 彩", "赌 bo 彩"},
		{"empty", "", ""},
		{"only spaces", "   ", ""},
		{"Japanese form", "維権", "维权"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := String(tt.in); got != tt.want {
				t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := String(tt.want); again != tt.want {
				t.Errorf("String(%q) = %q: not idempotent", tt.want, again)
			}
		})
	}
}

func TestStringReturnsFoldedTextItself(t *testing.T) {
	s := "示例科技官网 abc"
	if _, folded := check(s); String(s) != s || !folded {
		t.Fatalf("String(%q) = %q, check says folded %v", s, String(s), folded)
	}
	if allocs := testing.AllocsPerRun(100, func() { String(s) }); allocs != 0 {
		t.Errorf("String of a folded text allocates %v times", allocs)
	}
	for _, s := range []string{" 示例", "示例 ", "示例  abc", "示 例", "Abc", "網站", "ａ", "示\u200b例", "a\tb"} {
		if _, folded := check(s); folded {
			t.Errorf("check(%q) says folded", s)
		}
	}
}

func TestIterRanges(t *testing.T) {
	tests := []struct {
		in    string
		runes string
		parts []string // the source text of each rune
	}{
		{"賭博", "赌博", []string{"賭", "博"}},
		{"Ａb", "ab", []string{"Ａ", "b"}},
		{"赌\u200b博", "赌博", []string{"赌", "\u200b博"}},
		{"e\u200b\u0301", "e", []string{"e\u200b\u0301"}},
		{"\u200bＡ\u200b", "a", []string{"\u200bＡ"}},
		{"㈱x", "(株)x", []string{"㈱", "㈱", "㈱", "x"}},
		{"e\u0301!", "e!", []string{"e\u0301", "!"}},
		{"赌\u0301博", "赌\u0301博", []string{"赌\u0301", "赌\u0301", "博"}},
	}
	for _, tt := range tests {
		var it Iter
		it.Init(tt.in)
		var runes []rune
		var parts []string
		for {
			r, _, start, end, ok := it.Next()
			if !ok {
				break
			}
			runes = append(runes, r)
			parts = append(parts, tt.in[start:end])
		}
		if string(runes) != tt.runes || strings.Join(parts, "|") != strings.Join(tt.parts, "|") {
			t.Errorf("%q: runes %q from %q, want %q from %q", tt.in, string(runes), parts, tt.runes, tt.parts)
		}
	}
}

func TestClassOf(t *testing.T) {
	tests := []struct {
		r    rune
		want Class
	}{
		{'中', Han}, {'〇', Han}, {0x20000, Han}, {'〆', Word},
		{'々', Filler}, {'ー', Filler}, {'の', Filler}, {'カ', Filler}, {'〡', Filler},
		{'a', Word}, {'7', Word}, {'é', Word}, {'ж', Word},
		{' ', Space}, {'\t', Space},
		{'!', Punct}, {'·', Punct}, {'★', Punct}, {'《', Punct}, {'€', Punct},
		{0x0301, Mark},
		{0xE000, Other},
	}
	for _, tt := range tests {
		if got := ClassOf(tt.r); got != tt.want {
			t.Errorf("ClassOf(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
	if !Punct.Separator() || !Space.Separator() || Han.Separator() || Word.Separator() {
		t.Error("Separator is wrong")
	}
}

func TestRemovable(t *testing.T) {
	for _, r := range []rune{0x200B, 0x200D, 0xFEFF, 0x202E, 0x00AD, 0x7, 0x7F, 0xE000, 0xFE0F, 0x3164, 0xE0041} {
		if !Removable(r) {
			t.Errorf("U+%04X should be removable", r)
		}
	}
	for _, r := range []rune{'a', ' ', '\t', '\n', '中', 0x3000, '·', 0x0301} {
		if Removable(r) {
			t.Errorf("U+%04X should stay", r)
		}
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"示例科技官网", "賭 博\u200b網", "ＡＢＣ", "W\u030A", "㈱", "ｶﾞ", "\xff\xfe", "İ\u0301", " a  b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := String(s)
		if twice := String(once); twice != once {
			t.Fatalf("String(%q) = %q, String of that = %q", s, once, twice)
		}
		if !utf8.ValidString(once) {
			t.Fatalf("String(%q) = %q, not valid UTF-8", s, once)
		}
		var it Iter
		it.Init(s)
		prev := 0
		for {
			_, _, start, end, ok := it.Next()
			if !ok {
				break
			}
			if start < prev || end < start || end > len(s) {
				t.Fatalf("%q: range [%d,%d) after %d", s, start, end, prev)
			}
			prev = start
		}
	})
}

var benchNames = []struct{ name, text string }{
	{"folded", "深圳市示例科技有限公司官方网站信息服务"},
	{"traditional", "深圳市示例科技有限公司官方網站資訊服務"},
	{"fullwidth", "ＡＢＣ示例科技有限公司官方网站信息服务"},
	{"zerowidth", "深圳市示例科技\u200b有限公司官方网站信息服务"},
}

func BenchmarkString(b *testing.B) {
	for _, bn := range benchNames {
		b.Run(bn.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				String(bn.text)
			}
		})
	}
}

func BenchmarkNFKC(b *testing.B) {
	for _, bn := range benchNames {
		b.Run(bn.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				norm.NFKC.String(bn.text)
			}
		})
	}
}

// sweepStride is the step of the tests that walk every code point: all of
// them in the exhaustive run (CI), every 13th otherwise.
func sweepStride() rune { return rune(testenv.Stride(13)) }
