package rules

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/phonenum"
)

// quietTableCSV is a caller's segment table that overrides the built-in
// facts: a province, an operator, a virtual flag either way, a segment
// the built-in data does not know.
const quietTableCSV = `1000000,北京
1012345,11
1700123,广东省,mobile,true
1390007,湖南,unicom,false
1440012,44
1450000,44,unicom,false
1349000,44
1990000,湖南
`

// TestCheckPhoneQuietAsParsed holds checkPhone's quiet path (Table.Check
// and phoneQuiet) to checkPhoneParsed, the check through Table.Parse:
// the same rejections in a mobile field and in an office-phone field,
// with no segment table and with one, for
//   - every 211th 7-digit prefix from 1300000 to 1999999, the prefixes of
//     the caller's table and of the special segments, landlines of every
//     two- and three-digit area code, and numbers typed otherwise, in
//     Guangdong, Beijing and an unknown province;
//   - every 2,999th prefix, the special ones and a landline of each
//     region, in every province.
//
// Package phonenum holds Check's facts to Parse for every prefix. It also
// checks that what Check takes National takes (checkEmergencyPhone's quiet
// path).
func TestCheckPhoneQuietAsParsed(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(quietTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	special := []string{"1000000", "1012345", "1700123", "1390007", "1440012", "1450000", "1349000", "1990000",
		"1700000", "1710000", "1410000", "1740000", "1749000", "1064000"}
	var wide, every []string
	for p := 1300000; p <= 1999999; p += 211 {
		wide = append(wide, fmt.Sprintf("%d4321", p))
	}
	for p := 1300000; p <= 1999999; p += 2999 {
		every = append(every, fmt.Sprintf("%d4321", p))
	}
	for _, p := range special {
		wide = append(wide, p+"4321", p+"432100")
		every = append(every, p+"4321", p+"432100")
	}
	for a := 10; a <= 999; a++ {
		wide = append(wide, fmt.Sprintf("0%d-26888888", a), fmt.Sprintf("0%d2688888", a))
	}
	for _, a := range []string{"10", "21", "22", "311", "351", "471", "24", "431", "451", "25", "571", "551", "591", "791",
		"531", "371", "27", "731", "20", "755", "771", "898", "23", "28", "851", "871", "891", "29", "931", "971", "951", "991"} {
		every = append(every, "0"+a+"-26888888")
	}
	wide = append(wide, "138 0013 8000", "１３８００１３８０００", "+8613800138000", "0755-2688888-801", "12345", "", "10086", "4008001234")
	quiet := 0
	date := beian.NewDate(2026, 11, 20)
	for _, code := range append([]string{""}, codes()...) {
		inputs := every
		if code == "" || code == "44" || code == "11" {
			inputs = wide
		}
		for _, seg := range []*phonenum.Table{nil, tab} {
			cfg := &Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary(), PhoneSegments: seg}
			f := &beian.Filing{Province: code}
			fast, general := NewPass(context.Background(), f, f, cfg, date), NewPass(context.Background(), f, f, cfg, date)
			for _, s := range inputs {
				for _, mobile := range []bool{true, false} {
					fast.Reset(context.Background(), f, f, cfg, date)
					general.Reset(context.Background(), f, f, cfg, date)
					checkPhone(fast, -1, "mobile", s, mobile)
					checkPhoneParsed(general, -1, "mobile", s, mobile)
					if got, want := fast.Rejections(), general.Rejections(); !reflect.DeepEqual(got, want) {
						t.Fatalf("province %q, table %v, mobile field %v, %q: %v; through Parse %v", code, seg != nil, mobile, s, got, want)
					}
					if fa, ok := seg.Check(s); ok && phoneQuiet(fast, fa, mobile) {
						quiet++
					}
				}
				_, valid := seg.National(s)
				if _, ok := seg.Check(s); ok && !valid {
					t.Fatalf("Check takes %q, which National refuses", s)
				}
			}
		}
	}
	if quiet < 1000 {
		t.Errorf("the quiet path answered %d checks", quiet)
	}
	t.Logf("%d + %d inputs, %d checks answered by the quiet path", len(wide), len(every), quiet)
}

func codes() []string {
	var out []string
	for _, p := range provinces.All() {
		out = append(out, p.Code)
	}
	return out
}
