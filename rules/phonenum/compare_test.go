package phonenum

// The tables against phonenumbers itself: every 7-digit mobile prefix
// 1300000–1999999 and every area code. phonenumbers may be imported here
// (a _test.go file); the package proper never imports it.

import (
	"github.com/icpcheck/beian/internal/testenv"

	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"

	"github.com/icpcheck/beian/internal/gentool"
)

func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func TestPhoneNumbersVersion(t *testing.T) {
	// The go.mod requirement is what the tables were made from.
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), "github.com/nyaruka/phonenumbers "+PhoneNumbersVersion) {
		t.Errorf("go.mod does not require phonenumbers %s: run go generate ./rules/phonenum", PhoneNumbersVersion)
	}
}

// specialRow is one row of data/special.csv, read here independently of
// gen.go.
type specialRow struct {
	lo, hi   string
	length   int
	kind     Kind
	operator Operator
	virtual  bool
}

func readSpecialRows(t testing.TB) []specialRow {
	t.Helper()
	raw, err := os.ReadFile("data/special.csv")
	if err != nil {
		t.Fatal(err)
	}
	var body []string
	for _, l := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(l, "#") {
			body = append(body, l)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(body, "\n"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]Kind{"mobile": Mobile, "data_card": DataCard, "iot": IoT, "satellite": Satellite}
	ops := map[string]Operator{"": OperatorUnknown, "mobile": ChinaMobile, "unicom": ChinaUnicom, "telecom": ChinaTelecom,
		"broadnet": ChinaBroadnet, "maritime": MaritimeSatellite, "emergency": EmergencyNetwork}
	var out []specialRow
	for _, r := range rows[1:] {
		lo, hi, ok := strings.Cut(r[0], "-")
		if !ok {
			hi = lo
		}
		n, _ := strconv.Atoi(r[1])
		k, ok1 := kinds[r[2]]
		op, ok2 := ops[r[3]]
		if !ok1 || !ok2 || n == 0 {
			t.Fatalf("special.csv row %v", r)
		}
		out = append(out, specialRow{lo: lo, hi: hi, length: n, kind: k, operator: op, virtual: r[4] == "true"})
	}
	return out
}

func findSpecialRow(rows []specialRow, prefix7 string) *specialRow {
	for i := range rows {
		p := prefix7[:len(rows[i].lo)]
		if rows[i].lo <= p && p <= rows[i].hi {
			return &rows[i]
		}
	}
	return nil
}

func nyNumber(national uint64) *phonenumbers.PhoneNumber {
	cc := int32(86)
	return &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &national}
}

// samePlace reports whether n names the place phonenumbers gave as geo
// ("中国" when it knows no more than the country). A place name is split
// into province and city as the generator does, so "天津" and "天津市" are
// the same place.
func samePlace(n Number, geo string) bool {
	if geo == "中国" || geo == "" {
		return n.Province.IsZero() && n.City == ""
	}
	for _, p := range places[1:] {
		if p.name == geo {
			return p.province == n.Province.Code && p.city == n.City
		}
	}
	return false
}

func TestPlacesSplit(t *testing.T) {
	for _, p := range places[1:] {
		var n Number
		setPlace(&n, uint16(indexOfPlace(p.name)))
		pr, city := n.Province, n.City
		if pr.Code != p.province || city != p.city || !strings.HasSuffix(p.name, p.city) ||
			!(strings.HasPrefix(p.name, pr.Name) || strings.HasPrefix(p.name, pr.Short)) {
			t.Errorf("place %q split as %s %q", p.name, pr.Name, city)
		}
	}
}

func indexOfPlace(name string) int {
	for i, p := range places {
		if p.name == name {
			return i
		}
	}
	return -1
}

