package rules_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// phoneTypings returns the ways people type a mobile (11 digits) and a
// landline (area code, trunk 0 first, then the local number, given as
// "0755-26888888"): the filing forms first, which no rule reports, then
// the other typings, each read as the same number.
func phoneTypings(mobile, landline string) (mobileFiled, mobileOther, landFiled, landOther []string) {
	m := mobile
	groups := func(sep string) string { return m[:3] + sep + m[3:7] + sep + m[7:] }
	mobileFiled = []string{m, " " + m + " ", "\t" + m}
	mobileOther = []string{
		groups(" "), groups("-"), groups("."), "+86" + m, "+86 " + m, "+86-" + m, "86" + m, "86 " + m,
		"0086" + m, "0086 " + m, "(+86)" + m, "+86 " + groups(" "), "0" + m, "0-" + groups("-"),
		width.Widen.String(m), width.Widen.String(groups("-")), m[:3] + "\u3000" + m[3:],
	}
	dash := strings.IndexByte(landline, '-')
	area, local := landline[1:dash], landline[dash+1:]
	landFiled = []string{landline, "0" + area + local, " " + landline + " ", "\t0" + area + local + " "}
	landOther = []string{
		"(0" + area + ")" + local, "(0" + area + ") " + local, "0" + area + " " + local,
		"0" + area + "-" + local[:4] + "-" + local[4:], "0" + area + "." + local,
		area + "-" + local, "(" + area + ")" + local,
		"+86-" + area + "-" + local, "+86 " + area + " " + local, "86-" + area + "-" + local, "+86" + area + local,
		"0086-" + area + "-" + local, "86-0" + area + "-" + local,
		width.Widen.String(landline), "0" + area + "－" + local,
	}
	return
}

// TestPhoneTypingClass: the one class of typing (warnPhoneTyping) over
// every phone field of every principal kind: a mobile in the mobile,
// office and emergency phones, a landline (three- and four-digit area
// codes) in the office and emergency phones; the filing forms are not
// reported, every other typing is one PHONE_INVALID warning at the field
// whose fix is the filing form, and the filing with the fix applied has
// no rejection of the phone rule at that field.
func TestPhoneTypingClass(t *testing.T) {
	cases := 0
	for _, landline := range []string{"0755-26888888", "010-62345678"} {
		const mobile = "13660129876"
		mobileFiled, mobileOther, landFiled, landOther := phoneTypings(mobile, landline)
		for k := range 4 {
			for _, field := range []string{"mobile", "phone", "emergency_phone"} {
				set := func(f *beian.Filing, v string) beian.Path {
					ps, paths := principalsOf(f)
					switch field {
					case "mobile":
						ps[k].Mobile = v
					case "phone":
						ps[k].Phone = v
					default:
						ps[k].EmergencyPhone = v
					}
					return paths[k].Field(field)
				}
				try := func(v, fix string, filed bool) {
					cases++
					f := allPrincipals()
					at := set(f, v)
					name := fmt.Sprintf("%s %q", at, v)
					rs := withCode(atField(run(t, rules.Phone, f), at), rules.CodePhoneInvalid) // a Beijing landline is not local: another check
					if filed {
						assert.Empty(t, foundIn(rs), name)
						return
					}
					require.Equal(t, []found{{at, rules.CodePhoneInvalid}}, foundIn(rs), name)
					assert.Equal(t, rules.Warning, rs[0].Severity, name)
					require.Len(t, rs[0].Fixes, 1, name)
					assert.Equal(t, fix, rs[0].Fixes[0].Value, name)
					g, err := rules.ApplyFix(f, rs[0].Fixes[0])
					require.NoError(t, err, name)
					assert.Empty(t, foundIn(withCode(atField(run(t, rules.Phone, g), at), rules.CodePhoneInvalid)), "%s fixed", name)
				}
				for _, v := range mobileFiled {
					try(v, "", true)
				}
				for _, v := range mobileOther {
					try(v, mobile, false)
				}
				if field == "mobile" {
					continue
				}
				for _, v := range landFiled {
					try(v, "", true)
				}
				for _, v := range landOther {
					try(v, landline, false)
				}
			}
		}
	}
	assert.Greater(t, cases, 700)
}

