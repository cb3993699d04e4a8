package rules

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// TestChunkAsCopies holds Pass.keepPaths and Pass.withFix to the literals
// and Rejection.WithFix they replace: over 3,000 calls on one pass (past
// the chunks' limit of 1,024), then on the pass recycled and reset, each
// returns what it was given, capped, so that appending to one result
// writes over no other (every result is checked again at the end, after
// an append to each), and withFix keeps the fixes a rejection had. Made
// to fail by a result not capped, or taken from the wrong place of its
// chunk.
func TestChunkAsCopies(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东", Websites: make([]beian.Website, 3)}
	p := NewPass(context.Background(), f, f, cfg, beian.Date{})
	for round := range 2 {
		var wantPaths, gotPaths [][]beian.Path
		var wantFixes, gotFixes [][]Fix
		for i := range 3000 {
			paths := make([]beian.Path, i%4)
			for k := range paths {
				paths[k] = beian.Path(fmt.Sprintf("p%d.%d", i, k))
			}
			got := p.keepPaths(paths...)
			if len(paths) == 0 && got != nil {
				t.Fatalf("%d: no paths kept as %v", i, got)
			}
			if cap(got) != len(got) {
				t.Fatalf("%d: cap %d, len %d", i, cap(got), len(got))
			}
			wantPaths, gotPaths = append(wantPaths, paths), append(gotPaths, got)

			r := Rejection{Code: CodeFieldRequired, Field: "x"}
			if i%3 == 0 {
				r.Fixes = []Fix{{Field: "had", Value: fmt.Sprint(i)}}
			}
			fix := Fix{Field: beian.Path(fmt.Sprint("f", i)), Value: fmt.Sprint(i), Title: Text{ZH: "改", EN: "fix"}}
			want := r.WithFix(fix)
			r = p.withFix(r, fix)
			if !reflect.DeepEqual(r, want) || cap(r.Fixes) != len(r.Fixes) {
				t.Fatalf("%d: withFix %+v (cap %d), WithFix %+v", i, r, cap(r.Fixes), want)
			}
			wantFixes, gotFixes = append(wantFixes, slices.Clone(want.Fixes)), append(gotFixes, r.Fixes)
		}
		for i := range gotPaths {
			_ = append(gotPaths[i], "appended")
			_ = append(gotFixes[i], Fix{Field: "appended"})
		}
		for i := range gotPaths {
			if !slices.Equal(gotPaths[i], wantPaths[i]) {
				t.Fatalf("round %d, %d: paths %v, want %v", round, i, gotPaths[i], wantPaths[i])
			}
			if !slices.Equal(gotFixes[i], wantFixes[i]) {
				t.Fatalf("round %d, %d: fixes %v, want %v", round, i, gotFixes[i], wantFixes[i])
			}
		}
		p.Recycle()
		p.Reset(context.Background(), f, f, cfg, beian.Date{})
	}
}
