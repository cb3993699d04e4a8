package rules

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/testenv"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/phonenum"
)

// TestCheckPhoneCheckedAsParsed holds checkPhone, whose numbers typed
// plainly are reported from Table.Check's facts (checkPhoneChecked), to
// checkPhoneParsed, the check through Table.Parse: the same rejections
// (codes, severities, paths, arguments, sources, fixes) in a mobile field
// and an office-phone field, with no segment table and with one, in an
// unknown province and in every province, for
//   - every kind of number: every 997th 7-digit prefix from 1000000 to
//     1999999 (every 97th with BEIAN_EXHAUSTIVE=1), the special segments
//     (virtual, data card, IoT, satellite) and the table's prefixes, as
//     the 11 digits Check takes and with a 12th digit;
//   - landlines of every area code 010–0999 (every 7th in the provinces
//     but Shanghai and Guangdong, unless BEIAN_EXHAUSTIVE=1), in every
//     plain format Check takes (no dash, the dash after the area code, a
//     dash elsewhere, two dashes, a dash at the end) and typed otherwise.
//
// It requires the fast path to answer numbers of every kind, in another
// province, of an unknown one and in a mobile field.
func TestCheckPhoneCheckedAsParsed(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(quietTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	var mobiles, landlines, someLandlines []string
	stride := 997
	if testenv.Stride(2) == 1 {
		stride = 97
	}
	for p := 1000000; p <= 1999999; p += stride {
		mobiles = append(mobiles, fmt.Sprintf("%d4321", p))
	}
	for _, p := range []string{"1000000", "1012345", "1700123", "1390007", "1440012", "1450000", "1349000", "1990000",
		"1700000", "1710000", "1620000", "1650000", "1670000", "1410000", "1740000", "1749000", "1064000", "1470000",
		"1490000", "1360000", "1860000", "1890000", "1920000"} {
		mobiles = append(mobiles, p+"4321", p+"43210")
	}
	for a := 10; a <= 999; a++ {
		for _, f := range []string{"0%d26888888", "0%d-26888888", "0%d-2688-8888", "0%d2-6888888", "0%d-26888888-",
			"0%d--26888888", "0%d-2688888", "0%d 26888888", "0%d-26888888-801"} {
			landlines = append(landlines, fmt.Sprintf(f, a))
			if a%testenv.Stride(7) == 0 {
				someLandlines = append(someLandlines, fmt.Sprintf(f, a))
			}
		}
	}
	type key struct {
		kind           phonenum.Kind
		virtual, other bool
	}
	checked := map[key]int{}
	unknown, asMobile := 0, 0
	date := beian.NewDate(2026, 11, 20)
	for _, code := range append([]string{""}, codes()...) {
		inputs := slices.Concat(mobiles, someLandlines)
		if code == "" || code == "31" || code == "44" {
			inputs = slices.Concat(mobiles, landlines)
		}
		for _, seg := range []*phonenum.Table{nil, tab} {
			cfg := &Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary(), PhoneSegments: seg}
			f := &beian.Filing{Province: code}
			fast, general := NewPass(context.Background(), f, f, cfg, date), NewPass(context.Background(), f, f, cfg, date)
			for _, s := range inputs {
				fa, ok := seg.Check(s)
				for _, mobile := range []bool{true, false} {
					fast.Reset(context.Background(), f, f, cfg, date)
					general.Reset(context.Background(), f, f, cfg, date)
					checkPhone(fast, 2, "phone", s, mobile)
					checkPhoneParsed(general, 2, "phone", s, mobile)
					if got, want := fast.Rejections(), general.Rejections(); !reflect.DeepEqual(got, want) {
						t.Fatalf("province %q, table %v, mobile field %v, %q: %+v; through Parse %+v", code, seg != nil, mobile, s, got, want)
					}
					if !ok || phoneQuiet(fast, fa, mobile) || len(fast.Rejections()) == 0 {
						continue
					}
					switch {
					case mobile && fa.Kind == phonenum.Landline:
						asMobile++
					case fa.Province == "":
						unknown++
					default:
						checked[key{fa.Kind, fa.Virtual, fa.Province != code}]++
					}
				}
			}
		}
	}
	for _, k := range []key{{phonenum.Mobile, false, true}, {phonenum.Mobile, true, true}, {phonenum.Mobile, true, false},
		{phonenum.DataCard, false, false}, {phonenum.DataCard, false, true}, {phonenum.Satellite, false, false},
		{phonenum.Landline, false, true}} {
		if checked[k] < 5 {
			t.Errorf("the fast path reported %d numbers of kind %v, virtual %v, another province %v", checked[k], k.kind, k.virtual, k.other)
		}
	}
	if unknown < 20 || asMobile < 1000 {
		t.Errorf("the fast path reported %d numbers of no known province, %d landlines in a mobile field", unknown, asMobile)
	}
	t.Logf("%d mobiles, %d landlines; reported by the fast path: %v, %d of no province, %d landlines in a mobile field", len(mobiles), len(landlines), checked, unknown, asMobile)
}
