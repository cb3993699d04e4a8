package rules

import (
	"errors"
	"strings"
	"unicode"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/icpnum"
)

// ICPNumber checks that the existing filing number is valid and of this
// province.
//
// A filing that adds to or changes a record names the subject's filing
// number (icp_number), 粤ICP备2023012345号 or a website's
// 粤ICP备2023012345号-3 (ucloud-knowledge; parsed by package rules/icpnum, which
// accepts full-width digits and spaces as typed). A subject that holds an
// ICP operating licence or a B2 licence has its records numbered with it
// (京ICP证030173号-1, 粤B2-20090059-1626X): those are filing numbers too.
// ICP_NUMBER_INVALID when it is malformed, when it is something else that
// looks alike (another telecom licence, 沪B1.B2-20100001 or 粤A2-…; a
// public-security filing 京公网安备…号), when it is written with a province's
// usual short name instead of its ICP abbreviation (贵 for 黔), or when the
// province it was issued in is not the filing region: a subject files in
// one province, so its number carries that province's abbreviation.
//
// The suffix says what the number is of (huawei-app-filing): -N a website,
// -NA an App, -NX a mini-program, -NK a quick app. A number with a suffix
// in a filing that lists websites or Apps but none of that kind is
// ICP_NUMBER_INVALID. A number typed with lower-case letters (粤icp备…,
// -2a), without its 号 (粤ICP备12345678-1, as footers often show it), with
// spaces, full-width characters or a dash other than the hyphen (粤 ICP 备
// 2023012345 号, 粤ICP备２０２３０１２３４５号, -3 typed –3) is read, and is a
// warning whose certain fix is its canonical form.
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
			Related: related, Args: pass.keepArgs([]Arg{Str("value", clipValue(s)), {"problem", problem}}),
		})
	}
	n, err := icpnum.Parse(s)
	var e *icpnum.Error
	fixed := false
	switch {
	case errors.As(err, &e) && e.Reason == icpnum.NoHao && n != (icpnum.Number{}):
		// 粤ICP备12345678(-1): the number is read, 号 left out as footers
		// often show it; the number is issued with it (its canonical
		// form, the certain fix): a warning, and the number is checked on.
		want := n.String()
		r := Rejection{
			Code: CodeICPNumberInvalid, Severity: Warning, Field: "icp_number",
			Args: pass.keepArgs([]Arg{Str("value", clipValue(s)), Loc("problem", "缺少「号」，备案号应写作"+want, "lacks 号; filing numbers are written "+want)}),
		}
		pass.Add(pass.withFix(r, Fix{Field: "icp_number", Value: want, Title: Text{"改为" + want, "Use " + want}}))
		fixed = true
	case e != nil:
		report(icpProblem(e, n))
		return nil
	}
	if !pass.Province.IsZero() && n.Province.Code != pass.Province.Code {
		report(Text{
			"这是" + n.Province.Short + "的备案号，备案地域是" + pass.Province.Short,
			"it was issued in " + n.Province.English + ", the filing region is " + pass.Province.English,
		}, "province")
	}
	if !fixed { // the fix above is the canonical form too
		// The number is read without case, spaces or width, but it is
		// issued and shown in capitals (ICP, B2, the suffix's A, X, K:
		// huawei-app-filing doc_0115), without spaces, in ASCII: its
		// canonical form is the certain fix, a warning since the number
		// itself is right.
		want := n.String()
		var problem Text
		switch {
		case hasLowerASCII(s):
			problem = Text{"字母应为大写（ICP、B2及后缀A、X、K），应写作" + want, "has lower-case letters; filing numbers are written in capitals (ICP, B2, the suffix's A, X, K): " + want}
		case want != strings.TrimSpace(s) && icpTypedLoosely(s):
			problem = Text{"含有空格、全角字符或其他连字符，应写作" + want, "has spaces, full-width characters or other dashes; filing numbers are written " + want}
		}
		if problem.ZH != "" {
			r := Rejection{
				Code: CodeICPNumberInvalid, Severity: Warning, Field: "icp_number",
				Args: pass.keepArgs([]Arg{Str("value", clipValue(s)), Loc("problem", problem.ZH, problem.EN)}),
			}
			pass.Add(pass.withFix(r, Fix{Field: "icp_number", Value: want, Title: Text{"改为" + want, "Use " + want}}))
		}
	}
	if n.Kind != icpnum.Subject && !hasServiceOf(pass.Filing, n.Kind) {
		zh, en := kindWords(n.Kind)
		report(Text{
			"后缀表明这是" + zh + "的备案号，本次备案中没有" + zh,
			"its suffix makes it the number of " + en + ", and the filing lists none",
		})
	}
	return nil
}

// icpTypedLoosely reports whether an ICP number holds white space, a
// full-width form (U+FF01–U+FF5E: digits, letters, the hyphen) or a dash
// other than the hyphen-minus.
func icpTypedLoosely(s string) bool {
	return strings.ContainsFunc(strings.TrimSpace(s), func(r rune) bool {
		return unicode.IsSpace(r) || r >= 0xFF01 && r <= 0xFF5E || r != '-' && certnum.IsSeparator(r)
	})
}

// hasServiceOf reports whether f lists a service of kind k, or lists no
// service at all (a change filing of the subject alone).
func hasServiceOf(f *beian.Filing, k icpnum.Kind) bool {
	if len(f.Websites) == 0 && len(f.Apps) == 0 {
		return true
	}
	if k == icpnum.Website {
		return len(f.Websites) > 0
	}
	for i := range f.Apps {
		switch t := f.Apps[i].Type; {
		case k == icpnum.App && t == beian.AppNative,
			k == icpnum.MiniProgram && t == beian.AppMiniProgram,
			k == icpnum.QuickApp && t == beian.AppQuickApp:
			return true
		}
	}
	return false
}

func kindWords(k icpnum.Kind) (zh, en string) {
	switch k {
	case icpnum.App:
		return "App", "an App"
	case icpnum.MiniProgram:
		return "小程序", "a mini-program"
	case icpnum.QuickApp:
		return "快应用", "a quick app"
	}
	return "网站", "a website"
}

// hasLowerASCII reports whether s has a lower-case ASCII letter.
func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
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
