package rules

import (
	"strings"

	"github.com/icpcheck/beian"
)

// checkRemarkHints warns, once per category, when the remark of a website
// or App (at gives its path), the filing's statement of what the site
// holds, names a pre-approval industry (本网站提供理财资讯, 分享网络游戏经验)
// its entry neither declares, holds an approval for, nor was warned of by
// its name: the providers check the finance words against the site's
// content as well as its name (ucloud-pre-approval, tencent-pre-approval:
// 单位名称、经营范围、网站名称、网站内容). A clause that denies the content
// (本网站不涉及新闻、金融等前置审批内容, 无网络游戏) is not read: remarks
// often list the industries a site stays out of.
func checkRemarkHints(pass *Pass, at func() beian.Path, remark string, x *contentIndex) {
	// The whole remark the filing system takes (a name's bound would
	// leave a long remark's later clauses unread), and the margin the
	// names have: the text rule reports the excess.
	remark = boundedRunes(remark, specRemark.limit+nameMargin)
	if !mayHoldHint(remark) {
		return // the usual remark: no hint word can be found in it
	}
	hints := preApprovalHintDictionary()
	warned := x.declared
	for clause := range strings.FieldsFuncSeq(remark, clauseBreak) {
		if denies(clause) || !mayHoldHint(clause) {
			continue
		}
		for _, m := range hints.FindAll(clause) {
			c := beian.ContentCategory(m.Category)
			r := ruleIndex(c)
			if r < 0 || warned&(1<<r) != 0 || x.approved(r) {
				continue
			}
			warned |= 1 << r
			pass.Report(at(), CodeContentPreApprovalHint, Str("word", m.Word), categoryArg(c))
		}
	}
}

// clauseBreak reports whether r ends a clause of a remark: a denial
// (不涉及…) reaches to the end of its clause, over a list's 、 and 和.
func clauseBreak(r rune) bool {
	switch r {
	case '，', '。', '；', '！', '？', ',', '.', ';', '!', '?', '\n', '\r', '：', ':':
		return true
	}
	return false
}

// denials are the words by which a remark's clause says a site does not
// hold some content.
var denials = []string{"不涉及", "未涉及", "无涉及", "不包含", "不包括", "不含", "不提供", "不从事", "不开展", "不经营", "不销售", "不发布", "不存在", "没有", "并无", "无任何", "无关", "非"}

// denies reports whether a clause holds a denial.
func denies(clause string) bool {
	for _, d := range denials {
		if strings.Contains(clause, d) {
			return true
		}
	}
	return false
}
