package validate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestSortRejectionsStable: sorting indexes and moving each record once
// gives what a stable merge sort of the records gives, equal records
// (which differ only in their rule) in their order of arrival.
func TestSortRejectionsStable(t *testing.T) {
	codes := []rules.Code{rules.CodeFieldRequired, rules.CodeCheckUnavailable, rules.CodeCrossProvince}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 17, 100, 1000} {
		rs := make([]rules.Rejection, n)
		for i := range rs {
			rs[i] = rules.Rejection{
				Field:    beian.Path("websites").Index(rng.IntN(12)).Field("name"),
				Code:     codes[rng.IntN(len(codes))],
				Severity: rules.Severity(rng.IntN(3)),
				Rule:     fmt.Sprint(i), // arrival order, not compared
			}
		}
		cmp := func(a, b rules.Rejection) int { return compareRejections(&a, &b) }
		// As they come (many runs: sorted), and as rules report them: a
		// few sorted runs (merged).
		for _, runs := range []int{0, 2, 3, 7, 64} {
			rs := slices.Clone(rs)
			if runs > 0 {
				for r := range runs {
					slices.SortStableFunc(rs[r*n/runs:(r+1)*n/runs], cmp)
				}
			}
			want := slices.Clone(rs)
			slices.SortStableFunc(want, cmp)
			sortRejections(rs)
			for i := range rs {
				if rs[i].Field != want[i].Field || rs[i].Code != want[i].Code || rs[i].Rule != want[i].Rule {
					t.Fatalf("n=%d, %d runs: at %d got %s %s (%s), want %s %s (%s)", n, runs, i, rs[i].Field, rs[i].Code, rs[i].Rule, want[i].Field, want[i].Code, want[i].Rule)
				}
			}
		}
	}
}

// TestSortSkipsStable: sortSkips gives what a stable sort of the records
// gives, equal codes in their order of arrival, at every size around the
// index buffer's.
func TestSortSkipsStable(t *testing.T) {
	codes := []rules.Code{rules.CodeMIITRecordExists, rules.CodeCheckUnavailable, rules.CodeFieldRequired, rules.CodeDocumentUnclear}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 12, 63, 64, 65, 200} {
		for range 20 {
			s := make([]rules.Skip, n)
			for i := range s {
				s[i] = rules.Skip{Code: codes[rng.IntN(len(codes))], Rule: fmt.Sprint(i)}
			}
			want := slices.Clone(s)
			slices.SortStableFunc(want, compareSkips)
			sortSkips(s)
			for i := range s {
				if s[i].Code != want[i].Code || s[i].Rule != want[i].Rule {
					t.Fatalf("n=%d: at %d got %s (%s), want %s (%s)", n, i, s[i].Code, s[i].Rule, want[i].Code, want[i].Rule)
				}
			}
		}
	}
}

// TestCompactRejectionsTrims: rejections recorded with much more room
// than the report holds (a pass sized by a larger filing) are copied into
// a slice of the report's size, the same records in the same order; a
// slice with little spare room is kept (made to fail by never copying).
func TestCompactRejectionsTrims(t *testing.T) {
	for _, tc := range []struct{ n, room int }{{1, 1000}, {11, 11000}, {300, 5000}, {11, 12}, {100, 200}, {1000, 1200}} {
		rs := make([]rules.Rejection, tc.n, tc.room)
		for i := range rs {
			rs[i] = rules.Rejection{Field: beian.Path("websites").Index(tc.n - i).Field("name"), Code: rules.CodeFieldRequired}
		}
		want := slices.Clone(rs)
		slices.SortStableFunc(want, func(a, b rules.Rejection) int { return compareRejections(&a, &b) })
		got := compactRejections(rs)
		if c := cap(got); c > 2*len(got)+64 {
			t.Errorf("%d rejections with room for %d: the report keeps room for %d", tc.n, tc.room, c)
		}
		if tc.room <= 2*tc.n+64 && &got[0] != &rs[0] {
			t.Errorf("%d rejections with room for %d: copied", tc.n, tc.room)
		}
		if !slices.EqualFunc(got, want, func(a, b rules.Rejection) bool { return compareRejections(&a, &b) == 0 }) {
			t.Errorf("%d rejections with room for %d: not the sorted records", tc.n, tc.room)
		}
	}
}

