package rules

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/scan"
)

// Documents checks that the required documents are uploaded and readable.
//
// The documents a filing needs follow from the subject's nature, the
// province, the websites' and Apps' principals, pre-approvals and
// domains, and from how many websites and domain names the filing has
// (the construction plans, 网站建设方案书, Shanghai, Chongqing and
// Guangdong ask of a subject with many: counted in the filing alone,
// since it does not hold what the subject filed before), as listed with
// their sources in data/documents.csv (see [DocumentRequirements]).
// Each one absent is DOCUMENT_MISSING at "documents", naming the kind and
// its owner (the subject, a principal, a website, a domain record); a
// requirement another rule reports under its own code (the residence proof
// of CROSS_PROVINCE_PERSONAL, the authorisation letter of
// PRINCIPAL_NOT_LEGAL_REPRESENTATIVE) is left to it. While documents is
// null (not uploaded yet) every document check is skipped; an empty list
// means nothing was uploaded.
//
// Each document is held to the image limits of package scan (by default
// the "default" profile: JPG or PNG, 4 MB, a pixel floor, a sharpness
// floor; validate.WithDocumentProfile picks another): first what
// the filing declares (format, width, height, size_bytes), then, when the
// caller configured a document source (validate.WithDocuments) and the
// document has a path, its bytes: format from the content, pixel size from
// the header, a decode bounded in memory and work by what the header
// declares (frame type, components, bit depth) and the blur measure. Each
// limit broken is one DOCUMENT_UNCLEAR saying which and by how much. A
// document whose bytes cannot be had (no source, a path outside the
// source's root, an unreadable file, anything but a regular file) has its
// byte checks listed as skipped, never rejected; a source that does not
// answer before the deadline of an outside call is CHECK_UNAVAILABLE, and
// is not asked again in the same validation.
//
// A document's owner names a part of the filing ("subject",
// "subject.principal", "websites[0]", "websites[0].principal",
// "domains[0]", "apps[0]", "apps[0].principal"). An owner that names no
// part of the filing is VALUE_UNKNOWN at documents[i].owner, with the
// owners that fit its kind;
// the document then meets no requirement. An empty owner is the one part
// that can own a document of its kind (a commitment letter is the
// subject's), and FIELD_REQUIRED where several can.
var Documents = &Rule{
	Name:  "documents",
	Doc:   docDocuments,
	Codes: []Code{CodeDocumentMissing, CodeDocumentUnclear, CodeValueUnknown, CodeFieldRequired},
	Run:   runDocuments,
}

// A DocumentSource returns the bytes of a document by the path a filing
// gives. It must refuse paths outside the root it serves and be safe for
// concurrent use; validate.WithDocuments and validate.WithDocumentDir
// build one. The engine runs the opening and every read under the
// deadline of an outside call (Config.Timeout), as it does Registry and
// Prober calls: a source that does not answer in time makes the check
// CHECK_UNAVAILABLE.
type DocumentSource func(ctx context.Context, path string) (io.ReadCloser, error)

// A DocumentRequirement is one line of the requirements table
// (data/documents.csv): a document a filing must upload, for whom and
// when, with its source.
type DocumentRequirement struct {
	// Kind is the document needed.
	Kind beian.DocumentKind
	// Owner is whose document it is, as a path with empty indexes:
	// "subject", "subject.principal", "websites[].principal", "websites[]"
	// or "domains[]".
	Owner string
	// Natures are the subject natures it applies to: "personal", "unit",
	// "*", or unit natures' wire names separated by ";"
	// ("government;institution").
	Natures string
	// Provinces are the GB/T 2260 codes it applies to; empty for every
	// province.
	Provinces []string
	// When names the circumstance that calls for the document (see the
	// table's header). A circumstance that is a count holds its threshold
	// after a colon: "websites_at_least:30".
	When string
	// By names the rule that reports the requirement under its own code;
	// empty when rule "documents" reports it.
	By string
	// Certain is false for requirements from a single old or conflicting
	// source: a missing document is then a warning.
	Certain bool
	// Source says where the requirement comes from.
	Source string
}

// DocumentRequirements returns the requirements table. The slice is new
// on each call.
func DocumentRequirements() []DocumentRequirement {
	out := make([]DocumentRequirement, len(documentTable))
	for i := range documentTable {
		out[i] = documentTable[i].DocumentRequirement
		out[i].Provinces = slices.Clone(out[i].Provinces)
	}
	return out
}

// A docRequirement is a requirement with its columns compiled to what the
// rule tests (documents_table.go, which go generate writes from
// data/documents.csv): the owner, natures and circumstance as enums and
// the provinces as a set. The compiled columns come first, next to
// Kind: the rule reads them and Kind of each requirement that applies,
// in the first of its 160 bytes, where after the 128 bytes of the
// requirement as written they lay in a cache line apart.
type docRequirement struct {
	kind      int8 // docKindIndex(Kind)
	owner     reqOwner
	natures   reqNatures
	listed    natureSet // the natures of naturesListed
	when      reqWhen
	count     int         // the threshold of a When that counts ("websites_at_least:30"); else 0
	provinces provinceSet // empty for every province
	DocumentRequirement
}

// reqOwner is a requirement's Owner column.
type reqOwner uint8

const (
	reqSubject          reqOwner = iota // "subject"
	reqSubjectPrincipal                 // "subject.principal"
	reqSitePrincipal                    // "websites[].principal"
	reqSite                             // "websites[]"
	reqDomain                           // "domains[]"
	reqAppPrincipal                     // "apps[].principal"
)

// reqNatures is a requirement's Natures column.
type reqNatures uint8

const (
	naturesAny      reqNatures = iota // "*"
	naturesPersonal                   // "personal"
	naturesUnit                       // "unit"
	naturesListed                     // "government;institution": the natures in listed
)

// A natureSet holds subject natures as bits, by their index in
// natureOrder.
type natureSet uint16

// natureOrder are the natures beian declares, in its order
// (TestNatureOrder holds it to beian.Natures).
var natureOrder = [...]beian.Nature{
	beian.NaturePersonal, beian.NatureEnterprise, beian.NatureGovernment, beian.NatureInstitution,
	beian.NatureSocialGroup, beian.NaturePrivateNonEnterprise, beian.NatureFoundation, beian.NatureLawFirm,
	beian.NatureMilitary, beian.NatureOther,
}

