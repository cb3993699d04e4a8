package rules

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
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

// TestRecycleClearsAll: Recycle leaves the pass *p = Pass{} leaves, but
// for the memory it keeps (the skipped checks' room and the last counts)
// and Province and Policy (which Reset sets), after validations one after
// the other on one pass that used the parts it clears as far as they
// were used: a few website names and domains held in place, more than
// they have room for, a long name's answers in the names' memo and then
// a short one's.
func TestRecycleClearsAll(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	site := func(name string, domains ...string) beian.Website { return beian.Website{Name: name, Domains: domains} }
	var many []beian.Website
	for i := range 12 {
		many = append(many, site("示例博彩资讯网", "a"+strconv.Itoa(i)+".cn", "b"+strconv.Itoa(i)+".com.cn"))
	}
	filings := []*beian.Filing{
		{Province: "广东", Websites: []beian.Website{site("中国博彩资讯网", "a.cn"), site("紫色情怀网", "b.cn", "c.cn")}},
		{Province: "北京", Websites: many},
		{Province: "火星", Websites: []beian.Website{site(strings.Repeat("示例科技", 10) + "博彩网")}},
		{Province: "44", Websites: []beian.Website{site("乐", "x.cn")}},
		{Province: "上海"},
	}
	p := new(Pass)
	for _, f := range filings {
		p.Reset(context.Background(), f, f, cfg, beian.NewDate(2026, 1, 2))
		for i, w := range f.Websites {
			p.nameMemo().FindEvery(names.DefaultDictionary(), p.SiteNamePrepared(i))
			for _, d := range w.Domains {
				if _, err := p.ParseDomain(d); err != nil {
					t.Fatal(err)
				}
			}
		}
		p.Report("websites[0].name", CodeSiteNameTooShort, Str("name", "中国博彩资讯网"))
		p.Skip(CodeMIITRecordExists, Text{ZH: "无", EN: "none"})
		p.phoneLocal()
		_, cancel := p.OutsideContext()
		cancel()
		p.Finish()
		p.Recycle()
		want := &Pass{Province: p.Province, Policy: p.Policy}
		want.spareSkips, want.lastCount, want.lastUnits, want.lastArgs = p.spareSkips, p.lastCount, p.lastUnits, p.lastArgs
		want.paths.last, want.fixes.last, want.recycled = p.paths.last, p.fixes.last, true
		if !reflect.DeepEqual(p, want) {
			t.Errorf("%s: recycled\n%+v\nwant\n%+v", f.Province, p, want)
		}
	}
}

// TestRecycleFieldsCleared: Recycle knows every field of a pass, and of
// the parts it clears as far as they were used; a new one must be
// cleared by it (and added here). A new field of passState needs nothing.
func TestRecycleFieldsCleared(t *testing.T) {
	fields := func(v any) []string {
		var names []string
		for f := range reflect.TypeOf(v).Fields() {
			names = append(names, f.Name)
		}
		return names
	}
	for _, c := range []struct {
		v    any
		want []string
	}{
		{Pass{}, []string{"Rule", "Filing", "Raw", "Province", "Policy", "Today", "Config", "passState", "siteNames", "domains"}},
		{siteNames{}, []string{"small", "list", "memo"}},
		{parsedDomains{}, []string{"small", "n", "more", "list"}},
	} {
		if got := fields(c.v); !slices.Equal(got, c.want) {
			t.Errorf("%T's fields are %v, Recycle clears %v", c.v, got, c.want)
		}
	}
}
