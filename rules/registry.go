package rules

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/icpnum"
)

// Registry checks that the filing type and subject agree with the records.
//
// Asks the configured beian.Registry what it holds of the subject (by
// certificate type and number) and of each website's domain, the calls
// running concurrently (at most four at a time), each bounded by the
// validator's timeout and the validation's context. FILING_TYPE_WRONG: new
// while the subject already has a filing number or a domain is already
// filed; add_site without a filing number, or for a domain already filed;
// add_access for a domain filed nowhere or under another subject; change
// without a filing. MIIT_RECORD_EXISTS: a subject of the same name is filed
// under another certificate (it names the certificate; a change filing
// comes first). ORDER_IN_PROGRESS: the certificate has an unfinished order.
// A call that fails or times out is one CHECK_UNAVAILABLE warning for the
// checks that need its answer; the others still run. Without a Registry the
// checks are skipped.
var Registry = &Rule{
	Name:  "registry",
	Doc:   docRegistry,
	Codes: []Code{CodeFilingTypeWrong, CodeMIITRecordExists, CodeOrderInProgress},
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
	site   int
	domain string
	status beian.DomainStatus
	err    error
}

func runRegistry(pass *Pass) error {
	f := pass.Filing
	s := &f.Subject
	reg := pass.Config.Registry
	if reg == nil || blank(s.CertNumber) {
		return nil // the engine lists the checks as skipped; or FIELD_REQUIRED
	}
	id := beian.SubjectID{Name: strings.TrimSpace(s.Name), CertType: s.CertType, CertNumber: strings.TrimSpace(s.CertNumber)}

	var domains []domainAnswer
	for i := range f.Websites {
		for _, d := range f.Websites[i].Domains {
			if d = strings.TrimSuffix(strings.TrimSpace(d), "."); d != "" {
				domains = append(domains, domainAnswer{site: i, domain: strings.ToLower(d)})
			}
		}
	}

	if len(domains) > maxRegistryDomains {
		pass.Skip(CodeFilingTypeWrong, Text{
			"网站域名超过" + strconv.Itoa(maxRegistryDomains) + "个，其余未查询",
			"more than " + strconv.Itoa(maxRegistryDomains) + " website domains: the others were not looked up",
		})
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

	subjectKnown := outsideAnswer(pass, "registry.subject", subjectErr, CodeFilingTypeWrong, CodeMIITRecordExists, CodeOrderInProgress)
	if subjectKnown {
		if o := subject.OtherCertificate; o != nil {
			pass.Add(Rejection{
				Code: CodeMIITRecordExists, Severity: defaultSeverity(CodeMIITRecordExists), Field: "subject.cert_number",
				Related: []beian.Path{"subject.cert_type", "filing_type"},
				Args:    []Arg{Loc("other", o.CertType.Label(language.Chinese)+" "+o.CertNumber, o.CertType.Label(language.English)+" "+o.CertNumber)},
			})
		}
		if subject.OrderInProgress {
			pass.Report("subject.cert_number", CodeOrderInProgress)
		}
	}
	filed := strings.TrimSpace(subject.ICPNumber)
	wrong := func(expected beian.FilingType, related ...beian.Path) {
		pass.Add(Rejection{
			Code: CodeFilingTypeWrong, Severity: defaultSeverity(CodeFilingTypeWrong), Field: "filing_type",
			Related: related,
			Args:    []Arg{labelArg("declared", f.FilingType), labelArg("expected", expected), Str("want", string(expected))},
		})
	}
	switch f.FilingType {
	case beian.FilingNew:
		if subjectKnown && filed != "" {
			wrong(beian.FilingAddSite, "subject.cert_number")
			return nil
		}
		for _, a := range domains {
			if outsideAnswer(pass, "registry.domain "+a.domain, a.err) && a.status.ICPNumber != "" {
				wrong(beian.FilingAddAccess, domainPath(f, a))
				return nil
			}
		}
	case beian.FilingAddSite:
		if subjectKnown && filed == "" {
			wrong(beian.FilingNew, "subject.cert_number")
			return nil
		}
		for _, a := range domains {
			if outsideAnswer(pass, "registry.domain "+a.domain, a.err) && a.status.ICPNumber != "" {
				wrong(beian.FilingAddAccess, domainPath(f, a))
				return nil
			}
		}
	case beian.FilingChange:
		if subjectKnown && filed == "" {
			wrong(beian.FilingNew, "subject.cert_number")
		}
	case beian.FilingAddAccess:
		for _, a := range domains {
			if !outsideAnswer(pass, "registry.domain "+a.domain, a.err) {
				continue
			}
			switch n := strings.TrimSpace(a.status.ICPNumber); {
			case n == "":
				expected := beian.FilingNew
				if subjectKnown && filed != "" {
					expected = beian.FilingAddSite
				}
				wrong(expected, domainPath(f, a))
				return nil
			case subjectKnown && (filed == "" || subjectNumber(n) != subjectNumber(filed)):
				// The domain is filed under another subject: it must be
				// cancelled there (or the subject changed) first.
				wrong(beian.FilingChange, domainPath(f, a), "subject.cert_number")
				return nil
			}
		}
	}
	return nil
}

// domainPath is the field of a website's domain.
func domainPath(f *beian.Filing, a domainAnswer) beian.Path {
	at := beian.Path("websites").Index(a.site)
	for j, d := range f.Websites[a.site].Domains {
		if strings.EqualFold(strings.TrimSuffix(strings.TrimSpace(d), "."), a.domain) {
			return at.Field("domains").Index(j)
		}
	}
	return at.Field("domains")
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
		Args: []Arg{Str("check", check), Str("problem", err.Error())},
	})
	return false
}
