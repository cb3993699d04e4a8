package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian"
)

// Fields checks that required fields are filled and enumerations are known.
//
// The filing system requires, for every filing: the filing type and region;
// the subject's nature, name, certificate type, number and address; for a
// unit, the legal representative; the subject principal's name, certificate
// type and number, mobile and e-mail; and, except for a change filing, at
// least one website or App. Each website needs a name, a domain and a
// principal (unless it is the subject principal, whose details then
// count). Each App needs a type, a name, a package per platform and a
// principal likewise; its platforms must be ones of its type (Android,
// iOS, HarmonyOS for an App; WeChat, Alipay, Baidu, Douyin, QQ for a
// mini-program or quick app; other for both). A personal filing's
// website needs a remark describing its real content where the province's
// personal_remark_required fact says so (UCloud's pages of 25 provinces;
// an error there, a warning in the provinces whose page says nothing). The
// emergency phone is not
// required: consoles often collect it at a later step. Each
// domain record needs its domain, each pre-approval its category, each
// document its kind.
//
// Enumerated fields (filing type, nature, certificate types, content
// categories, document kinds) must hold one of the wire format's names:
// decoding refuses others, but a filing built in Go may carry any string.
var Fields = &Rule{
	Name:  "fields",
	Doc:   docFields,
	Codes: []Code{CodeFieldRequired, CodeValueUnknown},
	Run:   runFields,
}

func runFields(pass *Pass) error {
	f := pass.Filing
	require := func(path beian.Path, s string) {
		if blank(s) {
			pass.Report(path, CodeFieldRequired)
		}
	}

	requireEnum(pass, "filing_type", f.FilingType, f.FilingType.Valid(), beian.FilingTypes)
	require("province", f.Province)

	s := &f.Subject
	requireEnum(pass, "subject.nature", s.Nature, s.Nature.Valid(), beian.Natures)
	require("subject.name", s.Name)
	requireEnum(pass, "subject.cert_type", s.CertType, s.CertType.Valid(), beian.CertTypes)
	require("subject.cert_number", s.CertNumber)
	require("subject.cert_address", s.CertAddress)
	if s.Nature.IsUnit() {
		require("subject.legal_representative", s.LegalRepresentative)
	}
	checkPrincipal(pass, func() beian.Path { return "subject.principal" }, &s.Principal)

	if len(f.Websites) == 0 && len(f.Apps) == 0 && f.FilingType != beian.FilingChange {
		pass.Report("websites", CodeFieldRequired)
	}
	if len(f.Apps) > 0 { // a website filing does not run the Apps' code (see runApps)
		checkAppFields(pass)
	}
	for i := range f.Websites {
		w := &f.Websites[i]
		at := func() beian.Path { return beian.Path("websites").Index(i) }
		if blank(w.Name) {
			pass.Report(at().Field("name"), CodeFieldRequired)
		}
		if len(w.Domains) == 0 {
			pass.Report(at().Field("domains"), CodeFieldRequired)
		}
		if personalRemark := pass.Policy.PersonalRemarkRequired; personalRemark.Value && s.Nature == beian.NaturePersonal && blank(w.Remark) {
			pass.ReportFact(at().Field("remark"), CodeFieldRequired, factSource(personalRemark))
		}
		for j, d := range w.Domains {
			if blank(d) {
				pass.Report(at().Field("domains").Index(j), CodeFieldRequired)
			}
		}
		for j, c := range w.ContentCategories {
			if !c.Valid() {
				requireEnum(pass, at().Field("content_categories").Index(j), c, false, beian.ContentCategories)
			}
		}
		for j := range w.PreApprovals {
			if c := w.PreApprovals[j].Category; !c.Valid() {
				requireEnum(pass, at().Field("pre_approvals").Index(j).Field("category"), c, false, beian.ContentCategories)
			}
		}
		switch {
		case w.PrincipalSameAsSubject:
		case w.Principal == nil:
			pass.Report(at().Field("principal"), CodeFieldRequired)
		default:
			checkPrincipal(pass, func() beian.Path { return at().Field("principal") }, w.Principal)
		}
	}
	for i := range f.Domains {
		d := &f.Domains[i]
		if blank(d.Domain) {
			pass.Report(beian.Path("domains").Index(i).Field("domain"), CodeFieldRequired)
		}
		if t := d.HolderCertType; t != "" && !t.Valid() {
			requireEnum(pass, beian.Path("domains").Index(i).Field("holder_cert_type"), t, false, beian.CertTypes)
		}
	}
	for i := range f.Documents {
		if k := f.Documents[i].Kind; !k.Valid() {
			requireEnum(pass, beian.Path("documents").Index(i).Field("kind"), k, false, beian.DocumentKinds)
		}
	}
	return nil
}

