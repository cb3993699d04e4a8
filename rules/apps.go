package rules

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/appid"
	"github.com/icpcheck/beian/rules/domain"
)

// Apps checks that each App lists its platforms and identifies itself.
//
// An App, mini-program or quick app with no platform is
// APP_PLATFORM_MISSING (ucloud-app-knowledge: the package, key and
// fingerprint are given per platform).
//
// Each platform's package is checked by package rules/appid
// (APP_PACKAGE_INVALID): the Android applicationId and the iOS Bundle ID as
// their platforms document them (android-application-id, apple-bundle-id);
// the HarmonyOS bundle name as an error only where its official sources
// agree, a warning otherwise (huawei-harmonyos-bundle-name), each
// rejection citing its platform's source; an iOS Bundle ID with an empty
// segment is an error, its number of segments advice only; a WeChat
// AppID, whose syntax is not published, as a warning only. The same
// package twice on one platform, in one App or two, is
// APP_PACKAGE_DUPLICATE (ucloud-app-knowledge: packages of one subject's
// Apps differ; the same App may repeat a package across platforms); Bundle
// IDs are compared without case. So is a second package of one App on one
// platform whose domains differ from the first's (ucloud-app-knowledge:
// several packages on one platform only with the same domains), at its
// domains.
//
// A native App's platforms need the signing certificate's fingerprint
// (签名MD5值) and public key (公钥) (ucloud-app-features). The fingerprint,
// normalised from what keytool or openssl print, must be an MD5 (32 hex
// digits) for Android and a SHA-1 (40) for iOS: an MD5 given for iOS is a
// warning of its own, the usual mistake (APP_SIGNATURE_INVALID). The key
// must be hex or base64 key material; a DER SubjectPublicKeyInfo must
// parse and an RSA key have 512 to 8192 bits, a warning, as the guides
// give the length as one; on iOS, whose consoles take the visible part of
// a truncated Keychain copy, a structure cut short or a key too short is
// no finding (APP_PUBLIC_KEY_INVALID). A
// fingerprint pasted with a tool's label (keytool's "MD5:", openssl's
// "md5 Fingerprint=") or in full-width characters, and a key in PEM armour,
// with colons between its bytes (openssl's -text dump) or with the ellipsis
// of a truncated copy, are warnings whose certain fix is the hex or key
// material alone.
// Mini-programs and quick apps have neither: a signature or key given for
// one is a warning whose certain fix clears it.
//
// A validator given an unknown provider profile (validate.WithProfile)
// reports it here, as CHECK_UNAVAILABLE, and uses the default profile.
var Apps = &Rule{
	Name: "apps",
	Doc:  docApps,
	Codes: []Code{
		CodeAppPlatformMissing, CodeAppPackageInvalid, CodeAppPackageDuplicate,
		CodeAppSignatureInvalid, CodeAppPublicKeyInvalid,
	},
	Run: runApps,
}

// appPlatform returns the platform package appid checks p as.
func appPlatform(p beian.Platform) appid.Platform {
	switch p {
	case beian.PlatformAndroid:
		return appid.Android
	case beian.PlatformIOS:
		return appid.IOS
	case beian.PlatformHarmonyOS:
		return appid.HarmonyOS
	case beian.PlatformWeChat:
		return appid.WeChat
	}
	return appid.Other
}

func platformArg(p beian.Platform) Arg {
	return Loc("platform", p.Label(language.Chinese), p.Label(language.English))
}

func severityOf(certain bool) Severity {
	if certain {
		return Error
	}
	return Warning
}

type packageLoc struct{ app, platform int }

func platformPath(i, k int) beian.Path {
	return beian.Path("apps").Index(i).Field("platforms").Index(k)
}

func runApps(pass *Pass) error {
	// The Apps' checks are a function of their own, called only for a
	// filing with Apps: a website filing does not run their code, which
	// the WebAssembly build would otherwise compile at its first check.
	if len(pass.Filing.Apps) > 0 {
		checkApps(pass)
	}
	if p := pass.Config.Profile; p != nil && !p.known {
		return fmt.Errorf("no provider profile %q (profiles: %s): the default profile was used", p.Name, strings.Join(ProfileNames(), ", "))
	}
	return nil
}