// has reports whether n is in s; false for a nature not declared.
func (s natureSet) has(n beian.Nature) bool {
	for i := range natureOrder {
		if natureOrder[i] == n {
			return s&(1<<i) != 0
		}
	}
	return false
}

// reqWhen is a requirement's When column.
type reqWhen uint8

const (
	whenAlways                  reqWhen = iota // "always"
	whenOwnSitePrincipal                       // "own_site_principal"
	whenSitePrincipalNotLR                     // "site_principal_not_lr"
	whenPreApproval                            // "pre_approval"
	whenDomainHeldByLR                         // "domain_held_by_lr"
	whenCrossProvincePersonal                  // "cross_province_personal"
	whenPrincipalNotLR                         // "principal_not_lr"
	whenOwnAppPrincipal                        // "own_app_principal"
	whenOwnMiniProgramPrincipal                // "own_mini_program_principal"
	whenWebsitesAtLeast                        // "websites_at_least:N"
	whenDomainNamesOver                        // "domain_names_over:N"
	whenFilerUnderAge                          // "filer_under_age:N"
	whenDomainsAtLeast                         // "domains_at_least:N"
	whenFiledWebsitesOver                      // "filed_websites_over:N"
)

// knownOwners, knownNatures and knownWhen are the spellings of the
// enums, in their order.
var (
	knownOwners  = []string{"subject", "subject.principal", "websites[].principal", "websites[]", "domains[]", "apps[].principal"}
	knownNatures = []string{"*", "personal", "unit", "listed"}
	knownWhen    = []string{"always", "own_site_principal", "site_principal_not_lr", "pre_approval", "domain_held_by_lr", "cross_province_personal", "principal_not_lr", "own_app_principal", "own_mini_program_principal", "websites_at_least", "domain_names_over", "filer_under_age", "domains_at_least", "filed_websites_over"}
)

// A provinceSet holds GB/T 2260 province codes, each two decimal digits,
// as bits.
type provinceSet [2]uint64

// provinceBit returns the bit of a code: its two digits as a number, or
// -1 for anything but two ASCII digits.
func provinceBit(code string) int {
	if len(code) != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return -1
	}
	return int(code[0]-'0')*10 + int(code[1]-'0')
}

// has reports whether code is in s.
func (s *provinceSet) has(code string) bool { return s.hasBit(provinceBit(code)) }

// hasBit reports whether the code of provinceBit b is in s; false for -1.
func (s *provinceSet) hasBit(b int) bool {
	return b >= 0 && s[b>>6]&(1<<(b&63)) != 0
}

func runDocuments(pass *Pass) error {
	f := pass.Filing
	if f.Documents == nil {
		skipDocuments(pass)
		return nil
	}
	// Is there a document of this kind for this owner: by scanning a few
	// documents (owners parsed on the stack), or, for many, through a set,
	// so that the rule's time stays linear in the filing's size. What is
	// rare (a set, a document missing, an unknown profile) is out of line,
	// so that a complete filing runs through short code.
	var (
		buf   [16]owner
		kbuf  [16]int8 // docKindIndex of each document
		found = docsFound{owners: buf[:0], kinds: kbuf[:0]}
	)
	if len(f.Documents) <= len(buf) {
		for k := range f.Documents {
			ki := docKindIndex(f.Documents[k].Kind)
			found.kinds = append(found.kinds, int8(ki))
			found.owners = append(found.owners, documentOwner(pass, documentTable[:], k, ki))
		}
	} else {
		found.set = documentSet(pass)
	}
	personal := f.Subject.Nature == beian.NaturePersonal
	for rest := docApplies.to(f.Subject.Nature, pass.Province.Code); rest != 0; rest &= rest - 1 {
		q := &documentTable[bits.TrailingZeros64(rest)]
		q.forEachNeed(pass, func(n need) {
			alt := q.Kind
			if q.Kind == beian.DocSubjectCert && personal {
				alt = beian.DocPrincipalCert // the person's ID card either way
			}
			if !found.has(q, alt, n) {
				reportDocumentMissing(pass, q, n)
			}
		})
	}
	limits, err := documentLimitsFor(pass.Config.DocumentProfile)
	if err != nil {
		return err
	}
	// A source that misses its deadline is not asked again in this
	// validation: the rest of the documents are checked from what the
	// filing declares, and the rule's error makes CHECK_UNAVAILABLE.
	var unavailable error
	for i := range f.Documents {
		ki := -1
		if i < len(found.kinds) {
			ki = int(found.kinds[i])
		} else {
			ki = docKindIndex(f.Documents[i].Kind)
		}
		if err := checkDocument(pass, i, ki, limits, unavailable != nil); err != nil && unavailable == nil {
			unavailable = err
		}
	}
	return unavailable
}

// skipDocuments skips the documents' checks of a filing whose documents
// are null (not uploaded yet).
//
//go:noinline
func skipDocuments(pass *Pass) {
	reason := Text{"材料尚未上传（documents为空）", "documents not uploaded yet (documents is null)"}
	pass.Skip(CodeDocumentMissing, reason)
	pass.Skip(CodeDocumentUnclear, reason)
}

// docsFound is what runDocuments knows of the filing's documents: the
// kind index and owner of each when there are a few, or a set of (kind,
// owner) when there are many.
type docsFound struct {
	owners []owner
	kinds  []int8
	set    map[docKey]bool
}

// has reports whether a document of q's kind, or of kind alt, meets n.
func (d *docsFound) has(q *docRequirement, alt beian.DocumentKind, n need) bool {
	if d.set != nil {
		return setHas(d.set, q.Kind, alt, n)
	}
	alti := q.kind
	if alt != q.Kind {
		alti = int8(docKindIndex(alt))
	}
	for k := range d.kinds {
		if (d.kinds[k] == q.kind || d.kinds[k] == alti) && n.accepts(d.owners[k]) {
			return true
		}
	}
	return false
}

