package certnum_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"github.com/icpcheck/beian/internal/certvectors"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/certnum"
)

// publicCreditCodes are credit codes of large organisations as they
// publish them (on invoices, licences and their websites), each checked
// here to pass both the mod-31 and the embedded GB 11714 check.
var publicCreditCodes = []struct {
	code, holder, province string
	national               bool
	authority, category    byte
}{
	{"91440300708461136T", "腾讯科技（深圳）有限公司", "44", false, '9', '1'},
	{"914403001922038216", "华为技术有限公司", "44", false, '9', '1'},
	{"91330100716105852F", "阿里巴巴（中国）网络技术有限公司", "33", false, '9', '1'},
	{"91110000802100433B", "北京百度网讯科技有限公司", "11", false, '9', '1'},
	{"91110108551385082Q", "小米科技有限责任公司", "11", false, '9', '1'},
	{"91310000132260250X", "上海汽车集团股份有限公司", "31", false, '9', '1'},
	{"12100000400000624D", "清华大学", "", true, '1', '2'},
	{"12100000425006133D", "华东师范大学", "", true, '1', '2'},
	{"91350100M000100Y43", "GB 32100-2015 的示例代码", "35", false, '9', '1'},
}

func TestParseUSCCPublicCodes(t *testing.T) {
	for _, c := range publicCreditCodes {
		t.Run(c.holder, func(t *testing.T) {
			u, err := certnum.ParseUSCC(c.code)
			require.NoError(t, err)
			assert.Equal(t, c.code, u.Code)
			assert.Equal(t, c.province, u.Province().Code)
			assert.Equal(t, c.national, u.National)
			assert.Equal(t, c.authority, u.Authority)
			assert.Equal(t, c.category, u.Category)
			assert.Equal(t, c.code[2:8], u.Division())
			assert.Equal(t, c.code[8:17], u.OrgCode())
			_, err = certnum.ParseOrgCode(u.OrgCode())
			assert.NoError(t, err, "the embedded organisation code is a valid one")
			assert.Equal(t, c.code[17:], certvectors.USCCCheck(c.code[:17]), "the independent check agrees")
			ch, ok := certnum.USCCCheckChar(c.code[:17])
			assert.True(t, ok)
			assert.Equal(t, c.code[17], ch)
		})
	}
}

// TestUSCCEveryProvince builds an enterprise code in every province.
func TestUSCCEveryProvince(t *testing.T) {
	for _, p := range provinces.All() {
		body := "MA5F1234"
		code := certvectors.WithUSCC("91" + p.Code + "0100" + body + certvectors.OrgCheck(body))
		u, err := certnum.ParseUSCC(code)
		require.NoError(t, err, code)
		assert.Equal(t, p, u.Province(), code)
	}
}

