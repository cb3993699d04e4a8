package rules

import (
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// PrincipalLegalRep checks that the unit's principal is its legal
// representative.
//
// Where the filing province's policy wants the legal representative
// (法定代表人) as the unit's principal (主体负责人), another principal is
// reported (PRINCIPAL_NOT_LEGAL_REPRESENTATIVE). The principal counts as the
// legal representative when is_legal_representative is set or the names are
// the same. Where the province accepts an authorisation letter, an uploaded
// authorization_letter document lifts the rejection; while documents are
// not uploaded yet (documents null) the rejection is a warning that the
// letter will be needed. A letter is no help where the province does not
// accept one.
//
// Where the province accepts another principal only if that person is
// also the principal of each website and App (non_lr_principal_runs_sites:
// Anhui by Huawei's page; Jiangsu and Sichuan by UCloud's alone, a
// warning), each website or App whose own principal is someone else is
// PRINCIPAL_NOT_LEGAL_REPRESENTATIVE at that principal.
var PrincipalLegalRep = &Rule{
	Name:  "principal",
	Doc:   docPrincipalLegalRep,
	Codes: []Code{CodePrincipalNotLegalRepresentative},
	Run:   runPrincipal,
}

func runPrincipal(pass *Pass) error {
	f := pass.Filing
	s := &f.Subject
	p := &s.Principal
	if !pass.unit() || p.IsLegalRepresentative {
		return nil
	}
	name := strings.TrimSpace(p.Name)
	lr := strings.TrimSpace(s.LegalRepresentative)
	if name == "" || name == lr {
		return nil // FIELD_REQUIRED, or the same person
	}
	if must := pass.Policy.PrincipalMustBeLegalRepresentative; must.Value && reportNotLR(pass, must, lr) {
		return nil
	}
	if runs := pass.Policy.NonLRPrincipalRunsSites; runs.Value {
		checkPrincipalRunsSites(pass, runs, name, lr)
	}
	return nil
}

// requiresLR is what a province that wants the legal representative as
// the principal says.
var requiresLR = Text{"要求主体负责人为法定代表人", "requires the legal representative as the unit's principal"}

// reportNotLR reports a principal other than the legal representative lr
// where the province wants the legal representative (must), unless an
// accepted letter lifts it; it reports whether it did.
func reportNotLR(pass *Pass, must provinces.Fact[bool], lr string) bool {
	f := pass.Filing
	letter := pass.Policy.AuthorizationLetterAccepted
	docsKnown := f.Documents != nil
	hasLetter := docsKnown && hasPrincipalLetter(f)

	makeLR := Text{"由法定代表人" + lr + "担任主体负责人", "make the legal representative " + lr + " the principal"}
	if lr == "" {
		makeLR = Text{"由法定代表人担任主体负责人", "make the legal representative the principal"}
	}
	var remedy Text
	sev := defaultSeverity(CodePrincipalNotLegalRepresentative)
	switch {
	case letter.Value && hasLetter:
		return false
	case letter.Value && docsKnown:
		remedy = Text{"上传法定代表人授权书，或" + makeLR.ZH, "Upload the legal representative's authorisation letter, or " + makeLR.EN}
	case letter.Value:
		sev = Warning
		remedy = Text{"上传材料时需附法定代表人授权书，或" + makeLR.ZH, "An authorisation letter of the legal representative will be needed at the upload step, or " + makeLR.EN}
	case hasLetter:
		if !letter.Certain {
			sev = Warning // the province may accept the letter after all
		}
		remedy = Text{"该省不接受授权书，请" + makeLR.ZH, "This province does not accept an authorisation letter: " + makeLR.EN}
	default:
		remedy = Text{makeLR.ZH, capitalizeString(makeLR.EN)}
	}
	if !must.Certain {
		sev = min(sev, Warning)
	}
	pass.Add(Rejection{
		Code: CodePrincipalNotLegalRepresentative, Severity: sev, Field: "subject.principal",
		Related: pass.keepPaths("subject.legal_representative"),
		Args:    pass.keepArgs([]Arg{provinceArg(pass), {"policy", requiresLR}, {"remedy", remedy}}),
		Source:  factSource(must),
	})
	return true
}

// checkPrincipalRunsSites reports the websites and Apps whose own
// principal is another person than the unit's principal, name, who is not
// the legal representative lr.
func checkPrincipalRunsSites(pass *Pass, runs provinces.Fact[bool], name, lr string) {
	f := pass.Filing
	policy := Text{"要求非法定代表人的主体负责人同时担任各网站和App的负责人", "accepts a principal other than the legal representative only as the principal of each website and App too"}
	makeLR := Text{"由法定代表人担任主体负责人", "make the legal representative the unit's principal"}
	if lr != "" {
		makeLR = Text{"由法定代表人" + lr + "担任主体负责人", "make the legal representative " + lr + " the unit's principal"}
	}
	remedy := Text{"由主体负责人" + name + "同时担任该负责人（勾选「同主体负责人」），或" + makeLR.ZH,
		"Make the unit's principal " + name + " this principal too (same as the subject principal), or " + makeLR.EN}
	for n := range principalSlots(f) {
		i := principalID(f, n)
		if i == -1 {
			continue
		}
		sp := principalAt(f, i)
		if sp == nil || blank(sp.Name) || strings.TrimSpace(sp.Name) == name {
			continue // the subject's principal, FIELD_REQUIRED's, or the same person
		}
		pass.Add(Rejection{
			Code: CodePrincipalNotLegalRepresentative, Severity: severityOf(runs.Certain), Field: principalPath(i, ""),
			Related: pass.keepPaths("subject.principal"),
			Args:    pass.keepArgs([]Arg{provinceArg(pass), {"policy", policy}, {"remedy", remedy}}),
			Source:  factSource(runs),
		})
	}
}

// hasPrincipalLetter reports whether f holds the legal representative's
// authorisation letter for the subject's principal (法定代表人授权书): an
// authorization_letter whose owner is the subject or its principal, as the
// documents rule reads owners (no owner given is the subject's). The
// letter of a website's or App's principal (网站负责人授权书, owned by
// websites[i].principal) is another letter.
func hasPrincipalLetter(f *beian.Filing) bool {
	for i := range f.Documents {
		d := &f.Documents[i]
		if d.Kind == beian.DocAuthorizationLetter && parseOwner(d.Owner).root == ownerSubject {
			return true
		}
	}
	return false
}
