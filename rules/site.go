package rules

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/icpnum"
	"github.com/icpcheck/beian/rules/names"
)

// Site checks that live sites are closed before approval and open once filed.
//
// Only with a Prober (validate.WithProber; validate.WithProber(probe.New())
// for the one of package validate/probe). Each distinct website domain is
// probed once per validation, a few at a time, each call bounded by the
// validator's timeout.
//
// A new filing's sites are not filed yet and must not answer until the
// number is issued (未备案网站不得开启访问; tencent-reject-reasons):
// SITE_ONLINE_BEFORE_APPROVAL when the domain resolves and serves a page.
// A filing that adds access (add_access) or changes the record (change)
// concerns filed sites, which must stay open: SITE_FOOTER_MISSING when the
// site does not answer, or, when the filing names its number (icp_number),
// its home page does not show that number linked to
// https://beian.miit.gov.cn/ (miit-order-33 art. 13; ucloud-footer); the subject's
// number or the website's own (-N) both count. Without a usable number the
// footer comparison is listed as skipped. SITE_TITLE_MISMATCH when
// the page's <title> does not contain the filed website name (after the
// normalisation of package rules/names: width, case, traditional forms;
// ucloud-site-title). An add_site filing's websites are new: none of the
// checks applies. The footer and title are read from the ProbeResult's
// MIITLinks and Title, which the default prober fills. A probe that fails
// (a lookup error, the timeout) makes the rule's error, a
// CHECK_UNAVAILABLE warning; the other domains are still checked.
var Site = &Rule{
	Name:  "site",
	Doc:   docSite,
	Codes: siteCodes,
	Needs: NeedsProber,
	Run:   runSite,
}

var siteCodes = []Code{CodeSiteOnlineBeforeApproval, CodeSiteFooterMissing, CodeSiteTitleMismatch}

// probeParallel bounds the probes run at once, maxProbes the domains
// probed in one validation (a filing has a few websites; more is not a
// filing a reviewer would take, and each probe costs up to the timeout).
const (
	probeParallel = 4
	maxProbes     = 20
)

// siteTarget is one distinct website domain to probe: where it first
// appears.
type siteTarget struct {
	site, index int    // websites[site].domains[index]
	host        string // the domain to probe
	res         beian.ProbeResult
	err         error
}

func runSite(pass *Pass) error {
	f := pass.Filing
	var filed bool
	switch f.FilingType {
	case beian.FilingNew:
	case beian.FilingAddAccess, beian.FilingChange:
		filed = true
	default:
		return nil
	}
	if pass.Config.Prober == nil {
		return nil
	}

	var targets []*siteTarget
	seen := map[string]bool{}
collect:
	for i, w := range f.Websites {
		for j, d := range w.Domains {
			host, ok := probeHost(d)
			if !ok || seen[host] {
				continue // DOMAIN_INVALID or DOMAIN_DUPLICATE says why
			}
			seen[host] = true
			if len(targets) == maxProbes {
				for _, c := range siteCodes {
					pass.Skip(c, Text{
						"只检测了前" + strconv.Itoa(maxProbes) + "个域名",
						"only the first " + strconv.Itoa(maxProbes) + " domains were probed",
					})
				}
				break collect
			}
			targets = append(targets, &siteTarget{site: i, index: j, host: host})
		}
	}
	probeAll(pass, targets)

	var want icpnum.Number
	wantOK := false
	if filed {
		if n, err := icpnum.Parse(f.ICPNumber); err == nil {
			want, wantOK = n.SubjectNumber(), true
		}
	}
	var errs []error
	for _, t := range targets {
		if t.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", t.host, t.err))
			continue
		}
		at := beian.Path("websites").Index(t.site).Field("domains").Index(t.index)
		domain := Str("domain", f.Websites[t.site].Domains[t.index])
		if !filed {
			if t.res.Reachable {
				pass.Report(at, CodeSiteOnlineBeforeApproval, domain)
			}
			continue
		}
		if !t.res.Reachable {
			pass.Add(Rejection{
				Code: CodeSiteFooterMissing, Severity: defaultSeverity(CodeSiteFooterMissing), Field: at,
				Args: pass.keepArgs([]Arg{domain, {"problem", unreachableText(t.res)}}),
			})
			continue
		}
		if wantOK {
			if problem, bad := footerProblem(t.res, want); bad {
				pass.Add(Rejection{
					Code: CodeSiteFooterMissing, Severity: defaultSeverity(CodeSiteFooterMissing), Field: at,
					Related: pass.keepPaths("icp_number"), Args: pass.keepArgs([]Arg{domain, {"problem", problem}}),
				})
			}
		} else if strings.TrimSpace(f.ICPNumber) == "" {
			pass.Skip(CodeSiteFooterMissing, Text{"未填写备案号（icp_number），无法核对首页备案号", "no filing number (icp_number) is given: the footer cannot be compared"})
		} else {
			pass.Skip(CodeSiteFooterMissing, Text{"备案号无效（见ICP_NUMBER_INVALID），无法核对首页备案号", "the filing number is invalid (see ICP_NUMBER_INVALID): the footer cannot be compared"})
		}
		name := f.Websites[t.site].Name
		if strings.TrimSpace(name) != "" && !titleHolds(t.res.Title, name) {
			title := t.res.Title
			if title == "" {
				title = "—"
			}
			pass.Add(Rejection{
				Code: CodeSiteTitleMismatch, Severity: defaultSeverity(CodeSiteTitleMismatch),
				Field:   beian.Path("websites").Index(t.site).Field("name"),
				Related: pass.keepPaths(at),
				Args:    pass.keepArgs([]Arg{domain, Str("title", title), Str("name", name)}),
			})
		}
	}
	return errors.Join(errs...)
}

