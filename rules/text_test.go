package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

var langEN = language.English

func TestTextClean(t *testing.T) {
	assert.Empty(t, run(t, rules.TextFields, cleanFiling()))
}

func TestText(t *testing.T) {
	tests := []struct {
		name    string
		change  func(f *beian.Filing)
		field   beian.Path
		problem string // in the English message
	}{
		{"zero-width space in the site name", func(f *beian.Filing) { f.Websites[0].Name = "示例\u200b科技官网" },
			"websites[0].name", "invisible character U+200B"},
		{"byte-order mark", func(f *beian.Filing) { f.Subject.Name = "\ufeff深圳市示例科技有限公司" },
			"subject.name", "U+FEFF"},
		{"direction override", func(f *beian.Filing) { f.Subject.Principal.Name = "张\u202e三" },
			"subject.principal.name", "U+202E"},
		{"soft hyphen", func(f *beian.Filing) { f.Domains[0].HolderName = "深圳\u00ad市示例科技有限公司" },
			"domains[0].holder_name", "U+00AD"},
		{"hangul filler", func(f *beian.Filing) { f.Websites[0].Name = "示例\u3164科技" },
			"websites[0].name", "U+3164"},
		{"variation selector", func(f *beian.Filing) { f.Websites[0].Name = "示例科\ufe0f技" },
			"websites[0].name", "U+FE0F"},
		{"bell", func(f *beian.Filing) { f.Subject.CertAddress = "广东省\a深圳市" },
			"subject.cert_address", "control character U+0007"},
		{"newline in a name", func(f *beian.Filing) { f.Websites[0].Name = "示例\n科技" },
			"websites[0].name", "control character U+000A"},
		{"C1 control", func(f *beian.Filing) { f.Websites[0].Remark = "备注\u0085" },
			"websites[0].remark", "U+0085"},
		{"private use", func(f *beian.Filing) { f.Websites[0].Name = "示例\ue000科技" },
			"websites[0].name", "U+E000"},
		{"invalid UTF-8", func(f *beian.Filing) { f.Subject.Principal.Email = "a\xffb@c.cn" },
			"subject.principal.email", "not valid UTF-8"},
		{"domain in a website", func(f *beian.Filing) { f.Websites[0].Domains[0] = "shili\u200bkeji.cn" },
			"websites[0].domains[0]", "U+200B"},
		{"pre-approval number", func(f *beian.Filing) {
			f.Websites[0].PreApprovals = []beian.PreApproval{{Category: beian.ContentNews, Number: "1\x002"}}
		}, "websites[0].pre_approvals[0].number", "U+0000"},
		{"website principal", func(f *beian.Filing) {
			f.Websites[0].PrincipalSameAsSubject = false
			f.Websites[0].Principal = &beian.Principal{Name: "李\u200d四"}
		}, "websites[0].principal.name", "U+200D"},
		{"document path", func(f *beian.Filing) { f.Documents = []beian.Document{{Kind: beian.DocPhoto, Path: "a\tb.jpg"}} },
			"documents[0].path", "U+0009"},
		{"too long", func(f *beian.Filing) { f.Websites[0].Name = strings.Repeat("示", 101) },
			"websites[0].name", "longer than 100 characters"},
		{"remark too long", func(f *beian.Filing) { f.Websites[0].Remark = strings.Repeat("a", 1001) },
			"websites[0].remark", "longer than 1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			tt.change(f)
			rs := run(t, rules.TextFields, f)
			require.Len(t, rs, 1)
			assert.Equal(t, tt.field, rs[0].Field)
			assert.Equal(t, rules.CodeTextInvalid, rs[0].Code)
			assert.Contains(t, rs[0].Message(langEN), tt.problem)
		})
	}
}

func TestTextAllowsWhatPeopleType(t *testing.T) {
	f := cleanFiling()
	f.Websites[0].Remark = "第一行\r\n第二行\t缩进"
	f.Websites[0].Name = "示例 科技　官网 ©" // spaces and symbols are the site-name rule's business
	f.Subject.Name = "深圳市示例科技有限公司（南山分公司）"
	f.Subject.Principal.Name = "Zoë 𠀀"
	f.Subject.CertAddress = strings.Repeat("路", 200)
	assert.Empty(t, run(t, rules.TextFields, f))
}

func TestCleanText(t *testing.T) {
	f := cleanFiling()
	assert.Same(t, f, rules.CleanText(f), "a clean filing is not copied")

	f.Websites[0].Name = "示例\u200b科\u200c技官网\xff"
	f.Subject.Principal.Name = "张\a三"
	f.Websites[0].Remark = "a\nb\x00"
	c := rules.CleanText(f)
	require.NotSame(t, f, c)
	assert.Equal(t, "示例科技官网", c.Websites[0].Name)
	assert.Equal(t, "张三", c.Subject.Principal.Name)
	assert.Equal(t, "a\nb", c.Websites[0].Remark)
	assert.Equal(t, "示例\u200b科\u200c技官网\xff", f.Websites[0].Name, "the original is not modified")
	assert.Same(t, c, rules.CleanText(c), "cleaning is idempotent")
}

func TestCleanTextAllocatesNothingWhenClean(t *testing.T) {
	f := cleanFiling()
	allocs := testing.AllocsPerRun(100, func() { rules.CleanText(f) })
	assert.Zero(t, allocs)
}

func FuzzCleanText(f *testing.F) {
	f.Add("示例\u200b科技", "a\nb")
	f.Add("\xff\xfe", "\x00")
	f.Add("ok", "")
	f.Fuzz(func(t *testing.T, name, remark string) {
		fl := cleanFiling()
		fl.Websites[0].Name = name
		fl.Websites[0].Remark = remark
		c := rules.CleanText(fl)
		if fl.Websites[0].Name != name || fl.Websites[0].Remark != remark {
			t.Fatal("CleanText modified its argument")
		}
		if rules.CleanText(c) != c {
			t.Fatalf("cleaning %q, %q is not idempotent", c.Websites[0].Name, c.Websites[0].Remark)
		}
		// What is left is exactly what the text rule accepts (length aside).
		pass := newPassFor(c)
		if err := rules.TextFields.Run(pass); err != nil {
			t.Fatal(err)
		}
		for _, r := range pass.Rejections() {
			if !strings.Contains(r.Message(langEN), "longer than") {
				t.Fatalf("cleaned text still rejected: %v", r)
			}
		}
	})
}