func TestParseUSCC(t *testing.T) {
	body := "MA5F1234"
	org := body + certvectors.OrgCheck(body)
	valid := certvectors.WithUSCC("91440300" + org)
	// A code whose mod-31 check holds but whose organisation code does
	// not: change the organisation check character and recompute.
	badOrgCheck := "0"
	if org[8] == '0' {
		badOrgCheck = "1"
	}
	tests := []struct {
		name, in string
		want     certnum.Reason
	}{
		{"valid", valid, 0},
		{"lower case", "91440300708461136t", 0},
		{"full width", "９１４４０３００７０８４６１１３６Ｔ", 0},
		{"spaces", "9144 0300 7084 6113 6T", 0},
		{"national", "12100000400000624D", 0},
		{"every authority", certvectors.WithUSCC("A1440300" + org), 0},
		{"agriculture", certvectors.WithUSCC("N2440300" + org), 0},
		{"undefined pair 9Y", certvectors.WithUSCC("9Y440300" + org), certnum.ReasonCategory},
		{"undefined pair 88 (CredentialKit's vector, its check character made right)", certvectors.WithUSCC("88330106MA27Y4U47"), certnum.ReasonCategory},
		{"CredentialKit's valid code", "91330106MA27Y4U47R", 0},
		{"CredentialKit's military code", "A1110000MA27Y4U477", 0},
		{"CredentialKit's wrong organisation check", "91330106MA27Y4U46R", certnum.ReasonCheckCharacter},
		{"empty", "", certnum.ReasonEmpty},
		{"17 characters", "91440300708461136", certnum.ReasonLength},
		{"letter I", "9144030070846113IT", certnum.ReasonCharacter},
		{"letter O", "91440300O08461136T", certnum.ReasonCharacter},
		{"letter in the division", "9144A300708461136T", certnum.ReasonCharacter},
		{"bad check character", "91440300708461136U", certnum.ReasonCheckCharacter},
		{"check character not in the alphabet", "91440300708461136Z", certnum.ReasonCharacter},
		{"authority 0", certvectors.WithUSCC("01440300" + org), certnum.ReasonAuthority},
		{"authority B", certvectors.WithUSCC("B1440300" + org), certnum.ReasonAuthority},
		{"no such province", certvectors.WithUSCC("91990300" + org), certnum.ReasonDivision},
		{"Hong Kong is no registering division", certvectors.WithUSCC("91810000" + org), certnum.ReasonDivision},
		{"embedded organisation code fails", certvectors.WithUSCC("91440300" + body + badOrgCheck), certnum.ReasonEmbeddedOrgCode},
		{"non-ASCII", "91440300708461136Ｔ号", certnum.ReasonCharacter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := certnum.ParseUSCC(tt.in)
			assert.Equal(t, tt.want, reasonOf(t, err), "%q: %v", tt.in, err)
		})
	}
}

func TestUSCCKind(t *testing.T) {
	u, err := certnum.ParseUSCC("12100000400000624D")
	require.NoError(t, err)
	k, ok := u.Kind()
	require.True(t, ok)
	assert.Equal(t, "事业单位", k.Name)
	assert.Equal(t, "机构编制", k.AuthorityName)
	assert.Equal(t, []beian.Nature{beian.NatureInstitution}, k.Natures)
	assert.True(t, k.Certain)
	k.Natures[0] = beian.NatureEnterprise
	assert.Equal(t, []beian.Nature{beian.NatureInstitution}, u.Natures(), "Kind returns a copy")

	var zero certnum.USCC
	_, ok = zero.Kind()
	assert.False(t, ok)
	assert.Nil(t, zero.Natures())
	assert.Equal(t, "", zero.Division())
	assert.Equal(t, "", zero.OrgCode())
	assert.True(t, zero.Province().IsZero())
}

func TestParseOrgCode(t *testing.T) {
	tests := []struct {
		name, in string
		want     certnum.Reason
	}{
		{"GB 11714 example", "D2143569-X", 0},
		{"lower case", "d2143569-x", 0},
		{"without hyphen", "D2143569X", 0},
		{"Huawei", "19220382-1", 0},
		{"Tencent", "70846113-6", 0},
		{"full width", "１９２２０３８２－１", 0},
		{"computed", "MA5F1234-" + certvectors.OrgCheck("MA5F1234"), 0},
		{"check 0", "00000011-" + certvectors.OrgCheck("00000011"), 0},
		{"empty", "-", certnum.ReasonEmpty},
		{"short", "1922038-1", certnum.ReasonLength},
		{"bad check", "19220382-2", certnum.ReasonCheckCharacter},
		{"letter check", "19220382-A", certnum.ReasonCharacter},
		{"symbol", "1922#382-1", certnum.ReasonCharacter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := certnum.ParseOrgCode(tt.in)
			assert.Equal(t, tt.want, reasonOf(t, err), "%q: %v", tt.in, err)
		})
	}
	for _, body := range []string{"D2143569", "19220382", "70846113", "MA5F1234", "00000011", "ZZZZZZZZ"} {
		c, ok := certnum.OrgCodeCheckChar(body)
		require.True(t, ok)
		assert.Equal(t, certvectors.OrgCheck(body), string(c), body)
	}
	_, ok := certnum.OrgCodeCheckChar("1234567")
	assert.False(t, ok)
}

