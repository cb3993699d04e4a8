package rules

import (
	"strings"
	"testing"
	"unicode"

	"github.com/icpcheck/beian/rules/names"
)

// isDomainNameGeneral is isDomainName without its quick rejection of a
// Chinese name against ASCII domains: the reference
// TestIsDomainNameAsGeneral and FuzzIsDomainName hold it to.
func isDomainNameGeneral(name string, domains []string) bool {
	s := name
	dotted := strings.IndexByte(s, '.') >= 0
	if dotted {
		for _, p := range [...]string{"https://", "http://"} {
			s = strings.TrimPrefix(s, p)
		}
		s = strings.TrimPrefix(strings.TrimSuffix(s, "/"), "www.")
	}
	for _, d := range domains {
		d = strings.TrimSpace(strings.TrimSuffix(d, "."))
		if len(d) > 4 && strings.EqualFold(d[:4], "www.") {
			d = d[4:]
		}
		label, _, _ := strings.Cut(d, ".")
		switch {
		case d == "":
		case strings.EqualFold(s, label):
			return true
		case dotted && (strings.EqualFold(s, d) || s == names.Normalize(d)):
			return true
		case !dotted && !isASCII(d) && s == names.Normalize(label):
			return true
		}
	}
	return dotted && domainShaped(s)
}

// TestHanHasNoCase: no character of U+4000–U+9FFF folds to another (so
// none equals an ASCII letter under strings.EqualFold), as isDomainName's
// quick rejection assumes.
func TestHanHasNoCase(t *testing.T) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if f := unicode.SimpleFold(r); f != r {
			t.Fatalf("%U folds to %U", r, f)
		}
	}
}

// TestIsDomainNameAsGeneral: isDomainName answers as the general
// comparison for every name × domain list of a class built of Chinese,
// ASCII, case-folding (K, ſ, K), dotted, IDN and spaced names and
// domains.
func TestIsDomainNameAsGeneral(t *testing.T) {
	nameList := []string{"示例科技官网", "示例", "示例.cn", "示例.中国", "shilikeji", "ShiLiKeJi", "shili\u212aeji", "\u017fhilikeji", "shilikeji.cn",
		"www.shilikeji.cn", "http://shilikeji.cn/", "例子", "丁", "\u4e00abc", "\u9fffx", "䀀", "㐀示例", "ｓhilikeji", "\xe4", "\xe4\xb8", "", " ", "中国", "公司.中国", "示例科技官网.com", "\u212aeji", "\u017f\u212a"}
	domainList := []string{"shilikeji.cn", "www.shilikeji.cn", "WWW.ShiLiKeJi.CN", "shilikeji.cn.", " shilikeji.cn ", "\u3000shilikeji.cn", "示例.中国", "www.示例.中国", "示例.cn", "xn--fiqs8s.cn",
		"", ".", "www.", "www.x", "shili\u212aeji.cn", "例子.公司", "丁.cn", "\u4e00abc.com", "䀀.cn", "示例科技官网.com", "a.b.c", "keji.cn", "www.sk.com"}
	n := 0
	for _, name := range nameList {
		for _, v := range []string{name, names.Normalize(name)} {
			for i, d := range domainList {
				for _, ds := range [][]string{nil, {d}, {d, domainList[(i+1)%len(domainList)]}, {domainList[(i+3)%len(domainList)], d}} {
					n++
					if got, want := isDomainName(v, ds), isDomainNameGeneral(v, ds); got != want {
						t.Errorf("isDomainName(%q, %q) = %v, the general comparison %v", v, ds, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d cases", n)
}

// FuzzIsDomainName holds isDomainName to the general comparison.
func FuzzIsDomainName(f *testing.F) {
	f.Add("示例科技官网", "shilikeji.cn", "示例.中国")
	f.Add("示例", "示例.cn", "")
	f.Add("\xe4k", "\u212a.cn", "www.k")
	f.Fuzz(func(t *testing.T, name, d1, d2 string) {
		for _, v := range []string{name, names.Normalize(name)} {
			if got, want := isDomainName(v, []string{d1, d2}), isDomainNameGeneral(v, []string{d1, d2}); got != want {
				t.Fatalf("isDomainName(%q, %q, %q) = %v, the general comparison %v", v, d1, d2, got, want)
			}
		}
	})
}

// TestHanRuneClass: every rune hanRune takes is visible and of class Han,
// so that checkNameForm counts it as the general reading would; the runes
// either side of its range are not taken.
func TestHanRuneClass(t *testing.T) {
	n := 0
	for r := rune(0x3000); r <= 0xA000; r++ {
		if !hanRune(r) {
			continue
		}
		n++
		if names.Invisible(r) || names.ClassOf(r) != names.Han {
			t.Fatalf("%U taken for a Chinese character: invisible %v, class %v", r, names.Invisible(r), names.ClassOf(r))
		}
	}
	if n != 0x9FFF-0x4E00+1 || hanRune(0x4DFF) || hanRune(0xA000) {
		t.Errorf("hanRune takes %d runes", n)
	}
}