// checkApps checks each App's platforms: packages, duplicates,
// signatures and public keys.
func checkApps(pass *Pass) {
	f := pass.Filing
	seen := make(map[[2]string]packageLoc, 2*len(f.Apps))
	for i := range f.Apps {
		a := &f.Apps[i]
		if len(a.Platforms) == 0 {
			pass.Report(beian.Path("apps").Index(i).Field("platforms"), CodeAppPlatformMissing, Str("app", appLabel(a)))
			continue
		}
		for k := range a.Platforms {
			pl := &a.Platforms[k]
			if !pl.Platform.For(a.Type) {
				continue // VALUE_UNKNOWN (fields)
			}
			ap := appPlatform(pl.Platform)
			if !blank(pl.Package) {
				checkPackage(pass, i, k, pl, ap)
				key := [2]string{string(pl.Platform), appid.Key(ap, pl.Package)}
				if first, dup := seen[key]; dup {
					other := platformPath(first.app, first.platform).Field("package")
					label := FieldLabel(other)
					pass.Add(Rejection{
						Code: CodeAppPackageDuplicate, Severity: defaultSeverity(CodeAppPackageDuplicate),
						Field: platformPath(i, k).Field("package"), Related: pass.keepPaths(other),
						Args: pass.keepArgs([]Arg{platformArg(pl.Platform), Str("value", shortValue(pl.Package)), {"other", label},
							{"problem", Text{"与" + label.ZH + "重复", "repeats " + label.EN}},
							Loc("remedy", "同一平台的包名不能重复：删除重复的一项，或为不同的App填写各自的包名", "A package may appear once per platform: remove the repeated entry, or give each App its own package")}),
					})
				} else {
					seen[key] = packageLoc{i, k}
				}
			}
			if a.Type.IsHosted() {
				checkHostedExtras(pass, i, k, pl)
				continue
			}
			checkSignature(pass, i, k, pl, ap)
			checkPublicKey(pass, i, k, pl, ap)
		}
		if !a.Type.IsHosted() && len(a.Platforms) > 1 {
			checkPlatformDomains(pass, i, a)
		}
	}
}

// checkPlatformDomains reports a native App that lists several packages
// on one platform with different domains: UCloud allows several packages
// on one platform only where they use the same domains
// (ucloud-app-knowledge; R9 of the reference). Each later entry of a
// platform is compared with the platform's first entry, domains compared
// as parsed (any case, width or IDN form) and as sets; an entry that lists
// no domain is not compared, nor one whose package repeats the first's
// (APP_PACKAGE_DUPLICATE). Linear in the App's domains.
func checkPlatformDomains(pass *Pass, i int, a *beian.App) {
	var firsts map[beian.Platform]int // for many platforms; a few are scanned
	if len(a.Platforms) > scannedPlatforms {
		firsts = make(map[beian.Platform]int, len(a.Platforms))
	}
	listed := func(k int) bool {
		pl := &a.Platforms[k]
		return pl.Platform.For(a.Type) && !blank(pl.Package) && hasDomain(pl.Domains)
	}
	for k := range a.Platforms {
		pl := &a.Platforms[k]
		if !listed(k) {
			continue
		}
		k0, ok := -1, false
		if firsts != nil {
			if k0, ok = firsts[pl.Platform]; !ok {
				firsts[pl.Platform] = k
			}
		} else {
			for j := 0; j < k && !ok; j++ {
				if a.Platforms[j].Platform == pl.Platform && listed(j) {
					k0, ok = j, true
				}
			}
		}
		if !ok {
			continue
		}
		first := &a.Platforms[k0]
		ap := appPlatform(pl.Platform)
		if appid.Key(ap, first.Package) == appid.Key(ap, pl.Package) || sameDomainSet(pass, first.Domains, pl.Domains) {
			continue
		}
		other := platformPath(i, k0).Field("domains")
		label := Text{"第" + strconv.Itoa(k0+1) + "个平台（" + shortValue(first.Package) + "）", "platform " + strconv.Itoa(k0+1) + " (" + shortValue(first.Package) + ")"}
		pass.Add(Rejection{
			Code: CodeAppPackageDuplicate, Severity: defaultSeverity(CodeAppPackageDuplicate),
			Field: platformPath(i, k).Field("domains"), Related: pass.keepPaths(other),
			Args: pass.keepArgs([]Arg{platformArg(pl.Platform), Str("value", shortValue(pl.Package)), {"other", label},
				{"problem", Text{"使用的域名与同一平台的" + label.ZH + "不同：同一App在一个平台上填写多个包名时，各包名须使用相同的域名",
					"uses other domains than " + label.EN + " on the same platform: several packages of one App on one platform must use the same domains"}},
				Loc("remedy", "为同一平台的各包名填写相同的域名；使用其他域名的包名作为另一个App备案", "Give the packages of one platform the same domains, or file the package that uses other domains as another App")}),
		})
	}
}

// scannedPlatforms is the most platforms of an App checkPlatformDomains
// scans for a platform's first entry; more are indexed.
const scannedPlatforms = 8

func hasDomain(domains []string) bool {
	for _, d := range domains {
		if !blank(d) {
			return true
		}
	}
	return false
}

