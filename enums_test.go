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

// TestMIITCertificateNames: every certificate type of MIIT's enumeration
// (reference icp-rules.md, "Certificate types seen in the same
// enumeration"), which consoles pass as written, decodes: the subject's
// to the type its numbers are checked as, a unit's own certificate to
// other, the residence permits of Hong Kong, Macao and Taiwan residents
// (numbers of an ID card's form) to id_card.
func TestMIITCertificateNames(t *testing.T) {
	want := map[string]beian.CertType{
		"营业执照（个人或企业）": beian.CertBusinessLicense, "组织机构代码证": beian.CertOrgCode, "统一社会信用代码证书": beian.CertUSCC,
		"居民身份证": beian.CertIDCard, "护照": beian.CertPassport, "台湾居民来往大陆通行证": beian.CertTaiwanPermit,
		"港澳居民来往内地通行证": beian.CertHKMacaoPermit, "外国人永久居留身份证": beian.CertForeignPermanentResidence,
		"港澳居民居住证": beian.CertIDCard, "台湾居民居住证": beian.CertIDCard,
	}
	for _, other := range []string{"事业单位法人证书", "部队代号", "军队单位对外有偿服务许可证", "社会团体法人登记证书", "民办非企业单位登记证书",
		"社会服务机构登记证书", "民办学校办学许可证", "基金会法人登记证书", "律师事务所执业许可证", "外国在华文化中心登记证",
		"外国政府旅游部门常驻代表机构批准登记证", "北京市外国驻华使馆人员子女学校办学许可证", "外国企业常驻代表机构登记证", "司法鉴定许可证",
		"宗教活动场所登记证", "境外机构证件", "医疗机构执业许可证", "公证机构执业证", "农村集体经济组织登记证", "仲裁委员会登记证"} {
		want[other] = beian.CertOther
	}
	require.Len(t, want, 30)
	for name, typ := range want {
		got, err := beian.ParseCertType(name)
		if assert.NoError(t, err, name) {
			assert.Equal(t, typ, got, name)
		}
	}
}

// TestMIITNatures: every subject nature of MIIT's enumeration (reference
// icp-rules.md §2.1), which consoles pass as written, decodes: to its
// wire value, or to other for the natures the wire format does not name.
func TestMIITNatures(t *testing.T) {
	want := map[string]beian.Nature{
		"国防机构": beian.NatureMilitary, "部队": beian.NatureMilitary, "政府机关": beian.NatureGovernment, "事业单位": beian.NatureInstitution,
		"企业": beian.NatureEnterprise, "个人": beian.NaturePersonal, "社会团体": beian.NatureSocialGroup,
		"民办非企业单位": beian.NaturePrivateNonEnterprise, "基金会": beian.NatureFoundation, "律师执业机构": beian.NatureLawFirm,
	}
	for _, other := range []string{"外国在华文化中心", "群众性团体组织", "司法鉴定机构", "宗教团体", "境外机构", "医疗机构", "公证机构", "集体经济", "仲裁机构"} {
		want[other] = beian.NatureOther
	}
	require.Len(t, want, 19)
	for name, n := range want {
		got, err := beian.ParseNature(name)
		if assert.NoError(t, err, name) {
			assert.Equal(t, n, got, name)
		}
	}
}

// TestDocumentKindConsoleNames: the names the consoles' upload forms give
// documents parse to their kinds (outsider13: 营业执照, the name every
// console uses for an enterprise's certificate, was refused). Made to fail
// by dropping the subject certificate's aliases.
func TestDocumentKindConsoleNames(t *testing.T) {
	for name, want := range map[string]beian.DocumentKind{
		"营业执照": beian.DocSubjectCert, "主体证件": beian.DocSubjectCert, "主办单位证件": beian.DocSubjectCert,
		"核验单": beian.DocVerificationForm, "居住证": beian.DocResidencePermit, "幕布照片": beian.DocPhoto,
	} {
		got, err := beian.ParseDocumentKind(name)
		if assert.NoError(t, err, name) {
			assert.Equal(t, want, got, name)
		}
	}
}
