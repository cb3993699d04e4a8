package beian_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
)

// TestEnumsParseTheirNames parses every wire name and every label back to
// its value.
func TestEnumsParseTheirNames(t *testing.T) {
	for _, v := range beian.Natures() {
		assertParses(t, beian.ParseNature, v, v.Label)
	}
	for _, v := range beian.CertTypes() {
		assertParses(t, beian.ParseCertType, v, v.Label)
	}
	for _, v := range beian.ContentCategories() {
		assertParses(t, beian.ParseContentCategory, v, v.Label)
	}
	for _, v := range beian.DocumentKinds() {
		assertParses(t, beian.ParseDocumentKind, v, v.Label)
	}
	for _, v := range beian.FilingTypes() {
		assertParses(t, beian.ParseFilingType, v, v.Label)
	}
}

func assertParses[T ~string](t *testing.T, parse func(string) (T, error), v T, label func(language.Tag) string) {
	t.Helper()
	for _, s := range []string{string(v), label(language.Chinese), label(language.English), " " + string(v) + " "} {
		got, err := parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, v, got, s)
	}
}

func TestEnumErrors(t *testing.T) {
	_, err := beian.ParseNature("company")
	var ee *beian.EnumError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "subject nature", ee.Enum)
	assert.Equal(t, "company", ee.Value)
	assert.False(t, beian.Nature("company").Valid())
	assert.False(t, beian.Nature("").Valid())
	assert.True(t, beian.NatureEnterprise.IsUnit())
	assert.False(t, beian.NaturePersonal.IsUnit())
	assert.False(t, beian.Nature("x").IsUnit())
}

func TestLabels(t *testing.T) {
	assert.Equal(t, "事业单位", beian.NatureInstitution.Label(language.SimplifiedChinese))
	assert.Equal(t, "事业单位", beian.NatureInstitution.Label(language.MustParse("zh-TW")))
	assert.Equal(t, "public institution", beian.NatureInstitution.Label(language.English))
	assert.Equal(t, "public institution", beian.NatureInstitution.Label(language.German))
	assert.Equal(t, "mystery", beian.Nature("mystery").Label(language.Chinese))
}

// TestIsChineseFastPath checks the tags IsChinese compares directly
// against their base language.
func TestIsChineseFastPath(t *testing.T) {
	for _, tag := range []language.Tag{
		language.SimplifiedChinese, language.Chinese, language.TraditionalChinese, language.English,
		language.AmericanEnglish, language.BritishEnglish, language.Und, language.Japanese,
		language.MustParse("zh-HK"), language.MustParse("zh-Hant-TW"), language.MustParse("en-CN"),
	} {
		base, _ := tag.Base()
		assert.Equal(t, base.String() == "zh", beian.IsChinese(tag), tag.String())
	}
}

// TestCertTypeIsUnit: the certificates only a unit holds, and every other
// declared type (a person's, or "other") is none.
func TestCertTypeIsUnit(t *testing.T) {
	units := map[beian.CertType]bool{beian.CertUSCC: true, beian.CertOrgCode: true, beian.CertBusinessLicense: true}
	for _, ct := range []beian.CertType{beian.CertIDCard, beian.CertUSCC, beian.CertOrgCode, beian.CertBusinessLicense, beian.CertHKMacaoPermit, beian.CertTaiwanPermit, beian.CertPassport, beian.CertForeignPermanentResidence, beian.CertOther, "", "x"} {
		assert.Equal(t, units[ct], ct.IsUnit(), ct)
	}
}