func TestParseRegistrationNumber(t *testing.T) {
	tests := []struct {
		name, in string
		want     certnum.Reason
		province string
	}{
		{"GS15-2006 example", "110108000000016", 0, "11"},
		{"Shanxi", "140000100028286", 0, "14"},
		{"computed", "44030110" + "123456" + certvectors.RegCheck("44030110123456"), 0, "44"},
		{"national", "10000000" + "012345" + certvectors.RegCheck("10000000012345"), 0, ""},
		{"with spaces", "110108 000000 016", 0, "11"},
		{"empty", "", certnum.ReasonEmpty, ""},
		{"14 digits", "11010800000001", certnum.ReasonLength, ""},
		{"letter", "11010800000001A", certnum.ReasonCharacter, ""},
		{"bad check", "110108000000017", certnum.ReasonCheckCharacter, ""},
		{"no province", "99010800000001" + certvectors.RegCheck("99010800000001"), certnum.ReasonDivision, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := certnum.ParseRegistrationNumber(tt.in)
			assert.Equal(t, tt.want, reasonOf(t, err), "%q: %v", tt.in, err)
			if err == nil {
				assert.Equal(t, tt.province, r.Province().Code)
				assert.Equal(t, tt.province == "", r.National)
				assert.Len(t, r.Authority(), 6)
			}
		})
	}
	for _, first := range []string{"11010800000001", "14000010002828", "44030110123456", "31000000012345"} {
		c, ok := certnum.RegistrationCheckDigit(first)
		require.True(t, ok)
		assert.Equal(t, certvectors.RegCheck(first), string(c), first)
	}
	_, ok := certnum.RegistrationCheckDigit("1101080000000A")
	assert.False(t, ok)
}

