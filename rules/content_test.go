package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

func TestContentCleanFiling(t *testing.T) {
	assert.Empty(t, run(t, rules.Content, cleanFiling()))
}

// TestContentPreApproval checks the pre-approval categories
// (tencent-pre-approval, ucloud-pre-approval): each
// needs an approval entry with its number and document.
func TestContentPreApproval(t *testing.T) {
	approved := func(c beian.ContentCategory) []beian.PreApproval {
		return []beian.PreApproval{{Category: c, Number: "审批号2026-001", Document: true}}
	}
	tests := []struct {
		name       string
		categories []beian.ContentCategory
		approvals  []beian.PreApproval
		want       []found
		sev        rules.Severity
	}{
		{"news without approval", []beian.ContentCategory{beian.ContentNews}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"news approved", []beian.ContentCategory{beian.ContentNews}, approved(beian.ContentNews), nil, 0},
		{"publishing (games)", []beian.ContentCategory{beian.ContentPublishing}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"drugs and medical devices", []beian.ContentCategory{beian.ContentDrugsMedicalDevices}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"culture", []beian.ContentCategory{beian.ContentCulture}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"radio, film and TV", []beian.ContentCategory{beian.ContentRadioFilmTV}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"finance", []beian.ContentCategory{beian.ContentFinance}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"online car hailing", []beian.ContentCategory{beian.ContentOnlineCarHailing}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"religion (互联网宗教信息服务)", []beian.ContentCategory{beian.ContentReligion}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"religion approved", []beian.ContentCategory{beian.ContentReligion}, approved(beian.ContentReligion), nil, 0},
		{"education, cancelled nationally", []beian.ContentCategory{beian.ContentEducation}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Warning},
		{"healthcare, cancelled nationally", []beian.ContentCategory{beian.ContentHealthcare}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Warning},
		{"bulletin board, cancelled nationally", []beian.ContentCategory{beian.ContentBulletinBoard}, nil,
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Warning},
		{"other content needs nothing", []beian.ContentCategory{beian.ContentOther}, nil, nil, 0},
		{"approval number missing", []beian.ContentCategory{beian.ContentNews},
			[]beian.PreApproval{{Category: beian.ContentNews, Document: true}},
			[]found{{"websites[0].pre_approvals[0].number", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"approval document missing", []beian.ContentCategory{beian.ContentNews},
			[]beian.PreApproval{{Category: beian.ContentNews, Number: "审批号2026-001"}},
			[]found{{"websites[0].pre_approvals[0].document", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"approval for another category", []beian.ContentCategory{beian.ContentNews}, approved(beian.ContentCulture),
			[]found{{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, rules.Error},
		{"approval given without declaring the category", nil,
			[]beian.PreApproval{{Category: beian.ContentFinance, Document: true}},
			[]found{{"websites[0].pre_approvals[0].number", rules.CodeContentPreApprovalRequired}}, rules.Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			f.Websites[0].ContentCategories = tt.categories
			f.Websites[0].PreApprovals = tt.approvals
			rs := run(t, rules.Content, f)
			assert.Equal(t, tt.want, nilIfEmpty(foundIn(rs)))
			for _, r := range rs {
				assert.Equal(t, tt.sev, r.Severity, r.Message(language.English))
			}
		})
	}
}

func TestContentPreApprovalMessage(t *testing.T) {
	f := cleanFiling()
	f.Websites[0].ContentCategories = []beian.ContentCategory{beian.ContentNews}
	rs := run(t, rules.Content, f)
	require.Len(t, rs, 1)
	assert.Equal(t, found{"websites[0].content_categories[0]", rules.CodeContentPreApprovalRequired}, found{rs[0].Field, rs[0].Code})
	category, _ := arg(rs[0], "category")
	assert.Equal(t, rules.Text{ZH: "新闻", EN: "news"}, category)
	// The authority and its licence, for the news category.
	authority, _ := arg(rs[0], "authority")
	assert.Contains(t, authority.ZH, "互联网新闻信息服务许可证")
}

// TestContentPersonal checks that a personal filing may declare no
// pre-approval content (tencent-site-info): it gets that error, not a call
// for an approval.
func TestContentPersonal(t *testing.T) {
	f := personalSiteFiling("44", "张三的生活记录")
	f.Websites[0].ContentCategories = []beian.ContentCategory{beian.ContentOther, beian.ContentNews, beian.ContentBulletinBoard}
	f.Websites[0].PreApprovals = []beian.PreApproval{{Category: beian.ContentNews, Number: "x", Document: true}, {Category: beian.ContentFinance}}
	assert.Equal(t, []found{
		{"websites[0].content_categories[1]", rules.CodeContentPersonalNotAllowed},
		{"websites[0].content_categories[2]", rules.CodeContentPersonalNotAllowed},
		{"websites[0].pre_approvals[1].category", rules.CodeContentPersonalNotAllowed},
	}, foundIn(run(t, rules.Content, f)))
}

// TestContentHints checks the warning for names that suggest a
// pre-approval industry (ucloud-site-naming, tencent-pre-approval).
func TestContentHints(t *testing.T) {
	tests := []struct {
		name, site string
		declared   beian.ContentCategory
		category   beian.ContentCategory // "" when no hint
	}{
		{"新闻", "示例新闻网", "", beian.ContentNews},
		{"医院", "示例医院官网", "", beian.ContentHealthcare},
		{"药", "示例大药房", "", beian.ContentDrugsMedicalDevices},
		{"教育", "示例教育科技", "", beian.ContentEducation},
		{"影视", "示例影视官网", "", beian.ContentRadioFilmTV},
		{"游戏", "示例游戏中心", "", beian.ContentPublishing},
		{"直播", "示例直播平台", "", beian.ContentCulture},
		{"finance keyword 理财", "示例理财官网", "", beian.ContentFinance},
		{"finance keyword P2P in capitals", "示例P2P官网", "", beian.ContentFinance},
		{"网约车", "示例网约车平台", "", beian.ContentOnlineCarHailing},
		{"论坛", "示例论坛", "", beian.ContentBulletinBoard},
		{"佛教", "示例佛教文化网", "", beian.ContentReligion},
		{"宗教", "示例宗教资讯", "", beian.ContentReligion},
		{"traditional characters", "示例新聞網", "", beian.ContentNews},
		{"declared", "示例新闻网", beian.ContentNews, ""},
		{"芍药 is a flower", "示例芍药花园", "", ""},
		{"a foundation is no fund", "示例公益基金会", "", ""},
		{"no industry word", "示例科技官网", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := named(tt.site)
			if tt.declared != "" {
				f.Websites[0].ContentCategories = []beian.ContentCategory{tt.declared}
				f.Websites[0].PreApprovals = []beian.PreApproval{{Category: tt.declared, Number: "x", Document: true}}
			}
			rs := run(t, rules.Content, f)
			if tt.category == "" {
				assert.Empty(t, rs)
				return
			}
			require.Len(t, rs, 1, "%v", foundIn(rs))
			assert.Equal(t, found{siteName, rules.CodeContentPreApprovalHint}, found{rs[0].Field, rs[0].Code})
			assert.Equal(t, rules.Warning, rs[0].Severity)
			category, _ := arg(rs[0], "category")
			assert.Equal(t, rules.Text{ZH: tt.category.Label(language.Chinese), EN: tt.category.Label(language.English)}, category)
		})
	}
}

func TestContentHintOncePerCategory(t *testing.T) {
	rs := run(t, rules.Content, named("示例影视视频电影网"))
	assert.Len(t, rs, 1)
}

func nilIfEmpty(f []found) []found {
	if len(f) == 0 {
		return nil
	}
	return f
}

// TestContentLongLists: many categories × many pre-approvals are checked
// in time linear in the lists (the approvals are indexed), with the same
// answers as short lists give.
func TestContentLongLists(t *testing.T) {
	for _, n := range []int{10, 1000, 100000} {
		f := cleanFiling()
		w := &f.Websites[0]
		w.ContentCategories = nil
		w.PreApprovals = nil
		for range n {
			w.ContentCategories = append(w.ContentCategories, beian.ContentNews)
			w.PreApprovals = append(w.PreApprovals, beian.PreApproval{Category: beian.ContentNews, Number: "审批号2026-001", Document: true})
		}
		// A category declared last without its approval is still found.
		w.ContentCategories = append(w.ContentCategories, beian.ContentFinance)
		got := foundIn(run(t, rules.Content, f))
		want := []found{{beian.Path("websites[0].content_categories").Index(n), rules.CodeContentPreApprovalRequired}}
		assert.Equal(t, want, got, "n=%d", n)
	}
}
