package rules_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// records: the clean filing's subject is filed with two domains, one it
// hosts (shilikeji.cn) and one hosted elsewhere (shilikeji.net); another
// subject holds other.cn; a subject of the same name as "深圳市旧证科技有限公司"
// is filed under an old organisation code, with one domain; one
// certificate has an order in progress.
func records() *validatetest.Registry {
	return validatetest.NewRegistry(validatetest.Records{Subjects: []validatetest.SubjectRecord{
		{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q", ICPNumber: "粤ICP备2023012345号",
			Domains: []validatetest.DomainRecord{{Domain: "shilikeji.cn", ICPNumber: "粤ICP备2023012345号-1", Hosted: true}, {Domain: "shilikeji.net", ICPNumber: "粤ICP备2023012345号-2"}}},
		{Name: "深圳市别家网络有限公司", CertType: beian.CertUSCC, CertNumber: "914403007261824992", ICPNumber: "粤ICP备2019054321号",
			Domains: []validatetest.DomainRecord{{Domain: "biejia.cn", ICPNumber: "粤ICP备2019054321号-2"}}},
		{Name: "深圳市旧证科技有限公司", CertType: beian.CertOrgCode, CertNumber: "72618249-2", ICPNumber: "粤ICP备2015011111号",
			Domains: []validatetest.DomainRecord{{Domain: "jiuzheng.cn", ICPNumber: "粤ICP备2015011111号-1"}}},
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
	newSubject := func(f *beian.Filing) { setSubject(f, "深圳市新来科技有限公司", "91440300MA5H11111Y") }
	tests := []struct {
		name   string
		typ    beian.FilingType
		modify func(*beian.Filing)
		want   []string
	}{
		{"new, nothing on record", beian.FilingNew, func(f *beian.Filing) { newSubject(f); setDomain(f, "xinlai.cn") }, nil},
		{"new, subject filed, new domain", beian.FilingNew, func(f *beian.Filing) { setDomain(f, "xinwangzhan.cn") }, []string{"filing_type FILING_TYPE_WRONG add_site"}},
		{"new, subject filed, its domain hosted elsewhere", beian.FilingNew, func(f *beian.Filing) { setDomain(f, "shilikeji.net") }, []string{"filing_type FILING_TYPE_WRONG add_access"}},
		{"new, subject filed, its site hosted here", beian.FilingNew, nil, []string{"filing_type FILING_TYPE_WRONG change"}},
		{"new, domain filed by another subject", beian.FilingNew, func(f *beian.Filing) { newSubject(f); setDomain(f, "biejia.cn") },
			[]string{"websites[0].domains[0] DOMAIN_FILED_BY_OTHER_SUBJECT "}},
		{"add_site, subject filed, new domain", beian.FilingAddSite, func(f *beian.Filing) { setDomain(f, "xinwangzhan.cn") }, nil},
		{"add_site, subject not filed", beian.FilingAddSite, func(f *beian.Filing) { newSubject(f); setDomain(f, "xinlai.cn") },
			[]string{"filing_type FILING_TYPE_WRONG new"}},
		{"add_site, domain filed under the subject, hosted elsewhere", beian.FilingAddSite, func(f *beian.Filing) { setDomain(f, "shilikeji.net") },
			[]string{"filing_type FILING_TYPE_WRONG add_access"}},
		{"add_site, domain filed and hosted here", beian.FilingAddSite, nil, []string{"filing_type FILING_TYPE_WRONG change"}},
		{"add_access, domain of the subject hosted elsewhere", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "shilikeji.net") }, nil},
		{"add_access, domain with a final dot and capitals", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "ShiLiKeJi.NET.") }, nil},
		{"add_access, the site already hosted here", beian.FilingAddAccess, nil, []string{"filing_type FILING_TYPE_WRONG change"}},
		{"add_access, domain filed nowhere, subject filed", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "xinwangzhan.cn") },
			[]string{"filing_type FILING_TYPE_WRONG add_site"}},
		{"add_access, domain filed nowhere, subject not filed", beian.FilingAddAccess, func(f *beian.Filing) { newSubject(f); setDomain(f, "xinlai.cn") },
			[]string{"filing_type FILING_TYPE_WRONG new"}},
		{"add_access, domain of the subject written with 川 for 蜀", beian.FilingAddAccess, func(f *beian.Filing) {
			setSubject(f, "成都市示例科技有限公司", "91510100MA6C00001A")
			setDomain(f, "chengdu-shili.cn")
		}, nil},
		{"add_access, domain of another subject", beian.FilingAddAccess, func(f *beian.Filing) { setDomain(f, "biejia.cn") },
			[]string{"websites[0].domains[0] DOMAIN_FILED_BY_OTHER_SUBJECT "}},
		{"change, filed", beian.FilingChange, nil, nil},
		{"change, filed, no website", beian.FilingChange, func(f *beian.Filing) { f.Websites = nil }, nil},
		{"change, filed, domain filed nowhere: a new site", beian.FilingChange, func(f *beian.Filing) { setDomain(f, "xinwangzhan.cn") },
			[]string{"filing_type FILING_TYPE_WRONG add_site"}},
		{"change, filed, its domain hosted elsewhere: an access first", beian.FilingChange, func(f *beian.Filing) { setDomain(f, "shilikeji.net") },
			[]string{"filing_type FILING_TYPE_WRONG add_access"}},
		{"change, filed, a site hosted here and a new one: a change", beian.FilingChange, func(f *beian.Filing) {
			f.Websites = append(f.Websites, f.Websites[0])
			f.Websites[1].Domains = []string{"xinwangzhan.cn"}
		}, nil},
		{"change, not filed", beian.FilingChange, func(f *beian.Filing) { newSubject(f); setDomain(f, "xinlai.cn") }, []string{"filing_type FILING_TYPE_WRONG new"}},
		{"same name under another certificate", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
			setDomain(f, "jiuzhengxin.cn")
		},
			[]string{"subject.cert_number MIIT_RECORD_EXISTS "}},
		{"same name under another certificate, typed with a space and full-width brackets", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市 旧证科技有限公司", "91440300MA5J22222W")
			setDomain(f, "jiuzhengxin.cn")
		},
			[]string{"subject.cert_number MIIT_RECORD_EXISTS "}},
		{"change of a unit's certificate: the change MIIT_RECORD_EXISTS asks for", beian.FilingChange, func(f *beian.Filing) {
			setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
			f.ICPNumber = "粤ICP备2015011111号"
			setDomain(f, "jiuzheng.cn")
		}, nil},
		{"change of a unit's certificate, its number not named: its domain is its own", beian.FilingChange, func(f *beian.Filing) {
			setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
			setDomain(f, "jiuzheng.cn")
		}, nil},
		{"new filing of a unit filed under its old certificate, with its domain", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
			setDomain(f, "jiuzheng.cn")
		},
			[]string{"subject.cert_number MIIT_RECORD_EXISTS "}},
		{"change of a unit's certificate, another subject's domain", beian.FilingChange, func(f *beian.Filing) {
			setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
			setDomain(f, "biejia.cn")
		},
			[]string{"websites[0].domains[0] DOMAIN_FILED_BY_OTHER_SUBJECT "}},
		{"order in progress", beian.FilingNew, func(f *beian.Filing) {
			setSubject(f, "深圳市排队科技有限公司", "91440300MA5G00000X")
			setDomain(f, "paidui.cn")
		},
			[]string{"subject.cert_number ORDER_IN_PROGRESS "}},
		{"App filing: add_access is not judged without website domains", beian.FilingAddAccess, func(f *beian.Filing) { f.Websites = nil }, nil},
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

