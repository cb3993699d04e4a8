package phonenum_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/phonenum"
)

// provinceNumbers gives, for every province, a real mobile segment of its
// capital (the 139/138 blocks, from phonenumbers' zh geocoding) and the
// capital's area code with the length of its local numbers.
var provinceNumbers = []struct {
	code, segment, city, area string
	local                     int
}{
	{"11", "1390009", "", "10", 8},
	{"12", "1390021", "", "22", 8},
	{"13", "1390311", "石家庄市", "311", 8},
	{"14", "1390034", "太原市", "351", 7},
	{"15", "1390004", "呼和浩特市", "471", 7},
	{"21", "1390001", "沈阳市", "24", 8},
	{"22", "1390430", "长春市", "431", 8},
	{"23", "1390036", "哈尔滨市", "451", 8},
	{"31", "1380021", "", "21", 8},
	{"32", "1390015", "南京市", "25", 8},
	{"33", "1390065", "杭州市", "571", 8},
	{"34", "1390056", "合肥市", "551", 8},
	{"35", "1390043", "福州市", "591", 8},
	{"36", "1390070", "南昌市", "791", 8},
	{"37", "1390054", "济南市", "531", 8},
	{"41", "1390371", "郑州市", "371", 8},
	{"42", "1390071", "武汉市", "27", 8},
	{"43", "1390731", "长沙市", "731", 8},
	{"44", "1390007", "广州市", "20", 8},
	{"45", "1390077", "南宁市", "771", 7},
	{"46", "1390075", "海口市", "898", 8},
	{"50", "1390082", "", "23", 8},
	{"51", "1390080", "成都市", "28", 8},
	{"52", "1390008", "贵阳市", "851", 8},
	{"53", "1390087", "昆明市", "871", 8},
	{"54", "1390890", "拉萨市", "891", 7},
	{"61", "1390029", "西安市", "29", 8},
	{"62", "1390094", "兰州市", "931", 7},
	{"63", "1390971", "西宁市", "971", 7},
	{"64", "1390095", "银川市", "951", 7},
	{"65", "1390000", "乌鲁木齐市", "991", 7},
}

func TestEveryProvince(t *testing.T) {
	if len(provinceNumbers) != len(provinces.All()) {
		t.Fatalf("%d provinces in the table, want %d", len(provinceNumbers), len(provinces.All()))
	}
	for _, c := range provinceNumbers {
		t.Run(c.code, func(t *testing.T) {
			mobile := c.segment + "6789"
			n, err := phonenum.Parse(mobile)
			if err != nil {
				t.Fatalf("Parse(%s): %v", mobile, err)
			}
			if n.Kind != phonenum.Mobile || n.Province.Code != c.code || n.Segment != c.segment || n.Operator != phonenum.ChinaMobile || n.Virtual {
				t.Errorf("Parse(%s) = %v %s seg %s %v virtual %v", mobile, n.Kind, n.Province.Code, n.Segment, n.Operator, n.Virtual)
			}
			if !strings.Contains(n.City, c.city) {
				t.Errorf("Parse(%s).City = %q, want %q", mobile, n.City, c.city)
			}
			local := "62345678"[:c.local]
			land := "0" + c.area + "-" + local
			n, err = phonenum.Parse(land)
			if err != nil {
				t.Fatalf("Parse(%s): %v", land, err)
			}
			if n.Kind != phonenum.Landline || n.Province.Code != c.code || n.AreaCode != c.area || n.Local() != local || n.Operator != phonenum.OperatorUnknown {
				t.Errorf("Parse(%s) = %v %s area %s local %s", land, n.Kind, n.Province.Code, n.AreaCode, n.Local())
			}
			if !strings.Contains(n.City, c.city) {
				t.Errorf("Parse(%s).City = %q, want %q", land, n.City, c.city)
			}
		})
	}
}

// Formatting variants, built combinatorially: every prefix form × every
// separator × ASCII or full-width digits × surrounding spaces, for every
// province's mobile and landline.
var (
	// A mobile dialled with the trunk 0 ("0", "0 ") is the mobile, as
	// phonenumbers reads it.
	mobilePrefixes = []string{"", "+86", "+86 ", "+86-", "(+86) ", "0086", "0086 ", "86", "＋８６ ", "+86 0", "0", "0 ", "0-"}
	// Landline prefixes; the area code follows without its trunk 0.
	landlinePrefixes = []string{"0", "+86 ", "+86-", "0086 ", "+86 (0)", "(+86) 0", "+86 0", "＋８６",
		"86", "86 ", "86-", "(86) ", "86 (0)", "86-0", "８６ "}
	separators = []string{"", " ", "-", "  ", " - ", "\u3000", "－", ".", "\u00a0"}
)

