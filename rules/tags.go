package rules

import (
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/appid"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/icpnum"
	"github.com/icpcheck/beian/rules/phonenum"
)

// validMobile reports whether s is a mobile as a filing takes it: an
// 11-digit number of a mobile segment that receives SMS (virtual
// operators' included; data cards, IoT and satellite numbers not).
func validMobile(s string) bool {
	n, err := phonenum.Parse(s)
	return err == nil && n.Kind == phonenum.Mobile
}

// validPhone reports whether s is a mobile (as validMobile) or a landline
// with its area code.
func validPhone(s string) bool {
	n, err := phonenum.Parse(s)
	return err == nil && (n.Kind == phonenum.Mobile || n.Kind == phonenum.Landline)
}

// certainPackage reports whether s has no certain finding as a package of
// platform p (doubtful ones pass: a form cannot show a warning).
func certainPackage(p appid.Platform, s string) bool {
	e, ok := appid.CheckPackage(p, s).(*appid.Error)
	return !ok || !e.Certain
}

// certainSignature reports whether s is the fingerprint platform p wants.
func certainSignature(p appid.Platform, s string) bool {
	_, err := appid.ParseSignature(p, s)
	return err == nil
}

// A FieldTag is a single-field check offered as a go-playground/validator
// tag (registered by tags.Register of package validate/tags). Message is the translation
// shown for a failure, with {0} standing for the field's name.
type FieldTag struct {
	Tag     string
	Code    Code // the code the same check reports in a filing
	Check   func(string) bool
	Message Text
}

// FieldTags returns every single-field check the library offers as a
// validator tag. Empty strings fail every check: combine with omitempty for
// optional fields.
func FieldTags() []FieldTag {
	return []FieldTag{
		{
			Tag:     "app_package_android",
			Code:    CodeAppPackageInvalid,
			Check:   func(s string) bool { return certainPackage(appid.Android, s) },
			Message: Text{"{0}必须是有效的安卓包名（applicationId），如cn.example.app", "{0} must be a valid Android applicationId, such as cn.example.app"},
		},
		{
			Tag:     "app_bundle_id",
			Code:    CodeAppPackageInvalid,
			Check:   func(s string) bool { return certainPackage(appid.IOS, s) },
			Message: Text{"{0}必须是有效的iOS Bundle ID（字母、数字、-和.）", "{0} must be a valid iOS Bundle ID (letters, digits, - and .)"},
		},
		{
			Tag:     "app_package_harmonyos",
			Code:    CodeAppPackageInvalid,
			Check:   func(s string) bool { return certainPackage(appid.HarmonyOS, s) },
			Message: Text{"{0}必须是有效的鸿蒙包名（bundleName）", "{0} must be a valid HarmonyOS bundle name"},
		},
		{
			Tag:     "app_signature_md5",
			Code:    CodeAppSignatureInvalid,
			Check:   func(s string) bool { return certainSignature(appid.Android, s) },
			Message: Text{"{0}必须是签名证书的MD5（32位十六进制，可带冒号）", "{0} must be the signing certificate's MD5 (32 hex digits, colons allowed)"},
		},
		{
			Tag:     "app_signature_sha1",
			Code:    CodeAppSignatureInvalid,
			Check:   func(s string) bool { return certainSignature(appid.IOS, s) },
			Message: Text{"{0}必须是证书的SHA-1（40位十六进制，可带冒号）", "{0} must be the certificate's SHA-1 (40 hex digits, colons allowed)"},
		},
		{
			Tag:     "icp_province",
			Code:    CodeProvinceUnknown,
			Check:   func(s string) bool { _, ok := provinces.Lookup(s); return ok },
			Message: Text{"{0}必须是中国大陆的省、自治区或直辖市", "{0} must be a mainland Chinese province"},
		},
		{
			Tag:  "icp_text",
			Code: CodeTextInvalid,
			Check: func(s string) bool {
				_, _, _, bad := textProblem(s, textSpec{limit: len(s) + 1})
				return s != "" && !bad
			},
			Message: Text{"{0}含有无效、不可见或控制字符", "{0} contains invalid, invisible or control characters"},
		},
		{
			Tag:     "cn_id_card",
			Code:    CodeCertNumberInvalid,
			Check:   func(s string) bool { _, err := certnum.ParseIDCard(s); return err == nil },
			Message: Text{"{0}必须是有效的18位居民身份证号码", "{0} must be a valid 18-character Chinese resident ID number"},
		},
		{
			Tag:     "cn_uscc",
			Code:    CodeCertNumberInvalid,
			Check:   func(s string) bool { _, err := certnum.ParseUSCC(s); return err == nil },
			Message: Text{"{0}必须是有效的统一社会信用代码", "{0} must be a valid unified social credit code"},
		},
		{
			Tag:     "cn_org_code",
			Code:    CodeCertNumberInvalid,
			Check:   func(s string) bool { _, err := certnum.ParseOrgCode(s); return err == nil },
			Message: Text{"{0}必须是有效的组织机构代码", "{0} must be a valid organisation code"},
		},
		{
			Tag:     "cn_mobile",
			Code:    CodePhoneInvalid,
			Check:   validMobile,
			Message: Text{"{0}必须是有效的中国大陆手机号码", "{0} must be a valid mainland Chinese mobile number"},
		},
		{
			Tag:     "cn_phone",
			Code:    CodePhoneInvalid,
			Check:   validPhone,
			Message: Text{"{0}必须是有效的中国大陆手机号码或带区号的固定电话", "{0} must be a valid mainland Chinese mobile or a landline with its area code"},
		},
		{
			// The tag checks several naming rules (see validSiteName); its
			// code is the first of them.
			Tag:     "icp_site_name",
			Code:    CodeSiteNameTooShort,
			Check:   validSiteName,
			Message: Text{"{0}不符合网站命名要求：至少3个汉字，不能只有字母和数字，不能含有符号、域名或敏感词", "{0} is not a valid website name: it needs 3 or more Chinese characters and no symbols, domain or sensitive words"},
		},
		{
			// Only the form of the domain: whether its suffix is filable
			// depends on the validator's suffix list (DOMAIN_TLD_NOT_FILABLE).
			Tag:     "icp_domain",
			Code:    CodeDomainInvalid,
			Check:   validDomain,
			Message: Text{"{0}必须是注册的主域名，如example.cn或示例.中国（不带www、http://或路径）", "{0} must be a registered domain such as example.cn or 示例.中国 (no www, http:// or path)"},
		},
		{
			Tag:  "icp_number",
			Code: CodeICPNumberInvalid,
			Check: func(s string) bool {
				_, err := icpnum.Parse(s)
				return err == nil
			},
			Message: Text{"{0}必须是有效的ICP备案号，如粤ICP备2023012345号或粤ICP备2023012345号-1", "{0} must be a valid ICP filing number, such as 粤ICP备2023012345号 or 粤ICP备2023012345号-1"},
		},
	}
}
