package provinces

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/icpcheck/beian/rules/sources"
)

// A Policy is one province's filing rules, as far as the rules can be
// read from a filing's data. Every field is a [Fact]: a value with its
// source and whether it is certain. Rules report a breach of a certain
// fact as an error and of an uncertain one as a warning.
//
// The JSON names of the fields are the keys of override documents (see
// [Policies.Override]).
type Policy struct {
	// PersonalCrossProvince says whether a person whose ID card another
	// province issued may file here, and with what proof.
	PersonalCrossProvince Fact[CrossProvince] `json:"personal_cross_province"`
	// PrincipalMustBeLegalRepresentative says whether a unit's principal
	// (主体负责人) must be its legal representative.
	PrincipalMustBeLegalRepresentative Fact[bool] `json:"principal_must_be_legal_representative"`
	// NonLRPrincipalRunsSites says whether a unit's principal who is not
	// its legal representative must also be the principal of each of its
	// websites and Apps (互联网信息服务负责人): Anhui (HW), and Jiangsu and
	// Sichuan by UCloud's pages, which other sources contradict.
	NonLRPrincipalRunsSites Fact[bool] `json:"non_lr_principal_runs_sites"`
	// AuthorizationLetterAccepted says whether, where the principal must be
	// the legal representative, a 法定代表人授权书 lets someone else be
	// the principal.
	AuthorizationLetterAccepted Fact[bool] `json:"authorization_letter_accepted"`
	// VirtualMobileAllowed says whether mobiles of virtual-operator
	// segments (170, 171, 162, 165, 167) are accepted.
	VirtualMobileAllowed Fact[bool] `json:"virtual_mobile_allowed"`
	// MobileMustBeLocal says whether principals' phone numbers must belong
	// to the province's segments and area codes. The phone rule reports
	// another province's number as an error when the fact is true and
	// certain, as a warning when it is true and uncertain (per an old
	// source only), and as a notice when it is false: a current source
	// says there is no such rule (certain), or none states one (uncertain;
	// Tencent says a province without a rule takes any province's number,
	// and the providers' advice is still a local number).
	MobileMustBeLocal Fact[bool] `json:"mobile_must_be_local"`
	// MinimumAge is the youngest age, in whole years on the day of
	// submission, at which a person may file in their own name: the
	// subject of a personal filing, who is also its principals.
	MinimumAge Fact[int] `json:"minimum_age"`
	// UnitPrincipalMinimumAge is the youngest age at which a person may be
	// a unit's principal (主体负责人, or the principal of one of its websites
	// or Apps). The sources that give personal filers' age say nothing of
	// units' principals, except in a few provinces (Guangdong 16, Fujian
	// 18).
	UnitPrincipalMinimumAge Fact[int] `json:"unit_principal_minimum_age"`
	// PersonalNameBannedWords are words a personal site's name must not
	// contain here, on top of the national list.
	PersonalNameBannedWords Fact[[]string] `json:"personal_name_banned_words"`
	// PersonalNameForms, when not empty, are the only endings a personal
	// site's name may have (Jiangsu: 某某的个人博客, 某某的个人主页).
	PersonalNameForms Fact[[]string] `json:"personal_name_forms"`
	// DomainHolderMustBeUnit says whether a unit's domains must be
	// registered to the unit itself, not to its legal representative.
	DomainHolderMustBeUnit Fact[bool] `json:"domain_holder_must_be_unit"`
	// UnitLandlineRequired says whether a unit must give a landline as its
	// office phone.
	UnitLandlineRequired Fact[bool] `json:"unit_landline_required"`
	// OfficePhoneDiffersFromMobile says whether a principal's office
	// phone (办公电话) must be another number than the principal's mobile.
	OfficePhoneDiffersFromMobile Fact[bool] `json:"office_phone_differs_from_mobile"`
	// EmergencyRemarkRequired says whether the remark of a website or App
	// must say whose the emergency phone (应急联系电话) is: an employee of the
	// unit, or the person's relative (Tianjin).
	EmergencyRemarkRequired Fact[bool] `json:"emergency_remark_required"`
	// PersonalRemarkRequired says whether a personal filing's website
	// remark (备注) must describe the site's real content: an empty remark
	// is then refused.
	PersonalRemarkRequired Fact[bool] `json:"personal_remark_required"`
	// PersonalPledgeRequired says whether a personal filer must copy the
	// province's pledge (本网站是个人网站，不含有企业、单位等非个人网站的信息…)
	// into the subject's remark (Guangxi).
	PersonalPledgeRequired Fact[bool] `json:"personal_pledge_required"`
	// SiteNamesDistinct says whether a website may not take the name of a
	// website already filed (Shaanxi).
	SiteNamesDistinct Fact[bool] `json:"site_names_distinct"`
	// AddressSameCity says whether a unit's mailing address (通信地址)
	// must lie in the city of its certificate's address (Hebei, Henan,
	// Guizhou).
	AddressSameCity Fact[bool] `json:"address_same_city"`
	// InvestorMustName, when not empty, is whom a unit's 投资者或上级主管单位
	// (Subject.Investor) must name: "legal_representative", the legal
	// representative (Ningxia); "superior_unit", for a unit that is not an
	// enterprise, its superior authority (Guangxi, Fujian); "unit_name", the
	// unit itself (Jilin); "enterprise_name", for an enterprise, itself
	// (Fujian).
	InvestorMustName Fact[[]string] `json:"investor_must_name"`
	// OfficeMobileRemark, when not empty, is what a unit's remark must say
	// of whoever answers an office phone (办公电话) that is a mobile: "name"
	// (Chongqing), "title", the job title (Gansu), or both (Tianjin).
	OfficeMobileRemark Fact[[]string] `json:"office_mobile_remark"`
	// PersonalSiteLimit is how many websites and Apps a personal subject
	// may have; 0 when no limit is known.
	PersonalSiteLimit Fact[int] `json:"personal_site_limit"`
	// UnitSiteLimit is how many websites and Apps a unit may have; 0 when
	// no limit is known.
	UnitSiteLimit Fact[int] `json:"unit_site_limit"`
	// WebsitesPerSubmission is how many websites one new filing or one
	// new-site filing may add (Hunan, Hubei: one); 0 when no limit is
	// known.
	WebsitesPerSubmission Fact[int] `json:"websites_per_submission"`
	// UnitDomainsPerSubmission is how many domains a unit's new filing or
	// new-site filing may add; 0 when no limit is known.
	UnitDomainsPerSubmission Fact[int] `json:"unit_domains_per_submission"`
	// PersonalFirstFilingDomains is how many domains a person's first
	// filing (filing_type new) may hold; 0 when no limit is known.
	PersonalFirstFilingDomains Fact[int] `json:"personal_first_filing_domains"`
	// PersonalOneDomainAfter and UnitOneDomainAfter are how many websites
	// a person or a unit may have filed before its new-site filings are
	// held to one domain each (Jiangxi: more than 7, more than 15); 0
	// when no such rule is known.
	PersonalOneDomainAfter Fact[int] `json:"personal_one_domain_after"`
	UnitOneDomainAfter     Fact[int] `json:"unit_one_domain_after"`
}

