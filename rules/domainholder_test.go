package rules_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

func TestDomainHolderName(t *testing.T) {
	at := beian.Path("domains[0].holder_name")
	for _, tc := range []struct {
		holder string
		bad    bool
	}{
		{"深圳市示例科技有限公司", false},
		{"深圳市 示例科技 有限公司", false},
		{"深圳市示例科技有限公司 ", false},
		{"深圳市示例科技有限公司\u200B", false},
		{"深圳市示例科技有限公司\u3000", false},
		{"深 圳 市 示 例 科 技 有 限 公 司", false},
		{"\t深圳市示例科技有限公司\n", false},
		{"深圳示例科技有限公司", true},
		{"深圳市示例科技有限责任公司", true},
		{"深圳市示例科技有限公司南山分公司", true},
		{"深圳市示列科技有限公司", true},
		{"示例科技（深圳）有限公司", true},
		{"张三", false}, // the legal representative: Guangdong accepts it
		{"张 三", false},
		{"李四", true},
	} {
		t.Run(tc.holder, func(t *testing.T) {
			f := cleanFiling()
			f.Domains[0].HolderName = tc.holder
			if tc.holder == "张三" || tc.holder == "张 三" {
				f.Domains[0].HolderCertType = beian.CertIDCard
				f.Domains[0].HolderCertNumber = f.Subject.Principal.CertNumber
			}
			want := []found{}
			if tc.bad {
				want = []found{{at, rules.CodeDomainHolderMismatch}}
			}
			assert.Equal(t, want, foundIn(run(t, rules.DomainHolder, f)))
		})
	}
}

func TestDomainHolderTraditional(t *testing.T) {
	f := cleanFiling()
	f.Subject.Name = "广州市华网科技有限公司"
	f.Domains[0].HolderName = "廣州市華網科技有限公司"
	assert.Empty(t, run(t, rules.DomainHolder, f))
	f.Domains[0].HolderName = "廣州華網科技有限公司"
	assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)))
	// Latin letters in any case and width.
	f.Subject.Name = "ABC国际贸易(上海)有限公司"
	f.Domains[0].HolderName = "ａｂｃ國際貿易（上海）有限公司"
	assert.Empty(t, run(t, rules.DomainHolder, f))
}

func TestDomainHolderBrackets(t *testing.T) {
	// The unit's name has a bracketed place; the record writes the
	// brackets half-width, the name in traditional characters.
	f := cleanFiling()
	f.Subject.Name = "示例科技（深圳）有限公司"
	for _, holder := range []string{"示例科技(深圳)有限公司", "示例科技（深圳）有限公司", "示例科技 ( 深圳 ) 有限公司", "示例科技（深圳） 有限公司"} {
		f.Domains[0].HolderName = holder
		assert.Empty(t, run(t, rules.DomainHolder, f), holder)
	}
	for _, holder := range []string{"示例科技深圳有限公司", "示例科技有限公司", "示例科技【深圳】有限公司"} {
		f.Domains[0].HolderName = holder
		assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)), holder)
	}
}

// TestDomainHolderLegalRepresentative: a unit's domain in its legal
// representative's name, province by province.
func TestDomainHolderLegalRepresentative(t *testing.T) {
	for _, p := range []struct {
		code   string
		strict bool
	}{
		{"44", false}, {"11", false}, {"31", false}, {"51", false},
		{"64", true}, {"61", true}, {"65", true}, // Ningxia, Shaanxi, Xinjiang
	} {
		t.Run(p.code, func(t *testing.T) {
			f := cleanFiling()
			f.Province = p.code
			f.Domains[0].HolderName = "张三"
			f.Domains[0].HolderCertType = beian.CertIDCard
			f.Domains[0].HolderCertNumber = f.Subject.Principal.CertNumber
			rs := run(t, rules.DomainHolder, f)
			if !p.strict {
				assert.Empty(t, rs)
				// The legal representative's certificate is checked.
				f.Domains[0].HolderCertNumber = "110105194912310029"
				assert.Equal(t, []found{{"domains[0].holder_cert_number", rules.CodeDomainHolderCertMismatch}}, foundIn(run(t, rules.DomainHolder, f)))
				return
			}
			assert.Equal(t, []sev{{"domains[0].holder_name", rules.CodeDomainHolderMismatch, rules.Error}}, sevsIn(rs))
			assert.Contains(t, rs[0].Message(language.English), "legal representative")
		})
	}
	// A person's filing has no legal representative to accept.
	f := cleanFiling()
	f.Subject.Nature = beian.NaturePersonal
	f.Subject.Name = "王五"
	f.Subject.CertType = beian.CertIDCard
	f.Subject.CertNumber = f.Subject.Principal.CertNumber
	f.Domains[0].HolderName = "张三"
	assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)))

	// Held by the legal representative, who is not the principal: the
	// filing has no certificate to compare with.
	f = cleanFiling()
	f.Subject.Principal.Name = "王五"
	f.Subject.Principal.IsLegalRepresentative = false
	f.Domains[0].HolderName = "张三"
	f.Domains[0].HolderCertType = beian.CertIDCard
	f.Domains[0].HolderCertNumber = "110105194912310029"
	p := runPass(t, rules.DomainHolder, f, nil)
	assert.Empty(t, p.Rejections())
	assert.Equal(t, []rules.Code{rules.CodeDomainHolderCertMismatch}, skippedCodes(p))
}