// documentSet returns the (kind, owner) of each of the filing's
// documents: for more documents than runDocuments scans.
//
//go:noinline
func documentSet(pass *Pass) map[docKey]bool {
	f := pass.Filing
	set := make(map[docKey]bool, len(f.Documents))
	for k := range f.Documents {
		set[docKey{f.Documents[k].Kind, documentOwner(pass, documentTable[:], k, docKindIndex(f.Documents[k].Kind))}] = true
	}
	return set
}

// setHas is docsFound.has through a set.
//
//go:noinline
func setHas(set map[docKey]bool, kind, alt beian.DocumentKind, n need) bool {
	if set[docKey{kind, n.owner}] || set[docKey{alt, n.owner}] {
		return true
	}
	for _, o := range n.alts[:n.n] {
		if set[docKey{kind, o}] || set[docKey{alt, o}] {
			return true
		}
	}
	return false
}

// reportDocumentMissing reports DOCUMENT_MISSING: q's document, which n
// needs, is not among the filing's.
//
//go:noinline
func reportDocumentMissing(pass *Pass, q *docRequirement, n need) {
	sev := defaultSeverity(CodeDocumentMissing)
	if !q.Certain {
		sev = Warning
	}
	at := n.owner.path()
	pass.Add(Rejection{
		Code: CodeDocumentMissing, Severity: sev, Field: "documents",
		Related: pass.keepPaths(at),
		Args:    pass.keepArgs([]Arg{documentArg(q.Kind, at), Str("kind", string(q.Kind))}),
		Source:  citationSource(q.Source, q.Certain),
	})
}

// documentLimitsFor returns the image limits of each document kind under
// profile (the default profile when empty), or an error naming the
// profiles for one not known.
func documentLimitsFor(profile string) (*kindLimits, error) {
	if profile == "" || profile == scan.DefaultProfile {
		if limits := documentLimits().byDefault; limits != nil {
			return limits, nil
		}
		return nil, unknownProfile(scan.DefaultProfile)
	}
	if limits, ok := documentLimits().byProfile[profile]; ok {
		return limits, nil
	}
	return nil, unknownProfile(profile)
}

// unknownProfile is documentLimitsFor's error for profile.
//
//go:noinline
func unknownProfile(profile string) error {
	return fmt.Errorf("unknown image-limits profile %q (want one of %v)", profile, scan.Profiles())
}

// docApplying holds, as bits by index in documentTable, the
// requirements rule "documents" reports itself (By empty), by the two
// things that make one apply to a filing: the subject's nature
// (admitsNature) and the province (admitsProvince). A requirement
// applies when its bit is set in both. The scan
// of the table reads two words of docApplies instead of the columns of
// each of its requirements, which lie in some 50 cache lines
// (TestDocApplyingAsAppliesTo).
type docApplying struct {
	// byNature[i] admit the nature natureOrder[i]; the last, a nature
	// not declared.
	byNature [len(natureOrder) + 1]uint64
	// byProvince[b+1] admit the province of provinceBit b (-1 first, a
	// province not known).
	byProvince [101]uint64
}

// docApplies is documentTable compiled to a docApplying.
var docApplies = newDocApplying(documentTable[:])

// Every requirement of documentTable has a bit of a docApplying's words.
var _ [64 - len(documentTable)]struct{}

// newDocApplying returns the docApplying of reqs, at most 64.
func newDocApplying(reqs []docRequirement) *docApplying {
	a := new(docApplying)
	for i := range reqs {
		q := &reqs[i]
		if q.By != "" {
			continue
		}
		for k := range a.byNature {
			nature := beian.Nature("") // not declared
			if k < len(natureOrder) {
				nature = natureOrder[k]
			}
			if q.admitsNature(nature, nature == beian.NaturePersonal, nature.IsUnit()) {
				a.byNature[k] |= 1 << i
			}
		}
		for b := range a.byProvince {
			if q.admitsProvince(b - 1) {
				a.byProvince[b] |= 1 << i
			}
		}
	}
	return a
}

// to returns, as bits by index in documentTable, the requirements rule
// "documents" reports itself (By empty) that apply to a filing whose
// subject is of nature, in the province of code.
func (a *docApplying) to(nature beian.Nature, code string) uint64 {
	return a.byNature[natureIndex(nature)] & a.byProvince[provinceBit(code)+1]
}

// natureIndex returns the index of n in natureOrder, len(natureOrder)
// for a nature not declared.
func natureIndex(n beian.Nature) int {
	for i := range natureOrder {
		if natureOrder[i] == n {
			return i
		}
	}
	return len(natureOrder)
}

// admitsNature reports whether q's natures admit a subject of nature, a
// person or a unit (or neither, for a nature not declared).
func (q *docRequirement) admitsNature(nature beian.Nature, personal, unit bool) bool {
	switch q.natures {
	case naturesPersonal:
		return personal
	case naturesUnit:
		return unit
	case naturesListed:
		return q.listed.has(nature)
	}
	return true
}

// admitsProvince reports whether q's provinces admit the province of
// provinceBit province: any, when q names none.
func (q *docRequirement) admitsProvince(province int) bool {
	return q.provinces == (provinceSet{}) || q.provinces.hasBit(province)
}

// An owner is a document owner parsed from its path: the subject, the
// subject principal, website i, website i's principal, domain record i,
// App i or App i's principal.
type owner struct {
	root      uint8 // ownerNone, ownerSubject, ownerWebsite, ownerDomain, ownerApp
	principal bool
	index     int
}

const (
	ownerNone uint8 = iota
	ownerSubject
	ownerWebsite
	ownerDomain
	ownerApp
)

