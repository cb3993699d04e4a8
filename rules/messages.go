package rules

import (
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/keyindex"
)

// A Text is a piece of text in the two languages the library writes.
type Text struct {
	ZH string // Simplified Chinese
	EN string // English
}

// In returns the Chinese text when tag's language is Chinese, the English
// text otherwise.
func (t Text) In(tag language.Tag) string {
	if beian.IsChinese(tag) {
		return t.ZH
	}
	return t.EN
}

// A Description documents one code: how grave it is by default, what it
// means and what the user should do. Message and Remedy are templates:
// {name} stands for the rejection's argument of that name, {?name} for an
// optional one (nothing when the rejection has no such argument), and
// {field} for the name of the field the rejection concerns.
type Description struct {
	Code     Code
	Severity Severity // the default; a rule may lower it
	Reason   string   // the rejection reason in the providers' documents it prevents
	Message  Text
	Remedy   Text
}

// Describe returns the description of code, and false for an undeclared
// code.
func Describe(code Code) (Description, bool) {
	if d := describe(code); d != nil {
		return *d, true
	}
	return Description{}, false
}

// describe returns the description of code, nil for an undeclared code.
func describe(code Code) *Description {
	if i := descriptionIndex().Find(string(code)); i >= 0 {
		return &descriptions[i]
	}
	return nil
}

// descriptionIndex finds each code's index in descriptions, built once
// (see package keyindex: a report renders each rejection's message and
// remedy, and looks its code up for each).
var descriptionIndex = sync.OnceValue(func() *keyindex.Index {
	codes := make([]string, len(descriptions))
	for i := range descriptions {
		codes[i] = string(descriptions[i].Code)
	}
	return keyindex.New(codes)
})

// Codes returns every declared code, in the order of the product
// contract's table.
func Codes() []Code {
	out := make([]Code, len(descriptions))
	for i := range descriptions {
		out[i] = descriptions[i].Code
	}
	return out
}

// render appends template to dst with its {name} placeholders filled from
// args and {field} from field's label. A placeholder without a value is
// left as it is, so a missing argument shows instead of vanishing, unless
// it is optional ({?name}).
func render(dst []byte, template string, tag language.Tag, field beian.Path, args []Arg) []byte {
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			return append(dst, template...)
		}
		j := strings.IndexByte(template[i:], '}')
		if j < 0 {
			return append(dst, template...)
		}
		dst = append(dst, template[:i]...)
		name := template[i+1 : i+j]
		if v, ok := argValue(name, tag, field, args); ok {
			dst = append(dst, v...)
		} else {
			dst = append(dst, template[i:i+j+1]...)
		}
		template = template[i+j+1:]
	}
}

func argValue(name string, tag language.Tag, field beian.Path, args []Arg) (string, bool) {
	if opt, ok := strings.CutPrefix(name, "?"); ok {
		v, _ := argValue(opt, tag, field, args)
		return v, true
	}
	for _, a := range args {
		if a.Name == name {
			return a.Value.In(tag), true
		}
	}
	if name == "field" {
		return FieldLabel(field).In(tag), true
	}
	return "", false
}

