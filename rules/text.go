package rules

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// TextFields checks that text fields hold valid, visible, bounded text.
//
// Invalid UTF-8, control characters (other than line breaks and tabs in the
// remark), the line and paragraph separators U+2028 and U+2029, every
// character of Unicode's Default_Ignorable_Code_Point property (zero-width
// spaces and joiners, direction marks, fillers, variation selectors, tags,
// reserved ones such as U+2065), other format characters, noncharacters and
// private-use characters are reported, as is text longer than the field's
// limit; white space around a value (tabs, line breaks, U+2028, U+2029,
// the Unicode spaces) is not, for a form trims it. The
// other rules check the text with those characters removed (see CleanText),
// so a sensitive word hidden by a zero-width space is also reported as what
// it is, and cut at the limit, so that no rule's time grows with the
// excess.
var TextFields = &Rule{
	Name:  "text",
	Doc:   docTextFields,
	Codes: []Code{CodeTextInvalid},
	Run:   runText,
}

func runText(pass *Pass) error {
	// The engine cleaned the filing (see CleanText): when it had nothing
	// to remove and no text over its limit, it gave the filing itself,
	// and there is nothing to report. Otherwise the fields to report are
	// those whose cleaned value differs from the raw one.
	if pass.Raw == pass.Filing {
		return nil
	}
	walkChanged(pass.Raw, pass.Filing, func(l textLoc, s *string, v string, known bool, spec textSpec) {
		clean := cleanText(*s, spec) // read once, for the check and the fix
		if clean && !tooLong(*s, spec.limit) {
			return // the quick check of CleanText
		}
		if !clean && trimmedClean(*s, spec) {
			return // white space around the value, which a form trims
		}
		problem, start, end, ok := textProblem(*s, spec)
		if !ok {
			return
		}
		path := l.path()
		r := pass.Reject(path, CodeTextInvalid, Arg{"problem", problem}).At(SpanOf(*s, start, end))
		// Removing what no field may hold is certain when that leaves the
		// text within its limit; cutting text is not.
		if clean, ok := strippedText(*s, v, known, clean, spec); ok {
			r = pass.withFix(r, Fix{Field: path, Value: clean, Title: Text{"删除不可见字符和无效字符", "Remove the invisible and invalid characters"}})
		}
		pass.Add(r)
	})
	return nil
}

// trimmedClean reports whether s holds nothing to report once the white
// space around it is trimmed as a browser's String.prototype.trim trims it
// (formSpace): a form trims it, and the other rules read the value without
// it (CleanText strips the control and invisible characters among them;
// the README's "Typing": white space around a value is never reported).
func trimmedClean(s string, spec textSpec) bool {
	t := strings.TrimFunc(s, formSpace)
	return len(t) < len(s) && cleanText(t, spec) && !tooLong(t, spec.limit)
}

// formSpace reports whether r is white space that trim() removes from the
// ends of a string (ECMAScript's WhiteSpace and LineTerminator): tab, line
// feed, vertical tab, form feed, carriage return, the space separators
// (Zs), U+2028 and U+2029. Not U+0085, which strings.TrimSpace would
// take, nor the byte order mark, which trim() takes but which is no white
// space a filer sees: it stays an invisible character, with its fix.
func formSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', '\u2028', '\u2029':
		return true
	}
	return unicode.Is(unicode.Zs, r)
}

// strippedText returns stripInvalid(s, spec) and true when that differs
// from s and is within the limit (the text rule's fix); v is the field's
// cleaned value, cutText(stripInvalid(s)) when known (and s is dirty):
// with fewer characters than the limit it was not cut, and is the
// stripped text, without stripping s again. clean is cleanText(s, spec),
// which the caller read already.
func strippedText(s, v string, known, clean bool, spec textSpec) (string, bool) {
	if clean {
		return "", false // nothing to strip: s is only too long
	}
	if known && utf8.RuneCountInString(v) < spec.limit {
		return v, true
	}
	stripped := stripInvalid(s, spec)
	return stripped, stripped != s && !tooLong(stripped, spec.limit)
}

// CleanText returns f with invalid UTF-8, control and invisible characters
// removed from every text field, and text longer than its field's limit
// cut at the limit: TEXT_INVALID reports the excess, and the other rules
// then work on bounded text, in time that does not grow with what was
// pasted into a field. It returns f itself when there is nothing to remove
// or cut, and otherwise a cleaned copy (which CleanText returns as it
// is): f is never modified. The text rule relies on that: given the
// filing itself, it has nothing to report.
func CleanText(f *beian.Filing) *beian.Filing {
	if !textDirty(f) {
		return f
	}
	c := f.Clone()
	walkText(c, func(_ textLoc, s *string, spec textSpec) {
		if !cleanText(*s, spec) {
			*s = stripInvalid(*s, spec)
		}
		*s = cutText(*s, spec.limit)
	})
	return c
}

