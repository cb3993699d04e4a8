package probe_test

import (
	"context"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/probe"
)

// filing returns a filing of the given type for the site example.com.
func filing(ft beian.FilingType, number string) *beian.Filing {
	return &beian.Filing{
		FilingType: ft, Province: "44", SubmittedAt: beian.NewDate(2026, 11, 20), ICPNumber: number,
		Subject:  beian.Subject{Nature: beian.NatureEnterprise, Name: "深圳市示例科技有限公司"},
		Websites: []beian.Website{{Name: "示例科技官网", Domains: []string{"example.com"}, PrincipalSameAsSubject: true}},
	}
}

func codes(rep *validate.Report) map[rules.Code]beian.Path {
	m := map[rules.Code]beian.Path{}
	for _, r := range rep.Rejections {
		m[r.Code] = r.Field
	}
	return m
}

// TestValidateOnLoopback runs the whole validator with the default prober
// against httptest servers: the Prober codes end to end.
func TestValidateOnLoopback(t *testing.T) {
	site := newEnv(t, local, page(footerPage), nil).prober
	v := validate.New(validate.WithRules(rules.Site), validate.WithProber(site))

	got := codes(v.Validate(context.Background(), filing(beian.FilingNew, "")))
	if got[rules.CodeSiteOnlineBeforeApproval] != "websites[0].domains[0]" {
		t.Errorf("new filing, site online: %v", got)
	}
	if got := codes(v.Validate(context.Background(), filing(beian.FilingAddAccess, "粤ICP备2023012345号"))); len(got) != 0 {
		t.Errorf("filed site with its footer and title: %v", got)
	}
	got = codes(v.Validate(context.Background(), filing(beian.FilingAddAccess, "粤ICP备2023099999号")))
	if got[rules.CodeSiteFooterMissing] != "websites[0].domains[0]" {
		t.Errorf("filed site showing another number: %v", got)
	}

	bare := newEnv(t, local, page("<title>首页</title><p>粤ICP备2023012345号</p>"), nil).prober
	v = validate.New(validate.WithRules(rules.Site), validate.WithProber(bare))
	got = codes(v.Validate(context.Background(), filing(beian.FilingChange, "粤ICP备2023012345号")))
	if got[rules.CodeSiteFooterMissing] == "" || got[rules.CodeSiteTitleMismatch] != "websites[0].name" {
		t.Errorf("number not linked, title without the name: %v", got)
	}

	closed := newEnv(t, fakeResolver{}, nil, nil).prober
	v = validate.New(validate.WithRules(rules.Site), validate.WithProber(closed))
	if got := codes(v.Validate(context.Background(), filing(beian.FilingNew, ""))); len(got) != 0 {
		t.Errorf("new filing, DNS paused: %v", got)
	}
	if got := codes(v.Validate(context.Background(), filing(beian.FilingAddAccess, "粤ICP备2023012345号"))); got[rules.CodeSiteFooterMissing] == "" {
		t.Errorf("add_access, site closed: %v", got)
	}

	// A lookup failure is a CHECK_UNAVAILABLE warning, not a lost report.
	failing := newEnv(t, fakeResolver{}, nil, nil).prober
	f := filing(beian.FilingNew, "")
	f.Websites[0].Domains = []string{"timeout.example.com"}
	rep := validate.New(validate.WithRules(rules.Site), validate.WithProber(failing)).Validate(context.Background(), f)
	if got := codes(rep); len(got) != 1 || !rep.OK() {
		t.Errorf("lookup failure: %v", got)
	} else if _, ok := got[rules.CodeCheckUnavailable]; !ok {
		t.Errorf("lookup failure: %v", got)
	}
}

// TestDefaultProberOption: WithProber(probe.New()) configures a prober (the
// Site rule is no longer skipped) without touching the network until a
// filing asks for it.
func TestDefaultProberOption(t *testing.T) {
	v := validate.New(validate.WithRules(rules.Site), validate.WithProber(probe.New()))
	f := filing(beian.FilingAddSite, "粤ICP备2023012345号") // add_site: nothing is probed
	rep := v.Validate(context.Background(), f)
	if len(rep.Skipped) != 0 || len(rep.Rejections) != 0 {
		t.Errorf("skipped %v, rejections %v", rep.Skipped, rep.Rejections)
	}
}
