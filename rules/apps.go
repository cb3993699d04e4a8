package rules

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/appid"
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
// agree, a warning otherwise (huawei-harmonyos-bundle-name); a WeChat
// AppID, whose syntax is not published, as a warning only. The same
// package twice on one platform, in one App or two, is
// APP_PACKAGE_DUPLICATE (ucloud-app-knowledge: packages of one subject's
// Apps differ; the same App may repeat a package across platforms); Bundle
// IDs are compared without case.
//
// A native App's platforms need the signing certificate's fingerprint
// (签名MD5值) and public key (公钥) (ucloud-app-features). The fingerprint,
// normalised from what keytool or openssl print, must be an MD5 (32 hex
// digits) for Android and a SHA-1 (40) for iOS: an MD5 given for iOS is a
// warning of its own, the usual mistake (APP_SIGNATURE_INVALID). The key
// must be hex or base64 key material; a DER SubjectPublicKeyInfo must
// parse and an RSA key have 512 to 8192 bits, a warning only for iOS,
// whose Keychain copies may be truncated (APP_PUBLIC_KEY_INVALID).
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
					pass.Add(Rejection{
						Code: CodeAppPackageDuplicate, Severity: defaultSeverity(CodeAppPackageDuplicate),
						Field: platformPath(i, k).Field("package"), Related: []beian.Path{other},
						Args: []Arg{platformArg(pl.Platform), Str("value", shortValue(pl.Package)), {"other", FieldLabel(other)}},
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
	}
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
	pass.Add(Rejection{
		Code: CodeAppPackageInvalid, Severity: severityOf(e.Certain), Field: platformPath(i, k).Field("package"),
		Args: []Arg{platformArg(pl.Platform), {"what", what}, Str("value", shortValue(pl.Package)),
			{"problem", appProblem(e.Reason)}, {"source", source}},
	})
}

// checkHostedExtras reports a mini-program's or quick app's signature,
// public key or domains: such services have none (their platform hosts
// them), and a console that sends them shows the user a field the filing
// does not take. A warning: clearing the field is the certain fix.
func checkHostedExtras(pass *Pass, i, k int, pl *beian.AppPlatform) {
	problem := Loc("problem", "小程序和快应用没有此项，备案不填写", "mini-programs and quick apps have none; the filing does not take it")
	clear := Text{"清空此项", "Clear it"}
	if !blank(pl.Signature) {
		at := platformPath(i, k).Field("signature")
		r := pass.Reject(at, CodeAppSignatureInvalid, platformArg(pl.Platform), Str("value", shortValue(pl.Signature)), problem,
			Loc("remedy", "清空签名", "Leave the signature empty"))
		r.Severity = Warning
		pass.Add(r.WithFix(Fix{Field: at, Value: "", Title: clear}))
	}
	if !blank(pl.PublicKey) {
		at := platformPath(i, k).Field("public_key")
		r := pass.Reject(at, CodeAppPublicKeyInvalid, platformArg(pl.Platform), problem)
		r.Severity = Warning
		pass.Add(r.WithFix(Fix{Field: at, Value: "", Title: clear}))
	}
}

func checkSignature(pass *Pass, i, k int, pl *beian.AppPlatform, ap appid.Platform) {
	_, err := appid.ParseSignature(ap, pl.Signature)
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
	pass.Add(Rejection{
		Code: CodeAppSignatureInvalid, Severity: severityOf(e.Certain), Field: platformPath(i, k).Field("signature"),
		Args: []Arg{platformArg(pl.Platform), Str("value", shortValue(pl.Signature)), {"problem", appProblem(e.Reason)}, {"remedy", remedy}},
	})
}

func checkPublicKey(pass *Pass, i, k int, pl *beian.AppPlatform, ap appid.Platform) {
	_, err := appid.ParsePublicKey(ap, pl.PublicKey)
	e, ok := err.(*appid.Error)
	if !ok {
		return
	}
	pass.Add(Rejection{
		Code: CodeAppPublicKeyInvalid, Severity: severityOf(e.Certain), Field: platformPath(i, k).Field("public_key"),
		Args: []Arg{platformArg(pl.Platform), {"problem", appProblem(e.Reason)}},
	})
}
