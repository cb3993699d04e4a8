package rules

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/icpcheck/beian"
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
