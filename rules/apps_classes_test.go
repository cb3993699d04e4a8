package rules_test

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// nativePlatforms are the native platforms with an identity that checks
// clean: package, fingerprint and key.
var nativePlatforms = []beian.AppPlatform{
	{Platform: beian.PlatformAndroid, Package: "cn.shilikeji.ledger", PublicKey: rsaModulus, Signature: androidMD5},
	{Platform: beian.PlatformIOS, Package: "cn.shilikeji.Ledger", PublicKey: rsaModulus, Signature: iosSHA1},
	{Platform: beian.PlatformHarmonyOS, Package: "cn.shilikeji.ledger", PublicKey: rsaModulus, Signature: androidMD5},
}

// nativeApp returns appFiling with its App on platform p only, using
// domains, then the platforms of more.
func nativeApp(p beian.AppPlatform, domains []string, more ...beian.AppPlatform) *beian.Filing {
	f := appFiling()
	p.Domains = domains
	f.Apps[0].Platforms = append([]beian.AppPlatform{p}, more...)
	return f
}

// TestPlatformPackagesDomains holds the rule that several packages of one
// App on one platform use the same domains (ucloud-app-knowledge, R9): on
// every native platform, a second package whose domains differ from the
// first's (other, more, fewer) is APP_PACKAGE_DUPLICATE at its domains,
// an error; the same domains however typed and ordered, a second package
// with no domains, another platform's different domains and a
// mini-program's entries pass.
func TestPlatformPackagesDomains(t *testing.T) {
	first := []string{"api.shilikeji.cn", "img.shilikeji.cn"}
	for _, p := range nativePlatforms {
		for _, tc := range []struct {
			name    string
			domains []string // the second package's
			report  bool
		}{
			{"same", []string{"api.shilikeji.cn", "img.shilikeji.cn"}, false},
			{"same, reordered and typed otherwise", []string{"IMG.shilikeji.cn.", " api.shilikeji.cn"}, false},
			{"none", nil, false},
			{"other", []string{"api2.shilikeji.cn"}, true},
			{"one more", []string{"api.shilikeji.cn", "img.shilikeji.cn", "cdn.shilikeji.cn"}, true},
			{"one fewer", []string{"api.shilikeji.cn"}, true},
		} {
			second := p
			second.Package = p.Package + ".lite"
			second.Domains = tc.domains
			other := nativePlatforms[0]
			if p.Platform == beian.PlatformAndroid {
				other = nativePlatforms[1]
			}
			other.Domains = []string{"else.shilikeji.cn"} // another platform's domains differ freely
			f := nativeApp(p, first, other, second)
			rs := run(t, rules.Apps, f)
			name := string(p.Platform) + " " + tc.name
			if !tc.report {
				assert.Empty(t, foundIn(rs), name)
				continue
			}
			require.Equal(t, []found{{"apps[0].platforms[2].domains", rules.CodeAppPackageDuplicate}}, foundIn(rs), name)
			assert.Equal(t, rules.Error, rs[0].Severity, name)
			assert.Equal(t, []beian.Path{"apps[0].platforms[0].domains"}, rs[0].Related, name)
			assert.Equal(t, "ucloud-app-knowledge", rs[0].Source.Key, name)
		}
		// The same package twice is the package's duplicate, not this.
		dup := p
		dup.Domains = []string{"api2.shilikeji.cn"}
		rs := run(t, rules.Apps, nativeApp(p, first, dup))
		assert.Equal(t, []found{{"apps[0].platforms[1].package", rules.CodeAppPackageDuplicate}}, foundIn(rs), p.Platform)
	}
	// An App with more platforms than are scanned (they are indexed):
	// the same answers.
	many := []beian.AppPlatform{}
	for n := range 9 {
		p := nativePlatforms[1]
		p.Package += ".n" + string(rune('a'+n))
		p.Domains = first
		many = append(many, p)
	}
	lite := nativePlatforms[0]
	lite.Package += ".lite"
	lite.Domains = []string{"api2.shilikeji.cn"}
	f := nativeApp(nativePlatforms[0], first, append(many, lite)...)
	rs := run(t, rules.Apps, f)
	require.Equal(t, []found{{"apps[0].platforms[10].domains", rules.CodeAppPackageDuplicate}}, foundIn(rs))
	assert.Equal(t, []beian.Path{"apps[0].platforms[0].domains"}, rs[0].Related)
	// Mini-programs file no domains: two entries on one platform are not
	// compared (their domains are the domain rule's warning).
	mp := appFiling()
	mp.Apps[0] = beian.App{Type: beian.AppMiniProgram, Name: "示例记账本", PrincipalSameAsSubject: true,
		Platforms: []beian.AppPlatform{
			{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef", Domains: []string{"a.shilikeji.cn"}},
			{Platform: beian.PlatformWeChat, Package: "wx1234567890abcde0", Domains: []string{"b.shilikeji.cn"}},
		}}
	for _, r := range run(t, rules.Apps, mp) {
		assert.NotEqual(t, rules.CodeAppPackageDuplicate, r.Code, r.Field)
	}
}

// TestAppDomainForms types an App domain every way people paste it, on
// every native platform: a URL, a path, a port, upper case, full width or
// a trailing dot is a DOMAIN_INVALID warning whose fix is the host, and
// the fixed filing passes; the host as filed (a sub-domain, the
// registered domain, an IDN in Unicode) passes.
func TestAppDomainForms(t *testing.T) {
	for k, p := range nativePlatforms {
		for _, tc := range []struct {
			typed, fix string // fix "": accepted as typed
		}{
			{"api.shilikeji.cn", ""},
			{"shilikeji.cn", ""},
			{"a.api.shilikeji.cn", ""},
			{"api.示例.中国", ""},
			{"https://api.shilikeji.cn/v1", "api.shilikeji.cn"},
			{"http://api.shilikeji.cn", "api.shilikeji.cn"},
			{"api.shilikeji.cn/v1", "api.shilikeji.cn"},
			{"api.shilikeji.cn:8443", "api.shilikeji.cn"},
			{"API.SHILIKEJI.CN", "api.shilikeji.cn"},
			{"Api.ShiliKeji.cn", "api.shilikeji.cn"},
			{"ａｐｉ.shilikeji.cn", "api.shilikeji.cn"},
			{"ａｐｉ．ｓｈｉｌｉｋｅｊｉ．ｃｎ", "api.shilikeji.cn"},
			{"api.shilikeji.cn.", "api.shilikeji.cn"},
			{"https://API.示例.中国/v1", "api.示例.中国"},
		} {
			f := nativeApp(p, []string{tc.typed})
			f.Apps[0].Platforms = append(make([]beian.AppPlatform, k), f.Apps[0].Platforms...)
			for j := range k { // other platforms before it, without domains
				f.Apps[0].Platforms[j] = nativePlatforms[j]
			}
			rs := run(t, rules.Domains, f)
			name := string(p.Platform) + " " + tc.typed
			if tc.fix == "" {
				assert.Empty(t, foundIn(rs), name)
				continue
			}
			at := beian.Path("apps").Index(0).Field("platforms").Index(k).Field("domains").Index(0)
			require.Equal(t, []found{{at, rules.CodeDomainInvalid}}, foundIn(rs), name)
			assert.Equal(t, rules.Warning, rs[0].Severity, name)
			require.Len(t, rs[0].Fixes, 1, name)
			assert.Equal(t, at, rs[0].Fixes[0].Field, name)
			assert.Equal(t, tc.fix, rs[0].Fixes[0].Value, name)
			fixed, err := rules.ApplyFix(f, rs[0].Fixes[0])
			require.NoError(t, err, name)
			assert.Empty(t, foundIn(run(t, rules.Domains, fixed)), name)
		}
	}
}

// TestAppDomainDuplicateInPlatform: the same host twice in one platform's
// list, however typed, is DOMAIN_DUPLICATE on the later one, related to
// the first, on every native platform; two hosts of one domain, and one
// host on two platforms, pass.
func TestAppDomainDuplicateInPlatform(t *testing.T) {
	for _, p := range nativePlatforms {
		for _, tc := range []struct {
			domains []string
			dupAt   int // -1: none
			first   int
		}{
			{[]string{"api.shilikeji.cn", "api.shilikeji.cn"}, 1, 0},
			{[]string{"api.shilikeji.cn", "img.shilikeji.cn", "api.shilikeji.cn"}, 2, 0},
			{[]string{"img.shilikeji.cn", "api.shilikeji.cn", "API.shilikeji.cn"}, 2, 1},
			{[]string{"shilikeji.cn", "shilikeji.cn."}, 1, 0},
			{[]string{"api.shilikeji.cn", "img.shilikeji.cn"}, -1, 0},
			{[]string{"api.shilikeji.cn", "shilikeji.cn"}, -1, 0},
		} {
			other := nativePlatforms[0]
			if p.Platform == beian.PlatformAndroid {
				other = nativePlatforms[1]
			}
			other.Domains = []string{"api.shilikeji.cn"} // the same host on another platform
			f := nativeApp(p, tc.domains, other)
			var dups []rules.Rejection
			for _, r := range run(t, rules.Domains, f) {
				if r.Code == rules.CodeDomainDuplicate {
					dups = append(dups, r)
				}
			}
			name := string(p.Platform) + " " + tc.domains[len(tc.domains)-1]
			if tc.dupAt < 0 {
				assert.Empty(t, dups, name)
				continue
			}
			require.Len(t, dups, 1, name)
			assert.Equal(t, beian.Path("apps[0].platforms[0].domains").Index(tc.dupAt), dups[0].Field, name)
			assert.Equal(t, []beian.Path{beian.Path("apps[0].platforms[0].domains").Index(tc.first)}, dups[0].Related, name)
			assert.Equal(t, rules.Error, dups[0].Severity, name)
		}
	}
}

// TestPackageSources: an iOS Bundle ID with an empty segment (leading,
// trailing or double dot) is an error resting on Apple's rule, as an
// Android one is on Android's; each platform's package rejection cites
// its own platform's source.
func TestPackageSources(t *testing.T) {
	for _, tc := range []struct {
		p    beian.AppPlatform
		pkg  string
		sev  rules.Severity
		from string
	}{
		{nativePlatforms[1], "cn..shilikeji", rules.Error, "apple-bundle-id"},
		{nativePlatforms[1], "cn.shilikeji.", rules.Error, "apple-bundle-id"},
		{nativePlatforms[1], ".cn.shilikeji", rules.Error, "apple-bundle-id"},
		{nativePlatforms[1], "shilikeji", rules.Warning, "apple-bundle-id"},
		{nativePlatforms[1], "cn.shili_keji", rules.Error, "apple-bundle-id"},
		{nativePlatforms[0], "cn..shilikeji", rules.Error, "android-application-id"},
		{nativePlatforms[0], "cn.shilikeji.", rules.Error, "android-application-id"},
		{nativePlatforms[0], "cn.shilikeji.new", rules.Warning, "android-application-id"},
		{nativePlatforms[2], "cn..shilikeji.app", rules.Error, "huawei-harmonyos-bundle-name"},
		{nativePlatforms[2], "shilikeji.app", rules.Warning, "huawei-harmonyos-bundle-name"},
	} {
		p := tc.p
		p.Package = tc.pkg
		rs := run(t, rules.Apps, nativeApp(p, nil))
		name := string(p.Platform) + " " + tc.pkg
		require.Equal(t, []found{{"apps[0].platforms[0].package", rules.CodeAppPackageInvalid}}, foundIn(rs), name)
		assert.Equal(t, tc.sev, rs[0].Severity, name)
		assert.Equal(t, tc.from, rs[0].Source.Key, name)
		assert.Equal(t, tc.sev == rules.Error, rs[0].Source.Certain, name)
	}
}

// TestSignatureAndKeyPastes: a fingerprint pasted with a tool's label or
// in full width, and a key in PEM armour or with the ellipsis of a
// truncated copy, are warnings whose fix is the value to file, on every
// native platform; the fixed filing passes. Colons, spaces and case pass
// as they are (§2.4: do not reject colons).
func TestSignatureAndKeyPastes(t *testing.T) {
	modulus, err := hex.DecodeString(rsaModulus[:len(rsaModulus)&^1])
	require.NoError(t, err)
	b64 := base64.StdEncoding.EncodeToString(modulus)
	pem := "-----BEGIN PUBLIC KEY-----\n" + b64[:64] + "\n" + b64[64:] + "\n-----END PUBLIC KEY-----\n"
	for k, p := range nativePlatforms {
		digest := "8874264fa1b2c3d4e5f60718293a4b5c"
		if p.Platform == beian.PlatformIOS {
			digest = "559f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b"
		}
		for _, tc := range []struct {
			field, typed, fix string // fix "": accepted
		}{
			{"signature", p.Signature, ""},
			{"signature", digest, ""},
			{"signature", "MD5: " + p.Signature, digest},
			{"signature", "md5 Fingerprint=" + p.Signature, digest},
			{"signature", "SHA1: " + p.Signature, digest},
			{"signature", "SHA1 Fingerprint=" + p.Signature, digest},
			{"signature", "MD5：" + p.Signature, digest},
			{"signature", fullWidthColons(p.Signature), digest},
			{"public_key", rsaModulus, ""},
			{"public_key", pem, b64},
			{"public_key", rsaModulus + "…", rsaModulus},
		} {
			q := p
			if tc.field == "signature" {
				q.Signature = tc.typed
			} else {
				q.PublicKey = tc.typed
			}
			f := nativeApp(nativePlatforms[(k+1)%3], nil, q)
			rs := run(t, rules.Apps, f)
			name := string(p.Platform) + " " + tc.typed
			if tc.fix == "" {
				assert.Empty(t, foundIn(rs), name)
				continue
			}
			at := beian.Path("apps[0].platforms[1]").Field(tc.field)
			code := rules.CodeAppSignatureInvalid
			if tc.field == "public_key" {
				code = rules.CodeAppPublicKeyInvalid
			}
			require.Equal(t, []found{{at, code}}, foundIn(rs), name)
			assert.Equal(t, rules.Warning, rs[0].Severity, name)
			require.Len(t, rs[0].Fixes, 1, name)
			assert.Equal(t, tc.fix, rs[0].Fixes[0].Value, name)
			fixed, err := rules.ApplyFix(f, rs[0].Fixes[0])
			require.NoError(t, err, name)
			assert.Empty(t, foundIn(run(t, rules.Apps, fixed)), name)
		}
	}
	// The other side: a truncated key with its ellipsis is still reported
	// where the platform takes no truncated key (a warning, as a key's
	// length is: app-filing-facts §2.5), with no fix that would file it,
	// and a label does not excuse a wrong digest.
	f := nativeApp(nativePlatforms[0], nil)
	f.Apps[0].Platforms[0].PublicKey = rsaModulus[:60] + "…"
	rs := run(t, rules.Apps, f)
	require.Len(t, rs, 1)
	assert.Equal(t, rules.CodeAppPublicKeyInvalid, rs[0].Code)
	assert.Equal(t, rules.Warning, rs[0].Severity)
	assert.Empty(t, rs[0].Fixes)
	f = nativeApp(nativePlatforms[0], nil)
	f.Apps[0].Platforms[0].Signature = "SHA1: " + iosSHA1
	rs = run(t, rules.Apps, f)
	require.Equal(t, []found{{"apps[0].platforms[0].signature", rules.CodeAppSignatureInvalid}}, foundIn(rs))
	assert.Equal(t, rules.Error, rs[0].Severity)
}

func fullWidthColons(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == ':' {
			r = '：'
		}
		out = append(out, r)
	}
	return string(out)
}

