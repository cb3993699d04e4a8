package rules

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
)

// subjectNameClass returns subject names of every kind the naming rules
// read: registered unit names (regions, parentheses, legal forms, banned
// prefixes, hot-App owners, pre-approval words), the same typed with an
// invisible character, spaces, full-width letters and traditional
// characters, names at, just over and far over the bound of a name field
// (boundedName) whose rest differs, and empty and blank ones.
func subjectNameClass() []string {
	base := []string{
		"深圳市示例科技有限公司", "广东省示例实业有限公司", "内蒙古自治区示例乳业股份有限公司", "示例科技（深圳）有限公司",
		"深圳市人民医院", "北京科技有限公司", "阿里巴巴集团控股有限公司", "中国移动通信集团有限公司", "中华书局有限公司",
		"人民网股份有限公司", "深圳市纪律检查委员会", "腾讯科技（深圳）有限公司", "深圳市示例基金管理有限公司",
		"ABC科技有限公司", "示例文化传媒有限公司", "张三", "国家电网有限公司", "反腐蚀涂料有限公司",
	}
	var out []string
	for _, s := range base {
		out = append(out, s, "\u200b"+s, strings.Join(strings.Split(s, ""), " "),
			strings.NewReplacer("A", "Ａ", "B", "Ｂ", "C", "Ｃ").Replace(s),
			strings.NewReplacer("国", "國", "华", "華", "电", "電", "网", "網", "乐", "樂").Replace(s))
	}
	bound := specName.limit + nameMargin
	for _, n := range []int{bound - 1, bound, bound + 1, bound + 40} {
		for _, s := range []string{"中国", "示例", "ＡＢ"} {
			long := strings.Repeat(s, n/2+1)
			r := []rune(long)[:n]
			out = append(out, string(r), string(r)+"有限公司", "\u200b"+string(r))
		}
	}
	return append(out, "", " ", "\u200b")
}

// TestSubjectNamesAsGeneral: the subject's name read once per pass
// (subjectNormal, subjectPrepared, subjectCore) is what each rule read
// of it on its own: names.Normalize of the name, names.PrepareNormal of
// it bounded, and coreOfSubject; in every order of first use, and for a
// pass reset for another subject.
func TestSubjectNamesAsGeneral(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	orders := [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	class := subjectNameClass()
	for k, name := range class {
		wantNormal := names.Normalize(name)
		wantPrepared := names.PrepareNormal(boundedName(name))
		wantCore := coreOfSubject(name)
		for _, order := range orders {
			f := &beian.Filing{Province: "44", Subject: beian.Subject{Nature: beian.NatureEnterprise, Name: name}}
			p := NewPass(context.Background(), f, f, cfg, beian.Date{})
			if k > 0 {
				// A pass used for another subject first, then reset.
				prev := &beian.Filing{Province: "44", Subject: beian.Subject{Nature: beian.NatureEnterprise, Name: class[k-1]}}
				p = NewPass(context.Background(), prev, prev, cfg, beian.Date{})
				p.subjectNormal()
				p.subjectPrepared()
				p.subjectCore()
				p.Reset(context.Background(), f, f, cfg, beian.Date{})
			}
			for _, step := range order {
				switch step {
				case 0:
					if got := p.subjectNormal(); got != wantNormal {
						t.Errorf("%q, order %v: subjectNormal %q, Normalize %q", name, order, got, wantNormal)
					}
				case 1:
					if got := p.subjectPrepared(); !reflect.DeepEqual(*got, wantPrepared) {
						t.Errorf("%q, order %v: subjectPrepared %+v, PrepareNormal %+v", name, order, *got, wantPrepared)
					}
				case 2:
					if got := p.subjectCore(); got != wantCore {
						t.Errorf("%q, order %v: subjectCore %q, coreOfSubject %q", name, order, got, wantCore)
					}
				}
			}
		}
	}
}
