package certnum_test

import (
	"fmt"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
)

func ExampleParseIDCard() {
	card, err := certnum.ParseIDCard("110105 19491231 002x")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(card.Number, card.Province().Short, card.Birth(), card.Sex)
	fmt.Println(card.AgeOn(beian.NewDate(2026, 11, 20)))

	_, err = certnum.ParseIDCard("110105194912310021")
	fmt.Println(err)
	// Output:
	// 11010519491231002X 北京 1949-12-31 female
	// 76
	// certnum: invalid id_card number: check character does not match
}

func ExampleParseIDCard_residencePermit() {
	card, _ := certnum.ParseIDCard("810000199001011230")
	fmt.Println(card.Kind, card.IsResidencePermit(), card.Province().IsZero())
	// Output:
	// hong_kong true true
}

func ExampleParseUSCC() {
	u, err := certnum.ParseUSCC("91440300708461136T") // 腾讯科技（深圳）有限公司
	if err != nil {
		fmt.Println(err)
		return
	}
	kind, _ := u.Kind()
	fmt.Println(u.Province().Short, u.Division(), u.OrgCode())
	fmt.Println(kind.AuthorityName, kind.Name, u.Natures())
	// Output:
	// 广东 440300 708461136
	// 市场监督管理 企业 [enterprise]
}

func ExampleError() {
	_, err := certnum.ParseUSCC("9144030070846113IT")
	if ce, ok := err.(*certnum.Error); ok {
		fmt.Println(ce.Reason == certnum.ReasonCharacter, ce.Pos, string(ce.Char))
		fmt.Println(ce.Reason)
	}
	// Output:
	// true 17 I
	// character
}

func ExampleParseOrgCode() {
	o, err := certnum.ParseOrgCode("d2143569-x")
	fmt.Println(o.Code, err)
	// Output:
	// D2143569X <nil>
}

func ExampleParseRegistrationNumber() {
	r, err := certnum.ParseRegistrationNumber("110108000000016")
	fmt.Println(r.Authority(), r.Province().Short, err)
	// Output:
	// 110108 北京 <nil>
}

func ExampleKind() {
	// A licence issued since 2015 bears the unified social credit code.
	fmt.Println(certnum.Kind(beian.CertBusinessLicense, "91440300MA5F12342Q"))
	fmt.Println(certnum.Kind(beian.CertBusinessLicense, "110108000000016"))
	// Output:
	// uscc
	// business_license
}

func ExampleParseHKMacaoPermit() {
	p, err := certnum.ParseHKMacaoPermit("m12345678")
	fmt.Println(p.Number, p.Macao, err)
	// Output:
	// M12345678 true <nil>
}

func ExampleParseTaiwanPermit() {
	p, err := certnum.ParseTaiwanPermit("12345678")
	fmt.Println(p.Number, err)
	// Output:
	// 12345678 <nil>
}

func ExampleParsePassport() {
	p, err := certnum.ParsePassport("E12345678")
	fmt.Println(p.Number, p.Chinese, err)
	// Output:
	// E12345678 true <nil>
}

func ExampleParseForeignPermanentResidence() {
	p, err := certnum.ParseForeignPermanentResidence("USA110070010101")
	fmt.Println(p.Edition, p.Nationality, err)
	// Output:
	// 2017 USA <nil>
}

func ExampleNormalize() {
	fmt.Println(certnum.Normalize("９１４４ ０３００－７０８４ ６１１３ ６ｔ"))
	// Output:
	// 91440300708461136T
}