// CleanTextShared is CleanText, except that the cleaned copy shares with
// f every list (and website or app principal) in which there is nothing
// to clean: only the lists holding text to clean, and the lists and
// elements that hold those, are copied. It is for reading, as the rules
// read a Pass's Filing (the validator gives it to them), and allocates for
// what it cleans rather than for the whole filing. Like CleanText, it
// returns f itself when there is nothing to clean, and never modifies f;
// a caller who means to change the copy uses CleanText.
// TestCleanTextSharedAsCleanText holds it to CleanText.
//
// It reads each field of f once, in textDirty's order, and copies what
// holds a field to clean when it finds one: a clean part of the filing is
// not read again, and the copy's fields are written only where they
// change, so that what c shares with f is only read.
func CleanTextShared(f *beian.Filing) *beian.Filing {
	s := sharedCleaner{f: f}
	if topDirty(f) {
		c := s.filing()
		setClean(&c.Province, specProvince)
		setClean(&c.ICPNumber, specNumber)
		sub := &c.Subject
		setClean(&sub.Name, specName)
		setClean(&sub.CertNumber, specNumber)
		setClean(&sub.CertAddress, specAddress)
		setClean(&sub.Address, specAddress)
		setClean(&sub.ResidencePermitProvince, specProvince)
		setClean(&sub.LegalRepresentative, specName)
		setClean(&sub.Investor, specInvestor)
		setClean(&sub.Remark, specRemark)
		cleanPrincipal(&sub.Principal)
	}
	for i := range f.Websites {
		if w := &f.Websites[i]; websiteDirty(w) {
			s.website(i, w)
		}
	}
	for i := range f.Apps {
		if a := &f.Apps[i]; appDirty(a) {
			s.app(i, a)
		}
	}
	for i := range f.Domains {
		if d := &f.Domains[i]; recordDirty(d) {
			c := s.filing()
			if sharesFirst(c.Domains, f.Domains) {
				c.Domains = slices.Clone(f.Domains)
			}
			d := &c.Domains[i]
			setClean(&d.Domain, specDomain)
			setClean(&d.HolderName, specName)
			setClean(&d.HolderCertNumber, specNumber)
			setClean(&d.Registrar, specName)
		}
	}
	for i := range f.Documents {
		if d := &f.Documents[i]; documentDirty(d) {
			c := s.filing()
			if sharesFirst(c.Documents, f.Documents) {
				c.Documents = slices.Clone(f.Documents)
			}
			d := &c.Documents[i]
			setClean(&d.Owner, specName)
			setClean(&d.Format, specShort)
			setClean(&d.Path, specPath)
		}
	}
	if s.c == nil {
		return f
	}
	return s.c
}

// sharedCleaner is CleanTextShared's copy of f, made at the first field to
// clean.
type sharedCleaner struct {
	f, c *beian.Filing // c is nil until a field is to be cleaned
}

// filing returns the copy, made now if not yet.
func (s *sharedCleaner) filing() *beian.Filing {
	if s.c == nil {
		s.c = new(beian.Filing)
		*s.c = *s.f
	}
	return s.c
}

// website cleans the copy of f's website i, w, which holds a field to
// clean.
func (s *sharedCleaner) website(i int, w *beian.Website) {
	c := s.filing()
	if sharesFirst(c.Websites, s.f.Websites) {
		c.Websites = slices.Clone(s.f.Websites)
	}
	cw := &c.Websites[i]
	setClean(&cw.Name, specName)
	setClean(&cw.Remark, specRemark)
	if domainsDirty(w.Domains) {
		cw.Domains = cleanStrings(w.Domains, specDomain)
	}
	if approvalsDirty(w.PreApprovals) {
		cw.PreApprovals = cleanApprovals(w.PreApprovals)
	}
	if w.Principal != nil && principalDirty(w.Principal) {
		p := *w.Principal
		cleanPrincipal(&p)
		cw.Principal = &p
	}
}

// app cleans the copy of f's app i, a, which holds a field to clean.
func (s *sharedCleaner) app(i int, a *beian.App) {
	c := s.filing()
	if sharesFirst(c.Apps, s.f.Apps) {
		c.Apps = slices.Clone(s.f.Apps)
	}
	ca := &c.Apps[i]
	setClean(&ca.Name, specName)
	setClean(&ca.Remark, specRemark)
	if anyDirty(a.Platforms, platformDirty) {
		ca.Platforms = slices.Clone(a.Platforms)
		for j := range ca.Platforms {
			if pl := &ca.Platforms[j]; platformDirty(pl) {
				setClean(&pl.Package, specDomain)
				setClean(&pl.PublicKey, specKey)
				setClean(&pl.Signature, specSignature)
				if domainsDirty(pl.Domains) {
					pl.Domains = cleanStrings(pl.Domains, specDomain)
				}
			}
		}
	}
	if approvalsDirty(a.PreApprovals) {
		ca.PreApprovals = cleanApprovals(a.PreApprovals)
	}
	if a.Principal != nil && principalDirty(a.Principal) {
		p := *a.Principal
		cleanPrincipal(&p)
		ca.Principal = &p
	}
}

