package appid_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/appid"
)

func finding(err error) (appid.Reason, bool, int) {
	var e *appid.Error
	if !errors.As(err, &e) {
		return 0, false, -2
	}
	return e.Reason, e.Certain, e.Offset
}

func TestCheckPackage(t *testing.T) {
	for _, tc := range []struct {
		p       appid.Platform
		in      string
		reason  appid.Reason // 0: accepted
		certain bool
		offset  int
	}{
		// Android applicationId (developer.android.com "Set the application ID").
		{appid.Android, "com.example.myapp", 0, false, 0},
		{appid.Android, "cn.example.ledger_2", 0, false, 0},
		{appid.Android, " com.tencent.mm ", 0, false, 0},
		{appid.Android, "myapp", appid.FewSegments, true, -1},
		{appid.Android, "com.1example.app", appid.SegmentStart, true, 4},
		{appid.Android, "com._example", appid.SegmentStart, true, 4},
		{appid.Android, "com.example-app", appid.BadChar, true, 11},
		{appid.Android, "com..example", appid.EmptySegment, true, 4},
		{appid.Android, ".com.example", appid.EmptySegment, true, 0},
		{appid.Android, "com.example.", appid.EmptySegment, true, 11},
		{appid.Android, "com.示例.app", appid.BadChar, true, 4},
		{appid.Android, "com.example.new", appid.Keyword, false, 12},
		{appid.Android, "  ", appid.Empty, true, -1},
		// iOS Bundle ID (Apple glossary): letters, digits, '-' and '.'.
		{appid.IOS, "com.example.My-App", 0, false, 0},
		{appid.IOS, "com.example.my_app", appid.BadChar, true, 14},
		{appid.IOS, "MyApp", appid.FewSegments, false, -1},
		{appid.IOS, "com..example", appid.EmptySegment, true, 4},
		{appid.IOS, ".com.example", appid.EmptySegment, true, 0},
		{appid.IOS, "com.example.", appid.EmptySegment, true, 11},
		{appid.IOS, "com.", appid.EmptySegment, true, 3},
		{appid.IOS, "com.exa-mple.", appid.EmptySegment, true, 12},
		// HarmonyOS bundle name: the sources conflict.
		{appid.HarmonyOS, "com.example.myapp", 0, false, 0},
		{appid.HarmonyOS, "com.example.my-app", appid.BadChar, true, 14},
		{appid.HarmonyOS, "com..example.app", appid.EmptySegment, true, 4},
		{appid.HarmonyOS, "com.example", appid.FewSegments, false, -1},
		{appid.HarmonyOS, "a.b.c", appid.TooShort, false, -1},
		{appid.HarmonyOS, "1com.example.app", appid.SegmentStart, false, 0},
		{appid.HarmonyOS, "com.example." + strings.Repeat("a", 120), appid.TooLong, false, -1},
		{appid.HarmonyOS, "com.example." + strings.Repeat("a", 250), appid.TooLong, true, -1},
		// WeChat AppID: observed form only.
		{appid.WeChat, "wx30f4235615f87f52", 0, false, 0},
		{appid.WeChat, "wx30F4235615F87F52", appid.NotAppID, false, 4},
		{appid.WeChat, "gh_1234567890ab", appid.NotAppID, false, -1},
		// Other platforms: nothing to check but emptiness.
		{appid.Other, "anything at all", 0, false, 0},
		{appid.Other, "", appid.Empty, true, -1},
	} {
		err := appid.CheckPackage(tc.p, tc.in)
		if tc.reason == 0 {
			assert.NoError(t, err, "%s %q", tc.p, tc.in)
			continue
		}
		r, certain, off := finding(err)
		assert.Equal(t, tc.reason, r, "%s %q: %v", tc.p, tc.in, err)
		assert.Equal(t, tc.certain, certain, "%s %q certain", tc.p, tc.in)
		assert.Equal(t, tc.offset, off, "%s %q offset", tc.p, tc.in)
	}
}

func TestKey(t *testing.T) {
	assert.Equal(t, appid.Key(appid.IOS, "com.Example.App"), appid.Key(appid.IOS, " com.example.app"))
	assert.NotEqual(t, appid.Key(appid.Android, "com.Example.App"), appid.Key(appid.Android, "com.example.app"))
}

