package certnum_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/icpcheck/beian/internal/certvectors"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/certnum"
)

// reasonOf returns the reason of a *certnum.Error, 0 for nil.
func reasonOf(t *testing.T, err error) certnum.Reason {
	t.Helper()
	if err == nil {
		return 0
	}
	var ce *certnum.Error
	require.True(t, errors.As(err, &ce), "%v is not a *Error", err)
	return ce.Reason
}

func TestIDCheckVectors(t *testing.T) {
	// The GB 11643 example and numbers whose check characters the
	// standard's own equation gives.
	assert.Equal(t, "11010519491231002X", certvectors.WithID("11010519491231002"))
	assert.Equal(t, "44030519900101123X", certvectors.WithID("44030519900101123"))
	for _, first := range []string{"11010519491231002", "44030519900101123", "31011519851111123", "65010220001231567", "54010219700101001"} {
		c, ok := certnum.IDCheckChar(first)
		require.True(t, ok)
		assert.Equal(t, certvectors.IDCheck(first), string(c), first)
	}
	_, ok := certnum.IDCheckChar("1234")
	assert.False(t, ok)
	_, ok = certnum.IDCheckChar("1101051949123100A")
	assert.False(t, ok)
}

// TestIDCardEveryProvince builds a valid number in every province and
// finds the province again.
func TestIDCardEveryProvince(t *testing.T) {
	for _, p := range provinces.All() {
		t.Run(p.Short, func(t *testing.T) {
			n := certvectors.WithID(p.Code + "0102" + "19880229" + "123")
			card, err := certnum.ParseIDCardOn(n, beian.NewDate(2026, 11, 20))
			require.NoError(t, err, n)
			assert.Equal(t, p, card.Province())
			assert.Equal(t, p.Code+"0102", card.Division())
			assert.Equal(t, certnum.IDCardMainland, card.Kind)
			assert.False(t, card.IsResidencePermit())
		})
	}
}

func TestParseIDCard(t *testing.T) {
	today := beian.NewDate(2026, 11, 20)
	tests := []struct {
		name, in string
		want     certnum.Reason
		number   string
	}{
		{"standard example", "11010519491231002X", 0, "11010519491231002X"},
		{"lower-case x", "11010519491231002x", 0, "11010519491231002X"},
		{"full-width digits", "１１０１０５１９４９１２３１００２Ｘ", 0, "11010519491231002X"},
		{"spaces and hyphens", " 110105 1949-1231 002x ", 0, "11010519491231002X"},
		{"ideographic space and full-width hyphen", "110105　19491231－002X", 0, "11010519491231002X"},
		{"leap day", certvectors.WithID("44030520000229123"), 0, certvectors.WithID("44030520000229123")},
		{"born today", certvectors.WithID("44030520261120123"), 0, certvectors.WithID("44030520261120123")},
		{"Hong Kong residence permit", certvectors.WithID("81000019900101123"), 0, certvectors.WithID("81000019900101123")},
		{"Macao residence permit", certvectors.WithID("82000019900101123"), 0, certvectors.WithID("82000019900101123")},
		{"Taiwan residence permit", certvectors.WithID("83000019900101123"), 0, certvectors.WithID("83000019900101123")},
		{"empty", " - ", certnum.ReasonEmpty, ""},
		{"too short", "4403051990010112", certnum.ReasonLength, ""},
		{"too long", "44030519900101123X1", certnum.ReasonLength, ""},
		{"far too long", "4403051990010112344030519900101123X44030519900101123X", certnum.ReasonLength, ""},
		{"letter inside", "4403051990O101123X", certnum.ReasonCharacter, ""},
		{"X not last", "44030519900101X231", certnum.ReasonCharacter, ""},
		{"Chinese character", "44030519900101123号", certnum.ReasonCharacter, ""},
		{"wrong check character", "440305199001011231", certnum.ReasonCheckCharacter, ""},
		{"two digits swapped", "44030519900110123X", certnum.ReasonCheckCharacter, ""},
		{"no such province", certvectors.WithID("99030519900101123"), certnum.ReasonDivision, ""},
		{"Hong Kong code with a city", certvectors.WithID("81010019900101123"), certnum.ReasonDivision, ""},
		{"month 13", certvectors.WithID("44030519901301123"), certnum.ReasonBirthDate, ""},
		{"February 30", certvectors.WithID("44030519900230123"), certnum.ReasonBirthDate, ""},
		{"not a leap year", certvectors.WithID("44030519000229123"), certnum.ReasonBirthDate, ""},
		{"before 1850", certvectors.WithID("44030518491231123"), certnum.ReasonBirthDate, ""},
		{"born tomorrow", certvectors.WithID("44030520261121123"), certnum.ReasonFutureBirthDate, ""},
		{"first generation", "440305900101123", certnum.ReasonLegacyIDCard, "440305900101123"},
		{"15 digits that are no ID", "990305901301123", certnum.ReasonLength, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			card, err := certnum.ParseIDCardOn(tt.in, today)
			assert.Equal(t, tt.want, reasonOf(t, err), "%q: %v", tt.in, err)
			assert.Equal(t, tt.number, card.Number)
		})
	}
}

