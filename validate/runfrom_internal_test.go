package validate

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestRunFromAsRun holds runFrom, which runs a validation's rules under
// one deferred recover, to run, which gives each rule its own: for rules
// of six kinds (reporting, skipping a check, failing, failing as
// unsupported, needing a Registry that is not there), every subset of
// them panicking (the first, the last, several in a row), the pass's
// rejections and skipped checks, and how many checks were skipped when
// each rule was done, are the same. Made to fail by the warning of a
// panic named after another rule, and by a panicking rule's count left
// out. (TestPanickingRuleBecomesWarning holds Validate's loop over
// runFrom: it fails when the loop stops at the first panic.)
func TestRunFromAsRun(t *testing.T) {
	f := &beian.Filing{Province: "31"}
	kinds := []func(p *rules.Pass) error{
		func(p *rules.Pass) error {
			p.Report("websites[0].name", rules.CodeSiteNameSensitive, rules.Str("word", "x"))
			return nil
		},
		func(p *rules.Pass) error {
			p.Skip(rules.CodeSiteNameNeedsRemark, rules.Text{ZH: "跳过", EN: "skipped"})
			return nil
		},
		func(p *rules.Pass) error { return errors.New("timed out") },
		func(p *rules.Pass) error { return fmt.Errorf("lookup: %w", errors.ErrUnsupported) },
		func(p *rules.Pass) error { return nil },
		func(p *rules.Pass) error {
			p.Skip(rules.CodePhoneUsedByOtherSubject, rules.Text{ZH: "再跳过", EN: "skipped again"})
			p.Report("subject.name", rules.CodeSiteNameNeedsRemark, rules.Str("name", "y"))
			return nil
		},
	}
	for mask := range 1 << len(kinds) {
		var rs []*rules.Rule
		for i, kind := range kinds {
			panics := mask&(1<<i) != 0
			var needs rules.Needs
			if i == 4 {
				needs = rules.NeedsRegistry // not there: skipped, never run
			}
			rs = append(rs, rule(fmt.Sprintf("r%d", i), needs, func(p *rules.Pass) error {
				err := kind(p)
				if panics {
					panic(fmt.Sprintf("boom %d", i))
				}
				return err
			}))
		}
		v := New(WithRules(rs...))
		got := rules.NewPass(context.Background(), f, f, &v.cfg, beian.Date{})
		var gotEnds []int
		for next := 0; next < len(v.rules); {
			next, gotEnds = v.runFrom(got, next, gotEnds)
		}
		want := rules.NewPass(context.Background(), f, f, &v.cfg, beian.Date{})
		var wantEnds []int
		for _, r := range v.rules {
			want.Rule = r
			if !v.lacks(r.Needs) {
				run(want, r)
			}
			wantEnds = append(wantEnds, len(want.Skipped()))
		}
		if !reflect.DeepEqual(got.Rejections(), want.Rejections()) {
			t.Fatalf("panicking %06b: rejections\n%+v\nwant\n%+v", mask, got.Rejections(), want.Rejections())
		}
		if !reflect.DeepEqual(got.Skipped(), want.Skipped()) || !reflect.DeepEqual(gotEnds, wantEnds) {
			t.Fatalf("panicking %06b: skipped %+v (ends %v), want %+v (ends %v)", mask, got.Skipped(), gotEnds, want.Skipped(), wantEnds)
		}
	}
}

// rule returns a test rule of the codes the engine tests use.
func rule(name string, needs rules.Needs, run func(p *rules.Pass) error) *rules.Rule {
	return &rules.Rule{Name: name, Doc: "a test rule", Codes: []rules.Code{rules.CodeSiteNameSensitive, rules.CodeSiteNameNeedsRemark, rules.CodePhoneUsedByOtherSubject}, Needs: needs, Run: run}
}
