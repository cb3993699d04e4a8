package rules

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/icpnum"
)

// Registry checks that the filing type and subject agree with the records.
//
// Asks the configured beian.Registry what it holds of the subject (by
// certificate type and number) and of each website's registrable domain
// (www.示例.cn and https://shilikeji.cn/ are asked as their registrable
// domain, each once), the calls running concurrently (at most four at a
// time), each bounded by the validator's timeout and the validation's
// context. The filing type the records call for is then decided once: a
// subject without a filing files new; a filed subject files add_site for
// domains filed nowhere, add_access for domains filed under it and hosted
// elsewhere, and change for a site it already hosts; a change filing needs
// a filing (under this certificate, or, for a unit whose certificate
// changed, under the old one), and files no site this provider does not
// host (a domain filed nowhere is add_site, one hosted elsewhere
// add_access). FILING_TYPE_WRONG names that type, so that declaring it
// passes. DOMAIN_FILED_BY_OTHER_SUBJECT: a domain filed under another
// subject, which no filing type files here until that filing is cancelled
// or changed; the filing of a unit of the same name under another
// certificate (the unit before its certificate changed) is not another
// subject's. MIIT_RECORD_EXISTS: a unit of the same name is
// filed under another certificate (it names the certificate; a change
// filing comes first, and a change filing is that change). Persons are
// never matched by name. ORDER_IN_PROGRESS: the certificate has an
// unfinished order. A call that fails or times out is one CHECK_UNAVAILABLE
// warning for the checks that need its answer; the others still run.
// Without a Registry the checks are skipped.
var Registry = &Rule{
	Name:  "registry",
	Doc:   docRegistry,
	Codes: []Code{CodeFilingTypeWrong, CodeDomainFiledByOtherSubject, CodeMIITRecordExists, CodeOrderInProgress},
	Needs: NeedsRegistry,
	Run:   runRegistry,
}

// NonBlocking is implemented by a [beian.Registry] or [beian.Prober] that
// answers from memory, without waiting on anything: its calls are made
// one after the other in the rule's goroutine, and the engine calls it
// directly, without a goroutine and timer per call (see
// validate.NonBlocking). Its calls get the validation's context as it is
// (the caller's deadline and cancellation), not one bounded by the
// configured timeout: there is no wait to bound.
type NonBlocking interface {
	// NeverBlocks marks the implementation; it is not called.
	NeverBlocks()
}

// callContext returns the context of a call to impl, an outside
// implementation: the validation's own for one that never blocks (it
// answers from memory, and the deadline's timer would be the costliest
// part of the call), the outside calls' shared deadline
// (Pass.OutsideContext) for any other.
func callContext(pass *Pass, impl any) (context.Context, context.CancelFunc) {
	if _, direct := impl.(NonBlocking); direct {
		return pass.Context(), func() {}
	}
	return pass.OutsideContext()
}

// maxOutsideCalls bounds the concurrent outside calls of one rule.
const maxOutsideCalls = 4

// maxRegistryDomains bounds the domains one validation looks up; a filing
// with more (the console's forms allow a few dozen) has the rest skipped.
const maxRegistryDomains = 100

type domainAnswer struct {
	site, index int    // websites[site].domains[index], where it was typed first
	domain      string // the registrable domain, as the Registry is asked
	status      beian.DomainStatus
	err         error
}

