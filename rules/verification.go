package rules

import (
	"strconv"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/workday"
)

// Verification checks that domains are real-name verified and entered at MIIT.
//
// A registrar uploads a domain's real-name verification (实名认证) to MIIT,
// which takes three working days (Tencent: "完成域名实名认证3个工作日之后再进行
// 备案"; Huawei: "建议实名认证成功满3个工作日后再提交", and the sync itself can
// take 3 to 5; tencent-site-info, huawei-domains). A domain record without verified_at
// is not verified (DOMAIN_NOT_VERIFIED, 域名不存在注册商验证库中). A record
// verified fewer than three full working days before the day of submission
// is likely not entered yet (DOMAIN_VERIFICATION_PENDING, 域名未入库): the
// remedy names the first day three working days have passed, and the day
// five have, Huawei's upper bound. Working days follow the mainland
// calendar of package rules/workday (weekends, the State Council's holidays
// and adjusted working days) or the one given in Config.Calendar; outside
// the calendar's years only weekends are counted and the rejection says so.
// A website domain without a domain record has these checks listed as
// skipped.
var Verification = &Rule{
	Name:  "verification",
	Doc:   docVerification,
	Codes: []Code{CodeDomainNotVerified, CodeDomainVerificationPending},
	Run:   runVerification,
}

// verificationWait is the working days MIIT needs, by Tencent and Huawei;
// verificationWaitMax is Huawei's upper bound.
const (
	verificationWait    = 3
	verificationWaitMax = 5
)

func runVerification(pass *Pass) error {
	f := pass.Filing
	cal := pass.Config.Calendar
	if cal == nil {
		cal = workday.Default()
	}
	// The provider profile's wait (rules/data/profiles.csv: 3 working days
	// for every provider with a source).
	wait := pass.Config.ProfileOf().VerificationWaitDays.Value
	if wait <= 0 {
		wait = verificationWait
	}
	for i := range f.Domains {
		d := &f.Domains[i]
		if blank(d.Domain) {
			continue // the fields rule reports it
		}
		if d.VerifiedAt.IsZero() {
			base := beian.Path("domains").Index(i)
			pass.Add(Rejection{
				Code: CodeDomainNotVerified, Severity: defaultSeverity(CodeDomainNotVerified),
				Field: base.Field("verified_at"), Related: pass.keepPaths(base.Field("domain")),
				Args: pass.keepArgs([]Arg{Str("domain", d.Domain)}),
			})
			continue
		}
		v, today := d.VerifiedAt, pass.Today
		// The full working days after verification and before the day of
		// submission.
		passed := 0
		if today.After(v) {
			passed = cal.Between(v, today)
			if cal.IsWorkday(today) {
				passed--
			}
		}
		if passed >= wait {
			continue
		}
		ready := cal.Add(v, wait).AddDays(1)
		readyMax := cal.Add(v, verificationWaitMax).AddDays(1)
		base := beian.Path("domains").Index(i)
		pass.Add(Rejection{
			Code: CodeDomainVerificationPending, Severity: defaultSeverity(CodeDomainVerificationPending),
			Field: base.Field("verified_at"), Related: pass.keepPaths(base.Field("domain"), "submitted_at"),
			Args: pass.keepArgs([]Arg{
				Str("domain", d.Domain), Str("verified_at", v.String()), Int("passed", passed),
				Str("ready_on", ready.String()), Str("ready_on_max", readyMax.String()),
				calendarNote(cal, v, readyMax),
			}),
			// The wait is the providers' rule; the days are the calendar's.
			Source: sourceOf(append(cal.SourceKeys(v), "tencent-site-info"), true),
		})
	}
	skipUnrecorded(pass, CodeDomainNotVerified, CodeDomainVerificationPending)
	return nil
}

// calendarNote says, for the calendar argument, when the days from..to
// are not all in the calendar's table and only weekends were counted.
func calendarNote(cal *workday.Calendar, from, to beian.Date) Arg {
	if cal.Covers(from) && cal.Covers(to) {
		return Str("calendar", "")
	}
	first, last := cal.Span()
	years := strconv.Itoa(first.Year()) + "–" + strconv.Itoa(last.Year())
	if first.IsZero() {
		return Loc("calendar", "（日历中没有节假日安排，只按周末计算）", " (the calendar has no holidays: only weekends were counted)")
	}
	return Loc("calendar",
		"（内置日历只有"+years+"年的节假日安排，其余日期只按周末计算）",
		" (the calendar holds the holidays of "+years+" only: other days were counted by weekends alone)")
}

// skipUnrecorded lists codes as skipped when a website domain has no
// domain record to check. Its time is linear in the domains given.
func skipUnrecorded(pass *Pass, codes ...Code) {
	f := pass.Filing
	var keys map[string]bool // built when the filing is large
	websiteDomains := 0
	for _, w := range f.Websites {
		websiteDomains += len(w.Domains)
	}
	if websiteDomains*len(f.Domains) > 64 {
		keys = make(map[string]bool, len(f.Domains))
		for i := range f.Domains {
			keys[domainKey(f.Domains[i].Domain)] = true
		}
	}
	for _, w := range f.Websites {
		for _, name := range w.Domains {
			if blank(name) {
				continue
			}
			if keys != nil && keys[domainKey(name)] || keys == nil && hasRecord(f, name) {
				continue
			}
			reason := pass.noRecordReason(name, false)
			for _, c := range codes {
				pass.Skip(c, reason)
			}
			return
		}
	}
}

// noRecordReason says why a check of the website (or, when app is set,
// App) domain name is skipped: it has no domain record. The text of the
// last name is kept in the pass: the verification and domainholder rules
// skip their checks of the same domain, and would build the same text
// twice (TestNoRecordReasonAsBuilt).
func (p *Pass) noRecordReason(name string, app bool) Text {
	if m := &p.noRecord; !m.done || m.name != name || m.app != app {
		*m = noRecordMemo{done: true, name: name, app: app, reason: noRecordReasonBuilt(name, app)}
	}
	return p.noRecord.reason
}

// noRecordMemo is the pass's last noRecordReason.
type noRecordMemo struct {
	done   bool
	name   string
	app    bool
	reason Text
}

// noRecordReasonBuilt is noRecordReason, built for the call.
func noRecordReasonBuilt(name string, app bool) Text {
	if app {
		return joinText("App域名「", name, "」没有域名信息（domains），无法检查", "the App domain ", name, " has no domain record (domains) to check")
	}
	return joinText("网站域名「", name, "」没有域名信息（domains），无法检查", "the website domain ", name, " has no domain record (domains) to check")
}

// hasRecord reports whether f has a domain record for the website domain
// name, compared as domainKey reduces them.
func hasRecord(f *beian.Filing, name string) bool {
	for i := range f.Domains {
		if f.Domains[i].Domain == name {
			return true
		}
	}
	key := domainKey(name)
	for i := range f.Domains {
		if domainKey(f.Domains[i].Domain) == key {
			return true
		}
	}
	return false
}

// domainKey is a domain as typed reduced for comparison: the host
// probeHost finds in it, without a leading "www.".
func domainKey(s string) string {
	h, ok := probeHost(s)
	if !ok {
		return strings.TrimSpace(s)
	}
	return strings.TrimPrefix(h, "www.")
}
