package rules

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/domain"
)

// DomainHolder checks that website domains are held by the subject, not
// expiring.
//
// For every website domain, and every domain of a native App
// (huawei-app-filing: an App's subject must be its domains' holder), that
// has a record in domains (matched by the
// same text, or else by registrable domain, so WWW.Example.CN finds
// example.cn):
//
// The holder's name must be the subject's once the differences a reviewer
// accepts are folded away (full-width forms, （） and (), spaces,
// traditional characters, the case of Latin letters; domain.SameName), else
// DOMAIN_HOLDER_MISMATCH. A unit's domain held in the name of its legal
// representative is accepted, except where the province's policy
// (domain_holder_must_be_unit: Ningxia, Shaanxi, Xinjiang) wants the unit
// itself. One held in the name of another principal of the filing (the
// subject principal, or the website's or App's) is a warning there: MIIT's
// 2017 notice lets a unit's main responsible person or a senior manager
// hold its domain (miit-domain-notice-2017), most provinces take only the
// unit or its legal representative; the holder's certificate is then
// compared with that principal's.
//
// When the names match, the holder's certificate must be the subject's (or,
// for a domain held by the legal representative, the principal's when the
// principal is the legal representative): a different type or number is
// DOMAIN_HOLDER_CERT_MISMATCH, numbers compared in normalised form
// (rules/certnum). An old organisation code that the subject's credit code
// embeds (or the reverse) is the same unit under its older number: a
// warning, not an error.
//
// A record whose expires_at is less than three months after the day of
// submission, or already passed, is DOMAIN_EXPIRING.
//
// A website domain without a record, or a record without a holder name or
// certificate, has those checks listed as skipped. Records are indexed by
// domain: the work is linear in the number of domains.
var DomainHolder = &Rule{
	Name:  "domainholder",
	Doc:   docDomainHolder,
	Codes: []Code{CodeDomainExpiring, CodeDomainHolderMismatch, CodeDomainHolderCertMismatch},
	Run:   runDomainHolder,
}

func runDomainHolder(pass *Pass) error {
	f := pass.Filing
	m := len(f.Domains)
	// Records are found by the text of a website's domain first, which
	// needs no parsing when both are written alike, and else by
	// registrable domain; the first record of a domain wins
	// (DOMAIN_DUPLICATE reports the others).
	byText := recordTexts{records: f.Domains}
	for i := range f.Domains {
		checkExpiry(pass, i, &f.Domains[i])
	}
	var byDomain map[string]int // built on first need
	var small [8]bool
	checked := small[:min(m, len(small))]
	if m > len(small) {
		checked = make([]bool, m)
	}
	// by is the principal of the website or App whose domain it is (nil
	// when it is the subject's), at owner[i].principal.
	visit := func(raw string, app bool, by holderPrincipal) {
		k, ok := byText.get(raw)
		if !ok {
			d, err := pass.ParseDomain(raw)
			if err != nil {
				return // DOMAIN_INVALID
			}
			if m <= len(small) {
				k, ok = recordOf(pass, f.Domains, d.ASCII()) // a few: no index
			} else {
				if byDomain == nil {
					byDomain = recordsByDomain(pass, f.Domains)
				}
				k, ok = byDomain[d.ASCII()]
			}
			if !ok {
				reason := pass.noRecordReason(shortValue(raw), app)
				pass.Skip(CodeDomainHolderMismatch, reason)
				pass.Skip(CodeDomainHolderCertMismatch, reason)
				return
			}
		}
		if checked[k] {
			return
		}
		checked[k] = true
		checkHolder(pass, k, &f.Domains[k], by)
	}
	for i := range f.Websites {
		by := holderPrincipal{f.Websites[i].Principal, "websites", i}
		for _, raw := range f.Websites[i].Domains {
			visit(raw, false, by)
		}
	}
	for i := range f.Apps {
		if f.Apps[i].Type.IsHosted() {
			continue
		}
		by := holderPrincipal{f.Apps[i].Principal, "apps", i}
		for k := range f.Apps[i].Platforms {
			for _, raw := range f.Apps[i].Platforms[k].Domains {
				if !blank(raw) {
					visit(raw, true, by)
				}
			}
		}
	}
	return nil
}

