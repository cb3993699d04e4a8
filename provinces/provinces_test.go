package provinces_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/provinces"
)

// TestTablesCurrent fails when tables.go does not match data/.
func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func TestAllProvinces(t *testing.T) {
	all := provinces.All()
	require.Len(t, all, 31)
	seen := map[string]bool{}
	for _, p := range all {
		for _, s := range []string{p.Code, p.Name, p.Short, p.Abbr, p.Pinyin, p.English} {
			assert.NotEmpty(t, s, "%+v", p)
			assert.False(t, seen[s], "%q names two provinces", s)
			seen[s] = true
		}
	}
	all[0].Name = "changed"
	assert.Equal(t, "北京市", provinces.All()[0].Name, "All must return a copy")
}

// TestLookupEveryForm looks every province up by each of its forms.
func TestLookupEveryForm(t *testing.T) {
	for _, p := range provinces.All() {
		forms := []string{p.Code, p.Code + "0000", p.Name, p.Short, p.Abbr, p.Pinyin, p.English, " " + p.Short + " "}
		forms = append(forms, p.ICPAbbrs()...)
		for _, s := range forms {
			got, ok := provinces.Lookup(s)
			if assert.True(t, ok, "Lookup(%q)", s) {
				assert.Equal(t, p, got, "Lookup(%q)", s)
			}
		}
		got, ok := provinces.ByCode(p.Code)
		assert.True(t, ok)
		assert.Equal(t, p, got)
	}
}

// TestLookupEveryFormFullWidth: each ASCII form of every province (its
// codes, pinyin and English name) typed in full width, and with
// ideographic spaces around, is that province; a full-width form of no
// province's name is none.
func TestLookupEveryFormFullWidth(t *testing.T) {
	for _, p := range provinces.All() {
		for _, s := range []string{p.Code, p.Code + "0000", p.Pinyin, p.English} {
			for _, typed := range []string{width.Widen.String(s), "\u3000" + width.Widen.String(s) + "\u3000", width.Widen.String(s[:1]) + s[1:]} {
				got, ok := provinces.Lookup(typed)
				if assert.True(t, ok, "Lookup(%q)", typed) {
					assert.Equal(t, p, got, "Lookup(%q)", typed)
				}
			}
		}
	}
	for _, s := range []string{"９９", "４４１", "Ｍａｒｓ"} {
		_, ok := provinces.Lookup(s)
		assert.False(t, ok, "Lookup(%q)", s)
	}
}

// TestLookupEnglishAndPinyinFullNames: every province by its name in
// Latin letters with its kind's words, as the filing's English forms and
// users type them: X Province and X Sheng for a 省, X Municipality, X City
// and X Shi for a 市, X Autonomous Region for a 自治区 and the official
// names with the people's name; each as written, in lower and upper case,
// in full width, without spaces and with runs of spaces. Made to fail by
// leaving out gen.go's kind's words (or the spaces' forms, or Lookup's
// reading of a run of spaces).
func TestLookupEnglishAndPinyinFullNames(t *testing.T) {
	official := map[string][]string{
		"15": {"Inner Mongolia Autonomous Region", "Nei Mongol Autonomous Region"},
		"45": {"Guangxi Zhuang Autonomous Region"},
		"54": {"Tibet Autonomous Region"},
		"64": {"Ningxia Hui Autonomous Region"},
		"65": {"Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"},
	}
	n := 0
	for _, p := range provinces.All() {
		var forms []string
		switch {
		case strings.HasSuffix(p.Name, "自治区"):
			forms = append(official[p.Code], p.English+" Autonomous Region")
		case strings.HasSuffix(p.Name, "省"):
			forms = []string{p.English + " Province", p.Pinyin + " Sheng"}
		case strings.HasSuffix(p.Name, "市"):
			forms = []string{p.English + " Municipality", p.English + " City", p.Pinyin + " Shi"}
		}
		require.NotEmpty(t, forms, p.Name)
		for _, f := range forms {
			for _, typed := range []string{f, strings.ToLower(f), strings.ToUpper(f), width.Widen.String(f),
				strings.ReplaceAll(f, " ", ""), strings.ReplaceAll(f, " ", "  "), strings.ReplaceAll(f, " ", "\t"), "　" + f} {
				got, ok := provinces.Lookup(typed)
				if assert.True(t, ok, "Lookup(%q)", typed) {
					assert.Equal(t, p.Code, got.Code, "Lookup(%q)", typed)
				}
				n++
			}
		}
	}
	for _, s := range []string{"Guangdong City", "Beijing Province", "Mars Province", "Guangxi Province", "Province", "Autonomous Region", "Shi"} {
		_, ok := provinces.Lookup(s)
		assert.False(t, ok, "Lookup(%q)", s)
	}
	t.Logf("%d typings", n)
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in   string
		code string
	}{
		{"44", "44"},
		{"440305", "44"}, // 深圳市南山区
		{"广东省", "44"},
		{"粤", "44"},
		{"GUANGDONG", "44"},
		{"GuangDong", "44"},
		{"川", "51"}, // seen in real ICP numbers
		{"蜀", "51"},
		{"陇", "62"},
		{"甘", "62"},
		{"黔", "52"},
		{"滇", "53"},
		{"shaanxi", "61"},
		{"shanxi", "14"},
		{"Inner Mongolia", "15"},
		{"tibet", "54"},
		{"内蒙古自治区", "15"},
		{"宁夏回族自治区", "64"},
		{"", ""},
		{"火星", ""},
		{"99", ""},
		{"810000", ""}, // Hong Kong files no ICP
		{"71", ""},     // Taiwan
		{"guang", ""},
		{"广东省省", ""},
	}
	for _, tt := range tests {
		p, ok := provinces.Lookup(tt.in)
		assert.Equal(t, tt.code != "", ok, "Lookup(%q)", tt.in)
		assert.Equal(t, tt.code, p.Code, "Lookup(%q)", tt.in)
	}
	_, ok := provinces.ByCode("广东")
	assert.False(t, ok, "ByCode takes codes only")
}