// parseOwner parses a document's Owner ("subject", "subject.principal",
// "websites[0]", "websites[0].principal", "domains[1]", "apps[0]",
// "apps[0].principal"), ignoring spaces;
// an empty owner is the subject. It does not allocate.
func parseOwner(s string) owner {
	switch s { // the usual owners, as the general reading below reads them
	case "subject":
		return owner{root: ownerSubject}
	case "subject.principal":
		return owner{root: ownerSubject, principal: true}
	}
	if rest, ok := strings.CutPrefix(s, "websites["); ok {
		// websites[i] and websites[i].principal, as the general reading
		// below reads them (TestParseOwnerAsGeneral)
		n, i := 0, 0
		for ; i < len(rest) && i < 6 && '0' <= rest[i] && rest[i] <= '9'; i++ {
			n = n*10 + int(rest[i]-'0')
		}
		if i > 0 {
			switch rest[i:] {
			case "]":
				return owner{root: ownerWebsite, index: n}
			case "].principal":
				return owner{root: ownerWebsite, principal: true, index: n}
			}
		}
	}
	return parseOwnerGeneral(s)
}

// parseOwnerGeneral is parseOwner for every owner.
func parseOwnerGeneral(s string) owner {
	s = strings.TrimSpace(s)
	if strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\t') >= 0 {
		s = strings.Join(strings.Fields(s), "") // rare: spaces inside
	}
	rest, principal := strings.CutSuffix(s, ".principal")
	switch rest {
	case "subject", "":
		if principal && rest == "" {
			return owner{}
		}
		return owner{root: ownerSubject, principal: principal}
	}
	var root uint8
	switch {
	case strings.HasPrefix(rest, "websites["):
		root, rest = ownerWebsite, rest[len("websites["):]
	case strings.HasPrefix(rest, "domains[") && !principal:
		root, rest = ownerDomain, rest[len("domains["):]
	case strings.HasPrefix(rest, "apps["):
		root, rest = ownerApp, rest[len("apps["):]
	default:
		return owner{}
	}
	idx, ok := strings.CutSuffix(rest, "]")
	n, err := strconv.Atoi(idx)
	if !ok || err != nil || n < 0 {
		return owner{}
	}
	return owner{root: root, principal: principal, index: n}
}

// documentOwner returns the owner of document k, whose kind has
// docKindIndex kind. An empty owner is
// inferred from the document's kind where one part of the filing alone
// can own such a document (a commitment letter is the subject's, a
// pre-approval the website's when there is one website), and reported
// FIELD_REQUIRED where several could. An owner that names no part of the
// filing ("principal", "websites[3]" of a filing with two websites) is
// reported VALUE_UNKNOWN with the owners that would fit, rather than
// taken for another: the document then meets no requirement.
func documentOwner(pass *Pass, reqs []docRequirement, k, kind int) owner {
	f := pass.Filing
	d := &f.Documents[k]
	if kind < 0 {
		return parseOwner(d.Owner) // the fields rule reports the kind
	}
	at := func() beian.Path { return beian.Path("documents").Index(k).Field("owner") }
	if blank(d.Owner) {
		fits := fittingOwners(f, reqs, d.Kind)
		switch {
		case len(fits) == 1:
			return fits[0]
		case len(fits) == 0:
			return owner{root: ownerSubject}
		}
		pass.Report(at(), CodeFieldRequired)
		return owner{}
	}
	o := parseOwner(d.Owner)
	if o.root != ownerNone && ownerExists(f, o) {
		return o
	}
	names := make([]string, 0, 4)
	for _, fit := range fittingOwners(f, reqs, d.Kind) {
		names = append(names, string(fit.path()))
	}
	if len(names) == 0 {
		names = append(names, "subject")
	}
	pass.Report(at(), CodeValueUnknown, Str("value", shortValue(d.Owner)), Str("allowed", strings.Join(names, ", ")))
	return owner{}
}

// fittingOwners returns the parts of f that own documents of kind by the
// documents table: the subject, the subject principal, each website, each
// website's own principal, each domain record.
func fittingOwners(f *beian.Filing, reqs []docRequirement, kind beian.DocumentKind) []owner {
	var out []owner
	var seen [8]bool // by reqOwner
	for i := range reqs {
		q := &reqs[i]
		if q.Kind != kind || seen[q.owner] {
			continue
		}
		seen[q.owner] = true
		switch q.owner {
		case reqSubject:
			out = append(out, owner{root: ownerSubject})
		case reqSubjectPrincipal:
			out = append(out, owner{root: ownerSubject, principal: true})
		case reqSite:
			for w := range f.Websites {
				out = append(out, owner{root: ownerWebsite, index: w})
			}
		case reqSitePrincipal:
			for w := range f.Websites {
				if f.Websites[w].Principal != nil && !f.Websites[w].PrincipalSameAsSubject {
					out = append(out, owner{root: ownerWebsite, principal: true, index: w})
				}
			}
		case reqDomain:
			for r := range f.Domains {
				out = append(out, owner{root: ownerDomain, index: r})
			}
		case reqAppPrincipal:
			for a := range f.Apps {
				if f.Apps[a].Principal != nil && !f.Apps[a].PrincipalSameAsSubject {
					out = append(out, owner{root: ownerApp, principal: true, index: a})
				}
			}
		}
	}
	return out
}

// ownerExists reports whether o names a part f has.
func ownerExists(f *beian.Filing, o owner) bool {
	switch o.root {
	case ownerSubject:
		return true
	case ownerWebsite:
		return o.index < len(f.Websites)
	case ownerDomain:
		return o.index < len(f.Domains)
	case ownerApp:
		return o.index < len(f.Apps)
	}
	return false
}

// path returns the owner's field path.
func (o owner) path() beian.Path {
	var p beian.Path
	switch o.root {
	case ownerSubject:
		p = "subject"
	case ownerWebsite:
		p = beian.Path("websites").Index(o.index)
	case ownerDomain:
		p = beian.Path("domains").Index(o.index)
	case ownerApp:
		p = beian.Path("apps").Index(o.index)
	}
	if o.principal {
		p = p.Field("principal")
	}
	return p
}

type docKey struct {
	kind beian.DocumentKind
	o    owner
}

// A need is one document a requirement asks of one owner, and the other
// owners whose document meets it.
type need struct {
	owner owner
	alts  [3]owner
	n     int
}

func (n *need) add(o owner) {
	if n.n < len(n.alts) {
		n.alts[n.n] = o
		n.n++
	}
}

func (n need) accepts(o owner) bool {
	if o.root == ownerNone {
		return false
	}
	if o == n.owner {
		return true
	}
	for _, a := range n.alts[:n.n] {
		if o == a {
			return true
		}
	}
	return false
}

