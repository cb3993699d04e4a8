package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/phonenum"
)

// TestSharedContactsAsPairs compares sharedContacts, pair by pair and
// grouped, with the definition: each principal reported once, against
// the earliest earlier principal sharing the contact who is another
// person; on lists of every length around the threshold, built from few
// mobiles and certificate numbers (some missing, some spaced or in
// another case) so that groups and look-alikes are many.
func TestSharedContactsAsPairs(t *testing.T) {
	mobiles := []string{"", "13660123456", "13660123457", "13900000000"}
	certs := []string{"", "  ", "44030519900101123X", " 44030519900101123x ", "430102199005061234", "110105194912310029"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		n := 2 + rng.IntN(3*searchedContacts)
		cs := make([]contactOf, n)
		for i := range cs {
			cs[i] = contactOf{i: i, p: &beian.Principal{CertNumber: certs[rng.IntN(len(certs))]}, mobile: mobiles[rng.IntN(len(mobiles))]}
		}
		var want []string
		for j := range cs {
			for i := 0; i < j; i++ {
				if cs[i].mobile != "" && cs[i].mobile == cs[j].mobile && differentPeople(cs[i].p.CertNumber, cs[j].p.CertNumber) {
					want = append(want, fmt.Sprint(i, j))
					break
				}
			}
		}
		var got []string
		sharedContacts(cs, func(k int) (string, bool) { return cs[k].mobile, cs[k].mobile != "" },
			func(i, j int) bool { return cs[i].mobile != "" && cs[i].mobile == cs[j].mobile },
			func(i, j int) { got = append(got, fmt.Sprint(cs[i].i, cs[j].i)) })
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d, %d principals: got %v, want %v", round, n, got, want)
		}
	}
}

// TestMayBeSameNumberAsNational holds mayBeSameNumber to Table.National:
// whenever it says a typed number cannot have a national number, National
// gives another one (or none), over every pair of typed forms of mobiles
// and landlines, with and without extensions, in ASCII and full width.
func TestMayBeSameNumberAsNational(t *testing.T) {
	numbers := []string{"13660123456", "13660123457", "0755-26888888", "075526888888", "010-62345678", "02026888888", "4008208820", "95588"}
	var typed []string
	for _, n := range numbers {
		digits := strings.ReplaceAll(n, "-", "")
		typed = append(typed, n, digits, "+86 "+strings.TrimPrefix(digits, "0"), "(0755) 26888888", digits[:3]+" "+digits[3:],
			n+"-801", n+"转801", strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r - '0' + '０'
				}
				return r
			}, n))
	}
	var tab *phonenum.Table
	skipped := 0
	for _, p := range typed {
		for _, e := range typed {
			national, ok := tab.National(e)
			if !ok {
				continue
			}
			if mayBeSameNumber(p, national) {
				continue
			}
			skipped++
			if got, ok := tab.National(p); ok && got == national {
				t.Errorf("mayBeSameNumber(%q, %q) = false, but National(%q) = %q", p, national, p, got)
			}
		}
	}
	if skipped < 100 {
		t.Errorf("only %d pairs told apart without parsing", skipped)
	}
}
