package rules_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// TestConstructionPlan: the construction plans (网站建设方案书) provinces
// ask of a subject with many websites or domain names, as the sources
// state them:
//   - Shanghai: a unit filing 30 websites or more, one plan (HW, an error);
//   - Chongqing: a unit with 35 websites or more, each domain's plan and a
//     guarantee letter (保证书, the commitment_letter kind) (UC, errors);
//   - Guangdong: more than 31 domain names for a unit, more than 5 for a
//     person, each name's plan, a name being the registrable domain's own
//     label (example.com and example.cn are one) (Alibaba's page as copied
//     and TC-old agree, errors).
//
// Every province × both natures × website counts around each threshold ×
// three ways of naming the domains × four ways of uploading the plans.
func TestConstructionPlan(t *testing.T) {
	type naming int
	const (
		distinct  naming = iota // s0.cn, s1.cn, …: one name each
		paired                  // s0.cn, s0.com, s1.cn, s1.com, …: a name per two websites
		subdomain               // a0.shili.cn, a1.shili.cn, …: one name for all
	)
	type upload int
	const (
		none        upload = iota
		eachSite           // a plan for every website
		firstOfName        // a plan for the first website of each name
		subjectOnly        // one plan, the subject's
	)
	counts := []int{1, 5, 6, 7, 12, 29, 30, 31, 32, 33, 34, 35, 36, 64, 65}
	for _, p := range provinces.All() {
		for _, personal := range []bool{false, true} {
			for _, n := range counts {
				for _, nm := range []naming{distinct, paired, subdomain} {
					for _, up := range []upload{none, eachSite, firstOfName, subjectOnly} {
						f := cleanFiling()
						if personal {
							f = personalFiling(p.Code, "440304199203154320")
						}
						f.Province = p.Code
						f.Websites = make([]beian.Website, n)
						firstOf := map[string]int{}
						names := 0
						for i := range f.Websites {
							var d, name string
							switch nm {
							case distinct:
								d, name = fmt.Sprintf("s%d.cn", i), fmt.Sprintf("s%d", i)
							case paired:
								tld := []string{"cn", "com"}[i%2]
								d, name = fmt.Sprintf("s%d.%s", i/2, tld), fmt.Sprintf("s%d", i/2)
							case subdomain:
								d, name = fmt.Sprintf("a%d.shili.cn", i), "shili"
							}
							if _, ok := firstOf[name]; !ok {
								firstOf[name] = i
								names++
							}
							f.Websites[i] = beian.Website{Name: "示例科技站点", Domains: []string{d}, PrincipalSameAsSubject: true}
						}
						f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
						for i := range f.Websites {
							first := firstOf[websiteName(f.Websites[i].Domains[0])] == i
							if up == eachSite || up == firstOfName && first {
								f.Documents = append(f.Documents, doc(beian.DocConstructionPlan, fmt.Sprintf("websites[%d]", i)))
							}
						}
						if up == subjectOnly {
							f.Documents = append(f.Documents, doc(beian.DocConstructionPlan, "subject"))
						}

						// What the sources ask, and of whom.
						var want []string
						switch {
						case p.Code == "31" && !personal && n >= 30:
							if up != subjectOnly {
								want = append(want, "subject construction_plan error")
							}
						case p.Code == "50" && !personal && n >= 35: // each domain's: each website's own
							for i := range n {
								first := firstOf[websiteName(f.Websites[i].Domains[0])] == i
								if up == none || up == subjectOnly || up == firstOfName && !first {
									want = append(want, fmt.Sprintf("websites[%d] construction_plan error", i))
								}
							}
						case p.Code == "44" && (!personal && names > 31 || personal && names > 5):
							for i := range n {
								if up == none || up == subjectOnly {
									want = append(want, fmt.Sprintf("websites[%d] construction_plan error", i))
								}
							}
						}
						slices.Sort(want)
						got := missingKind(run(t, rules.Documents, f), beian.DocConstructionPlan)
						assert.Equal(t, want, got, "%s personal=%v websites=%d naming=%d upload=%d", p.Code, personal, n, nm, up)

						// Chongqing's guarantee letter: the subject's, with the plans.
						f.Documents = slices.DeleteFunc(f.Documents, func(d beian.Document) bool { return d.Kind == beian.DocCommitmentLetter })
						var letters []string
						if p.Code == "50" {
							letters = missingKind(run(t, rules.Documents, f), beian.DocCommitmentLetter)
						}
						var wantLetters []string
						if p.Code == "50" && !personal && n >= 35 {
							wantLetters = []string{"subject commitment_letter error"}
						}
						assert.Equal(t, wantLetters, letters, "%s personal=%v websites=%d: the guarantee letter", p.Code, personal, n)
					}
				}
			}
		}
	}
}

