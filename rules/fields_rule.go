package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
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
	// The checks are inline and what they report is out of line (the
	// report* functions below, never inlined): a clean filing runs through
	// short code, and the instruction cache holds the other rules too.
	f := pass.Filing
	if !f.FilingType.Valid() {
		reportEnum(pass, "filing_type", f.FilingType, beian.FilingTypes)
	}
	if blank(f.Province) {
		reportRequired(pass, "province")
	}

	s := &f.Subject
	if !s.Nature.Valid() {
		reportEnum(pass, "subject.nature", s.Nature, beian.Natures)
	}
	if blank(s.Name) {
		reportRequired(pass, "subject.name")
	}
	if !s.CertType.Valid() {
		reportEnum(pass, "subject.cert_type", s.CertType, beian.CertTypes)
	}
	if blank(s.CertNumber) {
		reportRequired(pass, "subject.cert_number")
	}
	if blank(s.CertAddress) {
		reportRequired(pass, "subject.cert_address")
	}
	if pass.unit() && blank(s.LegalRepresentative) {
		reportRequired(pass, "subject.legal_representative")
	}
	checkPrincipal(pass, func() beian.Path { return "subject.principal" }, &s.Principal)

	if len(f.Websites) == 0 && len(f.Apps) == 0 && f.FilingType != beian.FilingChange {
		reportRequired(pass, "websites")
	}
	if len(f.Apps) > 0 { // a website filing does not run the Apps' code (see runApps)
		checkAppFields(pass)
	}
	for i := range f.Websites {
		w := &f.Websites[i]
		if blank(w.Name) {
			reportRequiredIn(pass, "websites", i, "name")
		}
		if len(w.Domains) == 0 {
			reportRequiredIn(pass, "websites", i, "domains")
		}
		if personalRemark := pass.Policy.PersonalRemarkRequired; personalRemark.Value && s.Nature == beian.NaturePersonal && blank(w.Remark) {
			reportRemarkRequired(pass, i, personalRemark)
		}
		for j, d := range w.Domains {
			if blank(d) {
				reportRequiredIn(pass, "websites", i, "domains", j)
			}
		}
		if len(w.ContentCategories) > 0 || len(w.PreApprovals) > 0 {
			checkCategoryFields(pass, "websites", i, w.ContentCategories, w.PreApprovals)
		}
		switch {
		case w.PrincipalSameAsSubject:
		case w.Principal == nil:
			reportRequiredIn(pass, "websites", i, "principal")
		default:
			checkPrincipal(pass, func() beian.Path { return beian.Path("websites").Index(i).Field("principal") }, w.Principal)
		}
	}
	for i := range f.Domains {
		d := &f.Domains[i]
		if blank(d.Domain) {
			reportRequiredIn(pass, "domains", i, "domain")
		}
		if t := d.HolderCertType; t != "" && !t.Valid() {
			reportEnum(pass, beian.Path("domains").Index(i).Field("holder_cert_type"), t, beian.CertTypes)
		}
	}
	for i := range f.Documents {
		if k := f.Documents[i].Kind; !k.Valid() {
			reportEnum(pass, beian.Path("documents").Index(i).Field("kind"), k, beian.DocumentKinds)
		}
	}
	return nil
}

// checkCategoryFields checks the content categories and the
// pre-approvals' categories of website or App i (list is "websites" or
// "apps"): out of line, as most filings declare none.
//
//go:noinline
func checkCategoryFields(pass *Pass, list string, i int, cats []beian.ContentCategory, approvals []beian.PreApproval) {
	at := func() beian.Path { return beian.Path(list).Index(i) }
	for j, c := range cats {
		if !c.Valid() {
			reportEnum(pass, at().Field("content_categories").Index(j), c, beian.ContentCategories)
		}
	}
	for j := range approvals {
		if c := approvals[j].Category; !c.Valid() {
			reportEnum(pass, at().Field("pre_approvals").Index(j).Field("category"), c, beian.ContentCategories)
		}
	}
}

// reportRequired reports FIELD_REQUIRED at path (out of line, see
// runFields).
//
//go:noinline
func reportRequired(pass *Pass, path beian.Path) {
	pass.Report(path, CodeFieldRequired)
}

// reportRequiredIn reports FIELD_REQUIRED at list[i].field, or at
// list[i].field[j] when j is given (out of line, see runFields).
//
//go:noinline
func reportRequiredIn(pass *Pass, list string, i int, field string, j ...int) {
	at := beian.Path(list).Index(i).Field(field)
	for _, j := range j {
		at = at.Index(j)
	}
	pass.Report(at, CodeFieldRequired)
}

// reportRemarkRequired reports the missing remark of website i of a
// personal filing, at the severity of the province's fact.
//
//go:noinline
func reportRemarkRequired(pass *Pass, i int, fact provinces.Fact[bool]) {
	pass.ReportFact(beian.Path("websites").Index(i).Field("remark"), CodeFieldRequired, factSource(fact))
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
	if blank(p.Name) || blank(p.CertNumber) || blank(p.Mobile) || blank(p.Email) || !p.CertType.Valid() {
		reportPrincipal(pass, at, p)
	}
}

// reportPrincipal reports what checkPrincipal finds missing or unknown
// (out of line, see runFields).
//
//go:noinline
func reportPrincipal(pass *Pass, at func() beian.Path, p *beian.Principal) {
	for _, fv := range [...]struct {
		name, value string
	}{{"name", p.Name}, {"cert_number", p.CertNumber}, {"mobile", p.Mobile}, {"email", p.Email}} {
		if blank(fv.value) {
			pass.Report(fieldOf(at(), fv.name), CodeFieldRequired)
		}
	}
	if !p.CertType.Valid() {
		reportEnum(pass, fieldOf(at(), "cert_type"), p.CertType, beian.CertTypes)
	}
}

// requireEnum reports an empty value as missing and an invalid one as
// unknown, listing the names all returns.
func requireEnum[T ~string](pass *Pass, at beian.Path, v T, valid bool, all func() []T) {
	if !valid {
		reportEnum(pass, at, v, all)
	}
}

// reportEnum reports v, an enumeration's value that is not valid: as
// missing when empty, otherwise as unknown, listing the names all
// returns (out of line, see runFields).
//
//go:noinline
func reportEnum[T ~string](pass *Pass, at beian.Path, v T, all func() []T) {
	if v == "" {
		pass.Report(at, CodeFieldRequired)
		return
	}
	names := make([]string, 0, 12)
	for _, a := range all() {
		names = append(names, string(a))
	}
	pass.Report(at, CodeValueUnknown, Str("value", string(v)), Str("allowed", strings.Join(names, ", ")))
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
