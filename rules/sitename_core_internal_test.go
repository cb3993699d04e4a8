package rules

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/provinces"
)

// subjectCoreGeneral is subjectCore as first written, decoding runes
// with package utf8 and splitting the suffix lists with strings.Cut: the
// reference TestSubjectCoreAsGeneral and FuzzSubjectCore hold the quick
// one to.
func subjectCoreGeneral(s string) string {
	s = withoutParentheses(s)
	s = withoutProvince(s)
	for range 3 {
		rest, ok := cutAdminRegionGeneral(s)
		if !ok {
			break
		}
		s = rest
	}
	for {
		last, _ := utf8.DecodeLastRuneInString(s)
		cut := false
		for list := genericSuffixesEndingIn(last); list != ""; {
			var suffix string
			suffix, list, _ = strings.Cut(list, " ")
			if rest, ok := strings.CutSuffix(s, suffix); ok && atLeastTwoRunes(rest) {
				s, cut = rest, true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

func cutAdminRegionGeneral(s string) (string, bool) {
	n := 0
	var prev rune
	for i, r := range s {
		if n > 4 || !(0x4E00 <= r && r <= 0x9FFF) {
			return s, false
		}
		switch r {
		case '市', '区', '县', '州', '盟', '旗':
			if n >= 1 && !notRegionGeneral(prev, r) {
				if rest := s[i+utf8.RuneLen(r):]; atLeastTwoRunes(rest) {
					return rest, true
				}
				return s, false
			}
		}
		prev = r
		n++
	}
	return s, false
}

// subjectNameParts are the pieces TestSubjectCoreAsGeneral builds subject
// names of: regions, the words of notRegions, distinctive words, every
// generic suffix, parentheses, and runes of other widths and invalid
// bytes where the quick path reads bytes.
func subjectNameParts() []string {
	parts := []string{"", "示例", "好又多", "阿里巴巴", "乳业", "人民医院", "华南", "规划设计院",
		"(深圳)", "(有限合伙)", "(", ")", "南山区", "福田区", "苏州市", "吴江区", "延边朝鲜族自治州", "阿拉善盟", "锡林郭勒盟", "正蓝旗", "某县", "市", "区",
		"a", "7", "ß", "é", "€", "😀", "\xe4\xb8", "\xff", "\xed\xa0\x80", "㐀", "䀀", "䶵", "\xe0\x82\x80", "\xe0\x80\x80", "\xef\xbf\xbf", "丁", "\u4e00", "\u9fff", "\uf900"}
	for _, w := range notRegions {
		parts = append(parts, string(w[:]))
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if list := genericSuffixesEndingIn(r); list != "" {
			parts = append(parts, strings.Split(list, " ")...)
		}
	}
	for _, p := range provinces.All() {
		parts = append(parts, p.Name, p.Short)
	}
	return parts
}

// TestSubjectCoreAsGeneral: subjectCore (and cutAdminRegion, finalRune)
// give what the general reading gives, over every name of up to three of
// subjectNameParts (each ending rune's suffixes, every province, regions
// and their look-alikes, invalid bytes): every name of two, and of three
// every third third part (every one under BEIAN_EXHAUSTIVE=1).
func TestSubjectCoreAsGeneral(t *testing.T) {
	parts := subjectNameParts()
	step := 3
	if os.Getenv("BEIAN_EXHAUSTIVE") == "1" {
		step = 1
	}
	n := 0
	check := func(s string) {
		n++
		if got, want := subjectCore(s), subjectCoreGeneral(s); got != want {
			t.Fatalf("subjectCore(%q) = %q, the general reading %q", s, got, want)
		}
		if got, want := finalRune(s), lastRuneGeneral(s); got != want {
			t.Fatalf("finalRune(%q) = %q, want %q", s, got, want)
		}
	}
	for _, a := range parts {
		for _, b := range parts {
			check(a + b)
			for k := 0; k < len(parts); k += step {
				check(a + b + parts[k])
			}
		}
	}
	t.Logf("%d names", n)
}

func lastRuneGeneral(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// FuzzSubjectCore holds subjectCore to the general reading.
func FuzzSubjectCore(f *testing.F) {
	for _, s := range []string{"深圳市示例科技有限公司", "内蒙古自治区示例乳业股份有限公司", "示例科技（深圳）有限公司", "好又多超市有限公司", "\xe4\xb8市示例", "深圳\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := subjectCore(s), subjectCoreGeneral(s); got != want {
			t.Fatalf("subjectCore(%q) = %q, the general reading %q", s, got, want)
		}
		if got, want := finalRune(s), lastRuneGeneral(s); got != want {
			t.Fatalf("finalRune(%q) = %q, want %q", s, got, want)
		}
	})
}

// notRegionGeneral is notRegion as the search of notRegions it replaces.
func notRegionGeneral(prev, r rune) bool {
	for _, w := range notRegions {
		if w[0] == prev && w[1] == r {
			return true
		}
	}
	return false
}

// TestNotRegionAsList: notRegion's switch answers as the list notRegions
// for every character of U+3400–U+9FFF before each region character, and
// a few others.
func TestNotRegionAsList(t *testing.T) {
	for _, r := range []rune{'市', '区', '县', '州', '盟', '旗', '城', 'a', 0} {
		for prev := rune(0x3400); prev <= 0x9FFF; prev++ {
			if got, want := notRegion(prev, r), notRegionGeneral(prev, r); got != want {
				t.Fatalf("notRegion(%c, %c) = %v, the list says %v", prev, r, got, want)
			}
		}
	}
}
