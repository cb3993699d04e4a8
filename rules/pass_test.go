package rules_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// TestPassReset: a reset pass is the pass NewPass returns for the new
// filing, whatever the old one held: its rejections, skipped checks and
// caches are gone, and the slices handed out before are left as they were.
func TestPassReset(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	first := &beian.Filing{Province: "广东", Websites: []beian.Website{{Name: "甲乙丙网"}}, Domains: []beian.DomainRecord{{Domain: "a.cn"}}}
	second := &beian.Filing{Province: "北京"}
	p := rules.NewPass(context.Background(), first, first, cfg, beian.Date{})
	p.SiteName(0)
	if _, err := p.ParseDomain("a.cn"); err != nil {
		t.Fatal(err)
	}
	p.Report("websites[0].name", rules.CodeSiteNameTooShort)
	p.Skip(rules.CodeMIITRecordExists, rules.Text{ZH: "无", EN: "none"})
	rs, ss := p.Rejections(), p.Skipped()

	p.Reset(context.Background(), second, second, cfg, beian.Date{})
	if len(p.Rejections()) != 0 || len(p.Skipped()) != 0 {
		t.Errorf("after Reset: %d rejections, %d skipped", len(p.Rejections()), len(p.Skipped()))
	}
	if p.Filing != second || p.Raw != second {
		t.Errorf("after Reset: filing %p, raw %p, want %p", p.Filing, p.Raw, second)
	}
	if want, _ := provinces.Lookup("北京"); p.Province != want {
		t.Errorf("province %+v, want %+v", p.Province, want)
	}
	if len(rs) != 1 || rs[0].Code != rules.CodeSiteNameTooShort || len(ss) != 1 || ss[0].Code != rules.CodeMIITRecordExists {
		t.Errorf("the slices handed out before Reset changed: %v %v", rs, ss)
	}
	p.Report("province", rules.CodeFieldRequired)
	if len(rs) != 1 || rs[0].Code != rules.CodeSiteNameTooShort {
		t.Errorf("a report after Reset wrote into the old slice: %v", rs)
	}

	// A pass whose outside calls began gets a deadline of its own once
	// reset: the old one is released and forgotten.
	ctx1, cancel := p.OutsideContext()
	cancel()
	p.Finish()
	p.Reset(context.Background(), second, second, cfg, beian.Date{})
	ctx2, cancel := p.OutsideContext()
	cancel()
	defer p.Finish()
	if ctx1.Err() == nil || ctx2.Err() != nil || ctx1 == ctx2 {
		t.Errorf("after Reset: old context err %v, new context err %v", ctx1.Err(), ctx2.Err())
	}
}

// TestPassRecycle: a recycled pass holds nothing of its validation, and
// after Reset records skipped checks in the memory of the last ones,
// without an allocation, as a new pass would.
func TestPassRecycle(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东"}
	p := rules.NewPass(context.Background(), f, f, cfg, beian.Date{})
	reason := rules.Text{ZH: "原因", EN: "why"}
	for _, c := range []rules.Code{rules.CodeDomainNotVerified, rules.CodeContactNotDistinct, rules.CodeMIITRecordExists} {
		p.Skip(c, reason)
	}
	held := p.Skipped()
	p.Recycle()
	if p.Filing != nil || p.Raw != nil || p.Skipped() != nil || p.Rejections() != nil {
		t.Fatalf("recycled pass holds its validation: %+v", p)
	}
	for i, s := range held[:cap(held)] {
		if s != (rules.Skip{}) {
			t.Fatalf("recycled memory %d holds %+v", i, s)
		}
	}
	p.Reset(context.Background(), f, f, cfg, beian.Date{})
	if p.Skipped() != nil {
		t.Fatalf("reset pass has skipped checks: %v", p.Skipped())
	}
	allocs := testing.AllocsPerRun(10, func() {
		p.Reset(context.Background(), f, f, cfg, beian.Date{})
		p.Skip(rules.CodeDomainNotVerified, reason)
		p.Recycle()
	})
	if allocs != 0 {
		t.Errorf("Skip on a recycled pass: %v allocations", allocs)
	}
	p.Reset(context.Background(), f, f, cfg, beian.Date{})
	p.Skip(rules.CodeMIITRecordExists, reason)
	if got := p.Skipped(); len(got) != 1 || got[0].Code != rules.CodeMIITRecordExists || &got[0] != &held[0] {
		t.Errorf("skipped %v, not in the recycled memory", got)
	}
}

// TestPassRejectionsRoom: a new pass makes room for 16 rejections; a
// recycled one for one more than it last recorded, up to 64; a report
// larger than the room grows.
func TestPassRejectionsRoom(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东"}
	p := rules.NewPass(context.Background(), f, f, cfg, beian.Date{})
	// Each case's room follows from what the case before recorded.
	for _, tc := range []struct{ record, room int }{{11, 16}, {1, 12}, {3, 2}, {0, 4}, {5, 16}, {40, 6}, {100, 41}, {1, 64}} {
		p.Reset(context.Background(), f, f, cfg, beian.Date{})
		for i := range tc.record {
			p.Report(beian.Path("websites").Index(i), rules.CodeFieldRequired)
		}
		if tc.record > 0 && cap(p.Rejections()) < tc.room {
			t.Errorf("%d rejections: room for %d, want at least %d", tc.record, cap(p.Rejections()), tc.room)
		}
		if tc.record > 0 && tc.record <= tc.room && cap(p.Rejections()) != tc.room {
			t.Errorf("%d rejections: room for %d, want %d", tc.record, cap(p.Rejections()), tc.room)
		}
		if got := len(p.Rejections()); got != tc.record {
			t.Fatalf("%d rejections recorded, want %d", got, tc.record)
		}
		p.Recycle()
	}
}

