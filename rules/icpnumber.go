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
// 粤ICP备2023012345号-3 (ucloud-knowledge; parsed by package rules/icpnum, which
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
		report(icpProblem(e, n))
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
