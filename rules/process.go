package rules

import (
	"strings"

	"github.com/icpcheck/beian"
)

// ResubmissionWindow is the longest time, in natural days, from a
// rejection to the resubmission of the same order: Tencent Cloud lets an
// order wait at most 45 days in any step before it expires (notice of
// 2016-09-22, tencent-order-validity). The rule reads it from the
// profile (resubmission_window_days), where it is this value.
const ResubmissionWindow = 45

// Resubmission checks that a rejected filing is resubmitted in time.
//
// When rejected_at is set, the days from it to the day of submission
// (natural days, weekends and holidays included, as Tencent counts them)
// must be at most the profile's resubmission_window_days: 45 for Tencent
// (tencent-order-validity), past which the order has expired and a new
// filing is needed (RESUBMISSION_WINDOW_EXPIRED, on rejected_at). Only
// Tencent's page gives a limit: it is the default's (an error), and a
// warning under another provider's profile, which inherits it uncertain.
// A rejection dated after the submission is not judged.
var Resubmission = &Rule{
	Name:  "resubmission",
	Doc:   docResubmission,
	Codes: []Code{CodeResubmissionWindowExpired},
	Run:   runResubmission,
}

func runResubmission(pass *Pass) error {
	r := pass.Filing.RejectedAt
	if r.IsZero() || pass.Today.IsZero() {
		return nil
	}
	window := pass.Config.ProfileOf().ResubmissionWindowDays
	if window.Value <= 0 {
		return nil
	}
	if days := pass.Today.DaysSince(r); days > window.Value {
		rj := pass.Reject("rejected_at", CodeResubmissionWindowExpired, Int("days", days), Int("window", window.Value))
		rj.Severity = severityOf(window.Certain)
		rj.Source = factSource(window)
		pass.Add(rj)
	}
	return nil
}

// PrincipalLink notes a website principal linked to the subject's.
//
// A unit's website marked principal_same_as_subject (同主体负责人) shares
// one record with the subject principal in the consoles: editing either
// later edits both, which surprises units that meant to name another person
// for the website. Each such website gets a PRINCIPAL_LINKED_NOTICE. Personal
// filings are not noted: both principals are the person.
//
// A website or App marked principal_same_as_subject that also gives a
// principal who is another person (another certificate number, or
// another name) contradicts itself: the filing system takes the subject
// principal and drops the one given. PRINCIPAL_CONFLICT at its principal,
// a warning, for every nature of subject.
var PrincipalLink = &Rule{
	Name:  "principallink",
	Doc:   docPrincipalLink,
	Codes: []Code{CodePrincipalLinkedNotice, CodePrincipalConflict},
	Run:   runPrincipalLink,
}

func runPrincipalLink(pass *Pass) error {
	f := pass.Filing
	subject := &f.Subject.Principal
	for i := range f.Websites {
		if w := &f.Websites[i]; w.PrincipalSameAsSubject && w.Principal != nil && otherPerson(w.Principal, subject) {
			reportPrincipalConflict(pass, beian.Path("websites").Index(i), w.Principal)
		}
	}
	for i := range f.Apps {
		if a := &f.Apps[i]; a.PrincipalSameAsSubject && a.Principal != nil && otherPerson(a.Principal, subject) {
			reportPrincipalConflict(pass, beian.Path("apps").Index(i), a.Principal)
		}
	}
	if !pass.unit() {
		return nil
	}
	for i := range f.Websites {
		if f.Websites[i].PrincipalSameAsSubject {
			pass.Report(elemField("websites", i, "principal_same_as_subject"), CodePrincipalLinkedNotice)
		}
	}
	return nil
}

// otherPerson reports whether principal p, given for a website or App,
// is another person than the subject principal s: another certificate
// number, or, where either has none, another name (both given).
func otherPerson(p, s *beian.Principal) bool {
	if !blank(p.CertNumber) && !blank(s.CertNumber) {
		return differentPeople(p.CertNumber, s.CertNumber)
	}
	a, b := strings.TrimSpace(p.Name), strings.TrimSpace(s.Name)
	return a != "" && b != "" && a != b
}

func reportPrincipalConflict(pass *Pass, service beian.Path, p *beian.Principal) {
	pass.Add(Rejection{
		Code: CodePrincipalConflict, Severity: defaultSeverity(CodePrincipalConflict), Field: service.Field("principal"),
		Related: pass.keepPaths(service.Field("principal_same_as_subject")),
		Args:    pass.keepArgs([]Arg{Str("name", strings.TrimSpace(p.Name))}),
	})
}