func runRegistry(pass *Pass) error {
	f := pass.Filing
	s := &f.Subject
	reg := pass.Config.Registry
	if reg == nil || blank(s.CertNumber) {
		return nil // the engine lists the checks as skipped; or FIELD_REQUIRED
	}
	// A business licence bearing a credit code is looked up as that
	// credit code's certificate (certnum.Kind), as the records store it.
	id := beian.SubjectID{Name: strings.TrimSpace(s.Name), CertType: certnum.Kind(s.CertType, s.CertNumber), CertNumber: strings.TrimSpace(s.CertNumber)}

	var domains []domainAnswer
	// Each registrable domain once; no more than one past the bound is
	// collected, so that the search for a repeat stays bounded too.
collect:
	for i := range f.Websites {
		for j, typed := range f.Websites[i].Domains {
			if len(domains) > maxRegistryDomains {
				break collect
			}
			d, err := pass.ParseDomain(typed)
			if err != nil {
				continue // DOMAIN_INVALID: nothing to ask
			}
			reg := d.ASCII()
			if !slices.ContainsFunc(domains, func(a domainAnswer) bool { return a.domain == reg }) {
				domains = append(domains, domainAnswer{site: i, index: j, domain: reg})
			}
		}
	}

	if len(domains) > maxRegistryDomains {
		reason := Text{
			"网站域名超过" + strconv.Itoa(maxRegistryDomains) + "个，其余未查询",
			"more than " + strconv.Itoa(maxRegistryDomains) + " website domains: the others were not looked up",
		}
		pass.Skip(CodeFilingTypeWrong, reason)
		pass.Skip(CodeDomainFiledByOtherSubject, reason)
		domains = domains[:maxRegistryDomains]
	}

	// The calls are independent: a few workers take them in turn.
	var (
		subject    beian.SubjectStatus
		subjectErr error
		next       atomic.Int32
		wg         sync.WaitGroup
	)
	_, direct := reg.(NonBlocking)
	work := func(k int, ctx context.Context) {
		if k == 0 {
			subject, subjectErr = safeCall(ctx, direct, func(ctx context.Context) (beian.SubjectStatus, error) { return reg.Subject(ctx, id) })
			return
		}
		a := &domains[k-1]
		a.status, a.err = safeCall(ctx, direct, func(ctx context.Context) (beian.DomainStatus, error) { return reg.Domain(ctx, a.domain) })
	}
	calls := 1 + len(domains)
	if direct {
		ctx, cancel := callContext(pass, reg)
		for k := range calls {
			work(k, ctx)
		}
		cancel()
		calls = 0 // no workers
	}
	for range min(maxOutsideCalls, calls) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= calls {
					return
				}
				ctx, cancel := pass.OutsideContext()
				work(k, ctx)
				cancel()
			}
		}()
	}
	wg.Wait()

	subjectKnown := outsideAnswer(pass, "registry.subject", subjectErr, CodeFilingTypeWrong, CodeDomainFiledByOtherSubject, CodeMIITRecordExists, CodeOrderInProgress)
	if !subjectKnown {
		// What the filing type should be, and whose a filed domain is,
		// depend on the subject: the domains' failures are still said.
		for _, a := range domains {
			outsideAnswer(pass, "registry.domain "+a.domain, a.err, CodeFilingTypeWrong, CodeDomainFiledByOtherSubject)
		}
		return nil
	}
	filed := strings.TrimSpace(subject.ICPNumber)
	// A unit whose certificate changed is recorded under the old one: a
	// change filing is the change MIIT_RECORD_EXISTS asks for, of the
	// filing it names (icp_number) when it names one.
	other := subject.OtherCertificate
	if other != nil && !pass.unit() && s.Nature != "" {
		other = nil // persons share names: a Registry's namesake is no one
	}
	certChange := f.FilingType == beian.FilingChange && filed == "" && other != nil
	if other != nil && !certChange {
		pass.Add(Rejection{
			Code: CodeMIITRecordExists, Severity: defaultSeverity(CodeMIITRecordExists), Field: "subject.cert_number",
			Related: pass.keepPaths("subject.cert_type", "filing_type"),
			Args:    pass.keepArgs([]Arg{Loc("other", other.CertType.Label(language.Chinese)+" "+other.CertNumber, other.CertType.Label(language.English)+" "+other.CertNumber)}),
		})
	}
	if subject.OrderInProgress {
		pass.Report("subject.cert_number", CodeOrderInProgress)
	}

	// Each domain's state: filed under this subject (hosted here or not),
	// filed nowhere, or filed under another subject. The unit of the same
	// name under another certificate (a unit whose certificate changed)
	// is this subject: its filing number is asked once, when a domain is
	// filed under a number that is not this certificate's.
	otherFiled, askedOther := "", false
	own := func(n string) bool {
		k := subjectNumber(n)
		if filed != "" && k == subjectNumber(filed) ||
			certChange && !blank(f.ICPNumber) && k == subjectNumber(strings.TrimSpace(f.ICPNumber)) {
			return true
		}
		if other == nil {
			return false
		}
		if !askedOther {
			askedOther = true
			ctx, cancel := callContext(pass, reg)
			st, err := safeCall(ctx, direct, func(ctx context.Context) (beian.SubjectStatus, error) { return reg.Subject(ctx, *other) })
			cancel()
			if err == nil {
				otherFiled = strings.TrimSpace(st.ICPNumber)
			}
		}
		return otherFiled != "" && k == subjectNumber(otherFiled)
	}
	want := beian.FilingNew // what the records call for
	if filed != "" {
		want = beian.FilingAddSite
	}
	var wantAt, unfiledAt []beian.Path
	blocked := false
	for i := range domains {
		a := &domains[i]
		if !outsideAnswer(pass, "registry.domain "+a.domain, a.err, CodeFilingTypeWrong, CodeDomainFiledByOtherSubject) {
			continue
		}
		at := beian.Path("websites").Index(a.site).Field("domains").Index(a.index)
		n := strings.TrimSpace(a.status.ICPNumber)
		switch {
		case n == "":
			if unfiledAt == nil {
				unfiledAt = []beian.Path{at}
			}
		case !own(n):
			pass.Add(Rejection{
				Code: CodeDomainFiledByOtherSubject, Severity: defaultSeverity(CodeDomainFiledByOtherSubject), Field: at,
				Related: pass.keepPaths("filing_type"),
				Args:    pass.keepArgs([]Arg{Str("domain", a.domain), Str("number", n)}),
			})
			blocked = true
		case a.status.Hosted && want != beian.FilingChange:
			want, wantAt = beian.FilingChange, []beian.Path{at}
		case !a.status.Hosted && want == beian.FilingAddSite:
			want, wantAt = beian.FilingAddAccess, []beian.Path{at}
		}
	}
	if blocked {
		return nil // no filing type files a domain another subject holds
	}
	switch {
	case f.FilingType == beian.FilingChange:
		switch {
		case filed == "" && !certChange:
			wantAt = []beian.Path{"subject.cert_number"}
		case filed != "" && want == beian.FilingAddAccess:
			// A change is filed where the site is hosted (huawei-app-filing
			// doc_0116): a domain of this subject hosted elsewhere comes
			// here by an access first.
		case filed != "" && want == beian.FilingAddSite && unfiledAt != nil:
			wantAt = unfiledAt // a new site is added, not changed
		default:
			return nil // a change of the filing the records hold
		}
	case f.FilingType == want, f.FilingType == "":
		return nil
	case f.FilingType == beian.FilingAddAccess && len(domains) == 0:
		return nil // an App's access: the records hold websites' domains only
	case len(wantAt) == 0 && f.FilingType == beian.FilingAddAccess:
		wantAt = []beian.Path{beian.Path("websites").Index(domains[0].site).Field("domains").Index(domains[0].index)}
	case len(wantAt) == 0:
		wantAt = []beian.Path{"subject.cert_number"}
	}
	pass.Add(Rejection{
		Code: CodeFilingTypeWrong, Severity: defaultSeverity(CodeFilingTypeWrong), Field: "filing_type",
		Related: wantAt,
		Args:    pass.keepArgs([]Arg{labelArg("declared", f.FilingType), labelArg("expected", want), Str("want", string(want))}),
	})
	return nil
}