// TestPassRecycleLarge: a pass that skipped many checks keeps none of
// their memory when recycled.
func TestPassRecycleLarge(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东"}
	p := rules.NewPass(context.Background(), f, f, cfg, beian.Date{})
	for range 100 {
		p.Skip(rules.CodeDomainNotVerified, rules.Text{ZH: "无", EN: "none"})
	}
	p.Recycle()
	p.Reset(context.Background(), f, f, cfg, beian.Date{})
	p.Skip(rules.CodeDomainNotVerified, rules.Text{ZH: "无", EN: "none"})
	if c := cap(p.Skipped()); c > 64 {
		t.Errorf("a recycled pass kept room for %d skipped checks", c)
	}
}

// TestPassRejectionsRoomBySize: a recycled pass makes room in proportion
// to the filing's websites and apps, so that a large filing's rejections
// take one allocation (made to fail by dropping the proportion), and no
// more than 64 a unit.
func TestPassRejectionsRoomBySize(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	sized := func(sites, apps int) *beian.Filing {
		return &beian.Filing{Province: "广东", Websites: make([]beian.Website, sites), Apps: make([]beian.App, apps)}
	}
	small, large := sized(9, 0), sized(60, 39) // 10 and 100 units
	p := rules.NewPass(context.Background(), small, small, cfg, beian.Date{})
	for _, tc := range []struct {
		f            *beian.Filing
		record, room int
	}{{small, 110, 16}, {large, 1100, 1101}, {small, 11, 111}, {large, 5, 111}, {small, 1000, 2}, {large, 10, 6400}} {
		p.Reset(context.Background(), tc.f, tc.f, cfg, beian.Date{})
		for i := range tc.record {
			p.Report(beian.Path("websites").Index(i), rules.CodeFieldRequired)
		}
		if tc.record <= tc.room && cap(p.Rejections()) != tc.room {
			t.Errorf("%d rejections of %d websites: room for %d, want %d", tc.record, len(tc.f.Websites), cap(p.Rejections()), tc.room)
		}
		p.Recycle()
	}
}

// TestPassKeepsArgs: the arguments of Report, ReportAt, ReportFact and
// Reject are the ones given (nil as nil, empty as empty), copied: changing
// the caller's array afterwards, or appending to one rejection's
// arguments, changes no rejection (made to fail by uncapped copies); and
// reporting with arguments allocates no array per call.
func TestPassKeepsArgs(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东", Websites: make([]beian.Website, 3)}
	p := rules.NewPass(context.Background(), f, f, cfg, beian.Date{})
	var want [][]rules.Arg
	for i := range 200 {
		args := make([]rules.Arg, i%4)
		for k := range args {
			args[k] = rules.Str(fmt.Sprint("a", k), fmt.Sprint(i))
		}
		if i%4 == 0 && i%8 == 0 {
			args = nil
		}
		path := beian.Path("websites").Index(i)
		switch i % 3 {
		case 0:
			p.Report(path, rules.CodeFieldRequired, args...)
		case 1:
			p.ReportAt(path, rules.CodeFieldRequired, rules.Warning, args...)
		default:
			p.Add(p.Reject(path, rules.CodeFieldRequired, args...))
		}
		want = append(want, slices.Clone(args))
		for k := range args {
			args[k] = rules.Str("changed", "changed")
		}
	}
	rs := p.Rejections()
	for i := range rs {
		_ = append(rs[i].Args, rules.Str("appended", "x")) // writes past the end if uncapped
	}
	for i, r := range rs {
		if !reflect.DeepEqual(r.Args, want[i]) {
			t.Fatalf("rejection %d: args %v, want %v", i, r.Args, want[i])
		}
	}
	p.Recycle()
	p.Reset(context.Background(), f, f, cfg, beian.Date{})
	p.Report("x", rules.CodeFieldRequired) // the rejections' room
	if n := testing.AllocsPerRun(50, func() {
		p.Report("websites[0].name", rules.CodeFieldRequired, rules.Str("a", "1"), rules.Str("b", "2"))
	}); n > 0.2 {
		t.Errorf("Report with arguments: %.2f allocations a call", n)
	}
}

// TestPassRejectionsDouble: a report that outgrows its room doubles it,
// so that it allocates about twice its size in all (append grows a large
// slice by a quarter: five times); a new pass makes room for one
// rejection a unit of a large filing. Made to fail by growing with
// append.
func TestPassRejectionsDouble(t *testing.T) {
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	for _, tc := range []struct{ sites, first int }{{0, 16}, {999, 1000}} {
		f := &beian.Filing{Province: "广东", Websites: make([]beian.Website, tc.sites)}
		p := rules.NewPass(context.Background(), f, f, cfg, beian.Date{})
		want := tc.first
		for i := range 20 * tc.first {
			p.Report(beian.Path("websites").Index(i), rules.CodeFieldRequired)
			if i == want {
				want *= 2
			}
			if c := cap(p.Rejections()); c != want {
				t.Fatalf("%d websites, %d rejections: room for %d, want %d", tc.sites, i+1, c, want)
			}
		}
	}
}
