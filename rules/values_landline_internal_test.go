package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/testenv"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/phonenum"
)

// TestCheckedLandlineNational holds the contact rule's comparison of an
// office phone the phone rule checked (Pass.mayBeNational after
// checkPhone) to Table.National: a landline remembered has as national
// number its digits after the trunk 0, and mayBeNational answers false
// only for a national number National does not give. Every area code of
// one to three digits after the trunk 0 (every 3rd outside
// BEIAN_EXHAUSTIVE=1) with subscriber numbers of 7 and 8 digits, dashes
// after the trunk, the area code, inside the number and before an
// extension, none, and other numbers (mobiles, full width, spaces,
// letters); with no segment table and with one that overrides the
// built-in facts; each checked in an office-phone field and in a mobile
// field, then compared with its own national number, with it changed in
// its first or last digit, shortened, lengthened, and with mobiles.
func TestCheckedLandlineNational(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(quietTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for ac := 1; ac < 1000; ac += testenv.Stride(3) {
		for _, area := range []string{fmt.Sprint(ac), fmt.Sprintf("%02d", ac), fmt.Sprintf("%03d", ac)} {
			for _, sub := range []string{"26888888", "2688888", "62345678", "12345678", "02345678"} {
				inputs = append(inputs, "0"+area+sub, "0"+area+"-"+sub, "0-"+area+sub, "0"+area+"-"+sub[:4]+"-"+sub[4:],
					"0"+area+"-"+sub+"-801", "0"+area+"--"+sub, "0"+area+sub+"-")
			}
		}
	}
	inputs = append(inputs, "13800138000", "138-0013-8000", "0755 26888888", "(0755)26888888", "０７５５-２６８８８８８８",
		"0755-26888888转801", "+86-755-26888888", "0", "0-", "", "00755-26888888", "0755-2688888x")
	f := &beian.Filing{Province: "44"}
	date := beian.NewDate(2026, 11, 20)
	remembered := 0
	for _, seg := range []*phonenum.Table{nil, tab} {
		cfg := &Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary(), PhoneSegments: seg}
		pass := NewPass(context.Background(), f, f, cfg, date)
		for _, s := range inputs {
			for _, mobile := range []bool{false, true} {
				pass.Reset(context.Background(), f, f, cfg, date)
				field := "phone"
				if mobile {
					field = "mobile"
				}
				checkPhone(pass, -1, field, s, mobile)
				wn, wok := seg.National(s)
				if pass.values.nLandlines > 0 {
					remembered++
					if digits := strings.ReplaceAll(s[1:], "-", ""); !wok || wn != digits {
						t.Fatalf("table %v, %q checked as %s: remembered; Table.National: %q, %v", seg != nil, s, field, wn, wok)
					}
				}
				nationals := []string{wn, "13800138000", "75526888888", "", "7", wn + "0", "0" + wn}
				if len(wn) > 1 {
					nationals = append(nationals, wn[1:], wn[:len(wn)-1], "9"+wn[1:], wn[:len(wn)-1]+"9", wn[:len(wn)-1]+"0")
				}
				for _, n := range nationals {
					if !pass.mayBeNational(s, n) && wok && wn == n {
						t.Fatalf("table %v, %q checked as %s: mayBeNational(%q) = false; Table.National: %q", seg != nil, s, field, n, wn)
					}
				}
			}
		}
	}
	if remembered < 1000 {
		t.Errorf("%d landlines remembered: the memory is not exercised", remembered)
	}
}

// TestDigitsAre holds digitsAre to its definition, s without its dashes
// equal to digits, over every string of up to 6 bytes of '-', '0', '1'
// and 'x' against every string of up to 4 bytes of '0', '1' and 'x'.
func TestDigitsAre(t *testing.T) {
	var all func(alphabet string, n int) []string
	all = func(alphabet string, n int) []string {
		out := []string{""}
		if n == 0 {
			return out
		}
		for _, s := range all(alphabet, n-1) {
			if len(s) == n-1 {
				for i := 0; i < len(alphabet); i++ {
					out = append(out, s+alphabet[i:i+1])
				}
			}
		}
		return append(all(alphabet, n-1), out[1:]...)
	}
	ss, ds := all("-01x", 6), all("01x", 4)
	for _, s := range ss {
		for _, d := range ds {
			if got, want := digitsAre(s, d), strings.ReplaceAll(s, "-", "") == d; got != want {
				t.Fatalf("digitsAre(%q, %q) = %v", s, d, got)
			}
		}
	}
}