func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r += '０' - '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestFormattingVariants(t *testing.T) {
	count := 0
	for _, c := range provinceNumbers {
		mobile := c.segment + "6789"
		for _, pre := range mobilePrefixes {
			for _, sep := range separators {
				for _, fw := range []bool{false, true} {
					for _, pad := range []string{"", " ", "\t "} {
						body := mobile[:3] + sep + mobile[3:7] + sep + mobile[7:]
						s := pad + pre + body + pad
						if fw {
							s = fullWidth(s)
						}
						n, err := phonenum.Parse(s)
						count++
						if err != nil || n.National != mobile || n.Kind != phonenum.Mobile || n.Province.Code != c.code {
							t.Errorf("Parse(%q) = %q %v %s, %v; want %s", s, n.National, n.Kind, n.Province.Code, err, mobile)
						}
					}
				}
			}
		}
		local := "62345678"[:c.local]
		for _, pre := range landlinePrefixes {
			for _, sep := range separators {
				for _, paren := range []bool{false, true} {
					for _, ext := range []string{"", "-801", "转801", " 转 801", "-转801", " ext. 801", "x801", "#801", "分机801", " 分机号 801"} {
						area := pre + c.area
						if paren {
							area = "(" + area + ")"
						}
						s := area + sep + local[:len(local)-4] + sep + local[len(local)-4:] + ext
						n, err := phonenum.Parse(s)
						count++
						wantExt := ""
						if ext != "" {
							wantExt = "801"
						}
						if err != nil || n.Kind != phonenum.Landline || n.National != c.area+local || n.AreaCode != c.area || n.Province.Code != c.code || n.Extension != wantExt {
							t.Errorf("Parse(%q) = %v %q area %q ext %q %s, %v", s, n.Kind, n.National, n.AreaCode, n.Extension, n.Province.Code, err)
						}
					}
				}
			}
		}
	}
	t.Logf("%d variants", count)
}

// Every special segment class of data/special.csv, at both ends of each
// range.
func TestSpecialSegments(t *testing.T) {
	cases := []struct {
		number  string
		kind    phonenum.Kind
		op      phonenum.Operator
		virtual bool
	}{
		{"17001234567", phonenum.Mobile, phonenum.ChinaTelecom, true},
		{"17021234567", phonenum.Mobile, phonenum.ChinaTelecom, true},
		{"17031234567", phonenum.Mobile, phonenum.ChinaMobile, true},
		{"17041234567", phonenum.Mobile, phonenum.ChinaUnicom, true},
		{"17051234567", phonenum.Mobile, phonenum.ChinaMobile, true},
		{"17061234567", phonenum.Mobile, phonenum.ChinaMobile, true},
		{"17071234567", phonenum.Mobile, phonenum.ChinaUnicom, true},
		{"17091234567", phonenum.Mobile, phonenum.ChinaUnicom, true},
		{"17101234567", phonenum.Mobile, phonenum.ChinaUnicom, true},
		{"17191234567", phonenum.Mobile, phonenum.ChinaUnicom, true},
		{"16201234567", phonenum.Mobile, phonenum.ChinaTelecom, true},
		{"16591234567", phonenum.Mobile, phonenum.ChinaMobile, true},
		{"16701234567", phonenum.Mobile, phonenum.ChinaUnicom, true},
		{"14501234567", phonenum.DataCard, phonenum.ChinaUnicom, false},
		{"14701234567", phonenum.DataCard, phonenum.ChinaMobile, false},
		{"14901234567", phonenum.DataCard, phonenum.ChinaTelecom, false},
		{"1440012345678", phonenum.IoT, phonenum.ChinaMobile, false},
		{"1441912345678", phonenum.IoT, phonenum.ChinaMobile, false},
		{"1480012345678", phonenum.IoT, phonenum.ChinaMobile, false},
		{"1469912345678", phonenum.IoT, phonenum.ChinaUnicom, false},
		{"1410012345678", phonenum.IoT, phonenum.ChinaTelecom, false},
		{"13491234567", phonenum.Satellite, phonenum.ChinaTelecom, false},
		{"17400123456", phonenum.Satellite, phonenum.ChinaTelecom, false},
		{"17405123456", phonenum.Satellite, phonenum.ChinaTelecom, false},
		{"17406123456", phonenum.Satellite, phonenum.EmergencyNetwork, false},
		{"17412123456", phonenum.Satellite, phonenum.EmergencyNetwork, false},
		{"17491234567", phonenum.Satellite, phonenum.MaritimeSatellite, false},
		// Neighbours that are plain.
		{"19212345678", phonenum.Mobile, phonenum.ChinaBroadnet, false},
		{"17201234567", phonenum.Mobile, phonenum.ChinaMobile, false},
		{"13481234567", phonenum.Mobile, phonenum.ChinaMobile, false},
		{"16601234567", phonenum.Mobile, phonenum.ChinaUnicom, false},
	}
	for _, c := range cases {
		n, err := phonenum.Parse(c.number)
		if err != nil {
			t.Errorf("Parse(%s): %v", c.number, err)
			continue
		}
		if n.Kind != c.kind || n.Operator != c.op || n.Virtual != c.virtual || n.National != c.number || n.Segment != c.number[:7] {
			t.Errorf("Parse(%s) = %v %v virtual %v, want %v %v virtual %v", c.number, n.Kind, n.Operator, n.Virtual, c.kind, c.op, c.virtual)
		}
		if got := n.ReceivesSMS(); got != (c.kind == phonenum.Mobile) {
			t.Errorf("Parse(%s).ReceivesSMS() = %v", c.number, got)
		}
	}
	// Just outside the ranges.
	for _, s := range []string{"17413123456", "17481234567", "1442012345678", "14212345678", "14001234567"} {
		if _, err := phonenum.Parse(s); err == nil {
			t.Errorf("Parse(%s) accepted a segment no operator has", s)
		}
	}
}

