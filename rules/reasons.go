package rules

import (
	"strconv"

	"github.com/icpcheck/beian/rules/appid"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/contact"
	"github.com/icpcheck/beian/rules/domain"
	"github.com/icpcheck/beian/rules/icpnum"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/rules/scan"
)

// The wording of every reason the value packages give. The value packages
// return typed reasons (certnum.Reason, phonenum.Reason …) with no language;
// this file is the one place they are put in Chinese and English, as the
// "problem" argument of the code that reports them. Tables are arrays
// indexed by the reason, so that nothing is built at init;
// TestReasonsWorded holds them complete.

// certReasons says why a certificate number is not valid
// (CERT_NUMBER_INVALID).
var certReasons = [...]Text{
	certnum.ReasonEmpty:           {"号码为空", "the number is empty"},
	certnum.ReasonLength:          {"位数不对", "it has the wrong number of characters"},
	certnum.ReasonCharacter:       {"含有不能出现的字符", "it contains a character that cannot appear there"},
	certnum.ReasonCheckCharacter:  {"校验位不正确，号码可能抄错", "the check character does not match, so the number is probably mistyped"},
	certnum.ReasonBirthDate:       {"出生日期不存在", "the birth date is not a real day"},
	certnum.ReasonFutureBirthDate: {"出生日期晚于今天", "the birth date is in the future"},
	certnum.ReasonDivision:        {"地区代码不属于任何省份", "the division code belongs to no province"},
	certnum.ReasonLegacyIDCard:    {"这是已停用的15位第一代身份证号码，备案须使用18位号码", "it is a 15-digit first-generation ID number; filings need the 18-digit number"},
	certnum.ReasonEmbeddedOrgCode: {"其中的组织机构代码（第9至17位）校验不通过", "the organisation code inside it (characters 9 to 17) fails its check"},
	certnum.ReasonAuthority:       {"第1位不是有效的登记管理部门代码", "the first character is no registration authority"},
	certnum.ReasonFormat:          {"格式不符合该证件的编号规则", "it does not have the form of this certificate's numbers"},
	certnum.ReasonCategory:        {"第1、2位不是国家标准规定的登记管理部门与机构类别组合", "characters 1 and 2 are no registration authority and category pair of the standard"},
}

// phoneReasons says why a phone number is not usable (PHONE_INVALID).
var phoneReasons = [...]Text{
	phonenum.ReasonEmpty:           {"没有数字", "it has no digits"},
	phonenum.ReasonBadCharacter:    {"含有电话号码不会有的字符", "it has characters no phone number has"},
	phonenum.ReasonTooShort:        {"位数太少", "it has too few digits"},
	phonenum.ReasonTooLong:         {"位数太多", "it has too many digits"},
	phonenum.ReasonNotChinese:      {"不是中国大陆号码", "it is not a mainland Chinese number"},
	phonenum.ReasonUnknownSegment:  {"没有运营商使用该号段", "no operator has this segment"},
	phonenum.ReasonUnknownAreaCode: {"区号不存在", "there is no such area code"},
	phonenum.ReasonMissingAreaCode: {"固定电话缺少区号", "the landline has no area code"},
	phonenum.ReasonBadLocalNumber:  {"号码与区号不符", "the local number does not fit the area code"},
	phonenum.ReasonService:         {"这是服务号码，不能作为个人联系电话", "it is a service number, not a person's"},
	phonenum.ReasonBadExtension:    {"分机号不正确", "the extension is wrong"},
}