// sharesFirst reports whether a and b begin at the same element: whether
// the copy's list a is still f's list b.
func sharesFirst[E any](a, b []E) bool {
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

// setClean cleans the field *s of spec as CleanText cleans it, writing
// it only when it changes. The text is read once for what it holds to
// remove (cleanText), not once to find it dirty and again to clean it.
func setClean(s *string, spec textSpec) {
	clean := cleanText(*s, spec)
	if clean && !tooLong(*s, spec.limit) {
		return
	}
	v := *s
	if !clean {
		v = stripInvalid(v, spec)
	}
	*s = cutText(v, spec.limit)
}

// cleanStrings returns a cleaned copy of the fields ss of spec.
func cleanStrings(ss []string, spec textSpec) []string {
	c := slices.Clone(ss)
	for j := range c {
		setClean(&c[j], spec)
	}
	return c
}

// cleanApprovals returns a copy of as with the numbers cleaned.
func cleanApprovals(as []beian.PreApproval) []beian.PreApproval {
	c := slices.Clone(as)
	for j := range c {
		setClean(&c[j].Number, specNumber)
	}
	return c
}

// cleanPrincipal cleans the fields of p that walkPrincipal visits.
func cleanPrincipal(p *beian.Principal) {
	setClean(&p.Name, specName)
	setClean(&p.CertNumber, specNumber)
	setClean(&p.Mobile, specShort)
	setClean(&p.Phone, specPhone)
	setClean(&p.Email, specEmail)
	setClean(&p.EmergencyPhone, specPhone)
}

// anyDirty reports whether dirty holds for an element of s.
func anyDirty[E any](s []E, dirty func(*E) bool) bool {
	for i := range s {
		if dirty(&s[i]) {
			return true
		}
	}
	return false
}

// tooLong reports whether s has more than n characters.
func tooLong(s string, n int) bool {
	return len(s) > n && utf8.RuneCountInString(s) > n
}

// cutText returns the first n characters of s.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// textSpec is what a text field may hold.
type textSpec struct {
	limit     int  // most characters (runes)
	multiline bool // line breaks and tabs are allowed
}

// The limits follow the filing system's forms where they are known, and
// are generous elsewhere: they catch pasted documents, not long names.
var (
	specShort     = textSpec{limit: 20}                    // phone numbers, a document's format
	specProvince  = textSpec{limit: 40}                    // a province, by any name provinces.Lookup reads (Xinjiang Uyghur Autonomous Region)
	specPhone     = textSpec{limit: 40}                    // a landline, with its extension
	specSignature = textSpec{limit: 128}                   // an app's signature (a digest)
	specNumber    = textSpec{limit: 50}                    // certificate and approval numbers
	specName      = textSpec{limit: 100}                   // names of units, people, registrars
	specAddress   = textSpec{limit: 200}                   // certificate address
	specInvestor  = textSpec{limit: 1024}                  // investors or superior authority (MIIT: 1,024 characters)
	specDomain    = textSpec{limit: 253}                   // a domain name (RFC 1035)
	specEmail     = textSpec{limit: 254}                   // an e-mail address (RFC 5321)
	specPath      = textSpec{limit: 4096}                  // a file path
	specKey       = textSpec{limit: 8192, multiline: true} // a public key (appid.MaxKeyLen)
	specRemark    = textSpec{limit: 1000, multiline: true}
)

// textLoc locates a text field without building its path, so that
// checking a clean filing allocates nothing. The path is
// a[i].b[j].c.d, with empty parts left out.
type textLoc struct {
	a    string
	i    int
	b    string
	j    int
	c, d string
	hasJ bool
	k    int  // the index of c, when hasK: a[i].b[j].c[k]
	hasK bool // (an App platform's domains)
}

func (l textLoc) path() beian.Path {
	// A field of one of the first websites or domain records: built
	// once (builtPaths).
	if l.a != "" && !l.hasJ && l.c != "" && !l.hasK && l.d == "" {
		if p, ok := staticElemField(l.a, l.i, l.c); ok {
			return p
		}
	}
	// Built in one allocation: what Path's Index and Field give, one
	// string at a time.
	var buf [96]byte
	return beian.Path(l.appendPath(buf[:0]))
}

// is reports whether l is at path, without building its path.
func (l textLoc) is(path beian.Path) bool {
	var buf [96]byte
	return string(l.appendPath(buf[:0])) == string(path)
}

// appendPath appends l's path to b.
func (l textLoc) appendPath(b []byte) []byte {
	if l.a != "" {
		b = appendIndex(append(b, l.a...), l.i)
	}
	if l.hasJ {
		b = appendIndex(appendField(b, l.b), l.j)
	}
	if l.c != "" {
		b = appendField(b, l.c)
	}
	if l.hasK {
		b = appendIndex(b, l.k)
	}
	if l.d != "" {
		b = appendField(b, l.d)
	}
	return b
}

// appendField appends the member name to the path b, as Path.Field does.
func appendField(b []byte, name string) []byte {
	if len(b) > 0 {
		b = append(b, '.')
	}
	return append(b, name...)
}

// appendIndex appends the array index i to the path b, as Path.Index
// does.
func appendIndex(b []byte, i int) []byte {
	return append(strconv.AppendInt(append(b, '['), int64(i), 10), ']')
}

// walkText calls visit for every free-text field of f with its location
// and spec. Enumerations are not text: the fields rule checks them.
func walkText(f *beian.Filing, visit func(l textLoc, s *string, spec textSpec)) {
	visit(textLoc{c: "province"}, &f.Province, specProvince)
	visit(textLoc{c: "icp_number"}, &f.ICPNumber, specNumber)
	sub := &f.Subject
	visit(textLoc{c: "subject.name"}, &sub.Name, specName)
	visit(textLoc{c: "subject.cert_number"}, &sub.CertNumber, specNumber)
	visit(textLoc{c: "subject.cert_address"}, &sub.CertAddress, specAddress)
	visit(textLoc{c: "subject.address"}, &sub.Address, specAddress)
	visit(textLoc{c: "subject.residence_permit_province"}, &sub.ResidencePermitProvince, specProvince)
	visit(textLoc{c: "subject.legal_representative"}, &sub.LegalRepresentative, specName)
	visit(textLoc{c: "subject.investor"}, &sub.Investor, specInvestor)
	visit(textLoc{c: "subject.remark"}, &sub.Remark, specRemark)
	walkPrincipal(&sub.Principal, textLoc{c: "subject.principal"}, visit)
	for i := range f.Websites {
		w := &f.Websites[i]
		visit(textLoc{a: "websites", i: i, c: "name"}, &w.Name, specName)
		visit(textLoc{a: "websites", i: i, c: "remark"}, &w.Remark, specRemark)
		for j := range w.Domains {
			visit(textLoc{a: "websites", i: i, b: "domains", j: j, hasJ: true}, &w.Domains[j], specDomain)
		}
		for j := range w.PreApprovals {
			visit(textLoc{a: "websites", i: i, b: "pre_approvals", j: j, hasJ: true, c: "number"}, &w.PreApprovals[j].Number, specNumber)
		}
		if w.Principal != nil {
			walkPrincipal(w.Principal, textLoc{a: "websites", i: i, c: "principal"}, visit)
		}
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		visit(textLoc{a: "apps", i: i, c: "name"}, &a.Name, specName)
		visit(textLoc{a: "apps", i: i, c: "remark"}, &a.Remark, specRemark)
		for j := range a.Platforms {
			pl := &a.Platforms[j]
			visit(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "package"}, &pl.Package, specDomain)
			visit(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "public_key"}, &pl.PublicKey, specKey)
			visit(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "signature"}, &pl.Signature, specSignature)
			for k := range pl.Domains {
				visit(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "domains", k: k, hasK: true}, &pl.Domains[k], specDomain)
			}
		}
		for j := range a.PreApprovals {
			visit(textLoc{a: "apps", i: i, b: "pre_approvals", j: j, hasJ: true, c: "number"}, &a.PreApprovals[j].Number, specNumber)
		}
		if a.Principal != nil {
			walkPrincipal(a.Principal, textLoc{a: "apps", i: i, c: "principal"}, visit)
		}
	}
	for i := range f.Domains {
		d := &f.Domains[i]
		visit(textLoc{a: "domains", i: i, c: "domain"}, &d.Domain, specDomain)
		visit(textLoc{a: "domains", i: i, c: "holder_name"}, &d.HolderName, specName)
		visit(textLoc{a: "domains", i: i, c: "holder_cert_number"}, &d.HolderCertNumber, specNumber)
		visit(textLoc{a: "domains", i: i, c: "registrar"}, &d.Registrar, specName)
	}
	for i := range f.Documents {
		d := &f.Documents[i]
		visit(textLoc{a: "documents", i: i, c: "owner"}, &d.Owner, specName)
		visit(textLoc{a: "documents", i: i, c: "format"}, &d.Format, specShort)
		visit(textLoc{a: "documents", i: i, c: "path"}, &d.Path, specPath)
	}
}

