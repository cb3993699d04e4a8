package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/names"
)

// Certificate checks that certificates are well formed, fitting and current.
//
// The subject's certificate number, the subject principal's and each
// website principal's are checked for their type: length, characters,
// check character (ID cards, credit codes, organisation codes, old
// registration numbers), birth date and division code; a 15-digit
// first-generation ID number is refused (CERT_NUMBER_INVALID). A business
// licence (营业执照) whose number has a credit code's 18 characters is read
// as a credit code certificate here and by every rule (certnum.Kind):
// licences issued since 2015 bear the credit code, and the filing system's
// 营业执照 type takes it; a 15-digit number is the old registration
// number. The
// certificate type must be one the subject's nature may use, and a
// principal's one a person may use (CERT_TYPE_NOT_ALLOWED). A credit code's
// registration authority and category must fit the declared nature
// (CERT_NATURE_MISMATCH; a warning where the mapping is inferred). A given
// validity end of the subject's certificate must leave the three months
// provinces demand (CERT_EXPIRED). A personal subject and every principal
// with an ID card must be at least the province's minimum age on the day of
// submission (AGE_BELOW_MINIMUM; a warning where the age is uncertain).
// A valid number typed with lower-case letters, full-width characters,
// spaces or (for ID cards and credit codes) hyphens inside it is
// CERT_NUMBER_INVALID as a warning whose certain fix is the number as
// filed, at every field that holds it (the same person's number typed
// loosely in two fields is two warnings); white space around it is not a
// typing. Domain holders' numbers are the domain rules' concern: a domain
// record holds what the registry has, compared by meaning, and is not
// submitted, so its typing is not reported.
var Certificate = &Rule{
	Name:  "certificate",
	Doc:   docCertificate,
	Codes: []Code{CodeCertNumberInvalid, CodeCertTypeNotAllowed, CodeCertNatureMismatch, CodeCertExpired, CodeAgeBelowMinimum},
	Run:   runCertificate,
}

// minValidMonths is the remaining validity providers demand of every
// certificate (every UCloud province page, ucloud-beijing …; tencent-materials).
const minValidMonths = 3

func runCertificate(pass *Pass) error {
	f := pass.Filing
	s := &f.Subject

	// The subject's own certificate.
	if !certTypeAllowed(s.Nature, s.CertType) && s.CertType.Valid() {
		allowed, _ := certTypesFor(s.Nature)
		pass.Report("subject.cert_type", CodeCertTypeNotAllowed,
			Loc("holder", s.Nature.Label(language.Chinese), "A subject of nature "+s.Nature.Label(language.English)),
			labelArg("cert_type", s.CertType), Arg{"allowed", certTypesText(allowed.Types)})
	}
	// A business licence bearing a credit code is read as one (certnum.Kind).
	kind := certnum.Kind(s.CertType, s.CertNumber)
	subject := checkNumber(pass, subjectRef, kind, s.CertNumber)
	if subject.ok && kind == beian.CertUSCC && pass.unit() {
		checkNature(pass, s.Nature, subject.uscc)
	}
	if d := s.CertValidUntil; !d.IsZero() {
		checkValidity(pass, d)
	}
	if subject.ok && s.CertType == beian.CertIDCard && s.Nature == beian.NaturePersonal {
		checkAge(pass, subjectRef, subject.id)
	}

	// The people: the subject principal, then each website's and App's
	// principal who is not the subject principal under another name.
	// A personal subject's principal is the person: the same number is
	// checked once, as the subject's.
	// The same number typed another way is checked for its typing alone
	// (sameTyped): each field is submitted as typed.
	p := &s.Principal
	principalOK := subject.ok
	if s.Nature == beian.NaturePersonal && sameNumber(p.CertNumber, s.CertNumber) {
		sameTyped(pass, principalRef, p.CertType, p.CertNumber, s.CertNumber, subject.ok)
	} else {
		principalOK = checkPerson(pass, principalRef, p)
	}
	for i := range f.Websites {
		w := &f.Websites[i]
		if w.PrincipalSameAsSubject || w.Principal == nil {
			continue
		}
		if sameNumber(w.Principal.CertNumber, p.CertNumber) {
			sameTyped(pass, personRef(i), w.Principal.CertType, w.Principal.CertNumber, p.CertNumber, principalOK)
			continue
		}
		checkPerson(pass, personRef(i), w.Principal)
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		if a.PrincipalSameAsSubject || a.Principal == nil {
			continue
		}
		if sameNumber(a.Principal.CertNumber, p.CertNumber) {
			sameTyped(pass, appRef(i), a.Principal.CertType, a.Principal.CertNumber, p.CertNumber, principalOK)
			continue
		}
		checkPerson(pass, appRef(i), a.Principal)
	}
	return nil
}

