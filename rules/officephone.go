package rules

import (
	"slices"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// OfficePhone checks a unit's office phones where the province has rules
// for them.
//
// Where the province's unit_landline_required fact says so (Jiangsu:
// 座机必填, Tencent's subject page), each principal of a unit must give a
// landline as the office phone (办公电话): a mobile there, or no office
// phone at all, is PHONE_LANDLINE_REQUIRED at the office phone. It is a
// warning, as the fact has one source. A number that is not valid is left
// to PHONE_INVALID; personal filings may give a mobile everywhere.
//
// Where the office_mobile_remark fact names what a remark must say of an
// office phone that is a mobile (Tencent's subject page: the name in
// Chongqing, the job title in Gansu, both in Tianjin), the remark must
// say it: the subject's remark for the subject's principal, the
// website's or App's for its own principal, or any of these, as consoles
// differ in where they put it. No remark at all is
// OFFICE_PHONE_REMARK_MISSING at the remark; a remark without the
// principal's name, or without a job title this rule knows (经理, 董事长,
// 职务 …), is a warning, as reading free text is a guess.
var OfficePhone = &Rule{
	Name:  "officephone",
	Doc:   docOfficePhone,
	Codes: []Code{CodePhoneLandlineRequired, CodeOfficePhoneRemarkMissing},
	Run:   runOfficePhone,
}

func runOfficePhone(pass *Pass) error {
	if !pass.unit() {
		return nil
	}
	if fact := pass.Policy.UnitLandlineRequired; fact.Value {
		checkLandlines(pass, fact)
	}
	if fact := pass.Policy.OfficeMobileRemark; len(fact.Value) > 0 && !pass.Province.IsZero() {
		checkOfficeMobileRemarks(pass, fact)
	}
	return nil
}

// checkLandlines reports the unit's principals whose office phone is not
// a landline.
func checkLandlines(pass *Pass, fact provinces.Fact[bool]) {
	f := pass.Filing
	for n := range principalSlots(f) {
		i := principalID(f, n)
		p := principalAt(f, i)
		if p == nil {
			continue
		}
		var detail Text
		if blank(p.Phone) {
			detail = Text{"未填写", "is empty"}
		} else {
			num, err := pass.Config.PhoneSegments.Parse(p.Phone)
			if err != nil || !num.Kind.IsMobileLike() {
				continue // a landline, or PHONE_INVALID's
			}
			detail = Text{"「" + shortValue(p.Phone) + "」是手机号码", shortValue(p.Phone) + " is a mobile"}
		}
		pass.ReportFact(principalPath(i, "phone"), CodePhoneLandlineRequired, factSource(fact),
			provinceArg(pass), Arg{"detail", detail})
	}
}

// checkOfficeMobileRemarks reports the unit's principals whose office
// phone is a mobile while no remark says what fact wants of its user.
func checkOfficeMobileRemarks(pass *Pass, fact provinces.Fact[[]string]) {
	f := pass.Filing
	wantName, wantTitle := slices.Contains(fact.Value, "name"), slices.Contains(fact.Value, "title")
	if !wantName && !wantTitle {
		return
	}
	for n := range principalSlots(f) {
		i := principalID(f, n)
		p := principalAt(f, i)
		if p == nil || blank(p.Phone) {
			continue
		}
		if num, err := pass.Config.PhoneSegments.Parse(p.Phone); err != nil || !num.Kind.IsMobileLike() {
			continue // a landline, or PHONE_INVALID's
		}
		remarks := officeRemarks(f, i)
		said, given := false, false
		for _, r := range remarks {
			if blank(r) {
				continue
			}
			given = true
			name := !wantName || (!blank(p.Name) && strings.Contains(r, strings.TrimSpace(p.Name)))
			if name && (!wantTitle || namesJobTitle(r)) {
				said = true
				break
			}
		}
		if said {
			continue
		}
		src := factSource(fact)
		sev := severityOf(fact.Certain)
		detail := Text{"为空", "is empty"}
		if given {
			sev, src.Certain = Warning, false // the reading of the wording is a guess
			detail = Text{"未注明", "does not give it"}
		}
		pass.Add(Rejection{Code: CodeOfficePhoneRemarkMissing, Severity: sev, Field: officeRemarkPath(i), Source: src,
			Args: pass.keepArgs([]Arg{provinceArg(pass), officeRemarkWant(wantName, wantTitle),
				Arg{"phone", FieldLabel(principalPath(i, "phone"))}, Str("value", shortValue(p.Phone)),
				Arg{"detail", detail}, officeRemarkExample(p.Name, wantName, wantTitle)})})
	}
}

// officeRemarks returns the remarks that may speak of principal i's
// office phone (i as eachPrincipal numbers them): the subject's, then the
// website's or App's for its own principal, or every website's and App's
// for the subject's principal.
func officeRemarks(f *beian.Filing, i int) []string {
	out := []string{f.Subject.Remark}
	switch {
	case i >= 0:
		return append(out, f.Websites[i].Remark)
	case i < -1:
		return append(out, f.Apps[-2-i].Remark)
	}
	for k := range f.Websites {
		out = append(out, f.Websites[k].Remark)
	}
	for k := range f.Apps {
		out = append(out, f.Apps[k].Remark)
	}
	return out
}

// officeRemarkPath is where the remark on principal i's office phone
// belongs: the subject's remark for the subject's principal, the
// website's or App's remark for its own.
func officeRemarkPath(i int) beian.Path {
	switch {
	case i >= 0:
		return beian.Path("websites").Index(i).Field("remark")
	case i < -1:
		return beian.Path("apps").Index(-2 - i).Field("remark")
	}
	return "subject.remark"
}

// officeRemarkWant says what the remark must give.
func officeRemarkWant(name, title bool) Arg {
	switch {
	case name && title:
		return Loc("want", "姓名和企业职务", "the name and the job title")
	case name:
		return Loc("want", "联系人姓名", "the name")
	}
	return Loc("want", "企业职务", "the job title")
}

// officeRemarkExample is a remark that gives what is wanted, with the
// principal's name where the filing has it.
func officeRemarkExample(name string, wantName, wantTitle bool) Arg {
	if name = strings.TrimSpace(name); name == "" || !wantName {
		name = "张三"
	}
	switch {
	case wantName && wantTitle:
		return Str("example", "办公电话使用人："+name+"，职务：总经理")
	case wantName:
		return Str("example", "办公电话联系人："+name)
	}
	return Str("example", "办公电话使用人职务：总经理")
}

// jobTitles are words that name a post in a unit (企业职务), for reading a
// remark: the posts of company law (董事长, 经理, 监事 …), of institutions
// (主任, 院长, 校长 …) and the word 职务 itself.
var jobTitles = []string{
	"职务", "董事长", "董事", "总经理", "经理", "总裁", "监事", "总监", "主管", "主任", "负责人",
	"法定代表人", "法人", "厂长", "校长", "院长", "局长", "处长", "科长", "部长", "秘书长", "秘书",
	"会长", "理事长", "行长", "站长", "所长", "店长", "专员", "工程师", "助理", "合伙人", "股东",
	"文员", "行政", "前台", "会计", "出纳", "职员", "员工", "CEO", "CTO", "COO", "CFO",
}

// namesJobTitle reports whether remark names a post in a unit.
func namesJobTitle(remark string) bool {
	for _, w := range jobTitles {
		if strings.Contains(remark, w) {
			return true
		}
	}
	return false
}