// atField returns the rejections of rs, a slice of the caller's, at path.
func atField(rs []rules.Rejection, path beian.Path) []rules.Rejection {
	return slices.DeleteFunc(rs, func(r rules.Rejection) bool { return r.Field != path })
}

// TestDomainTypingClass: a website's domain and a native App's domain
// typed otherwise than filed (case, width, the ideographic full stop, a
// trailing dot, a scheme, www.) are one DOMAIN_INVALID warning at the
// field whose fix is the filing form, for ASCII, punycode and Chinese
// domains; white space around them is not reported, and the domain
// record, which is not submitted, is reported for none of them but a URL.
func TestDomainTypingClass(t *testing.T) {
	type domainCase struct{ filed, typed string }
	var cases []domainCase
	for _, filed := range []string{"shilikeji.cn", "shili-keji.com.cn", "xn--fiq228c5hs.xn--fiqs8s"} {
		for _, typed := range []string{strings.ToUpper(filed), strings.ToUpper(filed[:1]) + filed[1:], filed + ".",
			width.Widen.String(filed), strings.ReplaceAll(filed, ".", "。"), strings.ReplaceAll(filed, ".", "．"),
			"http://" + filed, "https://www." + filed + "/", "www." + filed, "HTTP://WWW." + strings.ToUpper(filed)} {
			cases = append(cases, domainCase{filed, typed})
		}
	}
	for _, typed := range []string{"示例科技。中国", "示例科技．中国", "示例科技.中国.", "http://示例科技.中国", "www.示例科技.中国"} {
		cases = append(cases, domainCase{"示例科技.中国", typed})
	}
	for _, c := range cases {
		// The website: its record holds the domain as filed.
		f := withDomain(c.filed)
		f.Websites[0].Domains[0] = c.typed
		rs := run(t, rules.Domains, f)
		require.Equal(t, []sev{{"websites[0].domains[0]", rules.CodeDomainInvalid, rules.Warning}}, sevsIn(rs), c.typed)
		require.Len(t, rs[0].Fixes, 1, c.typed)
		assert.Equal(t, c.filed, rs[0].Fixes[0].Value, c.typed)
		g, err := rules.ApplyFix(f, rs[0].Fixes[0])
		require.NoError(t, err)
		assert.Empty(t, sevsIn(run(t, rules.Domains, g)), "%s fixed", c.typed)

		// The record alone typed so: a URL or www. is reported, nothing else.
		f = withDomain(c.filed)
		f.Domains[0].Domain = c.typed
		url := strings.Contains(c.typed, "/") || strings.Contains(strings.ToLower(c.typed), "www.")
		if url {
			assert.Equal(t, []sev{{"domains[0].domain", rules.CodeDomainInvalid, rules.Warning}}, sevsIn(run(t, rules.Domains, f)), "record %s", c.typed)
		} else {
			assert.Empty(t, sevsIn(run(t, rules.Domains, f)), "record %s", c.typed)
		}

		// A native App's domain (a host: www. is one).
		f = withDomain(c.filed)
		f.Apps = []beian.App{{Type: beian.AppNative, Name: "示例记账本", PrincipalSameAsSubject: true,
			Platforms: []beian.AppPlatform{{Domains: []string{c.typed}}}}}
		rs = atField(run(t, rules.Domains, f), "apps[0].platforms[0].domains[0]")
		want := c.filed
		if strings.Contains(strings.ToLower(c.typed), "www.") {
			want = "www." + c.filed
		}
		if c.typed == want {
			assert.Empty(t, sevsIn(rs), "app %s", c.typed)
			continue
		}
		require.Equal(t, []sev{{"apps[0].platforms[0].domains[0]", rules.CodeDomainInvalid, rules.Warning}}, sevsIn(rs), "app %s", c.typed)
		require.Len(t, rs[0].Fixes, 1)
		assert.Equal(t, want, rs[0].Fixes[0].Value, "app %s", c.typed)
	}
	for _, filed := range []string{"shilikeji.cn", "示例科技.中国"} {
		f := withDomain(" " + filed + "\t")
		assert.Empty(t, sevsIn(run(t, rules.Domains, f)), "white space around %s", filed)
	}
}

