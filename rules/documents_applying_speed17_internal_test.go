package rules

import (
	"fmt"
	"testing"

	"github.com/icpcheck/beian"
)

// appliesToAsBefore is the test runDocuments made of each requirement
// before docApplies: whether q applies to a filing whose subject is of
// nature, a person or a unit (or neither), in the province of
// provinceBit province.
func appliesToAsBefore(q *docRequirement, nature beian.Nature, personal, unit bool, province int) bool {
	switch q.natures {
	case naturesPersonal:
		if !personal {
			return false
		}
	case naturesUnit:
		if !unit {
			return false
		}
	}
	if q.provinces != (provinceSet{}) && !q.provinces.hasBit(province) {
		return false
	}
	return q.natures != naturesListed || q.listed.has(nature)
}

// TestDocApplyingAsAppliesTo holds docApplies to the scan it replaces:
// for every declared nature and a few that are not, in every province
// code of two digits and in codes that are none, the requirements
// docApplies.to gives are those of documentTable, in its order, whose By
// is empty and that applied to the filing before.
func TestDocApplyingAsAppliesTo(t *testing.T) {
	natures := append([]beian.Nature{"", "Personal", "unit", "enterprise ", "ENTERPRISE"}, natureOrder[:]...)
	codes := []string{"", "1", "110", "ab", "1a", "a1", "-1", "１１"}
	for b := range 100 {
		codes = append(codes, fmt.Sprintf("%02d", b))
	}
	applied := 0
	for _, nature := range natures {
		personal, unit := nature == beian.NaturePersonal, nature.IsUnit()
		for _, code := range codes {
			var want []int
			for i := range documentTable {
				q := &documentTable[i]
				if q.By == "" && appliesToAsBefore(q, nature, personal, unit, provinceBit(code)) {
					want = append(want, i)
				}
			}
			var got []int
			for rest := docApplies.to(nature, code); rest != 0; rest &= rest - 1 {
				got = append(got, trailingIndex(rest))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("nature %q, province %q: requirements %v, want %v", nature, code, got, want)
			}
			applied += len(want)
		}
	}
	if applied == 0 {
		t.Fatal("no requirement applied")
	}
}

// trailingIndex returns the index of the lowest set bit of x.
func trailingIndex(x uint64) int {
	i := 0
	for x&1 == 0 {
		x >>= 1
		i++
	}
	return i
}
