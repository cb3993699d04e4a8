package rules_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/validatetest"
)

// records: the clean filing's subject is filed with one domain; another
// subject holds other.cn; a subject of the same name as "深圳市旧证科技有限公司"
// is filed under an old organisation code; one certificate has an order
// in progress.
func records() *validatetest.Registry {
	return validatetest.NewRegistry(validatetest.Records{Subjects: []validatetest.SubjectRecord{
		{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q", ICPNumber: "粤ICP备2023012345号",
			Domains: []validatetest.DomainRecord{{Domain: "shilikeji.cn", ICPNumber: "粤ICP备2023012345号-1", Hosted: true}}},
		{Name: "深圳市别家网络有限公司", CertType: beian.CertUSCC, CertNumber: "914403007261824992", ICPNumber: "粤ICP备2019054321号",
			Domains: []validatetest.DomainRecord{{Domain: "biejia.cn", ICPNumber: "粤ICP备2019054321号-2"}}},
		{Name: "深圳市旧证科技有限公司", CertType: beian.CertOrgCode, CertNumber: "72618249-2", ICPNumber: "粤ICP备2015011111号"},
		{Name: "成都市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91510100MA6C00001A", ICPNumber: "蜀ICP备2020000001号",
			Domains: []validatetest.DomainRecord{{Domain: "chengdu-shili.cn", ICPNumber: "川ICP备 2020000001 号-1"}}},
		{Name: "深圳市排队科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5G00000X", OrderInProgress: true},
	}})
}

// runRegistry runs the registry rule with reg and returns the
// rejections and skips.
func runRegistry(t *testing.T, f *beian.Filing, reg beian.Registry, timeout time.Duration) ([]rules.Rejection, []rules.Skip) {
	t.Helper()
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Registry: reg, Timeout: timeout}
	pass := rules.NewPass(context.Background(), f, rules.CleanText(f), cfg, f.SubmittedAt)
	pass.Rule = rules.Registry
	require.NoError(t, rules.Registry.Run(pass))
	return pass.Rejections(), pass.Skipped()
}

// described returns "field CODE want" per rejection (want: the expected
// filing type, or the check of a CHECK_UNAVAILABLE).
func described(rs []rules.Rejection) []string {
	var out []string
	for _, r := range rs {
		extra := argEN(r, "want")
		if r.Code == rules.CodeCheckUnavailable {
			extra = argEN(r, "check")
		}
		out = append(out, fmt.Sprintf("%s %s %s", r.Field, r.Code, extra))
	}
	return out
}

func TestRegistryChecks(t *testing.T) {
	tests := []struct {
		name   string
		typ    beian.FilingType
		modify func(*beian.Filing)
		want   []string
	}{
		{"new, nothing on record", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市新来科技有限公司", "91440300MA5H11111Y")
			setDomain(f, "xinlai.cn")
		}, nil},
		{"new, subject already filed", beian.FilingNew, nil, []string{"filing_type FILING_TYPE_WRONG add_site"}},
		{"new, domain filed by another subject", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市新来科技有限公司", "91440300MA5H11111Y")
			setDomain(f, "biejia.cn")
		},
			[]string{"filing_type FILING_TYPE_WRONG add_access"}},
		{"add_site, subject filed, new domain", beian.FilingAddSite, func(f *beian.Filing) { setDomain(f, "xinwangzhan.cn") }, nil},
		{"add_site, subject not filed", beian.FilingAddSite, func(f *beian.Filing) {
			setSubject(f, "深圳市新来科技有限公司", "91440300MA5H11111Y")
			setDomain(f, "xinlai.cn")
		},
			[]string{"filing_type FILING_TYPE_WRONG new"}},
		{"add_site, domain already filed", beian.FilingAddSite, nil, []string{"filing_type FILING_TYPE_WRONG add_access"}},
		{"add_access, domain of the subject", beian.FilingAddAccess, nil, nil},
		{"add_access, domain with a final dot and capitals", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "ShiLiKeJi.CN.") }, nil},
		{"add_access, domain filed nowhere, subject filed", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "xinwangzhan.cn") },
			[]string{"filing_type FILING_TYPE_WRONG add_site"}},
		{"add_access, domain filed nowhere, subject not filed", beian.FilingAddAccess, func(f *beian.Filing) {
			setSubject(f, "深圳市新来科技有限公司", "91440300MA5H11111Y")
			setDomain(f, "xinlai.cn")
		},
			[]string{"filing_type FILING_TYPE_WRONG new"}},
		{"add_access, domain of the subject written with 川 for 蜀", beian.FilingAddAccess, func(f *beian.Filing) {
			setSubject(f, "成都市示例科技有限公司", "91510100MA6C00001A")
			setDomain(f, "chengdu-shili.cn")
		}, nil},
		{"add_access, domain of another subject", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "biejia.cn") },
			[]string{"filing_type FILING_TYPE_WRONG change"}},
		{"change, filed", beian.FilingChange, nil, nil},
		{"change, not filed", beian.FilingChange, func(f *beian.Filing) { setSubject(f, "深圳市新来科技有限公司", "91440300MA5H11111Y") },
			[]string{"filing_type FILING_TYPE_WRONG new"}},
		{"same name under another certificate", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
			setDomain(f, "jiuzheng.cn")
		},
			[]string{"subject.cert_number MIIT_RECORD_EXISTS "}},
		{"order in progress", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市排队科技有限公司", "91440300MA5G00000X")
			setDomain(f, "paidui.cn")
		},
			[]string{"subject.cert_number ORDER_IN_PROGRESS "}},
		{"no certificate number: FIELD_REQUIRED says it", beian.FilingNew, func(f *beian.Filing) { f.Subject.CertNumber = " " }, nil},
	}
	reg := records()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			f.FilingType = tt.typ
			if tt.modify != nil {
				tt.modify(f)
			}
			rs, skipped := runRegistry(t, f, reg, 0)
			assert.Equal(t, tt.want, described(rs))
			assert.Empty(t, skipped)
		})
	}
}

