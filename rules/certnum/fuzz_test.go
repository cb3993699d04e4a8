package certnum_test

import (
	"errors"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
)

// fuzzParser checks the properties every certificate parser has: it
// never panics; an error is a *Error with a reason; the input is valid
// exactly when its normalised form is; normalising twice changes nothing;
// and a valid number's normalised form parses to itself.
func fuzzParser[T any](f *testing.F, seeds []string, parse func(string) (T, error), number func(T) string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			var ce *certnum.Error
			if !errors.As(err, &ce) || ce.Reason == 0 {
				t.Fatalf("%q: error %v is not a *Error with a reason", s, err)
			}
			_ = ce.Error()
		}
		norm := certnum.Normalize(s)
		if again := certnum.Normalize(norm); again != norm {
			t.Fatalf("%q: normalising twice gives %q, then %q", s, norm, again)
		}
		_, errNorm := parse(norm)
		if (err == nil) != (errNorm == nil) {
			t.Fatalf("%q: valid=%v, but its normalised form %q: valid=%v", s, err == nil, norm, errNorm == nil)
		}
		if err != nil {
			return
		}
		n := number(v)
		v2, err := parse(n)
		if err != nil || number(v2) != n {
			t.Fatalf("%q: normalised number %q does not parse to itself (%v)", s, n, err)
		}
	})
}

var fuzzDay = beian.NewDate(2026, 11, 20)

func FuzzParseIDCard(f *testing.F) {
	fuzzParser(f, []string{"11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "440305900101123", "81000019900101123X", "", "-"},
		func(s string) (certnum.IDCard, error) { return certnum.ParseIDCardOn(s, fuzzDay) },
		func(c certnum.IDCard) string { return c.Number })
}

func FuzzParseUSCC(f *testing.F) {
	fuzzParser(f, []string{"91440300708461136T", "9144 0300 7084 6113 6t", "12100000400000624D", "91350100M000100Y43", "91440300708461136Z"},
		certnum.ParseUSCC, func(u certnum.USCC) string { return u.Code })
}

func FuzzParseOrgCode(f *testing.F) {
	fuzzParser(f, []string{"D2143569-X", "19220382-1", "d2143569x", "１９２２０３８２－１"},
		certnum.ParseOrgCode, func(o certnum.OrgCode) string { return o.Code })
}

func FuzzParseRegistrationNumber(f *testing.F) {
	fuzzParser(f, []string{"110108000000016", "140000100028286", "110108 000000 016"},
		certnum.ParseRegistrationNumber, func(r certnum.RegistrationNumber) string { return r.Number })
}

func FuzzParseHKMacaoPermit(f *testing.F) {
	fuzzParser(f, []string{"H12345678", "m1234567801", "Ｈ１２３４５６７８"},
		certnum.ParseHKMacaoPermit, func(p certnum.HKMacaoPermit) string { return p.Number })
}

func FuzzParseTaiwanPermit(f *testing.F) {
	fuzzParser(f, []string{"12345678", "12345678(B)", "12345678（01）"},
		certnum.ParseTaiwanPermit, func(p certnum.TaiwanPermit) string { return p.Number })
}

func FuzzParsePassport(f *testing.F) {
	fuzzParser(f, []string{"E12345678", "ea1234567", "533401372"},
		certnum.ParsePassport, func(p certnum.Passport) string { return p.Number })
}

func FuzzParseForeignPermanentResidence(f *testing.F) {
	fuzzParser(f, []string{"USA110070010101", "911840199001011234", "usa 110070010101"},
		certnum.ParseForeignPermanentResidence, func(p certnum.ForeignPermanentResidence) string { return p.Number })
}