// TestHostedExtras: a mini-program's or quick app's signature, key and
// each domain are warnings whose fix clears them, on each hosted platform,
// and the remedy of a hosted key is not the native one (which tells the
// user to copy a key the filing does not take).
func TestHostedExtras(t *testing.T) {
	native := run(t, rules.Apps, func() *beian.Filing {
		f := nativeApp(nativePlatforms[0], nil)
		f.Apps[0].Platforms[0].PublicKey = "请填写公钥"
		return f
	}())
	require.Len(t, native, 1)
	for _, tc := range []struct {
		typ beian.AppType
		pl  beian.Platform
		pkg string
	}{
		{beian.AppMiniProgram, beian.PlatformWeChat, "wx1234567890abcdef"},
		{beian.AppMiniProgram, beian.PlatformAlipay, "2021001234567890"},
		{beian.AppQuickApp, beian.PlatformOther, "cn.shilikeji.quick"},
		{beian.AppMiniProgram, beian.PlatformDouyin, "tt1234567890abcdef"},
	} {
		f := appFiling()
		f.Apps[0] = beian.App{Type: tc.typ, Name: "示例记账本", PrincipalSameAsSubject: true,
			Platforms: []beian.AppPlatform{{Platform: tc.pl, Package: tc.pkg, PublicKey: rsaModulus, Signature: androidMD5,
				Domains: []string{"api.shilikeji.cn", "", "img.shilikeji.cn"}}}}
		rs := run(t, rules.Apps, f)
		name := string(tc.pl)
		rs = append(rs, run(t, rules.Domains, f)...)
		assert.Equal(t, []found{
			{"apps[0].platforms[0].domains[0]", rules.CodeDomainInvalid},
			{"apps[0].platforms[0].domains[2]", rules.CodeDomainInvalid},
			{"apps[0].platforms[0].public_key", rules.CodeAppPublicKeyInvalid},
			{"apps[0].platforms[0].signature", rules.CodeAppSignatureInvalid},
		}, foundIn(rs), name)
		fixed := f
		for _, r := range rs {
			assert.Equal(t, rules.Warning, r.Severity, name)
			require.Len(t, r.Fixes, 1, name)
			assert.Empty(t, r.Fixes[0].Value, name)
			var err error
			fixed, err = rules.ApplyFix(fixed, r.Fixes[0])
			require.NoError(t, err, name)
			if r.Code == rules.CodeAppPublicKeyInvalid {
				for _, tag := range []language.Tag{language.Chinese, language.English} {
					assert.NotEqual(t, native[0].Remedy(tag), r.Remedy(tag), name)
				}
			}
		}
		assert.Empty(t, foundIn(run(t, rules.Apps, fixed)), name)
		assert.Empty(t, foundIn(run(t, rules.Domains, fixed)), name)
	}
}

