package certnum

import "github.com/icpcheck/beian"

// A USCCKind is one registration authority and organisation category of
// GB 32100 (characters 1 and 2 of a credit code), with the subject natures
// (主办单位性质) such a subject may declare in a filing.
type USCCKind struct {
	// Authority and Category are characters 1 and 2 of the code.
	Authority, Category byte
	// AuthorityName is the registration authority (登记管理部门) as
	// GB 32100 names it, AuthorityNameEN its English name.
	AuthorityName, AuthorityNameEN string
	// Name is the organisation category (机构类别) as GB 32100 names it,
	// NameEN its English name.
	Name, NameEN string
	// Natures are the natures a subject of this category may declare; the
	// first is the one to suggest.
	Natures []beian.Nature
	// Certain is false where the natures are inferred rather than read in
	// a filing document: a contradiction is then a warning.
	Certain bool
}

// usccKinds is GB 32100-2015 (gb-32100-2015) appendix A, as the public
// validators reproduce it (credentialverifier).
// The natures are this library's mapping onto the wire format's natures:
// the filing system's natures the format has no name for (公证机构, 宗教
// 团体, 境外机构, 集体经济 …) are "other". A mapping is certain where the
// category names the nature itself (机关, 事业单位, 社会团体, 民办非企业
// 单位, 基金会, 律师执业机构, 企业, 军队); the "other" categories and the
// mass organisations are inferences (the natures are those of
// wechat-icp-subject-types). 个体工商户 (9-2) filing with the licence file
// as enterprise in every province the sources cover (huawei-province-rules,
// tencent-province-reqs-old); where a province lets them file as a person they use the
// owner's ID card, which CERT_TYPE_NOT_ALLOWED governs instead.
var usccKinds = [...]USCCKind{
	{'1', '1', "机构编制", "establishment administration", "机关", "government body", []beian.Nature{beian.NatureGovernment}, true},
	{'1', '2', "机构编制", "establishment administration", "事业单位", "public institution", []beian.Nature{beian.NatureInstitution}, true},
	{'1', '3', "机构编制", "establishment administration", "中央编办管理的群众团体", "mass organisation", []beian.Nature{beian.NatureSocialGroup, beian.NatureOther}, false},
	{'1', '9', "机构编制", "establishment administration", "其他机构编制单位", "other establishment unit", []beian.Nature{beian.NatureGovernment, beian.NatureInstitution, beian.NatureSocialGroup, beian.NatureOther}, false},
	{'2', '1', "外交", "foreign affairs", "外国常驻新闻机构", "resident foreign news agency", []beian.Nature{beian.NatureOther}, false},
	{'2', '9', "外交", "foreign affairs", "其他外交登记单位", "other foreign-affairs unit", []beian.Nature{beian.NatureOther}, false},
	{'3', '1', "司法行政", "justice administration", "律师执业机构", "law firm", []beian.Nature{beian.NatureLawFirm}, true},
	{'3', '2', "司法行政", "justice administration", "公证处", "notary office", []beian.Nature{beian.NatureOther}, false},
	{'3', '3', "司法行政", "justice administration", "基层法律服务所", "legal service office", []beian.Nature{beian.NatureOther}, false},
	{'3', '4', "司法行政", "justice administration", "司法鉴定机构", "forensic institution", []beian.Nature{beian.NatureOther}, false},
	{'3', '5', "司法行政", "justice administration", "仲裁委员会", "arbitration commission", []beian.Nature{beian.NatureOther}, false},
	{'3', '9', "司法行政", "justice administration", "其他司法行政登记单位", "other justice unit", []beian.Nature{beian.NatureOther, beian.NatureLawFirm}, false},
	{'4', '1', "文化", "culture", "外国在华文化中心", "foreign cultural centre", []beian.Nature{beian.NatureOther}, false},
	{'4', '9', "文化", "culture", "其他文化登记单位", "other culture unit", []beian.Nature{beian.NatureOther}, false},
	{'5', '1', "民政", "civil affairs", "社会团体", "social organisation", []beian.Nature{beian.NatureSocialGroup}, true},
	{'5', '2', "民政", "civil affairs", "民办非企业单位", "private non-enterprise unit", []beian.Nature{beian.NaturePrivateNonEnterprise}, true},
	{'5', '3', "民政", "civil affairs", "基金会", "foundation", []beian.Nature{beian.NatureFoundation}, true},
	{'5', '9', "民政", "civil affairs", "其他民政登记单位", "other civil-affairs unit", []beian.Nature{beian.NatureSocialGroup, beian.NaturePrivateNonEnterprise, beian.NatureFoundation, beian.NatureOther}, false},
	{'6', '1', "旅游", "tourism", "外国旅游部门常驻代表机构", "foreign tourism office", []beian.Nature{beian.NatureOther}, false},
	{'6', '2', "旅游", "tourism", "港澳台旅游部门常驻内地代表机构", "Hong Kong, Macao or Taiwan tourism office", []beian.Nature{beian.NatureOther}, false},
	{'6', '9', "旅游", "tourism", "其他旅游登记单位", "other tourism unit", []beian.Nature{beian.NatureOther}, false},
	{'7', '1', "宗教", "religious affairs", "宗教活动场所", "place of worship", []beian.Nature{beian.NatureOther}, false},
	{'7', '2', "宗教", "religious affairs", "宗教院校", "religious school", []beian.Nature{beian.NatureOther}, false},
	{'7', '9', "宗教", "religious affairs", "其他宗教登记单位", "other religious unit", []beian.Nature{beian.NatureOther}, false},
	{'8', '1', "工会", "trade unions", "基层工会", "trade union", []beian.Nature{beian.NatureSocialGroup, beian.NatureOther}, false},
	{'8', '9', "工会", "trade unions", "其他工会登记单位", "other trade-union unit", []beian.Nature{beian.NatureSocialGroup, beian.NatureOther}, false},
	{'9', '1', "市场监督管理", "market regulation", "企业", "enterprise", []beian.Nature{beian.NatureEnterprise}, true},
	{'9', '2', "市场监督管理", "market regulation", "个体工商户", "individual business", []beian.Nature{beian.NatureEnterprise}, false},
	{'9', '3', "市场监督管理", "market regulation", "农民专业合作社", "farmers' cooperative", []beian.Nature{beian.NatureEnterprise, beian.NatureOther}, false},
	{'A', '1', "中央军委改革和编制办公室", "military establishment office", "军队事业单位", "military institution", []beian.Nature{beian.NatureMilitary}, true},
	{'A', '9', "中央军委改革和编制办公室", "military establishment office", "其他军队登记单位", "other military unit", []beian.Nature{beian.NatureMilitary}, true},
	{'N', '1', "农业", "agriculture", "组级集体经济组织", "group-level collective", []beian.Nature{beian.NatureOther}, false},
	{'N', '2', "农业", "agriculture", "村级集体经济组织", "village collective", []beian.Nature{beian.NatureOther}, false},
	{'N', '3', "农业", "agriculture", "乡镇级集体经济组织", "township collective", []beian.Nature{beian.NatureOther}, false},
	{'N', '9', "农业", "agriculture", "其他农业登记单位", "other agricultural unit", []beian.Nature{beian.NatureOther}, false},
	{'Y', '1', "其他", "other", "其他", "other organisation", []beian.Nature{beian.NatureOther}, false},
}

// usccKindOf returns the kind with the given characters, nil when GB 32100
// defines none. The result is shared and must not be modified.
func usccKindOf(authority, category byte) *USCCKind {
	key := uint16(authority)<<8 | uint16(category)
	for i, k := range &usccKindKeys {
		if k == key {
			return &usccKinds[i]
		}
	}
	return nil
}

// usccKindKeys are the characters of each of usccKinds, authority then
// category, in two bytes: usccKindOf reads these 72 bytes rather than
// the kinds themselves (112 bytes each).
var usccKindKeys = func() (keys [len(usccKinds)]uint16) {
	for i, k := range &usccKinds {
		keys[i] = uint16(k.Authority)<<8 | uint16(k.Category)
	}
	return keys
}()

// Allows reports whether a subject of kind k may declare nature n.
func (k USCCKind) Allows(n beian.Nature) bool {
	for _, m := range k.Natures {
		if m == n {
			return true
		}
	}
	return false
}
