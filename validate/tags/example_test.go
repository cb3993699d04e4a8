package tags_test

import (
	"errors"
	"fmt"

	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/tags"
	"github.com/icpcheck/beian/validate/validatetest"
)

// websiteForm is a console's form for one website filing; it converts to a
// filing and says where the filing's fields live in it.
type websiteForm struct {
	Province   string `json:"province" validate:"icp_province"`
	CreditCode string `json:"credit_code" validate:"cn_uscc"`
	SiteName   string `json:"site_name"`
}

func (s websiteForm) Filing() *beian.Filing {
	f, _ := validatetest.BuildFiling(s.Province, beian.NatureEnterprise) // the rest of the console's data
	f.Websites[0].Name = s.SiteName
	f.Subject.CertNumber, f.Domains[0].HolderCertNumber = s.CreditCode, s.CreditCode
	return f
}

func (websiteForm) FilingFields() map[beian.Path]string {
	return map[beian.Path]string{"websites[0].name": "SiteName", "subject.cert_number": "CreditCode"}
}

// A form gets the whole filing check: each rejection is a field error on
// the form's own field, with the code as its tag and the message in the
// translator's language.
func ExampleRegisterFiling() {
	v := validator.New()
	uni := ut.New(zh.New())
	zhT, _ := uni.GetTranslator("zh")
	if err := tags.Register(v, zhT); err != nil {
		panic(err)
	}
	if err := tags.RegisterFiling(v, tags.FilingOptions{}, websiteForm{}); err != nil {
		panic(err)
	}
	err := v.Struct(websiteForm{Province: "粤", CreditCode: "91440300MA5F12342Q", SiteName: "示例"})
	var verrs validator.ValidationErrors
	if errors.As(err, &verrs) {
		for _, fe := range verrs {
			fmt.Println(fe.Field(), fe.Tag(), fe.Param())
			fmt.Println(fe.Translate(zhT))
		}
	}
	// Output:
	// site_name SITE_NAME_TOO_SHORT websites[0].name
	// 网站名称只有2个汉字，至少需要3个
}
