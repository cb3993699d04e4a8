package rules_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// fakeProber answers from a map and counts the calls per domain.
type fakeProber struct {
	mu      sync.Mutex
	results map[string]beian.ProbeResult
	errs    map[string]error
	calls   map[string]int
}

func (p *fakeProber) Probe(ctx context.Context, domain string) (beian.ProbeResult, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.calls == nil {
		p.calls = map[string]int{}
	}
	p.calls[domain]++
	if _, ok := ctx.Deadline(); !ok {
		return beian.ProbeResult{}, errors.New("probe without a deadline")
	}
	if err := p.errs[domain]; err != nil {
		return beian.ProbeResult{}, err
	}
	return p.results[domain], nil
}

// runSite runs the site rule with prober and returns the rejections, the
// skipped checks and the rule's error.
func runSite(t *testing.T, f *beian.Filing, p beian.Prober) ([]rules.Rejection, []rules.Skip, error) {
	t.Helper()
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Prober: p}
	pass := rules.NewPass(context.Background(), f, f, cfg, f.SubmittedAt)
	pass.Rule = rules.Site
	err := rules.Site.Run(pass)
	for _, r := range pass.Rejections() {
		require.Contains(t, rules.Site.Codes, r.Code)
		for _, tag := range []language.Tag{language.Chinese, language.English} {
			for _, s := range []string{r.Message(tag), r.Remedy(tag)} {
				require.False(t, placeholder.MatchString(s), "%s: unfilled placeholder in %q", r.Code, s)
			}
		}
	}
	return pass.Rejections(), pass.Skipped(), err
}

var (
	online  = beian.ProbeResult{Resolves: true, Reachable: true, StatusCode: 200, Title: "示例科技官网"}
	offline = beian.ProbeResult{}
)

func filedSite(page beian.ProbeResult) beian.ProbeResult {
	page.Resolves, page.Reachable, page.StatusCode = true, true, 200
	return page
}

func TestSiteNewFiling(t *testing.T) {
	at := []found{{"websites[0].domains[0]", rules.CodeSiteOnlineBeforeApproval}}
	for name, tt := range map[string]struct {
		res  beian.ProbeResult
		want []found
	}{
		"online":                 {online, at},
		"redirects elsewhere":    {beian.ProbeResult{Resolves: true, Reachable: true, StatusCode: 302}, at},
		"offline":                {offline, nil},
		"resolves, not answered": {beian.ProbeResult{Resolves: true}, nil},
		"answers 404":            {beian.ProbeResult{Resolves: true, StatusCode: 404}, nil},
	} {
		p := &fakeProber{results: map[string]beian.ProbeResult{"shilikeji.cn": tt.res}}
		rs, _, err := runSite(t, cleanFiling(), p)
		require.NoError(t, err, name)
		if tt.want == nil {
			assert.Empty(t, rs, name)
		} else {
			assert.Equal(t, tt.want, foundIn(rs), name)
		}
		assert.Equal(t, 1, p.calls["shilikeji.cn"], name)
	}
}

// TestSiteProbesOnce: the same domain in several websites, as typed in
// several ways, is probed once; every distinct domain is probed.
func TestSiteProbesOnce(t *testing.T) {
	f := cleanFiling()
	f.Websites = nil
	p := &fakeProber{results: map[string]beian.ProbeResult{}}
	for i := range 10 {
		d := fmt.Sprintf("site%d.cn", i)
		p.results[d] = online
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技官网", Domains: []string{d, "https://" + d + "/", d + "."}})
	}
	f.Websites = append(f.Websites, beian.Website{Name: "示例", Domains: []string{"", "not a domain", "x"}})
	rs, _, err := runSite(t, f, p)
	require.NoError(t, err)
	assert.Len(t, rs, 10)
	assert.Len(t, p.calls, 10)
	for d, n := range p.calls {
		assert.Equal(t, 1, n, d)
	}
}

func TestSiteProbeFailure(t *testing.T) {
	f := cleanFiling()
	f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilishop.cn"}})
	p := &fakeProber{
		results: map[string]beian.ProbeResult{"shilishop.cn": online},
		errs:    map[string]error{"shilikeji.cn": errors.New("lookup timed out")},
	}
	rs, _, err := runSite(t, f, p)
	require.Error(t, err, "a failed probe is the rule's error (CHECK_UNAVAILABLE)")
	assert.Contains(t, err.Error(), "shilikeji.cn")
	assert.Equal(t, []found{{"websites[1].domains[0]", rules.CodeSiteOnlineBeforeApproval}}, foundIn(rs), "the other domain is still checked")
}

func TestSiteOtherFilingTypes(t *testing.T) {
	for _, ft := range []beian.FilingType{beian.FilingAddSite, ""} {
		f := cleanFiling()
		f.FilingType = ft
		f.ICPNumber = "粤ICP备2023012345号"
		p := &fakeProber{results: map[string]beian.ProbeResult{"shilikeji.cn": online}}
		rs, _, err := runSite(t, f, p)
		require.NoError(t, err)
		assert.Empty(t, rs, ft)
		assert.Empty(t, p.calls, "%q: nothing to probe", ft)
	}
	// add_access without a number: the site must still answer and carry
	// its name; the footer cannot be compared and is listed as skipped.
	f := cleanFiling()
	f.FilingType = beian.FilingAddAccess
	p := &fakeProber{results: map[string]beian.ProbeResult{"shilikeji.cn": online}}
	rs, skipped, err := runSite(t, f, p)
	require.NoError(t, err)
	assert.Empty(t, rs)
	if assert.Len(t, skipped, 1) {
		assert.Equal(t, rules.CodeSiteFooterMissing, skipped[0].Code)
	}
	p = &fakeProber{results: map[string]beian.ProbeResult{"shilikeji.cn": offline}}
	rs, _, err = runSite(t, f, p)
	require.NoError(t, err)
	assert.Equal(t, []found{{"websites[0].domains[0]", rules.CodeSiteFooterMissing}}, foundIn(rs))
}

