package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

const (
	androidMD5 = "88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C"
	iosSHA1    = "55:9F:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B"
	// rsaModulus is an RSA-1024 modulus in hex, as JadxGUI shows one.
	rsaModulus = "00c3a1f2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081"
)

// appFiling is cleanFiling with one native App on Android and iOS.
func appFiling() *beian.Filing {
	f := cleanFiling()
	f.Apps = []beian.App{{
		Type: beian.AppNative, Name: "示例记账本",
		Platforms: []beian.AppPlatform{
			{Platform: beian.PlatformAndroid, Package: "cn.shilikeji.ledger", PublicKey: rsaModulus, Signature: androidMD5, Domains: []string{"api.shilikeji.cn"}},
			{Platform: beian.PlatformIOS, Package: "cn.shilikeji.Ledger", PublicKey: rsaModulus, Signature: iosSHA1, Domains: []string{"api.shilikeji.cn"}},
		},
		PrincipalSameAsSubject: true,
	}}
	return f
}

func TestAppsClean(t *testing.T) {
	f := appFiling()
	for _, r := range []*rules.Rule{rules.Apps, rules.AppName, rules.Fields, rules.Domains, rules.DomainHolder, rules.Content, rules.ICPNumber} {
		assert.Empty(t, foundIn(run(t, r, f)), r.Name)
	}
}