// registryStates are the states of the records a filing of the clean
// filing's subject and one website meets: each a subject (filed, or
// unknown) and a domain (filed nowhere, under the subject and hosted here
// or elsewhere, under another subject).
var registryStates = []struct {
	name          string
	subject, cert string
	domain        string
	otherSubject  bool // the domain is filed under another subject
}{
	{"subject unknown, domain filed nowhere", "深圳市新来科技有限公司", "91440300MA5H11111Y", "xinlai.cn", false},
	{"subject unknown, domain under another subject", "深圳市新来科技有限公司", "91440300MA5H11111Y", "biejia.cn", true},
	{"subject filed, domain filed nowhere", "深圳市示例科技有限公司", "91440300MA5F12342Q", "xinwangzhan.cn", false},
	{"subject filed, its domain hosted here", "深圳市示例科技有限公司", "91440300MA5F12342Q", "shilikeji.cn", false},
	{"subject filed, its domain hosted elsewhere", "深圳市示例科技有限公司", "91440300MA5F12342Q", "shilikeji.net", false},
	{"subject filed, domain under another subject", "深圳市示例科技有限公司", "91440300MA5F12342Q", "biejia.cn", true},
	{"subject filed under another certificate, its domain", "深圳市旧证科技有限公司", "91440300MA5J22222W", "jiuzheng.cn", false},
	{"order in progress, domain filed nowhere", "深圳市排队科技有限公司", "91440300MA5G00000X", "paidui.cn", false},
}