func TestServiceNumbers(t *testing.T) {
	for _, s := range []string{"95588", "95 588", "9501234567", "96123", "961234", "400-820-8820", "4008208820", "800 810 8888",
		"8008108888", "10086", "10010", "12315", "12381", "110", "120", "1069012345678", "10690123456789", "16012345",
		"010-96123", "0755-96123", "400-820-8820转1"} {
		n, err := phonenum.Parse(s)
		if phonenum.ReasonOf(err) != phonenum.ReasonService || n.Kind != phonenum.Service || n.National == "" {
			t.Errorf("Parse(%q) = %v %q, %v; want a service number", s, n.Kind, n.National, err)
		}
	}
}

func TestInvalid(t *testing.T) {
	cases := []struct {
		in   string
		want phonenum.Reason
	}{
		{"", phonenum.ReasonEmpty},
		{"   ", phonenum.ReasonEmpty},
		{"--", phonenum.ReasonEmpty},
		{"+", phonenum.ReasonEmpty},
		{"139abc12345", phonenum.ReasonBadCharacter},
		{"139 0221 2345!", phonenum.ReasonBadCharacter},
		{"13902212345+", phonenum.ReasonBadCharacter},
		{"++8613902212345", phonenum.ReasonBadCharacter},
		{"139\x002212345", phonenum.ReasonBadCharacter},
		{"139\xff02212345", phonenum.ReasonBadCharacter},
		{"电话13902212345", phonenum.ReasonBadCharacter},
		{"1390221234", phonenum.ReasonTooShort},
		{"139", phonenum.ReasonTooShort},
		{"1", phonenum.ReasonTooShort},
		{"+86", phonenum.ReasonTooShort},
		{"0", phonenum.ReasonTooShort},
		{"139022123456", phonenum.ReasonTooLong},
		{"1390221234567", phonenum.ReasonTooLong},
		{strings.Repeat("1", 40), phonenum.ReasonTooLong},
		{strings.Repeat("1", phonenum.MaxInput+1), phonenum.ReasonTooLong},
		{strings.Repeat(" ", 1<<20), phonenum.ReasonTooLong},
		{"144001234567", phonenum.ReasonTooShort}, // IoT needs 13 digits
		{"+852 6123 4567", phonenum.ReasonNotChinese},
		{"+1 650 253 0000", phonenum.ReasonNotChinese},
		{"00852 61234567", phonenum.ReasonNotChinese},
		{"+886 912 345 678", phonenum.ReasonNotChinese},
		{"15412345678", phonenum.ReasonUnknownSegment},
		{"16012345678", phonenum.ReasonUnknownSegment},
		{"17912345678", phonenum.ReasonUnknownSegment},
		{"19412345678", phonenum.ReasonUnknownSegment},
		{"12012345678", phonenum.ReasonUnknownSegment},
		{"0111-1234567", phonenum.ReasonUnknownAreaCode},
		{"0260-1234567", phonenum.ReasonUnknownAreaCode},
		{"0001-1234567", phonenum.ReasonNotChinese},
		{"012902212345", phonenum.ReasonUnknownAreaCode},
		{"01390221234", phonenum.ReasonUnknownAreaCode}, // the trunk 0 and a mobile too short
		{"0139022123456", phonenum.ReasonUnknownAreaCode},
		{"86013388", phonenum.ReasonMissingAreaCode},
		{"6234567", phonenum.ReasonMissingAreaCode},
		{"0755-860133", phonenum.ReasonTooShort},
		{"0755-860133881", phonenum.ReasonTooLong},
		{"010-10000000", phonenum.ReasonBadLocalNumber},
		{"0755-1000000", phonenum.ReasonBadLocalNumber},
		{"13902212345转801", phonenum.ReasonBadExtension},
		{"13902212345-801", phonenum.ReasonTooLong},
		{"0755-86013388转", phonenum.ReasonBadExtension},
		{"0755-86013388转1234567", phonenum.ReasonBadExtension},
		{"0755-86013388转1转2", phonenum.ReasonBadExtension},
		{"转801", phonenum.ReasonBadExtension},
		{"0755-86013388 e", phonenum.ReasonBadCharacter},
	}
	for _, c := range cases {
		n, err := phonenum.Parse(c.in)
		var pe *phonenum.Error
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%.40q) = %v, %v; want an *Error %v", c.in, n.Kind, err, c.want)
			continue
		}
		if pe.Reason != c.want {
			t.Errorf("Parse(%.40q): reason %v, want %v", c.in, pe.Reason, c.want)
		}
		if n != (phonenum.Number{}) {
			t.Errorf("Parse(%.40q) = %+v with an error, want the zero Number", c.in, n)
		}
		if len(pe.Input) > 64 {
			t.Errorf("Parse(%.40q): the error keeps %d bytes of input", c.in, len(pe.Input))
		}
	}
}

