package rules

import (
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/domain"
)

// PersonalPrincipal checks that a personal filing's principals are the
// filer.
//
// A person files for himself: the subject principal (主体负责人) and every
// website or App principal (网站/App负责人) of a personal filing are the
// person himself (UCloud's filing basics). A principal whose name differs
// from the subject's name, or whose certificate number differs from the
// subject's, is PRINCIPAL_NOT_SELF at that field (names compared without
// spaces and with the full- and half-width forms alike, certificate numbers
// as the certificate parsers read them, when both are of one type). A
// website or App principal marked
// same as the subject principal is not compared again; an empty field is
// left to FIELD_REQUIRED. Unit filings are not checked: their principals
// are other people.
var PersonalPrincipal = &Rule{
	Name:  "personalprincipal",
	Doc:   docPersonalPrincipal,
	Codes: []Code{CodePrincipalNotSelf},
	Run:   runPersonalPrincipal,
}

func runPersonalPrincipal(pass *Pass) error {
	f := pass.Filing
	s := &f.Subject
	if s.Nature != beian.NaturePersonal {
		return nil
	}
	checkSelf(pass, &s.Principal, "subject.principal", false)
	for i := range f.Websites {
		w := &f.Websites[i]
		if !w.PrincipalSameAsSubject && w.Principal != nil {
			checkSelf(pass, w.Principal, beian.Path("websites").Index(i).Field("principal"), true)
		}
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		if !a.PrincipalSameAsSubject && a.Principal != nil {
			checkSelf(pass, a.Principal, beian.Path("apps").Index(i).Field("principal"), true)
		}
	}
	return nil
}

// checkSelf compares principal p at path with the personal subject: its
// name and its certificate number. linked says whether p can be replaced
// by ticking principal_same_as_subject (a website's or App's principal).
func checkSelf(pass *Pass, p *beian.Principal, path beian.Path, linked bool) {
	s := &pass.Filing.Subject
	if !blank(p.Name) && !blank(s.Name) && !domain.SameName(p.Name, s.Name) {
		reportNotSelf(pass, path.Field("name"), "subject.name", p.Name, s.Name, linked)
	}
	if p.CertType != "" && s.CertType != "" && p.CertType != s.CertType {
		return // another kind of certificate: its number cannot be compared (a USCC is CERT_TYPE_NOT_ALLOWED's)
	}
	have := certnum.Normalize(strings.TrimSpace(p.CertNumber))
	want := certnum.Normalize(strings.TrimSpace(s.CertNumber))
	if have != "" && want != "" && have != want {
		reportNotSelf(pass, path.Field("cert_number"), "subject.cert_number", p.CertNumber, s.CertNumber, linked)
	}
}

func reportNotSelf(pass *Pass, field, other beian.Path, value, want string, linked bool) {
	remedy := Text{"填写备案人本人的信息", "Give the filer's own details"}
	if linked {
		remedy = Text{"勾选“同主体负责人”，或填写备案人本人的信息", "Tick \"same as subject principal\", or give the filer's own details"}
	}
	pass.Add(Rejection{Code: CodePrincipalNotSelf, Severity: defaultSeverity(CodePrincipalNotSelf), Field: field,
		Related: pass.keepPaths(other),
		Args:    pass.keepArgs([]Arg{Str("value", shortValue(value)), {"other", FieldLabel(other)}, Str("want", shortValue(want)), {"remedy", remedy}})})
}