func TestICPAbbrs(t *testing.T) {
	sc, _ := provinces.Lookup("四川")
	assert.Equal(t, []string{"蜀", "川"}, sc.ICPAbbrs())
	gd, _ := provinces.Lookup("广东")
	assert.Equal(t, []string{"粤"}, gd.ICPAbbrs())
	assert.Nil(t, provinces.Province{}.ICPAbbrs())
}

func TestLookupAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		provinces.Lookup("Guangdong")
		provinces.Lookup("粤")
	})
	assert.Zero(t, allocs)
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		provinces.Lookup("广东")
	}
}

// traditionalNames are the full and short names that traditional
// characters write otherwise, written here from the characters' standard
// traditional forms (內 區 遼 龍 蘇 東 廣 壯 慶 貴 雲 陝 肅 寧 維 爾), not from
// data/provinces.csv.
var traditionalNames = map[string][]string{
	"15": {"內蒙古自治區", "內蒙古"}, "21": {"遼寧省", "遼寧"}, "23": {"黑龍江省", "黑龍江"},
	"32": {"江蘇省", "江蘇"}, "37": {"山東省", "山東"}, "44": {"廣東省", "廣東"},
	"45": {"廣西壯族自治區", "廣西"}, "50": {"重慶市", "重慶"}, "52": {"貴州省", "貴州"},
	"53": {"雲南省", "雲南"}, "54": {"西藏自治區"}, "61": {"陝西省", "陝西"},
	"62": {"甘肅省", "甘肅"}, "64": {"寧夏回族自治區", "寧夏"}, "65": {"新疆維吾爾自治區"},
}

// TestLookupTraditional: every province by its names in traditional
// characters, alone, padded, and as an address's start (with and without
// 中國 before it); the other provinces' names are the same in both scripts
// and found as before.
func TestLookupTraditional(t *testing.T) {
	for _, p := range provinces.All() {
		names := traditionalNames[p.Code]
		for _, n := range names {
			got, ok := provinces.Lookup(n)
			require.True(t, ok, n)
			assert.Equal(t, p.Code, got.Code, n)
			got, ok = provinces.Lookup(" " + n + " ")
			require.True(t, ok, n)
			assert.Equal(t, p.Code, got.Code, n)
			for _, addr := range []string{n + "某某市示例路1號", "中國" + n + "某某市", "中華人民共和國" + n + "某某市"} {
				got, ok := provinces.FromAddress(addr)
				require.True(t, ok, addr)
				assert.Equal(t, p.Code, got.Code, addr)
			}
		}
		got, ok := provinces.FromAddress(p.Name + "某某市")
		require.True(t, ok)
		assert.Equal(t, p.Code, got.Code)
	}
	// Half a traditional name is no name.
	for _, s := range []string{"廣", "內蒙", "黑龍", "廣東東"} {
		_, ok := provinces.Lookup(s)
		assert.False(t, ok, s)
	}
}