// forEachNeed calls fn for each document q asks of the filing, one per
// owner whose circumstances call for it.
func (q *docRequirement) forEachNeed(pass *Pass, fn func(need)) {
	f := pass.Filing
	s := &f.Subject
	personal := s.Nature == beian.NaturePersonal
	subject := owner{root: ownerSubject}
	subjectPrincipal := owner{root: ownerSubject, principal: true}
	switch q.owner {
	case reqSubject, reqSubjectPrincipal:
		if q.when != whenAlways && !q.thresholdMet(pass) {
			return
		}
		n := need{owner: subject}
		if q.owner == reqSubjectPrincipal {
			n.owner = subjectPrincipal
		}
		if personal { // the person is the subject and its principal
			n.add(subject)
			n.add(subjectPrincipal)
		}
		fn(n)
	case reqSitePrincipal:
		for i := range f.Websites {
			p := f.WebsitePrincipal(i)
			own := p != nil && !f.Websites[i].PrincipalSameAsSubject && !samePerson(p, &s.Principal)
			switch q.when {
			case whenAlways:
			case whenOwnSitePrincipal:
				if !own {
					continue
				}
			case whenSitePrincipalNotLR:
				if p == nil || p.IsLegalRepresentative || blank(p.Name) || trimSpace(p.Name) == trimSpace(s.LegalRepresentative) {
					continue
				}
			default:
				continue
			}
			n := need{owner: owner{root: ownerWebsite, principal: true, index: i}}
			n.add(owner{root: ownerWebsite, index: i})
			if !own {
				n.add(subjectPrincipal)
				if personal {
					n.add(subject)
				}
			}
			fn(n)
		}
	case reqAppPrincipal:
		for i := range f.Apps {
			a := &f.Apps[i]
			p := f.AppPrincipal(i)
			if p == nil || a.PrincipalSameAsSubject || samePerson(p, &s.Principal) {
				continue
			}
			switch mini := a.Type == beian.AppMiniProgram; q.when {
			case whenOwnMiniProgramPrincipal:
				if !mini {
					continue
				}
			case whenOwnAppPrincipal:
				if mini {
					continue
				}
			default:
				continue
			}
			n := need{owner: owner{root: ownerApp, principal: true, index: i}}
			n.add(owner{root: ownerApp, index: i})
			fn(n)
		}
	case reqSite:
		if q.when == whenWebsitesAtLeast || q.when == whenDomainNamesOver || q.when == whenFiledWebsitesOver {
			q.sitesOverCount(pass, fn)
			return
		}
		if q.when == whenAlways {
			for i := range f.Websites {
				fn(siteNeed(f, i))
			}
			return
		}
		if q.when != whenPreApproval {
			return
		}
		for i := range f.Websites {
			if slices.ContainsFunc(f.Websites[i].PreApprovals, func(a beian.PreApproval) bool { return a.Document }) {
				fn(siteNeed(f, i))
			}
		}
	case reqDomain:
		if q.when == whenDomainsAtLeast {
			domainsOverCount(pass, q.count, fn)
			return
		}
		lr := trimSpace(s.LegalRepresentative)
		if q.when != whenDomainHeldByLR || lr == "" || pass.Policy.DomainHolderMustBeUnit.Value {
			return
		}
		var sites map[string][]int // website indexes by domain, built when first needed
		for j := range f.Domains {
			d := &f.Domains[j]
			holder := trimSpace(d.HolderName)
			if holder != lr || holder == trimSpace(s.Name) {
				continue
			}
			if sites == nil {
				sites = map[string][]int{}
				for i := range f.Websites {
					for _, name := range f.Websites[i].Domains {
						k := recordDomainKey(name)
						sites[k] = append(sites[k], i)
					}
				}
			}
			n := need{owner: owner{root: ownerDomain, index: j}}
			for _, i := range sites[recordDomainKey(d.Domain)] {
				n.add(owner{root: ownerWebsite, index: i})
			}
			fn(n)
		}
	}
}

// siteNeed is the need of website i's own document: one uploaded as the
// subject's meets it too when the filing has one website, whose the
// subject's can only be (as documentOwner takes an empty owner for it).
func siteNeed(f *beian.Filing, i int) need {
	n := need{owner: owner{root: ownerWebsite, index: i}}
	if len(f.Websites) == 1 {
		n.add(owner{root: ownerSubject})
	}
	return n
}

// thresholdMet reports whether the filing meets q's circumstance if it
// has a threshold: at least q.count websites (websites_at_least, the
// filing's own and, in a new-site filing, those the subject filed before:
// subject.filed_websites), more than q.count websites filed before a
// new-site filing (filed_websites_over), more than q.count domain names
// (domain_names_over: the registrable domains' own labels, example.com
// and example.cn being one name), or a person who files younger than
// q.count years, by the ID card, and not younger than the province's
// minimum age (filer_under_age; younger is AGE_BELOW_MINIMUM's). What the
// filing does not hold of the subject's earlier filings (domain names,
// and the websites when the console does not give their count) a
// province counts as well: a filing that meets the count by itself is
// certain to, one that does not may still.
func (q *docRequirement) thresholdMet(pass *Pass) bool {
	switch q.when {
	case whenWebsitesAtLeast:
		return len(pass.Filing.Websites)+filedWebsites(pass.Filing) >= q.count
	case whenFiledWebsitesOver:
		return filedWebsites(pass.Filing) > q.count
	case whenDomainNamesOver:
		return domainNames(pass, q.count) != nil
	case whenFilerUnderAge:
		s := &pass.Filing.Subject
		if s.Nature != beian.NaturePersonal || s.CertType != beian.CertIDCard {
			return false
		}
		card, err := certnum.ParseIDCardOn(s.CertNumber, pass.Today)
		if err != nil {
			return false
		}
		age := card.AgeOn(pass.Today)
		return age < q.count && age >= pass.Policy.MinimumAge.Value
	}
	return false
}

