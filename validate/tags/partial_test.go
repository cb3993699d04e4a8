package tags_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/tags"
	"github.com/icpcheck/beian/validate/validatetest"
)

// partialForm asks for five fields of a filing and says nothing of where
// they go: RegisterFiling finds them through Filing.
type partialForm struct {
	Province string `json:"province"  validate:"required,icp_province"`
	Credit   string `json:"credit"    validate:"required,cn_uscc"`
	Mobile   string `json:"mobile"    validate:"required,cn_mobile"`
	SiteName string `form:"site_name" validate:"required,icp_site_name"`
	Domain   string `json:"domain"    validate:"required,icp_domain"`
}

func (f partialForm) Filing() *beian.Filing {
	return &beian.Filing{
		Province: f.Province,
		Subject: beian.Subject{Nature: beian.NatureEnterprise, CertType: beian.CertUSCC, CertNumber: f.Credit,
			Principal: beian.Principal{Mobile: f.Mobile}},
		Websites: []beian.Website{{Name: f.SiteName, Domains: []string{f.Domain}}},
	}
}

func validPartialForm(t *testing.T) partialForm {
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise)
	return partialForm{Province: "粤", Credit: f.Subject.CertNumber, Mobile: f.Subject.Principal.Mobile,
		SiteName: f.Websites[0].Name, Domain: f.Websites[0].Domains[0]}
}

func newPartialValidator(t *testing.T, opts tags.FilingOptions) *validator.Validate {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))
	require.NoError(t, tags.RegisterFiling(v, opts, partialForm{}))
	return v
}

type fieldTag struct{ field, tag string }

func fieldTags(t *testing.T, err error) []fieldTag {
	t.Helper()
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	var out []fieldTag
	for _, fe := range verrs {
		out = append(out, fieldTag{fe.Field(), fe.Tag()})
	}
	return out
}

// TestPartialFormChecksItsFields: a form that covers five fields of a
// filing passes when those five are right, whatever the filing's other
// fields would need.
func TestPartialFormChecksItsFields(t *testing.T) {
	v := newPartialValidator(t, tags.FilingOptions{})
	assert.NoError(t, v.Struct(validPartialForm(t)))

	// The filing's other fields are missing: reported when asked.
	v = newPartialValidator(t, tags.FilingOptions{ReportUnmapped: true})
	got := fieldTags(t, v.Struct(validPartialForm(t)))
	assert.Contains(t, got, fieldTag{"subject.name", string(rules.CodeFieldRequired)})
}

// TestPartialFormOneErrorPerField: a field failing its own tag is not
// told again by the filing check; a field whose value passes its tag gets
// the filing's gravest rejection, once.
func TestPartialFormOneErrorPerField(t *testing.T) {
	v := newPartialValidator(t, tags.FilingOptions{})
	form := validPartialForm(t)
	form.Credit = validatetest.NewFiling(t, "11", beian.NatureEnterprise).Subject.CertNumber // valid, but Beijing's
	form.Mobile = "1390007000"                                                               // ten digits
	form.SiteName = "示例"
	form.Domain = "https://www." + form.Domain + "/"
	assert.ElementsMatch(t, []fieldTag{
		{"credit", string(rules.CodeCrossProvince)},
		{"mobile", "cn_mobile"},
		{"site_name", "icp_site_name"},
		{"domain", "icp_domain"},
	}, fieldTags(t, v.Struct(form)))

	// Values the tags accept and the filing check refuses: found on the
	// form's fields through Filing, with no map.
	form = validPartialForm(t)
	form.Credit = validatetest.NewFiling(t, "11", beian.NatureEnterprise).Subject.CertNumber
	form.Domain = "example.io"
	assert.ElementsMatch(t, []fieldTag{
		{"credit", string(rules.CodeCrossProvince)},
		{"domain", string(rules.CodeDomainTLDNotFilable)},
	}, fieldTags(t, v.Struct(form)))
}

// TestPartialFormConcurrent: one validator checks forms from many
// goroutines at once, each getting its own errors (go test -race).
func TestPartialFormConcurrent(t *testing.T) {
	v := newPartialValidator(t, tags.FilingOptions{})
	good := validPartialForm(t)
	bad := good
	bad.Domain = "example.io"
	errs := make(chan error, 64)
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			form := good
			if i%2 == 1 {
				form = bad
			}
			err := v.Struct(form)
			switch {
			case i%2 == 0 && err != nil:
				errs <- fmt.Errorf("a valid form failed: %v", err)
			case i%2 == 1 && err == nil:
				errs <- errors.New("a bad form passed")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// nestedForm holds its contact in a struct of its own and says nothing
// of where its fields go: probing finds the nested fields too.
type nestedForm struct {
	Province string      `json:"province"`
	Contact  nestedInner `json:"contact"`
}

type nestedInner struct {
	Mobile string `json:"mobile"`
}

func (f nestedForm) Filing() *beian.Filing {
	return &beian.Filing{Province: f.Province, Subject: beian.Subject{Principal: beian.Principal{Mobile: f.Contact.Mobile}}}
}

func TestPartialFormNested(t *testing.T) {
	v := validator.New()
	require.NoError(t, tags.RegisterFiling(v, tags.FilingOptions{}, nestedForm{}))
	err := v.Struct(nestedForm{Province: "44", Contact: nestedInner{Mobile: "1390007000"}})
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	require.Len(t, verrs, 1)
	assert.Equal(t, "nestedForm.contact.mobile", verrs[0].Namespace())
	assert.Equal(t, "nestedForm.Contact.Mobile", verrs[0].StructNamespace())
	assert.Equal(t, string(rules.CodePhoneInvalid), verrs[0].Tag())
	assert.Equal(t, "subject.principal.mobile", verrs[0].Param())
}