// walkChanged calls visit, in walkText's order, for the text fields of
// raw whose value in clean, CleanText(raw) or CleanTextShared(raw),
// differs: the fields that had something to clean. v is the field's value
// in clean, when known: where raw and clean do not have the same shape (a
// list of another length: not a cleaned copy), every field of the part
// that differs is visited, with known false. A list or principal that
// clean shares with raw (CleanTextShared's) is skipped whole; a field is
// compared with its copy, which costs a pointer comparison when the copy
// shares its text (as every copy of a clean field does).
// TestWalkChangedAsWalkText holds it to walkText.
func walkChanged(raw, clean *beian.Filing, visit func(l textLoc, s *string, v string, known bool, spec textSpec)) {
	field := func(l textLoc, s, v *string, known bool, spec textSpec) {
		if !known || *s != *v {
			visit(l, s, *v, known, spec)
		}
	}
	field(textLoc{c: "province"}, &raw.Province, &clean.Province, true, specProvince)
	field(textLoc{c: "icp_number"}, &raw.ICPNumber, &clean.ICPNumber, true, specNumber)
	sub, csub := &raw.Subject, &clean.Subject
	field(textLoc{c: "subject.name"}, &sub.Name, &csub.Name, true, specName)
	field(textLoc{c: "subject.cert_number"}, &sub.CertNumber, &csub.CertNumber, true, specNumber)
	field(textLoc{c: "subject.cert_address"}, &sub.CertAddress, &csub.CertAddress, true, specAddress)
	field(textLoc{c: "subject.address"}, &sub.Address, &csub.Address, true, specAddress)
	field(textLoc{c: "subject.residence_permit_province"}, &sub.ResidencePermitProvince, &csub.ResidencePermitProvince, true, specProvince)
	field(textLoc{c: "subject.legal_representative"}, &sub.LegalRepresentative, &csub.LegalRepresentative, true, specName)
	field(textLoc{c: "subject.investor"}, &sub.Investor, &csub.Investor, true, specInvestor)
	field(textLoc{c: "subject.remark"}, &sub.Remark, &csub.Remark, true, specRemark)
	changedPrincipal(&sub.Principal, &csub.Principal, true, textLoc{c: "subject.principal"}, visit)
	if ws, cws := raw.Websites, clean.Websites; !sharesAll(ws, cws) {
		same := len(ws) == len(cws)
		for i := range ws {
			w, cw := &ws[i], &ws[i]
			if same {
				cw = &cws[i]
			}
			field(textLoc{a: "websites", i: i, c: "name"}, &w.Name, &cw.Name, same, specName)
			field(textLoc{a: "websites", i: i, c: "remark"}, &w.Remark, &cw.Remark, same, specRemark)
			changedStrings(w.Domains, cw.Domains, same, textLoc{a: "websites", i: i, b: "domains", hasJ: true}, specDomain, visit)
			changedApprovals(w.PreApprovals, cw.PreApprovals, same, textLoc{a: "websites", i: i, b: "pre_approvals", hasJ: true, c: "number"}, visit)
			if w.Principal != nil {
				changedPrincipal(w.Principal, cw.Principal, same, textLoc{a: "websites", i: i, c: "principal"}, visit)
			}
		}
	}
	if as, cas := raw.Apps, clean.Apps; !sharesAll(as, cas) {
		same := len(as) == len(cas)
		for i := range as {
			a, ca := &as[i], &as[i]
			if same {
				ca = &cas[i]
			}
			field(textLoc{a: "apps", i: i, c: "name"}, &a.Name, &ca.Name, same, specName)
			field(textLoc{a: "apps", i: i, c: "remark"}, &a.Remark, &ca.Remark, same, specRemark)
			if ps, cps := a.Platforms, ca.Platforms; !same || !sharesAll(ps, cps) {
				known := same && len(ps) == len(cps)
				for j := range ps {
					pl, cpl := &ps[j], &ps[j]
					if known {
						cpl = &cps[j]
					}
					field(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "package"}, &pl.Package, &cpl.Package, known, specDomain)
					field(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "public_key"}, &pl.PublicKey, &cpl.PublicKey, known, specKey)
					field(textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "signature"}, &pl.Signature, &cpl.Signature, known, specSignature)
					changedStrings(pl.Domains, cpl.Domains, known, textLoc{a: "apps", i: i, b: "platforms", j: j, hasJ: true, c: "domains", hasK: true}, specDomain, visit)
				}
			}
			changedApprovals(a.PreApprovals, ca.PreApprovals, same, textLoc{a: "apps", i: i, b: "pre_approvals", hasJ: true, c: "number"}, visit)
			if a.Principal != nil {
				changedPrincipal(a.Principal, ca.Principal, same, textLoc{a: "apps", i: i, c: "principal"}, visit)
			}
		}
	}
	if ds, cds := raw.Domains, clean.Domains; !sharesAll(ds, cds) {
		same := len(ds) == len(cds)
		for i := range ds {
			d, cd := &ds[i], &ds[i]
			if same {
				cd = &cds[i]
			}
			field(textLoc{a: "domains", i: i, c: "domain"}, &d.Domain, &cd.Domain, same, specDomain)
			field(textLoc{a: "domains", i: i, c: "holder_name"}, &d.HolderName, &cd.HolderName, same, specName)
			field(textLoc{a: "domains", i: i, c: "holder_cert_number"}, &d.HolderCertNumber, &cd.HolderCertNumber, same, specNumber)
			field(textLoc{a: "domains", i: i, c: "registrar"}, &d.Registrar, &cd.Registrar, same, specName)
		}
	}
	if ds, cds := raw.Documents, clean.Documents; !sharesAll(ds, cds) {
		same := len(ds) == len(cds)
		for i := range ds {
			d, cd := &ds[i], &ds[i]
			if same {
				cd = &cds[i]
			}
			field(textLoc{a: "documents", i: i, c: "owner"}, &d.Owner, &cd.Owner, same, specName)
			field(textLoc{a: "documents", i: i, c: "format"}, &d.Format, &cd.Format, same, specShort)
			field(textLoc{a: "documents", i: i, c: "path"}, &d.Path, &cd.Path, same, specPath)
		}
	}
}

