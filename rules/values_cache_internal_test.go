package rules

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/testenv"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/phonenum"
)

// TestCheckedMobileNational holds the contact rule's reading of a mobile
// that the phone rule checked (Pass.national after checkPhone) to
// Table.National, with no segment table and with one that overrides the
// built-in facts: every 211th prefix (every one under BEIAN_EXHAUSTIVE=1)
// with two endings, numbers starting with every digit, and numbers typed
// otherwise (spaces, dashes, full width, +86), each checked in a mobile
// field, in an office-phone field and as an emergency phone
// (checkEmergencyPhone), then read as itself and as another number.
func TestCheckedMobileNational(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(quietTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for p := 1000000; p <= 1999999; p += testenv.Stride(211) {
		inputs = append(inputs, fmt.Sprintf("%d4321", p), fmt.Sprintf("%d0000", p))
	}
	for d := '0'; d <= '9'; d++ {
		for _, rest := range []string{"0123456789", "3800138000", "2026888888", "7552688888", "1012345678", "0086138001"} {
			inputs = append(inputs, string(d)+rest)
		}
	}
	inputs = append(inputs, "138 0013 8000", "138-0013-8000", "１３８００１３８０００", "+8613800138000", "8613800138000",
		"0755-26888888", "075526888888", "13800138000 ", "", "1380013800", "138001380000")
	f := &beian.Filing{Province: "44"}
	date := beian.NewDate(2026, 11, 20)
	remembered := 0
	for _, seg := range []*phonenum.Table{nil, tab} {
		cfg := &Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary(), PhoneSegments: seg}
		pass := NewPass(context.Background(), f, f, cfg, date)
		for k, s := range inputs {
			other := inputs[(k+1)%len(inputs)]
			for _, field := range []string{"mobile", "phone", "emergency_phone"} {
				mobile := field == "mobile"
				pass.Reset(context.Background(), f, f, cfg, date)
				if field == "emergency_phone" {
					checkEmergencyPhone(pass, 0, s)
				} else {
					checkPhone(pass, 0, field, s, mobile)
				}
				if pass.values.nMobiles > 0 {
					remembered++
				}
				for _, x := range []string{s, other} {
					n, ok := pass.national(x)
					wn, wok := seg.National(x)
					if n != wn || ok != wok {
						t.Fatalf("table %v, %q checked as %s: national(%q) = %q, %v; Table.National: %q, %v", seg != nil, s, field, x, n, ok, wn, wok)
					}
				}
			}
		}
	}
	if remembered < 1000 {
		t.Errorf("%d mobiles remembered: the memory is not exercised", remembered)
	}
}

// TestPassParseUSCCAsParseUSCC holds the pass's memory of a credit code
// to certnum.ParseUSCC: every ordered pair of codes (valid ones of several
// provinces and authorities, the same typed otherwise, invalid ones),
// the second read after the first.
func TestPassParseUSCCAsParseUSCC(t *testing.T) {
	codes := []string{
		"91440300MA5F12342Q", "91110108551385082Q", "91330106MA27Y4U46R", "91310000132260250X", "91220101MA0Y12345X",
		"91350100M000100Y43", "91110000802100433B", "914403007261824992", "91440300708461136T",
		"91330106MA27Y4U47R", "91440300708461136U", "9144030070846113IT", "91440300ma5f12342q",
		" 91440300MA5F12342Q", "91440300-MA5F1234-2Q", "９１４４０３００ＭＡ５Ｆ１２３４２Ｑ", "", "91440300MA5F1234", "91440300MA5F12342QX",
	}
	f := &beian.Filing{Province: "44"}
	cfg := &Config{Policies: provinces.DefaultPolicies(), Dictionary: names.DefaultDictionary()}
	date := beian.NewDate(2026, 11, 20)
	hits := 0
	for _, a := range codes {
		for _, b := range codes {
			pass := NewPass(context.Background(), f, f, cfg, date)
			if _, err := pass.parseUSCC(a); err == nil && a == b {
				hits++
			}
			u, err := pass.parseUSCC(b)
			wu, werr := certnum.ParseUSCC(b)
			if u != wu || !reflect.DeepEqual(err, werr) {
				t.Fatalf("after %q: parseUSCC(%q) = %+v, %v; certnum.ParseUSCC: %+v, %v", a, b, u, err, wu, werr)
			}
		}
	}
	if hits < 5 {
		t.Errorf("%d codes read from the memory", hits)
	}
}

// TestPlainNationalAsTyped holds plainNational (keepValidMobile's test) to
// Table.National: a number plainNational takes is, when National takes
// it, its own national number. Every 7-digit prefix from 1000000 to
// 1999999 (every 7th outside the exhaustive run) with two endings, and
// 11-digit numbers starting with every digit, with no segment table and
// with one that knows segments the built-in data does not.
func TestPlainNationalAsTyped(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(quietTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for p := 1000000; p <= 1999999; p += testenv.Stride(7) {
		inputs = append(inputs, fmt.Sprintf("%d4321", p), fmt.Sprintf("%d0000", p))
	}
	for d := '0'; d <= '9'; d++ {
		for _, rest := range []string{"0123456789", "3800138000", "2026888888", "7552688888", "1012345678", "0086138001"} {
			inputs = append(inputs, string(d)+rest)
		}
	}
	plain := 0
	for _, seg := range []*phonenum.Table{nil, tab} {
		for _, s := range inputs {
			if !plainNational(s) {
				continue
			}
			plain++
			if n, ok := seg.National(s); ok && n != s {
				t.Fatalf("National(%q) = %q", s, n)
			}
		}
	}
	if plain < 1000 {
		t.Errorf("%d numbers taken", plain)
	}
}
