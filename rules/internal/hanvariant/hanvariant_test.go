package hanvariant

import (
	"bufio"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/icpcheck/beian/internal/gentool"
)

// TestTablesCurrent fails when tables.go does not match data/.
func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func TestSimplify(t *testing.T) {
	tests := []struct {
		name     string
		from, to rune
	}{
		{"traditional gambling", '賭', '赌'},
		{"traditional country", '國', '国'},
		{"traditional network", '網', '网'},
		{"first of several forms (瀋陽 → 沈阳)", '瀋', '沈'},
		{"chain resolved (薴 → 苧 → 苎)", '薴', '苎'},
		{"hand-kept: 裡", '裡', '里'},
		{"hand-kept: 遊", '遊', '游'},
		{"hand-kept override: 綵", '綵', '彩'},
		{"hand-kept Japanese form", '権', '权'},
		{"own simplified form kept: 乾", '乾', '乾'},
		{"Japanese form via kJinmeiyoKanji: 楽", '楽', '乐'},
		{"Japanese form via kJinmeiyoKanji: 薬", '薬', '药'},
		{"Japanese form via kJinmeiyoKanji: 聴", '聴', '听'},
		{"Japanese form via kJinmeiyoKanji: 単", '単', '单'},
		{"Japanese form via kSemanticVariant: 氷", '氷', '冰'},
		{"hand-kept Japanese form: 銭", '銭', '钱'},
		{"hand-kept Japanese form: 仮", '仮', '假'},
		{"semantic variant: 砲", '砲', '炮'},
		{"semantic variant, then simplified: 証", '証', '证'},
		{"semantic variant, then simplified: 囯", '囯', '国'},
		{"hand-kept: 圀", '圀', '国'},
		{"semantic variant: 愽", '愽', '博'},
		{"semantic variant: 婬", '婬', '淫'},
		{"hand-kept override: 鎗", '鎗', '枪'},
		{"radical supplement: ⺠", 0x2EA0, '民'},
		{"radical supplement, then simplified: ⻢", 0x2EE2, '马'},
		{"radical supplement, then simplified: ⻔", 0x2ED4, '门'},
		{"specialised variant from a bilingual dictionary not taken: 塚", '塚', '塚'},
		{"standard character kept although Unihan simplifies it: 瑙", '瑙', '瑙'},
		{"hand-kept as it is: 厶", '厶', '厶'},
		{"standard character never merged: 炮", '炮', '炮'},
		{"standard character never merged: 博", '博', '博'},
		{"own simplified form kept: 著", '著', '著'},
		{"simplified unchanged", '赌', '赌'},
		{"ASCII unchanged", 'A', 'A'},
		{"beyond the BMP", 0x2A6A5, 0x2A6A5},
		{"beyond the BMP, with a simplified form", 0x2005E, 0x2003E},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Simplify(tt.from); got != tt.to {
				t.Errorf("Simplify(%c U+%04X) = %c U+%04X, want %c", tt.from, tt.from, got, got, tt.to)
			}
		})
	}
}

// TestSimplifyIdempotent checks every character: a simplified form is
// never simplified further, is a Han character and is NFKC-stable.
func TestSimplifyIdempotent(t *testing.T) {
	changed := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := Simplify(r)
		if s == r {
			continue
		}
		changed++
		if Simplify(s) != s {
			t.Errorf("U+%04X → U+%04X → U+%04X", r, s, Simplify(s))
		}
		if !unicode.Is(unicode.Han, s) || !norm.NFKC.IsNormalString(string(s)) {
			t.Errorf("U+%04X → U+%04X, not a normalised Han character", r, s)
		}
	}
	if changed != Len() {
		t.Errorf("%d characters change, Len says %d", changed, Len())
	}
	if changed < 6000 {
		t.Errorf("only %d characters change; the Unihan extract looks truncated", changed)
	}
}

func BenchmarkSimplify(b *testing.B) {
	const text = "深圳市示例科技有限公司網絡賭博資訊"
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range text {
			Simplify(r)
		}
	}
}

// standardCharacters reads the 8,105 characters of the 2013 通用规范汉字表
// with their numbers from the data the table is built from (kTGH).
func standardCharacters(t *testing.T) map[rune]int {
	t.Helper()
	f, err := os.Open("data/Unihan_OtherMappings.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[rune]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 || parts[1] != "kTGH" {
			continue
		}
		cp, err1 := strconv.ParseUint(strings.TrimPrefix(parts[0], "U+"), 16, 32)
		num, err2 := strconv.Atoi(strings.TrimPrefix(parts[2], "2013:"))
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		m[rune(cp)] = num
	}
	if len(m) != 8105 {
		t.Fatalf("%d standard characters, want 8105", len(m))
	}
	return m
}