// websiteName is the test's own reading of a domain's name: the label
// before the .cn or .com suffix.
func websiteName(d string) string {
	d = strings.TrimSuffix(strings.TrimSuffix(d, ".cn"), ".com")
	return d[strings.LastIndexByte(d, '.')+1:]
}

// TestDomainCertificatesShaanxi: Shaanxi asks a subject with 5 domains or
// more for the certificate of every domain filed (UC 2024, an error):
// each domain record's, met by one uploaded as a website's with that
// domain; a domain no record holds needs its website's. A domain and its
// www. are one domain. Every province × both natures × domain counts
// around 5 × three ways of giving the records × three uploads.
func TestDomainCertificatesShaanxi(t *testing.T) {
	for _, p := range provinces.All() {
		for _, personal := range []bool{false, true} {
			for _, n := range []int{1, 3, 4, 5, 6, 9} {
				for _, records := range []string{"all", "none", "even", "extra"} {
					for _, upload := range []string{"none", "records", "websites"} {
						f := cleanFiling()
						if personal {
							f = personalFiling(p.Code, "440304199203154320")
						}
						f.Province = p.Code
						// n domains on n websites, and the first again with www. on one more
						f.Websites = nil
						f.Domains = nil
						for i := range n {
							f.Websites = append(f.Websites, beian.Website{Name: "示例科技站点", Domains: []string{fmt.Sprintf("d%d.cn", i)}, PrincipalSameAsSubject: true})
							if records == "all" || records == "extra" || records == "even" && i%2 == 0 {
								f.Domains = append(f.Domains, beian.DomainRecord{Domain: fmt.Sprintf("d%d.cn", i), HolderName: f.Subject.Name})
							}
						}
						f.Websites = append(f.Websites, beian.Website{Name: "示例科技站点", Domains: []string{"www.d0.cn"}, PrincipalSameAsSubject: true})
						if records == "extra" { // two records of domains no website has: they count too
							f.Domains = append(f.Domains, beian.DomainRecord{Domain: "x0.cn", HolderName: f.Subject.Name},
								beian.DomainRecord{Domain: "x1.cn", HolderName: f.Subject.Name})
						}
						f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
						switch upload {
						case "records":
							for j := range f.Domains {
								f.Documents = append(f.Documents, doc(beian.DocDomainHolderProof, fmt.Sprintf("domains[%d]", j)))
							}
						case "websites":
							for i := range f.Websites {
								f.Documents = append(f.Documents, doc(beian.DocDomainHolderProof, fmt.Sprintf("websites[%d]", i)))
							}
						}
						var want []string
						domains := n
						if records == "extra" {
							domains += 2
						}
						if p.Code == "61" && domains >= 5 {
							for i := range n {
								j, hasRecord := i, records != "none"
								if records == "even" {
									j, hasRecord = i/2, i%2 == 0
								}
								switch {
								case hasRecord && upload == "none":
									want = append(want, fmt.Sprintf("domains[%d] domain_holder_proof error", j))
								case !hasRecord && upload != "websites":
									want = append(want, fmt.Sprintf("websites[%d] domain_holder_proof error", i))
								}
							}
							if records == "extra" && upload != "records" {
								want = append(want, fmt.Sprintf("domains[%d] domain_holder_proof error", n), fmt.Sprintf("domains[%d] domain_holder_proof error", n+1))
							}
						}
						slices.Sort(want)
						got := missingKind(run(t, rules.Documents, f), beian.DocDomainHolderProof)
						assert.Equal(t, want, got, "%s personal=%v domains=%d records=%s upload=%s", p.Code, personal, n, records, upload)
					}
				}
			}
		}
	}
}