// subjectNumber returns a key for the subject's number of a filing number
// (a website's without its "-n"): province, year and serial as package
// icpnum reads them, so that 川 and 蜀, full-width digits and spaces
// compare equal.
func subjectNumber(n string) string {
	if num, err := icpnum.Parse(n); err == nil {
		return num.Province.Code + ":" + strconv.Itoa(num.Year) + ":" + strconv.Itoa(num.Serial)
	}
	if i := strings.LastIndex(n, "号-"); i >= 0 {
		return n[:i+len("号")]
	}
	return n
}

// safeCall runs one outside call, turning a panic into an error and
// honouring ctx even if the call does not.
// A NonBlocking registry is called directly (direct), a panic still
// recovered.
func safeCall[T any](ctx context.Context, direct bool, fn func(context.Context) (T, error)) (v T, err error) {
	if err := ctx.Err(); err != nil {
		return v, err
	}
	if direct {
		defer func() {
			if e := recover(); e != nil {
				err = errors.New("outside call panicked")
			}
		}()
		return fn(ctx)
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if e := recover(); e != nil {
				r.err = errors.New("outside call panicked")
			}
			done <- r
		}()
		r.v, r.err = fn(ctx)
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return v, ctx.Err()
	}
}

// outsideAnswer reports whether an outside call answered. When it did
// not, it records why: codes skipped when the source does not support the
// question, else one CHECK_UNAVAILABLE warning for the check.
func outsideAnswer(pass *Pass, check string, err error, codes ...Code) bool {
	if err == nil {
		return true
	}
	if errors.Is(err, errors.ErrUnsupported) {
		for _, c := range codes {
			pass.Skip(c, Text{"外部数据源不支持该检查：" + err.Error(), "not supported by the outside source: " + err.Error()})
		}
		return false
	}
	for _, r := range pass.rejections {
		if r.Code == CodeCheckUnavailable && len(r.Args) > 0 && r.Args[0].Value.EN == check {
			return false // reported once
		}
	}
	pass.Add(Rejection{
		Code: CodeCheckUnavailable, Severity: Warning,
		Args: pass.keepArgs([]Arg{Str("check", check), Str("problem", err.Error())}),
	})
	return false
}
