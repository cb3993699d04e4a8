package tags_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/tags"
	"github.com/icpcheck/beian/validate/validatetest"
)

// consoleForm is a console's own form: flat, with its own JSON names, so it
// says where each filing field lives.
type consoleForm struct {
	Province    string  `json:"province" validate:"required,icp_province"`
	CompanyName string  `json:"company_name" validate:"required"`
	CreditCode  string  `json:"credit_code" validate:"required"`
	LegalPerson string  `json:"legal_person"`
	Contact     contact `json:"contact"`
	SiteName    string  `json:"site_name"`
	Domain      string  `json:"domain"`
}

type contact struct {
	Name     string `json:"name"`
	IDNumber string `json:"id_number"`
	Mobile   string `json:"mobile"`
	Email    string `json:"email"`
}

// Filing fills a valid enterprise filing of the form's province with the
// form's values.
func (c consoleForm) Filing() *beian.Filing {
	f, err := validatetest.BuildFiling(c.Province, beian.NatureEnterprise)
	if err != nil {
		return nil
	}
	s := &f.Subject
	s.Name, s.CertNumber, s.LegalRepresentative = c.CompanyName, c.CreditCode, c.LegalPerson
	s.Principal.Name, s.Principal.CertNumber = c.Contact.Name, c.Contact.IDNumber
	s.Principal.Mobile, s.Principal.Email = c.Contact.Mobile, c.Contact.Email
	f.Websites[0].Name = c.SiteName
	f.Websites[0].Domains = []string{c.Domain}
	d := &f.Domains[0]
	d.Domain, d.HolderName, d.HolderCertNumber = c.Domain, c.CompanyName, c.CreditCode
	return f
}

func (consoleForm) FilingFields() map[beian.Path]string {
	return map[beian.Path]string{
		"province":                      "Province",
		"subject.name":                  "CompanyName",
		"subject.cert_number":           "CreditCode",
		"subject.legal_representative":  "LegalPerson",
		"subject.principal":             "Contact",
		"subject.principal.cert_number": "Contact.IDNumber",
		"websites[0].name":              "SiteName",
		"websites[0].domains":           "Domain",
		"domains[0].domain":             "Domain",
	}
}

func validConsoleForm(t *testing.T) consoleForm {
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise)
	s := f.Subject
	return consoleForm{
		Province: "44", CompanyName: s.Name, CreditCode: s.CertNumber, LegalPerson: s.LegalRepresentative,
		Contact:  contact{Name: s.Principal.Name, IDNumber: s.Principal.CertNumber, Mobile: s.Principal.Mobile, Email: s.Principal.Email},
		SiteName: f.Websites[0].Name, Domain: f.Websites[0].Domains[0],
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func newFilingValidator(t *testing.T) (v *validator.Validate, zhT, enT ut.Translator) {
	v = validator.New()
	v.RegisterTagNameFunc(jsonName)
	zhT, enT = newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))
	require.NoError(t, tags.RegisterFiling(v, tags.FilingOptions{TagNameFunc: jsonName}, consoleForm{}, (*mirrorForm)(nil)))
	return v, zhT, enT
}

func TestRegisterFilingClean(t *testing.T) {
	v, _, _ := newFilingValidator(t)
	assert.NoError(t, v.Struct(validConsoleForm(t)))
	m := mirrorForm{Wire: *validatetest.NewFiling(t, "11", beian.NaturePersonal)}
	assert.NoError(t, v.Struct(&m))
}

func TestRegisterFilingOnFormFields(t *testing.T) {
	v, zhT, enT := newFilingValidator(t)
	form := validConsoleForm(t)
	form.CreditCode = validatetest.NewFiling(t, "11", beian.NatureEnterprise).Subject.CertNumber // a Beijing code in Guangdong
	form.Contact.IDNumber = "44030519900101123Y"                                                 // wrong check character
	form.SiteName = "示例"

	err := v.Struct(form)
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	type got struct{ ns, structNs, tag, param string }
	var all []got
	for _, fe := range verrs {
		all = append(all, got{fe.Namespace(), fe.StructNamespace(), fe.Tag(), fe.Param()})
		r, ok := fe.Value().(rules.Rejection)
		require.True(t, ok, "Value carries the rejection")
		assert.Equal(t, string(r.Code), fe.Tag())
		assert.Equal(t, r.Message(language.Chinese), fe.Translate(zhT))
		assert.Equal(t, r.Message(language.English), fe.Translate(enT))
		assert.NotEqual(t, fe.Translate(zhT), fe.Translate(enT))
	}
	assert.ElementsMatch(t, []got{
		{"consoleForm.credit_code", "consoleForm.CreditCode", "CROSS_PROVINCE", "subject.cert_number"},
		{"consoleForm.contact.id_number", "consoleForm.Contact.IDNumber", "CERT_NUMBER_INVALID", "subject.principal.cert_number"},
		{"consoleForm.site_name", "consoleForm.SiteName", "SITE_NAME_TOO_SHORT", "websites[0].name"},
	}, all)
}

