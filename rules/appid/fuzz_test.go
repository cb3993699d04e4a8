package appid_test

import (
	"encoding/base64"
	"encoding/hex"
	"testing"

	"github.com/icpcheck/beian/rules/appid"
)

var fuzzPlatforms = []appid.Platform{appid.Other, appid.Android, appid.IOS, appid.HarmonyOS, appid.WeChat}

// FuzzCheckPackage: no panic; a finding's offset lies in the input; an
// accepted value is accepted again with spaces around it.
func FuzzCheckPackage(f *testing.F) {
	for _, s := range []string{"com.example.app", "com..a", "wx30f4235615f87f52", "a.b.c", "com.示例", "", " . "} {
		f.Add(uint8(1), s)
	}
	f.Fuzz(func(t *testing.T, p uint8, s string) {
		pl := fuzzPlatforms[int(p)%len(fuzzPlatforms)]
		err := appid.CheckPackage(pl, s)
		if err == nil {
			if e := appid.CheckPackage(pl, " "+s+" "); e != nil {
				t.Fatalf("%s %q accepted, with spaces refused: %v", pl, s, e)
			}
			return
		}
		e, ok := err.(*appid.Error)
		if !ok || e.Reason == 0 || e.Offset >= len(s) || e.Offset < -1 {
			t.Fatalf("%s %q: %#v", pl, s, err)
		}
	})
}

// FuzzParseSignature: no panic; an accepted digest is 32 or 40 lower-case
// hex digits and parses to itself.
func FuzzParseSignature(f *testing.F) {
	for _, s := range []string{"88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C", "559F0A", "", "zz",
		"MD5: 88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C", "md5 Fingerprint=8874264FA1B2C3D4E5F60718293A4B5C",
		"８８：７４：２６：４Ｆ：Ａ１：Ｂ２：Ｃ３：Ｄ４：Ｅ５：Ｆ６：０７：１８：２９：３Ａ：４Ｂ：５Ｃ", "SHA1 fingerprint :", "sha-"} {
		f.Add(uint8(1), s)
	}
	f.Fuzz(func(t *testing.T, p uint8, s string) {
		pl := fuzzPlatforms[int(p)%len(fuzzPlatforms)]
		d, err := appid.ParseSignature(pl, s)
		if d.Hex == "" {
			if err == nil {
				t.Fatalf("%s %q: no digest, no error", pl, s)
			}
			return
		}
		if len(d.Hex) != 32 && len(d.Hex) != 40 {
			t.Fatalf("%s %q: digest %q", pl, s, d.Hex)
		}
		if _, herr := hex.DecodeString(d.Hex); herr != nil {
			t.Fatalf("%s %q: digest %q not hex", pl, s, d.Hex)
		}
		// The digest is the value to file: read again, it is the same,
		// with the same finding, less the decoration read past.
		again, err2 := appid.ParseSignature(pl, d.Hex)
		want := appid.ReasonOf(err)
		if want == appid.Decorated {
			want = 0
		}
		if again != d || appid.ReasonOf(err2) != want {
			t.Fatalf("%s %q: %v then %v", pl, s, d, again)
		}
	})
}

// FuzzParsePublicKey: no panic, and a typed error or a key.
func FuzzParsePublicKey(f *testing.F) {
	der, _ := testKeys()
	b64 := base64.StdEncoding.EncodeToString(der)
	for _, s := range []string{hex.EncodeToString(der), "MIIB", "3082", "", "abcdef",
		"-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----", hex.EncodeToString(der)[:100] + "…", "-----BEGIN -----", "-----END", "30:82:01:22:30:0d", "30:82:01:"} {
		f.Add(uint8(1), s)
	}
	f.Fuzz(func(t *testing.T, p uint8, s string) {
		pl := fuzzPlatforms[int(p)%len(fuzzPlatforms)]
		k, err := appid.ParsePublicKey(pl, s)
		if appid.ReasonOf(err) == appid.Decorated {
			// The material is the value to file: read again, it is the
			// same key, without the decoration.
			again, err2 := appid.ParsePublicKey(pl, k.Material)
			if appid.ReasonOf(err2) == appid.Decorated || again.Bytes != k.Bytes || again.Encoding != k.Encoding || again.Bits != k.Bits {
				t.Fatalf("%s %q: %+v then %+v (%v)", pl, s, k, again, err2)
			}
			return
		}
		if err != nil {
			if _, ok := err.(*appid.Error); !ok {
				t.Fatalf("%s %q: %T", pl, s, err)
			}
			return
		}
		if k.Bytes == 0 || k.Encoding == "" {
			t.Fatalf("%s %q: %+v", pl, s, k)
		}
	})
}
