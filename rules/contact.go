package rules

import (
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/contact"
)

// Contact checks the principals' e-mail addresses and that different
// people do not share contact details.
var Contact = &Rule{
	Name: "contact",
	Doc: `e-mails are valid and principals' contacts are their own

Every principal's e-mail must be one plain address with a domain that has
a dot, internationalised domains included (EMAIL_INVALID, with the
reason; package contact). Principals who are different people (different
certificate numbers) must not share a mobile or an e-mail: the reviewers
want each principal's contacts one-to-one (CONTACT_NOT_DISTINCT, at the
later principal's field). Where the province's
office_phone_differs_from_mobile fact says so (Beijing, Liaoning, Jilin),
a principal's office phone must not be the same number as their mobile
(CONTACT_NOT_DISTINCT at the office phone; a warning where the fact is
uncertain).`,
	Codes: []Code{CodeEmailInvalid, CodeContactNotDistinct},
	Run:   runContact,
}

// contactOf is what the rule compares of one principal.
type contactOf struct {
	ref    principalAt
	cert   string // normalised certificate number; "" when not given
	mobile string // national number; "" when not a valid number
	phone  string
	email  string // contact.Email.Key; "" when not valid
}

func runContact(pass *Pass) error {
	var cs []contactOf
	for _, pr := range principals(pass.Filing) {
		c := contactOf{ref: pr, cert: normCert(pr.p.CertNumber)}
		if n, err := pass.Config.PhoneSegments.Parse(pr.p.Mobile); err == nil {
			c.mobile = n.National
		}
		if n, err := pass.Config.PhoneSegments.Parse(pr.p.Phone); err == nil {
			c.phone = n.National
		}
		if pr.p.Email != "" {
			e, err := contact.ParseEmail(pr.p.Email)
			if err != nil {
				pass.Report(pr.path.Field("email"), CodeEmailInvalid, Str("value", pr.p.Email),
					Arg{"problem", emailProblem(contact.EmailReasonOf(err))})
			} else {
				c.email = e.Key()
			}
		}
		cs = append(cs, c)
	}
	for j := range cs {
		b := &cs[j]
		checkOfficePhone(pass, b)
		for i := 0; i < j; i++ {
			a := &cs[i]
			if a.cert == "" || b.cert == "" || a.cert == b.cert {
				continue // the same person, or not known to differ
			}
			if a.mobile != "" && a.mobile == b.mobile {
				reportShared(pass, a, b, "mobile", Text{"手机号码", "mobile"})
			}
			if a.email != "" && a.email == b.email {
				reportShared(pass, a, b, "email", Text{"电子邮箱", "e-mail"})
			}
		}
	}
	return nil
}

func reportShared(pass *Pass, a, b *contactOf, field string, what Text) {
	other := a.ref.path.Field(field)
	pass.Add(Rejection{
		Code: CodeContactNotDistinct, Severity: defaultSeverity(CodeContactNotDistinct),
		Field: b.ref.path.Field(field), Related: []beian.Path{other},
		Args: []Arg{
			{"other", FieldLabel(other)},
			{"problem", Text{
				"两位负责人不是同一人（证件号码不同），联系方式需一一对应",
				"the two principals are different people (different certificate numbers) and each needs contacts of their own",
			}},
			{"remedy", Text{"为每位负责人填写其本人的" + what.ZH, "Give each principal their own " + what.EN}},
		},
	})
}

// checkOfficePhone reports an office phone equal to the same principal's
// mobile where the province forbids it.
func checkOfficePhone(pass *Pass, c *contactOf) {
	fact := pass.Policy.OfficePhoneDiffersFromMobile
	if !fact.Value || pass.Province.IsZero() || c.phone == "" || c.phone != c.mobile {
		return
	}
	p := pass.Province
	mobile := c.ref.path.Field("mobile")
	sev := defaultSeverity(CodeContactNotDistinct)
	if !fact.Certain {
		sev = Warning
	}
	pass.Add(Rejection{
		Code: CodeContactNotDistinct, Severity: sev, Field: c.ref.path.Field("phone"), Related: []beian.Path{mobile},
		Args: []Arg{
			{"other", FieldLabel(mobile)},
			{"problem", Text{p.Short + "管局要求办公电话与负责人手机号码不同", p.English + " requires the office phone to differ from the principal's mobile"}},
			{"remedy", Text{"办公电话填写固定电话或另一个号码", "Give a landline or another number as the office phone"}},
		},
	})
}

// emailProblem says in both languages why an address is not usable.
func emailProblem(r contact.EmailReason) Text {
	switch r {
	case contact.EmailEmpty:
		return Text{"为空", "it is empty"}
	case contact.EmailTooLong:
		return Text{"太长", "it is too long"}
	case contact.EmailDisplayName:
		return Text{"只填写地址本身，不要带姓名或尖括号", "give the address alone, without a name or angle brackets"}
	case contact.EmailMultiple:
		return Text{"只能填写一个地址", "only one address may be given"}
	case contact.EmailBadLocal:
		return Text{"@前的部分含有引号、中文或位置不当的点", "the part before @ has quotes, non-ASCII characters or misplaced dots"}
	case contact.EmailNoDot:
		return Text{"域名缺少点（如example.cn）", "the domain has no dot (as in example.cn)"}
	case contact.EmailBadDomain:
		return Text{"域名无效", "the domain is not valid"}
	}
	return Text{"格式不正确", "it is not an e-mail address"}
}

// normCert normalises a certificate number for comparing people: spaces
// removed, letters upper case.
func normCert(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}