func TestIDCardFields(t *testing.T) {
	card, err := certnum.ParseIDCard("44030519900101123X")
	require.NoError(t, err)
	assert.Equal(t, "44", card.Province().Code)
	assert.Equal(t, "440305", card.Division())
	assert.Equal(t, beian.NewDate(1990, time.January, 1), card.Birth())
	assert.Equal(t, certnum.Male, card.Sex, "sequence 123 is odd")
	assert.Equal(t, 36, card.AgeOn(beian.NewDate(2026, 11, 20)))
	assert.Equal(t, 35, card.AgeOn(beian.NewDate(2025, 12, 31)))
	assert.Equal(t, 36, card.AgeOn(beian.NewDate(2026, 1, 1)), "the birthday counts")

	card, err = certnum.ParseIDCard("11010519491231002X")
	require.NoError(t, err)
	assert.Equal(t, certnum.Female, card.Sex)
	assert.Equal(t, "female", card.Sex.String())

	card, err = certnum.ParseIDCard(certvectors.WithID("83000019900101123"))
	require.NoError(t, err)
	assert.Equal(t, certnum.IDCardTaiwan, card.Kind)
	assert.Equal(t, "taiwan", card.Kind.String())
	assert.True(t, card.IsResidencePermit())
	assert.True(t, card.Province().IsZero())

	// A first-generation number is parsed but refused.
	card, err = certnum.ParseIDCard("440305900101124")
	assert.Equal(t, certnum.ReasonLegacyIDCard, reasonOf(t, err))
	assert.True(t, card.Legacy)
	assert.Equal(t, "44", card.Province().Code)
	assert.Equal(t, beian.NewDate(1990, 1, 1), card.Birth())
	assert.Equal(t, certnum.Female, card.Sex)

	var zero certnum.IDCard
	assert.True(t, zero.Birth().IsZero())
	assert.Equal(t, 0, zero.AgeOn(beian.NewDate(2026, 1, 1)))
	assert.Equal(t, "", zero.Division())
	assert.True(t, zero.Province().IsZero())
}

// TestIDCardClock checks that ParseIDCard (with the clock) refuses a
// birth date far in the future and accepts one long past.
func TestIDCardClock(t *testing.T) {
	_, err := certnum.ParseIDCard(certvectors.WithID("44030521991231123"))
	assert.Equal(t, certnum.ReasonFutureBirthDate, reasonOf(t, err))
	_, err = certnum.ParseIDCard(certvectors.WithID("44030520200101123"))
	assert.NoError(t, err)
}

func TestCertErrorText(t *testing.T) {
	_, err := certnum.ParseIDCard("4403051990O101123X")
	var ce *certnum.Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, beian.CertIDCard, ce.Type)
	assert.Equal(t, 11, ce.Pos)
	assert.Equal(t, 'O', ce.Char)
	assert.Equal(t, certnum.ReasonCharacter, ce.Reason)

	_, err = certnum.ParseUSCC("9144030070846113")
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 18, ce.Want)
	assert.Equal(t, certnum.ReasonLength, ce.Reason)

	// Every reason has a stable name of its own.
	seen := map[string]bool{}
	for r := certnum.ReasonEmpty; r <= certnum.ReasonCategory; r++ {
		name := r.String()
		assert.NotContains(t, name, "reason(", "reason %d has no name", r)
		assert.False(t, seen[name], "reason %d repeats the name %s", r, name)
		seen[name] = true
	}
}

// TestParsedNumberAsNormalize: the number ParseIDCardOn and ParseUSCC
// return for a valid input is the input's Normalize, which the
// certificate rule relies on to tell a number typed loosely: a valid
// number of every province typed eight ways, and the fuzz seeds.
func TestParsedNumberAsNormalize(t *testing.T) {
	today := beian.NewDate(2026, 11, 20)
	typed := func(s string) []string {
		out := []string{s, strings.ToLower(s), " " + s + " ", s[:6] + " " + s[6:], s[:4] + "-" + s[4:]}
		var full []rune
		for _, r := range s {
			full = append(full, r-'0'+'０')
		}
		out = append(out, string(full), s[:8]+"\u00a0"+s[8:], s[:3]+"\u3000"+strings.ToLower(s[3:]))
		return out
	}
	checked := 0
	for _, p := range provinces.All() {
		body := "MA5F1234"
		uscc := certvectors.WithUSCC("91" + p.Code + "0100" + body + certvectors.OrgCheck(body))
		id := certvectors.WithID(p.Code + "0102" + "19880229" + "123")
		for _, s := range append(typed(uscc), "91440300708461136t", "9144 0300 7084 6113 6t") {
			if u, err := certnum.ParseUSCC(s); err == nil {
				checked++
				if u.Code != certnum.Normalize(s) {
					t.Errorf("ParseUSCC(%q).Code = %q; Normalize gives %q", s, u.Code, certnum.Normalize(s))
				}
			}
		}
		for _, s := range append(typed(id), "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ") {
			if c, err := certnum.ParseIDCardOn(s, today); err == nil {
				checked++
				if c.Number != certnum.Normalize(s) {
					t.Errorf("ParseIDCardOn(%q).Number = %q; Normalize gives %q", s, c.Number, certnum.Normalize(s))
				}
			}
		}
	}
	if checked < 400 {
		t.Errorf("%d valid numbers", checked)
	}
}