// emailReasons says why an e-mail address is not usable (EMAIL_INVALID).
var emailReasons = [...]Text{
	contact.EmailSyntax:      {"不是电子邮件地址的格式", "it is not an e-mail address"},
	contact.EmailEmpty:       {"为空", "it is empty"},
	contact.EmailTooLong:     {"太长", "it is too long"},
	contact.EmailDisplayName: {"只填写地址本身，不要带姓名或尖括号", "give the address alone, without a name or angle brackets"},
	contact.EmailMultiple:    {"只能填写一个地址", "only one address may be given"},
	contact.EmailBadLocal:    {"@前的部分含有引号、中文或位置不当的点", "the part before @ has quotes, non-ASCII characters or misplaced dots"},
	contact.EmailNoDot:       {"域名缺少点（如example.cn）", "the domain has no dot (as in example.cn)"},
	contact.EmailBadDomain:   {"域名无效", "the domain is not valid"},
	contact.EmailSpecialUse:  {"域名是特殊用途域名（.test、.local、.invalid、.onion等），无法收信", "the domain is a special-use name (.test, .local, .invalid, .onion …) where no mail is delivered"},
	contact.EmailFullWidth:   {"含有全角字符（如＠、全角字母或句号），应以半角英文字符填写", "it is typed with full-width characters (＠, full-width letters, 。 for a dot); write it in ASCII"},
}

// domainReasons says why a text is not a registrable domain (DOMAIN_INVALID).
var domainReasons = [...]Text{
	domain.ReasonEmpty:        {"没有域名", "there is no domain"},
	domain.ReasonTooLong:      {"超过253个字符", "it is longer than 253 characters"},
	domain.ReasonCharacter:    {"含有域名不能使用的字符（空格、下划线、标点或符号）", "it holds a character domains cannot (a space, underscore, punctuation or symbol)"},
	domain.ReasonEmptyLabel:   {"有连续的点或以点开头", "it has two dots in a row or starts with a dot"},
	domain.ReasonLabelTooLong: {"某一级超过63个字符", "a label is longer than 63 characters"},
	domain.ReasonHyphen:       {"连字符位置不对（不能在开头或结尾）", "a hyphen is misplaced (none may start or end a label)"},
	domain.ReasonIDNA:         {"不是有效的中文或国际化域名", "it is not a valid internationalised domain"},
	domain.ReasonIPAddress:    {"是IP地址而不是域名", "it is an IP address, not a domain"},
	domain.ReasonSingleLabel:  {"缺少域名后缀", "it has no suffix"},
	domain.ReasonUnknownTLD:   {"顶级域不存在", "its top-level domain does not exist"},
	domain.ReasonSuffixOnly:   {"只有后缀，没有注册的名称", "it is a suffix alone, with no registered name"},
	domain.ReasonSpecialUse:   {"是特殊用途域名（.test、.local、.onion、.arpa等），无法注册或备案", "it is a special-use name (.test, .local, .onion, .arpa …) that cannot be registered or filed"},
}

// icpReasons says why a text is not a filing number (ICP_NUMBER_INVALID).
var icpReasons = [...]Text{
	icpnum.Empty:           {"为空", "it is empty"},
	icpnum.TooLong:         {"过长", "it is too long"},
	icpnum.NoProvince:      {"不是以省份简称开头", "it does not start with a province abbreviation"},
	icpnum.UnknownProvince: {"开头不是大陆省份的简称", "it does not start with a mainland province's abbreviation"},
	icpnum.LicenceNotUsed:  {"这是ICP经营许可证号（ICP证），不是备案号", "it is an ICP licence number (ICP证), not a filing number"},
	icpnum.TelecomLicence:  {"这是增值电信业务经营许可证号，不用作备案号（仅ICP证和B2许可证号可作备案号）", "it is a value-added telecom licence number that numbers no filing (only ICP证 and B2 licences do)"},
	icpnum.PublicSecurity:  {"这是公安联网备案号，不是ICP备案号", "it is a public-security filing number, not an ICP filing number"},
	icpnum.NoICP:           {"省份简称后应为“ICP备”", `"ICP备" must follow the province abbreviation`},
	icpnum.BadBody:         {"“ICP备”后应为8位或10位数字", `8 or 10 digits must follow "ICP备"`},
	icpnum.BadYear:         {"10位编号的前4位应为年份", "the first 4 of 10 digits must be a year"},
	icpnum.NoHao:           {"编号后缺少“号”", `"号" is missing after the digits`},
	icpnum.BadSuffix:       {"“号”后只能是-序号（App、小程序、快应用再加A、X、K）", `only -N (with A, X or K for an App, mini program or quick app) may follow "号"`},
}