func TestParsePermits(t *testing.T) {
	tests := []struct {
		name string
		typ  beian.CertType
		in   string
		want certnum.Reason
	}{
		{"Hong Kong", beian.CertHKMacaoPermit, "H12345678", 0},
		{"Macao", beian.CertHKMacaoPermit, "m12345678", 0},
		{"old card with issue count", beian.CertHKMacaoPermit, "H1234567801", 0},
		{"not H or M", beian.CertHKMacaoPermit, "K12345678", certnum.ReasonFormat},
		{"letter in digits", beian.CertHKMacaoPermit, "H1234A678", certnum.ReasonCharacter},
		{"short", beian.CertHKMacaoPermit, "H1234567", certnum.ReasonLength},
		// The forms of TaiwanPermit's sources, and what they refuse.
		{"Taiwan lifetime number", beian.CertTaiwanPermit, "12345678", 0},
		{"Taiwan with issue count (CredentialKit)", beian.CertTaiwanPermit, "1234567890", 0},
		{"Taiwan 1992 form", beian.CertTaiwanPermit, "0561682001(D)", 0},
		{"Taiwan 1992 form, digit authority", beian.CertTaiwanPermit, "0561682001(3)", 0},
		{"Taiwan full-width parentheses", beian.CertTaiwanPermit, "1234567801（B）", 0},
		{"Taiwan nine digits (CredentialKit refuses)", beian.CertTaiwanPermit, "123456789", certnum.ReasonLength},
		{"Taiwan authority without issue count", beian.CertTaiwanPermit, "12345678(B)", certnum.ReasonLength},
		{"Taiwan letter", beian.CertTaiwanPermit, "1234567A", certnum.ReasonCharacter},
		{"Taiwan letters as issue count", beian.CertTaiwanPermit, "12345678AB", certnum.ReasonCharacter},
		{"Taiwan long", beian.CertTaiwanPermit, "12345678901", certnum.ReasonLength},
		{"Taiwan symbol as authority", beian.CertTaiwanPermit, "1234567801(#)", certnum.ReasonCharacter},
		{"Taiwan authority not in parentheses", beian.CertTaiwanPermit, "1234567801B))", certnum.ReasonFormat},
		{"Chinese passport", beian.CertPassport, "E12345678", 0},
		{"Chinese passport with letter", beian.CertPassport, "EA1234567", 0},
		{"old Chinese passport", beian.CertPassport, "G12345678", 0},
		{"foreign passport", beian.CertPassport, "533401372", 0},
		{"passport letters only", beian.CertPassport, "ABCDEFG", certnum.ReasonFormat},
		{"passport too short", beian.CertPassport, "E123", certnum.ReasonLength},
		{"passport symbol", beian.CertPassport, "E1234/678", certnum.ReasonCharacter},
		{"permanent residence 2017", beian.CertForeignPermanentResidence, "USA110070010101", 0},
		// 2023 cards: CredentialKit's vectors, then ours.
		{"permanent residence 2023", beian.CertForeignPermanentResidence, "911398199012310021", 0},
		{"2023 birth date not a day", beian.CertForeignPermanentResidence, "911398199002310021", certnum.ReasonBirthDate},
		{"2023 check character", beian.CertForeignPermanentResidence, "911398199012310022", certnum.ReasonCheckCharacter},
		{"2023 no such province", beian.CertForeignPermanentResidence, "999398199012310021", certnum.ReasonDivision},
		{"2023 Shanghai, USA", beian.CertForeignPermanentResidence, certvectors.WithID("93184019900101123"), 0},
		{"2023 with X", beian.CertForeignPermanentResidence, withXCheck("94484019850615"), 0},
		{"2023 February 29 of a leap year", beian.CertForeignPermanentResidence, certvectors.WithID("91184020000229001"), 0},
		{"2023 February 29 of another year", beian.CertForeignPermanentResidence, certvectors.WithID("91184020010229001"), certnum.ReasonBirthDate},
		{"2017 digits in nationality", beian.CertForeignPermanentResidence, "US1110070010101", certnum.ReasonCharacter},
		{"2023 not starting with 9", beian.CertForeignPermanentResidence, "811840199001011234", certnum.ReasonFormat},
		{"2023 letter", beian.CertForeignPermanentResidence, "9118401990010112A4", certnum.ReasonCharacter},
		{"wrong length", beian.CertForeignPermanentResidence, "USA1100700101", certnum.ReasonLength},
	}
	parse := map[beian.CertType]func(string) error{
		beian.CertHKMacaoPermit:             func(s string) error { _, err := certnum.ParseHKMacaoPermit(s); return err },
		beian.CertTaiwanPermit:              func(s string) error { _, err := certnum.ParseTaiwanPermit(s); return err },
		beian.CertPassport:                  func(s string) error { _, err := certnum.ParsePassport(s); return err },
		beian.CertForeignPermanentResidence: func(s string) error { _, err := certnum.ParseForeignPermanentResidence(s); return err },
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parse[tt.typ](tt.in)
			assert.Equal(t, tt.want, reasonOf(t, err), "%q: %v", tt.in, err)
		})
	}
	for typ, p := range parse {
		assert.Equal(t, certnum.ReasonEmpty, reasonOf(t, p(" ")), typ)
	}

	hk, _ := certnum.ParseHKMacaoPermit("M12345678")
	assert.True(t, hk.Macao)
	tw, _ := certnum.ParseTaiwanPermit("0561682001(D)")
	assert.Equal(t, "0561682001(D)", tw.Number)
	assert.Equal(t, "05616820", tw.Lifetime())
	tw, _ = certnum.ParseTaiwanPermit("05616820")
	assert.Equal(t, "05616820", tw.Lifetime())
	pp, _ := certnum.ParsePassport("EA1234567")
	assert.True(t, pp.Chinese)
	pp, _ = certnum.ParsePassport("533401372")
	assert.False(t, pp.Chinese)
	fp, _ := certnum.ParseForeignPermanentResidence("USA110070010101")
	assert.Equal(t, 2017, fp.Edition)
	assert.Equal(t, "USA", fp.Nationality)
	assert.True(t, fp.Birth.IsZero())
	fp, err := certnum.ParseForeignPermanentResidence("911398199012310021")
	require.NoError(t, err)
	assert.Equal(t, 2023, fp.Edition)
	assert.Equal(t, "398", fp.Nationality)
	assert.Equal(t, beian.NewDate(1990, 12, 31), fp.Birth)
}