func TestParseSignature(t *testing.T) {
	const md5 = "8874264FA1B2C3D4E5F60718293A4B5C"
	const sha1 = "55:9F:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B"
	for _, tc := range []struct {
		p       appid.Platform
		in      string
		hex     string
		reason  appid.Reason
		certain bool
	}{
		{appid.Android, "88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C", strings.ToLower(md5), 0, false},
		{appid.Android, strings.ToLower(md5), strings.ToLower(md5), 0, false},
		{appid.Android, "88 74 26 4f a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c", strings.ToLower(md5), 0, false},
		{appid.Android, sha1, "", appid.DigestLength, true},
		{appid.Android, "8874264FA1B2C3D4E5F60718293A4B5G", "", appid.NotHex, true},
		{appid.IOS, sha1, "559f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b", 0, false},
		{appid.IOS, md5, strings.ToLower(md5), appid.MD5ForSHA1, false},
		{appid.IOS, "559F0A", "", appid.DigestLength, true},
		{appid.HarmonyOS, md5, strings.ToLower(md5), 0, false},
		{appid.HarmonyOS, sha1, "559f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b", 0, false},
		{appid.HarmonyOS, "559F0A", "", appid.DigestLength, false},
		{appid.Android, " : ", "", appid.Empty, true},
	} {
		d, err := appid.ParseSignature(tc.p, tc.in)
		r, certain, _ := finding(err)
		assert.Equal(t, tc.reason, r, "%s %q: %v", tc.p, tc.in, err)
		if tc.reason != 0 {
			assert.Equal(t, tc.certain, certain, "%s %q certain", tc.p, tc.in)
		}
		assert.Equal(t, tc.hex, d.Hex, "%s %q", tc.p, tc.in)
	}
}

