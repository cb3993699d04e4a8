package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// guangxiPledge is the pledge as UCloud's Guangxi page gives it
// (ucloud-guangxi), copied here from the page.
const guangxiPledge = "本网站是个人网站，不含有企业、单位等非个人网站的信息，若在核实中发现网站中含有企业、单位等信息，本人愿接受以虚假信息进行备案，注销网站，并将主体和域名加入黑名单的处罚。"

// TestPledge: every province × personal or unit × each remark × where it
// is. A personal filing in Guangxi (error) or Tianjin (an old source
// only: warning) whose remarks hold none of the pledge is reported at
// subject.remark with the pledge as the certain fix; a remark with part
// of it is a warning without a fix; the whole pledge, however spaced and
// punctuated, in the subject's remark or any website's or App's, is
// enough. Units and other provinces: nothing.
func TestPledge(t *testing.T) {
	remarks := []struct {
		name, text string
		held       int // 0 none, 1 part, 2 all
	}{
		{"none", "", 0},
		{"content", "记录个人读书笔记和旅行见闻", 0},
		{"pledge", guangxiPledge, 2},
		{"pledge after content", "记录个人读书笔记。" + guangxiPledge, 2},
		{"pledge with ASCII punctuation", strings.NewReplacer("，", ",", "、", "/", "。", ".").Replace(guangxiPledge), 2},
		{"pledge spaced over lines", strings.NewReplacer("，", "， \n", "。", "。 ").Replace(guangxiPledge), 2},
		{"first sentence only", "本网站是个人网站，不含有企业、单位等非个人网站的信息。", 1},
		{"pledge cut short", guangxiPledge[:len(guangxiPledge)-len("并将主体和域名加入黑名单的处罚。")], 1},
	}
	wheres := []string{"subject", "website", "second website", "app"}
	for _, p := range provinces.All() {
		for _, nature := range []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise} {
			for _, rm := range remarks {
				for _, where := range wheres {
					t.Run(p.Code+"/"+string(nature)+"/"+rm.name+"/"+where, func(t *testing.T) {
						f := cleanFiling()
						f.Province = p.Code
						f.Subject.Nature = nature
						f.Websites = append(f.Websites, beian.Website{Name: "示例读书笔记", Domains: []string{"shilishu.cn"}, PrincipalSameAsSubject: true})
						f.Apps = []beian.App{{Type: beian.AppNative, Name: "示例记账", PrincipalSameAsSubject: true}}
						switch where {
						case "subject":
							f.Subject.Remark = rm.text
						case "website":
							f.Websites[0].Remark = rm.text
						case "second website":
							f.Websites[1].Remark = rm.text
						case "app":
							f.Apps[0].Remark = rm.text
						}
						rs := run(t, rules.Pledge, f)
						asked := nature == beian.NaturePersonal && (p.Code == "45" || p.Code == "12")
						if !asked || rm.held == 2 {
							assert.Empty(t, foundIn(rs))
							return
						}
						require.Equal(t, []found{{"subject.remark", rules.CodePersonalPledgeMissing}}, foundIn(rs))
						r := rs[0]
						wantSev := rules.Error
						if p.Code == "12" || rm.held == 1 {
							wantSev = rules.Warning
						}
						assert.Equal(t, wantSev, r.Severity)
						if rm.held == 1 && where == "subject" {
							assert.Empty(t, r.Fixes, "adding the pledge to a remark with part of it repeats it")
							return
						}
						require.Len(t, r.Fixes, 1)
						assert.Equal(t, beian.Path("subject.remark"), r.Fixes[0].Field)
						want := guangxiPledge
						if where == "subject" && rm.text != "" {
							want = rm.text + "\n" + guangxiPledge
						}
						assert.Equal(t, want, r.Fixes[0].Value)
						// The fix removes the rejection.
						f.Subject.Remark = r.Fixes[0].Value
						assert.Empty(t, run(t, rules.Pledge, f))
					})
				}
			}
		}
	}
}