// A Fact is one policy value with its provenance.
type Fact[T any] struct {
	// Value is the rule.
	Value T `json:"value"`
	// Certain is false when sources conflict, are old or second-hand:
	// rules then warn instead of rejecting.
	Certain bool `json:"certain"`
	// Source says where the fact comes from: for the built-in facts a
	// citation, the keys of the pages (package rules/sources, SOURCES.md)
	// then ":" and a note ending in the confidence mark,
	// "ucloud-hunan; tencent-subject-info: … [HIGH]"; for an override,
	// whatever the caller wrote.
	Source string `json:"source"`
}

// SourceKeys returns the keys of the pages the fact comes from, each
// defined in package rules/sources (sources.Lookup); nil when Source does
// not start with a key list, as an override's free text usually does not.
func (f Fact[T]) SourceKeys() []string { return sources.Keys(f.Source) }

// A CrossProvince says whether a province accepts a personal filing whose
// ID card another province issued.
type CrossProvince string

// The cross-province policies.
const (
	// CrossProvinceAllowed accepts an ID card of any province.
	CrossProvinceAllowed CrossProvince = "allowed"
	// CrossProvinceResidencePermit accepts it with a residence permit
	// (居住证 or 暂住证) of the filing province.
	CrossProvinceResidencePermit CrossProvince = "residence_permit"
	// CrossProvinceProof accepts it with a residence permit or another
	// proof of living there the province names (社保, 房产证, 学生证 …).
	CrossProvinceProof CrossProvince = "proof"
	// CrossProvinceForbidden accepts only ID cards of the province.
	CrossProvinceForbidden CrossProvince = "forbidden"
)

// Valid reports whether c is one of the declared policies.
func (c CrossProvince) Valid() bool {
	switch c {
	case CrossProvinceAllowed, CrossProvinceResidencePermit, CrossProvinceProof, CrossProvinceForbidden:
		return true
	}
	return false
}

// UnmarshalText accepts the declared names only.
func (c *CrossProvince) UnmarshalText(b []byte) error {
	v := CrossProvince(b)
	if !v.Valid() {
		return fmt.Errorf("provinces: unknown cross-province policy %q (want allowed, residence_permit, proof or forbidden)", b)
	}
	*c = v
	return nil
}

// Clone returns a copy of p that shares no memory with it.
func (p Policy) Clone() Policy {
	p.PersonalNameBannedWords.Value = slices.Clone(p.PersonalNameBannedWords.Value)
	p.PersonalNameForms.Value = slices.Clone(p.PersonalNameForms.Value)
	return p
}

// Policies holds the policy of every province. A Policies value is
// immutable and safe for concurrent use; [Policies.Override] returns a new
// one.
type Policies struct {
	byIndex  [len(table)]Policy
	fallback Policy
}