// checkAppFields checks the required fields and enumerations of the
// filing's Apps: a type, a name, a known platform for the type, a package
// per platform, and a principal.
func checkAppFields(pass *Pass) {
	f := pass.Filing
	for i := range f.Apps {
		a := &f.Apps[i]
		at := func() beian.Path { return beian.Path("apps").Index(i) }
		requireEnum(pass, at().Field("type"), a.Type, a.Type.Valid(), beian.AppTypes)
		if blank(a.Name) {
			pass.Report(at().Field("name"), CodeFieldRequired)
		}
		for k := range a.Platforms {
			pl := &a.Platforms[k]
			path := func() beian.Path { return at().Field("platforms").Index(k) }
			switch {
			case pl.Platform == "":
				pass.Report(path().Field("platform"), CodeFieldRequired)
			case !pl.Platform.For(a.Type) && a.Type.Valid():
				requireEnum(pass, path().Field("platform"), pl.Platform, false, func() []beian.Platform { return beian.PlatformsFor(a.Type) })
			case !pl.Platform.Valid():
				requireEnum(pass, path().Field("platform"), pl.Platform, false, beian.Platforms)
			}
			if blank(pl.Package) {
				pass.Report(path().Field("package"), CodeFieldRequired)
			}
			for j, d := range pl.Domains {
				if blank(d) {
					pass.Report(path().Field("domains").Index(j), CodeFieldRequired)
				}
			}
		}
		for j, c := range a.ContentCategories {
			if !c.Valid() {
				requireEnum(pass, at().Field("content_categories").Index(j), c, false, beian.ContentCategories)
			}
		}
		for j := range a.PreApprovals {
			if c := a.PreApprovals[j].Category; !c.Valid() {
				requireEnum(pass, at().Field("pre_approvals").Index(j).Field("category"), c, false, beian.ContentCategories)
			}
		}
		switch {
		case a.PrincipalSameAsSubject:
		case a.Principal == nil:
			pass.Report(at().Field("principal"), CodeFieldRequired)
		default:
			checkPrincipal(pass, func() beian.Path { return at().Field("principal") }, a.Principal)
		}
	}
}

// checkPrincipal checks a principal's required fields; at gives its path
// when there is something to report.
func checkPrincipal(pass *Pass, at func() beian.Path, p *beian.Principal) {
	for _, fv := range [...]struct {
		name, value string
	}{{"name", p.Name}, {"cert_number", p.CertNumber}, {"mobile", p.Mobile}, {"email", p.Email}} {
		if blank(fv.value) {
			pass.Report(at().Field(fv.name), CodeFieldRequired)
		}
	}
	if !p.CertType.Valid() {
		requireEnum(pass, at().Field("cert_type"), p.CertType, false, beian.CertTypes)
	}
}

// requireEnum reports an empty value as missing and an invalid one as
// unknown, listing the names all returns.
func requireEnum[T ~string](pass *Pass, at beian.Path, v T, valid bool, all func() []T) {
	switch {
	case valid:
	case v == "":
		pass.Report(at, CodeFieldRequired)
	default:
		names := make([]string, 0, 12)
		for _, a := range all() {
			names = append(names, string(a))
		}
		pass.Report(at, CodeValueUnknown, Str("value", string(v)), Str("allowed", strings.Join(names, ", ")))
	}
}

// blank reports whether s is empty or white space only, as
// strings.TrimSpace(s) == "" does (TestBlankAsTrimSpace).
func blank(s string) bool {
	// Inlined: most fields asked are filled, and start with a byte no
	// white space starts with (maySpace), which answers at once; the
	// rest are read by blankFrom.
	return len(s) == 0 || spaceLead[s[0]] && blankFrom(s)
}

// spaceLead marks the bytes white space may start with: maySpace as a
// table.
var spaceLead = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// blankFrom is blank for a non-empty s, read from its first byte.
func blankFrom(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if !maySpace(c) {
				return false // a Chinese character: no white space starts with its first byte
			}
			if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) {
				return false
			}
			return strings.TrimSpace(s[i:]) == ""
		}
		if c != ' ' && (c < '\t' || c > '\r') {
			return false
		}
	}
	return true
}
