package validatetest

import (
	"fmt"

	"github.com/icpcheck/beian"
)

// TestPublicKey is a real RSA-2048 public key (a DER SubjectPublicKeyInfo
// in hex, made with crypto/rsa for these tests) that the apps rule
// accepts on every platform.
const TestPublicKey = "30820122300d06092a864886f70d01010105000382010f003082010a0282010100e60759a8cad75e09383785254ff75e9dd53bf90f654de9bd29a157fddcfb6d7571c31830985e7eb97ca80d4303c8832bf3ba0e7386b346ceca899b19b7cec2e1765d87dc710fe0a5603bc0ee1a0241346deea1106faee5df06c3ae2ce9c9f391d9e182614fe402ec8e5c36d2694e239aa4279532debd567e8028227d7bdca282e5402a67de7edfb902fd99ee4a5e435a6183510e11200840440e34b19bbb0ddfb9c3e34ffe1d6f2d203bab7df12bc546daf6e2a98cc7e6870acaed5801c6b6083d5bda8051dfec57ee92008a2da867173b332ea6b58c53a857008a9d51581511fa1e1da6d933ae247c1a73497971d735dbc9647c12f3a12b50bd8d5df50422330203010001"

// App adds a native App named name, with the subject's principal, on
// Android and iOS: a package under the filing's first domain's label
// (cn.<label>.app<n>, the iOS Bundle ID in another case), the
// [TestPublicKey], an Android MD5 and an iOS SHA-1 fingerprint, and the
// back-end domain api.<first domain> on both. Breakers ([AppPackage],
// [AppSignature], [AppPublicKey], [AppName]) then change one thing.
func App(name string) Option {
	return func(b *builder) {
		b.edit(func(f *beian.Filing) {
			n := len(f.Apps)
			pkg := fmt.Sprintf("cn.beiantest%d.app%d", b.seed, n)
			api := "api." + f.Domains[0].Domain
			f.Apps = append(f.Apps, beian.App{
				Type: beian.AppNative, Name: name, PrincipalSameAsSubject: true, Remark: emergencyRemark(b.province, b.nature),
				Platforms: []beian.AppPlatform{
					{Platform: beian.PlatformAndroid, Package: pkg, PublicKey: TestPublicKey,
						Signature: digest(b.seed, n, 16, ":"), Domains: []string{api}},
					{Platform: beian.PlatformIOS, Package: fmt.Sprintf("cn.BeianTest%d.App%d", b.seed, n), PublicKey: TestPublicKey,
						Signature: digest(b.seed, n, 20, ":"), Domains: []string{api}},
				},
			})
		})
	}
}

// MiniProgram adds a WeChat mini-program named name, with the subject's
// principal and an AppID of the usual form (wx and 16 hex digits).
func MiniProgram(name string) Option {
	return func(b *builder) {
		b.edit(func(f *beian.Filing) {
			n := len(f.Apps)
			f.Apps = append(f.Apps, beian.App{
				Type: beian.AppMiniProgram, Name: name, PrincipalSameAsSubject: true, Remark: emergencyRemark(b.province, b.nature),
				Platforms: []beian.AppPlatform{{Platform: beian.PlatformWeChat, Package: "wx" + digest(b.seed, n, 8, "")}},
			})
		})
	}
}

// AppsOnly removes the websites (an App filing), keeping the domain
// records the Apps' domains need.
func AppsOnly() Option {
	return func(b *builder) { b.edit(func(f *beian.Filing) { f.Websites = nil }) }
}

// AppPackage sets the package of the first App's first platform.
func AppPackage(pkg string) Option {
	return appEdit(func(p *beian.AppPlatform) { p.Package = pkg })
}

// AppSignature sets the signature fingerprint of the first App's first
// platform (Android for [App]).
func AppSignature(sig string) Option {
	return appEdit(func(p *beian.AppPlatform) { p.Signature = sig })
}

// AppPublicKey sets the public key of the first App's first platform.
func AppPublicKey(key string) Option {
	return appEdit(func(p *beian.AppPlatform) { p.PublicKey = key })
}

// AppName sets the name of the first App.
func AppName(name string) Option {
	return func(b *builder) {
		b.edit(func(f *beian.Filing) {
			if len(f.Apps) > 0 {
				f.Apps[0].Name = name
			}
		})
	}
}

// EmergencyPhone sets the subject principal's emergency phone; "" removes
// it (its checks are then skipped).
func EmergencyPhone(number string) Option {
	return func(b *builder) { b.edit(func(f *beian.Filing) { f.Subject.Principal.EmergencyPhone = number }) }
}

func appEdit(fn func(p *beian.AppPlatform)) Option {
	return func(b *builder) {
		b.edit(func(f *beian.Filing) {
			if len(f.Apps) > 0 && len(f.Apps[0].Platforms) > 0 {
				fn(&f.Apps[0].Platforms[0])
			}
		})
	}
}

// digest returns n bytes of hex made from the seed and index, pairs
// joined by sep, as keytool prints a fingerprint.
func digest(seed, index, n int, sep string) string {
	out := ""
	x := uint32(seed*7919+index*104729) | 1
	for i := range n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		if i > 0 {
			out += sep
		}
		out += fmt.Sprintf("%02X", byte(x))
	}
	return out
}
