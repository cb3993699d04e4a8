package appid_test

import (
	"fmt"

	"github.com/icpcheck/beian/rules/appid"
)

func ExampleCheckPackage() {
	for _, s := range []string{"cn.example.ledger", "cn.example.1ledger", "ledger"} {
		fmt.Println(s, appid.CheckPackage(appid.Android, s))
	}
	// Output:
	// cn.example.ledger <nil>
	// cn.example.1ledger appid: android value has a segment that starts with a character it may not start with
	// ledger appid: android value has fewer dot-separated segments than the platform wants (1)
}

func ExampleParseSignature() {
	d, err := appid.ParseSignature(appid.Android, "88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C")
	fmt.Println(d, d.Algorithm, err)
	_, err = appid.ParseSignature(appid.IOS, "8874264FA1B2C3D4E5F60718293A4B5C")
	fmt.Println(appid.ReasonOf(err) == appid.MD5ForSHA1, err)
	// Output:
	// 8874264fa1b2c3d4e5f60718293a4b5c MD5 <nil>
	// true appid: ios value is an MD5 fingerprint where iOS wants the certificate's SHA-1 (32) (doubtful)
}

func ExampleParsePublicKey() {
	_, err := appid.ParsePublicKey(appid.Android, "not a key")
	fmt.Println(err)
	// Output:
	// appid: android value is neither hex nor base64 key material
}