// recordTexts finds the first record whose domain is typed as a text: by
// scanning a few records, through a map built on first need for more, so
// that the time stays linear in the filing's size.
type recordTexts struct {
	records []beian.DomainRecord
	index   map[string]int
}

// get returns the index of the first record whose Domain is raw.
func (t *recordTexts) get(raw string) (int, bool) {
	if len(t.records) <= searchedRecords {
		for i := range t.records {
			if t.records[i].Domain == raw {
				return i, true
			}
		}
		return 0, false
	}
	if t.index == nil {
		t.index = make(map[string]int, len(t.records))
		for i := range t.records {
			if _, dup := t.index[t.records[i].Domain]; !dup {
				t.index[t.records[i].Domain] = i
			}
		}
	}
	k, ok := t.index[raw]
	return k, ok
}

// searchedRecords is the most records recordTexts scans.
const searchedRecords = 8

// recordsByDomain indexes records by registrable domain, the first record
// of each winning.
func recordsByDomain(pass *Pass, records []beian.DomainRecord) map[string]int {
	out := make(map[string]int, len(records))
	for i := range records {
		if d, err := pass.ParseDomain(records[i].Domain); err == nil {
			if _, dup := out[d.ASCII()]; !dup {
				out[d.ASCII()] = i
			}
		}
	}
	return out
}

// recordOf returns the first of records whose registrable domain is
// ascii: what recordsByDomain's index gives, for a few records.
func recordOf(pass *Pass, records []beian.DomainRecord, ascii string) (int, bool) {
	for i := range records {
		if d, err := pass.ParseDomain(records[i].Domain); err == nil && d.ASCII() == ascii {
			return i, true
		}
	}
	return 0, false
}

// expiresWithinThreeMonths reports whether end is before three months
// from today, as Chinese law counts months (today.AddMonthsClamped(3):
// November 30 to February 28), without the calendar arithmetic for an end
// two calendar years away or more: three months on, today is at most in
// the next year. TestExpiresWithinThreeMonths holds it to
// AddMonthsClamped.
func expiresWithinThreeMonths(end, today beian.Date) bool {
	if end.Year() > today.Year()+1 {
		return false
	}
	return end.Before(today.AddMonthsClamped(3))
}

// checkExpiry reports a registration ending within three months of the
// day of submission.
func checkExpiry(pass *Pass, i int, r *beian.DomainRecord) {
	end := r.ExpiresAt
	if end.IsZero() || !expiresWithinThreeMonths(end, pass.Today) {
		return
	}
	expiry := Loc("expiry", "将于"+end.String()+"到期，剩余有效期不足三个月", "expires on "+end.String()+", less than three months away")
	if end.Before(pass.Today) {
		expiry = Loc("expiry", "已于"+end.String()+"到期", "expired on "+end.String())
	}
	pass.Report(beian.Path("domains").Index(i).Field("expires_at"), CodeDomainExpiring,
		Str("domain", shortValue(r.Domain)), Str("expires_at", end.String()), expiry)
}

// A holderPrincipal is the principal of the website or App whose domain
// a record is, p, at owner[i].principal; p is nil when the subject
// principal stands for it.
type holderPrincipal struct {
	p     *beian.Principal
	owner string
	i     int
}

