package rules_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// reasonOf returns the reason of a *rules.CertError, 0 for nil.
func reasonOf(t *testing.T, err error) rules.CertReason {
	t.Helper()
	if err == nil {
		return 0
	}
	var ce *rules.CertError
	require.True(t, errors.As(err, &ce), "%v is not a *CertError", err)
	return ce.Reason
}

func TestIDCheckVectors(t *testing.T) {
	// The GB 11643 example and numbers whose check characters the
	// standard's own equation gives.
	assert.Equal(t, "11010519491231002X", withID("11010519491231002"))
	assert.Equal(t, "44030519900101123X", withID("44030519900101123"))
	for _, first := range []string{"11010519491231002", "44030519900101123", "31011519851111123", "65010220001231567", "54010219700101001"} {
		c, ok := rules.IDCheckChar(first)
		require.True(t, ok)
		assert.Equal(t, idCheck(first), string(c), first)
	}
	_, ok := rules.IDCheckChar("1234")
	assert.False(t, ok)
	_, ok = rules.IDCheckChar("1101051949123100A")
	assert.False(t, ok)
}

// TestIDCardEveryProvince builds a valid number in every province and
// finds the province again.
func TestIDCardEveryProvince(t *testing.T) {
	for _, p := range provinces.All() {
		t.Run(p.Short, func(t *testing.T) {
			n := withID(p.Code + "0102" + "19880229" + "123")
			card, err := rules.ParseIDCardOn(n, beian.NewDate(2026, 11, 20))
			require.NoError(t, err, n)
			assert.Equal(t, p, card.Province())
			assert.Equal(t, p.Code+"0102", card.Division())
			assert.Equal(t, rules.IDCardMainland, card.Kind)
			assert.False(t, card.IsResidencePermit())
		})
	}
}

func TestParseIDCard(t *testing.T) {
	today := beian.NewDate(2026, 11, 20)
	tests := []struct {
		name, in string
		want     rules.CertReason
		number   string
	}{
		{"standard example", "11010519491231002X", 0, "11010519491231002X"},
		{"lower-case x", "11010519491231002x", 0, "11010519491231002X"},
		{"full-width digits", "１１０１０５１９４９１２３１００２Ｘ", 0, "11010519491231002X"},
		{"spaces and hyphens", " 110105 1949-1231 002x ", 0, "11010519491231002X"},
		{"ideographic space and full-width hyphen", "110105　19491231－002X", 0, "11010519491231002X"},
		{"leap day", withID("44030520000229123"), 0, withID("44030520000229123")},
		{"born today", withID("44030520261120123"), 0, withID("44030520261120123")},
		{"Hong Kong residence permit", withID("81000019900101123"), 0, withID("81000019900101123")},
		{"Macao residence permit", withID("82000019900101123"), 0, withID("82000019900101123")},
		{"Taiwan residence permit", withID("83000019900101123"), 0, withID("83000019900101123")},
		{"empty", " - ", rules.ReasonEmpty, ""},
		{"too short", "4403051990010112", rules.ReasonLength, ""},
		{"too long", "44030519900101123X1", rules.ReasonLength, ""},
		{"far too long", "4403051990010112344030519900101123X44030519900101123X", rules.ReasonLength, ""},
		{"letter inside", "4403051990O101123X", rules.ReasonCharacter, ""},
		{"X not last", "44030519900101X231", rules.ReasonCharacter, ""},
		{"Chinese character", "44030519900101123号", rules.ReasonCharacter, ""},
		{"wrong check character", "440305199001011231", rules.ReasonCheckCharacter, ""},
		{"two digits swapped", "44030519900110123X", rules.ReasonCheckCharacter, ""},
		{"no such province", withID("99030519900101123"), rules.ReasonDivision, ""},
		{"Hong Kong code with a city", withID("81010019900101123"), rules.ReasonDivision, ""},
		{"month 13", withID("44030519901301123"), rules.ReasonBirthDate, ""},
		{"February 30", withID("44030519900230123"), rules.ReasonBirthDate, ""},
		{"not a leap year", withID("44030519000229123"), rules.ReasonBirthDate, ""},
		{"before 1850", withID("44030518491231123"), rules.ReasonBirthDate, ""},
		{"born tomorrow", withID("44030520261121123"), rules.ReasonFutureBirthDate, ""},
		{"first generation", "440305900101123", rules.ReasonLegacyIDCard, "440305900101123"},
		{"15 digits that are no ID", "990305901301123", rules.ReasonLength, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card, err := rules.ParseIDCardOn(tt.in, today)
			assert.Equal(t, tt.want, reasonOf(t, err), "%q: %v", tt.in, err)
			assert.Equal(t, tt.number, card.Number)
		})
	}
}