func TestDomainHolderCert(t *testing.T) {
	const uscc = "91440300MA5F12342Q"
	for _, tc := range []struct {
		name       string
		certType   beian.CertType
		certNumber string
		want       []sev
	}{
		{"same", beian.CertUSCC, uscc, nil},
		{"lower case", beian.CertUSCC, strings.ToLower(uscc), nil},
		{"full-width", beian.CertUSCC, "９１４４０３００ＭＡ５Ｆ１２３４２Ｑ", nil},
		{"spaced", beian.CertUSCC, "9144 0300 MA5F 1234 2Q", nil},
		{"number only", "", uscc, nil},
		{"other number", beian.CertUSCC, "91440300MA5F12350Y", []sev{{"domains[0].holder_cert_number", rules.CodeDomainHolderCertMismatch, rules.Error}}},
		{"other number, no type", "", "91440300MA5F12350Y", []sev{{"domains[0].holder_cert_number", rules.CodeDomainHolderCertMismatch, rules.Error}}},
		{"embedded organisation code", beian.CertOrgCode, "MA5F1234-2", []sev{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch, rules.Warning}}},
		{"embedded organisation code, no hyphen", beian.CertOrgCode, "ma5f12342", []sev{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch, rules.Warning}}},
		{"another organisation code", beian.CertOrgCode, "12345678-9", []sev{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch, rules.Error}}},
		{"business licence", beian.CertBusinessLicense, "440301000000001", []sev{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch, rules.Error}}},
		{"an ID card", beian.CertIDCard, "44030519900101123X", []sev{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch, rules.Error}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := cleanFiling()
			f.Domains[0].HolderCertType = tc.certType
			f.Domains[0].HolderCertNumber = tc.certNumber
			assert.Equal(t, tc.want, sevsIn(run(t, rules.DomainHolder, f)))
		})
	}
	// The reverse: the subject gives its old organisation code, the
	// record the credit code that embeds it.
	f := cleanFiling()
	f.Subject.CertType = beian.CertOrgCode
	f.Subject.CertNumber = "MA5F1234-2"
	assert.Equal(t, []sev{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch, rules.Warning}}, sevsIn(run(t, rules.DomainHolder, f)))

	// A person: the ID number with a lower-case x is the same.
	f = cleanFiling()
	f.Subject.Nature = beian.NaturePersonal
	f.Subject.Name = "张三"
	f.Subject.CertType = beian.CertIDCard
	f.Subject.CertNumber = "44030519900101123X"
	f.Domains[0].HolderName = "張三"
	f.Domains[0].HolderCertType = beian.CertIDCard
	f.Domains[0].HolderCertNumber = "44030519900101123x"
	assert.Empty(t, run(t, rules.DomainHolder, f))
	f.Domains[0].HolderCertType = beian.CertPassport
	assert.Equal(t, []found{{"domains[0].holder_cert_type", rules.CodeDomainHolderCertMismatch}}, foundIn(run(t, rules.DomainHolder, f)))

	// A holder of another name is not also reported for its certificate.
	f = cleanFiling()
	f.Domains[0].HolderName = "别的公司"
	f.Domains[0].HolderCertNumber = "91440300MA5F12350Y"
	assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)))
}

func TestDomainHolderSkipped(t *testing.T) {
	both := []rules.Code{rules.CodeDomainHolderMismatch, rules.CodeDomainHolderCertMismatch}
	// No record for the website's domain.
	f := cleanFiling()
	f.Domains[0].Domain = "other.cn"
	p := runPass(t, rules.DomainHolder, f, nil)
	assert.Empty(t, p.Rejections())
	assert.Equal(t, both, skippedCodes(p))
	// No records at all.
	f.Domains = nil
	assert.Equal(t, both, skippedCodes(runPass(t, rules.DomainHolder, f, nil)))
	// A record without a holder.
	f = cleanFiling()
	f.Domains[0].HolderName = " "
	assert.Equal(t, both, skippedCodes(runPass(t, rules.DomainHolder, f, nil)))
	// A record without the holder's certificate.
	f = cleanFiling()
	f.Domains[0].HolderCertType, f.Domains[0].HolderCertNumber = "", ""
	assert.Equal(t, []rules.Code{rules.CodeDomainHolderCertMismatch}, skippedCodes(runPass(t, rules.DomainHolder, f, nil)))
	// The record is found by registrable domain, whatever form either
	// side is in.
	f = cleanFiling()
	f.Websites[0].Domains = []string{"https://WWW.ShiLiKeJi.CN/"}
	f.Domains[0].Domain = "shilikeji.cn."
	f.Domains[0].HolderName = "别人"
	p = runPass(t, rules.DomainHolder, f, nil)
	assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(p.Rejections()))
	assert.Empty(t, p.Skipped())
}