// sameTyped checks number, the number checked already as checked (valid
// when ok), for its typing alone: typed with spaces, hyphens, lower-case
// letters or in full width, it is the loose-typing warning at its own
// field, whose fix is the canonical form, whether or not the number
// checked was typed the same way (each field is submitted as typed: the
// same typo in two fields is two, outsider18's F2).
func sameTyped(pass *Pass, ref personRef, t beian.CertType, number, checked string, ok bool) {
	if !ok {
		return
	}
	if canonical := certnum.Normalize(number); certTypedLoosely(t, number, canonical) {
		warnTypedLoosely(pass, ref.path("cert_number"), t, canonical)
	}
}

// appRef is the personRef of App i's principal.
func appRef(i int) personRef { return personRef(-3 - i) }

// checkPerson checks a principal's certificate type and number, and the
// age an ID card gives; it reports whether the number is valid.
func checkPerson(pass *Pass, ref personRef, p *beian.Principal) bool {
	if !certTypeAllowed(beian.NaturePersonal, p.CertType) && p.CertType.Valid() {
		holder := FieldLabel(ref.path(""))
		pass.Report(ref.path("cert_type"), CodeCertTypeNotAllowed,
			Loc("holder", holder.ZH, "The "+holder.EN),
			labelArg("cert_type", p.CertType), Arg{"allowed", certTypesText(personCertTypes())})
		return false
	}
	got := checkNumber(pass, ref, p.CertType, p.CertNumber)
	if got.ok && p.CertType == beian.CertIDCard {
		checkAge(pass, ref, got.id)
	}
	return got.ok
}

// parsedCert is what checkNumber learnt from a number.
type parsedCert struct {
	ok   bool // the number is valid for its type
	id   certnum.IDCard
	uscc certnum.USCC
}

// checkNumber parses number as certificate type t and reports
// CERT_NUMBER_INVALID at ref's number when it is not valid. Empty numbers
// and unknown types are left to the fields rule.
func checkNumber(pass *Pass, ref personRef, t beian.CertType, number string) parsedCert {
	if blank(number) {
		return parsedCert{}
	}
	// White space around the number is not part of it (a form trims it);
	// the parsers take spaces inside as separators.
	out, canonical, err := parseCert(pass, t, strings.TrimSpace(number))
	if err != nil {
		path := ref.path("cert_number")
		problem := Text{err.Error(), err.Error()}
		r := pass.Reject(path, CodeCertNumberInvalid, labelArg("cert_type", t), Arg{"problem", problem})
		if ce, ok := err.(*certnum.Error); ok {
			r.Args[1].Value = certProblem(ce)
			if ce.Reason == certnum.ReasonCheckCharacter {
				// The check character is the last one typed.
				if i := lastCertChar(number); i >= 0 {
					r = r.At(pass.Span(path, number, i, i+utf8.RuneLen(lastRune(number[i:]))))
				}
			}
		}
		pass.Add(r)
		return parsedCert{}
	}
	if canonical == "" {
		return parsedCert{} // other has no common form; unknown types are the fields rule's
	}
	if certTypedLoosely(t, number, canonical) {
		warnTypedLoosely(pass, ref.path("cert_number"), t, canonical)
	}
	out.ok = true
	return out
}

