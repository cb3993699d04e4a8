package rules_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

func ExampleParseIDCard() {
	card, err := rules.ParseIDCard("110105 19491231 002x")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(card.Number, card.Province().Short, card.Birth(), card.Sex)
	fmt.Println(card.AgeOn(beian.NewDate(2026, 11, 20)))

	_, err = rules.ParseIDCard("110105194912310021")
	fmt.Println(err)
	// Output:
	// 11010519491231002X 北京 1949-12-31 female
	// 76
	// rules: invalid id_card number: the check character does not match, so the number is probably mistyped
}

func ExampleParseIDCard_residencePermit() {
	card, _ := rules.ParseIDCard("810000199001011230")
	fmt.Println(card.Kind, card.IsResidencePermit(), card.Province().IsZero())
	// Output:
	// hong_kong true true
}

func ExampleParseUSCC() {
	u, err := rules.ParseUSCC("91440300708461136T") // 腾讯科技（深圳）有限公司
	if err != nil {
		fmt.Println(err)
		return
	}
	kind, _ := u.Kind()
	fmt.Println(u.Province().Short, u.Division(), u.OrgCode())
	fmt.Println(kind.AuthorityName.ZH, kind.Name.ZH, u.Natures())
	// Output:
	// 广东 440300 708461136
	// 市场监督管理 企业 [enterprise]
}

func ExampleCertError() {
	_, err := rules.ParseUSCC("9144030070846113IT")
	if ce, ok := err.(*rules.CertError); ok {
		fmt.Println(ce.Reason == rules.ReasonCharacter, ce.Pos, string(ce.Char))
		fmt.Println(ce.Message(language.Chinese))
	}
	// Output:
	// true 17 I
	// 含有不能出现的字符：第17位「I」
}

func ExampleParseOrgCode() {
	o, err := rules.ParseOrgCode("d2143569-x")
	fmt.Println(o.Code, err)
	// Output:
	// D2143569X <nil>
}

func ExampleParseRegistrationNumber() {
	r, err := rules.ParseRegistrationNumber("110108000000016")
	fmt.Println(r.Authority(), r.Province().Short, err)
	// Output:
	// 110108 北京 <nil>
}

func ExampleParseHKMacaoPermit() {
	p, err := rules.ParseHKMacaoPermit("m12345678")
	fmt.Println(p.Number, p.Macao, err)
	// Output:
	// M12345678 true <nil>
}

func ExampleParseTaiwanPermit() {
	p, err := rules.ParseTaiwanPermit("12345678")
	fmt.Println(p.Number, err)
	// Output:
	// 12345678 <nil>
}

func ExampleParsePassport() {
	p, err := rules.ParsePassport("E12345678")
	fmt.Println(p.Number, p.Chinese, err)
	// Output:
	// E12345678 true <nil>
}

func ExampleParseForeignPermanentResidence() {
	p, err := rules.ParseForeignPermanentResidence("USA110070010101")
	fmt.Println(p.Edition, p.Nationality, err)
	// Output:
	// 2017 USA <nil>
}

func ExampleNormalizeCertNumber() {
	fmt.Println(rules.NormalizeCertNumber("９１４４ ０３００－７０８４ ６１１３ ６ｔ"))
	// Output:
	// 91440300708461136T
}

func ExampleAddressProvince() {
	p, ok := rules.AddressProvince("中国广东省深圳市龙岗区坂田")
	fmt.Println(p.Short, ok)
	_, ok = rules.AddressProvince("深圳市南山区")
	fmt.Println(ok)
	// Output:
	// 广东 true
	// false
}

func ExampleCertTypesFor() {
	ts, _ := rules.CertTypesFor(beian.NatureGovernment)
	fmt.Println(ts.Types)
	// Output:
	// [uscc org_code]
}
