package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// twoPrincipals returns the clean filing with a website principal of its
// own: another person (another ID card) with contacts of their own.
func twoPrincipals() *beian.Filing {
	f := cleanFiling()
	f.Websites[0].PrincipalSameAsSubject = false
	f.Websites[0].Principal = &beian.Principal{
		Name: "李四", CertType: beian.CertIDCard, CertNumber: "440306199203151245",
		Mobile: "13660123457", Phone: "0755-26888889", Email: "lisi@shilikeji.cn",
	}
	return f
}

func TestContactClean(t *testing.T) {
	assert.Empty(t, run(t, rules.Contact, cleanFiling()))
	assert.Empty(t, run(t, rules.Contact, twoPrincipals()))
}

func TestEmailInvalid(t *testing.T) {
	for _, bad := range []string{"zhangsan", "zhangsan@", "zhangsan@localhost", "张三 <zhangsan@shilikeji.cn>",
		"a@b.cn, c@d.cn", "\"zhang san\"@shilikeji.cn", "张三@shilikeji.cn", "zhangsan@[10.0.0.1]", "a..b@shilikeji.cn",
		"zhangsan@shilikeji.test", "zhangsan@shilikeji.local", "zhangsan@shilikeji.invalid", "zhangsan@mail.shilikeji.onion", "zhangsan@shilike©.cn"} {
		f := twoPrincipals()
		f.Subject.Principal.Email = bad
		f.Websites[0].Principal.Email = bad + " "
		rs := run(t, rules.Contact, f)
		assert.Equal(t, []found{
			{"subject.principal.email", rules.CodeEmailInvalid},
			{"websites[0].principal.email", rules.CodeEmailInvalid},
		}, foundIn(rs), "%q", bad)
	}
	for _, good := range []string{"webmaster@例子.中国", "Zhang.San+icp@mail.shilikeji.com.cn", " lisi@例子.公司 "} {
		f := cleanFiling()
		f.Subject.Principal.Email = good
		assert.Empty(t, run(t, rules.Contact, f), good)
	}
}

// TestEmailFullWidth: an address typed with full-width characters is
// EMAIL_INVALID as a warning whose one certain fix is the address in ASCII;
// one that is no address in ASCII either stays an error without a fix.
func TestEmailFullWidth(t *testing.T) {
	for typed, want := range map[string]string{
		"zhangsan＠shilikeji.cn": "zhangsan@shilikeji.cn",
		"ｚｈａｎｇｓａｎ＠ｓｈｉｌｉｋｅｊｉ．ｃｎ":    "zhangsan@shilikeji.cn",
		" Zhang.San＠shilikeji。cn ": "Zhang.San@shilikeji.cn",
		// Only the domain typed wide: IDNA would read it, the filing
		// system takes it as typed.
		"zhangsan@shilikeji。cn":  "zhangsan@shilikeji.cn",
		"zhangsan@shilikeji．cn":  "zhangsan@shilikeji.cn",
		"zhangsan@shilikeji｡cn":  "zhangsan@shilikeji.cn",
		"zhangsan@ｓｈｉｌｉｋｅｊｉ.cn":  "zhangsan@shilikeji.cn",
		"webmaster@例子。中国":        "webmaster@例子.中国",
		"zhangsan＠＠shilikeji.cn": "",
		"张三＠shilikeji.cn":        "",
	} {
		f := cleanFiling()
		f.Subject.Principal.Email = typed
		rs := run(t, rules.Contact, f)
		require.Equal(t, []found{{"subject.principal.email", rules.CodeEmailInvalid}}, foundIn(rs), typed)
		if want == "" {
			assert.Equal(t, rules.Error, rs[0].Severity, typed)
			assert.Empty(t, rs[0].Fixes, typed)
			continue
		}
		assert.Equal(t, rules.Warning, rs[0].Severity, typed)
		require.Len(t, rs[0].Fixes, 1, typed)
		assert.Equal(t, rules.Fix{Field: "subject.principal.email", Value: want, Title: rs[0].Fixes[0].Title}, rs[0].Fixes[0], typed)
	}
}

