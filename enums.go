package beian

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// A FilingType is the kind of filing. The zero value is unset.
type FilingType string

// The filing types of the wire format.
const (
	FilingNew       FilingType = "new"        // 首次备案: neither subject nor domain is filed
	FilingAddSite   FilingType = "add_site"   // 新增网站: the subject is filed, the domain is new
	FilingAddAccess FilingType = "add_access" // 新增接入: the site is filed, a new provider hosts it
	FilingChange    FilingType = "change"     // 变更备案: an existing record is changed
)

var filingTypes = []enumEntry[FilingType]{
	{FilingNew, "首次备案", "first filing", []string{"首次", "initial"}},
	{FilingAddSite, "新增网站", "new website", []string{"新增互联网信息服务"}},
	{FilingAddAccess, "新增接入", "new access", []string{"接入备案"}},
	{FilingChange, "变更备案", "change", []string{"变更"}},
}

// ParseFilingType returns the filing type named by s: a wire name such as
// "add_site" or its Chinese label such as 新增网站.
func ParseFilingType(s string) (FilingType, error) { return parseEnum(filingTypes, "filing type", s) }

// Valid reports whether t is one of the declared filing types.
func (t FilingType) Valid() bool {
	switch t { // the values of filingTypes, held to it by TestValidAsTable
	case FilingNew, FilingAddSite, FilingAddAccess, FilingChange:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (t FilingType) Label(lang language.Tag) string { return labelEnum(filingTypes, t, lang) }

// UnmarshalText parses a wire name or label; see [ParseFilingType].
func (t *FilingType) UnmarshalText(b []byte) error {
	return unmarshalEnum(filingTypes, "filing type", t, b)
}

// A Nature is a subject's nature (主办单位性质). The zero value is unset.
type Nature string

// The subject natures of the wire format.
const (
	NaturePersonal             Nature = "personal"               // 个人
	NatureEnterprise           Nature = "enterprise"             // 企业
	NatureGovernment           Nature = "government"             // 政府机关
	NatureInstitution          Nature = "institution"            // 事业单位
	NatureSocialGroup          Nature = "social_group"           // 社会团体
	NaturePrivateNonEnterprise Nature = "private_non_enterprise" // 民办非企业单位
	NatureFoundation           Nature = "foundation"             // 基金会
	NatureLawFirm              Nature = "law_firm"               // 律师执业机构
	NatureMilitary             Nature = "military"               // 国防机构
	NatureOther                Nature = "other"                  // 其他
)

var natures = []enumEntry[Nature]{
	{NaturePersonal, "个人", "individual", nil},
	{NatureEnterprise, "企业", "enterprise", nil},
	{NatureGovernment, "政府机关", "government body", nil},
	{NatureInstitution, "事业单位", "public institution", nil},
	{NatureSocialGroup, "社会团体", "social organisation", nil},
	{NaturePrivateNonEnterprise, "民办非企业单位", "private non-enterprise unit", []string{"社会服务机构"}},
	{NatureFoundation, "基金会", "foundation", nil},
	{NatureLawFirm, "律师执业机构", "law firm", []string{"律师事务所"}},
	{NatureMilitary, "国防机构", "military unit", []string{"部队"}},
	// Other: the natures of MIIT's enumeration (icp-rules.md §2.1) the
	// wire format does not name, which consoles pass as written.
	{NatureOther, "其他", "other", []string{"外国在华文化中心", "群众性团体组织", "司法鉴定机构", "宗教团体", "境外机构",
		"医疗机构", "公证机构", "集体经济", "仲裁机构"}},
}

// ParseNature returns the nature named by s: a wire name such as
// "enterprise" or its Chinese label such as 企业.
func ParseNature(s string) (Nature, error) { return parseEnum(natures, "subject nature", s) }

// Valid reports whether n is one of the declared natures.
func (n Nature) Valid() bool {
	switch n { // the values of natures, held to it by TestValidAsTable
	case NaturePersonal, NatureEnterprise, NatureGovernment, NatureInstitution, NatureSocialGroup, NaturePrivateNonEnterprise, NatureFoundation, NatureLawFirm, NatureMilitary, NatureOther:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (n Nature) Label(lang language.Tag) string { return labelEnum(natures, n, lang) }

// IsUnit reports whether n is a unit (单位), that is a valid nature other
// than personal.
func (n Nature) IsUnit() bool { return n != NaturePersonal && n.Valid() }

// UnmarshalText parses a wire name or label; see [ParseNature].
func (n *Nature) UnmarshalText(b []byte) error { return unmarshalEnum(natures, "subject nature", n, b) }

// A CertType is the type of a certificate (证件类型). The zero value is unset.
type CertType string

// The certificate types of the wire format.
const (
	CertIDCard                    CertType = "id_card"                     // 居民身份证
	CertUSCC                      CertType = "uscc"                        // 统一社会信用代码证书 (incl. 三证合一 licences)
	CertOrgCode                   CertType = "org_code"                    // 组织机构代码证
	CertBusinessLicense           CertType = "business_license"            // 营业执照: the old 15-digit registration number, or a credit code (read as CertUSCC)
	CertHKMacaoPermit             CertType = "hk_macao_permit"             // 港澳居民来往内地通行证
	CertTaiwanPermit              CertType = "taiwan_permit"               // 台湾居民来往大陆通行证
	CertPassport                  CertType = "passport"                    // 护照
	CertForeignPermanentResidence CertType = "foreign_permanent_residence" // 外国人永久居留身份证
	CertOther                     CertType = "other"                       // 其他
)

var certTypes = []enumEntry[CertType]{
	{CertIDCard, "居民身份证", "resident ID card", []string{"身份证", "港澳居民居住证", "台湾居民居住证", "港澳台居民居住证"}},
	{CertUSCC, "统一社会信用代码证书", "unified social credit code certificate", []string{"统一社会信用代码"}},
	{CertOrgCode, "组织机构代码证", "organisation code certificate", []string{"组织机构代码"}},
	{CertBusinessLicense, "营业执照", "business licence", []string{"工商营业执照", "企业营业执照", "营业执照（个人或企业）"}},
	{CertHKMacaoPermit, "港澳居民来往内地通行证", "Mainland Travel Permit for Hong Kong and Macao Residents", []string{"回乡证"}},
	{CertTaiwanPermit, "台湾居民来往大陆通行证", "Mainland Travel Permit for Taiwan Residents", []string{"台胞证"}},
	{CertPassport, "护照", "passport", nil},
	{CertForeignPermanentResidence, "外国人永久居留身份证", "Foreign Permanent Resident ID Card", nil},
	// Other: a unit's own certificate, by the names of MIIT's enumeration
	// (icp-rules.md's certificate types), which consoles pass as written.
	{CertOther, "其他证件", "other certificate", []string{"其他", "事业单位法人证书", "部队代号", "军队单位对外有偿服务许可证",
		"社会团体法人登记证书", "民办非企业单位登记证书", "社会服务机构登记证书", "民办学校办学许可证", "基金会法人登记证书",
		"律师事务所执业许可证", "外国在华文化中心登记证", "外国政府旅游部门常驻代表机构批准登记证", "北京市外国驻华使馆人员子女学校办学许可证",
		"外国企业常驻代表机构登记证", "司法鉴定许可证", "宗教活动场所登记证", "境外机构证件", "医疗机构执业许可证", "公证机构执业证",
		"农村集体经济组织登记证", "仲裁委员会登记证"}},
}

// ParseCertType returns the certificate type named by s: a wire name such
// as "id_card" or its Chinese label such as 居民身份证.
func ParseCertType(s string) (CertType, error) { return parseEnum(certTypes, "certificate type", s) }

// Valid reports whether t is one of the declared certificate types.
func (t CertType) Valid() bool {
	switch t { // the values of certTypes, held to it by TestValidAsTable
	case CertIDCard, CertUSCC, CertOrgCode, CertBusinessLicense, CertHKMacaoPermit, CertTaiwanPermit, CertPassport, CertForeignPermanentResidence, CertOther:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (t CertType) Label(lang language.Tag) string { return labelEnum(certTypes, t, lang) }

// IsUnit reports whether t is a certificate only a unit (单位) holds: a
// unified social credit code, an organisation code or an old business
// licence. A person's certificate is not, nor is CertOther. Persons share
// names, units registered in one province do not: a subject is looked for
// by its name only when its certificate is a unit's.
func (t CertType) IsUnit() bool {
	switch t {
	case CertUSCC, CertOrgCode, CertBusinessLicense:
		return true
	}
	return false
}

// UnmarshalText parses a wire name or label; see [ParseCertType].
func (t *CertType) UnmarshalText(b []byte) error {
	return unmarshalEnum(certTypes, "certificate type", t, b)
}

// A ContentCategory is a kind of service content that needs pre-approval
// (前置审批). The zero value is unset.
type ContentCategory string

// The content categories of the wire format.
const (
	ContentNews                ContentCategory = "news"                  // 新闻
	ContentPublishing          ContentCategory = "publishing"            // 出版 (games included)
	ContentEducation           ContentCategory = "education"             // 教育
	ContentHealthcare          ContentCategory = "healthcare"            // 医疗保健
	ContentDrugsMedicalDevices ContentCategory = "drugs_medical_devices" // 药品和医疗器械
	ContentCulture             ContentCategory = "culture"               // 文化
	ContentRadioFilmTV         ContentCategory = "radio_film_tv"         // 广播电影电视节目
	ContentFinance             ContentCategory = "finance"               // 金融
	ContentOnlineCarHailing    ContentCategory = "online_car_hailing"    // 网络预约车
	ContentBulletinBoard       ContentCategory = "bulletin_board"        // 电子公告
	ContentReligion            ContentCategory = "religion"              // 宗教 (互联网宗教信息服务)
	ContentOther               ContentCategory = "other"                 // 其他
)

var contentCategories = []enumEntry[ContentCategory]{
	{ContentNews, "新闻", "news", nil},
	{ContentPublishing, "出版", "publishing", nil},
	{ContentEducation, "教育", "education", []string{"校外培训", "校外培训（高中及以下阶段）"}},
	{ContentHealthcare, "医疗保健", "healthcare", nil},
	{ContentDrugsMedicalDevices, "药品和医疗器械", "drugs and medical devices", nil},
	{ContentCulture, "文化", "culture", nil},
	{ContentRadioFilmTV, "广播电影电视节目", "radio, film and TV programmes", []string{"广电"}},
	{ContentFinance, "金融", "finance", []string{"互联网金融"}},
	{ContentOnlineCarHailing, "网络预约车", "online car hailing", []string{"网约车"}},
	{ContentBulletinBoard, "电子公告", "bulletin board", []string{"电子公告服务"}},
	{ContentReligion, "宗教", "religion", []string{"互联网宗教信息服务"}},
	{ContentOther, "其他", "other", nil},
}

// ParseContentCategory returns the category named by s: a wire name such
// as "news" or its Chinese label such as 新闻.
func ParseContentCategory(s string) (ContentCategory, error) {
	return parseEnum(contentCategories, "content category", s)
}

// Valid reports whether c is one of the declared categories.
func (c ContentCategory) Valid() bool {
	switch c { // the values of contentCategories, held to it by TestValidAsTable
	case ContentNews, ContentPublishing, ContentEducation, ContentHealthcare, ContentDrugsMedicalDevices, ContentCulture, ContentRadioFilmTV, ContentFinance, ContentOnlineCarHailing, ContentBulletinBoard, ContentReligion, ContentOther:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (c ContentCategory) Label(lang language.Tag) string {
	return labelEnum(contentCategories, c, lang)
}

// UnmarshalText parses a wire name or label; see [ParseContentCategory].
func (c *ContentCategory) UnmarshalText(b []byte) error {
	return unmarshalEnum(contentCategories, "content category", c, b)
}

// A DocumentKind says what an uploaded document is. The zero value is unset.
type DocumentKind string

// The document kinds of the wire format.
const (
	DocSubjectCert         DocumentKind = "subject_cert"         // 主办者证件
	DocPrincipalCert       DocumentKind = "principal_cert"       // 主体负责人证件
	DocSitePrincipalCert   DocumentKind = "site_principal_cert"  // 网站负责人证件
	DocVerificationForm    DocumentKind = "verification_form"    // 真实性核验单
	DocAuthorizationLetter DocumentKind = "authorization_letter" // 授权书
	DocResidencePermit     DocumentKind = "residence_permit"     // 居住证 or other residence proof
	DocPreApproval         DocumentKind = "pre_approval"         // 前置审批文件
	DocDomainHolderProof   DocumentKind = "domain_holder_proof"  // 域名证书
	DocPhoto               DocumentKind = "photo"                // 人像核验 / 幕布照片
	DocCommitmentLetter    DocumentKind = "commitment_letter"    // 承诺书
	DocConstructionPlan    DocumentKind = "construction_plan"    // 网站建设方案书
	DocEmploymentProof     DocumentKind = "employment_proof"     // 就业或收入证明
)

var documentKinds = []enumEntry[DocumentKind]{
	{DocSubjectCert, "主办者证件", "subject certificate", []string{"主体证件", "主办单位证件", "营业执照"}},
	{DocPrincipalCert, "主体负责人证件", "subject principal's certificate", nil},
	{DocSitePrincipalCert, "网站负责人证件", "website principal's certificate", nil},
	{DocVerificationForm, "真实性核验单", "verification form", []string{"核验单"}},
	{DocAuthorizationLetter, "授权书", "authorisation letter", nil},
	{DocResidencePermit, "居住证明", "residence proof", []string{"居住证"}},
	{DocPreApproval, "前置审批文件", "pre-approval document", nil},
	{DocDomainHolderProof, "域名证书", "domain certificate", nil},
	{DocPhoto, "核验照片", "verification photo", []string{"幕布照片"}},
	{DocCommitmentLetter, "承诺书", "commitment letter", []string{"保证书"}},
	{DocConstructionPlan, "网站建设方案书", "website construction plan", []string{"建设方案书", "网站建设方案", "建设方案"}},
	{DocEmploymentProof, "就业或收入证明", "proof of employment or income", []string{"就业证明", "收入证明", "工作证明", "在职证明"}},
}

// ParseDocumentKind returns the kind named by s: a wire name such as
// "subject_cert" or its Chinese label such as 真实性核验单.
func ParseDocumentKind(s string) (DocumentKind, error) {
	return parseEnum(documentKinds, "document kind", s)
}

// Valid reports whether k is one of the declared kinds.
func (k DocumentKind) Valid() bool {
	switch k { // the values of documentKinds, held to it by TestValidAsTable
	case DocSubjectCert, DocPrincipalCert, DocSitePrincipalCert, DocVerificationForm, DocAuthorizationLetter, DocResidencePermit, DocPreApproval, DocDomainHolderProof, DocPhoto, DocCommitmentLetter, DocConstructionPlan, DocEmploymentProof:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (k DocumentKind) Label(lang language.Tag) string { return labelEnum(documentKinds, k, lang) }

// UnmarshalText parses a wire name or label; see [ParseDocumentKind].
func (k *DocumentKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(documentKinds, "document kind", k, b)
}

// Natures returns every declared nature, in wire-format order.
func Natures() []Nature { return enumValues(natures) }

// CertTypes returns every declared certificate type, in wire-format order.
func CertTypes() []CertType { return enumValues(certTypes) }

// ContentCategories returns every declared content category, in
// wire-format order.
func ContentCategories() []ContentCategory { return enumValues(contentCategories) }

// DocumentKinds returns every declared document kind, in wire-format order.
func DocumentKinds() []DocumentKind { return enumValues(documentKinds) }

// FilingTypes returns every declared filing type, in wire-format order.
func FilingTypes() []FilingType { return enumValues(filingTypes) }

// An EnumError reports a value that is not one of an enumeration's names.
type EnumError struct {
	Enum  string // "subject nature", "certificate type" …
	Value string // the value given
}

// Error names the enumeration and the value.
func (e *EnumError) Error() string {
	return fmt.Sprintf("beian: unknown %s %q", e.Enum, e.Value)
}

// enumEntry describes one value of a string enumeration.
type enumEntry[T ~string] struct {
	value   T
	zh, en  string
	aliases []string
}

func parseEnum[T ~string](table []enumEntry[T], what, s string) (T, error) {
	s = strings.TrimSpace(s)
	for _, e := range table {
		if strings.EqualFold(s, string(e.value)) || s == e.zh || strings.EqualFold(s, e.en) {
			return e.value, nil
		}
		for _, a := range e.aliases {
			if strings.EqualFold(s, a) {
				return e.value, nil
			}
		}
	}
	return "", &EnumError{Enum: what, Value: s}
}

func unmarshalEnum[T ~string](table []enumEntry[T], what string, dst *T, b []byte) error {
	if len(b) == 0 {
		*dst = ""
		return nil
	}
	v, err := parseEnum(table, what, string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// labelEnum returns the Chinese label when lang is Chinese, the English
// one otherwise; an undeclared value is returned as is.
func labelEnum[T ~string](table []enumEntry[T], v T, lang language.Tag) string {
	for _, e := range table {
		if e.value == v {
			if IsChinese(lang) {
				return e.zh
			}
			return e.en
		}
	}
	return string(v)
}

func enumValues[T ~string](table []enumEntry[T]) []T {
	out := make([]T, len(table))
	for i, e := range table {
		out[i] = e.value
	}
	return out
}

// IsChinese reports whether the base language of tag is Chinese. The
// library writes Chinese for it and English for every other language.
func IsChinese(tag language.Tag) bool {
	// The tags the library itself uses, compared without parsing.
	switch tag {
	case language.SimplifiedChinese, language.Chinese, language.TraditionalChinese:
		return true
	case language.English, language.AmericanEnglish, language.BritishEnglish, language.Und:
		return false
	}
	base, _ := tag.Base()
	return base.String() == "zh"
}