// TestMobilePrefixesAgainstPhoneNumbers compares every 7-digit mobile
// prefix with phonenumbers in the exhaustive run (700,000 lookups), every
// 31st otherwise.
func TestMobilePrefixesAgainstPhoneNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("700,000 lookups in phonenumbers")
	}
	specials := readSpecialRows(t)
	var valid, withProvince, tested int
	for p := 1300000; p <= 1999999; p += testenv.Stride(31) {
		tested++
		sp := strconv.Itoa(p)
		s := sp + "4321"
		num := nyNumber(uint64(p)*10000 + 4321)
		nyValid := phonenumbers.IsValidNumber(num)
		nyGeo, err := phonenumbers.GetGeocodingForNumber(num, "zh")
		if err != nil {
			t.Fatal(err)
		}
		nyCarrier, err := phonenumbers.GetCarrierForNumber(num, "zh")
		if err != nil {
			t.Fatal(err)
		}
		n, err := Parse(s)
		row := findSpecialRow(specials, sp)
		if row == nil {
			if (err == nil) != nyValid {
				t.Errorf("%s: valid = %v (%v), phonenumbers %v", s, err == nil, err, nyValid)
				continue
			}
			if err != nil {
				continue
			}
			if n.Kind != Mobile || n.Virtual || n.Segment != sp {
				t.Errorf("%s: kind %v virtual %v segment %s, want a plain mobile of %s", s, n.Kind, n.Virtual, n.Segment, sp)
			}
			if n.Operator.String() != nyCarrier {
				t.Errorf("%s: operator %q, phonenumbers %q", s, n.Operator, nyCarrier)
			}
		} else {
			if row.length == 13 {
				if ReasonOf(err) != ReasonTooShort {
					t.Errorf("%s: an IoT prefix with 11 digits: %v, want too short", s, err)
				}
				if n, err = Parse(s + "00"); err != nil {
					t.Errorf("%s00: %v", s, err)
					continue
				}
			} else if err != nil {
				t.Errorf("%s: %v, want a %v", s, err, row.kind)
				continue
			}
			wantOp := row.operator
			if wantOp == OperatorUnknown {
				wantOp = operatorOf(nyCarrier)
			}
			if n.Kind != row.kind || n.Operator != wantOp || n.Virtual != row.virtual {
				t.Errorf("%s: %v %v virtual %v, want %v %v virtual %v", s, n.Kind, n.Operator, n.Virtual, row.kind, wantOp, row.virtual)
			}
		}
		valid++
		if !samePlace(n, nyGeo) {
			t.Errorf("%s: place %s %q, phonenumbers %q", s, n.Province.Name, n.City, nyGeo)
		}
		if !n.Province.IsZero() {
			withProvince++
		}
		if t.Failed() && valid > 100 {
			t.FailNow()
		}
	}
	t.Logf("%d prefixes: %d valid, %d (%.1f %%) with a province", tested, valid, withProvince, 100*float64(withProvince)/float64(valid))
}

func operatorOf(zh string) Operator {
	for o := OperatorUnknown; o < numOperators; o++ {
		if o.String() == zh {
			return o
		}
	}
	return OperatorUnknown
}

// Local numbers tried after every area code: lengths 5 to 9 with the
// first digits phonenumbers' patterns tell apart.
var localSamples = []string{
	"2345678", "23456789", "6543210", "65432109", "8888888", "88888888",
	"1000000", "10000000", "9123456", "91234567", "0234567", "02345678",
	"12345", "123456", "234567", "234567890", "1234567", "12345678", "9512345",
	"9612345", "10012", "100123", "1230000",
}