// TestClassEmailFullWidthShared: another person's address typed in full
// width (any part of it) is the address it is read as, shared with the
// first principal: CONTACT_NOT_DISTINCT beside the typing's warning.
func TestClassEmailFullWidthShared(t *testing.T) {
	const addr = "zhangsan@shilikeji.cn"
	for _, typed := range []string{
		"zhangsan＠shilikeji.cn", "zhangsan@shilikeji。cn", "zhangsan@shilikeji．cn", "zhangsan@shilikeji｡cn",
		"ｚｈａｎｇｓａｎ@shilikeji.cn", "zhangsan@ｓｈｉｌｉｋｅｊｉ.cn", "ｚｈａｎｇｓａｎ＠ｓｈｉｌｉｋｅｊｉ．ｃｎ", " ZhangSan＠Shilikeji。CN ",
	} {
		f := twoPrincipals()
		f.Subject.Principal.Email = addr
		f.Websites[0].Principal.Email = typed
		assert.Equal(t, []found{
			{"websites[0].principal.email", rules.CodeContactNotDistinct},
			{"websites[0].principal.email", rules.CodeEmailInvalid},
		}, foundIn(run(t, rules.Contact, f)), "%q", typed)
		// The other way round: the later principal's address in ASCII.
		f.Subject.Principal.Email, f.Websites[0].Principal.Email = typed, addr
		assert.Equal(t, []found{
			{"subject.principal.email", rules.CodeEmailInvalid},
			{"websites[0].principal.email", rules.CodeContactNotDistinct},
		}, foundIn(run(t, rules.Contact, f)), "%q", typed)
	}
}

func TestContactNotDistinct(t *testing.T) {
	// Different people sharing a mobile (typed differently) and an e-mail
	// (in another case).
	f := twoPrincipals()
	f.Websites[0].Principal.Mobile = "+86 136 6012 3456"
	f.Websites[0].Principal.Email = "ZhangSan@SHILIKEJI.cn"
	rs := run(t, rules.Contact, f)
	require.Equal(t, []found{
		{"websites[0].principal.email", rules.CodeContactNotDistinct},
		{"websites[0].principal.mobile", rules.CodeContactNotDistinct},
	}, foundIn(rs))
	for _, r := range rs {
		assert.Equal(t, rules.Error, r.Severity)
		assert.Len(t, r.Related, 1)
		assert.Contains(t, string(r.Related[0]), "subject.principal.")
	}

	// The same person (same certificate, however spaced) may share them.
	f.Websites[0].Principal.CertNumber = " 44030519900101123x "
	assert.Empty(t, run(t, rules.Contact, f))

	// Without a certificate number the library cannot tell they differ.
	f.Websites[0].Principal.CertNumber = ""
	assert.Empty(t, run(t, rules.Contact, f))

	// Two website principals who are different people.
	f = twoPrincipals()
	f.Websites = append(f.Websites, beian.Website{Name: "示例二", Domains: []string{"b.cn"}, Principal: &beian.Principal{
		Name: "王五", CertType: beian.CertIDCard, CertNumber: "430102199005061234", Mobile: "13660123457", Email: "wangwu@shilikeji.cn",
	}})
	assert.Equal(t, []found{{"websites[1].principal.mobile", rules.CodeContactNotDistinct}}, foundIn(run(t, rules.Contact, f)))
}

func TestOfficePhoneDiffersFromMobile(t *testing.T) {
	for _, p := range provinces.All() {
		f := cleanFiling()
		f.Province = p.Code
		f.Subject.Principal.Mobile = "13660123456"
		f.Subject.Principal.Phone = "136-6012-3456"
		rs := run(t, rules.Contact, f)
		switch p.Code {
		case "11", "21", "22": // Beijing, Liaoning, Jilin (TC 主体信息)
			require.Equal(t, []found{{"subject.principal.phone", rules.CodeContactNotDistinct}}, foundIn(rs), p.Name)
			assert.Equal(t, rules.Error, rs[0].Severity)
			assert.Equal(t, []beian.Path{"subject.principal.mobile"}, rs[0].Related)
		default:
			assert.Empty(t, rs, p.Name)
		}
	}
	// An uncertain fact gives a warning; a website principal's own phone
	// is checked too.
	ps, err := provinces.DefaultPolicies().Override([]byte(`{"31": {"office_phone_differs_from_mobile": {"value": true, "certain": false, "source": "test"}}}`))
	require.NoError(t, err)
	f := twoPrincipals()
	f.Province = "31"
	f.Websites[0].Principal.Phone = f.Websites[0].Principal.Mobile
	rs := runWith(t, rules.Contact, f, &rules.Config{Policies: ps})
	require.Equal(t, []found{{"websites[0].principal.phone", rules.CodeContactNotDistinct}}, foundIn(rs))
	assert.Equal(t, rules.Warning, rs[0].Severity)
}
