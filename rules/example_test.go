package rules_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian/rules"
)

// Each code is described once: its default severity, the providers'
// rejection reason it prevents, and message and remedy templates in both
// languages.
func ExampleDescribe() {
	d, _ := rules.Describe(rules.CodePhoneNotLocal)
	fmt.Println(d.Code, d.Severity, d.Reason)
	// Output:
	// PHONE_NOT_LOCAL error 电话号码不符合
}

// The rules run by validate.New, each with the codes it may report.
func ExampleAll() {
	for _, r := range rules.All()[:3] {
		fmt.Println(r.Name, r.Codes)
	}
	// Output:
	// fields [FIELD_REQUIRED VALUE_UNKNOWN]
	// text [TEXT_INVALID]
	// province [PROVINCE_UNKNOWN]
}

// Field paths use the wire format's JSON names; the label is what a
// console calls the field.
func ExampleFieldLabel() {
	l := rules.FieldLabel("websites[2].principal.mobile")
	fmt.Println(l.In(language.Chinese))
	fmt.Println(l.In(language.English))
	// Output:
	// 网站负责人手机号码
	// website principal's mobile
}
