package validate_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// checkFixes is the property every fix must have: applied to the filing
// it belongs to, and the filing validated again, the rejection it belongs
// to is gone and no error appears that was not there before. It returns
// how many fixes it applied.
func checkFixes(t *testing.T, v *validate.Validator, name string, f *beian.Filing) int {
	t.Helper()
	ctx := context.Background()
	rep := v.Validate(ctx, f)
	before := map[string]bool{}
	for _, r := range rep.Rejections {
		before[string(r.Field)+" "+string(r.Code)] = true
	}
	n := 0
	for _, r := range rep.Rejections {
		for _, fix := range r.Fixes {
			n++
			fixed, err := rules.ApplyFix(f, fix)
			require.NoError(t, err, "%s: %s at %s", name, r.Code, r.Field)
			after := v.Validate(ctx, fixed)
			for _, a := range after.Rejections {
				key := string(a.Field) + " " + string(a.Code)
				switch {
				case a.Field == r.Field && a.Code == r.Code && sameArgs(a, r):
					t.Errorf("%s: fix %q of %s at %s leaves it", name, fix.Value, r.Code, r.Field)
				case a.Severity == rules.Error && !before[key]:
					t.Errorf("%s: fix %q of %s at %s adds the error %s", name, fix.Value, r.Code, r.Field, key)
				}
			}
		}
	}
	return n
}

func sameArgs(a, b rules.Rejection) bool {
	if len(a.Args) != len(b.Args) {
		return false
	}
	for i := range a.Args {
		if a.Args[i] != b.Args[i] {
			return false
		}
	}
	return true
}

// TestFixesExampleFilings applies every fix of every example filing.
func TestFixesExampleFilings(t *testing.T) {
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	v := validate.New()
	n := 0
	for _, file := range files {
		n += checkFixes(t, v, filepath.Base(file), load(t, filepath.Base(file)))
	}
	if n < 3 {
		t.Errorf("only %d fixes in the example filings", n)
	}
}

// TestFixesClasses builds filings by class, every province and nature
// that applies crossed with every way of typing a value the fixes cover,
// and applies every fix. Each class must produce a fix on every filing.
func TestFixesClasses(t *testing.T) {
	v := validate.New()
	type class struct {
		name  string
		edit  func(f *beian.Filing)
		field beian.Path
	}
	fullWidth := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if r >= '!' && r <= '~' {
				r += 0xFF01 - '!'
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	spaced := func(s string) string {
		if len(s) < 8 {
			return s
		}
		return s[:3] + " " + s[3:7] + " " + s[7:]
	}
	invisible := []string{"\u200b", "\u200d", "\ufeff", "\u2060", "\u00ad", "\U000E0041"}
	var classes []class
	for _, form := range []struct {
		name string
		fn   func(string) string
	}{{"full-width", fullWidth}, {"spaced", spaced}} {
		classes = append(classes,
			class{form.name + " mobile", func(f *beian.Filing) { f.Subject.Principal.Mobile = form.fn(f.Subject.Principal.Mobile) }, "subject.principal.mobile"},
			class{form.name + " office phone", func(f *beian.Filing) { f.Subject.Principal.Phone = form.fn(f.Subject.Principal.Phone) }, "subject.principal.phone"},
			class{form.name + " certificate", func(f *beian.Filing) { f.Subject.CertNumber = form.fn(f.Subject.CertNumber) }, "subject.cert_number"},
			class{form.name + " principal's ID", func(f *beian.Filing) { f.Subject.Principal.CertNumber = form.fn(f.Subject.Principal.CertNumber) }, "subject.principal.cert_number"},
		)
	}
	for _, typed := range []struct {
		name string
		fn   func(string) string
	}{
		{"full-width e-mail", fullWidth},
		{"e-mail with a full-width @", func(s string) string { return strings.Replace(s, "@", "＠", 1) }},
		{"e-mail with 。 for dots", func(s string) string { return strings.ReplaceAll(strings.Replace(s, "@", "＠", 1), ".", "。") }},
	} {
		classes = append(classes, class{typed.name, func(f *beian.Filing) { f.Subject.Principal.Email = typed.fn(f.Subject.Principal.Email) }, "subject.principal.email"})
	}
	classes = append(classes,
		class{"lower-case certificate", func(f *beian.Filing) { f.Subject.CertNumber = strings.ToLower(f.Subject.CertNumber) }, "subject.cert_number"},
		class{"display name", func(f *beian.Filing) {
			f.Subject.Principal.Email = f.Subject.Principal.Name + " <" + f.Subject.Principal.Email + ">"
		}, "subject.principal.email"},
		class{"angle brackets", func(f *beian.Filing) { f.Subject.Principal.Email = "<" + f.Subject.Principal.Email + ">" }, "subject.principal.email"},
	)
	for _, prefix := range []string{"www.", "WWW.", "http://", "https://www.", "blog."} {
		for _, suffix := range []string{"", "/", "/index.html", ":8080", "?from=ad"} {
			if !strings.Contains(prefix, "//") && suffix != "" {
				continue
			}
			classes = append(classes, class{"domain " + prefix + "…" + suffix, func(f *beian.Filing) {
				f.Websites[0].Domains[0] = prefix + f.Websites[0].Domains[0] + suffix
			}, "websites[0].domains[0]"})
		}
	}
	for _, sym := range []string{"★", "😀", "™", "（", "《", "!", "①"} {
		classes = append(classes, class{"symbol " + sym + " in the site name", func(f *beian.Filing) {
			f.Websites[0].Name = insertMid(f.Websites[0].Name, sym)
		}, "websites[0].name"})
	}
	for _, inv := range invisible {
		for _, field := range []string{"websites[0].name", "subject.name", "subject.principal.name"} {
			classes = append(classes, class{fmt.Sprintf("%+q in %s", inv, field), func(f *beian.Filing) {
				switch field {
				case "websites[0].name":
					f.Websites[0].Name = insertMid(f.Websites[0].Name, inv)
				case "subject.name":
					f.Subject.Name = insertMid(f.Subject.Name, inv)
				case "subject.principal.name":
					f.Subject.Principal.Name = insertMid(f.Subject.Principal.Name, inv)
				}
			}, beian.Path(field)})
		}
	}

	for _, c := range classes {
		fixed := 0
		filings := 0
		for _, p := range provinces.All() {
			for _, nature := range []beian.Nature{beian.NatureEnterprise, beian.NaturePersonal} {
				f, err := validatetest.BuildFiling(p.Code, nature, validatetest.Edit(c.edit))
				require.NoError(t, err)
				filings++
				if n := checkFixes(t, v, c.name+" "+p.Short+" "+string(nature), f); n > 0 {
					fixed++
				}
				rep := v.Validate(context.Background(), f)
				if len(rep.ForField(c.field)) > 0 && !hasFix(rep, c.field) {
					t.Errorf("%s, %s %s: rejected at %s with no fix", c.name, p.Short, nature, c.field)
				}
			}
		}
		if fixed == 0 {
			t.Errorf("class %s: no fix on any of %d filings", c.name, filings)
		}
	}
}

func hasFix(rep *validate.Report, field beian.Path) bool {
	for _, r := range rep.ForField(field) {
		if len(r.Fixes) > 0 {
			return true
		}
	}
	return false
}

// insertMid inserts s after the first character of name.
func insertMid(name, s string) string {
	for i := range name {
		if i > 0 {
			return name[:i] + s + name[i:]
		}
	}
	return name + s
}