// sitesOverCount calls fn for each website of a filing that meets q's
// count, as a need of the website's own document; for domain names, a
// website whose name an earlier website has is met by that website's
// document too (one plan per name).
func (q *docRequirement) sitesOverCount(pass *Pass, fn func(need)) {
	var first []int // by website: the first website with one of its names
	switch q.when {
	case whenWebsitesAtLeast, whenFiledWebsitesOver:
		if !q.thresholdMet(pass) {
			return
		}
	case whenDomainNamesOver:
		if first = domainNames(pass, q.count); first == nil {
			return
		}
	}
	for i := range pass.Filing.Websites {
		n := siteNeed(pass.Filing, i)
		if first != nil && first[i] != i {
			n.add(owner{root: ownerWebsite, index: first[i]})
		}
		fn(n)
	}
}

// domainNames counts the domain names of the filing's websites, each by
// its registrable domain's own label (domainNameKey), and, when there are
// more than limit, returns for each website the index of the first
// website that has one of its names (itself when none before does); nil
// when there are not, without counting when the domains typed are not
// more than limit.
func domainNames(pass *Pass, limit int) (first []int) {
	ws := pass.Filing.Websites
	typed := 0
	for i := range ws {
		typed += len(ws[i].Domains)
	}
	if typed <= limit {
		return nil
	}
	seen := make(map[string]int, typed)
	first = make([]int, len(ws))
	for i := range ws {
		first[i] = i
		for _, raw := range ws[i].Domains {
			if blank(raw) {
				continue
			}
			key := domainNameKey(pass, raw)
			if j, ok := seen[key]; !ok {
				seen[key] = i
			} else if j < first[i] {
				first[i] = j
			}
		}
	}
	if len(seen) <= limit {
		return nil
	}
	return first
}

// domainsOverCount calls fn, when the filing has at least count domains
// (registrable domains, of its websites and its domain records, each
// counted once: registrableKey), for the document of each: a domain record's
// own, met by a document of a website with that domain too, and a
// website's for a domain no record holds. It counts nothing when fewer
// domains are typed.
func domainsOverCount(pass *Pass, count int, fn func(need)) {
	f := pass.Filing
	typed := len(f.Domains)
	for i := range f.Websites {
		typed += len(f.Websites[i].Domains)
	}
	if typed < count {
		return
	}
	sites := make(map[string][]int, typed) // website indexes by domain
	for i := range f.Websites {
		for _, raw := range f.Websites[i].Domains {
			if !blank(raw) {
				k := registrableKey(pass, raw)
				sites[k] = append(sites[k], i)
			}
		}
	}
	records := make(map[string]bool, len(f.Domains))
	for j := range f.Domains {
		if !blank(f.Domains[j].Domain) {
			records[registrableKey(pass, f.Domains[j].Domain)] = true
		}
	}
	n := len(sites)
	for k := range records {
		if sites[k] == nil {
			n++
		}
	}
	if n < count {
		return
	}
	done := make(map[string]bool, n)
	for j := range f.Domains {
		if blank(f.Domains[j].Domain) {
			continue
		}
		k := registrableKey(pass, f.Domains[j].Domain)
		if done[k] {
			continue
		}
		done[k] = true
		nd := need{owner: owner{root: ownerDomain, index: j}}
		for _, i := range sites[k] {
			nd.add(owner{root: ownerWebsite, index: i})
		}
		fn(nd)
	}
	for i := range f.Websites {
		for _, raw := range f.Websites[i].Domains {
			if blank(raw) {
				continue
			}
			if k := registrableKey(pass, raw); !records[k] && !done[k] {
				done[k] = true
				fn(need{owner: owner{root: ownerWebsite, index: i}})
			}
		}
	}
}

// registrableKey is a domain as domains_at_least counts it: its registrable
// domain in ASCII (example.com for www.Example.com), or, for a domain
// that does not parse (DOMAIN_INVALID's), the domain as typed, trimmed
// and in lower case.
func registrableKey(pass *Pass, raw string) string {
	if d, err := pass.ParseDomain(raw); err == nil {
		return d.ASCII()
	}
	return recordDomainKey(raw)
}

// domainNameKey is a domain's name as domain_names_over counts it: the
// registrable domain's own label ("example" for www.example.com.cn), or,
// for a domain that does not parse (DOMAIN_INVALID's), the domain as
// typed, trimmed and in lower case.
func domainNameKey(pass *Pass, raw string) string {
	if d, err := pass.ParseDomain(raw); err == nil && d.Label() != "" {
		return d.Label()
	}
	return recordDomainKey(raw)
}

// trimSpace is strings.TrimSpace(s), without decoding a rune when s
// starts and ends with a character no white space begins with (a Chinese
// name, for which strings.TrimSpace decodes a rune at each end): the
// UTF-8 of every white-space rune beyond ASCII starts with 0xC2 (U+0085,
// U+00A0), 0xE1 (U+1680), 0xE2 (U+2000–U+205F) or 0xE3 (U+3000).
func trimSpace(s string) string {
	if len(s) == 0 || maySpace(s[0]) {
		return strings.TrimSpace(s)
	}
	// the last rune's first byte: at most three continuation bytes back
	i := len(s) - 1
	for j := 0; j < 3 && i > 0 && s[i]&0xC0 == 0x80; j++ {
		i--
	}
	if maySpace(s[i]) {
		return strings.TrimSpace(s)
	}
	return s
}

// maySpace reports whether a white-space rune's UTF-8 may start with b.
func maySpace(b byte) bool {
	switch b {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xC2, 0xE1, 0xE2, 0xE3:
		return true
	}
	return false
}

// recordDomainKey is a domain as compared: trimmed, lower case, without a final
// dot.
func recordDomainKey(d string) string {
	return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
}

// samePerson reports whether two principals carry the same certificate.
func samePerson(a, b *beian.Principal) bool {
	na, nb := strings.TrimSpace(a.CertNumber), strings.TrimSpace(b.CertNumber)
	return na != "" && strings.EqualFold(na, nb) && a.CertType == b.CertType
}

