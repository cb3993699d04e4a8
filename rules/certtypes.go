package rules

import (
	"slices"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
)

// A natureCertList lists the certificate types a subject of one nature
// may file with.
type natureCertList struct {
	Nature beian.Nature
	// Types are the certificate types allowed, the usual one first.
	Types []beian.CertType
	// Source says where the list comes from.
	Source string
}

// natureCertTypes is the binding of certificate types to natures. The
// filing system binds each certificate type to natures (WeChat filing API:
// a government body has only the credit code certificate and the
// organisation code certificate; a person has ID cards and passports),
// wechat-icp-subject-types, tencent-subject-info. Unit certificates the wire format has no type
// for (事业单位法人证书, 社会团体法人登记证书, 律师事务所执业许可证, 部队代号
// …) are "other"; today most of them carry the credit code.
var natureCertTypes = [...]natureCertList{
	{beian.NaturePersonal, []beian.CertType{beian.CertIDCard, beian.CertPassport, beian.CertHKMacaoPermit, beian.CertTaiwanPermit, beian.CertForeignPermanentResidence},
		"wechat-icp-subject-types; ucloud-materials: 居民身份证 (and the 港澳台居民居住证 of the same form), 护照, 港澳/台湾通行证, 外国人永久居留身份证"},
	{beian.NatureEnterprise, []beian.CertType{beian.CertUSCC, beian.CertBusinessLicense, beian.CertOrgCode, beian.CertOther},
		"wechat-icp-subject-types; tencent-subject-info: 营业执照 (credit code, or the old registration number), 组织机构代码证; foreign enterprises' representative offices use their own certificate"},
	{beian.NatureGovernment, []beian.CertType{beian.CertUSCC, beian.CertOrgCode},
		"wechat-icp-subject-types: 政府机关仅有统一社会信用代码证书以及组织机构代码证"},
	{beian.NatureInstitution, []beian.CertType{beian.CertUSCC, beian.CertOrgCode, beian.CertOther},
		"wechat-icp-subject-types: 事业单位法人证书, 组织机构代码证"},
	{beian.NatureSocialGroup, []beian.CertType{beian.CertUSCC, beian.CertOrgCode, beian.CertOther},
		"wechat-icp-subject-types: 社会团体法人登记证书, 组织机构代码证"},
	{beian.NaturePrivateNonEnterprise, []beian.CertType{beian.CertUSCC, beian.CertOrgCode, beian.CertOther},
		"wechat-icp-subject-types: 民办非企业单位登记证书 / 社会服务机构登记证书, 民办学校办学许可证, 组织机构代码证"},
	{beian.NatureFoundation, []beian.CertType{beian.CertUSCC, beian.CertOrgCode, beian.CertOther},
		"wechat-icp-subject-types: 基金会法人登记证书, 组织机构代码证"},
	{beian.NatureLawFirm, []beian.CertType{beian.CertUSCC, beian.CertOrgCode, beian.CertOther},
		"wechat-icp-subject-types: 律师事务所执业许可证, 组织机构代码证"},
	{beian.NatureMilitary, []beian.CertType{beian.CertOther, beian.CertUSCC, beian.CertOrgCode},
		"wechat-icp-subject-types: 部队代号, 军队单位对外有偿服务许可证, 组织机构代码证"},
	{beian.NatureOther, []beian.CertType{beian.CertUSCC, beian.CertOrgCode, beian.CertBusinessLicense, beian.CertOther},
		"wechat-icp-subject-types: the other natures' certificates (公证机构执业证, 宗教活动场所登记证, 农村集体经济组织登记证, 境外机构证件 …)"},
}

// personCertTypes returns the certificate types of a person: a
// principal of any subject, or a personal subject. The slice is shared.
func personCertTypes() []beian.CertType { return natureCertTypes[0].Types }

// certTypesFor returns the certificate types a subject of nature n may
// file with, the usual one first, with the source of the list; false for
// an unknown nature. The slice is a copy.
func certTypesFor(n beian.Nature) (natureCertList, bool) {
	for _, e := range natureCertTypes {
		if e.Nature == n {
			e.Types = slices.Clone(e.Types)
			return e, true
		}
	}
	return natureCertList{}, false
}

// certTypeAllowed reports whether nature n may file with certificate type
// t; true when n is not a known nature (the fields rule reports it). An
// unknown type is not allowed: callers check t.Valid() when it is not.
func certTypeAllowed(n beian.Nature, t beian.CertType) bool {
	for i := range natureCertTypes {
		if natureCertTypes[i].Nature == n {
			return slices.Contains(natureCertTypes[i].Types, t)
		}
	}
	return true
}

// certTypesText lists types by their labels, for a remedy.
func certTypesText(types []beian.CertType) Text {
	var zh, en []byte
	for i, t := range types {
		if i > 0 {
			zh = append(zh, "、"...)
			en = append(en, ", "...)
		}
		zh = append(zh, t.Label(language.Chinese)...)
		en = append(en, t.Label(language.English)...)
	}
	return Text{string(zh), string(en)}
}
