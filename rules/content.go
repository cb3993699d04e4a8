package rules

import (
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// Content checks that declared content is approved and suits the subject.
//
// Content of news, publishing (games included), drugs and medical devices,
// culture, radio, film and TV, finance, online car hailing and religion
// (互联网宗教信息服务: aliyun-filing-overview, ucloud-pre-approval) needs a
// pre-approval: a pre_approvals entry for the category with its number and
// its document uploaded (CONTENT_PRE_APPROVAL_REQUIRED). Education,
// healthcare and bulletin boards were cancelled nationally but are still
// asked for by some provinces (and education covers off-campus tutoring,
// which needs one since 2021): for them the rejection is a warning. An
// approval entry given without a declared category is checked the same way.
//
// A personal filing may declare none of these categories
// (CONTENT_PERSONAL_NOT_ALLOWED); it then gets that error rather than a call
// for an approval it cannot hold.
//
// Apps, mini-programs and quick apps are held to the same (huawei-app-filing:
// doc_0108; huawei-reject-reasons: content needing pre-approval without
// one is a common rejection of App filings).
//
// A name holding a word of a pre-approval industry (新闻, 游戏, 药, 影视,
// 金融, 理财, 网约车, 医院, 教育, 论坛 …, see data/preapproval_hints.txt)
// whose category the entry neither declares nor holds an approval for
// gets the warning CONTENT_PRE_APPROVAL_HINT, once per category: a
// website's name, and an App's, mini-program's or quick app's, at
// apps[i].name. Declare the content, or, when there is none, rename it
// or add the 不涉及 letter provinces accept.
// A website's or App's remark that says it holds such content (本网站提供
// 理财资讯) gets the same warning at its remark, unless its name was warned
// of the category or a clause denies it (不涉及新闻、金融等前置审批内容):
// content_remark.go.
// A unit's registered name holding such a word (深圳市示例基金管理有限公司)
// gets the same warning at subject.name, unless a website or App of the
// filing declares or holds the category: the providers check the finance
// words against the unit's name too.
var Content = &Rule{
	Name:  "content",
	Doc:   docContent,
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
// (tencent-pre-approval, ucloud-pre-approval, aliyun-filing-overview (宗教
// among them since its 2026 edition);
// 国务院令292 Art. 5, miit-order-33 Art. 11).
var preApprovalRules = [...]preApprovalRule{
	{beian.ContentNews, Text{"网信部门（互联网新闻信息服务许可证）", "the Cyberspace Administration (Internet news information service licence)"}, false},
	{beian.ContentPublishing, Text{"新闻出版部门（网络出版服务许可证；游戏另需版号）", "the press and publication authority (online publishing licence; games also need their licence number)"}, false},
	{beian.ContentDrugsMedicalDevices, Text{"药品监督管理部门（互联网药品信息服务资格证书）", "the drug administration (Internet drug information service certificate)"}, false},
	{beian.ContentCulture, Text{"文化和旅游部门（网络文化经营许可证）", "the culture and tourism authority (online culture business licence)"}, false},
	{beian.ContentRadioFilmTV, Text{"广播电视部门（信息网络传播视听节目许可证）", "the radio and television authority (online audio-visual programme licence)"}, false},
	{beian.ContentFinance, Text{"金融监管部门（人民银行、金融办、金融监管总局或证监会的批准文件）", "the financial regulator (the approval of the central bank, the local financial office, the financial or securities regulator)"}, false},
	{beian.ContentOnlineCarHailing, Text{"交通运输部门（网络预约出租汽车经营许可证）", "the transport authority (online car-hailing business licence)"}, false},
	{beian.ContentReligion, Text{"民族宗教事务部门（互联网宗教信息服务许可证）", "the ethnic and religious affairs authority (Internet religious information service licence)"}, false},
	{beian.ContentEducation, Text{"教育部门（校外培训需民办学校办学许可证）", "the education authority (off-campus tutoring needs a private school licence)"}, true},
	{beian.ContentHealthcare, Text{"卫生健康部门", "the health authority"}, true},
	{beian.ContentBulletinBoard, Text{"通信管理局（电子公告服务专项审批）", "the Communications Administration (bulletin board service approval)"}, true},
}

// ruleIndex returns the index of c's rule in preApprovalRules, -1 when c
// needs no pre-approval.
func ruleIndex(c beian.ContentCategory) int {
	for i := range preApprovalRules {
		if preApprovalRules[i].category == c {
			return i
		}
	}
	return -1
}

// contentIndex is what one website declares and holds, indexed by the
// rules of preApprovalRules, so that checking a website is linear in its
// lists however long they are.
type contentIndex struct {
	declared uint32                     // bit i: the category of rule i is declared
	first    [len(preApprovalRules)]int // first pre_approvals entry of rule i's category, -1 when none
}

func indexContent(categories []beian.ContentCategory, approvals []beian.PreApproval) contentIndex {
	var x contentIndex
	for i := range x.first {
		x.first[i] = -1
	}
	for _, c := range categories {
		if r := ruleIndex(c); r >= 0 {
			x.declared |= 1 << r
		}
	}
	for k := range approvals {
		if r := ruleIndex(approvals[k].Category); r >= 0 && x.first[r] < 0 {
			x.first[r] = k
		}
	}
	return x
}

// approved reports whether the website holds an entry for rule r's
// category.
func (x *contentIndex) approved(r int) bool { return x.first[r] >= 0 }

func categoryArg(c beian.ContentCategory) Arg {
	return Loc("category", c.Label(language.Chinese), c.Label(language.English))
}

func runContent(pass *Pass) error {
	f := pass.Filing
	for i := range f.Websites {
		w := &f.Websites[i]
		x := checkContent(pass, func() beian.Path { return beian.Path("websites").Index(i) }, w.ContentCategories, w.PreApprovals)
		if !blank(w.Name) {
			x.declared = checkNameHints(pass, func() beian.Path { return websiteNamePath(i) }, pass.SiteNamePrepared(i), &x)
		}
		if !blank(w.Remark) {
			checkRemarkHints(pass, func() beian.Path { return beian.Path("websites").Index(i).Field("remark") }, w.Remark, &x)
		}
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		x := checkContent(pass, func() beian.Path { return beian.Path("apps").Index(i) }, a.ContentCategories, a.PreApprovals)
		if !blank(a.Name) {
			prepared := names.PrepareNormal(boundedName(a.Name))
			x.declared = checkNameHints(pass, func() beian.Path { return beian.Path("apps").Index(i).Field("name") }, &prepared, &x)
		}
		if !blank(a.Remark) {
			checkRemarkHints(pass, func() beian.Path { return beian.Path("apps").Index(i).Field("remark") }, a.Remark, &x)
		}
	}
	checkSubjectPreApprovalHints(pass) // content_subject.go
	return nil
}

// checkContent checks the declared content and pre-approvals of one
// website or App, at gives its path.
func checkContent(pass *Pass, at func() beian.Path, categories []beian.ContentCategory, approvals []beian.PreApproval) contentIndex {
	personal := pass.Filing.Subject.Nature == beian.NaturePersonal
	x := indexContent(categories, approvals)
	// Each category is reported once, at its first place: a list
	// repeating it adds nothing.
	var seen uint32
	for j, c := range categories {
		r := ruleIndex(c)
		if r < 0 || seen&(1<<r) != 0 {
			continue
		}
		seen |= 1 << r
		switch {
		case personal:
			pass.Report(at().Field("content_categories").Index(j), CodeContentPersonalNotAllowed, categoryArg(c))
		case !x.approved(r):
			reportMissingApproval(pass, at().Field("content_categories").Index(j), preApprovalRules[r],
				Text{"未提供前置审批（审批号和审批文件）", "no pre-approval (number and document) is given"})
		}
	}
	for k := range approvals {
		a := &approvals[k]
		r := ruleIndex(a.Category)
		if r < 0 || x.first[r] != k {
			continue // needs none, or a later entry for a category already given
		}
		entry := at().Field("pre_approvals").Index(k)
		if personal {
			if x.declared&(1<<r) == 0 {
				pass.Report(entry.Field("category"), CodeContentPersonalNotAllowed, categoryArg(a.Category))
			}
			continue
		}
		if blank(a.Number) {
			reportMissingApproval(pass, entry.Field("number"), preApprovalRules[r], Text{"未填写审批号", "the approval number is missing"})
		}
		if !a.Document {
			reportMissingApproval(pass, entry.Field("document"), preApprovalRules[r], Text{"未上传审批文件", "the approval document is not uploaded"})
		}
	}
	return x
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

// checkNameHints warns, once per category, when the name of a website,
// App, mini-program or quick app (prepared; at gives its path) holds a
// word of a pre-approval industry its entry neither declares nor holds
// an approval for. It returns the categories declared or warned of.
func checkNameHints(pass *Pass, at func() beian.Path, prepared *names.Prepared, x *contentIndex) uint32 {
	if !mayHoldHint(prepared.Text()) {
		return x.declared // the usual name: no hint word can be found in it
	}
	hints := preApprovalHintDictionary()
	warned := x.declared
	for _, m := range pass.nameMemo().FindAll(hints, prepared) {
		c := beian.ContentCategory(m.Category)
		r := ruleIndex(c)
		if r < 0 {
			continue // a hint list category needing no approval (tested not to happen)
		}
		if warned&(1<<r) != 0 || x.approved(r) {
			continue
		}
		warned |= 1 << r
		pass.Report(at(), CodeContentPreApprovalHint, Str("word", m.Word), categoryArg(c))
	}
	return warned
}
