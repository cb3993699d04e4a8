package rules

import (
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// Content checks the websites' declared content against the pre-approval
// (前置审批) rules and the limits of personal filings (icp-rules §2.2,
// §2.3).
var Content = &Rule{
	Name: "content",
	Doc: `declared content is approved and suits the subject

Content of news, publishing (games included), drugs and medical devices,
culture, radio, film and TV, finance and online car hailing needs a
pre-approval: a pre_approvals entry for the category with its number and
its document uploaded (CONTENT_PRE_APPROVAL_REQUIRED). Education,
healthcare and bulletin boards were cancelled nationally but are still
asked for by some provinces (and education covers off-campus tutoring,
which needs one since 2021): for them the rejection is a warning. An
approval entry given without a declared category is checked the same way.

A personal filing may declare none of these categories
(CONTENT_PERSONAL_NOT_ALLOWED); it then gets that error rather than a call
for an approval it cannot hold.

A website name holding a word of a pre-approval industry (新闻, 游戏, 药,
影视, 金融, 医院, 教育, 论坛 …, see data/preapproval_hints.txt) whose
category is neither declared nor approved gets the warning
CONTENT_PRE_APPROVAL_HINT: declare it, or, when the site has no such
content, rename it or add the 不涉及 letter provinces accept.`,
	Codes: []Code{CodeContentPreApprovalRequired, CodeContentPreApprovalHint, CodeContentPersonalNotAllowed},
	Run:   runContent,
}

// A preApprovalRule says who grants the pre-approval of a category.
type preApprovalRule struct {
	category  beian.ContentCategory
	authority Text
	// cancelled marks approvals the State Council cancelled nationally
	// but some provinces still ask for: a missing one is a warning.
	cancelled bool
}

// preApprovalRules lists the categories that need a pre-approval
// (icp-rules §2.3; 国务院令292 Art. 5, MIIT33 Art. 11).
var preApprovalRules = [...]preApprovalRule{
	{beian.ContentNews, Text{"网信部门（互联网新闻信息服务许可证）", "the Cyberspace Administration (Internet news information service licence)"}, false},
	{beian.ContentPublishing, Text{"新闻出版部门（网络出版服务许可证；游戏另需版号）", "the press and publication authority (online publishing licence; games also need their licence number)"}, false},
	{beian.ContentDrugsMedicalDevices, Text{"药品监督管理部门（互联网药品信息服务资格证书）", "the drug administration (Internet drug information service certificate)"}, false},
	{beian.ContentCulture, Text{"文化和旅游部门（网络文化经营许可证）", "the culture and tourism authority (online culture business licence)"}, false},
	{beian.ContentRadioFilmTV, Text{"广播电视部门（信息网络传播视听节目许可证）", "the radio and television authority (online audio-visual programme licence)"}, false},
	{beian.ContentFinance, Text{"金融监管部门（人民银行、金融办、金融监管总局或证监会的批准文件）", "the financial regulator (the approval of the central bank, the local financial office, the financial or securities regulator)"}, false},
	{beian.ContentOnlineCarHailing, Text{"交通运输部门（网络预约出租汽车经营许可证）", "the transport authority (online car-hailing business licence)"}, false},
	{beian.ContentEducation, Text{"教育部门（校外培训需民办学校办学许可证）", "the education authority (off-campus tutoring needs a private school licence)"}, true},
	{beian.ContentHealthcare, Text{"卫生健康部门", "the health authority"}, true},
	{beian.ContentBulletinBoard, Text{"通信管理局（电子公告服务专项审批）", "the Communications Administration (bulletin board service approval)"}, true},
}

func preApprovalRuleFor(c beian.ContentCategory) (preApprovalRule, bool) {
	for _, r := range preApprovalRules {
		if r.category == c {
			return r, true
		}
	}
	return preApprovalRule{}, false
}

func categoryArg(c beian.ContentCategory) Arg {
	return Loc("category", c.Label(language.Chinese), c.Label(language.English))
}

func runContent(pass *Pass) error {
	f := pass.Filing
	personal := f.Subject.Nature == beian.NaturePersonal
	for i := range f.Websites {
		w := &f.Websites[i]
		idx := indexApprovals(w)
		at := func() beian.Path { return beian.Path("websites").Index(i) }
		for j, c := range w.ContentCategories {
			rule, ok := preApprovalRuleFor(c)
			if !ok {
				continue
			}
			switch k := idx.approval(c); {
			case personal:
				pass.Report(at().Field("content_categories").Index(j), CodeContentPersonalNotAllowed, categoryArg(c))
			case k < 0:
				reportMissingApproval(pass, at().Field("content_categories").Index(j), rule,
					Text{"未提供前置审批（审批号和审批文件）", "no pre-approval (number and document) is given"})
			}
		}
		for k := range w.PreApprovals {
			a := &w.PreApprovals[k]
			rule, ok := preApprovalRuleFor(a.Category)
			if !ok {
				continue
			}
			entry := at().Field("pre_approvals").Index(k)
			if personal {
				if !idx.declared(a.Category) {
					pass.Report(entry.Field("category"), CodeContentPersonalNotAllowed, categoryArg(a.Category))
				}
				continue
			}
			if idx.approval(a.Category) != k {
				continue // a later entry for a category already given
			}
			if blank(a.Number) {
				reportMissingApproval(pass, entry.Field("number"), rule, Text{"未填写审批号", "the approval number is missing"})
			}
			if !a.Document {
				reportMissingApproval(pass, entry.Field("document"), rule, Text{"未上传审批文件", "the approval document is not uploaded"})
			}
		}
		if !blank(w.Name) {
			checkPreApprovalHints(pass, i, w, idx)
		}
	}
	return nil
}

// reportMissingApproval reports a missing approval, as a warning for the
// approvals cancelled nationally.
func reportMissingApproval(pass *Pass, at beian.Path, rule preApprovalRule, problem Text) {
	sev := Error
	if rule.cancelled {
		sev = Warning
		problem.ZH += "（该审批已在全国取消，但部分管局仍要求）"
		problem.EN += " (cancelled nationally, but some provinces still ask for it)"
	}
	pass.ReportAt(at, CodeContentPreApprovalRequired, sev, categoryArg(rule.category),
		Arg{"problem", problem}, Arg{"authority", rule.authority})
}

// approvals answers, for one website, which categories it declares and
// where its first pre-approval of a category is. Short lists are
// searched; longer ones are indexed once, so that checking every
// category and approval stays linear in the lists' lengths.
type approvals struct {
	w        *beian.Website
	first    map[beian.ContentCategory]int  // nil for short lists
	declares map[beian.ContentCategory]bool // likewise
}

// indexFrom is the length from which a list is indexed.
const indexFrom = 8

func indexApprovals(w *beian.Website) approvals {
	a := approvals{w: w}
	if len(w.PreApprovals) >= indexFrom {
		a.first = make(map[beian.ContentCategory]int)
		for k := range w.PreApprovals {
			if _, ok := a.first[w.PreApprovals[k].Category]; !ok {
				a.first[w.PreApprovals[k].Category] = k
			}
		}
	}
	if len(w.ContentCategories) >= indexFrom {
		a.declares = make(map[beian.ContentCategory]bool)
		for _, c := range w.ContentCategories {
			a.declares[c] = true
		}
	}
	return a
}

// approval returns the index of the first pre_approvals entry for c, -1
// when there is none.
func (a approvals) approval(c beian.ContentCategory) int {
	if a.first != nil {
		if k, ok := a.first[c]; ok {
			return k
		}
		return -1
	}
	for k := range a.w.PreApprovals {
		if a.w.PreApprovals[k].Category == c {
			return k
		}
	}
	return -1
}

// declared reports whether the website declares c.
func (a approvals) declared(c beian.ContentCategory) bool {
	if a.declares != nil {
		return a.declares[c]
	}
	return declared(a.w.ContentCategories, c)
}

func declared(cs []beian.ContentCategory, c beian.ContentCategory) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// checkPreApprovalHints warns, once per category, when the website's name
// holds a word of a pre-approval industry the website neither declares
// nor holds an approval for.
func checkPreApprovalHints(pass *Pass, i int, w *beian.Website, idx approvals) {
	hints := preApprovalHintDictionary()
	name := names.Normalize(boundedName(w.Name))
	var warned []beian.ContentCategory
	for _, m := range hints.FindAll(name) {
		c := beian.ContentCategory(m.Category)
		if idx.declared(c) || idx.approval(c) >= 0 || declared(warned, c) {
			continue
		}
		warned = append(warned, c)
		pass.Report(beian.Path("websites").Index(i).Field("name"), CodeContentPreApprovalHint, Str("word", m.Word), categoryArg(c))
	}
}
