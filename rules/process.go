package rules

import "github.com/icpcheck/beian"

// ResubmissionWindow is the longest time, in natural days, from a
// rejection to the resubmission of the same order: Tencent Cloud lets an
// order wait at most 45 days in any step before it expires (notice of
// 2016-09-22, tencent-order-validity).
const ResubmissionWindow = 45

// Resubmission checks that a rejected filing is resubmitted within 45 days.
//
// When rejected_at is set, the days from it to the day of submission
// (natural days, weekends and holidays included, as Tencent counts them)
// must be at most 45 (tencent-order-validity); past that the order has expired and
// a new filing is needed (RESUBMISSION_WINDOW_EXPIRED, on rejected_at). A
// rejection dated after the submission is not judged.
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
	if days := pass.Today.DaysSince(r); days > ResubmissionWindow {
		pass.Report("rejected_at", CodeResubmissionWindowExpired, Int("days", days))
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
var PrincipalLink = &Rule{
	Name:  "principallink",
	Doc:   docPrincipalLink,
	Codes: []Code{CodePrincipalLinkedNotice},
	Run:   runPrincipalLink,
}

func runPrincipalLink(pass *Pass) error {
	f := pass.Filing
	if !f.Subject.Nature.IsUnit() {
		return nil
	}
	for i := range f.Websites {
		if f.Websites[i].PrincipalSameAsSubject {
			pass.Report(beian.Path("websites").Index(i).Field("principal_same_as_subject"), CodePrincipalLinkedNotice)
		}
	}
	return nil
}
