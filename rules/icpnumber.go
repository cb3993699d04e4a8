package rules

import (
	"errors"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/icpnum"
)

// ICPNumber checks that the existing filing number is valid and of this
// province.
//
// A filing that adds to or changes a record names the subject's filing
// number (icp_number), 粤ICP备2023012345号 or a website's
// 粤ICP备2023012345号-3 (icp-rules §9; parsed by package rules/icpnum, which
// accepts full-width digits and spaces as typed). ICP_NUMBER_INVALID when
// it is malformed, when it is something else that looks alike (an ICP
// licence 京ICP证150476号, a value-added telecom licence 粤B2-20090059, a
// public-security filing 京公网安备…号), when it is written with a province's
// usual short name instead of its ICP abbreviation (贵 for 黔), or when the
// province it was issued in is not the filing region: a subject files in
// one province, so its number carries that province's abbreviation.
var ICPNumber = &Rule{
	Name:  "icpnumber",
	Doc:   docICPNumber,
	Codes: []Code{CodeICPNumberInvalid},
	Run:   runICPNumber,
}

func runICPNumber(pass *Pass) error {
	s := pass.Filing.ICPNumber
	if strings.TrimSpace(s) == "" {
		return nil
	}
	report := func(problem Text, related ...beian.Path) {
		pass.Add(Rejection{
			Code: CodeICPNumberInvalid, Severity: defaultSeverity(CodeICPNumberInvalid), Field: "icp_number",
			Related: related, Args: []Arg{Str("value", clipValue(s)), {"problem", problem}},
		})
	}
	n, err := icpnum.Parse(s)
	var e *icpnum.Error
	if errors.As(err, &e) {
		report(icpReasonText(e, n))
		return nil
	}
	if !pass.Province.IsZero() && n.Province.Code != pass.Province.Code {
		report(Text{
			"这是" + n.Province.Short + "的备案号，备案地域是" + pass.Province.Short,
			"it was issued in " + n.Province.English + ", the filing region is " + pass.Province.English,
		}, "province")
	}
	return nil
}

// icpReasonText says in both languages why a text is not a filing number.
func icpReasonText(e *icpnum.Error, n icpnum.Number) Text {
	switch e.Reason {
	case icpnum.Empty:
		return Text{"为空", "it is empty"}
	case icpnum.TooLong:
		return Text{"过长", "it is too long"}
	case icpnum.NoProvince:
		return Text{"不是以省份简称开头", "it does not start with a province abbreviation"}
	case icpnum.UnknownProvince:
		return Text{"开头不是大陆省份的简称", "it does not start with a mainland province's abbreviation"}
	case icpnum.AbbrNotUsed:
		return Text{
			"备案号使用" + e.Province.Abbr + "而不是" + firstRune(e.Input) + "，应为" + n.String(),
			"filing numbers of " + e.Province.English + " start with " + e.Province.Abbr + ": " + n.String(),
		}
	case icpnum.Licence:
		return Text{"这是ICP经营许可证号（ICP证），不是备案号", "it is an ICP licence number (ICP证), not a filing number"}
	case icpnum.TelecomLicence:
		return Text{"这是增值电信业务经营许可证号，不是备案号", "it is a value-added telecom licence number, not a filing number"}
	case icpnum.PublicSecurity:
		return Text{"这是公安联网备案号，不是ICP备案号", "it is a public-security filing number, not an ICP filing number"}
	case icpnum.NoICP:
		return Text{"省份简称后应为“ICP备”", `"ICP备" must follow the province abbreviation`}
	case icpnum.BadBody:
		return Text{"“ICP备”后应为8位或10位数字", `8 or 10 digits must follow "ICP备"`}
	case icpnum.BadYear:
		return Text{"10位编号的前4位应为年份", "the first 4 of 10 digits must be a year"}
	case icpnum.NoHao:
		return Text{"编号后缺少“号”", `"号" is missing after the digits`}
	case icpnum.BadSuffix:
		return Text{"“号”后只能是-序号（App、小程序、快应用再加A、X、K）", `only -N (with A, X or K for an App, mini program or quick app) may follow "号"`}
	}
	return Text{"格式不正确", "it is malformed"}
}

func firstRune(s string) string {
	for _, r := range strings.TrimSpace(s) {
		return string(r)
	}
	return ""
}

// clipValue shortens a value shown in a message to 64 characters.
func clipValue(s string) string {
	n := 0
	for i := range s {
		if n == 64 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
