package rules

import (
	"strings"
	"testing"
	"unicode"

	"github.com/icpcheck/beian/rules/names"
)

// FuzzAppNameWords holds the App name scanners (priceIn, genericName,
// the hot-name lookup, nameWidth) to their contracts on any text: no
// panic, a price is a piece of the name, a generic name has a word and no
// Chinese character outside the generic words, the width is at least the
// count of runes.
func FuzzAppNameWords(f *testing.F) {
	for _, s := range []string{"记账本9.9元", "0元记账", "９块９", "示例元宇宙", "视频播放器", "微 信", "QQ", "手机计算器 App", "5折叠", "零元购", "1.", ".9元", "元", "9块"} {
		f.Add(s)
	}
	l := appNameIndex()
	f.Fuzz(func(t *testing.T, s string) {
		name := names.Normalize(s)
		if p := priceIn(name); p != "" && !strings.Contains(name, p) {
			t.Errorf("priceIn(%q) = %q, not in the name", name, p)
		}
		if genericName(name, l) && strings.IndexFunc(name, unicode.IsLetter) < 0 {
			t.Errorf("genericName(%q) with no word", name)
		}
		if cat := hotName(name, l); cat != "" && !strings.HasPrefix(cat, "hot:") {
			t.Errorf("hotName(%q) = %q", name, cat)
		}
		if w, n := nameWidth(name), len([]rune(name)); w < n || w > 2*n {
			t.Errorf("nameWidth(%q) = %d for %d runes", name, w, n)
		}
	})
}