func setSubject(f *beian.Filing, name, cert string) {
	f.Subject.Name, f.Subject.CertNumber = name, cert
}

func setDomain(f *beian.Filing, d string) { f.Websites[0].Domains = []string{d} }

func TestRegistryMIITRecordNamesTheCertificate(t *testing.T) {
	f := cleanFiling()
	setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
	setDomain(f, "jiuzheng.cn")
	rs, _ := runRegistry(t, f, records(), 0)
	require.Len(t, rs, 1)
	assert.Contains(t, argEN(rs[0], "other"), "72618249-2")
}

// fakeRegistry answers with functions, for failures.
type fakeRegistry struct {
	subject func(ctx context.Context) (beian.SubjectStatus, error)
	domain  func(ctx context.Context, d string) (beian.DomainStatus, error)
}

func (r *fakeRegistry) MobileHolders(context.Context, string) ([]beian.SubjectID, error) {
	return nil, errors.ErrUnsupported
}
func (r *fakeRegistry) Subject(ctx context.Context, _ beian.SubjectID) (beian.SubjectStatus, error) {
	return r.subject(ctx)
}
func (r *fakeRegistry) Domain(ctx context.Context, d string) (beian.DomainStatus, error) {
	return r.domain(ctx, d)
}

func TestRegistryFailures(t *testing.T) {
	filedDomain := func(ctx context.Context, d string) (beian.DomainStatus, error) {
		return beian.DomainStatus{ICPNumber: "粤ICP备2019054321号-2"}, nil
	}
	broken := func(ctx context.Context) (beian.SubjectStatus, error) {
		return beian.SubjectStatus{}, errors.New("connection refused")
	}
	slow := func(ctx context.Context) (beian.SubjectStatus, error) {
		<-ctx.Done()
		return beian.SubjectStatus{}, ctx.Err()
	}
	release := make(chan struct{})
	defer close(release)
	deaf := func(ctx context.Context) (beian.SubjectStatus, error) {
		<-release
		return beian.SubjectStatus{ICPNumber: "x"}, nil
	}
	panicky := func(ctx context.Context) (beian.SubjectStatus, error) { panic("boom") }

	for name, subject := range map[string]func(context.Context) (beian.SubjectStatus, error){
		"failing": broken, "slow": slow, "ignoring its context": deaf, "panicking": panicky,
	} {
		t.Run(name, func(t *testing.T) {
			f := cleanFiling()
			// the subject check is unavailable; the domain check still runs
			rs, _ := runRegistry(t, f, &fakeRegistry{subject: subject, domain: filedDomain}, 30*time.Millisecond)
			assert.Equal(t, []string{" CHECK_UNAVAILABLE registry.subject", "filing_type FILING_TYPE_WRONG add_access"}, described(rs))
		})
	}

	// a domain call failing for one of two websites
	f := cleanFiling()
	f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilishop.cn"}, PrincipalSameAsSubject: true})
	f.FilingType = beian.FilingAddAccess
	reg := &fakeRegistry{
		subject: func(context.Context) (beian.SubjectStatus, error) {
			return beian.SubjectStatus{ICPNumber: "粤ICP备2023012345号"}, nil
		},
		domain: func(ctx context.Context, d string) (beian.DomainStatus, error) {
			if d == "shilikeji.cn" {
				return beian.DomainStatus{}, errors.New("timeout")
			}
			return beian.DomainStatus{}, nil // shilishop.cn filed nowhere
		},
	}
	rs, _ := runRegistry(t, f, reg, 0)
	assert.Equal(t, []string{" CHECK_UNAVAILABLE registry.domain shilikeji.cn", "filing_type FILING_TYPE_WRONG add_site"}, described(rs))

	// a registry that does not answer subjects: those checks are skipped
	unsupported := &fakeRegistry{
		subject: func(context.Context) (beian.SubjectStatus, error) {
			return beian.SubjectStatus{}, fmt.Errorf("subjects: %w", errors.ErrUnsupported)
		},
		domain: func(context.Context, string) (beian.DomainStatus, error) { return beian.DomainStatus{}, nil },
	}
	rs, skipped := runRegistry(t, cleanFiling(), unsupported, 0)
	assert.Empty(t, rs)
	var codes []rules.Code
	for _, s := range skipped {
		codes = append(codes, s.Code)
	}
	assert.ElementsMatch(t, []rules.Code{rules.CodeFilingTypeWrong, rules.CodeMIITRecordExists, rules.CodeOrderInProgress}, codes)
}

