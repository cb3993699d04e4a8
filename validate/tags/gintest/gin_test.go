package gintest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/tags"
	"github.com/icpcheck/beian/validate/validatetest"
)

// filingForm is what a console's page posts: its own flat field names,
// our tags on single fields, and the whole filing check through
// Filing and FilingFields.
type filingForm struct {
	Province    string `json:"province" binding:"required,icp_province"`
	CompanyName string `json:"company_name" binding:"required,icp_text"`
	CreditCode  string `json:"credit_code" binding:"required,cn_uscc"`
	LegalPerson string `json:"legal_person" binding:"required"`
	IDNumber    string `json:"id_number" binding:"required,cn_id_card"`
	Mobile      string `json:"mobile" binding:"required,cn_mobile"`
	Email       string `json:"email" binding:"required,email"`
	SiteName    string `json:"site_name" binding:"required,icp_site_name"`
	Domain      string `json:"domain" binding:"required,icp_domain"`
}

func (f filingForm) Filing() *beian.Filing {
	// The console's own data fill what the page does not ask.
	base, err := validatetest.BuildFiling(f.Province, beian.NatureEnterprise)
	if err != nil {
		return nil
	}
	s := &base.Subject
	s.Name, s.CertNumber, s.LegalRepresentative = f.CompanyName, f.CreditCode, f.LegalPerson
	s.Principal.Name, s.Principal.CertNumber = f.LegalPerson, f.IDNumber
	s.Principal.Mobile, s.Principal.Email = f.Mobile, f.Email
	base.Websites[0].Name, base.Websites[0].Domains = f.SiteName, []string{f.Domain}
	d := &base.Domains[0]
	d.Domain, d.HolderName, d.HolderCertNumber = f.Domain, f.CompanyName, f.CreditCode
	return base
}

func (filingForm) FilingFields() map[beian.Path]string {
	return map[beian.Path]string{
		"province":                      "Province",
		"subject.name":                  "CompanyName",
		"subject.cert_number":           "CreditCode",
		"subject.legal_representative":  "LegalPerson",
		"subject.principal.name":        "LegalPerson",
		"subject.principal.cert_number": "IDNumber",
		"subject.principal.mobile":      "Mobile",
		"subject.principal.email":       "Email",
		"websites[0].name":              "SiteName",
		"websites[0].domains":           "Domain",
		"domains[0].domain":             "Domain",
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// newEngine sets up gin's validator the way a console does and serves a
// handler answering the field errors as {field: [code, message]}.
func newEngine(t *testing.T) *gin.Engine {
	gin.SetMode(gin.TestMode)
	v, ok := binding.Validator.Engine().(*validator.Validate)
	require.True(t, ok, "gin's engine is a *validator.Validate")
	v.SetTagName("binding") // what gin's engine does itself
	v.RegisterTagNameFunc(jsonName)
	uni := ut.New(zh.New(), zh.New(), en.New())
	zhT, _ := uni.GetTranslator("zh")
	enT, _ := uni.GetTranslator("en")
	require.NoError(t, tags.Register(v, zhT, enT))
	require.NoError(t, tags.RegisterFiling(v, tags.FilingOptions{TagNameFunc: jsonName}, filingForm{}))

	r := gin.New()
	r.POST("/filings", func(c *gin.Context) {
		var form filingForm
		if err := c.ShouldBindJSON(&form); err != nil {
			verrs, ok := err.(validator.ValidationErrors)
			if !ok {
				c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
				return
			}
			tr := zhT
			if c.Query("lang") == "en" {
				tr = enT
			}
			out := map[string][][2]string{}
			for _, fe := range verrs {
				out[fe.Field()] = append(out[fe.Field()], [2]string{fe.Tag(), fe.Translate(tr)})
			}
			c.JSON(http.StatusUnprocessableEntity, out)
			return
		}
		c.JSON(http.StatusOK, gin.H{"ok": true})
	})
	return r
}

func validForm(t *testing.T) filingForm {
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise)
	s := f.Subject
	return filingForm{
		Province: "粤", CompanyName: s.Name, CreditCode: s.CertNumber, LegalPerson: s.LegalRepresentative,
		IDNumber: s.Principal.CertNumber, Mobile: s.Principal.Mobile, Email: s.Principal.Email,
		SiteName: f.Websites[0].Name, Domain: f.Websites[0].Domains[0],
	}
}

func post(t *testing.T, r *gin.Engine, form any, query string) (int, map[string][][2]string) {
	body, err := json.Marshal(form)
	require.NoError(t, err)
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/filings"+query, bytes.NewReader(body)))
	var out map[string][][2]string
	if w.Code == http.StatusUnprocessableEntity {
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out), w.Body.String())
	}
	return w.Code, out
}

func TestGinFormWithOurCodesInChinese(t *testing.T) {
	r := newEngine(t)

	code, _ := post(t, r, validForm(t), "")
	require.Equal(t, http.StatusOK, code, "a valid form binds")

	// Single-field tags fail first: validator runs struct-level checks
	// after the fields, and both are reported.
	bad := validForm(t)
	bad.CreditCode = validatetest.NewFiling(t, "11", beian.NatureEnterprise).Subject.CertNumber // valid, but Beijing's
	bad.SiteName = "示例"
	bad.Mobile = "1390007000" // ten digits
	code, out := post(t, r, bad, "")
	require.Equal(t, http.StatusUnprocessableEntity, code)
	codes := map[string][]string{}
	for field, errs := range out {
		for _, e := range errs {
			codes[field] = append(codes[field], e[0])
			assert.Regexp(t, `\p{Han}`, e[1], "%s %s: a Chinese message", field, e[0])
		}
	}
	assert.ElementsMatch(t, []string{"CROSS_PROVINCE"}, codes["credit_code"])
	assert.ElementsMatch(t, []string{"icp_site_name", "SITE_NAME_TOO_SHORT"}, codes["site_name"])
	assert.ElementsMatch(t, []string{"cn_mobile", "PHONE_INVALID"}, codes["mobile"])

	// English on request, the same codes.
	code, outEN := post(t, r, bad, "?lang=en")
	require.Equal(t, http.StatusUnprocessableEntity, code)
	for field, errs := range outEN {
		for i, e := range errs {
			assert.Equal(t, out[field][i][0], e[0])
			assert.NotRegexp(t, `\p{Han}{3}`, strings.ReplaceAll(e[1], bad.SiteName, ""), "%s: English", field)
		}
	}
}