// sharesAll reports whether a and b are one list (the same elements in
// the same memory), which a cleaned copy shares when it has nothing to
// clean in it.
func sharesAll[E any](a, b []E) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// changedStrings is walkChanged for a list of text fields (ss, and its
// copy cs when known), at l with l.j (or l.k, when l.hasK) each index.
func changedStrings(ss, cs []string, known bool, l textLoc, spec textSpec, visit func(l textLoc, s *string, v string, known bool, spec textSpec)) {
	if known && sharesAll(ss, cs) {
		return
	}
	known = known && len(ss) == len(cs)
	for j := range ss {
		if known && ss[j] == cs[j] {
			continue
		}
		if l.hasK {
			l.k = j
		} else {
			l.j = j
		}
		v := ss[j]
		if known {
			v = cs[j]
		}
		visit(l, &ss[j], v, known, spec)
	}
}

// changedApprovals is walkChanged for the numbers of a list of
// pre-approvals (as, and its copy cas when known), at l with l.j each
// index.
func changedApprovals(as, cas []beian.PreApproval, known bool, l textLoc, visit func(l textLoc, s *string, v string, known bool, spec textSpec)) {
	if known && sharesAll(as, cas) {
		return
	}
	known = known && len(as) == len(cas)
	for j := range as {
		if known && as[j].Number == cas[j].Number {
			continue
		}
		l.j = j
		v := as[j].Number
		if known {
			v = cas[j].Number
		}
		visit(l, &as[j].Number, v, known, specNumber)
	}
}

// changedPrincipal is walkChanged for the principal p, and its copy cp
// when known, at l with l.d each field's name.
func changedPrincipal(p, cp *beian.Principal, known bool, l textLoc, visit func(l textLoc, s *string, v string, known bool, spec textSpec)) {
	if known && p == cp {
		return
	}
	if cp == nil {
		known, cp = false, p
	}
	for _, f := range [...]struct {
		name string
		s, v *string
		spec textSpec
	}{
		{"name", &p.Name, &cp.Name, specName},
		{"cert_number", &p.CertNumber, &cp.CertNumber, specNumber},
		{"mobile", &p.Mobile, &cp.Mobile, specShort},
		{"phone", &p.Phone, &cp.Phone, specPhone},
		{"email", &p.Email, &cp.Email, specEmail},
		{"emergency_phone", &p.EmergencyPhone, &cp.EmergencyPhone, specPhone},
	} {
		if !known || *f.s != *f.v {
			l.d = f.name
			visit(l, f.s, *f.v, known, f.spec)
		}
	}
}

