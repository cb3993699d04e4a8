package appid_test

import (
	"encoding/hex"
	"regexp"
	"testing"

	"github.com/icpcheck/beian/rules/appid"
)

var sinkErr error

func BenchmarkCheckPackage(b *testing.B) {
	for b.Loop() {
		sinkErr = appid.CheckPackage(appid.Android, "cn.example.ledger.app")
	}
}

// BenchmarkCheckPackageRegexp is the peer: the regular expression of the
// Android docs, which only matches (no reason, no offset, no keywords).
func BenchmarkCheckPackageRegexp(b *testing.B) {
	re := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$`)
	var ok bool
	for b.Loop() {
		ok = re.MatchString("cn.example.ledger.app")
	}
	_ = ok
}

var sinkDigest appid.Digest

func BenchmarkParseSignature(b *testing.B) {
	for b.Loop() {
		sinkDigest, sinkErr = appid.ParseSignature(appid.IOS, "55:9F:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B")
	}
}

var sinkKey appid.PublicKey

func BenchmarkParsePublicKeySPKI(b *testing.B) {
	der, _ := testKeys()
	s := hex.EncodeToString(der)
	for b.Loop() {
		sinkKey, sinkErr = appid.ParsePublicKey(appid.Android, s)
	}
}