// sameDomainSet reports whether a and b list the same domains, blank
// entries ignored, each compared as parsed (its host) or, when it does not
// parse, as typed without case and white space around it.
func sameDomainSet(pass *Pass, a, b []string) bool {
	set := make(map[string]bool, len(a))
	for _, raw := range a {
		if !blank(raw) {
			set[appDomainKey(pass, raw)] = false
		}
	}
	for _, raw := range b {
		if blank(raw) {
			continue
		}
		key := appDomainKey(pass, raw)
		if _, ok := set[key]; !ok {
			return false
		}
		set[key] = true
	}
	for _, seen := range set {
		if !seen {
			return false
		}
	}
	return true
}

// appDomainKey is the form App domains are compared in: the parsed host, or
// the value as typed in lower case when it does not parse.
func appDomainKey(pass *Pass, raw string) string {
	if d, err := pass.ParseDomain(raw); err == nil {
		return d.Host()
	}
	return strings.ToLower(strings.TrimSpace(raw))
}

func appLabel(a *beian.App) string {
	if blank(a.Name) {
		return a.Type.Label(language.Chinese)
	}
	return shortValue(a.Name)
}

func checkPackage(pass *Pass, i, k int, pl *beian.AppPlatform, ap appid.Platform) {
	err := appid.CheckPackage(ap, pl.Package)
	e, ok := err.(*appid.Error)
	if !ok {
		return
	}
	what, source := Text{"包名", "package name"}, Text{"应用的构建配置", "the App's build configuration"}
	switch ap {
	case appid.Android:
		what, source = Text{"包名（applicationId）", "applicationId"}, Text{"build.gradle的applicationId", "the applicationId of build.gradle"}
	case appid.IOS:
		what, source = Text{"Bundle ID", "Bundle ID"}, Text{"Xcode或App Store Connect", "Xcode or App Store Connect"}
	case appid.HarmonyOS:
		what, source = Text{"包名（bundleName）", "bundle name"}, Text{"AppGallery Connect或app.json5", "AppGallery Connect or app.json5"}
	case appid.WeChat:
		what, source = Text{"AppID", "AppID"}, Text{"小程序后台的开发设置", "the mini-program's development settings"}
	}
	path := platformPath(i, k).Field("package")
	if want, ok := narrowPackage(ap, pl.Package); ok {
		// Typed in full width (a Chinese input method's ｃｎ．ｓｈｉｌｉｋｅｊｉ or
		// 。 for a dot): the name it reads as is valid, and is the certain fix.
		r := Rejection{
			Code: CodeAppPackageInvalid, Severity: Warning, Field: path,
			Args: pass.keepArgs([]Arg{platformArg(pl.Platform), {"what", what}, Str("value", shortValue(pl.Package)),
				Loc("problem", "含有全角字符，应写作"+want, "is typed with full-width characters; it is written "+want), {"source", source}}),
			Source: packageSource(ap, true),
		}
		pass.Add(pass.withFix(r, Fix{Field: path, Value: want, Title: Text{"改为" + want, "Write it as " + want}}))
		return
	}
	pass.Add(Rejection{
		Code: CodeAppPackageInvalid, Severity: severityOf(e.Certain), Field: path,
		Args: pass.keepArgs([]Arg{platformArg(pl.Platform), {"what", what}, Str("value", shortValue(pl.Package)),
			{"problem", appProblem(e.Reason)}, {"source", source}}),
		Source: packageSource(ap, e.Certain),
	})
}

// narrowPackage returns the package name s reads as once typed in ASCII
// (domain.Narrow: full-width forms narrowed, 。 read as a dot), spaces
// around it dropped, when s was typed otherwise and that name is valid
// for ap.
func narrowPackage(ap appid.Platform, s string) (string, bool) {
	t := strings.TrimSpace(s)
	n := domain.Narrow(t)
	if n == t || appid.CheckPackage(ap, n) != nil {
		return "", false
	}
	return n, true
}

// packageSource is the published rule of ap's package names: Android's
// and Apple's own pages, the HarmonyOS sources; none of its own for a
// WeChat AppID (the code's default).
func packageSource(ap appid.Platform, certain bool) Source {
	var key string
	switch ap {
	case appid.Android:
		key = "android-application-id"
	case appid.IOS:
		key = "apple-bundle-id"
	case appid.HarmonyOS:
		key = "huawei-harmonyos-bundle-name"
	default:
		return Source{}
	}
	return sourceOf([]string{key}, certain)
}

// keyRemedy is APP_PUBLIC_KEY_INVALID's remedy for a native App's key.
var keyRemedy = Text{"从签名证书复制公钥（安卓：APK签名中的模数；iOS：钥匙串中证书的公钥；鸿蒙：证书详细信息中的公钥），以十六进制或Base64填写", "Copy the public key from the signing certificate (Android: the modulus of the APK signature; iOS: the certificate's public key in the Keychain; HarmonyOS: the public key in the certificate's details), in hex or base64"}

