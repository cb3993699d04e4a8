package rules

import (
	"strings"
	"sync"

	"github.com/icpcheck/beian/internal/keyindex"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/sources"
)

// sourceOf returns the Source of the first of keys that package sources
// knows, with the certainty given; the zero Source when none is known.
func sourceOf(keys []string, certain bool) Source {
	for _, k := range keys {
		if s, ok := sources.Lookup(k); ok {
			return Source{Key: s.Key, URL: s.URL, Edition: s.Edition, Certain: certain}
		}
	}
	return Source{}
}

// citationSource is sourceOf(sources.Keys(citation), certain) without
// the slice of keys: a rejection resting on a fact, a row of the
// documents table or an image limit finds its source where it is
// reported, and should cost no allocation for it
// (TestCitationSourceAsKeys holds it to the general path).
func citationSource(citation string, certain bool) Source {
	head, _, _ := strings.Cut(citation, ":")
	var found sources.Source
	known := false
	for {
		k, rest, more := strings.Cut(head, ";")
		k = strings.TrimSpace(k)
		if !sources.ValidKey(k) {
			return Source{} // not a key list: no keys at all
		}
		if !known {
			found, known = sources.Lookup(k)
		}
		if !more {
			break
		}
		head = rest
	}
	if !known {
		return Source{}
	}
	return Source{Key: found.Key, URL: found.URL, Edition: found.Edition, Certain: certain}
}

// factSource returns the source of a province policy fact; when none of
// its keys is known (a caller's override), a Source with no key that still
// carries the fact's certainty.
func factSource[T any](f provinces.Fact[T]) Source {
	if s := citationSource(f.Source, f.Certain); !s.IsZero() {
		return s
	}
	return Source{Certain: f.Certain}
}

// codeSourceKeys are the published rules behind the codes whose
// rejections follow from a rule the providers state for every filing (a
// naming rule, the resubmission window …). A rule that rests a rejection
// on a particular fact (a province's policy, a row of the documents
// table, the suffix list, the calendar) sets its source itself, which
// takes precedence. A list, not a map: the compiler lays it out as data,
// where a map literal is code run at the program's start (14 KB of code
// the WebAssembly build compiled before its first answer).
var codeSourceKeys = []codeKeys{
	{CodeAppPlatformMissing, []string{"ucloud-app-features", "ucloud-app-knowledge"}},
	{CodeAppPackageInvalid, []string{"android-application-id", "apple-bundle-id", "huawei-harmonyos-bundle-name", "ucloud-app-features"}},
	{CodeAppPackageDuplicate, []string{"ucloud-app-knowledge"}},
	{CodeAppSignatureInvalid, []string{"ucloud-app-features", "ucloud-app-knowledge"}},
	{CodeAppPublicKeyInvalid, []string{"ucloud-app-features"}},
	{CodeAppNameInvalid, []string{"huawei-app-filing", "ucloud-app-knowledge"}},
	{CodeSiteNameTooShort, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNameNotChinese, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNameSpecialChars, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNameBannedPrefix, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNameIsDomain, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNameSensitive, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNamePersonalRestricted, []string{"ucloud-site-naming", "tencent-site-naming"}},
	{CodeSiteNameNeedsRemark, []string{"tencent-site-naming", "ucloud-site-naming"}},
	{CodeContentPreApprovalRequired, []string{"tencent-pre-approval", "ucloud-pre-approval"}},
	{CodeContentPreApprovalHint, []string{"tencent-pre-approval", "ucloud-pre-approval"}},
	{CodeContentPersonalNotAllowed, []string{"tencent-pre-approval", "ucloud-pre-approval"}},
	{CodeResubmissionWindowExpired, []string{"tencent-order-validity"}},
	{CodeSiteFooterMissing, []string{"miit-order-33", "ucloud-footer"}},
	{CodeSiteOnlineBeforeApproval, []string{"tencent-reject-reasons"}},
	{CodeSiteTitleMismatch, []string{"ucloud-site-title"}},
	{CodeWebsiteMultipleDomains, []string{"ucloud-one-domain"}},
	{CodeICPNumberInvalid, []string{"ucloud-knowledge", "tencent-icp-number"}},
	{CodeDomainNotVerified, []string{"tencent-site-info", "huawei-domains"}},
	{CodeDomainVerificationPending, []string{"tencent-site-info", "huawei-domains"}},
	{CodeDomainHolderMismatch, []string{"tencent-reject-reasons"}},
	{CodeDomainHolderCertMismatch, []string{"tencent-reject-reasons"}},
	{CodeDomainTLDNotFilable, []string{"miit-domain-list"}},
	{CodeContactNotDistinct, []string{"tencent-subject-info"}},
	{CodePhoneUsedByOtherSubject, []string{"tencent-reject-reasons"}},
	{CodeMIITRecordExists, []string{"tencent-reject-reasons"}},
	{CodeOrderInProgress, []string{"tencent-reject-reasons"}},
	{CodeFilingTypeWrong, []string{"tencent-reject-reasons"}},
	{CodeDomainFiledByOtherSubject, []string{"tencent-icp-number"}},
	{CodeCertNatureMismatch, []string{"gb-32100-2015"}},
	{CodePrincipalLinkedNotice, []string{"tencent-subject-info"}},
	{CodeDocumentMissing, []string{"tencent-materials", "ucloud-materials"}},
	{CodeDocumentUnclear, []string{"tencent-materials", "ucloud-materials"}},
	{CodeCrossProvince, []string{"tencent-province-reqs", "huawei-province-rules"}},
	{CodeCrossProvincePersonal, []string{"tencent-province-reqs", "huawei-province-rules"}},
	{CodePrincipalNotLegalRepresentative, []string{"tencent-province-reqs", "huawei-province-rules"}},
	{CodePrincipalNotSelf, []string{"ucloud-knowledge"}},
}