// TestStandardCharactersKept checks that no character of the 3,500 常用字
// changes, and that a character of the rest of the 8,105 changes only to
// another standard character by Unihan's kSimplifiedVariant (於 → 于, 麽 →
// 么): the variant folds never merge two standard characters.
func TestStandardCharactersKept(t *testing.T) {
	std := standardCharacters(t)
	changed := 0
	for r, num := range std {
		s := Simplify(r)
		if s == r {
			continue
		}
		changed++
		if num <= 3500 {
			t.Errorf("常用字 %c (no. %d) changes to %c", r, num, s)
		}
		if _, ok := std[s]; !ok {
			t.Errorf("standard %c changes to %c U+%04X, which is not standard", r, s, s)
		}
	}
	if changed > 12 {
		t.Errorf("%d standard characters change; the 2013 list's own traditional pairs are 12", changed)
	}
}

// TestInnocentCorpusKept runs every character of the innocent names
// through the table: none changes.
func TestInnocentCorpusKept(t *testing.T) {
	data, err := os.ReadFile("../../names/testdata/corpus/innocent.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range string(data) {
		if s := Simplify(r); s != r {
			t.Errorf("%c of the innocent corpus changes to %c", r, s)
		}
		n++
	}
	if n < 1000 {
		t.Fatalf("only %d characters in the innocent corpus", n)
	}
}

// TestVariantTargetsAreStandard checks that what a variant folds to is a
// standard character whenever the fold comes from the variant data
// rather than from kSimplifiedVariant.
func TestVariantTargetsAreStandard(t *testing.T) {
	std := standardCharacters(t)
	for _, r := range []rune{'楽', '氷', '砲', '証', '囯', '愽', '婬', 0x2EA0, 0x2EE2, 0x2ED4, '銭', '仮', '鎗'} {
		if _, ok := std[Simplify(r)]; !ok {
			t.Errorf("%c folds to %c, not a standard character", r, Simplify(r))
		}
	}
}

// TestShinjitai (issue 18, class 4): the Japanese shinjitai fold to the
// simplified characters of the traditional ones they stand for, and all
// nine in ten of OpenCC's pairs whose shinjitai is not itself a standard
// character fold to a standard character.
func TestShinjitai(t *testing.T) {
	for shin, want := range map[rune]rune{'労': '劳', '経': '经', '対': '对', '読': '读', '満': '满', '豊': '丰', '駅': '驿', '歯': '齿', '続': '续', '辺': '边', '楽': '乐', '銭': '钱', '薬': '药'} {
		if got := Simplify(shin); got != want {
			t.Errorf("Simplify(%c) = %c, want %c", shin, got, want)
		}
	}
	data, err := os.ReadFile("data/JPShinjitaiCharacters.txt")
	if err != nil {
		t.Fatal(err)
	}
	std := standardCharacters(t)
	pairs, folded := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		shin := []rune(line)[0]
		if _, ok := std[shin]; ok {
			continue
		}
		pairs++
		if _, ok := std[Simplify(shin)]; ok && Simplify(shin) != shin {
			folded++
		}
	}
	t.Logf("%d shinjitai that are not standard characters, %d fold to one", pairs, folded)
	if pairs < 150 || folded*100 < pairs*90 {
		t.Errorf("%d of %d shinjitai fold to a standard character", folded, pairs)
	}
}

// TestVariantsBMPInverse holds VariantsBMP to SimplifyBMP over the
// whole Basic Multilingual Plane: the characters it lists for r are
// exactly those SimplifyBMP changes to r, in order; for a range, those
// of each character of the range in turn.
func TestVariantsBMPInverse(t *testing.T) {
	want := map[rune][]rune{}
	for c := rune(0); c < 0x10000; c++ {
		if to := SimplifyBMP(uint16(c)); to != c {
			want[to] = append(want[to], c)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if got := slices.Collect(VariantsBMP(r, r)); !slices.Equal(got, want[r]) {
			t.Fatalf("VariantsBMP(%U, %U) = %U, want %U", r, r, got, want[r])
		}
	}
	for to, from := range want {
		var got []rune
		for c := range VariantsBMP(to, to) {
			if got = append(got, c); len(got) == 1 {
				break // the loop's end stops the yields
			}
		}
		if !slices.Equal(got, from[:1]) {
			t.Fatalf("VariantsBMP(%U, %U) broken off after one = %U, want %U", to, to, got, from[:1])
		}
	}
	for _, r := range []rune{-1, 0x10000, 0x2003E, unicode.MaxRune, unicode.MaxRune + 1} {
		if got := slices.Collect(VariantsBMP(r, r)); !slices.Equal(got, want[r]) {
			t.Errorf("VariantsBMP(%U, %U) = %U, want %U", r, r, got, want[r])
		}
	}
	targets := slices.Sorted(maps.Keys(want))
	bounds := []rune{-1, 0, 0x2E80, 0x3400, 0x33FF, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xFFFF, 0x10000, 0x2003E, 0x3FFFF, unicode.MaxRune}
	for _, lo := range bounds {
		for _, hi := range bounds {
			var all []rune
			for _, to := range targets {
				if lo <= to && to <= hi {
					all = append(all, want[to]...)
				}
			}
			if got := slices.Collect(VariantsBMP(lo, hi)); !slices.Equal(got, all) {
				t.Fatalf("VariantsBMP(%U, %U): %d characters, want %d", lo, hi, len(got), len(all))
			}
		}
	}
}