// appReasons says what is wrong with an App's package, fingerprint or key
// (APP_PACKAGE_INVALID, APP_SIGNATURE_INVALID, APP_PUBLIC_KEY_INVALID).
var appReasons = [...]Text{
	appid.Empty:          {"为空", "is empty"},
	appid.TooLong:        {"过长", "is too long"},
	appid.TooShort:       {"过短（部分官方文档要求至少7个字符）", "is too short (some official documents want 7 characters or more)"},
	appid.BadChar:        {"含有该平台不允许的字符", "has a character the platform does not allow"},
	appid.EmptySegment:   {"有空的段（开头、结尾或连续的点）", "has an empty segment (a leading, trailing or double dot)"},
	appid.SegmentStart:   {"有以数字或下划线开头的段", "has a segment starting with a digit or an underscore"},
	appid.FewSegments:    {"段数不足（应为以点分隔的反向域名形式，如cn.example.app）", "has too few segments (it should be a reverse domain such as cn.example.app)"},
	appid.Keyword:        {"含有Java关键字作为一段，构建工具会拒绝", "has a Java keyword as a segment, which build tools refuse"},
	appid.NotAppID:       {"不是常见的微信AppID形式（wx加16位十六进制）", "is not of the usual WeChat AppID form (wx and 16 hex digits)"},
	appid.NotHex:         {"含有十六进制数字和分隔符以外的字符", "has a character other than hex digits and separators"},
	appid.DigestLength:   {"位数不对", "has the wrong number of hex digits"},
	appid.MD5ForSHA1:     {"是32位的MD5，iOS应填写证书的SHA-1（40位）", "is a 32-digit MD5, where iOS wants the certificate's SHA-1 (40 digits)"},
	appid.NotKeyMaterial: {"不是十六进制或Base64编码的密钥", "is neither hex nor base64 key material"},
	appid.BadSPKI:        {"看似DER编码的公钥，但无法解析", "looks like a DER-encoded key but cannot be read"},
	appid.KeyLength:      {"长度不像RSA公钥（应为512至8192位）", "does not have the length of an RSA key (512 to 8192 bits)"},
	appid.Decorated:      {"带有工具输出的标签、PEM头尾、省略号或全角字符", "carries a tool's label, PEM armour, an ellipsis or full-width characters"},
}

func appProblem(r appid.Reason) Text {
	return reasonText(appReasons[:], r, Text{"格式不正确", "is malformed"})
}

// reasonText returns table's text for reason r, fallback when the table
// has none.
func reasonText[R ~uint8](table []Text, r R, fallback Text) Text {
	if int(r) < len(table) && table[r] != (Text{}) {
		return table[r]
	}
	return fallback
}

// certProblem says why a certificate number is not valid, with the length
// wanted and the offending character where the error gives them.
func certProblem(e *certnum.Error) Text {
	t := reasonText(certReasons[:], e.Reason, Text{"号码无效", "the number is not valid"})
	if e.Reason == certnum.ReasonLength && e.Want > 0 {
		n := strconv.Itoa(e.Want)
		t.ZH += "（应为" + n + "位）"
		t.EN += " (want " + n + ")"
	}
	if e.Pos > 0 && e.Char != 0 {
		p := strconv.Itoa(e.Pos)
		c := string(e.Char)
		if e.Char < ' ' || e.Char == 0x7f {
			c = strconv.QuoteRune(e.Char)
		}
		t.ZH += "：第" + p + "位「" + c + "」"
		t.EN += ": " + strconv.Quote(c) + " at position " + p
	}
	return t
}

// phoneProblem says why a phone number is not usable.
func phoneProblem(r phonenum.Reason) Text {
	return reasonText(phoneReasons[:], r, Text{"无法识别", "it cannot be read"})
}

