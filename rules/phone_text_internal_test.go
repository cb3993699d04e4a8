package rules

import (
	"fmt"
	"testing"

	"github.com/icpcheck/beian/rules/phonenum"
)

// TestNumberTextAsString holds numberText, which gives a number typed
// as its String back without building it, to Number.String: for a
// landline of every area code from 010 to 0999 typed in each form
// (0755-26888888, 075526888888, two dashes, spaces, a dash in the area
// code, an extension, full-width digits, a number too short after the
// area code), and mobiles typed with and without an extension, with the
// built-in data and a caller's table. It also counts the numbers typed
// as their String: one for each valid area code.
func TestNumberTextAsString(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(quietTableCSV))
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for a := 10; a <= 999; a++ {
		for _, form := range []string{"0%d-26888888", "0%d26888888", "0%d-2688888", "0%d-2688-8888", "0%d 26888888",
			"0%d-26888888-801", "0%d-26888888转801", "(0%d)26888888", "0%d-2", "0-%d-26888888", "０%d-26888888"} {
			inputs = append(inputs, fmt.Sprintf(form, a))
		}
	}
	inputs = append(inputs, "13800138000", "138-0013-8000", "13800138000转12", "+8613800138000", "013800138000", "4008001234")
	same := 0
	for _, seg := range []*phonenum.Table{nil, tab} {
		for _, s := range inputs {
			n, err := seg.Parse(s)
			if err != nil {
				continue
			}
			got, want := numberText(s, n), n.String()
			if got != want {
				t.Fatalf("numberText(%q) = %q, String %q", s, got, want)
			}
			if got == s && n.Kind == phonenum.Landline {
				same++
			}
		}
	}
	if same < 700 { // 772 area codes are valid
		t.Errorf("%d landlines typed as their String", same)
	}
	t.Logf("%d inputs, %d landlines typed as their String", len(inputs), same)
}
