package phonenum_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/icpcheck/beian/internal/testenv"
	"github.com/icpcheck/beian/rules/phonenum"
)

// fastTableCSV is a caller's table that reaches every branch of the fast
// path: prefixes the built-in data does not know (10xxxxx, a gap), a
// virtual flag and an operator overriding the built-in ones, and IoT,
// data-card and satellite segments.
const fastTableCSV = `1000000,北京
1012345,11
1129999,上海
1700123,广东省,mobile,true
1390007,湖南,unicom,false
1440012,44
1450000,44,unicom,false
1349000,44
1990000,湖南
`

func fastTables(t testing.TB) []*phonenum.Table {
	tab, err := phonenum.ParseCSV([]byte(fastTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	return []*phonenum.Table{nil, tab}
}

// sameAnswer fails t unless Parse (with its fast path) and the general
// path give s the same Number and the same error, and National the same
// national number and validity.
func sameAnswer(t testing.TB, s string, tab *phonenum.Table) {
	t.Helper()
	n, err := tab.Parse(s)
	gn, gerr := phonenum.ParseGeneral(s, tab)
	if n != gn || !sameError(err, gerr) {
		t.Fatalf("Parse(%q) = %+v, %v; the general path %+v, %v", s, n, err, gn, gerr)
	}
	if fn, ok := phonenum.ParseMobileFast(s, tab); ok && (fn != gn || gerr != nil) {
		t.Fatalf("fast path (%q) = %+v; the general path %+v, %v", s, fn, gn, gerr)
	}
	if fn, ok := phonenum.ParseLandlineFast(s); ok && (fn != gn || gerr != nil) {
		t.Fatalf("landline fast path (%q) = %+v; the general path %+v, %v", s, fn, gn, gerr)
	}
	if nat, ok := tab.National(s); nat != gn.National || ok != (gerr == nil) {
		t.Fatalf("National(%q) = %q, %v; the general path %+v, %v", s, nat, ok, gn, gerr)
	}
	// Check answers exactly what the fast paths answer, with the facts of
	// the general path's Number.
	_, mobile := phonenum.ParseMobileFast(s, tab)
	_, landline := phonenum.ParseLandlineFast(s)
	f, ok := tab.Check(s)
	if ok != (mobile || landline) {
		t.Fatalf("Check(%q) answers %v; the fast paths %v, %v", s, ok, mobile, landline)
	}
	want := phonenum.Facts{Kind: gn.Kind, Province: gn.Province.Code, Operator: gn.Operator, Virtual: gn.Virtual, FromTable: gn.FromTable, AreaCodeLen: len(gn.AreaCode)}
	if ok && (f != want || gerr != nil) {
		t.Fatalf("Check(%q) = %+v; the general path %+v, %v", s, f, gn, gerr)
	}
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var ea, eb *phonenum.Error
	return errors.As(a, &ea) && errors.As(b, &eb) && *ea == *eb && a.Error() == b.Error()
}

// TestFastPathAsGeneral holds Parse's fast path for a plain mobile to the
// general path: every format × province of TestFormattingVariants and
// TestEveryProvince, every 7-digit prefix from 1000000 to 1999999 (every
// 31st outside the exhaustive run) with a plain and an odd ending, inputs
// one character off the fast path's shape, each with no table and with a
// table. It also checks the fast path takes what it is for.
func TestFastPathAsGeneral(t *testing.T) {
	tables := fastTables(t)
	var inputs []string
	for _, c := range provinceNumbers {
		mobile := c.segment + "6789"
		inputs = append(inputs, mobile)
		for _, pre := range mobilePrefixes {
			for _, sep := range separators {
				for _, pad := range []string{"", " ", "\t "} {
					s := pad + pre + mobile[:3] + sep + mobile[3:7] + sep + mobile[7:] + pad
					inputs = append(inputs, s, fullWidth(s))
				}
			}
		}
		local := "62345678"[:c.local]
		for _, pre := range landlinePrefixes {
			for _, sep := range separators {
				for _, ext := range []string{"", "-801", "转801", " ext. 801", "#801"} {
					inputs = append(inputs, pre+c.area+sep+local[:len(local)-4]+sep+local[len(local)-4:]+ext)
				}
			}
		}
		// One byte off the shape: each position replaced, one digit
		// fewer or more.
		for i := range mobile {
			for _, b := range []byte{'0', '9', ' ', '-', '+', 'x', '/', ':', 0x80} {
				inputs = append(inputs, mobile[:i]+string(b)+mobile[i+1:])
			}
		}
		inputs = append(inputs, mobile[:10], mobile+"0", "0"+mobile, "86"+mobile, "+"+mobile)
	}
	taken := 0
	for _, tab := range tables {
		for _, s := range inputs {
			sameAnswer(t, s, tab)
		}
		for p := 1000000; p <= 1999999; p += testenv.Stride(31) {
			sp := strconv.Itoa(p)
			for _, s := range []string{sp + "4321", sp + "0000", sp + "999", sp + "12345", sp + "432１"} {
				sameAnswer(t, s, tab)
				if _, ok := phonenum.ParseMobileFast(s, tab); ok {
					taken++
				}
			}
		}
	}
	// The fast path is taken for plain mobiles of every kind it answers.
	for _, s := range []string{"13902212345", "17001234567", "14512345678", "13490001234", "19912345678"} {
		if _, ok := phonenum.ParseMobileFast(s, nil); !ok {
			t.Errorf("the fast path leaves %s to the general path", s)
		}
	}
	for _, s := range []string{"14400123456", "10123456789", "1390221234", "139022123456", "+8613902212345", "139 0221 2345"} {
		if _, ok := phonenum.ParseMobileFast(s, nil); ok {
			t.Errorf("the fast path takes %s", s)
		}
	}
	if _, ok := phonenum.ParseMobileFast("10123450000", tables[1]); !ok {
		t.Error("the fast path leaves a segment only the table knows to the general path")
	}
	t.Logf("%d inputs × %d tables, %d prefixes taken by the fast path", len(inputs), len(tables), taken)
}

// TestLandlineFastPathAsGeneral holds Parse's fast path for a landline
// typed in ASCII digits and dashes to the general path: every area code
// the data knows × local numbers of 6 to 9 digits starting with every
// digit × the shapes the fast path reads (no separator, one dash, two
// dashes, a dash after the trunk 0, a trailing dash) and some it leaves
// (an extension, a space, the 00 prefix, no trunk 0), with no table and
// with a table. It also checks that the fast path takes every valid
// landline typed as 0AAA-NNNNNNNN.
func TestLandlineFastPathAsGeneral(t *testing.T) {
	tables := fastTables(t)
	areas := phonenum.AreaCodes()
	if len(areas) < 300 {
		t.Fatalf("%d area codes", len(areas))
	}
	taken, valid := 0, 0
	for _, area := range areas {
		for _, size := range []int{6, 7, 8, 9} {
			for first := '0'; first <= '9'; first++ {
				local := string(first) + "234567891"[:size-1]
				for _, s := range []string{
					"0" + area + local, "0" + area + "-" + local, "0" + area + "-" + local[:3] + "-" + local[3:],
					"0-" + area + local, "0" + area + "-" + local + "-", "0" + area + "--" + local,
					"0" + area + "-" + local + "-801", "0" + area + " " + local, "00" + area + local, area + "-" + local,
				} {
					for _, tab := range tables {
						sameAnswer(t, s, tab)
					}
				}
				s := "0" + area + "-" + local
				if n, err := phonenum.ParseGeneral(s, nil); err == nil && n.Kind == phonenum.Landline {
					valid++
					if _, ok := phonenum.ParseLandlineFast(s); ok {
						taken++
					} else {
						t.Errorf("the fast path leaves %s to the general path", s)
					}
				}
			}
		}
	}
	if valid < 1000 {
		t.Errorf("only %d valid landlines", valid)
	}
	t.Logf("%d area codes, %d valid landlines taken by the fast path", len(areas), taken)
}

// FuzzFastPathAsGeneral: Parse (with its fast path for a plain mobile),
// National and the general path give any input the same answer, with no
// table and with a table.
func FuzzFastPathAsGeneral(f *testing.F) {
	for _, s := range []string{"13902212345", "10123456789", "14400123456", "1440012345678", "17001234567",
		"19912345678", "1390221234a", "１3902212345", "1700123000", "13490001234", "0755-86013388",
		"075526888888", "010-6552-9988", "0-755-2688888", "0755-0268888", "0755-26888888-801"} {
		f.Add(s)
	}
	tables := fastTables(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, tab := range tables {
			sameAnswer(t, s, tab)
		}
	})
}