// textDirty reports whether a text field of f has a character to remove or
// more characters than its limit: whether walkText visits a field where
// !cleanText(s, spec) || tooLong(s, spec.limit). It reads the fields of
// walkText in its order with their specs, without building their
// locations or calling through a func value, and stops at the first dirty
// one: most filings are clean, and CleanText reads every field of each.
// TestTextDirtyAsWalkText holds it to walkText, field by field.
func textDirty(f *beian.Filing) bool {
	if topDirty(f) {
		return true
	}
	for i := range f.Websites {
		if websiteDirty(&f.Websites[i]) {
			return true
		}
	}
	for i := range f.Apps {
		if appDirty(&f.Apps[i]) {
			return true
		}
	}
	for i := range f.Domains {
		if recordDirty(&f.Domains[i]) {
			return true
		}
	}
	for i := range f.Documents {
		if documentDirty(&f.Documents[i]) {
			return true
		}
	}
	return false
}

// topDirty is textDirty for the fields outside the lists: the province,
// the ICP number and the subject.
func topDirty(f *beian.Filing) bool {
	if dirtyText(f.Province, specProvince) || dirtyText(f.ICPNumber, specNumber) {
		return true
	}
	sub := &f.Subject
	return dirtyText(sub.Name, specName) || dirtyText(sub.CertNumber, specNumber) ||
		dirtyText(sub.CertAddress, specAddress) || dirtyText(sub.Address, specAddress) || dirtyText(sub.ResidencePermitProvince, specProvince) ||
		dirtyText(sub.LegalRepresentative, specName) || dirtyText(sub.Investor, specInvestor) ||
		dirtyText(sub.Remark, specRemark) ||
		principalDirty(&sub.Principal)
}

// websiteDirty is textDirty for one website.
func websiteDirty(w *beian.Website) bool {
	return dirtyText(w.Name, specName) || dirtyText(w.Remark, specRemark) ||
		domainsDirty(w.Domains) || approvalsDirty(w.PreApprovals) ||
		(w.Principal != nil && principalDirty(w.Principal))
}

// appDirty is textDirty for one app.
func appDirty(a *beian.App) bool {
	if dirtyText(a.Name, specName) || dirtyText(a.Remark, specRemark) {
		return true
	}
	for j := range a.Platforms {
		if platformDirty(&a.Platforms[j]) {
			return true
		}
	}
	return approvalsDirty(a.PreApprovals) || (a.Principal != nil && principalDirty(a.Principal))
}

func platformDirty(pl *beian.AppPlatform) bool {
	return dirtyText(pl.Package, specDomain) || dirtyText(pl.PublicKey, specKey) ||
		dirtyText(pl.Signature, specSignature) || domainsDirty(pl.Domains)
}

func domainsDirty(ds []string) bool {
	for _, d := range ds {
		if dirtyText(d, specDomain) {
			return true
		}
	}
	return false
}

func approvalsDirty(as []beian.PreApproval) bool {
	for j := range as {
		if dirtyText(as[j].Number, specNumber) {
			return true
		}
	}
	return false
}

func recordDirty(d *beian.DomainRecord) bool {
	return dirtyText(d.Domain, specDomain) || dirtyText(d.HolderName, specName) ||
		dirtyText(d.HolderCertNumber, specNumber) || dirtyText(d.Registrar, specName)
}

func documentDirty(d *beian.Document) bool {
	return dirtyText(d.Owner, specName) || dirtyText(d.Format, specShort) || dirtyText(d.Path, specPath)
}

// principalDirty is textDirty for the fields walkPrincipal visits.
func principalDirty(p *beian.Principal) bool {
	return dirtyText(p.Name, specName) || dirtyText(p.CertNumber, specNumber) ||
		dirtyText(p.Mobile, specShort) || dirtyText(p.Phone, specPhone) ||
		dirtyText(p.Email, specEmail) || dirtyText(p.EmergencyPhone, specPhone)
}

// dirtyText reports whether s has a character to remove or is longer than
// spec allows.
func dirtyText(s string, spec textSpec) bool {
	// inlined: no call for an empty field (which cleanWithin takes), one
	// call for any other
	return len(s) != 0 && !cleanWithin(s, spec)
}

// cleanWithin reports cleanText(s, spec) && !tooLong(s, spec.limit), in
// one call: textDirty's check of every field of a clean filing. Printable
// ASCII is read eight bytes at a time, to the end (the last word
// overlapping the one before, when the length is not a multiple of 8);
// from the first word that is not, bytes are read as cleanText reads
// them.
func cleanWithin(s string, spec textSpec) bool {
	n, i := len(s), 0
	if n < 8 {
		// Short text ("44", "jpeg", "subject"): 4 to 7 bytes are read as
		// two four-byte words, overlapping when fewer than 8.
		if n >= 4 && printableWord32(load32(s)) && printableWord32(load32(s[n-4:])) {
			return !tooLong(s, spec.limit)
		}
		goto bytes
	}
	for ; i+8 <= n; i += 8 {
		if !printableWord(load64(s[i:])) {
			goto bytes
		}
	}
	if i < n && n >= 8 && printableWord(load64(s[n-8:])) {
		i = n // the rest, in the last word: printable
	}
bytes:
	for ; i < n; i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return cleanRunes(s[i:], spec) && !tooLong(s, spec.limit)
		}
		if c < 0x20 || c == 0x7f {
			if !(spec.multiline && (c == '\n' || c == '\r' || c == '\t')) {
				return false
			}
		}
	}
	return !tooLong(s, spec.limit)
}