func TestIDCardFields(t *testing.T) {
	card, err := rules.ParseIDCard("44030519900101123X")
	require.NoError(t, err)
	assert.Equal(t, "44", card.Province().Code)
	assert.Equal(t, "440305", card.Division())
	assert.Equal(t, beian.NewDate(1990, time.January, 1), card.Birth())
	assert.Equal(t, rules.Male, card.Sex, "sequence 123 is odd")
	assert.Equal(t, 36, card.AgeOn(beian.NewDate(2026, 11, 20)))
	assert.Equal(t, 35, card.AgeOn(beian.NewDate(2025, 12, 31)))
	assert.Equal(t, 36, card.AgeOn(beian.NewDate(2026, 1, 1)), "the birthday counts")

	card, err = rules.ParseIDCard("11010519491231002X")
	require.NoError(t, err)
	assert.Equal(t, rules.Female, card.Sex)
	assert.Equal(t, "female", card.Sex.String())

	card, err = rules.ParseIDCard(withID("83000019900101123"))
	require.NoError(t, err)
	assert.Equal(t, rules.IDCardTaiwan, card.Kind)
	assert.Equal(t, "taiwan", card.Kind.String())
	assert.True(t, card.IsResidencePermit())
	assert.True(t, card.Province().IsZero())

	// A first-generation number is parsed but refused.
	card, err = rules.ParseIDCard("440305900101124")
	assert.Equal(t, rules.ReasonLegacyIDCard, reasonOf(t, err))
	assert.True(t, card.Legacy)
	assert.Equal(t, "44", card.Province().Code)
	assert.Equal(t, beian.NewDate(1990, 1, 1), card.Birth())
	assert.Equal(t, rules.Female, card.Sex)

	var zero rules.IDCard
	assert.True(t, zero.Birth().IsZero())
	assert.Equal(t, 0, zero.AgeOn(beian.NewDate(2026, 1, 1)))
	assert.Equal(t, "", zero.Division())
	assert.True(t, zero.Province().IsZero())
}

// TestIDCardClock checks that ParseIDCard (with the clock) refuses a
// birth date far in the future and accepts one long past.
func TestIDCardClock(t *testing.T) {
	_, err := rules.ParseIDCard(withID("44030521991231123"))
	assert.Equal(t, rules.ReasonFutureBirthDate, reasonOf(t, err))
	_, err = rules.ParseIDCard(withID("44030520200101123"))
	assert.NoError(t, err)
}

func TestCertErrorText(t *testing.T) {
	_, err := rules.ParseIDCard("4403051990O101123X")
	var ce *rules.CertError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, beian.CertIDCard, ce.Type)
	assert.Equal(t, 11, ce.Pos)
	assert.Equal(t, 'O', ce.Char)
	assert.Equal(t, `rules: invalid id_card number: it contains a character that cannot appear there: "O" at position 11`, err.Error())
	assert.Contains(t, ce.Problem().ZH, "第11位「O」")

	_, err = rules.ParseUSCC("9144030070846113")
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 18, ce.Want)
	assert.Contains(t, ce.Problem().EN, "(want 18)")

	for r := rules.ReasonEmpty; r <= rules.ReasonFormat; r++ {
		txt := r.Text()
		assert.True(t, containsHan(txt.ZH), "reason %d has no Chinese text", r)
		assert.NotEqual(t, txt.EN, rules.CertReason(0).Text().EN, "reason %d has no text of its own", r)
	}
}