// checkHolder compares the holder of record k with the subject; by is the
// principal of the website or App whose domain it is.
func checkHolder(pass *Pass, k int, r *beian.DomainRecord, by holderPrincipal) {
	s := &pass.Filing.Subject
	if blank(r.HolderName) {
		reason := Text{"域名" + shortValue(r.Domain) + "的记录没有持有者名称", "the record of " + shortValue(r.Domain) + " names no holder"}
		pass.Skip(CodeDomainHolderMismatch, reason)
		pass.Skip(CodeDomainHolderCertMismatch, reason)
		return
	}
	if blank(s.Name) {
		return // FIELD_REQUIRED
	}
	// The certificate the holder's should be: the subject's, or the legal
	// representative's when the domain is in that name.
	wantType, wantNumber, wantField := s.CertType, s.CertNumber, beian.Path("subject")
	switch {
	case domain.SameName(r.HolderName, s.Name):
	case pass.unit() && !blank(s.LegalRepresentative) && domain.SameName(r.HolderName, s.LegalRepresentative):
		must := pass.Policy.DomainHolderMustBeUnit
		if must.Value {
			sev := defaultSeverity(CodeDomainHolderMismatch)
			if !must.Certain {
				sev = Warning
			}
			pass.Add(Rejection{Code: CodeDomainHolderMismatch, Severity: sev, Field: recordAt(k).Field("holder_name"), Source: factSource(must),
				Related: pass.keepPaths("subject.name", "subject.legal_representative"),
				Args: pass.keepArgs([]Arg{Str("holder", shortValue(r.HolderName)), Str("subject", shortValue(s.Name)),
					detailArg(Text{"（" + provinceArg(pass).Value.ZH + "要求域名持有者为单位本身，不能是法定代表人）",
						" (" + provinceArg(pass).Value.EN + " wants the unit itself as the holder, not its legal representative)"})})})
			return
		}
		p := &s.Principal
		if !p.IsLegalRepresentative && !domain.SameName(p.Name, s.LegalRepresentative) {
			pass.Skip(CodeDomainHolderCertMismatch, Text{"域名由法定代表人持有，备案信息中没有法定代表人的证件", "the domain is held by the legal representative, whose certificate the filing does not give"})
			return
		}
		wantType, wantNumber, wantField = p.CertType, p.CertNumber, "subject.principal"
	default:
		if p, at := principalHolding(pass, r, by); p != nil {
			// MIIT's 2017 notice lets a unit's main responsible person or
			// a senior manager hold its domain; most provinces take only
			// the unit or its legal representative. The sources disagree:
			// a warning, and the holder's certificate is the principal's.
			pass.Add(Rejection{Code: CodeDomainHolderMismatch, Severity: Warning,
				Field: recordAt(k).Field("holder_name"), Related: pass.keepPaths("subject.name", at.Field("name")),
				Args: pass.keepArgs([]Arg{Str("holder", shortValue(r.HolderName)), Str("subject", shortValue(s.Name)),
					detailArg(Text{"（持有者是本次备案的负责人：工信部2017年通知允许单位的主要负责人或高级管理人员持有域名，但多数管局只接受单位本身或其法定代表人）",
						" (the holder is a principal of this filing: MIIT's 2017 notice lets a unit's main responsible person or a senior manager hold its domain, but most provinces take only the unit itself or its legal representative)"})}),
			}.From(sourceOf([]string{"miit-domain-notice-2017"}, false)))
			checkHolderCert(pass, k, r, p.CertType, p.CertNumber, at)
			return
		}
		pass.Add(Rejection{Code: CodeDomainHolderMismatch, Severity: defaultSeverity(CodeDomainHolderMismatch),
			Field: recordAt(k).Field("holder_name"), Related: pass.keepPaths("subject.name"),
			Args: pass.keepArgs([]Arg{Str("holder", shortValue(r.HolderName)), Str("subject", shortValue(s.Name)), detailArg(Text{})})})
		return
	}
	checkHolderCert(pass, k, r, wantType, wantNumber, wantField)
}

// principalHolding returns the principal of the filing, and its path,
// whose name is the holder's of r, for a unit whose province does not
// want the unit itself as holder: the subject principal, or by's; nil
// when none is.
func principalHolding(pass *Pass, r *beian.DomainRecord, by holderPrincipal) (*beian.Principal, beian.Path) {
	s := &pass.Filing.Subject
	if !pass.unit() || pass.Policy.DomainHolderMustBeUnit.Value {
		return nil, ""
	}
	if p := &s.Principal; !blank(p.Name) && domain.SameName(r.HolderName, p.Name) {
		return p, "subject.principal"
	}
	if p := by.p; p != nil && !blank(p.Name) && domain.SameName(r.HolderName, p.Name) {
		return p, beian.Path(by.owner).Index(by.i).Field("principal")
	}
	return nil, ""
}