// domainTypings are the ways a console user types a domain, each of which
// the Registry must be asked as the registrable domain.
var domainTypings = []func(string) string{
	func(d string) string { return d },
	func(d string) string { return "www." + d },
	func(d string) string { return "https://www." + d + "/about?id=1" },
	func(d string) string { return "http://" + strings.ToUpper(d) + ":8080" },
	func(d string) string { return strings.ReplaceAll(d, ".", "。") },
	func(d string) string { return d + "." },
	func(d string) string { return " " + d + " " },
}

// TestRegistryFilingTypeConverges (by class: every record state × every
// declared filing type × every way of typing the domain): the answer does
// not depend on how the domain was typed; where FILING_TYPE_WRONG names a
// type, declaring that type passes (the remedy leads somewhere); a domain
// under another subject gets DOMAIN_FILED_BY_OTHER_SUBJECT whatever the
// type, and no FILING_TYPE_WRONG sends the user round in a circle; every
// state has one type that passes, unless a domain is another subject's.
func TestRegistryFilingTypeConverges(t *testing.T) {
	reg := records()
	types := []beian.FilingType{beian.FilingNew, beian.FilingAddSite, beian.FilingAddAccess, beian.FilingChange}
	run := func(st int, typ beian.FilingType, typed string) []rules.Rejection {
		f := cleanFiling()
		setSubject(f, registryStates[st].subject, registryStates[st].cert)
		f.FilingType = typ
		setDomain(f, typed)
		rs, _ := runRegistry(t, f, reg, 0)
		var out []rules.Rejection
		for _, r := range rs {
			if r.Code == rules.CodeFilingTypeWrong || r.Code == rules.CodeDomainFiledByOtherSubject {
				out = append(out, r)
			}
		}
		return out
	}
	for st, state := range registryStates {
		passing := 0
		for _, typ := range types {
			want := described(run(st, typ, state.domain))
			for k, typing := range domainTypings[1:] {
				assert.Equal(t, want, described(run(st, typ, typing(state.domain))), "%s, %s, typing %d", state.name, typ, k+1)
			}
			rs := run(st, typ, state.domain)
			if len(rs) == 0 {
				passing++
				continue
			}
			if state.otherSubject {
				assert.Equal(t, []string{"websites[0].domains[0] DOMAIN_FILED_BY_OTHER_SUBJECT "}, described(rs), "%s, %s", state.name, typ)
				continue
			}
			require.Len(t, rs, 1, "%s, %s", state.name, typ)
			require.Equal(t, rules.CodeFilingTypeWrong, rs[0].Code)
			expected := beian.FilingType(argEN(rs[0], "want"))
			assert.NotEqual(t, typ, expected, "%s: %s is told to be itself", state.name, typ)
			assert.Empty(t, described(run(st, expected, state.domain)), "%s: %s is told %s, which is refused in turn", state.name, typ, expected)
		}
		if !state.otherSubject {
			assert.Positive(t, passing, "%s: no filing type passes", state.name)
		}
	}
}