// TestRecordCertNotTyped: the domain record's holder certificate number,
// the subject's credit code typed any way, is the subject's (no mismatch)
// and its typing is not reported: the record is not submitted.
func TestRecordCertNotTyped(t *testing.T) {
	const uscc = "91440300MA5F12342Q"
	for name, typed := range certTypings(uscc) {
		f := cleanFiling()
		require.Equal(t, uscc, f.Subject.CertNumber)
		f.Domains[0].HolderCertNumber = typed
		assert.Empty(t, sevsIn(run(t, rules.DomainHolder, f)), name)
		assert.Empty(t, sevsIn(run(t, rules.Certificate, f)), name)
	}
}

// formSpaces are the characters a browser's trim() takes from the ends of
// a value, the byte order mark aside (an invisible character, reported).
var formSpaces = []string{"\t", "\n", "\r", "\v", "\f", "\u2028", "\u2029", " ", "\u00a0", "\u1680",
	"\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a",
	"\u202f", "\u205f", "\u3000"}

// TestWhiteSpaceAroundNotReported: white space around a value — every
// character trim() takes, before, after or on both sides — is reported by
// no rule in any field that holds a name, a certificate number, a phone,
// an e-mail address or a domain (README, "Typing": a form trims it); the
// same character inside a phone or a certificate number is still read as
// a typing or reported.
func TestWhiteSpaceAroundNotReported(t *testing.T) {
	ruleSet := []*rules.Rule{rules.TextFields, rules.Phone, rules.Certificate, rules.Domains, rules.DomainHolder, rules.Contact, rules.SiteName}
	report := func(f *beian.Filing) []found {
		var all []rules.Rejection
		for _, r := range ruleSet {
			all = append(all, run(t, r, f)...)
		}
		return foundIn(all)
	}
	f := allPrincipals()
	base := report(f)
	values := map[beian.Path]string{
		"subject.name": f.Subject.Name, "subject.cert_number": f.Subject.CertNumber,
		"subject.principal.name": f.Subject.Principal.Name, "subject.principal.cert_number": f.Subject.Principal.CertNumber,
		"subject.principal.mobile": f.Subject.Principal.Mobile, "subject.principal.phone": f.Subject.Principal.Phone,
		"subject.principal.emergency_phone": f.Subject.Principal.EmergencyPhone, "subject.principal.email": f.Subject.Principal.Email,
		"websites[0].name": f.Websites[0].Name, "websites[0].domains[0]": f.Websites[0].Domains[0],
		"websites[0].principal.cert_number": f.Websites[0].Principal.CertNumber, "websites[0].principal.mobile": f.Websites[0].Principal.Mobile,
		"domains[0].domain": f.Domains[0].Domain, "domains[0].holder_name": f.Domains[0].HolderName,
		"domains[0].holder_cert_number": f.Domains[0].HolderCertNumber,
	}
	cases := 0
	for path, v := range values {
		require.NotEmpty(t, v, path)
		for _, sp := range formSpaces {
			// Mixed with a tab, as a spreadsheet's cell pastes: the space
			// must be trimmed for the tab to be at the end.
			for _, typed := range []string{sp + v, v + sp, sp + sp + v + sp, "\t" + sp + v + sp + "\t", sp + "\t" + v + "\n" + sp} {
				g, err := rules.ApplyFix(f, rules.Fix{Field: path, Value: typed})
				require.NoError(t, err)
				assert.Equal(t, base, report(g), "%s %q", path, typed)
				cases++
			}
		}
	}
	assert.Greater(t, cases, 1700)
}
