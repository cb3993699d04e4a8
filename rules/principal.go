package rules

import (
	"strings"

	"github.com/icpcheck/beian"
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
	must := pass.Policy.PrincipalMustBeLegalRepresentative
	if !s.Nature.IsUnit() || !must.Value || p.IsLegalRepresentative {
		return nil
	}
	name := strings.TrimSpace(p.Name)
	lr := strings.TrimSpace(s.LegalRepresentative)
	if name == "" || name == lr {
		return nil // FIELD_REQUIRED, or the same person
	}
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
		return nil
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
		Args:    pass.keepArgs([]Arg{provinceArg(pass), {"remedy", remedy}}),
		Source:  factSource(must),
	})
	return nil
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
