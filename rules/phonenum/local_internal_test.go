package phonenum

import (
	"strconv"
	"testing"
)

// TestLocalNumberFirstDigit: after every area code in the table, of
// either length (two digits: 10, 2x; three: the rest), a local number of
// each length the area takes (found by trying first digits 2 to 9), in
// several written forms, is ReasonBadLocalNumber when it starts with 0 or
// 1 instead (issue 19: 010-1… parsed as a Beijing landline).
func TestLocalNumberFirstDigit(t *testing.T) {
	areas, checked := 0, 0
	for k, v := range areaPlaces {
		if v == 0 {
			continue
		}
		ac := strconv.Itoa(k)
		if len(ac) != areaLen([]byte(ac)) {
			continue // a 3-digit key behind a 2-digit code: not dialled as such
		}
		areas++
		lengths := 0
		for _, L := range []int{7, 8} {
			good := ""
			for f := byte('2'); f <= '9' && good == ""; f++ {
				g := string(f) + "23456789"[1:L]
				if n, err := Parse("0" + ac + "-" + g); err == nil && n.Kind == Landline && n.AreaCode == ac {
					good = g
				}
			}
			if good == "" {
				continue // the area has no local numbers of this length
			}
			lengths++
			for _, first := range []byte{'0', '1'} {
				local := string(first) + good[1:]
				forms := []string{
					"0" + ac + "-" + local,
					"0" + ac + local,
					"(0" + ac + ")" + local,
					"+86 " + ac + " " + local,
					"+86-" + ac + "-" + local,
					"0086" + ac + local,
					"+86 (0)" + ac + " " + local,
					"0" + ac + "-" + local + "-801",
				}
				if ac == "10" {
					forms = append(forms, ac+local) // Beijing without the trunk 0
				}
				for _, s := range forms {
					checked++
					n, err := Parse(s)
					if ReasonOf(err) != ReasonBadLocalNumber {
						t.Errorf("Parse(%q) = %v %s, %v; want %s", s, n.Kind, n.National, err, ReasonBadLocalNumber)
					}
				}
			}
		}
		if lengths == 0 {
			t.Errorf("area %s: no local length parses", ac)
		}
	}
	if areas < 300 {
		t.Errorf("%d area codes checked", areas)
	}
	t.Logf("%d area codes, %d numbers starting with 0 or 1", areas, checked)
}

// TestPlaceProvinceAsSetPlace holds placeProvince, which gives a place's
// province code as the data has it, to setPlace, which looks the province
// up: the same code for every place index and two past the end.
func TestPlaceProvinceAsSetPlace(t *testing.T) {
	for i := range len(places) + 2 {
		var n Number
		setPlace(&n, uint16(i))
		if got := placeProvince(uint16(i)); got != n.Province.Code {
			t.Errorf("place %d: %q; setPlace gives %q", i, got, n.Province.Code)
		}
	}
}
