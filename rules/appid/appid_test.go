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
		{appid.IOS, "com..example", appid.EmptySegment, false, 4},
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
		{appid.Android, hex.EncodeToString(rsaDER[:60]), "", 0, appid.BadSPKI, true},
		{appid.IOS, hex.EncodeToString(rsaDER[:60]), "", 0, appid.BadSPKI, false},
		{appid.Android, "abcdef", "RSA modulus", 24, appid.KeyLength, true},
		{appid.IOS, "abcdef", "RSA modulus", 24, appid.KeyLength, false},
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
