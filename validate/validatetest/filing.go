package validatetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/certnum"
)

// DefaultSubmittedAt is the day of submission of the filings [NewFiling]
// builds unless [SubmittedAt] says otherwise: a fixed day (a Friday), so
// that a test gives the same report whatever day it runs.
var DefaultSubmittedAt = beian.NewDate(2026, time.November, 20)

// An Option changes a filing [NewFiling] builds, typically to break one
// thing in an otherwise valid filing.
type Option func(*builder)

// builder is the state options work on: what the filing is built from,
// and the edits to apply once it is.
type builder struct {
	province     provinces.Province
	certProvince provinces.Province // zero: the filing province
	nature       beian.Nature
	seed         int
	websites     int
	submitted    beian.Date
	edits        []func(*beian.Filing)
	fail         string
}

// NewFiling returns a filing that every rule of the library accepts, for
// a subject of the given nature filing in the given province (any form
// [provinces.Lookup] accepts: "44", 广东, 粤, guangdong):
//
//   - the subject's certificate is the nature's usual one (a resident ID
//     card for a person, a credit code of the nature's registration
//     authority and category for a unit), issued in the province, with
//     correct check characters;
//   - the principal is the legal representative, with an ID card of the
//     province, a mobile of a segment of the province, a landline of the
//     provincial capital and an e-mail address on the site's domain;
//   - one website (see [Websites]) with a name fitting the nature, one
//     filable domain per website (.gov.cn for a government body), and a
//     record per domain held by the subject, verified two months before
//     submission and registered for two years more;
//   - the documents the requirements table (rules.DocumentRequirements)
//     always asks of the nature in the province (a commitment letter in
//     广东 …), with the verification form and the principal's photo;
//   - submitted on [DefaultSubmittedAt].
//
// Options then change it, in order (see [Seed] for distinct filings). An
// unknown province or nature, or an option out of range, fails the test
// at once. The filing is new on each call: a test may modify it.
func NewFiling(tb testing.TB, province string, nature beian.Nature, opts ...Option) *beian.Filing {
	tb.Helper()
	f, err := BuildFiling(province, nature, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// BuildFiling is [NewFiling] for code that has no testing.TB (a load
// generator, a fuzz corpus): it returns an error for an unknown province
// or nature, or an option out of range.
func BuildFiling(province string, nature beian.Nature, opts ...Option) (*beian.Filing, error) {
	prov, ok := provinces.Lookup(province)
	if !ok {
		return nil, fmt.Errorf("validatetest: unknown province %q", province)
	}
	if !nature.Valid() {
		return nil, fmt.Errorf("validatetest: unknown nature %q", nature)
	}
	b := &builder{province: prov, nature: nature, websites: 1, submitted: DefaultSubmittedAt}
	for _, o := range opts {
		if o != nil {
			o(b)
		}
	}
	if b.fail != "" {
		return nil, fmt.Errorf("validatetest: %s", b.fail)
	}
	f := b.build()
	for _, e := range b.edits {
		e(f)
	}
	return f, nil
}

func (b *builder) edit(e func(*beian.Filing)) { b.edits = append(b.edits, e) }

// Seed makes the filing the n-th of its province and nature: another
// subject name, certificate numbers, mobile, domains and e-mail, all still
// valid. Filings built with different seeds (0 to 9999) share no
// certificate number, mobile or domain; the default seed is 0.
func Seed(n int) Option {
	return func(b *builder) {
		if n < 0 || n > 9999 {
			b.fail = fmt.Sprintf("seed %d out of range 0…9999", n)
			return
		}
		b.seed = n
	}
}

// Websites makes the filing carry n websites (1 to 9), each with its own
// domain and domain record.
func Websites(n int) Option {
	return func(b *builder) {
		if n < 1 || n > 9 {
			b.fail = fmt.Sprintf("websites %d out of range 1…9", n)
			return
		}
		b.websites = n
	}
}

// Edit applies fn to the built filing: the general way to break it. Edits
// run after the filing is built, in the order of the options.
func Edit(fn func(f *beian.Filing)) Option {
	return func(b *builder) { b.edit(fn) }
}

// SubmittedAt sets the day of submission. The dates the builder derives
// from it (domain verification and expiry) follow.
func SubmittedAt(d beian.Date) Option {
	return func(b *builder) { b.submitted = d }
}

// FilingType sets the filing type (the default is [beian.FilingNew]).
func FilingType(t beian.FilingType) Option {
	return Edit(func(f *beian.Filing) { f.FilingType = t })
}

// WrongCheckCharacter gives the subject a certificate number whose check
// character is wrong (CERT_NUMBER_INVALID on subject.cert_number). The
// domain records (and, for a person, the principal) carry the same wrong
// number, so that nothing else changes.
func WrongCheckCharacter() Option {
	return Edit(func(f *beian.Filing) {
		good := f.Subject.CertNumber
		f.Subject.CertNumber = breakCheck(good)
		if f.Subject.Nature == beian.NaturePersonal {
			f.Subject.Principal.CertNumber = f.Subject.CertNumber
		}
		for i := range f.Domains {
			if f.Domains[i].HolderCertNumber == good {
				f.Domains[i].HolderCertNumber = f.Subject.CertNumber
			}
		}
	})
}

// CertificateFrom makes the subject's certificate (and, for a person, the
// principal's ID card and the certificate address) one issued in another
// province, given in any form [provinces.Lookup] accepts: CROSS_PROVINCE
// for a unit; for a person, CROSS_PROVINCE_PERSONAL where the filing
// province does not accept such a card without proof.
func CertificateFrom(province string) Option {
	return func(b *builder) {
		p, ok := provinces.Lookup(province)
		if !ok {
			b.fail = fmt.Sprintf("unknown province %q", province)
			return
		}
		b.certProvince = p
	}
}

// Mobile sets the subject principal's mobile.
func Mobile(m string) Option {
	return Edit(func(f *beian.Filing) { f.Subject.Principal.Mobile = m })
}

// SiteName sets the name of the first website.
func SiteName(name string) Option {
	return Edit(func(f *beian.Filing) { f.Websites[0].Name = name })
}

// Domain sets the domain of the first website and of its domain record.
func Domain(d string) Option {
	return Edit(func(f *beian.Filing) {
		f.Websites[0].Domains = []string{d}
		f.Domains[0].Domain = d
	})
}

// DomainHolder sets the holder name of the first domain record
// (DOMAIN_HOLDER_MISMATCH when it is not the subject's name).
func DomainHolder(name string) Option {
	return Edit(func(f *beian.Filing) { f.Domains[0].HolderName = name })
}

// DomainUnverified clears the real-name verification of the first domain
// record (DOMAIN_NOT_VERIFIED).
func DomainUnverified() Option {
	return Edit(func(f *beian.Filing) { f.Domains[0].VerifiedAt = beian.Date{} })
}

// PrincipalNotLegalRepresentative makes the subject principal another
// person than the legal representative (a unit's filing only;
// PRINCIPAL_NOT_LEGAL_REPRESENTATIVE where the province demands the legal
// representative).
func PrincipalNotLegalRepresentative() Option {
	return func(b *builder) {
		b.edit(func(f *beian.Filing) {
			if !f.Subject.Nature.IsUnit() {
				return
			}
			p := &f.Subject.Principal
			p.Name = otherPerson(b.seed)
			p.CertNumber = idNumberAt(b.province.Code+"0103", b.seed)
			p.IsLegalRepresentative = false
		})
	}
}

// WithoutDocuments sets the documents to nil, "not uploaded yet": the
// document checks are skipped, as for a form checked before its upload
// step.
func WithoutDocuments() Option {
	return Edit(func(f *beian.Filing) { f.Documents = nil })
}

// breakCheck replaces the last (check) character of a number by another
// valid-looking one.
func breakCheck(n string) string {
	if n == "" {
		return n
	}
	last := n[len(n)-1]
	repl := byte('0')
	if last == '0' {
		repl = '1'
	}
	return n[:len(n)-1] + string(repl)
}

// idNumber returns a valid 18-digit ID number of the province: division
// code PP0102, born 1980-01-01 plus seed days (within ten years: an adult
// on any submission day from 2008 on), sequence from seed, and its check
// character.
func idNumber(province string, seed int) string {
	return idNumberAt(province+"0102", seed)
}

// idNumberAt is idNumber with the whole six-digit division code.
func idNumberAt(division string, seed int) string {
	birth := beian.NewDate(1980, time.January, 1).AddDays(seed % 3650)
	body := fmt.Sprintf("%s%04d%02d%02d%03d", division, birth.Year(), birth.Month(), birth.Day(), seed%1000)
	c, _ := certnum.IDCheckChar(body)
	return body + string(c)
}

// usccNumber returns a valid credit code for a unit of nature n
// registered in the province: authority and category of the nature, the
// division code PP0100, an organisation code made from the seed with its
// check character, and the code's own check character.
func usccNumber(n beian.Nature, province string, seed int) string {
	org := orgCode(n, seed)
	body := usccKinds[n] + province + "0100" + org
	c, _ := certnum.USCCCheckChar(body)
	return body + string(c)
}

// orgCode returns a valid 9-character organisation code, distinct for
// each nature and seed.
func orgCode(n beian.Nature, seed int) string {
	body := fmt.Sprintf("MA%c%05d", natureLetter[n], seed)
	c, _ := certnum.OrgCodeCheckChar(body)
	return body + string(c)
}

// usccKinds are the authority and category characters of each unit
// nature's credit code (GB 32100 appendix A; see certnum.USCCKind).
var usccKinds = map[beian.Nature]string{
	beian.NatureEnterprise:           "91",
	beian.NatureGovernment:           "11",
	beian.NatureInstitution:          "12",
	beian.NatureSocialGroup:          "51",
	beian.NaturePrivateNonEnterprise: "52",
	beian.NatureFoundation:           "53",
	beian.NatureLawFirm:              "31",
	beian.NatureMilitary:             "A1",
	beian.NatureOther:                "Y1",
}

// natureLetter keeps the organisation codes of natures apart (letters a
// credit code may hold: not I, O, S, V or Z).
var natureLetter = map[beian.Nature]byte{
	beian.NaturePersonal:             'P',
	beian.NatureEnterprise:           'E',
	beian.NatureGovernment:           'G',
	beian.NatureInstitution:          'J',
	beian.NatureSocialGroup:          'T',
	beian.NaturePrivateNonEnterprise: 'N',
	beian.NatureFoundation:           'F',
	beian.NatureLawFirm:              'L',
	beian.NatureMilitary:             'M',
	beian.NatureOther:                'Y',
}
