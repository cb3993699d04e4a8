package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestPersonalPrincipalIsSelf: in a personal filing every principal (the
// subject's, a website's, an App's) is the filer. Each place a principal
// is typed × each way it can name another person, and each way the same
// person may be typed loosely, in a personal and in a unit filing.
func TestPersonalPrincipalIsSelf(t *testing.T) {
	const id = "44030519900101123X" // 李四's, the subject's
	const otherID = "110101198501013330"
	// where a principal is typed: how to set it, and its path.
	places := []struct {
		name string
		set  func(f *beian.Filing) *beian.Principal
		path beian.Path
	}{
		{"subject principal", func(f *beian.Filing) *beian.Principal { return &f.Subject.Principal }, "subject.principal"},
		{"website principal", func(f *beian.Filing) *beian.Principal {
			f.Websites[0].PrincipalSameAsSubject = false
			p := f.Subject.Principal
			f.Websites[0].Principal = &p
			return f.Websites[0].Principal
		}, "websites[0].principal"},
		{"second website's principal", func(f *beian.Filing) *beian.Principal {
			p := f.Subject.Principal
			f.Websites = append(f.Websites, beian.Website{Name: "李四的旅行笔记", Domains: []string{"lisitrip.cn"}, Principal: &p})
			return f.Websites[1].Principal
		}, "websites[1].principal"},
		{"App principal", func(f *beian.Filing) *beian.Principal {
			p := f.Subject.Principal
			f.Apps = []beian.App{{Type: beian.AppNative, Name: "李四记账", Principal: &p}}
			return f.Apps[0].Principal
		}, "apps[0].principal"},
	}
	// what is typed in that principal, and which of its fields is then
	// another person's.
	edits := []struct {
		name string
		edit func(p *beian.Principal)
		bad  []string // fields of the principal reported; none: the filer
	}{
		{"the filer", func(*beian.Principal) {}, nil},
		{"another name", func(p *beian.Principal) { p.Name = "王五" }, []string{"name"}},
		{"another ID", func(p *beian.Principal) { p.CertNumber = otherID }, []string{"cert_number"}},
		{"another person", func(p *beian.Principal) { p.Name = "王五"; p.CertNumber = otherID }, []string{"name", "cert_number"}},
		{"another, mistyped ID", func(p *beian.Principal) { p.CertNumber = "110101198501013331" }, []string{"cert_number"}},
		// the filer typed loosely
		{"name with spaces", func(p *beian.Principal) { p.Name = " 李 四 " }, nil},
		{"ID in lower case", func(p *beian.Principal) { p.CertNumber = "44030519900101123x" }, nil},
		{"ID in full width with spaces", func(p *beian.Principal) { p.CertNumber = "４４０３０５ １９９００１０１ １２３Ｘ" }, nil},
		{"another mobile and e-mail", func(p *beian.Principal) { p.Mobile = "13900093456"; p.Email = "li@example.cn" }, nil},
		// another type of certificate: not compared
		{"passport", func(p *beian.Principal) { p.CertType = beian.CertPassport; p.CertNumber = "E12345678" }, nil},
		// empty fields are FIELD_REQUIRED's
		{"no name", func(p *beian.Principal) { p.Name = "" }, nil},
		{"no ID", func(p *beian.Principal) { p.CertNumber = "" }, nil},
	}
	for _, pl := range places {
		for _, e := range edits {
			for _, personal := range []bool{true, false} {
				name := pl.name + "/" + e.name
				if !personal {
					name += "/enterprise"
				}
				t.Run(name, func(t *testing.T) {
					f := personalFiling("44", id)
					if !personal {
						f = cleanFiling()
					}
					e.edit(pl.set(f))
					rs := run(t, rules.PersonalPrincipal, f)
					want := []found{}
					if personal {
						for _, b := range e.bad {
							want = append(want, found{pl.path.Field(b), rules.CodePrincipalNotSelf})
						}
					}
					assert.ElementsMatch(t, want, foundIn(rs))
					for _, r := range rs {
						assert.Equal(t, rules.Error, r.Severity)
						assert.Equal(t, "ucloud-knowledge", r.Source.Key)
						assert.Len(t, r.Related, 1)
					}
				})
			}
		}
	}

	// A website principal marked the same as the subject's is not
	// compared: what it holds is ignored by the consoles.
	f := personalFiling("44", id)
	f.Websites[0].PrincipalSameAsSubject = true
	f.Websites[0].Principal = &beian.Principal{Name: "王五", CertNumber: otherID}
	assert.Empty(t, foundIn(run(t, rules.PersonalPrincipal, f)))

	// A person filing with a unit's credit code (CERT_TYPE_NOT_ALLOWED)
	// gets no second rejection for the principal's ID.
	f = personalFiling("11", id)
	f.Subject.CertType, f.Subject.CertNumber = beian.CertUSCC, "92110101MA5F123429"
	assert.Empty(t, foundIn(run(t, rules.PersonalPrincipal, f)))
}
