package rules

import (
	"context"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
)

// runNameRules runs the rules that read website and App names through
// the pass's memo on p and returns what they report.
func runNameRules(t *testing.T, p *Pass) []Rejection {
	t.Helper()
	for _, r := range []*Rule{SiteName, Content, AppName} {
		p.Rule = r
		if err := r.Run(p); err != nil {
			t.Fatal(err)
		}
	}
	return p.Rejections()
}

// nameFiling returns a filing of websites and Apps with the names given.
func nameFiling(nature beian.Nature, subject string, websites []string, apps []string) *beian.Filing {
	f := &beian.Filing{Province: "44", Subject: beian.Subject{Nature: nature, Name: subject}}
	for _, n := range websites {
		f.Websites = append(f.Websites, beian.Website{Name: n})
	}
	for _, n := range apps {
		f.Apps = append(f.Apps, beian.App{Name: n})
	}
	return f
}

// TestNameMemoPerNameAndPass: the memo the name rules share is never
// reused across names or validations. A filing whose websites' and Apps'
// names share their characters, their beginnings or their ends gets, for
// each name, what the name gets in a filing of its own, on a fresh pass;
// a pass reset for another filing forgets the memo and reports what a
// new pass reports.
func TestNameMemoPerNameAndPass(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	nameSets := []struct {
		nature  beian.Nature
		subject string
		names   []string
	}{
		{beian.NatureEnterprise, "深圳市示例科技有限公司", []string{"中国博彩资讯网", "紫色情怀网", "中国博彩资讯网站", "中国博彩资讯", "紫色情怀网", "人民紫色情怀网", "示例资讯网", "中国博彩资讯网"}},
		{beian.NaturePersonal, "张三", []string{"张三的个人博客", "中国博彩论坛", "紫色情怀工作室", "张三的个人博客", "人民论坛网"}},
		{beian.NatureGovernment, "深圳市纪律检查委员会", []string{"反腐倡廉网", "反腐蚀涂料网", "廉政中国网", "反腐倡廉网"}},
	}
	for _, set := range nameSets {
		f := nameFiling(set.nature, set.subject, set.names, set.names)
		p := NewPass(context.Background(), f, f, cfg, beian.Date{})
		all := runNameRules(t, p)
		t.Logf("%d names: %d rejections", len(set.names), len(all))
		if p.siteNames.memo == (names.Memo{}) {
			t.Fatalf("%v: the memo was not used", set.names)
		}
		// Each name alone, at index 0 of its filing, on a new pass.
		for i, n := range set.names {
			alone := nameFiling(set.nature, set.subject, []string{n}, []string{n})
			want := runNameRules(t, NewPass(context.Background(), alone, alone, cfg, beian.Date{}))
			for _, kind := range []string{"websites", "apps"} {
				got := rejectionsAt(all, beian.Path(kind).Index(i).Field("name"))
				w := rejectionsAt(want, beian.Path(kind).Index(0).Field("name"))
				if kind == "apps" {
					// An App's name repeating an earlier one is reported
					// in the filing of them all only.
					got = withoutCode(got, CodeAppNameInvalid)
				}
				if !reflect.DeepEqual(got, w) {
					t.Errorf("%s[%d] %q with the other names: %+v\nalone: %+v", kind, i, n, got, w)
				}
			}
		}
		// The pass reset for another filing forgets the memo, and reports
		// what a new pass reports.
		other := nameFiling(set.nature, set.subject, []string{"紫色情怀网", "中国博彩资讯网"}, nil)
		p.Reset(context.Background(), other, other, cfg, beian.Date{})
		if p.siteNames.memo != (names.Memo{}) {
			t.Errorf("after Reset the memo still holds %q", set.names)
		}
		got := runNameRules(t, p)
		want := runNameRules(t, NewPass(context.Background(), other, other, cfg, beian.Date{}))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("a reset pass: %+v\na new pass: %+v", got, want)
		}
	}
}

// rejectionsAt returns the rejections at path, their rule's name left out.
func rejectionsAt(rs []Rejection, path beian.Path) []Rejection {
	var out []Rejection
	for _, r := range rs {
		if r.Field == path {
			r.Field = ""
			out = append(out, r)
		}
	}
	return out
}

func withoutCode(rs []Rejection, code Code) []Rejection {
	var out []Rejection
	for _, r := range rs {
		if r.Code != code {
			out = append(out, r)
		}
	}
	return out
}

// TestWebsiteNamePaths: the paths of website names given without being
// built are those built.
func TestWebsiteNamePaths(t *testing.T) {
	for i := -1; i <= len(websiteNamePaths)+2; i++ {
		if got, want := websiteNamePath(i), beian.Path("websites").Index(i).Field("name"); got != want {
			t.Errorf("%d: %q, want %q", i, got, want)
		}
	}
}
