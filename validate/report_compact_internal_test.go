package validate

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestDropRepeatsAsCompactFunc: dropRepeats gives what
// slices.CompactFunc with the report's equality gives, record for record
// (rule and severity included), and clears the room it frees as
// CompactFunc does, over sorted reports of every size to 40 drawn from
// few fields, codes and arguments, so that repeats are frequent, single,
// in runs, first and last (made to fail by comparing each record with
// the one before it in the input instead of the last kept: a run of three
// keeps two, and by not clearing the freed room).
func TestDropRepeatsAsCompactFunc(t *testing.T) {
	codes := []rules.Code{rules.CodeFieldRequired, rules.CodeCheckUnavailable}
	args := [][]rules.Arg{nil, {rules.Str("a", "1")}, {rules.Str("a", "2")}, {rules.Str("a", "1"), rules.Str("b", "1")}}
	rng := rand.New(rand.NewPCG(5, 6))
	same := func(a, b rules.Rejection) bool {
		return a.Field == b.Field && a.Code == b.Code && slices.Equal(a.Args, b.Args)
	}
	for n := range 41 {
		for range 200 {
			rs := make([]rules.Rejection, n)
			for i := range rs {
				rs[i] = rules.Rejection{
					Field:    beian.Path("websites").Index(rng.IntN(3)).Field("name"),
					Code:     codes[rng.IntN(len(codes))],
					Args:     args[rng.IntN(len(args))],
					Severity: rules.Severity(rng.IntN(3)),
					Rule:     fmt.Sprint(i),
				}
			}
			sortRejections(rs)
			want := slices.CompactFunc(slices.Clone(rs), same)
			full := rs[:n:n]
			got := dropRepeats(rs)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("n=%d: got %d records, want %d:\n%v\n%v", n, len(got), len(want), got, want)
			}
			for i := len(got); i < n; i++ {
				if !reflect.DeepEqual(full[i], rules.Rejection{}) {
					t.Fatalf("n=%d: freed record %d not cleared: %v", n, i, full[i])
				}
			}
		}
	}
}