// descriptions holds every code's description, in the order of the
// product contract's table. Messages state what is wrong; remedies say what
// to do. Neither ends with a full stop.
var descriptions = [...]Description{
	{
		Code: CodeFieldRequired, Severity: Error, Reason: "主体/网站信息填写不完善",
		Message: Text{"{field}未填写", "{field} is missing"},
		Remedy:  Text{"填写{field}", "Fill in the {field}"},
	},
	{
		Code: CodeTextInvalid, Severity: Error, Reason: "信息填写不规范",
		Message: Text{"{field}{problem}", "{field} {problem}"},
		Remedy:  Text{"重新输入{field}，不要从其他文档粘贴带格式的文字", "Type the {field} again instead of pasting formatted text"},
	},
	{
		Code: CodeProvinceUnknown, Severity: Error, Reason: "主体信息填写不完善",
		Message: Text{"无法识别的省份「{value}」", "{value} is not a mainland province"},
		Remedy:  Text{"从31个省、自治区、直辖市中选择，例如「广东」或代码「44」", "Choose one of the 31 provinces, for example Guangdong or its code 44"},
	},
	{
		Code: CodeCertNumberInvalid, Severity: Error, Reason: "证件不合格",
		Message: Text{"{field}（{cert_type}）不能按所填形式备案：{problem}", "{field} ({cert_type}) cannot be filed as typed: {problem}"},
		Remedy:  Text{"对照证件原件核对号码，并确认所选证件类型正确", "Copy the number from the original certificate and check the certificate type"},
	},
	{
		Code: CodeCertTypeNotAllowed, Severity: Error, Reason: "主体信息填写不完善",
		Message: Text{"「{holder}」不能使用{cert_type}备案", "{holder} cannot file with this certificate type ({cert_type})"},
		Remedy:  Text{"改用{allowed}", "Use one of: {allowed}"},
	},
	{
		Code: CodeCertNatureMismatch, Severity: Error, Reason: "备案类型错误",
		Message: Text{"统一社会信用代码表明主体为「{category}」，与所选性质「{nature}」不符", "The credit code registers the subject as {category}, which does not fit the nature {nature}"},
		Remedy:  Text{"将主办单位性质改为「{expected}」，或核对证件号码", "Set the subject nature to {expected}, or check the number"},
	},
	{
		Code: CodeCertExpired, Severity: Error, Reason: "证件不合格",
		Message: Text{"证件有效期至{valid_until}，{problem}", "The certificate is valid until {valid_until}; {problem}"},
		Remedy:  Text{"换领新证件后再提交，或同时上传新证件的受理回执", "Renew the certificate first, or upload the renewal receipt with it"},
	},
	{
		Code: CodeAgeBelowMinimum, Severity: Error, Reason: "管局规则",
		Message: Text{"{province}管局要求年满{minimum}周岁，该证件持有人提交时为{age}岁", "{province} accepts people aged {minimum} or more; the holder is {age}"},
		Remedy:  Text{"由年满{minimum}周岁的监护人或其他成年人作为备案主体或负责人", "Have a guardian or another adult aged {minimum} or more file or act as principal"},
	},
	{
		Code: CodeCrossProvince, Severity: Error, Reason: "跨省备案",
		Message: Text{"主办单位证件属于{cert_province}，备案地域为{province}", "The unit's certificate is from {cert_province} but the filing region is {province}"},
		Remedy:  Text{"将备案地域改为{cert_province}，或由在{province}注册的分支机构备案", "File in {cert_province}, or file through a branch registered in {province}"},
	},
	{
		Code: CodeCrossProvincePersonal, Severity: Error, Reason: "跨省备案",
		Message: Text{"身份证属于{cert_province}，{province}管局{policy}", "The ID card is from {cert_province}; {province} {policy}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodePrincipalNotLegalRepresentative, Severity: Error, Reason: "主体负责人非法定代表人",
		Message: Text{"{province}管局{policy}", "{province} {policy}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodePhoneInvalid, Severity: Error, Reason: "电话号码问题",
		Message: Text{"{field}「{number}」不能按所填形式备案：{problem}", "{field} {number} cannot be filed as typed: {problem}"},
		Remedy:  Text{"填写11位手机号码，或带区号的固定电话（如010-12345678）", "Give an 11-digit mobile, or a landline with its area code (010-12345678)"},
	},
	{
		Code: CodePhoneNotLocal, Severity: Error, Reason: "电话号码不符合",
		Message: Text{"{field}「{number}」属于{phone_province}，不是备案地{province}的号码：{policy}", "{field} {number} belongs to {phone_province}, not to {province} where the filing is: {policy}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodePhoneRegionUnknown, Severity: Warning, Reason: "电话号码不符合",
		Message: Text{"无法确定{field}「{number}」的归属地：{source}没有号段{segment}的省份", "The province of {field} {number} is not known: {source} has none for segment {segment}"},
		Remedy:  Text{"确认该号码归属{province}；或加载更新的号段表（validate.WithPhoneSegments，icpcheck --segments）", "Make sure the number belongs to {province}, or load a fresher segment table (validate.WithPhoneSegments, icpcheck --segments)"},
	},
	{
		Code: CodePhoneVirtualSegment, Severity: Error, Reason: "虚拟号段",
		Message: Text{"{field}「{number}」是{segment_kind}：{problem}", "{field} {number} is {segment_kind}: {problem}"},
		Remedy:  Text{"改用基础运营商（移动、联通、电信、广电）的普通手机号码", "Use an ordinary mobile of China Mobile, Unicom, Telecom or Broadnet"},
	},
	{
		Code: CodePhoneUsedByOtherSubject, Severity: Error, Reason: "手机号码备案频率大于1",
		Message: Text{"{field}「{number}」已用于其他主体的备案", "{field} {number} is already on another subject's filing"},
		Remedy:  Text{"更换手机号码，或请原备案主体变更其联系方式", "Use another mobile, or have the other subject change its contact first"},
	},
	{
		Code: CodeEmailInvalid, Severity: Error, Reason: "主体信息填写不完善",
		Message: Text{"{field}「{value}」不能按所填形式备案：{problem}", "{field} {value} cannot be filed as typed: {problem}"},
		Remedy:  Text{"填写能收信的邮箱地址，如name@example.cn", "Give a working address such as name@example.cn"},
	},
	{
		Code: CodeContactNotDistinct, Severity: Error, Reason: "联系方式一一对应",
		Message: Text{"{field}与{other}相同：{problem}", "{field} is the same as {other}: {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeSiteNameTooShort, Severity: Error, Reason: "网站名称不合格",
		Message: Text{"{field}只有{count}个汉字，至少需要3个", "The {field} has {count} Chinese characters; at least 3 are needed"},
		Remedy:  Text{"使用3个或以上汉字的名称，如单位名称的简称", "Use a name of 3 or more Chinese characters, such as the unit's short name"},
	},
	{
		Code: CodeSiteNameNotChinese, Severity: Error, Reason: "网站名称不合格",
		Message: Text{"网站名称只有数字或英文字母", "The website name has only digits or Latin letters"},
		Remedy:  Text{"使用中文名称，至少3个汉字", "Use a Chinese name of at least 3 characters"},
	},
	{
		Code: CodeSiteNameSpecialChars, Severity: Error, Reason: "网站名称不合格",
		Message: Text{"网站名称含有符号「{char}」", "The website name contains the symbol {char}"},
		Remedy:  Text{"删除名称中的符号和标点", "Remove symbols and punctuation from the name"},
	},
	{
		Code: CodeSiteNameBannedPrefix, Severity: Error, Reason: "网站名称不合格",
		Message: Text{"非国家级单位的{field}不能以「{prefix}」开头", "Only national-level units may start a {field} with {prefix}"},
		Remedy:  Text{"去掉开头的「{prefix}」，例如改用单位简称", "Drop {prefix} from the start, for example by using the unit's short name"},
	},
	{
		Code: CodeSiteNameIsDomain, Severity: Error, Reason: "网站名称不合格",
		Message: Text{"网站名称「{name}」是域名", "The website name {name} is a domain"},
		Remedy:  Text{"使用描述网站内容的中文名称", "Use a Chinese name that describes the site"},
	},
	{
		Code: CodeSiteNameSensitive, Severity: Error, Reason: "网站名称不合格",
		Message: Text{"{field}含有敏感词「{word}」{?reading}", "The {field} contains the sensitive word {word}{?reading}"},
		Remedy:  Text{"删除或替换「{word}」", "Remove or replace {word}"},
	},
	{
		Code: CodeSiteNamePersonalRestricted, Severity: Error, Reason: "个人网站命名要求",
		Message: Text{"个人{field}{problem}", "A personal {field} {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeSiteNameNeedsRemark, Severity: Notice, Reason: "网站名称不合格",
		Message: Text{"网站名称「{name}」与主办单位名称无关", "The website name {name} does not relate to the unit's name"},
		Remedy:  Text{"在网站备注中说明「{name}为本公司的项目/产品」", "Explain it in the remark: 「{name}为本公司的项目/产品」 ({name} is a project or product of the company)"},
	},
	{
		Code: CodeContentPreApprovalRequired, Severity: Error, Reason: "网站内容不合格",
		Message: Text{"网站内容涉及「{category}」，需要前置审批，但{problem}", "The site's {category} content needs a pre-approval, but {problem}"},
		Remedy:  Text{"取得{authority}的前置审批后填写审批号并上传审批文件，或去掉该内容", "Obtain the pre-approval from {authority}, enter its number and upload it, or drop the content"},
	},
	{
		Code: CodeContentPreApprovalHint, Severity: Warning, Reason: "网站内容不合格",
		Message: Text{"{field}中的「{word}」表明内容涉及「{category}」，但未声明该前置审批", "{word} in the {field} suggests {category} content, which needs a pre-approval that was not declared"},
		Remedy:  Text{"如涉及该内容，声明并提供前置审批；如不涉及，修改{field}或提交不涉及的承诺书", "Declare the pre-approval if the site has such content; otherwise reword the {field} or add a letter saying it does not"},
	},
	{
		Code: CodeContentPersonalNotAllowed, Severity: Error, Reason: "网站内容不符",
		Message: Text{"个人备案的网站不能涉及「{category}」内容", "A personal website cannot have {category} content"},
		Remedy:  Text{"去掉该内容，或以单位性质备案", "Drop the content, or file as a unit"},
	},
	{
		Code: CodeDomainInvalid, Severity: Error, Reason: "域名信息核验",
		Message: Text{"域名「{domain}」不能按所填形式备案：{problem}", "The domain {domain} cannot be filed as written: {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeDomainTLDNotFilable, Severity: Error, Reason: "域名注册商非工信部批复",
		Message: Text{"域名后缀「{suffix}」{verdict}", "The suffix {suffix} {verdict}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeDomainRegistrarNotApproved, Severity: Error, Reason: "域名注册商非工信部批复",
		Message: Text{"域名注册商「{registrar}」不是工信部批准的注册服务机构", "The registrar {registrar} is not approved by MIIT"},
		Remedy:  Text{"将域名转入工信部批准的注册商后再备案", "Transfer the domain to an MIIT-approved registrar first"},
	},
	{
		Code: CodeDomainDuplicate, Severity: Error, Reason: "网站信息填写不完善",
		Message: Text{"域名「{domain}」在本次备案中出现了多次", "The domain {domain} appears more than once in the filing"},
		Remedy:  Text{"每个域名只填写一次", "List each domain once"},
	},
	{
		Code: CodeWebsiteMultipleDomains, Severity: Error, Reason: "网站信息填写不完善",
		Message: Text{"一个网站填写了{count}个域名，每个网站只能对应一个域名", "The website lists {count} domains; each website takes exactly one"},
		Remedy:  Text{"将每个域名作为单独的网站填写", "Enter each domain as a website of its own"},
	},
	{
		Code: CodeDomainSuffixNatureMismatch, Severity: Error, Reason: "网站信息填写不完善",
		Message: Text{"「{nature}」的网站域名{verdict}", "The subject ({nature}) {verdict}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeDomainExpiring, Severity: Error, Reason: "域名信息核验",
		Message: Text{"域名「{domain}」{expiry}", "The domain {domain} {expiry}"},
		Remedy:  Text{"续费域名后再提交", "Renew the domain before submitting"},
	},
	{
		Code: CodeDomainNotVerified, Severity: Error, Reason: "域名不存在注册商验证库中",
		Message: Text{"域名「{domain}」未完成实名认证", "The domain {domain} has no real-name verification"},
		Remedy:  Text{"在注册商处以备案主体的信息完成实名认证，满3个工作日后再提交（华为云称同步最多需要5个工作日）", "Complete real-name verification with the subject's details at the registrar and submit after 3 working days (Huawei Cloud says the sync can take up to 5)"},
	},
	{
		Code: CodeDomainVerificationPending, Severity: Warning, Reason: "域名未入库",
		Message: Text{"域名「{domain}」于{verified_at}完成实名认证，到提交日只过了{passed}个工作日，工信部入库通常需要3个工作日{calendar}", "The domain {domain} was verified on {verified_at}: by submission only {passed} of the 3 working days MIIT usually needs to enter it had passed{calendar}"},
		Remedy:  Text{"{ready_on}或之后再提交；华为云称同步最多需要5个工作日，{ready_on_max}或之后提交最稳妥", "Submit on or after {ready_on}; Huawei Cloud says the sync can take up to 5 working days, so {ready_on_max} or later is safest"},
	},
	{
		Code: CodeDomainHolderMismatch, Severity: Error, Reason: "域名所有人不正确",
		Message: Text{"域名持有者「{holder}」与备案主体「{subject}」不一致{detail}", "The domain holder {holder} is not the subject {subject}{detail}"},
		Remedy:  Text{"将域名过户到备案主体名下，或修改备案主体信息使二者一致", "Transfer the domain to the subject, or correct the subject so both match"},
	},
	{
		Code: CodeDomainHolderCertMismatch, Severity: Error, Reason: "注册人证件类型不一致",
		Message: Text{"域名持有者的证件与备案主体的证件不一致：{problem}", "The domain holder's certificate differs from the subject's: {problem}"},
		Remedy:  Text{"在注册商处更新实名认证信息，使证件类型和号码与备案主体一致", "Update the real-name record at the registrar to the subject's certificate type and number"},
	},
	{
		Code: CodeSiteOnlineBeforeApproval, Severity: Error, Reason: "未备案网站开启访问",
		Message: Text{"尚未备案的网站「{domain}」已经可以公开访问", "The site {domain} is not filed yet but answers publicly"},
		Remedy:  Text{"暂停域名解析或关闭网站访问，备案通过后再开通", "Pause the domain's DNS or close the site until the filing is approved"},
	},
	{
		Code: CodeSiteFooterMissing, Severity: Error, Reason: "已备案网站未开站",
		Message: Text{"已备案网站「{domain}」未按要求开站：{problem}", "The filed site {domain} is not open as filed: {problem}"},
		Remedy:  Text{"保持已备案网站可以访问，并在首页底部居中显示备案号、链接到https://beian.miit.gov.cn/", "Keep the filed site reachable and show the filing number at the bottom of the home page, linked to https://beian.miit.gov.cn/"},
	},
	{
		Code: CodeSiteTitleMismatch, Severity: Error, Reason: "网站名称不符",
		Message: Text{"网站「{domain}」首页标题「{title}」不包含备案名称「{name}」", "The home page title of {domain}, {title}, does not contain the filed name {name}"},
		Remedy:  Text{"使首页标题包含完整的备案名称，或变更备案名称", "Put the full filed name in the home page title, or change the filed name"},
	},
	{
		Code: CodeICPNumberInvalid, Severity: Error, Reason: "备案信息填写不完善",
		Message: Text{"备案号「{value}」无效：{problem}", "The filing number {value} is invalid: {problem}"},
		Remedy:  Text{"从工信部备案系统查询并复制备案号，如粤ICP备12345678号", "Copy the number from MIIT's filing system, such as 粤ICP备12345678号"},
	},
	{
		Code: CodeDocumentMissing, Severity: Error, Reason: "证件不合格",
		Message: Text{"缺少{document}", "The {document} is missing"},
		Remedy:  Text{"上传{document}", "Upload the {document}"},
	},
	{
		Code: CodeDocumentUnclear, Severity: Error, Reason: "证件不清晰",
		Message: Text{"{document}不符合要求：{problem}", "The {document} cannot be used: {problem}"},
		Remedy:  Text{"上传原件的彩色扫描件或照片（JPG或PNG，不超过4MB，边角完整、清晰无反光）", "Upload a colour scan or photo of the original (JPG or PNG, up to 4 MB, all edges visible, sharp, no glare)"},
	},
	{
		Code: CodeFilingTypeWrong, Severity: Error, Reason: "备案类型错误",
		Message: Text{"备案类型为「{declared}」，但记录显示应为「{expected}」", "The filing type is {declared} but the records call for {expected}"},
		Remedy:  Text{"改为「{expected}」，并核对主体名称、证件号码和域名", "Change it to {expected} and check the subject name, certificate number and domain"},
	},
	{
		Code: CodeMIITRecordExists, Severity: Error, Reason: "工信部中已存在备案记录",
		Message: Text{"该主体已在工信部以其他证件（{other}）备案", "The subject is already filed with MIIT under another certificate ({other})"},
		Remedy:  Text{"使用原备案证件，或先通过变更备案更新证件信息", "Use the certificate of the existing filing, or change that filing's certificate first"},
	},
	{
		Code: CodeDomainFiledByOtherSubject, Severity: Error, Reason: "域名已被其他主体备案",
		Message: Text{"域名{domain}已由其他主体备案（{number}）", "The domain {domain} is already filed by another subject ({number})"},
		Remedy: Text{"请原备案主体注销该网站备案（新购域名的旧备案，向备案所在省的管局申请注销）；如为本单位以旧证件所备，先变更该备案的证件",
			"Have the previous subject cancel the site's filing (for a newly bought domain, apply to the Communications Administration of the filing's province), or, if it is this unit's under an old certificate, change that filing's certificate first"},
	},
	{
		Code: CodeOrderInProgress, Severity: Error, Reason: "此证件存在进行中的订单",
		Message: Text{"该证件已有未完成的备案订单", "This certificate already has an unfinished filing order"},
		Remedy:  Text{"放弃或完成原订单后再提交", "Finish or abandon the other order first"},
	},
	{
		Code: CodeResubmissionWindowExpired, Severity: Error, Reason: "驳回处理期限",
		Message: Text{"距驳回已{days}天，超过{window}天的处理期限", "The rejection was {days} days ago, beyond the {window}-day window"},
		Remedy:  Text{"重新发起备案申请", "Start a new filing"},
	},
	{
		Code: CodePrincipalLinkedNotice, Severity: Notice, Reason: "同主体负责人",
		Message: Text{"网站负责人设为「同主体负责人」，修改其中一个会同时修改另一个", "The website principal is marked as the subject principal; editing one edits both"},
		Remedy:  Text{"如网站负责人是另一人，取消勾选「同主体负责人」并单独填写", "If the website principal is someone else, untick it and fill the website principal in"},
	},
	{
		Code: CodeCheckUnavailable, Severity: Warning, Reason: "—",
		Message: Text{"未能完成检查「{check}」：{problem}", "The {check} check could not run: {problem}"},
		Remedy:  Text{"稍后重试；该项未经检查", "Try again later; this was not checked"},
	},
	{
		Code: CodeValueUnknown, Severity: Error, Reason: "主体/网站信息填写不完善",
		Message: Text{"{field}的值「{value}」不是可选项", "{field} has {value}, which is not one of its options"},
		Remedy:  Text{"从可选项中选择：{allowed}", "Choose one of: {allowed}"},
	},
	{
		Code: CodeAppPlatformMissing, Severity: Error, Reason: "应用信息填写不完善",
		Message: Text{"{app}没有填写运行平台", "{app} lists no platform"},
		Remedy:  Text{"填写App运行的平台（安卓、iOS、鸿蒙……）及各平台的包名", "Add the platforms the App runs on (Android, iOS, HarmonyOS …) with the package of each"},
	},
	{
		Code: CodeAppPackageInvalid, Severity: Error, Reason: "应用信息填写不完善",
		Message: Text{"{platform}{what}「{value}」{problem}", "The {platform} {what} {value} {problem}"},
		Remedy:  Text{"从{source}复制{what}，原样填写", "Copy the {what} from {source} as it is"},
	},
	{
		Code: CodeAppPackageDuplicate, Severity: Error, Reason: "包名重复",
		Message: Text{"{platform}包名「{value}」{problem}", "The {platform} package {value} {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeAppSignatureInvalid, Severity: Error, Reason: "签名MD5值错误",
		Message: Text{"{platform}签名MD5值「{value}」{problem}", "The {platform} signature fingerprint {value} {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeAppPublicKeyInvalid, Severity: Error, Reason: "公钥填写错误",
		Message: Text{"{platform}公钥{problem}", "The {platform} public key {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeAppNameInvalid, Severity: Error, Reason: "应用名称不合格",
		Message: Text{"App名称{problem}", "The App name {problem}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodeEmergencyRemarkMissing, Severity: Error, Reason: "备注信息不符合管局要求",
		Message: Text{"{field}没有说明应急联系电话的使用人：{policy}", "The {field} does not say whose the emergency phone is: {policy}"},
		Remedy:  Text{"在备注中写明：{example}", "State it in the remark: {example}"},
	},
	{
		Code: CodePrincipalConflict, Severity: Warning, Reason: "主体/网站信息填写不完善",
		Message: Text{"勾选了「同主体负责人」，但{field}填写的是另一人（{name}）", "The {field} is another person ({name}), but it is marked as the subject principal"},
		Remedy:  Text{"如负责人是另一人，取消勾选「同主体负责人」；否则删除所填的负责人", "If the principal is someone else, untick \"same as the subject principal\"; otherwise remove the principal given"},
	},
	{
		Code: CodePrincipalNotSelf, Severity: Error, Reason: "主体信息填写不完善",
		Message: Text{"个人备案的负责人须是备案人本人，{field}「{value}」与{other}「{want}」不同", "In a personal filing every principal is the filer, but {field} {value} differs from {other} {want}"},
		Remedy:  Text{"{remedy}", "{remedy}"},
	},
	{
		Code: CodePhoneLandlineRequired, Severity: Warning, Reason: "电话号码不符合",
		Message: Text{"{province}要求单位负责人的办公电话填写固定电话，{field}{detail}", "{province} wants a landline as a unit principal's office phone, but {field} {detail}"},
		Remedy:  Text{"填写带区号的固定电话（区号-号码）", "Give a landline with its area code (area code-number)"},
	},
	{
		Code: CodeOfficePhoneRemarkMissing, Severity: Error, Reason: "备注信息不符合管局要求",
		Message: Text{"{province}要求办公电话填写手机号码时在备注中注明{want}，{phone}「{value}」是手机号码，{field}{detail}", "{province} wants the remark to give {want} when an office phone is a mobile; {phone} {value} is a mobile, and the {field} {detail}"},
		Remedy:  Text{"在备注中写明办公电话使用人的{want}，如「{example}」，或填写带区号的固定电话", "State {want} of the office phone's user in the remark, as in 「{example}」, or give a landline with its area code"},
	},
	{
		Code: CodePersonalPledgeMissing, Severity: Error, Reason: "备注信息不符合管局要求",
		Message: Text{"{province}要求个人备案在主体备注中填写承诺「本网站是个人网站……」，{field}{detail}", "{province} wants a personal filing's subject remark to carry the pledge 「本网站是个人网站……」 (the site is a personal one), but the {field} {detail}"},
		Remedy:  Text{"将承诺原文复制到主体备注：{pledge}", "Copy the pledge, as it is, into the subject remark: {pledge}"},
	},
	{
		Code: CodeSiteLimitExceeded, Severity: Error, Reason: "管局规则",
		Message: Text{"{province}一个主体最多备案{limit}个网站和App，本次备案后本主体至少有{count}个", "{province} lets one subject file {limit} websites and Apps at most; with this filing the subject would have at least {count}"},
		Remedy:  Text{"减少网站和App，使本主体已备案的与本次备案的合计不超过{limit}个", "File fewer websites and Apps, so that with those the subject filed before they are {limit} at most"},
	},
	{
		Code: CodeSubmissionLimitExceeded, Severity: Error, Reason: "管局规则",
		Message: Text{"{who}一次备案最多提交{limit}个{what}，本次备案有{count}个", "{who} takes {limit} {what} at most in one submission; this filing holds {count}"},
		Remedy:  Text{"本次只提交{limit}个{what}，其余的在本次备案通过后以新增网站备案提交", "Submit {limit} {what} now, and the others as new-site filings once this one is approved"},
	},
	{
		Code: CodeSiteNameDuplicate, Severity: Warning, Reason: "网站名称不合格",
		Message: Text{"{province}不接受与已备案网站同名的网站，网站名称「{name}」与第{first}个网站相同", "{province} refuses a website named as a filed website, and {name} is also the name of website {first}"},
		Remedy:  Text{"为每个网站取不同的名称", "Give each website a name of its own"},
	},
	{
		Code: CodeInvestorMismatch, Severity: Error, Reason: "主体信息填写不完善",
		Message: Text{"{province}要求投资者或上级主管单位填写{want}，本次填写的是「{investor}」", "{province} wants the investor or superior authority (投资者或上级主管单位) to be {want}; the filing gives {investor}"},
		Remedy:  Text{"在投资者或上级主管单位中填写{want}", "Give {want} as the investor or superior authority"},
	},
	{
		Code: CodeAddressCityMismatch, Severity: Error, Reason: "主体信息填写不完善",
		Message: Text{"{province}要求通信地址与证件住所在同一城市，通信地址在{city}，证件住所在{cert_city}", "{province} wants the mailing address in the city of the certificate's address: the mailing address is in {city}, the certificate's address in {cert_city}"},
		Remedy:  Text{"填写{cert_city}的通信地址", "Give a mailing address in {cert_city}"},
	},
}