// withXCheck returns a 2023 permanent-residence number of the first 14
// characters given whose check character is X.
func withXCheck(first14 string) string {
	for seq := 0; seq < 1000; seq++ {
		n := certvectors.WithID(fmt.Sprintf("%s%03d", first14, seq))
		if n[17] == 'X' {
			return n
		}
	}
	panic("no sequence gives X")
}

// TestUSCCEveryPair builds a valid code for every pair of characters 1
// and 2 of the credit-code alphabet: a pair of GB 32100 parses, every
// other is refused for its authority or its category.
func TestUSCCEveryPair(t *testing.T) {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	body := "MA5F1234"
	rest := "440300" + body + certvectors.OrgCheck(body)
	defined := 0
	for _, a := range []byte(alphabet) {
		for _, c := range []byte(alphabet) {
			code := certvectors.WithUSCC(string([]byte{a, c}) + rest)
			u, err := certnum.ParseUSCC(code)
			known := strings.IndexByte("123456789ANY", a) >= 0
			switch {
			case !known:
				assert.Equal(t, certnum.ReasonAuthority, reasonOf(t, err), code)
			case err == nil:
				defined++
				k, ok := u.Kind()
				assert.True(t, ok, code)
				assert.Equal(t, [2]byte{a, c}, [2]byte{k.Authority, k.Category})
				for _, n := range beian.Natures() {
					assert.Equal(t, k.Allows(n), u.Allows(n), "%s %s", code, n)
				}
				assert.Zero(t, testing.AllocsPerRun(10, func() { u.Allows(beian.NatureEnterprise) }), "Allows allocates nothing")
			default:
				assert.Equal(t, certnum.ReasonCategory, reasonOf(t, err), code)
			}
		}
	}
	assert.Equal(t, 36, defined, "the pairs of GB 32100 appendix A (gb-32100-2015) as the validators list them")
}

func TestNormalizeCertNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"91440300708461136T", "91440300708461136T"},
		{"91440300708461136t", "91440300708461136T"},
		{"９１４４ ０３００－７０８４", "914403007084"},
		{"D2143569—X", "D2143569X"},
		{"a\u00a0b\u3000c", "ABC"},
		{"号码", "号码"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, certnum.Normalize(tt.in), tt.in)
	}
	long := strings.Repeat("ａ-", 50)
	assert.Equal(t, strings.Repeat("A", 50), certnum.Normalize(long))
}

// TestKind: a business licence bearing any of the public credit codes, as
// typed or loosely (lower case, spaced, full width), is read as a credit
// code certificate; one bearing a 15-digit registration number, or a
// number of another length, stays a business licence; other types are
// never changed.
func TestKind(t *testing.T) {
	for _, c := range publicCreditCodes {
		for _, typed := range []string{c.code, strings.ToLower(c.code), c.code[:8] + " " + c.code[8:], width.Widen.String(c.code)} {
			assert.Equal(t, beian.CertUSCC, certnum.Kind(beian.CertBusinessLicense, typed), typed)
			for _, other := range beian.CertTypes() {
				if other != beian.CertBusinessLicense {
					assert.Equal(t, other, certnum.Kind(other, typed), "%s %s", other, typed)
				}
			}
		}
	}
	for _, n := range []string{"110108000000016", "1101080000000", "", "91440300MA5F12342Q0"} {
		assert.Equal(t, beian.CertBusinessLicense, certnum.Kind(beian.CertBusinessLicense, n), n)
	}
}