// TestRegisterFilingCarriesFixes: the rejection behind a FieldError
// carries its span and certain fixes, for a console to underline the
// characters and offer the correction.
func TestRegisterFilingCarriesFixes(t *testing.T) {
	form := validConsoleForm(t)
	domain := form.Domain
	form.Domain = "https://www." + domain + "/index.html"
	form.Contact.IDNumber = form.Contact.IDNumber[:17] + "0"
	if form.Contact.IDNumber == validConsoleForm(t).Contact.IDNumber {
		form.Contact.IDNumber = form.Contact.IDNumber[:17] + "1"
	}
	v2 := validator.New()
	v2.RegisterTagNameFunc(jsonName)
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v2, zhT, enT))
	require.NoError(t, tags.RegisterFiling(v2, tags.FilingOptions{TagNameFunc: jsonName, MinSeverity: rules.Warning}, consoleForm{}))
	var verrs validator.ValidationErrors
	require.ErrorAs(t, v2.Struct(form), &verrs)
	var fixed, spanned bool
	for _, fe := range verrs {
		r := fe.Value().(rules.Rejection)
		switch {
		case r.Code == rules.CodeDomainInvalid:
			assert.Equal(t, "consoleForm.domain", fe.Namespace(), "one error for the form's one domain field")
			require.Len(t, r.Fixes, 1)
			assert.Equal(t, domain, r.Fixes[0].Value)
			fixed = true
		case r.Code == rules.CodeCertNumberInvalid:
			assert.Equal(t, rules.SpanOf(form.Contact.IDNumber, 17, 18), r.Span, "the wrong check character")
			spanned = true
		}
	}
	assert.True(t, fixed, "the domain's fix reaches the FieldError")
	assert.True(t, spanned, "the check character's span reaches the FieldError")
}

// mirrorForm mirrors the wire format (it embeds the filing), so filing
// paths find its fields by JSON name with no map.
type mirrorForm struct {
	Wire
}

// Wire names the embedded filing.
type Wire = beian.Filing

func (m *mirrorForm) Filing() *beian.Filing { return &m.Wire }

func TestRegisterFilingByJSONNames(t *testing.T) {
	v, _, _ := newFilingValidator(t)
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.Websites(2), validatetest.SiteName("ab"))
	f.Websites[1].Name = "示例"
	f.Subject.Principal.CertNumber = "1"
	err := v.Struct(&mirrorForm{Wire: *f})
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	byTag := map[string][]string{}
	for _, fe := range verrs {
		byTag[fe.Tag()] = append(byTag[fe.Tag()], fe.StructNamespace()+" "+fe.Namespace())
	}
	assert.Contains(t, byTag["SITE_NAME_TOO_SHORT"], "mirrorForm.Websites[1].Name mirrorForm.websites[1].name")
	assert.Contains(t, byTag["SITE_NAME_NOT_CHINESE"], "mirrorForm.Websites[0].Name mirrorForm.websites[0].name")
	assert.Contains(t, byTag["CERT_NUMBER_INVALID"], "mirrorForm.Subject.Principal.CertNumber mirrorForm.subject.principal.cert_number")
}

func TestRegisterFilingSeverity(t *testing.T) {
	// A policy marked uncertain gives a warning: reported only when asked.
	f := validatetest.NewFiling(t, "11", beian.NaturePersonal, validatetest.SiteName("张伟的影评评论"))
	rep := validate.New().Validate(context.Background(), f)
	validatetest.RequireOK(t, rep)
	validatetest.RequireRejected(t, rep, rules.CodeSiteNamePersonalRestricted, "websites[0].name")

	for _, tt := range []struct {
		min  rules.Severity
		want int
	}{{0, 0}, {rules.Warning, 1}} {
		v := validator.New()
		require.NoError(t, tags.RegisterFiling(v, tags.FilingOptions{MinSeverity: tt.min}, (*mirrorForm)(nil)))
		err := v.Struct(&mirrorForm{Wire: *f})
		var verrs validator.ValidationErrors
		if tt.want == 0 {
			assert.NoError(t, err)
			continue
		}
		require.ErrorAs(t, err, &verrs)
		assert.Len(t, verrs, tt.want)
		assert.Equal(t, "mirrorForm.Websites[0].Name", verrs[0].StructNamespace())
		assert.Equal(t, "mirrorForm.websites[0].name", verrs[0].Namespace(), "json names without a TagNameFunc")
	}
}

func TestRegisterFilingUnmappedField(t *testing.T) {
	v, _, _ := newFilingValidator(t)
	form := validConsoleForm(t)
	form.Contact.Mobile = "" // the form maps subject.principal to Contact: found by JSON name below it
	form.Domain = "example.invalid"
	err := v.Struct(form)
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	for _, fe := range verrs {
		if fe.Param() == "subject.principal.mobile" {
			assert.Equal(t, "consoleForm.contact.mobile", fe.Namespace())
		}
	}
	assert.NotEmpty(t, verrs)
}

func TestRegisterFilingNotAStruct(t *testing.T) {
	assert.Error(t, tags.RegisterFiling(validator.New(), tags.FilingOptions{}, notStruct("")))
}

type notStruct string

func (notStruct) Filing() *beian.Filing { return nil }