// printableWord reports whether the eight bytes of w are printable
// ASCII: no byte with its high bit set, below 0x20 or equal to 0x7F.
//
// Adding 1 to each byte sets the high bit of 0x7F to 0xFE (and leaves
// 0xFF at 0); subtracting 0x20 sets it of 0xFF and of each byte below
// 0x20; a byte 0x20 to 0x7E keeps it clear in both. A carry or borrow
// out of a byte comes only from a byte that is not printable, so the
// lowest such byte always shows. TestPrintableWordAsBytes holds it to
// the bytes' test.
func printableWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return ((w+ones)|(w-0x20*ones))&highs == 0
}

// printableWord32 is printableWord for the four bytes of w.
func printableWord32(w uint32) bool {
	const ones, highs = 0x01010101, 0x80808080
	return ((w+ones)|(w-0x20*ones))&highs == 0
}

// load32 returns the first four bytes of s as a little-endian word (one
// load).
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// load48 returns the first six bytes of s as a little-endian word, read as
// two overlapping four-byte words.
func load48(s string) uint64 {
	_ = s[5]
	return uint64(load32(s)) | uint64(load32(s[2:]))<<16
}

// load64 returns the first eight bytes of s as a little-endian word (one
// load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// walkPrincipal visits the text fields of p, at l with l.d each field's
// name.
func walkPrincipal(p *beian.Principal, l textLoc, visit func(l textLoc, s *string, spec textSpec)) {
	for _, f := range [...]struct {
		name string
		s    *string
		spec textSpec
	}{
		{"name", &p.Name, specName},
		{"cert_number", &p.CertNumber, specNumber},
		{"mobile", &p.Mobile, specShort},
		{"phone", &p.Phone, specPhone},
		{"email", &p.Email, specEmail},
		{"emergency_phone", &p.EmergencyPhone, specPhone},
	} {
		l.d = f.name
		visit(l, f.s, f.spec)
	}
}

// cleanText reports whether s has no character to remove. It does not
// look at the length.
func cleanText(s string, spec textSpec) bool {
	i := 0
	// Eight bytes at a time while they are printable ASCII: no byte with
	// its high bit set, below 0x20 or equal to 0x7F. The bytes loop below
	// reads the rest, from the first word that is not.
	for ; i+8 <= len(s); i += 8 {
		if !printableWord(load64(s[i:])) {
			break
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return cleanRunes(s[i:], spec)
		}
		if c < 0x20 || c == 0x7f {
			if !(spec.multiline && (c == '\n' || c == '\r' || c == '\t')) {
				return false
			}
		}
	}
	return true
}

func cleanRunes(s string, spec textSpec) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if removable(rune(c), spec) {
				return false
			}
			i++
			continue
		}
		// Runes U+4000 to U+CFFF (CJK ideographs, Yi, Hangul syllables:
		// most of a Chinese filing, none removable) two at a time, read
		// from one eight-byte word while there is room: six bytes of
		// lead bytes E4 to EC and continuation bytes (hanPair).
		if i+8 <= len(s) && hanPair(load64(s[i:])) {
			for i += 6; i+8 <= len(s) && hanPair(load64(s[i:])); i += 6 {
			}
			continue
		}
		if len(s)-i == 6 && hanPair(load48(s[i:])) {
			return true // the last two runes, without room for a word
		}
		// U+3000 to U+CFFF in three bytes, one at a time: none is
		// removable but the Hangul filler U+3164 (fold.Removable), and
		// the lead bytes E3 to EC take any two continuation bytes, so
		// that the rune needs no decoding. The three bytes are read from
		// one slice, with one bounds check. TestCleanRunesPairsAsDecoding
		// and TestCleanRunesRunsAsDecoding hold both steps to decoding.
		if c-0xE3 <= 0xEC-0xE3 && i+2 < len(s) {
			if t := s[i : i+3]; t[1]&0xC0|t[2]>>6<<4 == 0x80|0x20 {
				if c == 0xE3 && t[1] == 0x85 && t[2] == 0xA4 {
					return false
				}
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// A literal U+FFFD is clean; only invalid bytes are dirty.
		if r == utf8.RuneError && size == 1 || removable(r, spec) {
			return false
		}
		i += size
	}
	return true
}

// hanPair reports whether the first six bytes of w (in memory order) are
// two runes U+4000 to U+CFFF of three bytes: lead bytes E4 to EC at 0 and
// 3, continuation bytes (80 to BF) at 1, 2, 4 and 5. A lead byte's high
// nibble is E and its low one z 4 to C: z + 0x7C has its high bit set
// when z >= 4, z + 0x73 when z >= 13, with no carry out of a byte.
// TestHanPairAsDecoding holds it to decoding, byte by byte.
func hanPair(w uint64) bool {
	const (
		leads = 0x00000000FF0000FF // bytes 0 and 3
		conts = 0x0000FFFF00FFFF00 // bytes 1, 2, 4 and 5
		l1    = leads & 0x0101010101010101
	)
	shape := w&(leads&0xF0F0F0F0F0F0F0F0|conts&0xC0C0C0C0C0C0C0C0) ^ (leads&0xE0E0E0E0E0E0E0E0 | conts&0x8080808080808080)
	z := w & leads & 0x0F0F0F0F0F0F0F0F
	inRange := (z + 0x7C*l1) &^ (z + 0x73*l1)
	return shape|(inRange&(0x80*l1)^0x80*l1) == 0
}