func TestApps(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(f *beian.Filing)
		want []found
		sev  rules.Severity
	}{
		{"no platform", func(f *beian.Filing) { f.Apps[0].Platforms = nil },
			[]found{{"apps[0].platforms", rules.CodeAppPlatformMissing}}, rules.Error},
		{"android package", func(f *beian.Filing) { f.Apps[0].Platforms[0].Package = "cn.1shilikeji" },
			[]found{{"apps[0].platforms[0].package", rules.CodeAppPackageInvalid}}, rules.Error},
		{"android keyword", func(f *beian.Filing) { f.Apps[0].Platforms[0].Package = "cn.shilikeji.new" },
			[]found{{"apps[0].platforms[0].package", rules.CodeAppPackageInvalid}}, rules.Warning},
		{"harmony two segments", func(f *beian.Filing) {
			f.Apps[0].Platforms[1] = beian.AppPlatform{Platform: beian.PlatformHarmonyOS, Package: "shilikeji.ledger", PublicKey: rsaModulus, Signature: androidMD5}
		}, []found{{"apps[0].platforms[1].package", rules.CodeAppPackageInvalid}}, rules.Warning},
		{"duplicate package, other App", func(f *beian.Filing) {
			f.Apps = append(f.Apps, beian.App{Type: beian.AppNative, Name: "示例记账本专业版", PrincipalSameAsSubject: true,
				Platforms: []beian.AppPlatform{{Platform: beian.PlatformIOS, Package: "CN.SHILIKEJI.LEDGER", PublicKey: rsaModulus, Signature: iosSHA1}}})
		}, []found{{"apps[1].platforms[0].package", rules.CodeAppPackageDuplicate}}, rules.Error},
		{"android sha1", func(f *beian.Filing) { f.Apps[0].Platforms[0].Signature = iosSHA1 },
			[]found{{"apps[0].platforms[0].signature", rules.CodeAppSignatureInvalid}}, rules.Error},
		{"ios md5", func(f *beian.Filing) { f.Apps[0].Platforms[1].Signature = androidMD5 },
			[]found{{"apps[0].platforms[1].signature", rules.CodeAppSignatureInvalid}}, rules.Warning},
		{"no signature", func(f *beian.Filing) { f.Apps[0].Platforms[0].Signature = "" },
			[]found{{"apps[0].platforms[0].signature", rules.CodeAppSignatureInvalid}}, rules.Error},
		{"key not key", func(f *beian.Filing) { f.Apps[0].Platforms[0].PublicKey = "请填写公钥" },
			[]found{{"apps[0].platforms[0].public_key", rules.CodeAppPublicKeyInvalid}}, rules.Error},
		// The visible part of a truncated Keychain copy is what iOS
		// consoles take (app-filing-facts §2.5: no length warning for iOS);
		// the same on Android is doubtful.
		{"ios truncated key", func(f *beian.Filing) { f.Apps[0].Platforms[1].PublicKey = "3082010a0282010100c3" },
			[]found{}, 0},
		{"android truncated key", func(f *beian.Filing) { f.Apps[0].Platforms[0].PublicKey = "3082010a0282010100c3" },
			[]found{{"apps[0].platforms[0].public_key", rules.CodeAppPublicKeyInvalid}}, rules.Warning},
		{"mini-program appid", func(f *beian.Filing) {
			f.Apps[0] = beian.App{Type: beian.AppMiniProgram, Name: "示例记账本", PrincipalSameAsSubject: true,
				Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx-ledger"}}}
		}, []found{{"apps[0].platforms[0].package", rules.CodeAppPackageInvalid}}, rules.Warning},
		{"mini-program with a signature", func(f *beian.Filing) {
			f.Apps[0] = beian.App{Type: beian.AppMiniProgram, Name: "示例记账本", PrincipalSameAsSubject: true,
				Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef", Signature: androidMD5}}}
		}, []found{{"apps[0].platforms[0].signature", rules.CodeAppSignatureInvalid}}, rules.Warning},
	} {
		f := appFiling()
		tc.edit(f)
		rs := run(t, rules.Apps, f)
		assert.Equal(t, tc.want, foundIn(rs), tc.name)
		if len(rs) == 1 {
			assert.Equal(t, tc.sev, rs[0].Severity, tc.name)
		}
	}
	// A mini-program's stray key is cleared by its fix.
	mp := appFiling()
	mp.Apps[0] = beian.App{Type: beian.AppMiniProgram, Name: "示例记账本", PrincipalSameAsSubject: true,
		Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef", PublicKey: rsaModulus}}}
	rs := run(t, rules.Apps, mp)
	require.Len(t, rs, 1)
	require.Len(t, rs[0].Fixes, 1)
	fixed, err := rules.ApplyFix(mp, rs[0].Fixes[0])
	require.NoError(t, err)
	assert.Empty(t, foundIn(run(t, rules.Apps, fixed)))
	// The same package may repeat across platforms of one App.
	f := appFiling()
	f.Apps[0].Platforms[1].Package = "cn.shilikeji.ledger"
	assert.Empty(t, foundIn(run(t, rules.Apps, f)))
}

func TestAppName(t *testing.T) {
	for _, tc := range []struct {
		name   string
		nature beian.Nature
		want   []found
		sev    rules.Severity
	}{
		{"示例记账本", beian.NatureEnterprise, nil, 0},
		{"示例记账😀", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeAppNameInvalid}}, rules.Error},
		{"记账本测试版", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeAppNameInvalid}}, rules.Error},
		{"Ledger Demo 记账本", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeAppNameInvalid}}, rules.Error},
		{"免费记账本", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeAppNameInvalid}}, rules.Error},
		{"示例记账本(专业版)", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeAppNameInvalid}, {"apps[0].name", rules.CodeAppNameInvalid}}, rules.Warning},
		{"中国记账本", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeSiteNameBannedPrefix}}, rules.Warning},
		{"鹿记", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeSiteNameTooShort}}, rules.Warning},
		{"百家乐记账本", beian.NatureEnterprise, []found{{"apps[0].name", rules.CodeSiteNameSensitive}}, rules.Error},
		{"张三的记账论坛", beian.NaturePersonal, []found{{"apps[0].name", rules.CodeSiteNamePersonalRestricted}}, rules.Warning},
	} {
		f := appFiling()
		f.Subject.Nature = tc.nature
		f.Apps[0].Name = tc.name
		rs := run(t, rules.AppName, f)
		if tc.want == nil {
			assert.Empty(t, foundIn(rs), tc.name)
			continue
		}
		assert.Equal(t, tc.want, foundIn(rs), tc.name)
		assert.Equal(t, tc.sev, rs[0].Severity, tc.name)
	}
	f := appFiling()
	f.Apps = append(f.Apps, f.Apps[0])
	f.Apps[1].Platforms = nil
	assert.Equal(t, []found{{"apps[1].name", rules.CodeAppNameInvalid}}, foundIn(run(t, rules.AppName, f)), "same name twice")
}