// TestRegistryPersonNeverByName: a personal filing is never told that it
// is filed under another certificate, even by a Registry that matched a
// namesake (two people of one name are two subjects).
func TestRegistryPersonNeverByName(t *testing.T) {
	namesake := &fakeRegistry{
		subject: func(context.Context) (beian.SubjectStatus, error) {
			return beian.SubjectStatus{OtherCertificate: &beian.SubjectID{Name: "李四", CertType: beian.CertIDCard, CertNumber: "110101199003074514"}}, nil
		},
		domain: func(context.Context, string) (beian.DomainStatus, error) { return beian.DomainStatus{}, nil },
	}
	f := cleanFiling()
	f.Subject.Nature = beian.NaturePersonal
	f.Subject.CertType = beian.CertIDCard
	setSubject(f, "李四", "440306199203151245")
	rs, _ := runRegistry(t, f, namesake, 0)
	assert.Empty(t, described(rs))

	f = cleanFiling() // a unit: the Registry's answer stands
	rs, _ = runRegistry(t, f, namesake, 0)
	assert.Contains(t, described(rs), "subject.cert_number MIIT_RECORD_EXISTS ")
}

func setSubject(f *beian.Filing, name, cert string) {
	f.Subject.Name, f.Subject.CertNumber = name, cert
}

func setDomain(f *beian.Filing, d string) { f.Websites[0].Domains = []string{d} }

func TestRegistryMIITRecordNamesTheCertificate(t *testing.T) {
	f := cleanFiling()
	setSubject(f, "深圳市旧证科技有限公司", "91440300MA5J22222W")
	setDomain(f, "jiuzhengxin.cn")
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

	// The deadline is short for the calls that wait for it, and long for
	// those that answer at once, whose answer must not depend on how busy
	// the machine is (a panic's recovery on a loaded machine took more than
	// 30 ms, and the domain call found its deadline passed).
	for name, c := range map[string]struct {
		subject func(context.Context) (beian.SubjectStatus, error)
		timeout time.Duration
	}{
		"failing":              {broken, time.Minute},
		"slow":                 {slow, 30 * time.Millisecond},
		"ignoring its context": {deaf, 30 * time.Millisecond},
		"panicking":            {panicky, time.Minute},
	} {
		t.Run(name, func(t *testing.T) {
			f := cleanFiling()
			// the subject check is unavailable: whether the filed domain is
			// the subject's own cannot be told, so nothing more is said
			rs, _ := runRegistry(t, f, &fakeRegistry{subject: c.subject, domain: filedDomain}, c.timeout)
			assert.Equal(t, []string{" CHECK_UNAVAILABLE registry.subject"}, described(rs))
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
	assert.ElementsMatch(t, []rules.Code{rules.CodeFilingTypeWrong, rules.CodeDomainFiledByOtherSubject, rules.CodeMIITRecordExists, rules.CodeOrderInProgress}, codes)
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
	require.Len(t, skipped, 2)
	assert.Equal(t, rules.CodeFilingTypeWrong, skipped[0].Code)
	assert.Equal(t, rules.CodeDomainFiledByOtherSubject, skipped[1].Code)
}

// TestRegistryAsksRegistrableDomain: the Registry is asked each website's
// registrable domain, in ASCII and lower case, once however many ways the
// filing types it (beian.Registry's Domain says so: a Registry need not
// read what people type); a domain that does not parse is not asked.
func TestRegistryAsksRegistrableDomain(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	reg := &fakeRegistry{
		subject: func(context.Context) (beian.SubjectStatus, error) { return beian.SubjectStatus{}, nil },
		domain: func(_ context.Context, d string) (beian.DomainStatus, error) {
			mu.Lock()
			asked = append(asked, d)
			mu.Unlock()
			return beian.DomainStatus{}, nil
		},
	}
	f := cleanFiling()
	f.Websites = nil
	for _, typed := range []string{"https://www.ShiLiKeJi.cn/about", "shilikeji。cn", "www.示例.中国", "xn--fsq092h.xn--fiqs8s", "SHILIKEJI.NET.", "http://", "shilikeji.net"} {
		f.Websites = append(f.Websites, beian.Website{Name: "示例科技站点", Domains: []string{typed}, PrincipalSameAsSubject: true})
	}
	runRegistry(t, f, reg, 0)
	assert.ElementsMatch(t, []string{"shilikeji.cn", "xn--fsq092h.xn--fiqs8s", "shilikeji.net"}, asked)
}