// removable reports whether r is a character no text field may hold:
// the characters name normalisation removes too (names.Invisible), and, in
// a single-line field, line breaks and tabs.
func removable(r rune, spec textSpec) bool {
	if r < 0x20 || r == 0x7f {
		return !(spec.multiline && (r == '\n' || r == '\r' || r == '\t'))
	}
	return names.Invisible(r)
}

// stripInvalid removes invalid bytes and removable characters from s.
// What is kept is copied a run at a time, and the runes U+3000 to U+CFFF
// in three bytes (none removable but U+3164, as in cleanRunes) are
// stepped over without decoding; TestStripInvalidAsRunes holds it to
// writing every kept rune.
func stripInvalid(s string, spec textSpec) string {
	var b strings.Builder
	b.Grow(len(s))
	kept := 0 // s[kept:i] is kept and not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c-0xE3 <= 0xEC-0xE3 && i+2 < len(s) {
			if t := s[i : i+3]; t[1]&0xC0|t[2]>>6<<4 == 0x80|0x20 && !(c == 0xE3 && t[1] == 0x85 && t[2] == 0xA4) {
				i += 3
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == utf8.RuneError && size == 1 || removable(r, spec) {
			b.WriteString(s[kept:i])
			kept = i + size
		}
		i += size
	}
	b.WriteString(s[kept:])
	return b.String()
}

// textProblem describes the first problem of s, if any, and where it is:
// s[start:end] is the invalid byte or the character, or the text past the
// limit.
// joinText returns the Text {zh1+x+zh2, en1+y+en2} in one allocation:
// messages that show a value of the filing are built when reported, and
// a rejection should cost few.
func joinText(zh1, x, zh2, en1, y, en2 string) Text {
	both := zh1 + x + zh2 + en1 + y + en2
	n := len(zh1) + len(x) + len(zh2)
	return Text{both[:n], both[n:]}
}

// joinTexts returns joinText(zh1, x, zh2, en1, y, en2) and
// joinText(zh3, x, zh4, en3, y, en4), two texts showing the same values
// (a problem and its fix's title), in one allocation.
func joinTexts(zh1, zh2, en1, en2, zh3, zh4, en3, en4, x, y string) (Text, Text) {
	all := zh1 + x + zh2 + en1 + y + en2 + zh3 + x + zh4 + en3 + y + en4
	a := len(zh1) + len(x) + len(zh2)
	b := a + len(en1) + len(y) + len(en2)
	c := b + len(zh3) + len(x) + len(zh4)
	return Text{all[:a], all[a:b]}, Text{all[b:c], all[c:]}
}

// charText returns zh and en each followed by r's code point as
// fmt.Sprintf("U+%04X", r) writes it ("U+200B"), in one allocation.
func charText(zh, en string, r rune) Text {
	var digits [8]byte
	i := len(digits)
	for u := uint32(r); u > 0 || i > len(digits)-4; u >>= 4 {
		i--
		digits[i] = "0123456789ABCDEF"[u&0xF]
	}
	code := len("U+") + len(digits) - i
	both := zh + "U+" + string(digits[i:]) + en + "U+" + string(digits[i:])
	return Text{both[:len(zh)+code], both[len(zh)+code:]}
}

// invisibleProblem returns charText("含有不可见字符", "contains the
// invisible character ", r): for the invisible characters most often
// pasted into a form (zero-width spaces and joiners, direction marks, the
// word joiner, the byte order mark, the soft hyphen) as constants, without
// the allocation. TestInvisibleProblemAsCharText holds it to charText.
func invisibleProblem(r rune) Text {
	switch r {
	case 0x200B:
		return Text{"含有不可见字符U+200B", "contains the invisible character U+200B"}
	case 0x200C:
		return Text{"含有不可见字符U+200C", "contains the invisible character U+200C"}
	case 0x200D:
		return Text{"含有不可见字符U+200D", "contains the invisible character U+200D"}
	case 0x200E:
		return Text{"含有不可见字符U+200E", "contains the invisible character U+200E"}
	case 0x200F:
		return Text{"含有不可见字符U+200F", "contains the invisible character U+200F"}
	case 0x2060:
		return Text{"含有不可见字符U+2060", "contains the invisible character U+2060"}
	case 0xFEFF:
		return Text{"含有不可见字符U+FEFF", "contains the invisible character U+FEFF"}
	case 0x00AD:
		return Text{"含有不可见字符U+00AD", "contains the invisible character U+00AD"}
	}
	return charText("含有不可见字符", "contains the invisible character ", r)
}

func textProblem(s string, spec textSpec) (problem Text, start, end int, ok bool) {
	n := 0
	limitAt := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n == spec.limit {
			limitAt = i
		}
		n++
		if r == utf8.RuneError && size == 1 {
			return Text{"含有无效的UTF-8编码", "is not valid UTF-8"}, i, i + 1, true
		}
		if removable(r, spec) {
			switch {
			case unicode.Is(unicode.Cc, r):
				return charText("含有控制字符", "contains the control character ", r), i, i + size, true
			case r == 0x2028 || r == 0x2029:
				return charText("含有行或段落分隔符", "contains the line or paragraph separator ", r), i, i + size, true
			}
			return invisibleProblem(r), i, i + size, true
		}
		i += size
	}
	if n > spec.limit {
		limit := strconv.Itoa(spec.limit)
		return Text{"超过" + limit + "个字符的长度上限", "is longer than " + limit + " characters"}, limitAt, len(s), true
	}
	return Text{}, 0, 0, false
}
