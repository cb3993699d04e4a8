package validate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

func ExampleNew() {
	// Hunan accepts ID cards of other provinces (policy.csv). A console
	// that learnt the 管局 now refuses them overrides the fact, without a
	// new release of the library, and pins the clock for a reproducible
	// check.
	policies, err := provinces.DefaultPolicies().Override([]byte(
		`{"湖南": {"personal_cross_province": {"value": "forbidden", "certain": true, "source": "console ops, 2026-11"}}}`))
	if err != nil {
		panic(err)
	}
	filing := &beian.Filing{
		FilingType: beian.FilingNew,
		Province:   "43",
		Subject: beian.Subject{
			Nature: beian.NaturePersonal, Name: "张三", CertType: beian.CertIDCard,
			CertNumber: "44030519900101123X", CertAddress: "广东省深圳市南山区",
			Principal: beian.Principal{
				Name: "张三", CertType: beian.CertIDCard, CertNumber: "44030519900101123X",
				Mobile: "13907311234", Email: "zhangsan@example.cn", // a Hunan mobile: Hunan wants one
			},
		},
		Websites: []beian.Website{{Name: "张三的读书笔记", Domains: []string{"zhangsan.cn"}, PrincipalSameAsSubject: true, Remark: "记录读书笔记"}},
	}
	clock := validate.WithClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	for _, v := range []*validate.Validator{
		validate.New(clock),
		validate.New(clock, validate.WithPolicies(policies)),
	} {
		rep := v.Validate(context.Background(), filing)
		fmt.Println(rep.OK(), rep.Has(rules.CodeCrossProvincePersonal))
	}
	// Output:
	// true false
	// false true
}

func ExampleValidator_Validate() {
	filing := &beian.Filing{
		FilingType:  beian.FilingNew,
		Province:    "火星",
		SubmittedAt: beian.NewDate(2026, 11, 20),
		Subject: beian.Subject{
			Nature:              beian.NatureEnterprise,
			Name:                "深圳市示例科技有限公司",
			CertType:            beian.CertUSCC,
			CertNumber:          "91440300MA5F12342Q",
			CertAddress:         "广东省深圳市南山区科技园路1号",
			LegalRepresentative: "张三",
			Principal: beian.Principal{
				Name: "张三", CertType: beian.CertIDCard, CertNumber: "44030519900101123X",
				Mobile: "13660123456", Email: "zhangsan@shilikeji.cn", IsLegalRepresentative: true,
			},
		},
		Websites: []beian.Website{{Name: "示例\u200b科技官网", Domains: []string{"shilikeji.cn"}, PrincipalSameAsSubject: true}},
	}
	rep := validate.New().Validate(context.Background(), filing)
	fmt.Println("ok:", rep.OK())
	for _, r := range rep.Rejections {
		fmt.Printf("%s %s %s\n  %s\n  %s\n", r.Severity, r.Field, r.Code, r.Message(language.English), r.Remedy(language.Chinese))
	}
	// Output:
	// ok: false
	// error province PROVINCE_UNKNOWN
	//   火星 is not a mainland province
	//   从31个省、自治区、直辖市中选择，例如「广东」或代码「44」
	// error websites[0].name TEXT_INVALID
	//   Website name contains the invisible character U+200B
	//   重新输入网站名称，不要从其他文档粘贴带格式的文字
	// notice websites[0].principal_same_as_subject PRINCIPAL_LINKED_NOTICE
	//   The website principal is marked as the subject principal; editing one edits both
	//   如网站负责人是另一人，取消勾选「同主体负责人」并单独填写
}

func ExampleReport_MarshalJSON() {
	f, err := beian.ParseFiling([]byte(`{"filing_type": "new", "province": "44", "submitted_at": "2026-11-20",
		"subject": {"nature": "personal", "name": "张三", "cert_type": "id_card", "cert_number": "44030519900101123X",
			"cert_address": "广东省深圳市南山区", "principal": {"name": "张三", "cert_type": "id_card",
			"cert_number": "44030519900101123X", "mobile": "13660123456", "email": ""}},
		"websites": [{"name": "张三的读书笔记", "domains": ["zhangsan.cn"], "principal_same_as_subject": true,
			"remark": "记录读书笔记"}]}`))
	if err != nil {
		panic(err)
	}
	rep := validate.New(validate.WithLanguage(language.English)).Validate(context.Background(), f)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "ok": false,
	//   "complete": true,
	//   "rejections": [
	//     {
	//       "code": "FIELD_REQUIRED",
	//       "severity": "error",
	//       "field": "subject.principal.email",
	//       "message": "Subject principal's e-mail is missing",
	//       "remedy": "Fill in the subject principal's e-mail",
	//       "doc": "docs/codes/FIELD_REQUIRED.md"
	//     }
	//   ],
	//   "skipped": [
	//     "CONTACT_NOT_DISTINCT",
	//     "DOCUMENT_MISSING",
	//     "DOCUMENT_UNCLEAR",
	//     "DOMAIN_FILED_BY_OTHER_SUBJECT",
	//     "DOMAIN_HOLDER_CERT_MISMATCH",
	//     "DOMAIN_HOLDER_MISMATCH",
	//     "DOMAIN_NOT_VERIFIED",
	//     "DOMAIN_VERIFICATION_PENDING",
	//     "FILING_TYPE_WRONG",
	//     "MIIT_RECORD_EXISTS",
	//     "ORDER_IN_PROGRESS",
	//     "PHONE_USED_BY_OTHER_SUBJECT",
	//     "SITE_FOOTER_MISSING",
	//     "SITE_ONLINE_BEFORE_APPROVAL",
	//     "SITE_TITLE_MISMATCH"
	//   ],
	//   "skipped_reasons": {
	//     "CONTACT_NOT_DISTINCT": "no emergency phone given (subject principal's emergency phone) to check",
	//     "DOCUMENT_MISSING": "documents not uploaded yet (documents is null)",
	//     "DOCUMENT_UNCLEAR": "documents not uploaded yet (documents is null)",
	//     "DOMAIN_FILED_BY_OTHER_SUBJECT": "no Registry configured",
	//     "DOMAIN_HOLDER_CERT_MISMATCH": "the website domain zhangsan.cn has no domain record (domains) to check",
	//     "DOMAIN_HOLDER_MISMATCH": "the website domain zhangsan.cn has no domain record (domains) to check",
	//     "DOMAIN_NOT_VERIFIED": "the website domain zhangsan.cn has no domain record (domains) to check",
	//     "DOMAIN_VERIFICATION_PENDING": "the website domain zhangsan.cn has no domain record (domains) to check",
	//     "FILING_TYPE_WRONG": "no Registry configured",
	//     "MIIT_RECORD_EXISTS": "no Registry configured",
	//     "ORDER_IN_PROGRESS": "no Registry configured",
	//     "PHONE_USED_BY_OTHER_SUBJECT": "no Registry configured",
	//     "SITE_FOOTER_MISSING": "no Prober configured",
	//     "SITE_ONLINE_BEFORE_APPROVAL": "no Prober configured",
	//     "SITE_TITLE_MISMATCH": "no Prober configured"
	//   }
	// }
}