func TestRoundTrip(t *testing.T) {
	inputs := []string{"+86 139 0221 2345", "0755-86013388-801", "(010) 6552 9988", "１７００１２３４５６７", "1440012345678", "95588", "400-820-8820转9"}
	for _, c := range provinceNumbers {
		inputs = append(inputs, c.segment+"0000", "0"+c.area+"-"+"62345678"[:c.local], "+86"+c.area+"62345678"[:c.local]+"-99")
	}
	for _, in := range inputs {
		n, err := phonenum.Parse(in)
		if err != nil && phonenum.ReasonOf(err) != phonenum.ReasonService {
			continue
		}
		again, err2 := phonenum.Parse(n.String())
		if again != n || phonenum.ReasonOf(err2) != phonenum.ReasonOf(err) {
			t.Errorf("Parse(%q) = %+v; Parse(%q) = %+v, %v", in, n, n.String(), again, err2)
		}
		if e := n.E164(); !strings.HasPrefix(e, "+86") {
			t.Errorf("E164 of %q = %q", in, e)
		}
	}
}

func TestNoAllocationForPlainInput(t *testing.T) {
	for _, s := range []string{"13902212345", "075586013388", "19912345678"} {
		allocs := testing.AllocsPerRun(100, func() { _, _ = phonenum.Parse(s) })
		if allocs != 0 {
			t.Errorf("Parse(%s): %v allocations, want 0", s, allocs)
		}
	}
	allocs := testing.AllocsPerRun(100, func() { _, _ = phonenum.Parse("+86 139 0221 2345") })
	if allocs > 1 {
		t.Errorf("Parse with separators: %v allocations, want at most 1", allocs)
	}
}

func TestKindAndReasonNames(t *testing.T) {
	seen := map[string]bool{}
	for k := phonenum.KindUnknown; k <= phonenum.Service; k++ {
		if seen[k.String()] {
			t.Errorf("kind name %q twice", k)
		}
		seen[k.String()] = true
	}
	for r := phonenum.ReasonNone; r <= phonenum.ReasonBadExtension; r++ {
		if seen[r.String()] || r.Text() == "" || strings.HasPrefix(r.String(), "reason(") {
			t.Errorf("reason %d: name %q text %q", r, r, r.Text())
		}
		seen[r.String()] = true
	}
	for o := phonenum.OperatorUnknown + 1; o <= phonenum.EmergencyNetwork; o++ {
		if o.Name(true) == "" || o.Name(false) == "" {
			t.Errorf("operator %d has no name", o)
		}
	}
	if got := fmt.Sprint(phonenum.Kind(200), "|", phonenum.Reason(200), "|", phonenum.Operator(200).Name(false)); got != "unknown|reason(200)|" {
		t.Errorf("out-of-range names: %q", got)
	}
}

func TestConcurrentParse(t *testing.T) {
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for _, c := range provinceNumbers {
				n, err := phonenum.Parse(c.segment + "1234")
				if err != nil || n.Province.Code != c.code {
					t.Errorf("concurrent Parse: %v %v", n.Province.Code, err)
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}