// recordAt returns the path of record k, built only to report.
func recordAt(k int) beian.Path { return beian.Path("domains").Index(k) }

func detailArg(t Text) Arg { return Arg{"detail", t} }

// checkHolderCert compares the holder's certificate with the one it
// should be (want*, of the person or unit at wantField), for record k.
func checkHolderCert(pass *Pass, k int, r *beian.DomainRecord, wantType beian.CertType, wantNumber string, wantField beian.Path) {
	haveType, haveNumber := r.HolderCertType, certnum.Normalize(strings.TrimSpace(r.HolderCertNumber))
	want := haveNumber // the same text (the holder is the subject): normalised once
	if wantNumber != r.HolderCertNumber {
		want = certnum.Normalize(strings.TrimSpace(wantNumber))
	}
	// A business licence bearing a credit code is that credit code's
	// certificate (certnum.Kind), on either side.
	haveType, wantType = certnum.Kind(haveType, haveNumber), certnum.Kind(wantType, want)
	if haveType == "" && haveNumber == "" {
		pass.Skip(CodeDomainHolderCertMismatch, Text{"域名" + shortValue(r.Domain) + "的记录没有持有者证件", "the record of " + shortValue(r.Domain) + " gives no holder certificate"})
		return
	}
	if wantType == "" || want == "" {
		return // FIELD_REQUIRED on the subject
	}
	// An old organisation code and the credit code that embeds it name the
	// same unit.
	if oc, uscc, ok := embeddedOrgCode(haveType, haveNumber, wantType, want); ok {
		pass.Add(Rejection{Code: CodeDomainHolderCertMismatch, Severity: Warning, Field: recordAt(k).Field("holder_cert_type"),
			Related: pass.keepPaths(wantField.Field("cert_type")),
			Args: pass.keepArgs([]Arg{Loc("problem",
				"一方是旧的组织机构代码"+oc+"，另一方是包含它的统一社会信用代码"+uscc+"，属同一单位，但管局可能要求二者一致",
				"one gives the old organisation code "+oc+" and the other the credit code "+uscc+" that embeds it: the same unit, but the reviewer may want both to match")})})
		return
	}
	if haveType != "" && haveType != wantType {
		pass.Add(Rejection{Code: CodeDomainHolderCertMismatch, Severity: defaultSeverity(CodeDomainHolderCertMismatch),
			Field: recordAt(k).Field("holder_cert_type"), Related: pass.keepPaths(wantField.Field("cert_type")),
			Args: pass.keepArgs([]Arg{Loc("problem",
				"持有者证件类型为「"+haveType.Label(language.Chinese)+"」，应为「"+wantType.Label(language.Chinese)+"」",
				"the holder's is a "+haveType.Label(language.English)+", the subject's a "+wantType.Label(language.English))})})
		return
	}
	if haveNumber != "" && haveNumber != want {
		pass.Add(Rejection{Code: CodeDomainHolderCertMismatch, Severity: defaultSeverity(CodeDomainHolderCertMismatch),
			Field: recordAt(k).Field("holder_cert_number"), Related: pass.keepPaths(wantField.Field("cert_number")),
			Args: pass.keepArgs([]Arg{Loc("problem", "证件号码不同", "the numbers differ")})})
	}
}

// embeddedOrgCode reports whether one side is an organisation code and the
// other a credit code embedding it, returning both.
func embeddedOrgCode(haveType beian.CertType, have string, wantType beian.CertType, want string) (oc, uscc string, ok bool) {
	switch {
	case haveType == beian.CertOrgCode && wantType == beian.CertUSCC:
		oc, uscc = have, want
	case haveType == beian.CertUSCC && wantType == beian.CertOrgCode:
		oc, uscc = want, have
	default:
		return "", "", false
	}
	u, err := certnum.ParseUSCC(uscc)
	if err != nil || u.OrgCode() != oc || len(oc) != 9 {
		return "", "", false
	}
	return oc[:8] + "-" + oc[8:], u.Code, true
}