// TestSignatureDecorated reads a fingerprint as every tool prints it,
// label and all, on every platform: each form of each label, separator,
// case and width gives the digest, with Decorated (doubtful) where a label
// or a full-width character was read past and nothing where the value is
// as §2.4 of the reference takes it; a wrong digest under a label is
// still its own finding.
func TestSignatureDecorated(t *testing.T) {
	const md5 = "8874264fa1b2c3d4e5f60718293a4b5c"
	const sha1 = "559f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b"
	pairs := func(h, sep string, upper bool) string {
		if upper {
			h = strings.ToUpper(h)
		}
		var b strings.Builder
		for i := 0; i < len(h); i += 2 {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(h[i : i+2])
		}
		return b.String()
	}
	wide := func(s string) string { // every ASCII character in its full-width form
		var b strings.Builder
		for _, r := range s {
			if r > ' ' && r < 0x7F {
				r += 0xFEE0
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	labels := map[string][]string{ // by digest: what keytool, openssl and consoles print
		md5:  {"", "MD5: ", "MD5:", "md5 Fingerprint=", "MD5 Fingerprint=", " MD5 : ", "MD5：", "md5 fingerprint = "},
		sha1: {"", "SHA1: ", "SHA-1: ", "sha1 Fingerprint=", "SHA1 Fingerprint=", "SHA1："},
	}
	for _, tc := range []struct {
		p      appid.Platform
		digest string
		reason appid.Reason // without decoration
	}{
		{appid.Android, md5, 0},
		{appid.IOS, sha1, 0},
		{appid.IOS, md5, appid.MD5ForSHA1},
		{appid.HarmonyOS, md5, 0},
		{appid.HarmonyOS, sha1, 0},
	} {
		for _, label := range labels[tc.digest] {
			for _, sep := range []string{":", "", " ", "-", "："} {
				for _, upper := range []bool{false, true} {
					for _, w := range []bool{false, true} {
						in := pairs(tc.digest, sep, upper)
						if w {
							in = wide(in)
						}
						in = label + in
						d, err := appid.ParseSignature(tc.p, in)
						r, certain, _ := finding(err)
						want := tc.reason
						if want == 0 && (label != "" || w || sep == "：") {
							want = appid.Decorated
						}
						assert.Equal(t, want, r, "%s %q: %v", tc.p, in, err)
						if want != 0 {
							assert.False(t, certain, "%s %q", tc.p, in)
						}
						assert.Equal(t, tc.digest, d.Hex, "%s %q", tc.p, in)
					}
				}
			}
		}
	}
	// The other side: a label does not excuse a wrong digest, and what is
	// not a label is not read as one.
	for _, tc := range []struct {
		p      appid.Platform
		in     string
		reason appid.Reason
	}{
		{appid.Android, "SHA1: 55:9F:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B", appid.DigestLength},
		{appid.Android, "MD5 88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C", appid.NotHex},
		{appid.Android, "签名：88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C", appid.NotHex},
		{appid.Android, "MD5:", appid.Empty},
		{appid.IOS, "SHA1: 559F0A", appid.DigestLength},
	} {
		_, err := appid.ParseSignature(tc.p, tc.in)
		r, certain, _ := finding(err)
		assert.Equal(t, tc.reason, r, "%s %q: %v", tc.p, tc.in, err)
		assert.True(t, certain, "%s %q", tc.p, tc.in)
	}
}

// TestPublicKeyDecorated reads keys with PEM armour and with the ellipsis
// of a truncated copy, on every native platform: the armour or ellipsis
// is Decorated (doubtful) with the key material to file, unless the key
// under it has a certain finding of its own (a truncated Android key).
// TestPublicKeyColonHex: a key's bytes in hex with colons between them,
// as openssl's -text dump prints them (15 bytes a line, four spaces
// before, a colon at each line's end), or on one line, in either case, is
// a doubtful Decorated finding whose material is the hex alone, for every
// platform and key of testKeys (an RSA SubjectPublicKeyInfo, its modulus,
// an EC key); colons that do not separate pairs of hex digits leave the
// key not key material, and so does a fingerprint of 32 bytes or fewer
// (MD5, SHA-1, SHA-256 as keytool writes them) pasted in the key's field.
// Made to fail by not reading past the colons (hexPairs false:
// NotKeyMaterial, certain), and by reading a fingerprint's length as a
// key's (48).
func TestPublicKeyColonHex(t *testing.T) {
	rsaDER, ecDER := testKeys()
	pub, err := x509.ParsePKIXPublicKey(rsaDER)
	require.NoError(t, err)
	modulus := pub.(*rsa.PublicKey).N.Bytes()
	dump := func(b []byte, upper bool) string {
		var s strings.Builder
		for i, c := range b {
			if i%15 == 0 {
				s.WriteString("\n    ")
			}
			f := "%02x"
			if upper {
				f = "%02X"
			}
			fmt.Fprintf(&s, f, c)
			if i < len(b)-1 {
				s.WriteByte(':')
			}
		}
		return s.String()
	}
	n := 0
	for _, p := range []appid.Platform{appid.Android, appid.IOS, appid.HarmonyOS} {
		for _, der := range [][]byte{rsaDER, modulus, ecDER} {
			hx := hex.EncodeToString(der)
			pairs := make([]string, len(der))
			for i := range der {
				pairs[i] = hx[2*i : 2*i+2]
			}
			for _, in := range []string{dump(der, false), dump(der, true), strings.Join(pairs, ":"), strings.Join(pairs, ":") + ":", strings.ToUpper(strings.Join(pairs, ":"))} {
				key, err := appid.ParsePublicKey(p, in)
				r, certain, _ := finding(err)
				if assert.Equal(t, appid.Decorated, r, "%s %.60q: %v", p, in, err) {
					assert.False(t, certain, "%s %.60q", p, in)
					assert.Equal(t, strings.ToLower(hx), strings.ToLower(key.Material), "%s %.60q", p, in)
				}
				n++
			}
			for _, in := range []string{hx[:3] + ":" + hx[3:], strings.Join(pairs, "::"), ":" + strings.Join(pairs, ":"), strings.Join(pairs, ":")[:len(hx)/2*3-2] + "g",
				// A fingerprint in the key's field (MD5, SHA-1, SHA-256 as
				// keytool writes them, a fragment of one): a signature, not
				// a key (outsider11's 88:74:26:4F for iOS became a warning).
				strings.Join(pairs[:16], ":"), strings.Join(pairs[:20], ":"), strings.Join(pairs[:32], ":"), strings.Join(pairs[:4], ":")} {
				_, err := appid.ParsePublicKey(p, in)
				r, certain, _ := finding(err)
				assert.Equal(t, appid.NotKeyMaterial, r, "%s %.60q: %v", p, in, err)
				assert.True(t, certain, "%s %.60q", p, in)
			}
		}
	}
	t.Logf("%d keys", n)
}

func TestPublicKeyDecorated(t *testing.T) {
	rsaDER, _ := testKeys()
	b64 := base64.StdEncoding.EncodeToString(rsaDER)
	hx := hex.EncodeToString(rsaDER)
	wrap := func(s string) string { // 64 characters a line, as openssl writes
		var b strings.Builder
		for len(s) > 64 {
			b.WriteString(s[:64] + "\n")
			s = s[64:]
		}
		return b.String() + s
	}
	for _, p := range []appid.Platform{appid.Android, appid.IOS, appid.HarmonyOS} {
		for _, tc := range []struct {
			in       string
			reason   appid.Reason
			certain  bool
			material string
		}{
			{b64, 0, false, ""},
			{"-----BEGIN PUBLIC KEY-----\n" + wrap(b64) + "\n-----END PUBLIC KEY-----\n", appid.Decorated, false, b64},
			{"-----BEGIN PUBLIC KEY-----" + b64 + "-----END PUBLIC KEY-----", appid.Decorated, false, b64},
			{"-----BEGIN RSA PUBLIC KEY-----\r\n" + wrap(b64) + "\r\n-----END RSA PUBLIC KEY-----", appid.Decorated, false, b64},
			{hx + "…", appid.Decorated, false, hx},
			{hx + " ...", appid.Decorated, false, hx},
			{"-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----", appid.Empty, true, ""},
			{"-----BEGIN PUBLIC KEY-----\nnot a key!\n-----END PUBLIC KEY-----", appid.NotKeyMaterial, true, ""},
			{"-----", appid.NotKeyMaterial, true, ""}, // dashes alone are not armour
		} {
			key, err := appid.ParsePublicKey(p, tc.in)
			r, certain, _ := finding(err)
			assert.Equal(t, tc.reason, r, "%s %.50q: %v", p, tc.in, err)
			if tc.reason != 0 {
				assert.Equal(t, tc.certain, certain, "%s %.50q", p, tc.in)
			}
			assert.Equal(t, tc.material, key.Material, "%s %.50q", p, tc.in)
		}
		// A truncated copy with its ellipsis: iOS takes the visible part
		// (ucloud-app-features), so only the ellipsis is reported; on
		// other platforms the short key is, doubtful (app-filing-facts
		// §2.5: a length warning), with no material to file.
		key, err := appid.ParsePublicKey(p, hx[:100]+"…")
		r, certain, _ := finding(err)
		if p == appid.IOS {
			assert.Equal(t, appid.Decorated, r, "%v", err)
			assert.Equal(t, hx[:100], key.Material)
		} else {
			assert.Equal(t, appid.BadSPKI, r, "%s: %v", p, err)
			assert.Empty(t, key.Material)
		}
		assert.False(t, certain, "%s: %v", p, err)
	}
}

var testKeys = sync.OnceValues(func() (rsaSPKI, ecSPKI []byte) {
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		panic(err)
	}
	rsaSPKI, _ = x509.MarshalPKIXPublicKey(&k.PublicKey)
	e, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecSPKI, _ = x509.MarshalPKIXPublicKey(&e.PublicKey)
	return rsaSPKI, ecSPKI
})

func TestParsePublicKey(t *testing.T) {
	rsaDER, ecDER := testKeys()
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	require.NoError(t, err)
	modulus := "00" + hex.EncodeToString(k.N.Bytes()) // as JadxGUI shows it

	for _, tc := range []struct {
		p       appid.Platform
		in      string
		alg     string
		bits    int
		reason  appid.Reason
		certain bool
	}{
		{appid.Android, hex.EncodeToString(rsaDER), "RSA", 1024, 0, false},
		{appid.Android, strings.ToUpper(hex.EncodeToString(rsaDER)), "RSA", 1024, 0, false},
		{appid.Android, base64.StdEncoding.EncodeToString(rsaDER), "RSA", 1024, 0, false},
		{appid.Android, "  " + base64.StdEncoding.EncodeToString(rsaDER)[:40] + "\n" + base64.StdEncoding.EncodeToString(rsaDER)[40:], "RSA", 1024, 0, false},
		{appid.Android, modulus, "RSA modulus", 1024, 0, false},
		{appid.HarmonyOS, hex.EncodeToString(ecDER), "ECDSA", 0, 0, false},
		// Structure and length are doubtful (a length warning:
		// app-filing-facts §2.5), except on iOS, where the visible part of
		// a truncated Keychain copy is what consoles take: no finding for
		// a structure cut short or a key too short; too long still one.
		{appid.Android, hex.EncodeToString(rsaDER[:60]), "", 0, appid.BadSPKI, false},
		{appid.HarmonyOS, hex.EncodeToString(rsaDER[:60]), "", 0, appid.BadSPKI, false},
		{appid.IOS, hex.EncodeToString(rsaDER[:60]), "", 0, 0, false},
		{appid.IOS, base64.StdEncoding.EncodeToString(rsaDER)[:40], "", 0, 0, false},
		{appid.IOS, base64.StdEncoding.EncodeToString(rsaDER)[:49], "", 0, 0, false},
		{appid.Android, "abcdef", "RSA modulus", 24, appid.KeyLength, false},
		{appid.HarmonyOS, "abcdef", "RSA modulus", 24, appid.KeyLength, false},
		{appid.IOS, "abcdef", "RSA modulus", 24, 0, false},
		{appid.IOS, strings.Repeat("c3", 50), "RSA modulus", 400, 0, false},
		{appid.IOS, strings.Repeat("ab", 1100), "RSA modulus", 8800, appid.KeyLength, false},
		{appid.Android, strings.Repeat("ab", 1100), "RSA modulus", 8800, appid.KeyLength, false},
		// base64 cut inside a group of four (outsider14's MIIBIjANBgkq…
		// cut): its whole groups read, a truncated structure; either
		// alphabet; a letter of neither is not key material.
		{appid.Android, base64.StdEncoding.EncodeToString(rsaDER)[:49], "", 0, appid.BadSPKI, false}, // 1 past a group: no decoder reads it
		{appid.Android, base64.URLEncoding.EncodeToString(rsaDER)[:61], "", 0, appid.BadSPKI, false},
		{appid.Android, base64.StdEncoding.EncodeToString(rsaDER)[:50], "", 0, appid.BadSPKI, false},
		{appid.Android, base64.StdEncoding.EncodeToString(rsaDER)[:51], "", 0, appid.BadSPKI, false},
		{appid.Android, base64.URLEncoding.EncodeToString(rsaDER)[:50], "", 0, appid.BadSPKI, false},
		{appid.Android, base64.StdEncoding.EncodeToString(rsaDER)[:50] + "!", "", 0, appid.NotKeyMaterial, true},
		{appid.Android, "ab+cd_efghijklmnopqrstuvwxyz", "", 0, appid.NotKeyMaterial, true},
		{appid.Android, "not a key!", "", 0, appid.NotKeyMaterial, true},
		{appid.Android, "公钥", "", 0, appid.NotKeyMaterial, true},
		{appid.Android, " \n", "", 0, appid.Empty, true},
		{appid.Android, strings.Repeat("a", appid.MaxKeyLen+1), "", 0, appid.TooLong, true},
	} {
		key, err := appid.ParsePublicKey(tc.p, tc.in)
		r, certain, _ := finding(err)
		assert.Equal(t, tc.reason, r, "%s %.40q: %v", tc.p, tc.in, err)
		if tc.reason != 0 {
			assert.Equal(t, tc.certain, certain, "%s %.40q certain", tc.p, tc.in)
		}
		if tc.alg != "" {
			assert.Equal(t, tc.alg, key.Algorithm, "%.40q", tc.in)
			assert.Equal(t, tc.bits, key.Bits, "%.40q", tc.in)
		}
	}
}

func TestPlatformNamed(t *testing.T) {
	for _, p := range []appid.Platform{appid.Android, appid.IOS, appid.HarmonyOS, appid.WeChat} {
		assert.Equal(t, p, appid.PlatformNamed(p.String()))
	}
	assert.Equal(t, appid.Other, appid.PlatformNamed("alipay"))
	assert.Equal(t, appid.Reason(0), appid.ReasonOf(errors.New("x")))
	assert.Contains(t, appid.CheckPackage(appid.IOS, "x").Error(), "doubtful")
}