// TestSameAppNameAcrossKinds: two Apps of the filing with one name, for
// every pair of kinds and however the second is typed, are APP_NAME_INVALID
// at the second: an error when they are of one kind (ucloud-app-knowledge),
// a warning across kinds (a mini-program or quick app is filed on its own
// platform); different names pass.
func TestSameAppNameAcrossKinds(t *testing.T) {
	kinds := []struct {
		typ beian.AppType
		pl  beian.AppPlatform
	}{
		{beian.AppNative, nativePlatforms[0]},
		{beian.AppMiniProgram, beian.AppPlatform{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef"}},
		{beian.AppQuickApp, beian.AppPlatform{Platform: beian.PlatformOther, Package: "cn.shilikeji.quick"}},
	}
	app := func(typ beian.AppType, pl beian.AppPlatform, name, pkg string) beian.App {
		pl.Package += pkg
		return beian.App{Type: typ, Name: name, PrincipalSameAsSubject: true, Platforms: []beian.AppPlatform{pl}}
	}
	for _, a := range kinds {
		for _, b := range kinds {
			for _, tc := range []struct {
				second string
				same   bool
			}{
				{"示例记账本", true},
				{" 示例记账本 ", true},
				{"示例記賬本", true},
				{"示例记账通", false},
			} {
				f := appFiling()
				f.Apps = []beian.App{app(a.typ, a.pl, "示例记账本", ""), app(b.typ, b.pl, tc.second, "2")}
				var got []rules.Rejection
				for _, r := range run(t, rules.AppName, f) {
					if r.Code == rules.CodeAppNameInvalid {
						got = append(got, r)
					}
				}
				name := string(a.typ) + "/" + string(b.typ) + " " + tc.second
				if !tc.same {
					assert.Empty(t, got, name)
					continue
				}
				require.Len(t, got, 1, name)
				assert.Equal(t, beian.Path("apps[1].name"), got[0].Field, name)
				assert.Equal(t, []beian.Path{"apps[0].name"}, got[0].Related, name)
				want := rules.Warning
				if a.typ == b.typ {
					want = rules.Error
				}
				assert.Equal(t, want, got[0].Severity, name)
				assert.Equal(t, "ucloud-app-knowledge", got[0].Source.Key, name)
			}
		}
	}
	// A native App, its mini-program, then a second native App of the
	// name: the mini-program is a warning, the App an error related to
	// the first App.
	f := appFiling()
	f.Apps = []beian.App{app(kinds[0].typ, kinds[0].pl, "示例记账本", ""), app(kinds[1].typ, kinds[1].pl, "示例记账本", ""), app(kinds[0].typ, kinds[0].pl, "示例记账本", ".two")}
	var got []rules.Rejection
	for _, r := range run(t, rules.AppName, f) {
		if r.Code == rules.CodeAppNameInvalid {
			got = append(got, r)
		}
	}
	require.Len(t, got, 2)
	assert.Equal(t, beian.Path("apps[1].name"), got[0].Field)
	assert.Equal(t, rules.Warning, got[0].Severity)
	assert.Equal(t, beian.Path("apps[2].name"), got[1].Field)
	assert.Equal(t, rules.Error, got[1].Severity)
	assert.Equal(t, []beian.Path{"apps[0].name"}, got[1].Related)
}

// TestAppDomainWithoutRecord: an App domain on any native platform,
// however typed, that has no domain record is treated as a website's: the
// holder checks are listed as skipped, with a reason naming it, and
// nothing is reported; with a record (of its registrable domain) the
// holder is checked. A mini-program's domain is not looked up.
func TestAppDomainWithoutRecord(t *testing.T) {
	both := []rules.Code{rules.CodeDomainHolderMismatch, rules.CodeDomainHolderCertMismatch}
	for _, p := range nativePlatforms {
		for _, typed := range []string{"api.shilikeji.com.cn", "API.shilikeji.com.cn", "https://api.shilikeji.com.cn/v1", "shilikeji.com.cn"} {
			name := string(p.Platform) + " " + typed
			f := nativeApp(p, []string{typed})
			pass := runPass(t, rules.DomainHolder, f, nil)
			assert.Empty(t, pass.Rejections(), name)
			assert.Equal(t, both, skippedCodes(pass), name)
			for _, s := range pass.Skipped() {
				assert.Contains(t, s.Reason.EN, "shilikeji.com.cn", name) // names the domain
			}
			// With a record held by another, the holder is reported.
			f.Domains = append(f.Domains, beian.DomainRecord{Domain: "shilikeji.com.cn", HolderName: "别人",
				HolderCertType: beian.CertUSCC, HolderCertNumber: "91440300MA5F12342Q"})
			pass = runPass(t, rules.DomainHolder, f, nil)
			assert.Equal(t, []found{{"domains[1].holder_name", rules.CodeDomainHolderMismatch}}, foundIn(pass.Rejections()), name)
			assert.Empty(t, pass.Skipped(), name)
		}
	}
	mp := appFiling()
	mp.Apps[0] = beian.App{Type: beian.AppMiniProgram, Name: "示例记账本", PrincipalSameAsSubject: true,
		Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef", Domains: []string{"api.shilikeji.com.cn"}}}}
	pass := runPass(t, rules.DomainHolder, mp, nil)
	assert.Empty(t, pass.Rejections())
	assert.Empty(t, pass.Skipped())
}

// TestICPNumberLowerCase: a filing number typed with lower-case letters,
// in each place a letter goes (ICP, B2, each service suffix) and for each
// kind of number, is an ICP_NUMBER_INVALID warning whose fix is the
// number in capitals, after which nothing is reported; in capitals it
// passes.
func TestICPNumberLowerCase(t *testing.T) {
	f := appFiling()
	f.Apps = append(f.Apps,
		beian.App{Type: beian.AppMiniProgram, Name: "示例记账助手", PrincipalSameAsSubject: true,
			Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef"}}},
		beian.App{Type: beian.AppQuickApp, Name: "示例记账快应用", PrincipalSameAsSubject: true,
			Platforms: []beian.AppPlatform{{Platform: beian.PlatformOther, Package: "cn.shilikeji.quick"}}})
	f.FilingType = beian.FilingAddAccess
	for _, want := range []string{
		"粤B2-20090059", "粤B2-20090059-1", "粤B2-20090059-2A", "粤B2-20090059-1626X", "粤B2-20090059-4K",
		"粤ICP备2023012345号", "粤ICP备2023012345号-3", "粤ICP备2023012345号-2A", "粤ICP备2023012345号-3X", "粤ICP备2023012345号-4K",
	} {
		f.ICPNumber = want
		assert.Empty(t, foundIn(run(t, rules.ICPNumber, f)), want)
		lastLower := want // the suffix's letter alone in lower case
		if c := want[len(want)-1]; 'A' <= c && c <= 'Z' {
			lastLower = want[:len(want)-1] + string(c+'a'-'A')
		}
		typings := []string{strings.ToLower(want), strings.Replace(want, "ICP", "icp", 1), lastLower}
		if strings.Contains(want, "号") {
			// 号 left out, as footers show it, alone and with lower case.
			typings = append(typings, strings.Replace(want, "号", "", 1), strings.ToLower(strings.Replace(want, "号", "", 1)))
		}
		for _, typed := range typings {
			if typed == want {
				continue // nothing to lower
			}
			f.ICPNumber = typed
			rs := run(t, rules.ICPNumber, f)
			require.Equal(t, []found{{"icp_number", rules.CodeICPNumberInvalid}}, foundIn(rs), typed)
			assert.Equal(t, rules.Warning, rs[0].Severity, typed)
			require.Len(t, rs[0].Fixes, 1, typed)
			assert.Equal(t, want, rs[0].Fixes[0].Value, typed)
			fixed, err := rules.ApplyFix(f, rs[0].Fixes[0])
			require.NoError(t, err, typed)
			assert.Empty(t, foundIn(run(t, rules.ICPNumber, fixed)), typed)
		}
	}
	// A malformed suffix stays an error, whatever its case.
	for _, typed := range []string{"粤B2-20090059-2b", "粤B2-20090059-2ax"} {
		f.ICPNumber = typed
		rs := run(t, rules.ICPNumber, f)
		require.Equal(t, []found{{"icp_number", rules.CodeICPNumberInvalid}}, foundIn(rs), typed)
		assert.Equal(t, rules.Error, rs[0].Severity, typed)
	}
}

// TestDomainInvalidRemedies: DOMAIN_INVALID's remedy suits where the
// domain is: a website files its registered domain, an App the host it
// uses (a sub-domain is right there), a mini-program none. For each form
// of a bad domain (unparsable, a URL) the three remedies differ, and each
// is filled.
func TestDomainInvalidRemedies(t *testing.T) {
	for _, typed := range []string{"https://api.shilikeji.cn/v1", "shili_keji.com"} {
		site := cleanFiling()
		site.Websites[0].Domains = []string{typed}
		app := nativeApp(nativePlatforms[0], []string{typed})
		mp := appFiling()
		mp.Apps[0] = beian.App{Type: beian.AppMiniProgram, Name: "示例记账本", PrincipalSameAsSubject: true,
			Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef", Domains: []string{typed}}}}
		var remedies []string
		for _, f := range []*beian.Filing{site, app, mp} {
			var r *rules.Rejection
			for _, x := range run(t, rules.Domains, f) {
				if x.Code == rules.CodeDomainInvalid {
					r = &x
					break
				}
			}
			require.NotNil(t, r, typed)
			remedies = append(remedies, r.Remedy(language.English))
		}
		assert.NotEqual(t, remedies[0], remedies[1], typed)
		assert.NotEqual(t, remedies[0], remedies[2], typed)
		assert.NotEqual(t, remedies[1], remedies[2], typed)
	}
}

// TestClassPackageFullWidth: every platform's valid package name typed
// in full width (whole, one segment, with 。 or ｡ for the dots, with
// ideographic spaces around) is one APP_PACKAGE_INVALID warning whose fix
// is the name in ASCII; an invalid name typed so is reported without a
// fix; the name in ASCII is not reported.
func TestClassPackageFullWidth(t *testing.T) {
	kinds := []struct {
		typ beian.AppType
		pl  beian.AppPlatform
		bad string
	}{
		{beian.AppNative, nativePlatforms[0], "cn.1shilikeji"},
		{beian.AppNative, nativePlatforms[1], "cn.shilikeji_ledger!"},
		{beian.AppNative, nativePlatforms[2], "cn"},
		{beian.AppMiniProgram, beian.AppPlatform{Platform: beian.PlatformWeChat, Package: "wx1234567890abcdef"}, "wx12345"},
	}
	typings := map[string]func(string) string{
		"whole": width.Widen.String,
		"first segment": func(s string) string {
			if a, b, ok := strings.Cut(s, "."); ok {
				return width.Widen.String(a) + "." + b
			}
			return s
		},
		"ideographic stops":  func(s string) string { return strings.ReplaceAll(s, ".", "。") },
		"half-width stops":   func(s string) string { return strings.ReplaceAll(s, ".", "｡") },
		"ideographic spaces": func(s string) string { return "\u3000" + width.Widen.String(s) + "\u3000" },
	}
	filing := func(typ beian.AppType, pl beian.AppPlatform, pkg string) *beian.Filing {
		f := appFiling()
		pl.Package = pkg
		f.Apps = []beian.App{{Type: typ, Name: "示例记账本", PrincipalSameAsSubject: true, Platforms: []beian.AppPlatform{pl}}}
		return f
	}
	packages := func(rs []rules.Rejection) []rules.Rejection {
		var out []rules.Rejection
		for _, r := range rs {
			if r.Code == rules.CodeAppPackageInvalid {
				out = append(out, r)
			}
		}
		return out
	}
	for _, k := range kinds {
		want := k.pl.Package
		require.Empty(t, packages(run(t, rules.Apps, filing(k.typ, k.pl, want))), want)
		for name, typed := range typings {
			in := typed(want)
			if in == want {
				continue // nothing to widen (an AppID has no dot)
			}
			rs := packages(run(t, rules.Apps, filing(k.typ, k.pl, in)))
			if !assert.Len(t, rs, 1, "%s: %q", name, in) {
				continue
			}
			assert.Equal(t, rules.Warning, rs[0].Severity, "%s: %q", name, in)
			if assert.Len(t, rs[0].Fixes, 1, "%s: %q", name, in) {
				assert.Equal(t, want, rs[0].Fixes[0].Value, "%s: %q", name, in)
			}
		}
		require.Len(t, packages(run(t, rules.Apps, filing(k.typ, k.pl, k.bad))), 1, k.bad)
		rs := packages(run(t, rules.Apps, filing(k.typ, k.pl, width.Widen.String(k.bad))))
		if assert.Len(t, rs, 1, k.bad) {
			assert.Empty(t, rs[0].Fixes, "%s: no certain name to write", k.bad)
		}
	}
}
