package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// runsSites are the provinces where a unit's principal who is not its
// legal representative must also be the principal of its websites and
// Apps, written from the sources (icp-rules.md §4): Anhui by Huawei's page
// (an error), Jiangsu and Sichuan by UCloud's alone, which Tencent's
// contradicts (a warning).
var runsSites = map[string]rules.Severity{"34": rules.Error, "32": rules.Warning, "51": rules.Warning}

// TestPrincipalRunsSites: every province × the unit's principal (the legal
// representative or another person) × with and without the legal
// representative's letter × each website's and App's principal (the
// subject's, its own of the same name, another person). Where the rule
// holds, each website or App with another person as its principal is
// PRINCIPAL_NOT_LEGAL_REPRESENTATIVE at that principal, once the
// principal itself is accepted (no rejection at subject.principal); never
// for the legal representative, nor elsewhere.
func TestPrincipalRunsSites(t *testing.T) {
	letter := []beian.Document{{Kind: beian.DocAuthorizationLetter, Owner: "subject.principal"}}
	other := []beian.Document{{Kind: beian.DocSubjectCert, Owner: "subject"}}
	own := func(name string) *beian.Principal {
		return &beian.Principal{Name: name, CertType: beian.CertIDCard, CertNumber: "110101198501013330", Mobile: "13912340000", Email: "x@shilikeji.cn"}
	}
	sitePrincipals := map[string]func(f *beian.Filing){
		"same as subject": func(f *beian.Filing) {},
		"own, same person": func(f *beian.Filing) {
			f.Websites[0].PrincipalSameAsSubject, f.Websites[0].Principal = false, own(f.Subject.Principal.Name)
		},
		"own, another person": func(f *beian.Filing) {
			f.Websites[1].PrincipalSameAsSubject, f.Websites[1].Principal = false, own("赵六")
		},
		"app, another person": func(f *beian.Filing) {
			f.Apps = []beian.App{{Type: beian.AppNative, Name: "示例记账", Principal: own("赵六")}}
		},
	}
	for _, p := range provinces.All() {
		pol, _ := provinces.DefaultPolicies().For(p.Code)
		for _, principal := range []string{"张三", "王五"} { // 张三 is the legal representative
			for _, docs := range [][]beian.Document{letter, other} {
				for spName, set := range sitePrincipals {
					name := fmt.Sprintf("%s/%s/letter %v/%s", p.Code, principal, len(docs) == 1 && docs[0].Kind == beian.DocAuthorizationLetter, spName)
					t.Run(name, func(t *testing.T) {
						f := cleanFiling()
						f.Province = p.Code
						f.Subject.Principal.Name = principal
						f.Subject.Principal.IsLegalRepresentative = principal == "张三"
						f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilishop.cn"}, PrincipalSameAsSubject: true})
						f.Documents = docs
						set(f)
						rs := run(t, rules.PrincipalLegalRep, f)
						var atSites []rules.Rejection
						subjectReported := false
						for _, r := range rs {
							if r.Field == "subject.principal" {
								subjectReported = true
							} else {
								atSites = append(atSites, r)
							}
						}
						sev, holds := runsSites[p.Code]
						// The principal itself is accepted where the
						// province does not want the legal representative,
						// or takes the letter uploaded.
						accepted := !pol.PrincipalMustBeLegalRepresentative.Value || (pol.AuthorizationLetterAccepted.Value && &docs[0] == &letter[0])
						if !holds || principal == "张三" || !accepted || !strings.Contains(spName, "another") {
							assert.Empty(t, foundIn(atSites))
							return
						}
						assert.False(t, subjectReported)
						want := beian.Path("websites[1].principal")
						if strings.HasPrefix(spName, "app") {
							want = "apps[0].principal"
						}
						require.Equal(t, []found{{want, rules.CodePrincipalNotLegalRepresentative}}, foundIn(atSites))
						assert.Equal(t, sev, atSites[0].Severity)
						assert.Equal(t, []beian.Path{"subject.principal"}, atSites[0].Related)
					})
				}
			}
		}
	}
}
