package rules

import (
	"testing"

	"github.com/icpcheck/beian"
)

func BenchmarkParts(b *testing.B) {
	name := "示例科技官网"
	subj := "深圳市示例科技有限公司"
	d := DefaultDictionary()
	parts := map[string]func(){
		"normalize": func() { NormalizeName(name) },
		"form":      func() { checkNameForm(name, []string{"shilikeji.cn"}, func(Code, Severity, ...Arg) {}) },
		"domain":    func() { isDomainName(name, []string{"shilikeji.cn"}) },
		"prefix":    func() { nameBannedPrefix(name, &beian.Subject{Nature: "enterprise", Name: subj}) },
		"find":      func() { d.Find(name) },
		"core":      func() { coreOfSubject(subj) },
		"normsubj":  func() { NormalizeName(subj) },
		"province":  func() { withoutProvince(subj) },
		"relates":   func() { relatesToCore(name, "示例") },
	}
	for n, f := range parts {
		b.Run(n, func(b *testing.B) {
			for b.Loop() {
				f()
			}
		})
	}
}