// TestSortFewRejectionsEverySequence holds the binary insertion of small
// reports (sortFewRejections) to a stable sort of the records over a
// whole class: every sequence of up to 8 records drawn from 3 that
// compare differently (by field, by code, by severity) and differ from
// each other's copies only in their rule, so that the order of equal
// records is checked too; and random reports of every size to one past
// maxInsertionSort. Made to fail by inserting a record before an equal
// one (< 0 for <= 0 in the look at the last, or >= 0 for > 0 in the
// search).
func TestSortFewRejectionsEverySequence(t *testing.T) {
	kinds := []rules.Rejection{
		{Field: "websites[2].name", Code: rules.CodeFieldRequired, Severity: rules.Error},
		{Field: "websites[10].name", Code: rules.CodeCheckUnavailable, Severity: rules.Warning},
		{Field: "websites[10].name", Code: rules.CodeCheckUnavailable, Severity: rules.Error},
	}
	cmp := func(a, b rules.Rejection) int { return compareRejections(&a, &b) }
	check := func(rs []rules.Rejection) {
		t.Helper()
		want := slices.Clone(rs)
		slices.SortStableFunc(want, cmp)
		got := slices.Clone(rs)
		sortRejections(got)
		for i := range got {
			if got[i].Field != want[i].Field || got[i].Code != want[i].Code || got[i].Severity != want[i].Severity || got[i].Rule != want[i].Rule {
				t.Fatalf("%d records: at %d got %s %s %v (%s), want %s %s %v (%s)", len(rs), i,
					got[i].Field, got[i].Code, got[i].Severity, got[i].Rule, want[i].Field, want[i].Code, want[i].Severity, want[i].Rule)
			}
		}
	}
	sequences := 0
	for n := 0; n <= 8; n++ {
		total := 1
		for range n {
			total *= len(kinds)
		}
		for seq := range total {
			rs := make([]rules.Rejection, n)
			for i, s := 0, seq; i < n; i, s = i+1, s/len(kinds) {
				rs[i] = kinds[s%len(kinds)]
				rs[i].Rule = fmt.Sprint(i) // arrival order, not compared
			}
			check(rs)
			sequences++
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for n := 0; n <= maxInsertionSort+1; n++ {
		for range 200 {
			rs := make([]rules.Rejection, n)
			for i := range rs {
				rs[i] = kinds[rng.IntN(len(kinds))]
				rs[i].Field = beian.Path("websites").Index(rng.IntN(12)).Field("name")
				rs[i].Rule = fmt.Sprint(i)
			}
			check(rs)
		}
	}
	if sequences != 9841 {
		t.Fatalf("%d sequences, want 9841", sequences)
	}
}

// TestCompactRejectionsAsSortAndCompact holds compactRejections to a
// stable sort of the records by compareRejections and
// slices.CompactFunc by sameRejection, over reports of every size class
// (the insertion sort's, the stack's buffers, larger), as they come,
// fully sorted, and in a few sorted runs; of fields that Path.Compare
// calls equal though they differ ("[0]" and "["), codes, arguments that
// decide between rejections of one field and code, and repeats. Made to
// fail by not dropping repeats and by a merge that takes the later of
// two equal records first.
func TestCompactRejectionsAsSortAndCompact(t *testing.T) {
	fields := []beian.Path{"[0]", "[", "domains[1]", "websites[2].name", "websites[10].name", "websites[2].name_x"}
	codes := []rules.Code{rules.CodeFieldRequired, rules.CodeCheckUnavailable, rules.CodeCrossProvince}
	args := [][]rules.Arg{nil, {rules.Str("a", "1")}, {rules.Str("a", "2")}, {rules.Str("b", "1")}}
	rng := rand.New(rand.NewPCG(3, 4))
	cmp := func(a, b rules.Rejection) int { return compareRejections(&a, &b) }
	for _, n := range []int{0, 1, 2, 3, 24, 25, 64, 65, 100, 1000} {
		for _, spread := range []int{1, 4, 1000} { // how rarely a record repeats another
			rs := make([]rules.Rejection, n)
			for i := range rs {
				k := rng.IntN(len(fields) * len(codes) * len(args) * spread)
				rs[i] = rules.Rejection{
					Field:    fields[k%len(fields)],
					Code:     codes[k/len(fields)%len(codes)],
					Args:     args[k/len(fields)/len(codes)%len(args)],
					Severity: rules.Severity(rng.IntN(3) + 1),
					Rule:     fmt.Sprint(i), // arrival order, not compared
				}
				if spread == 1000 {
					rs[i].Field = beian.Path("websites").Index(k).Field("name")
				}
			}
			for _, runs := range []int{0, 1, 2, 3, 7, 64, 100} {
				in := slices.Clone(rs)
				if runs > 0 {
					for r := range runs {
						slices.SortStableFunc(in[r*n/runs:(r+1)*n/runs], cmp)
					}
				}
				want := slices.Clone(in)
				slices.SortStableFunc(want, cmp)
				want = slices.CompactFunc(want, func(a, b rules.Rejection) bool { return sameRejection(&a, &b) })
				got := compactRejections(in)
				if len(got) != len(want) {
					t.Fatalf("n=%d, spread %d, %d runs: %d rejections, want %d", n, spread, runs, len(got), len(want))
				}
				for i := range got {
					if g, w := &got[i], &want[i]; g.Field != w.Field || g.Code != w.Code || !slices.Equal(g.Args, w.Args) || g.Severity != w.Severity || g.Rule != w.Rule {
						t.Fatalf("n=%d, spread %d, %d runs: at %d got %s %s %v %v (%s), want %s %s %v %v (%s)", n, spread, runs, i,
							g.Field, g.Code, g.Args, g.Severity, g.Rule, w.Field, w.Code, w.Args, w.Severity, w.Rule)
					}
				}
			}
		}
	}
}