// TestDomainHolderOnce: a record serving several website entries (a
// duplicate) is checked once.
func TestDomainHolderOnce(t *testing.T) {
	f := cleanFiling()
	f.Websites = append(f.Websites, f.Websites[0])
	f.Domains[0].HolderName = "别人"
	assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)))
}

// TestDomainsLinear: a filing with many domains is checked in time linear
// in their number (indexed, not compared pairwise); 20,000 domains would
// take minutes pairwise with name folding.
func TestDomainsLinear(t *testing.T) {
	f := cleanFiling()
	f.Websites = nil
	f.Domains = nil
	for i := range 20000 {
		d := "site" + strconv.Itoa(i) + ".cn"
		f.Websites = append(f.Websites, beian.Website{Name: "示例网站", Domains: []string{d}, PrincipalSameAsSubject: true})
		f.Domains = append(f.Domains, beian.DomainRecord{Domain: d, HolderName: f.Subject.Name, HolderCertType: beian.CertUSCC, HolderCertNumber: f.Subject.CertNumber})
	}
	assert.Empty(t, run(t, rules.Domains, f))
	assert.Empty(t, run(t, rules.DomainHolder, f))
}

// TestClassDomainHeldByPrincipal: a unit's domain held in the name of a
// principal of the filing who is not the legal representative (the
// subject principal, the website's or the App's), in every province: a
// DOMAIN_HOLDER_MISMATCH warning where the province takes a legal
// representative (MIIT's 2017 notice allows a main responsible person or
// a senior manager; most provinces only the unit or its legal
// representative), an error where it wants the unit itself (Ningxia,
// Shaanxi, Xinjiang); the holder's certificate compared with that
// principal's; a holder who is no one of the filing stays an error. Made
// to fail by leaving principalHolding out (every principal an error: 168
// failures), and by comparing the holder's certificate with the subject's
// (a certificate mismatch on every principal's own: 168).
func TestClassDomainHeldByPrincipal(t *testing.T) {
	strict := map[string]bool{"64": true, "61": true, "65": true}
	const subjectPrincipalCert, sitePrincipalCert, appPrincipalCert = "440305199203154312", "440304199203154320", "440303198807076543"
	n := 0
	for _, prov := range provinces.All() {
		for _, holder := range []string{"subject", "website", "app", "stranger"} {
			for _, ownCert := range []bool{true, false} {
				f := appFiling()
				f.Province = prov.Code
				f.Subject.Principal.Name, f.Subject.Principal.CertNumber, f.Subject.Principal.IsLegalRepresentative = "王五", subjectPrincipalCert, false
				f.Websites[0].PrincipalSameAsSubject = false
				f.Websites[0].Principal = &beian.Principal{Name: "李四", CertType: beian.CertIDCard, CertNumber: sitePrincipalCert}
				f.Apps[0].PrincipalSameAsSubject = false
				f.Apps[0].Principal = &beian.Principal{Name: "赵六", CertType: beian.CertIDCard, CertNumber: appPrincipalCert}
				f.Apps[0].Platforms = f.Apps[0].Platforms[:1]
				f.Apps[0].Platforms[0].Domains = []string{"api.shilikeji.com"}
				f.Domains = append(f.Domains, f.Domains[0])
				f.Domains[1].Domain = "shilikeji.com"
				k := 0 // the record of the domain the holder holds
				var name, cert string
				switch holder {
				case "subject":
					name, cert = "王五", subjectPrincipalCert
				case "website":
					name, cert = "李四", sitePrincipalCert
				case "app":
					name, cert, k = "赵六", appPrincipalCert, 1
				case "stranger":
					name, cert = "钱七", "110105194912310029"
				}
				if !ownCert {
					cert = "110105194912310029"
					if holder == "stranger" {
						cert = subjectPrincipalCert
					}
				}
				f.Domains[k].HolderName, f.Domains[k].HolderCertType, f.Domains[k].HolderCertNumber = name, beian.CertIDCard, cert
				at := beian.Path("domains").Index(k)
				var want []sev
				switch {
				case holder == "stranger" || strict[prov.Code]:
					want = []sev{{at.Field("holder_name"), rules.CodeDomainHolderMismatch, rules.Error}}
				default:
					want = []sev{{at.Field("holder_name"), rules.CodeDomainHolderMismatch, rules.Warning}}
					if !ownCert {
						want = append(want, sev{at.Field("holder_cert_number"), rules.CodeDomainHolderCertMismatch, rules.Error})
					}
				}
				got := sevsIn(run(t, rules.DomainHolder, f))
				assert.Equal(t, want, got, "%s, held by the %s principal, own certificate %v", prov.Short, holder, ownCert)
				n++
			}
		}
	}
	t.Logf("%d cases", n)
}
