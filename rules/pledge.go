package rules

import (
	"strings"
	"unicode"

	"github.com/icpcheck/beian"
)

// Pledge checks a personal filer's pledge in the subject's remark.
//
// Where the personal_pledge_required fact says so (Guangxi: UCloud's
// province page asks personal filers to paste 本网站是个人网站，不含有企业、
// 单位等非个人网站的信息… into the subject's remark; Tianjin by an old
// source only, a warning), a personal filing whose remarks hold none of
// the pledge is PERSONAL_PLEDGE_MISSING at subject.remark, with the
// certain fix of the pledge added to the subject's remark. The pledge is
// read in the subject's remark, or in any website's or App's, as consoles
// without a subject remark put it there; spaces and punctuation do not
// count. A remark with part of the pledge is a warning that it is
// incomplete.
var Pledge = &Rule{
	Name:  "pledge",
	Doc:   docPledge,
	Codes: []Code{CodePersonalPledgeMissing},
	Run:   runPledge,
}

// PersonalPledge is the pledge Guangxi wants in a personal filing's
// subject remark, as UCloud's province page gives it (ucloud-guangxi):
// what the fix of PERSONAL_PLEDGE_MISSING adds.
const PersonalPledge = "本网站是个人网站，不含有企业、单位等非个人网站的信息，若在核实中发现网站中含有企业、单位等信息，" +
	"本人愿接受以虚假信息进行备案，注销网站，并将主体和域名加入黑名单的处罚。"

// pledgeClauses are the pledge's clauses as pledgeText reads them: a
// remark holding every one holds the pledge.
var pledgeClauses = []string{
	"本网站是个人网站", "不含有企业单位等非个人网站的信息", "若在核实中发现网站中含有企业单位等信息",
	"本人愿接受以虚假信息进行备案", "注销网站", "并将主体和域名加入黑名单的处罚",
}

func runPledge(pass *Pass) error {
	f := pass.Filing
	fact := pass.Policy.PersonalPledgeRequired
	if !fact.Value || f.Subject.Nature != beian.NaturePersonal || pass.Province.IsZero() {
		return nil
	}
	inSubject := pledgeHeld(f.Subject.Remark)
	best := inSubject
	for i := range f.Websites {
		best = max(best, pledgeHeld(f.Websites[i].Remark))
	}
	for i := range f.Apps {
		best = max(best, pledgeHeld(f.Apps[i].Remark))
	}
	if best == len(pledgeClauses) {
		return nil
	}
	src := factSource(fact)
	sev := severityOf(fact.Certain)
	detail := Text{"没有这段承诺", "does not hold it"}
	if best > 0 {
		sev, src.Certain = Warning, false
		detail = Text{"中的承诺不完整", "holds only part of it"}
	}
	r := Rejection{Code: CodePersonalPledgeMissing, Severity: sev, Field: "subject.remark", Source: src,
		Args: pass.keepArgs([]Arg{provinceArg(pass), Arg{"detail", detail}, Str("pledge", PersonalPledge)})}
	if inSubject == 0 {
		value := PersonalPledge
		if remark := strings.TrimSpace(f.Subject.Remark); remark != "" {
			value = remark + "\n" + PersonalPledge
		}
		r = pass.withFix(r, Fix{Field: "subject.remark", Value: value,
			Title: Text{"在主体备注中加上承诺原文", "Add the pledge to the subject remark"}})
	}
	pass.Add(r)
	return nil
}

// pledgeHeld returns how many of the pledge's clauses remark holds, read
// without spaces and punctuation.
func pledgeHeld(remark string) int {
	if blank(remark) {
		return 0
	}
	text := pledgeText(remark)
	n := 0
	for _, c := range pledgeClauses {
		if strings.Contains(text, c) {
			n++
		}
	}
	return n
}

// pledgeText returns remark's letters and digits alone, so that a pledge
// pasted with other punctuation or spacing reads as the pledge.
func pledgeText(remark string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, remark)
}