// codeKeys are the source keys of one code in codeSourceKeys.
type codeKeys struct {
	code Code
	keys []string
}

// sourceKeysOf returns code's keys in codeSourceKeys, nil when it has none.
func sourceKeysOf(code Code) []string {
	for i := range codeSourceKeys {
		if codeSourceKeys[i].code == code {
			return codeSourceKeys[i].keys
		}
	}
	return nil
}

// codeDefault is what a code's rejections get unless their rule says
// otherwise: its declared severity and the published rule behind it.
type codeDefault struct {
	severity Severity
	source   Source // certain; zero when no rule of codeSourceKeys is known
}

// codeDefaults are the declared codes' defaults, built once, with an
// index of the codes: reporting a rejection looks its code up once, in a
// few instructions (a map hashed the whole code, which at 11,000
// rejections of a large filing was a visible share of the validation).
var codeDefaults = sync.OnceValue(func() codeTable {
	t := codeTable{index: descriptionIndex(), defaults: make([]codeDefault, len(descriptions))}
	for i := range descriptions {
		d := &descriptions[i]
		t.defaults[i] = codeDefault{severity: d.Severity, source: sourceOf(sourceKeysOf(d.Code), true)}
	}
	return t
})

// codeTable is codeDefaults' value: the defaults of descriptions[i] at
// i, and the index of their codes (descriptionIndex).
type codeTable struct {
	index    *keyindex.Index
	defaults []codeDefault
}

// defaultsOf returns code's defaults: for an undeclared code (which
// TestRuleCodesDeclared prevents) Error and no source.
func defaultsOf(code Code) codeDefault { return *defaultsAt(code) }

// defaultsAt returns where code's defaults are kept (defaultsOf), not to
// be written: in codeDefaults' table, or undeclaredDefaults.
func defaultsAt(code Code) *codeDefault {
	t := codeDefaults()
	if i := t.index.Find(string(code)); i >= 0 {
		return &t.defaults[i]
	}
	return &undeclaredDefaults
}

// undeclaredDefaults are the defaults of an undeclared code: Error, no
// source. Never written.
var undeclaredDefaults = codeDefault{severity: Error}

// sourceAt returns the published rule behind d's code for a rejection of
// severity sev: certain unless the severity was lowered for want of
// certainty.
func (d codeDefault) sourceAt(sev Severity) Source {
	s := d.source
	if !s.IsZero() {
		s.Certain = sev >= d.severity
	}
	return s
}

// defaultSource returns the published rule behind code, certain unless
// the rejection's severity was lowered for want of certainty.
func defaultSource(code Code, sev Severity) Source {
	return defaultsOf(code).sourceAt(sev)
}