// emailProblem says why an e-mail address is not usable.
func emailProblem(r contact.EmailReason) Text {
	return reasonText(emailReasons[:], r, Text{"无法识别", "it cannot be read"})
}

// domainProblem says why a text is not a registrable domain.
func domainProblem(err error) Text {
	if e, ok := err.(*domain.Error); ok {
		return reasonText(domainReasons[:], e.Reason, domainReasons[domain.ReasonCharacter])
	}
	return domainReasons[domain.ReasonCharacter]
}

// icpProblem says why a text is not a filing number; n is what the parser
// made of it.
func icpProblem(e *icpnum.Error, n icpnum.Number) Text {
	if e.Reason == icpnum.AbbrNotUsed {
		return Text{
			"备案号使用" + e.Province.Abbr + "而不是" + firstRune(e.Input) + "，应为" + n.String(),
			"filing numbers of " + e.Province.English + " start with " + e.Province.Abbr + ": " + n.String(),
		}
	}
	return reasonText(icpReasons[:], e.Reason, Text{"格式不正确", "it is malformed"})
}

// imageProblem says which limit of package scan an image breaks, with the
// image's value and the limit (DOCUMENT_UNCLEAR).
func imageProblem(p scan.Problem) Text {
	switch p.Kind {
	case scan.KindUnreadable:
		return Text{"文件无法读取（已损坏、不完整或不是图片）", "the file cannot be read (corrupt, truncated or not an image)"}
	case scan.KindFormat:
		got := string(p.Format)
		if got == "" {
			got = "unknown"
		}
		return Text{"格式为" + got + "，只接受" + formatList(p.Allowed), "the format is " + got + "; only " + formatList(p.Allowed) + " is accepted"}
	case scan.KindFileSize:
		more := Text{}
		if p.AtLeast {
			more = Text{"至少", "at least "}
		}
		return Text{
			"文件大小" + more.ZH + megabytes(p.Got) + "，超过" + megabytes(p.Want) + "的上限（超出" + percent(p.Excess()) + "）",
			"the file is " + more.EN + megabytes(p.Got) + ", " + percent(p.Excess()) + " over the " + megabytes(p.Want) + " limit",
		}
	case scan.KindShortSide, scan.KindLongSide:
		side := Text{"短边", "shorter side"}
		if p.Kind == scan.KindLongSide {
			side = Text{"长边", "longer side"}
		}
		return Text{
			side.ZH + "只有" + num(p.Got) + "像素，至少需要" + num(p.Want) + "像素",
			"the " + side.EN + " has " + num(p.Got) + " pixels, fewer than the " + num(p.Want) + " needed",
		}
	case scan.KindPixels:
		return Text{
			"图片声明" + num(p.Got) + "像素，超过可读取的" + num(p.Want) + "像素，未解码",
			"the image declares " + num(p.Got) + " pixels, more than the " + num(p.Want) + " read; not decoded",
		}
	case scan.KindMemory:
		return Text{
			"解码" + p.Frame + "图片约需" + megabytes(p.Got) + "内存，超过可用的" + megabytes(p.Want) + "，未解码",
			"decoding the " + p.Frame + " image would take about " + megabytes(p.Got) + ", more than the " + megabytes(p.Want) + " allowed; not decoded",
		}
	case scan.KindWork:
		return Text{
			"解码" + p.Frame + "图片需" + num(p.Got) + "次块解码，超过上限" + num(p.Want) + "，未解码",
			"decoding the " + p.Frame + " image would take " + num(p.Got) + " block decodes, more than the " + num(p.Want) + " allowed; not decoded",
		}
	case scan.KindSharpness:
		return Text{
			"图片模糊：清晰度" + strconv.FormatFloat(p.Got, 'f', 1, 64) + "，低于" + num(p.Want) + "（差" + percent(p.Excess()) + "）",
			"the image is blurred: sharpness " + strconv.FormatFloat(p.Got, 'f', 1, 64) + ", " + percent(p.Excess()) + " under the minimum " + num(p.Want),
		}
	default:
		return Text{string(p.Kind), string(p.Kind)}
	}
}
