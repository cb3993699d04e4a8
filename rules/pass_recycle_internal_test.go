package rules

import (
	"context"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// recycleKey marks the context of the reset pass.
type recycleKey struct{}

// TestRecycledResetAsNew: a pass recycled after a validation that used
// every part of it (rejections, skipped checks, site names, domains, raw
// text lookups, an outside deadline), whose exported fields were then
// changed, is after Reset the pass NewPass returns, but for the memory
// it keeps (the skipped checks' room and the last count); for a filing
// of a known province and of none.
func TestRecycledResetAsNew(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	used := &beian.Filing{Province: "广东", Websites: []beian.Website{{Name: "中国博彩资讯网", Domains: []string{"a.cn"}}}, Domains: []beian.DomainRecord{{Domain: "a.cn"}}}
	for _, next := range []*beian.Filing{{Province: "北京"}, {Province: "火星"}} {
		p := NewPass(context.Background(), used, used, cfg, beian.NewDate(2026, 1, 2))
		p.SiteName(0)
		if _, err := p.ParseDomain("a.cn"); err != nil {
			t.Fatal(err)
		}
		p.Report("websites[0].name", CodeSiteNameTooShort, Str("name", "中国博彩资讯网"))
		p.Skip(CodeMIITRecordExists, Text{ZH: "无", EN: "none"})
		p.Span("websites[0].name", "中国博彩资讯网", 0, 3)
		p.phoneLocal()
		_, cancel := p.OutsideContext()
		cancel()
		p.Finish()
		p.Recycle()
		if !p.recycled {
			t.Fatal("Recycle did not mark the pass")
		}
		p.Rule, p.Filing, p.Raw, p.Config = &Rule{Name: "x"}, used, used, &Config{}
		p.Province, _ = provinces.Lookup("广东")
		p.Policy, p.Today = provinces.Policy{}, beian.NewDate(1, 1, 1)

		ctx := context.WithValue(context.Background(), recycleKey{}, 1)
		p.Reset(ctx, next, next, cfg, beian.NewDate(2026, 3, 4))
		want := NewPass(ctx, next, next, cfg, beian.NewDate(2026, 3, 4))
		if p.spareSkips == nil || p.lastCount != 1 || p.lastUnits != 2 || p.lastArgs != 1 {
			t.Errorf("%s: the recycled memory is lost: %v, %d, %d, %d", next.Province, p.spareSkips, p.lastCount, p.lastUnits, p.lastArgs)
		}
		p.spareSkips, p.lastCount, p.lastUnits, p.lastArgs = nil, 0, 0, 0
		if !reflect.DeepEqual(p, want) {
			t.Errorf("%s: recycled and reset\n%+v\nnew\n%+v", next.Province, p, want)
		}
	}
}
