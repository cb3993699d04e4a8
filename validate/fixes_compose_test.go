package validate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// TestFixesCompose (outsider18's F1): a field typed with an invisible
// character and another problem a fix corrects gets fixes that compose:
// every fix of the report applied, in the report's order, leaves none of
// the rejections that had a fix, and adds no error. Every typing the fixes
// cover × four invisible characters × two positions × every province ×
// both natures.
func TestFixesCompose(t *testing.T) {
	v := validate.New()
	typings := []struct {
		name string
		edit func(f *beian.Filing) *string
		fn   func(string) string
	}{
		{"spaced mobile", func(f *beian.Filing) *string { return &f.Subject.Principal.Mobile }, func(s string) string { return s[:3] + " " + s[3:7] + " " + s[7:] }},
		{"spaced office phone", func(f *beian.Filing) *string { return &f.Subject.Principal.Phone }, func(s string) string { return strings.Replace(s, "-", " ", 1) }},
		{"lower-case certificate", func(f *beian.Filing) *string { return &f.Subject.CertNumber }, strings.ToLower},
		{"e-mail with a full-width @", func(f *beian.Filing) *string { return &f.Subject.Principal.Email }, func(s string) string { return strings.Replace(s, "@", "＠", 1) }},
		{"e-mail with a display name", func(f *beian.Filing) *string { return &f.Subject.Principal.Email }, func(s string) string { return "张三 <" + s + ">" }},
		{"www. domain", func(f *beian.Filing) *string { return &f.Websites[0].Domains[0] }, func(s string) string { return "www." + s }},
		{"URL domain", func(f *beian.Filing) *string { return &f.Websites[0].Domains[0] }, func(s string) string { return "https://www." + s + "/" }},
		{"★ in the site name", func(f *beian.Filing) *string { return &f.Websites[0].Name }, func(s string) string { return insertMid(s, "★") }},
		{"❤️ in the site name", func(f *beian.Filing) *string { return &f.Websites[0].Name }, func(s string) string { return insertMid(s, "❤\ufe0f") }},
	}
	invisible := []string{"\u200b", "\ufeff", "\u00ad", "\u2060"}
	ctx := context.Background()
	composed := 0
	for _, ty := range typings {
		for _, inv := range invisible {
			for _, atEnd := range []bool{false, true} {
				for _, p := range provinces.All() {
					for _, nature := range []beian.Nature{beian.NatureEnterprise, beian.NaturePersonal} {
						f, err := validatetest.BuildFiling(p.Code, nature, validatetest.Edit(func(f *beian.Filing) {
							s := ty.edit(f)
							*s = ty.fn(*s)
							if atEnd {
								*s += inv
							} else {
								*s = insertMid(*s, inv)
							}
						}))
						require.NoError(t, err)
						name := fmt.Sprintf("%s %+q end=%v %s %s", ty.name, inv, atEnd, p.Short, nature)
						rep := v.Validate(ctx, f)
						fixed := f
						had := map[string]bool{}
						before := map[string]bool{}
						for _, r := range rep.Rejections {
							before[string(r.Field)+" "+string(r.Code)] = true
							for _, fix := range r.Fixes {
								had[string(r.Field)+" "+string(r.Code)] = true
								fixed, err = rules.ApplyFix(fixed, fix)
								require.NoError(t, err, name)
							}
						}
						if len(had) < 2 {
							continue
						}
						composed++
						for _, a := range v.Validate(ctx, fixed).Rejections {
							key := string(a.Field) + " " + string(a.Code)
							switch {
							case had[key]:
								t.Errorf("%s: every fix applied, %s is left", name, key)
							case a.Severity == rules.Error && !before[key]:
								t.Errorf("%s: every fix applied, the error %s comes", name, key)
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d filings with fixes of two rejections", composed)
	require.Greater(t, composed, 1000)
}

// TestFixesComposeMany: the same with many fields so typed in one filing
// (more than composeTextFixes looks for in place): six websites whose
// domains are URLs with U+200B, and six whose names hold ★ and U+FEFF.
func TestFixesComposeMany(t *testing.T) {
	v := validate.New()
	ctx := context.Background()
	for _, field := range []string{"domain", "name"} {
		f, err := validatetest.BuildFiling("44", beian.NatureEnterprise, validatetest.Edit(func(f *beian.Filing) {
			w := f.Websites[0]
			f.Websites = nil
			for i := range 6 {
				w := w
				d := fmt.Sprintf("shili%d.cn", i)
				w.Domains = []string{d}
				w.Name = "示例科技网站" + string(rune('一'+i))
				if field == "domain" {
					w.Domains = []string{"https://www." + d + "/\u200b"}
				} else {
					w.Name = insertMid(w.Name, "★\ufeff")
				}
				f.Websites = append(f.Websites, w)
			}
		}))
		require.NoError(t, err)
		rep := v.Validate(ctx, f)
		fixed := f
		had := map[string]bool{}
		texts := 0
		for _, r := range rep.Rejections {
			if r.Code == rules.CodeTextInvalid && len(r.Fixes) > 0 {
				texts++
			}
			for _, fix := range r.Fixes {
				had[string(r.Field)+" "+string(r.Code)] = true
				fixed, err = rules.ApplyFix(fixed, fix)
				require.NoError(t, err)
			}
		}
		require.Greater(t, texts, 4, field)
		for _, a := range v.Validate(ctx, fixed).Rejections {
			if key := string(a.Field) + " " + string(a.Code); had[key] {
				t.Errorf("%s: every fix applied, %s is left", field, key)
			}
		}
	}
}
