package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

func TestPrincipalLegalRepresentative(t *testing.T) {
	letter := []beian.Document{{Kind: beian.DocAuthorizationLetter, Owner: "subject.principal"}}
	other := []beian.Document{{Kind: beian.DocSubjectCert, Owner: "subject"}}
	// A website principal's letter (网站负责人授权书) is not the legal
	// representative's for the subject's principal.
	siteLetter := []beian.Document{{Kind: beian.DocAuthorizationLetter, Owner: "websites[0].principal"}, other[0]}
	unowned := []beian.Document{{Kind: beian.DocAuthorizationLetter}}
	spaced := []beian.Document{{Kind: beian.DocAuthorizationLetter, Owner: " subject . principal "}}
	tests := []struct {
		name      string
		province  string // its default policy applies
		isLR      bool
		principal string
		documents []beian.Document
		want      rules.Severity // 0: nothing reported
	}{
		{"legal representative", "31", true, "王五", nil, 0},
		{"same name, box not ticked", "31", false, "张三", nil, 0},
		{"not required: Jiangsu", "32", false, "王五", nil, 0},
		{"not required: Beijing", "11", false, "王五", nil, 0},

		// required, no letter accepted (Shanghai: certain; letter: uncertain default)
		{"required: Shanghai", "31", false, "王五", other, rules.Error},
		{"required, nothing uploaded yet: Shanghai", "31", false, "王五", nil, rules.Error},
		{"required, letter the province may not accept: Shanghai", "31", false, "王五", letter, rules.Warning},

		// required, letter accepted (Sichuan: both certain)
		{"letter accepted and uploaded: Sichuan", "51", false, "王五", letter, 0},
		{"letter accepted, uploads without it: Sichuan", "51", false, "王五", other, rules.Error},
		{"letter accepted, nothing uploaded yet: Sichuan", "51", false, "王五", nil, rules.Warning},
		{"letter accepted, only a website principal's letter: Sichuan", "51", false, "王五", siteLetter, rules.Error},
		{"letter accepted, a letter of no owner: Sichuan", "51", false, "王五", unowned, 0},
		{"letter accepted, its owner typed with spaces: Sichuan", "51", false, "王五", spaced, 0},
		// Jilin, Anhui, Gansu: required (UC), a letter accepted (TC)
		{"letter accepted, only a website principal's letter: Jilin", "22", false, "王五", siteLetter, rules.Error},
		{"letter accepted, only a website principal's letter: Anhui", "34", false, "王五", siteLetter, rules.Error},
		{"letter accepted, only a website principal's letter: Gansu", "62", false, "王五", siteLetter, rules.Error},
		{"letter accepted and uploaded: Gansu", "62", false, "王五", letter, 0},

		// required but the sources conflict (Shanxi)
		{"required, uncertain: Shanxi", "14", false, "王五", other, rules.Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			f.Province = tt.province
			f.Subject.Principal.Name = tt.principal
			f.Subject.Principal.IsLegalRepresentative = tt.isLR
			f.Documents = tt.documents
			rs := run(t, rules.PrincipalLegalRep, f)
			if tt.want == 0 {
				assert.Empty(t, foundIn(rs))
				return
			}
			assert.Equal(t, []found{{"subject.principal", rules.CodePrincipalNotLegalRepresentative}}, foundIn(rs))
			assert.Equal(t, tt.want, rs[0].Severity)
		})
	}

	// The remedy tells what will be needed before the upload step.
	f := cleanFiling()
	f.Province = "51"
	f.Subject.Principal.Name = "王五"
	f.Subject.Principal.IsLegalRepresentative = false
	rs := run(t, rules.PrincipalLegalRep, f)
	assert.Contains(t, rs[0].Remedy(language.Chinese), "授权书")
	assert.Contains(t, rs[0].Remedy(language.English), "will be needed")

	// Personal filings have no legal representative.
	assert.Empty(t, foundIn(run(t, rules.PrincipalLegalRep, personalFiling("31", "44030519900101123X"))))
}
