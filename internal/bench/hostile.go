package bench

import (
	"strings"

	"github.com/icpcheck/beian"
)

// A Shape is one kind of hostile filing: Build(n) returns a filing whose
// hostile part is about n bytes or n items, built from the typical
// filing given.
type Shape struct {
	// Name names the shape in tests and benchmarks.
	Name string
	// Items tells whether n counts list items rather than bytes.
	Items bool
	// Build returns a copy of typical made hostile at size n.
	Build func(typical *beian.Filing, n int) *beian.Filing
	// Codes are codes the validation must report at every size.
	Codes []string
}

// repeat returns s repeated to about n bytes.
func repeat(s string, n int) string { return strings.Repeat(s, max(1, n/len(s))) }

// Shapes are the hostile inputs of issue 8, each answered with a code in
// time and memory linear in its size.
var Shapes = []Shape{
	{Name: "site name repeating a sensitive word", Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		c.Websites[0].Name = repeat("赌博", n)
		return c
	}, Codes: []string{"TEXT_INVALID", "SITE_NAME_SENSITIVE"}},
	{Name: "long subject name and site name", Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		c.Subject.Name = repeat("示例科技", n)
		c.Websites[0].Name = repeat("科技示例", n)
		return c
	}, Codes: []string{"TEXT_INVALID"}},
	{Name: "combining marks in a site name", Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		c.Websites[0].Name = "示例科技" + repeat("\u0301", n)
		return c
	}, Codes: []string{"TEXT_INVALID"}},
	{Name: "U+FDFA in a site name", Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		c.Websites[0].Name = repeat("\uFDFA", n)
		return c
	}, Codes: []string{"TEXT_INVALID"}},
	{Name: "invisible characters in a remark", Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		c.Websites[0].Remark = repeat("示\u200b", n)
		return c
	}, Codes: []string{"TEXT_INVALID"}},
	{Name: "content categories and pre-approvals", Items: true, Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		w := &c.Websites[0]
		all := beian.ContentCategories()
		for i := range n {
			w.ContentCategories = append(w.ContentCategories, all[i%len(all)])
			w.PreApprovals = append(w.PreApprovals, beian.PreApproval{Category: beian.ContentNews})
		}
		return c
	}, Codes: []string{"CONTENT_PRE_APPROVAL_REQUIRED"}},
	{Name: "websites", Items: true, Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		w := c.Websites[0]
		c.Websites = make([]beian.Website, n)
		for i := range c.Websites {
			c.Websites[i] = w
		}
		c.Websites[n-1].Name = "赌博网站"
		return c
	}, Codes: []string{"SITE_NAME_SENSITIVE"}},
	{Name: "domains of a website", Items: true, Build: func(f *beian.Filing, n int) *beian.Filing {
		c := f.Clone()
		c.Websites[0].Domains = make([]string, n)
		for i := range n {
			c.Websites[0].Domains[i] = "shilikeji.cn"
		}
		c.Domains = make([]beian.DomainRecord, n)
		for i := range n {
			c.Domains[i] = f.Domains[0]
		}
		c.Websites[0].Name = "赌博网站"
		return c
	}, Codes: []string{"SITE_NAME_SENSITIVE"}},
}