// DefaultPolicies returns the policies compiled from the reference
// documents (see data/policy.csv for every fact and its source).
func DefaultPolicies() *Policies {
	ps := &Policies{byIndex: defaultPolicies, fallback: fallbackPolicy.Clone()}
	for i := range ps.byIndex {
		ps.byIndex[i] = ps.byIndex[i].Clone()
	}
	return ps
}

// For returns the policy of a province, named by its GB/T 2260 code ("43")
// or any other form [Lookup] accepts ("湖南", "湖南省", "Hunan", "430000"),
// as [Policies.Override] does; false when it names no province. The
// policy's word lists are shared with ps and must not be modified;
// [Policy.Clone] gives a private copy.
func (ps *Policies) For(province string) (Policy, bool) {
	if i, ok := policyIndex(province); ok {
		return ps.byIndex[i], true
	}
	return Policy{}, false
}

// CopyFor copies into *dst the policy [Policies.For] returns for
// province or, when province names none, the [Policies.Fallback] policy,
// and reports whether province named one. It copies the policy once,
// where a struct field assigned For's result receives a copy of a copy:
// an engine that keeps the policy in its pass of each validation uses it.
// The word lists are shared with ps, as For's are.
func (ps *Policies) CopyFor(dst *Policy, province string) bool {
	if i, ok := policyIndex(province); ok {
		*dst = ps.byIndex[i]
		return true
	}
	*dst = ps.fallback
	return false
}

// policyIndex returns the index in Policies.byIndex of the province named
// by province, in any form [Lookup] accepts; false when it names none.
func policyIndex(province string) (int, bool) {
	if i := codeIndex(province); i >= 0 {
		return i, true
	}
	p, ok := Lookup(province)
	if !ok {
		return 0, false
	}
	return codeIndex(p.Code), true
}

// Fallback returns the policy assumed when the province is not known: the
// facts data/policy.csv gives for "*", every one uncertain unless an
// override says otherwise. Its word lists must not be modified.
func (ps *Policies) Fallback() Policy { return ps.fallback }

// Override returns a copy of ps with the facts of an override document
// applied. The document is a JSON object keyed by province (any form
// [Lookup] accepts, or "*" for every province), each value an object of
// Policy fields by their JSON names, each field a Fact:
//
//	{"44": {"mobile_must_be_local": {"value": true, "certain": true, "source": "粤管局 2026-10 notice"}}}
//
// A field given replaces the whole fact; a fact without a source is marked
// as the caller's. Unknown provinces, fields and values are errors.
// Provinces are applied in the order "*" first, then the others.
func (ps *Policies) Override(doc []byte) (*Policies, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(doc, &raw); err != nil {
		return nil, fmt.Errorf("provinces: policy override: %w", err)
	}
	out := &Policies{fallback: ps.fallback.Clone()}
	for i := range out.byIndex {
		out.byIndex[i] = ps.byIndex[i].Clone()
	}
	if all, ok := raw["*"]; ok {
		if err := applyOverride(&out.fallback, all); err != nil {
			return nil, fmt.Errorf("provinces: policy override for \"*\": %w", err)
		}
		for i := range out.byIndex {
			if err := applyOverride(&out.byIndex[i], all); err != nil {
				return nil, fmt.Errorf("provinces: policy override for \"*\": %w", err)
			}
		}
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		if k != "*" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		p, ok := Lookup(k)
		if !ok {
			return nil, fmt.Errorf("provinces: policy override: unknown province %q", k)
		}
		if err := applyOverride(&out.byIndex[codeIndex(p.Code)], raw[k]); err != nil {
			return nil, fmt.Errorf("provinces: policy override for %q: %w", k, err)
		}
	}
	return out, nil
}

// applyOverride decodes the fields given in doc over p. Each field given
// is decoded into a fresh Fact, so it replaces the whole fact.
func applyOverride(p *Policy, doc json.RawMessage) error {
	var given map[string]json.RawMessage
	if err := json.Unmarshal(doc, &given); err != nil {
		return err
	}
	var fresh Policy
	d := json.NewDecoder(bytes.NewReader(doc))
	d.DisallowUnknownFields()
	if err := d.Decode(&fresh); err != nil {
		return err
	}
	if fresh.MinimumAge.Value < 0 || fresh.MinimumAge.Value > 100 {
		return fmt.Errorf("minimum_age %d out of range", fresh.MinimumAge.Value)
	}
	if fresh.UnitPrincipalMinimumAge.Value < 0 || fresh.UnitPrincipalMinimumAge.Value > 100 {
		return fmt.Errorf("unit_principal_minimum_age %d out of range", fresh.UnitPrincipalMinimumAge.Value)
	}
	dst, src := reflect.ValueOf(p).Elem(), reflect.ValueOf(&fresh).Elem()
	t := dst.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if _, ok := given[name]; !ok {
			continue
		}
		fact := src.Field(i)
		if source := fact.FieldByName("Source"); source.String() == "" {
			source.SetString("caller override")
		}
		dst.Field(i).Set(fact)
	}
	return nil
}
