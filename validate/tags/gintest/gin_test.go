package gintest

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/validatetest"
)

var update = flag.Bool("update", false, "rewrite readme_gin_test.go from the README")

const readmeMarker = "<!-- readme:gintest -->"

// TestREADMEGinBlock keeps readme_gin_test.go the README's gin block, byte
// for byte, so that the tests below run what the README shows.
func TestREADMEGinBlock(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), readmeMarker+"\n```go\n")
	require.True(t, ok, "the README has no %s block", readmeMarker)
	block, _, ok := strings.Cut(rest, "```\n")
	require.True(t, ok)
	const header = "// Code generated from the README's gin block by TestREADMEGinBlock -update; DO NOT EDIT.\n\npackage gintest\n\n"
	want := header + block
	got, err := os.ReadFile("readme_gin_test.go")
	require.NoError(t, err)
	if string(got) == want {
		return
	}
	if *update {
		require.NoError(t, os.WriteFile("readme_gin_test.go", []byte(want), 0o644))
		return
	}
	t.Errorf("readme_gin_test.go is not the README's gin block: run go test -run TestREADMEGinBlock -update in validate/tags/gintest")
}

type fieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func post(t *testing.T, body any, query string) (int, map[string]fieldError) {
	t.Helper()
	r, err := NewRouter()
	require.NoError(t, err)
	data, err := json.Marshal(body)
	require.NoError(t, err)
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/filing"+query, bytes.NewReader(data)))
	var out struct {
		Fields map[string]fieldError `json:"fields"`
	}
	if w.Code == http.StatusUnprocessableEntity {
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out), w.Body.String())
	}
	return w.Code, out.Fields
}

func validForm(t *testing.T) Form {
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise)
	return Form{Province: "粤", Credit: f.Subject.CertNumber, Mobile: f.Subject.Principal.Mobile,
		SiteName: f.Websites[0].Name, Domain: f.Websites[0].Domains[0]}
}

// TestREADMEGinValidForm: the five fields right, the form passes: no
// FIELD_REQUIRED for the fields it does not ask for.
func TestREADMEGinValidForm(t *testing.T) {
	code, fields := post(t, validForm(t), "")
	assert.Equal(t, http.StatusOK, code, "%v", fields)
}

// TestREADMEGinFieldErrors: the README's rejected form, one error per
// field, on the form's json names, in both languages.
func TestREADMEGinFieldErrors(t *testing.T) {
	form := validForm(t)
	form.Credit = validatetest.NewFiling(t, "11", beian.NatureEnterprise).Subject.CertNumber // valid, but Beijing's
	form.Mobile = "1390007000"                                                               // ten digits
	form.SiteName = "示例"
	form.Domain = "example.io"
	want := map[string]string{
		"credit":    string(rules.CodeCrossProvince),
		"mobile":    "cn_mobile",
		"site_name": "icp_site_name",
		"domain":    string(rules.CodeDomainTLDNotFilable),
	}
	for _, lang := range []string{"", "?lang=en"} {
		code, fields := post(t, form, lang)
		require.Equal(t, http.StatusUnprocessableEntity, code)
		got := map[string]string{}
		for name, fe := range fields {
			got[name] = fe.Code
			if lang == "" {
				assert.Regexp(t, `\p{Han}`, fe.Message, "%s: a Chinese message", name)
			} else {
				assert.NotRegexp(t, `\p{Han}{2}`, strings.ReplaceAll(fe.Message, form.SiteName, ""), "%s: an English message", name)
			}
		}
		assert.Equal(t, want, got, "lang %q", lang)
	}
}

// TestREADMEGinFilingOnly: values every tag accepts, refused by the
// filing check, each on its own field.
func TestREADMEGinFilingOnly(t *testing.T) {
	form := validForm(t)
	form.Mobile = validatetest.NewFiling(t, "11", beian.NatureEnterprise).Subject.Principal.Mobile // a Beijing mobile
	form.Province = "北京"
	code, fields := post(t, form, "")
	require.Equal(t, http.StatusUnprocessableEntity, code)
	got := map[string]string{}
	for name, fe := range fields {
		got[name] = fe.Code
	}
	// The Guangdong credit code and domain are now another province's.
	assert.Equal(t, map[string]string{"credit": string(rules.CodeCrossProvince)}, got)
}

// TestREADMEGinBadJSON: a body that does not bind is a 400, not field
// errors.
func TestREADMEGinBadJSON(t *testing.T) {
	code, _ := post(t, "not a form", "")
	assert.Equal(t, http.StatusBadRequest, code)
}