// documentArg names a document kind and its owner. The subject's and its
// principal's documents of a declared kind are named from a table built
// once (subjectDocumentNames): a filing's missing documents are most
// often theirs, and each name is otherwise a concatenation.
func documentArg(kind beian.DocumentKind, owner beian.Path) Arg {
	o := -1
	switch owner {
	case "subject", "":
		o = 0
	case "subject.principal":
		o = 1
	}
	if k := docKindIndex(kind); o >= 0 && k >= 0 {
		return Arg{"document", subjectDocumentNames()[o][k]}
	}
	return documentArgNamed(kind, owner)
}

// subjectDocumentNames are documentArgNamed's names of the documents of
// the subject ([0]) and of its principal ([1]), by docKindIndex.
// A pointer: a OnceValue of the array would copy its 768 bytes out at
// each call.
var subjectDocumentNames = sync.OnceValue(func() *[2][numDocKinds]Text {
	t := new([2][numDocKinds]Text)
	for k, kind := range beian.DocumentKinds() {
		t[0][k] = documentArgNamed(kind, "subject").Value
		t[1][k] = documentArgNamed(kind, "subject.principal").Value
	}
	return t
})

// documentArgNamed is documentArg, the name built for the call.
func documentArgNamed(kind beian.DocumentKind, owner beian.Path) Arg {
	// Named by labels only: the rejection's field and related paths
	// locate it.
	kl, path := kindLabel(kind), string(owner)
	switch {
	case (kind == beian.DocSubjectCert && (path == "subject" || path == "")) ||
		(kind == beian.DocPrincipalCert && path == "subject.principal"):
		// the kind names its owner
		return Arg{"document", kl}
	case kind == beian.DocSitePrincipalCert && strings.HasPrefix(path, "apps[") && strings.HasSuffix(path, ".principal"):
		// an App's principal: the kind's label says website
		ol := ownerLabel(beian.Path(strings.TrimSuffix(path, ".principal")))
		return Arg{"document", joinText(ol.ZH, "的负责人证件", "", "certificate of the principal of ", ol.EN, "")}
	case kind == beian.DocSitePrincipalCert && strings.HasSuffix(path, ".principal"):
		ol := ownerLabel(beian.Path(strings.TrimSuffix(path, ".principal")))
		return Arg{"document", joinText(ol.ZH, "的", kl.ZH, kl.EN, " of ", ol.EN)}
	}
	ol := ownerLabel(owner)
	return Arg{"document", joinText(ol.ZH, "的", kl.ZH, kl.EN, " of ", ol.EN)}
}

// ownerLabel names a document's owner: the subject, a principal, website
// n, domain record n.
func ownerLabel(owner beian.Path) Text {
	s := string(owner)
	switch s {
	case "subject", "":
		return Text{"主办者", "the subject"}
	case "subject.principal":
		return Text{"主体负责人", "the subject principal"}
	}
	for _, p := range []struct {
		prefix string
		zh, en string
	}{{"websites[", "网站", "website "}, {"domains[", "域名记录", "domain record "}, {"apps[", "App", "App "}} {
		rest, ok := strings.CutPrefix(s, p.prefix)
		if !ok {
			continue
		}
		idx, tail, ok := strings.Cut(rest, "]")
		n, err := strconv.Atoi(idx)
		if !ok || err != nil {
			break
		}
		num := strconv.Itoa(n + 1)
		switch tail {
		case "":
			return Text{p.zh + num, p.en + num}
		case ".principal":
			return Text{p.zh + num + "的负责人", "the principal of " + p.en + num}
		}
	}
	return Text{s, s}
}

func kindLabel(k beian.DocumentKind) Text {
	return Text{k.Label(language.Chinese), k.Label(language.English)}
}

// numDocKinds is the number of document kinds beian declares
// (TestDocKindIndex holds it to beian.DocumentKinds).
const numDocKinds = 12

// docKindIndex returns k's index in beian.DocumentKinds, or -1 for a
// kind beian does not declare (k.Valid is false).
func docKindIndex(k beian.DocumentKind) int {
	// By length, then comparisons with constants, the commonest kind
	// first (a switch on several strings may be compiled to a binary
	// search through them).
	switch len(k) {
	case len(beian.DocPhoto):
		if k == beian.DocPhoto {
			return 8
		}
	case len(beian.DocSubjectCert): // and DocPreApproval
		if k == beian.DocSubjectCert {
			return 0
		}
		if k == beian.DocPreApproval {
			return 6
		}
	case len(beian.DocPrincipalCert):
		if k == beian.DocPrincipalCert {
			return 1
		}
	case len(beian.DocResidencePermit): // and DocEmploymentProof
		if k == beian.DocResidencePermit {
			return 5
		}
		if k == beian.DocEmploymentProof {
			return 11
		}
	case len(beian.DocVerificationForm): // and DocCommitmentLetter, DocConstructionPlan
		if k == beian.DocVerificationForm {
			return 3
		}
		if k == beian.DocCommitmentLetter {
			return 9
		}
		if k == beian.DocConstructionPlan {
			return 10
		}
	case len(beian.DocSitePrincipalCert): // and DocDomainHolderProof
		if k == beian.DocSitePrincipalCert {
			return 2
		}
		if k == beian.DocDomainHolderProof {
			return 7
		}
	case len(beian.DocAuthorizationLetter):
		if k == beian.DocAuthorizationLetter {
			return 4
		}
	}
	return -1
}

// kindLimits are one profile's image limits by docKindIndex; nil for a
// kind the profile has none for.
type kindLimits [numDocKinds]*scan.Limits

// documentLimits holds every profile's image limits per document kind,
// looked up once; rules only read them.
var documentLimits = sync.OnceValue(func() profileLimits {
	all := profileLimits{byProfile: map[string]*kindLimits{}}
	for _, p := range scan.Profiles() {
		m := new(kindLimits)
		for _, k := range beian.DocumentKinds() {
			if l, ok := scan.LimitsFor(p, k); ok {
				m[docKindIndex(k)] = &l
			}
		}
		all.byProfile[p] = m
	}
	all.byDefault = all.byProfile[scan.DefaultProfile]
	return all
})

// profileLimits are the image limits of every profile, and those of
// scan.DefaultProfile without a map lookup.
type profileLimits struct {
	byProfile map[string]*kindLimits
	byDefault *kindLimits
}