// probeAll probes every target, a few at a time.
func probeAll(pass *Pass, targets []*siteTarget) {
	sem := make(chan struct{}, probeParallel)
	var wg sync.WaitGroup
	for _, t := range targets {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() {
				if e := recover(); e != nil {
					t.err = fmt.Errorf("prober panicked: %v", e)
				}
				<-sem
				wg.Done()
			}()
			ctx, cancel := pass.OutsideContext()
			defer cancel()
			t.res, t.err = pass.Config.Prober.Probe(ctx, t.host)
		}()
	}
	wg.Wait()
}

// unreachableText says how a filed site failed to answer.
func unreachableText(res beian.ProbeResult) Text {
	switch {
	case !res.Resolves && res.StatusCode == 0:
		return Text{"域名没有解析或网站无法访问", "the domain does not resolve or the site does not answer"}
	case res.StatusCode != 0:
		s := fmt.Sprint(res.StatusCode)
		return Text{"首页返回HTTP " + s, "the home page answers HTTP " + s}
	}
	return Text{"网站无法访问", "the site does not answer"}
}

// footerProblem compares the numbers the page shows with want (a subject
// number): bad is false when a link to beian.miit.gov.cn carries it.
func footerProblem(res beian.ProbeResult, want icpnum.Number) (Text, bool) {
	var linked []icpnum.Number
	for _, l := range res.MIITLinks {
		linked = append(linked, icpnum.Find(l)...)
	}
	for _, n := range linked {
		if sameSubject(n, want) {
			return Text{}, false
		}
	}
	shown := icpnum.Find(string(res.Body))
	for _, n := range shown {
		if sameSubject(n, want) {
			return Text{
				"首页显示了备案号" + n.String() + "，但没有链接到https://beian.miit.gov.cn/",
				"the home page shows " + n.String() + " but does not link it to https://beian.miit.gov.cn/",
			}, true
		}
	}
	if len(linked) > 0 {
		return Text{
			"首页显示的备案号是" + linked[0].String() + "，不是" + want.String(),
			"the home page shows " + linked[0].String() + ", not " + want.String(),
		}, true
	}
	if len(shown) > 0 {
		return Text{
			"首页显示的备案号是" + shown[0].String() + "，不是" + want.String() + "，且没有链接到https://beian.miit.gov.cn/",
			"the home page shows " + shown[0].String() + ", not " + want.String() + ", and does not link it to https://beian.miit.gov.cn/",
		}, true
	}
	return Text{
		"首页底部没有显示链接到https://beian.miit.gov.cn/的备案号" + want.String(),
		"the home page does not show " + want.String() + " linked to https://beian.miit.gov.cn/",
	}, true
}

// sameSubject reports whether a and b are numbers of the same subject
// (川 and 蜀 are the same abbreviation).
func sameSubject(a, b icpnum.Number) bool {
	return a.Province.Code == b.Province.Code && a.Year == b.Year && a.Serial == b.Serial && a.Digits == b.Digits
}

// titleHolds reports whether the page title contains the filed name,
// both normalised as a reviewer reads them.
func titleHolds(title, name string) bool {
	n := names.Normalize(name)
	if n == "" {
		return true
	}
	return strings.Contains(names.Normalize(title), n)
}

// probeHost reduces a website domain as typed to the host to probe: no
// scheme, path, port or trailing dot, lower case. ok is false for what is
// plainly no domain (the domain rules report it).
func probeHost(s string) (string, bool) {
	if plainProbeHost(s) {
		return s, true // what probeHostTyped returns of it, without its walks
	}
	return probeHostTyped(s)
}

// plainProbeHost reports whether s is a host probeHostTyped returns as it
// is: lower-case letters, digits, hyphens and single dots, with a dot and
// not ending in one, at most 253 bytes. The domains of a filing are most
// often so typed (TestProbeHostPlain holds it to probeHostTyped).
func plainProbeHost(s string) bool {
	if s == "" || len(s) > 253 || s[len(s)-1] == '.' {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-':
		case c == '.':
			if i > 0 && s[i-1] == '.' {
				return false
			}
			dot = true
		default:
			return false
		}
	}
	return dot
}

// probeHostTyped is probeHost for any text.
func probeHostTyped(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "。", "."), "．", ".")
	if s == "" || len(s) > 253 || !strings.Contains(s, ".") || strings.ContainsAny(s, " \t@[]\\\"'<>") || strings.Contains(s, "..") {
		return "", false
	}
	return s, true
}