// parseCert parses number as certificate type t: what it learnt, and the
// number's canonical form when it is valid; canonical is "" with a nil
// error for the types without a common form (other, unknown ones).
func parseCert(pass *Pass, t beian.CertType, number string) (out parsedCert, canonical string, err error) {
	switch t {
	case beian.CertIDCard:
		out.id, err = certnum.ParseIDCardOn(number, pass.Today)
	case beian.CertUSCC:
		out.uscc, err = pass.parseUSCC(number)
	case beian.CertOrgCode:
		_, err = certnum.ParseOrgCode(number)
	case beian.CertBusinessLicense:
		_, err = certnum.ParseRegistrationNumber(number)
	case beian.CertHKMacaoPermit:
		_, err = certnum.ParseHKMacaoPermit(number)
	case beian.CertTaiwanPermit:
		_, err = certnum.ParseTaiwanPermit(number)
	case beian.CertPassport:
		_, err = certnum.ParsePassport(number)
	case beian.CertForeignPermanentResidence:
		_, err = certnum.ParseForeignPermanentResidence(number)
	default:
		return out, "", nil
	}
	if err != nil {
		return parsedCert{}, "", err
	}
	// The canonical number: the parsed one for the types whose parsers
	// return it (certnum's TestParsedNumberAsNormalize), else normalised.
	switch t {
	case beian.CertIDCard:
		canonical = out.id.Number
	case beian.CertUSCC:
		canonical = out.uscc.Code
	default:
		canonical = certnum.Normalize(number)
	}
	return out, canonical, nil
}

// certTypedLoosely reports whether number, a valid certificate number of
// type t read as canonical, is typed with lower-case letters, full-width
// characters, spaces or hyphens inside it, which the filing system's form
// does not take. White space around the number is not a typing: a form
// trims it (as in the phone and domain fields: warnPhoneTyping).
func certTypedLoosely(t beian.CertType, number, canonical string) bool {
	// Hyphens count for the numbers written without them (an ID card, a
	// credit code); an organisation code is written with its own
	// (D2143569-X).
	hyphens := t == beian.CertIDCard || t == beian.CertUSCC
	typed := strings.TrimSpace(number)
	return canonical != typed && typedLoosely(typed, hyphens)
}

// warnTypedLoosely reports a valid certificate number of type t that
// certTypedLoosely, as a warning at path whose fix is canonical, the
// number it is read as (certain).
func warnTypedLoosely(pass *Pass, path beian.Path, t beian.CertType, canonical string) {
	r := pass.Reject(path, CodeCertNumberInvalid, labelArg("cert_type", t),
		Loc("problem", "含有小写字母、全角字符、空格或连字符，备案系统只接受"+canonical+"这样的写法",
			"is typed with lower-case letters, full-width characters, spaces or hyphens; the filing system takes it as "+canonical))
	r.Severity = Warning
	pass.Add(pass.withFix(r, Fix{Field: path, Value: canonical, Title: Text{"改为" + canonical, "Write it as " + canonical}}))
}

// typedLoosely reports whether a certificate number holds a lower-case
// ASCII letter, a full-width character or white space, or, when hyphens is
// true, a hyphen or dash (separators certnum.Normalize drops).
func typedLoosely(s string, hyphens bool) bool {
	for _, r := range s {
		if 'a' <= r && r <= 'z' || r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 || unicode.IsSpace(r) ||
			hyphens && certnum.IsSeparator(r) {
			return true
		}
	}
	return false
}