// checkHostedExtras reports a mini-program's or quick app's signature or
// public key: such services have none (their platform hosts them; the
// MIIT form collects neither for them, app-filing-facts §1.2), and a
// console that sends them shows the user a field the filing does not
// take. A warning: clearing the field is the certain fix. Their domains
// are the domain rule's (checkAppDomains).
func checkHostedExtras(pass *Pass, i, k int, pl *beian.AppPlatform) {
	problem := Loc("problem", "小程序和快应用没有此项，备案不填写", "mini-programs and quick apps have none; the filing does not take it")
	clear := Text{"清空此项", "Clear it"}
	if !blank(pl.Signature) {
		at := platformPath(i, k).Field("signature")
		r := pass.Reject(at, CodeAppSignatureInvalid, platformArg(pl.Platform), Str("value", shortValue(pl.Signature)), problem,
			Loc("remedy", "清空签名", "Leave the signature empty"))
		r.Severity = Warning
		pass.Add(pass.withFix(r, Fix{Field: at, Value: "", Title: clear}))
	}
	if !blank(pl.PublicKey) {
		at := platformPath(i, k).Field("public_key")
		r := pass.Reject(at, CodeAppPublicKeyInvalid, platformArg(pl.Platform), problem,
			Loc("remedy", "清空公钥", "Leave the public key empty"))
		r.Severity = Warning
		pass.Add(pass.withFix(r, Fix{Field: at, Value: "", Title: clear}))
	}
}

func checkSignature(pass *Pass, i, k int, pl *beian.AppPlatform, ap appid.Platform) {
	d, err := appid.ParseSignature(ap, pl.Signature)
	e, ok := err.(*appid.Error)
	if !ok {
		return
	}
	remedy := Text{"填写签名证书的指纹（十六进制，可带冒号）", "Give the signing certificate's fingerprint (hex, colons allowed)"}
	switch ap {
	case appid.Android:
		remedy = Text{"用keytool -list -v或keytool -printcert查看签名证书，填写其中的MD5（32位十六进制）", "Read the signing certificate with keytool -list -v or keytool -printcert and give its MD5 (32 hex digits)"}
	case appid.IOS:
		remedy = Text{"iOS填写证书的SHA-1指纹（40位十六进制），而非MD5，尽管字段名为“签名MD5值”", "For iOS give the certificate's SHA-1 fingerprint (40 hex digits), not its MD5, though the field is labelled MD5"}
	}
	r := Rejection{
		Code: CodeAppSignatureInvalid, Severity: severityOf(e.Certain), Field: platformPath(i, k).Field("signature"),
		Args: pass.keepArgs([]Arg{platformArg(pl.Platform), Str("value", shortValue(pl.Signature)), {"problem", appProblem(e.Reason)}, {"remedy", remedy}}),
	}
	if e.Reason == appid.Decorated {
		// The digest under the label or the full-width characters is
		// certain; consoles take the hex alone (WeChat: lower case,
		// without colons).
		r.Args[2].Value = Text{"带有工具输出的标签（如“MD5:”）或全角字符，控制台只接受十六进制指纹本身", "carries a tool's label (such as \"MD5:\") or full-width characters; consoles take the hex fingerprint alone"}
		r.Args[3].Value = Text{"只填写指纹的十六进制数字", "Give the fingerprint's hex digits alone"}
		r = pass.withFix(r, Fix{Field: r.Field, Value: d.Hex, Title: Text{"改为" + d.Hex, "Use " + d.Hex}})
	}
	pass.Add(r)
}

func checkPublicKey(pass *Pass, i, k int, pl *beian.AppPlatform, ap appid.Platform) {
	key, err := appid.ParsePublicKey(ap, pl.PublicKey)
	e, ok := err.(*appid.Error)
	if !ok {
		return
	}
	r := Rejection{
		Code: CodeAppPublicKeyInvalid, Severity: severityOf(e.Certain), Field: platformPath(i, k).Field("public_key"),
		Args: pass.keepArgs([]Arg{platformArg(pl.Platform), {"problem", appProblem(e.Reason)}, {"remedy", keyRemedy}}),
	}
	if e.Reason == appid.Decorated {
		// The key material inside the armour, or before the ellipsis of
		// a truncated copy (which iOS consoles take), is certain.
		r.Args[1].Value = Text{"带有PEM头尾（-----BEGIN/END-----）、字节间的冒号或末尾的省略号，控制台只接受密钥本身", "carries PEM armour (-----BEGIN/END-----), colons between its bytes or an ellipsis at its end; consoles take the key material alone"}
		r.Args[2].Value = Text{"只填写其中的十六进制或Base64密钥", "Give the hex or base64 key material alone"}
		r = pass.withFix(r, Fix{Field: r.Field, Value: key.Material, Title: Text{"去掉PEM头尾、冒号或省略号", "Remove the PEM armour, the colons or the ellipsis"}})
	}
	pass.Add(r)
}
