package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
)

// TestWordListsParse reads the rules' embedded word lists strictly: the
// lazy loader would fall back to an empty dictionary on an error.
func TestWordListsParse(t *testing.T) {
	for name, data := range map[string]string{
		"personal.txt":          personalWords,
		"preapproval_hints.txt": preApprovalHintWords,
		"app_names.txt":         appNameWords,
		"restricted.txt":        restrictedWords,
	} {
		d, err := names.ReadDictionary(strings.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d.Len() == 0 {
			t.Errorf("%s: no words", name)
		}
		for _, w := range d.Words() {
			if w != names.Normalize(w) {
				t.Errorf("%s: %q is not written in its normal form", name, w)
			}
		}
	}
}

func TestHintCategoriesAreContentCategories(t *testing.T) {
	seen := map[beian.ContentCategory]bool{}
	hints := preApprovalHintDictionary()
	for _, w := range hints.Words() {
		cat, _ := hints.Category(w)
		c := beian.ContentCategory(cat)
		if !c.Valid() || c == beian.ContentOther {
			t.Errorf("hint word %s has category %q, not a pre-approval content category", w, cat)
		}
		seen[c] = true
	}
	for _, r := range preApprovalRules {
		if !seen[r.category] {
			t.Errorf("no hint word suggests %s", r.category)
		}
	}
}

// TestProvinceInitials keeps provinceInitial equal to the first
// characters of the provinces' names.
func TestProvinceInitials(t *testing.T) {
	want := map[rune]bool{}
	for _, p := range provinces.All() {
		r, _ := utf8.DecodeRuneInString(p.Name)
		want[r] = true
		if !provinceInitial(r) {
			t.Errorf("provinceInitial(%c) is false (%s)", r, p.Name)
		}
	}
	for _, r := range "北天河山内辽吉黑上江浙安福湖广海重四贵云西陕甘青宁新" {
		if !want[r] {
			t.Errorf("%c starts no province's name", r)
		}
	}
}

func TestGenericSuffixes(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		list := genericSuffixesEndingIn(r)
		if list == "" {
			continue
		}
		prev := 1 << 10
		for _, suffix := range strings.Split(list, " ") {
			if last, _ := utf8.DecodeLastRuneInString(suffix); last != r {
				t.Errorf("%s is listed under %c", suffix, r)
			}
			// subjectCore steps through a list three bytes at a time.
			for _, c := range suffix {
				if utf8.RuneLen(c) != 3 || c == utf8.RuneError {
					t.Errorf("%c: %s holds %q, not a character of three bytes", r, suffix, c)
				}
			}
			if n := utf8.RuneCountInString(suffix); n > prev || n < 2 {
				t.Errorf("%c: %s is out of order or too short", r, suffix)
			} else {
				prev = n
			}
		}
	}
}

func TestBannedInitials(t *testing.T) {
	for _, p := range bannedPrefixes {
		if r, _ := utf8.DecodeRuneInString(p.word); !bannedInitial(r) {
			t.Errorf("bannedInitial(%c) is false (%s)", r, p.word)
		}
	}
}

func TestSubjectCore(t *testing.T) {
	tests := []struct{ subject, core string }{
		{"深圳市示例科技有限公司", "示例"},
		{"广东省示例实业有限公司", "示例"},
		{"广东示例实业有限公司", "示例"},
		{"内蒙古自治区示例乳业股份有限公司", "示例乳业"},
		{"深圳市南山区示例网络科技有限公司", "示例"},
		{"示例科技（深圳）有限公司", "示例"},
		{"深圳市人民医院", "人民医院"},
		{"华南城市规划设计院", "华南城市规划设计院"},
		{"好又多超市有限公司", "好又多超市"},
		{"北京科技有限公司", "科技"}, // nothing distinctive left: a generic word
		{"阿里巴巴集团控股有限公司", "阿里巴巴"},
	}
	for _, tt := range tests {
		if got := coreOfSubject(tt.subject); got != tt.core {
			t.Errorf("coreOfSubject(%s) = %s, want %s", tt.subject, got, tt.core)
		}
	}
}

// TestAppNameListsRead holds the plain reading of data/app_names.txt
// (appNameIndex) to the dictionary's: the same words in the same
// categories.
func TestAppNameListsRead(t *testing.T) {
	d, err := names.ReadDictionary(strings.NewReader(appNameWords))
	if err != nil {
		t.Fatal(err)
	}
	l := appNameIndex()
	if got := len(l.generic) + len(l.hot); got != d.Len() {
		t.Errorf("%d words read, the dictionary has %d", got, d.Len())
	}
	for _, w := range d.Words() {
		cat, _ := d.Category(w)
		if cat == "generic" && !l.generic[w] || cat != "generic" && l.hot[w] != cat {
			t.Errorf("%s (%s) is not read in its category", w, cat)
		}
	}
	if l.maxGeneric < 3 {
		t.Errorf("longest generic word %d characters", l.maxGeneric)
	}
}