func TestAreaCodesAgainstPhoneNumbers(t *testing.T) {
	areas := 0
	confirmed := map[int]bool{}
	for a := 10; a <= 999; a++ {
		if (a > 10 && a < 20) || (a >= 30 && a < 300) {
			continue
		}
		as := strconv.Itoa(a)
		for _, local := range localSamples {
			nat := as + local
			v, _ := strconv.ParseUint(nat, 10, 64)
			num := nyNumber(v)
			typ := phonenumbers.GetNumberType(num)
			n, err := Parse("0" + as + "-" + local)
			switch typ {
			case phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE:
				if local[0] == '0' || local[0] == '1' {
					// phonenumbers' pattern lets some through; no local
					// number starts with 0 or 1
					if ReasonOf(err) != ReasonBadLocalNumber {
						t.Errorf("0%s-%s: %v %v, want %s", as, local, n.Kind, err, ReasonBadLocalNumber)
					}
					continue
				}
				if err != nil || n.Kind != Landline || n.AreaCode != as || n.Local() != local {
					t.Errorf("0%s-%s: %v %v area %s, phonenumbers: a landline", as, local, n.Kind, err, n.AreaCode)
					continue
				}
				geo, _ := phonenumbers.GetGeocodingForNumber(num, "zh")
				if !samePlace(n, geo) {
					t.Errorf("0%s-%s: place %s %q, phonenumbers %q", as, local, n.Province.Name, n.City, geo)
				}
				confirmed[a] = true
			case phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST:
				if n.Kind != Service || ReasonOf(err) != ReasonService {
					t.Errorf("0%s-%s: %v %v, phonenumbers: %v", as, local, n.Kind, err, typ)
				}
			default:
				if err == nil {
					t.Errorf("0%s-%s: %v, phonenumbers: not valid", as, local, n.Kind)
				}
			}
		}
		if areaPlaces[a] != 0 {
			areas++
		}
	}
	for a, v := range areaPlaces {
		if v != 0 && !confirmed[a] {
			t.Errorf("area code %d is in the table but no sample confirmed it", a)
		}
	}
	t.Logf("%d area codes, %d confirmed by phonenumbers", areas, len(confirmed))
}

// TestNationalNumbersAgainstPhoneNumbers compares the number types on
// pseudo-random national numbers of 5–13 digits.
func TestNationalNumbersAgainstPhoneNumbers(t *testing.T) {
	n := 300000
	if testing.Short() {
		n = 20000
	}
	specials := readSpecialRows(t)
	x := uint64(0x9e3779b97f4a7c15)
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		L := 5 + int(x%9)
		lim := uint64(1)
		for range L {
			lim *= 10
		}
		v := lim/10 + (x>>8)%(lim-lim/10) // L digits, no leading 0
		nat := strconv.FormatUint(v, 10)
		typ := phonenumbers.GetNumberType(nyNumber(v))
		num, err := Parse("+86" + nat)
		r := ReasonOf(err)
		switch typ {
		case phonenumbers.FIXED_LINE:
			if ac := areaLen([]byte(nat)); len(nat) > ac && (nat[ac] == '0' || nat[ac] == '1') {
				if r != ReasonBadLocalNumber { // as TestAreaCodesAgainstPhoneNumbers
					t.Errorf("+86%s: %v %v, want %s", nat, num.Kind, err, ReasonBadLocalNumber)
				}
				continue
			}
			if err != nil || num.Kind != Landline {
				t.Errorf("+86%s: %v %v, phonenumbers: fixed line", nat, num.Kind, err)
			}
		case phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE:
			if err != nil || !num.Kind.IsMobileLike() {
				t.Errorf("+86%s: %v %v, phonenumbers: %v", nat, num.Kind, err, typ)
			}
		case phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST:
			if r != ReasonService {
				t.Errorf("+86%s: %v %v, phonenumbers: %v", nat, num.Kind, err, typ)
			}
		default:
			// Where this package knows more than phonenumbers: special
			// segments and short service numbers.
			special := len(nat) >= 7 && nat[0] == '1' && findSpecialRow(specials, nat[:7]) != nil
			if err == nil && !(special && num.Kind.IsMobileLike()) {
				t.Errorf("+86%s: %v, phonenumbers: not valid", nat, num.Kind)
			}
			if r == ReasonService && !(&scanner{}).isService([]byte(nat)) {
				t.Errorf("+86%s: service, phonenumbers: not valid", nat)
			}
		}
		if t.Failed() && i > 1000 {
			t.FailNow()
		}
	}
}