// TestGovernmentSiteApprovals: the approval a government body's or public
// institution's website needs before it is filed, as the sources state
// it: Inner Mongolia, Heilongjiang and Yunnan (UC 2024) and Jiangxi (HW),
// the 编办's pre-approval for 党政机关 and 事业单位; Tianjin (UC 2024), the
// city government's approval for government sites. Each website's
// pre_approval document, an error when missing; one uploaded as the
// subject's stands for the website's when there is one website. Every
// province × every nature × one and two websites × three uploads.
func TestGovernmentSiteApprovals(t *testing.T) {
	bianban := map[string]bool{"15": true, "23": true, "53": true, "36": true}
	for _, p := range provinces.All() {
		for _, nature := range beian.Natures() {
			for _, n := range []int{1, 2} {
				for _, upload := range []string{"none", "websites", "subject"} {
					f := cleanFiling()
					if nature == beian.NaturePersonal {
						f = personalFiling(p.Code, "440304199203154320")
					}
					f.Province = p.Code
					f.Subject.Nature = nature
					f.Websites = nil
					for i := range n {
						f.Websites = append(f.Websites, beian.Website{Name: "示例科技站点", Domains: []string{fmt.Sprintf("d%d.cn", i)}, PrincipalSameAsSubject: true})
					}
					f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
					switch upload {
					case "websites":
						for i := range n {
							f.Documents = append(f.Documents, doc(beian.DocPreApproval, fmt.Sprintf("websites[%d]", i)))
						}
					case "subject":
						f.Documents = append(f.Documents, doc(beian.DocPreApproval, "subject"))
					}
					needs := bianban[p.Code] && (nature == beian.NatureGovernment || nature == beian.NatureInstitution) ||
						p.Code == "12" && nature == beian.NatureGovernment
					var want []string
					// a subject's document stands for the one website's
					if needs && upload != "websites" && (upload != "subject" || n > 1) {
						for i := range n {
							want = append(want, fmt.Sprintf("websites[%d] pre_approval error", i))
						}
					}
					got := missingKind(run(t, rules.Documents, f), beian.DocPreApproval)
					assert.Equal(t, want, got, "%s %s websites=%d upload=%s", p.Code, nature, n, upload)
				}
			}
		}
	}
}

// TestConstructionPlanFiledBefore: the websites a subject filed before
// (subject.filed_websites) count in a new-site filing only:
//   - Hunan: a unit that filed more than one website before gives each
//     new website's construction plan (HW doc_0234, an error);
//   - Shanghai: a unit at 30 websites or more with those filed before
//     gives one plan (HW);
//   - Chongqing: at 35 or more, each website's plan and the guarantee
//     letter (UC).
//
// Every province × both natures × the four filing types × websites filed
// before around each threshold × one or two new websites × with and
// without the plans uploaded.
func TestConstructionPlanFiledBefore(t *testing.T) {
	types := []beian.FilingType{beian.FilingNew, beian.FilingAddSite, beian.FilingAddAccess, beian.FilingChange}
	for _, p := range provinces.All() {
		for _, personal := range []bool{false, true} {
			for _, ft := range types {
				for _, filed := range []int{0, 1, 2, 5, 28, 29, 33, 34, 40} {
					for _, n := range []int{1, 2} {
						for _, uploaded := range []bool{false, true} {
							f := cleanFiling()
							if personal {
								f = personalFiling(p.Code, "440304199203154320")
							}
							f.Province, f.FilingType, f.Subject.FiledWebsites = p.Code, ft, filed
							f.Websites = make([]beian.Website, n)
							for i := range f.Websites {
								f.Websites[i] = beian.Website{Name: "示例科技站点", Domains: []string{fmt.Sprintf("s%d.cn", i)}, PrincipalSameAsSubject: true}
							}
							f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
							if uploaded {
								f.Documents = append(f.Documents, doc(beian.DocConstructionPlan, "subject"))
								for i := range f.Websites {
									f.Documents = append(f.Documents, doc(beian.DocConstructionPlan, fmt.Sprintf("websites[%d]", i)))
								}
							}
							before := 0
							if ft == beian.FilingAddSite {
								before = filed
							}
							var want []string
							switch {
							case uploaded || personal:
							case p.Code == "43" && before > 1, p.Code == "50" && before+n >= 35:
								for i := range n {
									want = append(want, fmt.Sprintf("websites[%d] construction_plan error", i))
								}
							case p.Code == "31" && before+n >= 30:
								want = []string{"subject construction_plan error"}
							}
							got := missingKind(run(t, rules.Documents, f), beian.DocConstructionPlan)
							assert.Equal(t, want, got, "%s personal=%v %s filed=%d websites=%d uploaded=%v", p.Code, personal, ft, filed, n, uploaded)
						}
					}
				}
			}
		}
	}
}