func TestAppFields(t *testing.T) {
	f := appFiling()
	f.Websites = nil
	assert.Empty(t, foundIn(run(t, rules.Fields, f)), "an App alone is enough")
	f.Apps = nil
	assert.Equal(t, []found{{"websites", rules.CodeFieldRequired}}, foundIn(run(t, rules.Fields, f)))

	f = appFiling()
	f.Apps[0].Platforms[0].Platform = beian.PlatformWeChat
	f.Apps[0].Platforms[1].Package = " "
	f.Apps[0].PrincipalSameAsSubject = false
	f.Apps[0].Type = beian.AppNative
	assert.Equal(t, []found{
		{"apps[0].platforms[0].platform", rules.CodeValueUnknown},
		{"apps[0].platforms[1].package", rules.CodeFieldRequired},
		{"apps[0].principal", rules.CodeFieldRequired},
	}, foundIn(run(t, rules.Fields, f)))
}

func TestAppDomains(t *testing.T) {
	f := appFiling()
	f.Apps[0].Platforms[0].Domains = []string{"a.b.api.shilikeji.cn", "api.shilikeji.top", "not a domain"}
	rs := run(t, rules.Domains, f)
	assert.Equal(t, []found{
		{"apps[0].platforms[0].domains[0]", rules.CodeDomainInvalid},
		{"apps[0].platforms[0].domains[2]", rules.CodeDomainInvalid},
	}, foundIn(rs))

	// Huawei takes the fourth level, certainly; Tencent gives no page, so
	// the default's level 3 is a warning.
	f.Apps[0].Platforms[0].Domains = []string{"c.b.api.shilikeji.cn"}
	for _, tc := range []struct {
		profile string
		want    []found
		sev     rules.Severity
	}{
		{"", []found{{"apps[0].platforms[0].domains[0]", rules.CodeDomainInvalid}}, rules.Error},
		{"huawei", []found{}, 0},
		{"tencent", []found{{"apps[0].platforms[0].domains[0]", rules.CodeDomainInvalid}}, rules.Warning},
	} {
		p, ok := rules.ProfileNamed(tc.profile)
		require.True(t, ok)
		rs := runWith(t, rules.Domains, f, &rules.Config{Policies: provinces.DefaultPolicies(), Profile: &p})
		assert.Equal(t, tc.want, foundIn(rs), tc.profile)
		if len(rs) == 1 {
			assert.Equal(t, tc.sev, rs[0].Severity, tc.profile)
			assert.False(t, rs[0].Source.IsZero(), tc.profile)
		}
	}

	// The holder of an App's domain is the subject's.
	f = appFiling()
	f.Websites = nil
	f.Domains[0].HolderName = "另一家公司"
	assert.Equal(t, []found{{"domains[0].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(run(t, rules.DomainHolder, f)))
}

func TestAppContent(t *testing.T) {
	f := appFiling()
	f.Apps[0].ContentCategories = []beian.ContentCategory{beian.ContentNews}
	assert.Equal(t, []found{{"apps[0].content_categories[0]", rules.CodeContentPreApprovalRequired}}, foundIn(run(t, rules.Content, f)))
}

func TestEmergencyPhone(t *testing.T) {
	f := appFiling()
	f.Apps[0].PrincipalSameAsSubject = false
	f.Apps[0].Principal = &beian.Principal{Name: "李四", CertType: beian.CertIDCard, CertNumber: "440106198503152017",
		Mobile: "13660123457", Email: "lisi@shilikeji.cn", EmergencyPhone: "13660123456"}
	f.Subject.Principal.EmergencyPhone = "13660123456"
	rs := run(t, rules.Contact, f)
	assert.Equal(t, []found{
		{"apps[0].principal.emergency_phone", rules.CodeContactNotDistinct},
		{"subject.principal.emergency_phone", rules.CodeContactNotDistinct},
	}, foundIn(rs))

	f.Subject.Principal.EmergencyPhone = "0755-26888899"
	f.Apps[0].Principal.EmergencyPhone = "12345"
	assert.Equal(t, []found{{"apps[0].principal.emergency_phone", rules.CodePhoneInvalid}}, foundIn(run(t, rules.Phone, f)))
	assert.Empty(t, foundIn(run(t, rules.Contact, f)))

	// Absent: skipped, not required.
	f = appFiling()
	pass := rules.NewPass(context.Background(), f, f, &rules.Config{Policies: provinces.DefaultPolicies()}, f.SubmittedAt)
	pass.Rule = rules.Contact
	require.NoError(t, rules.Contact.Run(pass))
	require.Len(t, pass.Skipped(), 1)
	assert.Equal(t, rules.CodeContactNotDistinct, pass.Skipped()[0].Code)
	assert.Empty(t, foundIn(run(t, rules.Fields, f)))
}

func TestProfiles(t *testing.T) {
	assert.Equal(t, []string{"aliyun", "huawei", "tencent"}, rules.ProfileNames())
	def, ok := rules.ProfileNamed("")
	require.True(t, ok)
	assert.Equal(t, 3, def.AppDomainMaxLevel.Value)
	assert.True(t, def.AppDomainMaxLevel.Certain)
	hw, _ := rules.ProfileNamed("huawei")
	assert.Equal(t, 4, hw.AppDomainMaxLevel.Value)
	al, _ := rules.ProfileNamed("aliyun")
	assert.Equal(t, 3, al.AppDomainMaxLevel.Value)
	assert.False(t, al.AppDomainMaxLevel.Certain, "inherited, not sourced for Aliyun")
	_, ok = rules.ProfileNamed("ucloud")
	assert.False(t, ok)
	for _, name := range append(rules.ProfileNames(), "") {
		p, _ := rules.ProfileNamed(name)
		for _, keys := range [][]string{p.AppDomainMaxLevel.SourceKeys(), p.VerificationWaitDays.SourceKeys(), p.EmergencyDistinct.SourceKeys(), p.FilesMiniPrograms.SourceKeys()} {
			assert.NotEmpty(t, keys, name)
		}
	}
}

// TestEmergencyRemarkTianjin: Tianjin wants the remark to say whose the
// emergency phone is (UC 天津管局规则); other provinces do not.
func TestEmergencyRemarkTianjin(t *testing.T) {
	f := appFiling()
	f.Province = "12"
	f.Subject.Principal.EmergencyPhone = "13800138000"
	assert.Equal(t, []found{
		{"apps[0].remark", rules.CodeEmergencyRemarkMissing},
		{"websites[0].remark", rules.CodeEmergencyRemarkMissing},
	}, foundIn(run(t, rules.Contact, f)))
	f.Websites[0].Remark = "应急联系电话使用人为本单位员工王五"
	f.Apps[0].Remark = "应急联系电话使用人为本单位员工王五"
	assert.Empty(t, foundIn(run(t, rules.Contact, f)))
	f.Province = "44"
	f.Websites[0].Remark = ""
	assert.Empty(t, foundIn(run(t, rules.Contact, f)))
}

func TestAppPrincipalCertificate(t *testing.T) {
	f := appFiling()
	f.Apps[0].PrincipalSameAsSubject = false
	f.Apps[0].Principal = &beian.Principal{Name: "李四", CertType: beian.CertIDCard, CertNumber: "440106198503152018",
		Mobile: "13660123457", Email: "lisi@shilikeji.cn"}
	assert.Equal(t, []found{{"apps[0].principal.cert_number", rules.CodeCertNumberInvalid}}, foundIn(run(t, rules.Certificate, f)))
	assert.Empty(t, foundIn(run(t, rules.Phone, f)))
}

// TestProfileNamedAnyCase: every profile is found by its name in any
// case with spaces around it, as a console passes its display name
// (outsider13: "Huawei" was refused), and is the profile of its name;
// another name is not. Made to fail by looking the name up as typed.
func TestProfileNamedAnyCase(t *testing.T) {
	for _, name := range rules.ProfileNames() {
		want, ok := rules.ProfileNamed(name)
		require.True(t, ok, name)
		for _, typed := range []string{strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:], " " + name + "\t", "\u3000" + name} {
			got, ok := rules.ProfileNamed(typed)
			if assert.True(t, ok, "%q", typed) {
				assert.Equal(t, want, got, "%q", typed)
			}
		}
	}
	for _, name := range []string{"huaweicloud", "hua wei", "Ｈｕａｗｅｉ"} {
		_, ok := rules.ProfileNamed(name)
		assert.False(t, ok, "%q", name)
	}
}