// lastCertChar returns the byte index of the last character of s that is
// not white space, a hyphen or invisible; -1 when there is none.
func lastCertChar(s string) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if !unicode.IsSpace(r) && r != '-' && r != '－' && !names.Invisible(r) {
			return i
		}
	}
	return -1
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// checkNature reports a credit code whose category contradicts the
// declared nature.
func checkNature(pass *Pass, n beian.Nature, u certnum.USCC) {
	if u.Allows(n) { // the common case, without copying the kind
		return
	}
	k, ok := u.Kind()
	if !ok || k.Allows(n) {
		return
	}
	sev := Error
	if !k.Certain {
		sev = Warning
	}
	pass.Add(Rejection{
		Code: CodeCertNatureMismatch, Severity: sev, Field: "subject.nature",
		Related: pass.keepPaths("subject.cert_number"),
		Args: pass.keepArgs([]Arg{
			{"category", Text{k.Name, k.NameEN}}, labelArg("nature", n), labelArg("expected", k.Natures[0]),
		}),
	})
}

// checkValidity reports a subject certificate that has expired or expires
// within minValidMonths of submission.
func checkValidity(pass *Pass, until beian.Date) {
	var problem Text
	switch {
	case until.Before(pass.Today):
		problem = Text{"已过期", "it has expired"}
	case until.Before(pass.Today.AddMonthsClamped(minValidMonths)):
		problem = Text{"剩余有效期不足三个月", "fewer than the three months of validity provinces demand remain"}
	default:
		return
	}
	pass.Report("subject.cert_valid_until", CodeCertExpired, Str("valid_until", until.String()), Arg{"problem", problem})
}

// checkAge reports a person younger than the province's minimum age: a
// unit's principals by the age the province sets for them, a person who
// files, and who is the principal of their own filing, by the age for
// personal filers.
func checkAge(pass *Pass, ref personRef, card certnum.IDCard) {
	min := pass.Policy.MinimumAge
	if ref != subjectRef && pass.unit() {
		min = pass.Policy.UnitPrincipalMinimumAge
	}
	if min.Value <= 0 {
		return
	}
	age := card.AgeOn(pass.Today)
	if age >= min.Value {
		return
	}
	pass.ReportFact(ref.path("cert_number"), CodeAgeBelowMinimum, factSource(min),
		provinceArg(pass), Int("minimum", min.Value), Int("age", max(age, 0)))
}

// A personRef names whose certificate is checked: the subject, the subject
// principal, or the principal of website i (i >= 0).
type personRef int

const (
	subjectRef   personRef = -2
	principalRef personRef = -1
)

// path returns the path of field (empty: the person itself) of the
// certificate holder. Website paths are built only when reporting.
func (r personRef) path(field string) beian.Path {
	var base beian.Path
	switch r {
	case subjectRef:
		switch field { // the paths of every filing: no allocation
		case "cert_number":
			return "subject.cert_number"
		case "cert_type":
			return "subject.cert_type"
		}
		base = "subject"
	case principalRef:
		switch field {
		case "cert_number":
			return "subject.principal.cert_number"
		case "cert_type":
			return "subject.principal.cert_type"
		}
		base = "subject.principal"
	default:
		if r < subjectRef {
			base = beian.Path("apps").Index(int(-3 - r)).Field("principal")
			break
		}
		// websites[i].principal.field, in one allocation
		var buf [64]byte
		b := appendField(appendIndex(append(buf[:0], "websites"...), int(r)), "principal")
		if field != "" {
			b = appendField(b, field)
		}
		return beian.Path(b)
	}
	if field == "" {
		return base
	}
	return base.Field(field)
}

// sameNumber reports whether two certificate numbers are the same once
// normalised; empty numbers are never the same.
func sameNumber(a, b string) bool {
	if a == b {
		return !blank(a)
	}
	na, nb := certnum.Normalize(a), certnum.Normalize(b)
	return na != "" && na == nb
}

// labelArg returns an argument showing an enumeration's labels.
func labelArg(name string, v interface{ Label(language.Tag) string }) Arg {
	return Loc(name, v.Label(language.Chinese), v.Label(language.English))
}

// provinceArg returns the filing province's name, or "the filing
// province" when it is not known.
func provinceArg(pass *Pass) Arg {
	if pass.Province.IsZero() {
		return Loc("province", "备案地", "the filing province")
	}
	return Loc("province", pass.Province.Short, pass.Province.English)
}