// TestRegistryConcurrencyBounded: the calls of one validation overlap, at
// most four at a time, and a cancelled validation ends them.
func TestRegistryConcurrencyBounded(t *testing.T) {
	var inFlight, most atomic.Int32
	var mu sync.Mutex
	asked := map[string]bool{}
	reg := &fakeRegistry{
		subject: func(ctx context.Context) (beian.SubjectStatus, error) {
			return beian.SubjectStatus{ICPNumber: "粤ICP备2023012345号"}, nil
		},
		domain: func(ctx context.Context, d string) (beian.DomainStatus, error) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			mu.Lock()
			asked[d] = true
			mu.Unlock()
			select {
			case <-time.After(5 * time.Millisecond):
			case <-ctx.Done():
				return beian.DomainStatus{}, ctx.Err()
			}
			return beian.DomainStatus{ICPNumber: "粤ICP备2023012345号-1"}, nil
		},
	}
	f := cleanFiling()
	f.FilingType = beian.FilingAddAccess
	f.Websites = nil
	for i := range 12 {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技站点", Domains: []string{fmt.Sprintf("site%d.cn", i)}, PrincipalSameAsSubject: true})
	}
	rs, _ := runRegistry(t, f, reg, 0)
	assert.Empty(t, rs)
	assert.Len(t, asked, 12)
	assert.LessOrEqual(t, most.Load(), int32(4))

	// a validation whose context is already cancelled asks nothing and says so
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Registry: reg}
	pass := rules.NewPass(ctx, f, rules.CleanText(f), cfg, f.SubmittedAt)
	pass.Rule = rules.Registry
	require.NoError(t, rules.Registry.Run(pass))
	for _, r := range pass.Rejections() {
		assert.Equal(t, rules.CodeCheckUnavailable, r.Code)
	}
	assert.NotEmpty(t, pass.Rejections())
}

// TestRegistryDomainsBounded: a filing with more website domains than the
// rule looks up asks the Registry about the first ones only and lists the
// rest as skipped.
func TestRegistryDomainsBounded(t *testing.T) {
	var asked atomic.Int32
	reg := &fakeRegistry{
		subject: func(ctx context.Context) (beian.SubjectStatus, error) {
			return beian.SubjectStatus{ICPNumber: "粤ICP备2023012345号"}, nil
		},
		domain: func(ctx context.Context, d string) (beian.DomainStatus, error) {
			asked.Add(1)
			return beian.DomainStatus{ICPNumber: "粤ICP备2023012345号-1"}, nil
		},
	}
	f := cleanFiling()
	f.FilingType = beian.FilingAddAccess
	f.Websites = nil
	for i := range 150 {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技站点", Domains: []string{fmt.Sprintf("site%d.cn", i)}, PrincipalSameAsSubject: true})
	}
	rs, skipped := runRegistry(t, f, reg, 0)
	assert.Empty(t, rs)
	assert.Equal(t, int32(100), asked.Load())
	require.Len(t, skipped, 1)
	assert.Equal(t, rules.CodeFilingTypeWrong, skipped[0].Code)
}