func TestSiteFiled(t *testing.T) {
	footer := func(links ...string) beian.ProbeResult {
		return filedSite(beian.ProbeResult{Title: "示例科技官网 - 首页", MIITLinks: links})
	}
	missing := []found{{"websites[0].domains[0]", rules.CodeSiteFooterMissing}}
	title := []found{{"websites[0].name", rules.CodeSiteTitleMismatch}}
	for name, tt := range map[string]struct {
		number string
		res    beian.ProbeResult
		want   []found
	}{
		"subject number linked":      {"粤ICP备2023012345号", footer("粤ICP备2023012345号"), nil},
		"site number linked":         {"粤ICP备2023012345号", footer("粤ICP备2023012345号-1"), nil},
		"given as a site number":     {"粤ICP备2023012345号-1", footer("粤ICP备2023012345号-2"), nil},
		"full-width in the footer":   {"粤ICP备2023012345号", footer("粤ICP备２０２３０１２３４５号－１"), nil},
		"川 and 蜀 are the same":       {"川ICP备10200063号", footer("蜀ICP备10200063号-1"), nil},
		"among other links":          {"粤ICP备2023012345号", footer("工信部", "粤ICP备2023012345号"), nil},
		"unreachable":                {"粤ICP备2023012345号", beian.ProbeResult{Resolves: true}, missing},
		"does not resolve":           {"粤ICP备2023012345号", offline, missing},
		"server error":               {"粤ICP备2023012345号", beian.ProbeResult{Resolves: true, StatusCode: 502}, missing},
		"no link":                    {"粤ICP备2023012345号", footer(), missing},
		"another number":             {"粤ICP备2023012345号", footer("粤ICP备2023099999号-1"), missing},
		"shown but not linked":       {"粤ICP备2023012345号", filedSite(beian.ProbeResult{Title: "示例科技官网", Body: []byte("<p>粤ICP备2023012345号-1</p>")}), missing},
		"linked to the wrong number": {"粤ICP备2023012345号", filedSite(beian.ProbeResult{Title: "示例科技官网", MIITLinks: []string{"京ICP备2023012345号"}}), missing},
		"title lacks the name":       {"粤ICP备2023012345号", filedSite(beian.ProbeResult{Title: "首页", MIITLinks: []string{"粤ICP备2023012345号"}}), title},
		"no title":                   {"粤ICP备2023012345号", filedSite(beian.ProbeResult{MIITLinks: []string{"粤ICP备2023012345号"}}), title},
		"title in traditional and full width": {"粤ICP备2023012345号",
			filedSite(beian.ProbeResult{Title: "ＳＨＩＬＩ 示例科技官網", MIITLinks: []string{"粤ICP备2023012345号"}}), nil},
		"neither": {"粤ICP备2023012345号", filedSite(beian.ProbeResult{Title: "首页"}), append(append([]found{}, missing...), title...)},
	} {
		for _, ft := range []beian.FilingType{beian.FilingAddAccess, beian.FilingChange} {
			f := cleanFiling()
			f.FilingType = ft
			f.ICPNumber = tt.number
			p := &fakeProber{results: map[string]beian.ProbeResult{"shilikeji.cn": tt.res}}
			rs, skipped, err := runSite(t, f, p)
			require.NoError(t, err, name)
			if tt.want == nil {
				assert.Empty(t, rs, "%s (%s)", name, ft)
			} else {
				assert.Equal(t, tt.want, foundIn(rs), "%s (%s)", name, ft)
			}
			assert.Empty(t, skipped, name)
		}
	}
}

// TestSiteFiledInvalidNumber: with a malformed number the footer cannot
// be compared and is listed as skipped; the title is still checked.
func TestSiteFiledInvalidNumber(t *testing.T) {
	f := cleanFiling()
	f.FilingType = beian.FilingAddAccess
	f.ICPNumber = "粤A2-20090059"
	p := &fakeProber{results: map[string]beian.ProbeResult{"shilikeji.cn": filedSite(beian.ProbeResult{Title: "首页"})}}
	rs, skipped, err := runSite(t, f, p)
	require.NoError(t, err)
	assert.Equal(t, []found{{"websites[0].name", rules.CodeSiteTitleMismatch}}, foundIn(rs))
	require.Len(t, skipped, 1)
	assert.Equal(t, rules.CodeSiteFooterMissing, skipped[0].Code)
}

// TestSiteProberPanics: a panicking prober is a failed probe, not a lost
// validation.
func TestSiteProberPanics(t *testing.T) {
	rs, _, err := runSite(t, cleanFiling(), panicProber{})
	require.Error(t, err)
	assert.Empty(t, rs)
}

type panicProber struct{}

func (panicProber) Probe(context.Context, string) (beian.ProbeResult, error) { panic("boom") }

// TestSiteProbeLimit: at most 20 domains are probed; the rest are listed
// as skipped.
func TestSiteProbeLimit(t *testing.T) {
	f := cleanFiling()
	f.Websites = nil
	p := &fakeProber{results: map[string]beian.ProbeResult{}}
	for i := range 30 {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技官网", Domains: []string{fmt.Sprintf("site%d.cn", i)}})
	}
	rs, skipped, err := runSite(t, f, p)
	require.NoError(t, err)
	assert.Empty(t, rs)
	assert.Len(t, p.calls, 20)
	assert.Len(t, skipped, len(rules.Site.Codes))
}
