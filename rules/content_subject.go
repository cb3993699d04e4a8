package rules

import (
	"github.com/icpcheck/beian"
)

// checkSubjectPreApprovalHints warns, once per category, when the unit's
// registered name holds a word of a pre-approval industry (深圳市示例基金管理
// 有限公司: finance) that no website or App of the filing declares or holds
// an approval for. The providers check the finance keywords against the
// unit's name as well as the site's (ucloud-pre-approval,
// tencent-pre-approval: 单位名称、经营范围、网站名称、网站内容), and Jiangxi
// asks the 不涉及 letter of a unit whose name holds 文化 (ucloud-jiangxi);
// the same words as a site name's, at subject.name. A person's name is
// not read: a personal filing may declare none of these categories.
func checkSubjectPreApprovalHints(pass *Pass) {
	f := pass.Filing
	s := &f.Subject
	if !s.Nature.IsUnit() || blank(s.Name) {
		return
	}
	prepared := pass.subjectPrepared()
	if !mayHoldHint(prepared.Text()) {
		return // the usual unit name: no hint word can be found in it
	}
	hits := preApprovalHintDictionary().FindAllIn(prepared)
	if len(hits) == 0 {
		return // the usual unit name: the filing's categories are not read
	}
	var covered uint32 // categories a website or App declares or holds
	add := func(categories []beian.ContentCategory, approvals []beian.PreApproval) {
		x := indexContent(categories, approvals)
		covered |= x.declared
		for r := range x.first {
			if x.approved(r) {
				covered |= 1 << r
			}
		}
	}
	for i := range f.Websites {
		add(f.Websites[i].ContentCategories, f.Websites[i].PreApprovals)
	}
	for i := range f.Apps {
		add(f.Apps[i].ContentCategories, f.Apps[i].PreApprovals)
	}
	warned := covered
	for _, m := range hits {
		c := beian.ContentCategory(m.Category)
		r := ruleIndex(c)
		if r < 0 || warned&(1<<r) != 0 {
			continue
		}
		warned |= 1 << r
		pass.Report("subject.name", CodeContentPreApprovalHint, Str("word", m.Word), categoryArg(c))
	}
}