// checkDocument holds document i, whose kind has docKindIndex k, to the
// image limits: what is declared, then, when a source gives them and
// noSource is not set, its bytes. It
// returns the source's error when the source did not answer before its
// deadline (or the validation's context ended).
func checkDocument(pass *Pass, i, k int, byKind *kindLimits, noSource bool) error {
	d := &pass.Filing.Documents[i]
	if k < 0 || byKind[k] == nil {
		return nil // VALUE_UNKNOWN says why
	}
	limits := byKind[k]
	declared := scan.Info{Width: max(d.Width, 0), Height: max(d.Height, 0), Size: max(d.SizeBytes, 0)}
	switch d.Format {
	case "jpeg": // as most filings declare it: what ParseFormat reads it as
		declared.Format = scan.FormatJPEG
	case "png":
		declared.Format = scan.FormatPNG
	default:
		if name := strings.TrimSpace(d.Format); name != "" {
			var known bool
			if declared.Format, known = scan.ParseFormat(name); !known {
				declared.Format = scan.Format(strings.ToLower(name))
			}
		}
	}
	var problems []scan.Problem
	if !withinLimits(limits, &declared) {
		problems = limits.Check(declared)
	} else if blank(d.Path) {
		return nil // within the limits, and no file to read
	}
	info := declared
	var late error
	switch src := pass.Config.Documents; {
	case blank(d.Path):
	case noSource:
		at := beian.Path("documents").Index(i)
		pass.Skip(CodeDocumentUnclear, Text{"材料来源未在时限内应答，未读取" + string(at) + "的文件", "the document source did not answer in time: " + string(at) + " not read"})
	case src == nil:
		at := beian.Path("documents").Index(i)
		pass.Skip(CodeDocumentUnclear, Text{"未配置材料来源，未读取" + string(at) + "的文件", "no document source configured: " + string(at) + " not read"})
	default:
		res, err := readDocument(pass, src, d.Path, *limits)
		if err != nil && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)) {
			late = fmt.Errorf("documents[%d]: %w", i, err)
			break
		}
		if err != nil {
			at := beian.Path("documents").Index(i)
			pass.Skip(CodeDocumentUnclear, Text{"无法读取" + string(at) + "的文件：" + err.Error(), "cannot read the file of " + string(at) + ": " + err.Error()})
			break
		}
		// the file's own values replace the declared ones
		info, problems = res.Info, res.Problems
	}
	for _, p := range problems {
		reportUnclear(pass, beian.Path("documents").Index(i), d, info, p)
	}
	return late
}

// withinLimits reports whether l.Check(*info) finds no problem, without
// copying l (Check has a value receiver, and Limits is some 200 bytes):
// most declared documents are within their limits. It tests what Check
// tests; TestWithinLimitsAsCheck holds it to Check.
func withinLimits(l *scan.Limits, info *scan.Info) bool {
	if info.Size > 0 && l.MaxBytes.Value > 0 && float64(info.Size) > l.MaxBytes.Value {
		return false
	}
	if info.Format != scan.FormatUnknown && len(l.Formats.Allowed) > 0 && !slices.Contains(l.Formats.Allowed, info.Format) {
		return false
	}
	if info.Width > 0 && info.Height > 0 {
		short, long := min(info.Width, info.Height), max(info.Width, info.Height)
		if l.MinShortSide.Value > 0 && float64(short) < l.MinShortSide.Value ||
			l.MinLongSide.Value > 0 && float64(long) < l.MinLongSide.Value {
			return false
		}
	}
	return !(info.Measured && l.MinSharpness.Value > 0 && info.Sharpness < l.MinSharpness.Value)
}

func readDocument(pass *Pass, src DocumentSource, path string, limits scan.Limits) (res scan.Result, err error) {
	ctx, cancel := pass.OutsideContext()
	defer cancel()
	if err := ctx.Err(); err != nil {
		return res, err
	}
	rc, err := src(ctx, path)
	if err != nil {
		return res, err
	}
	defer rc.Close()
	r := &ctxReader{ctx: ctx, r: rc}
	// The decode waits for a slot of the validator's gate, so that the
	// memory of concurrent validations stays bounded.
	res, err = pass.Config.DecodeGate.InspectReader(ctx, r, limits)
	if r.err != nil {
		return res, r.err // the bytes could not be had: skipped, not rejected
	}
	return res, err
}

// ctxReader stops reading when ctx is done, and keeps the first error
// other than io.EOF.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
	err error
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		c.err = err
		return 0, err
	}
	n, err := c.r.Read(p)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

// reportUnclear reports one limit an image breaks.
func reportUnclear(pass *Pass, at beian.Path, d *beian.Document, info scan.Info, p scan.Problem) {
	field := at.Field("path")
	switch p.Kind {
	case scan.KindFormat:
		field = at.Field("format")
	case scan.KindFileSize:
		field = at.Field("size_bytes")
	case scan.KindShortSide, scan.KindLongSide:
		field = at.Field("width")
		if info.Height < info.Width == (p.Kind == scan.KindShortSide) {
			field = at.Field("height")
		}
	}
	problem := imageProblem(p)
	sev := defaultSeverity(CodeDocumentUnclear)
	if !p.Certain {
		sev = Warning
	}
	pass.Add(Rejection{
		Code: CodeDocumentUnclear, Severity: sev, Field: field,
		Args:   pass.keepArgs([]Arg{documentArg(d.Kind, ownerPath(d.Owner)), {"problem", problem}}),
		Source: citationSource(p.Source, p.Certain),
	})
}

func ownerPath(s string) beian.Path {
	if o := parseOwner(s); o.root != ownerNone {
		return o.path()
	}
	if s = strings.TrimSpace(s); s != "" {
		return beian.Path(s)
	}
	return "subject"
}

func formatList(fs []scan.Format) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString("/")
		}
		b.WriteString(strings.ToUpper(string(f)))
	}
	return b.String()
}

func megabytes(n float64) string {
	return strconv.FormatFloat(n/(1<<20), 'f', 1, 64) + " MB"
}

func percent(x float64) string {
	return strconv.FormatFloat(x*100, 'f', 0, 64) + "%"
}

func num(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
