package phonenum_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/phonenum"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"13902212345", "+86 139 0221 2345", "0086-139-0221-2345", "(0755) 8601 3388",
		"0755-86013388-801", "0755-86013388转801", "０７５５－８６０１３３８８", "1440012345678", "95588",
		"400-820-8820", "+852 6123 4567", "010 6552 9988 ext. 12", "分机", "转", "+", "ext", "0", "86013388",
		"+86 (0)21 6234 5678", "17491234567", "010-12345678", "1012345678", "0755-02345678-801", "+86 21 1234 5678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := phonenum.Parse(s)
		r := phonenum.ReasonOf(err)
		if err != nil && r == phonenum.ReasonNone {
			t.Fatalf("Parse(%q): error without a reason: %v", s, err)
		}
		if err != nil && r != phonenum.ReasonService {
			if n != (phonenum.Number{}) {
				t.Fatalf("Parse(%q) = %+v with %v", s, n, err)
			}
			return
		}
		if n.National == "" || strings.Trim(n.National, "0123456789") != "" || n.National[0] == '0' {
			t.Fatalf("Parse(%q): national %q", s, n.National)
		}
		if !strings.HasPrefix(n.National, n.Segment) || !strings.HasPrefix(n.National, n.AreaCode) {
			t.Fatalf("Parse(%q): segment %q area %q of %q", s, n.Segment, n.AreaCode, n.National)
		}
		if n.Kind.IsMobileLike() != (n.Segment != "") || (n.Kind == phonenum.Landline) != (n.AreaCode != "") {
			t.Fatalf("Parse(%q): kind %v with segment %q area %q", s, n.Kind, n.Segment, n.AreaCode)
		}
		if l := n.Local(); n.Kind == phonenum.Landline && (l == "" || l[0] == '0' || l[0] == '1') {
			t.Fatalf("Parse(%q): local number %q", s, l)
		}
		if !utf8.ValidString(n.City) {
			t.Fatalf("Parse(%q): city %q", s, n.City)
		}
		// The canonical form parses to the same number.
		again, err2 := phonenum.Parse(n.String())
		if again != n || phonenum.ReasonOf(err2) != r {
			t.Fatalf("Parse(%q) = %+v, %v; Parse(%q) = %+v, %v", s, n, err, n.String(), again, err2)
		}
		// So does E.164 with the extension.
		e := n.E164()
		if n.Extension != "" {
			e += "转" + n.Extension
		}
		if again, _ := phonenum.Parse(e); again != n {
			t.Fatalf("Parse(%q) = %+v; Parse(%q) = %+v", s, n, e, again)
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(sampleCSV))
	f.Add([]byte("1990000,湖南\n1990000,湖南\n"))
	f.Add([]byte("prefix,province\n1990000,43,电信,true\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := phonenum.ParseCSV(data)
		if err != nil {
			return
		}
		if tab.Len() > strings.Count(string(data), "\n")+1 {
			t.Fatalf("%d prefixes from %d lines", tab.Len(), strings.Count(string(data), "\n")+1)
		}
		// Every prefix a line names parses with the table.
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "\ufeff")
			if len(line) < 7 || line[0] != '1' || strings.Trim(line[:7], "0123456789") != "" || (len(line) > 7 && strings.TrimSpace(line[7:])[0] != ',') {
				continue
			}
			n, err := tab.Parse(line[:7] + "0000")
			if err == nil && !n.FromTable {
				t.Fatalf("%s: not from the table", line[:7])
			}
			if err == nil && n.Province.IsZero() {
				t.Fatalf("%s: no province", line[:7])
			}
		}
	})
}

func FuzzParsePhoneDat(f *testing.F) {
	f.Add(buildDat("2302", datRecords, datEntries))
	f.Add(buildDat("2302", datRecords, datEntries[:1]))
	f.Add(buildDat("0000", nil, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := phonenum.ParsePhoneDat(data)
		if err != nil {
			return
		}
		if tab.Len()*9 > len(data) {
			t.Fatalf("%d entries from %d bytes", tab.Len(), len(data))
		}
		if phonenum.IsPhoneDat(data) != true {
			t.Fatal("loaded but IsPhoneDat is false")
		}
	})
}
