package validate

import (
	"context"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
)

// TestRuleRunsAsRules holds v.runs, what runFrom reads of each rule, to
// v.rules: the same rule at each index, and its Run exactly when the
// validator has the rule's outside help, for each mix of help and for a
// rule set that leaves rules out.
func TestRuleRunsAsRules(t *testing.T) {
	validators := map[string]*Validator{
		"offline":      New(),
		"registry":     New(WithRegistry(emptyRegistry{})),
		"prober":       New(WithProber(emptyProber{})),
		"both":         New(WithRegistry(emptyRegistry{}), WithProber(emptyProber{})),
		"some offline": New(WithoutRules("fields", "documents", "registry")),
	}
	for name, v := range validators {
		if len(v.runs) != len(v.rules) {
			t.Fatalf("%s: %d runs for %d rules", name, len(v.runs), len(v.rules))
		}
		ran := 0
		for i, r := range v.rules {
			got := v.runs[i]
			if got.rule != r {
				t.Errorf("%s: runs[%d] is rule %s, want %s", name, i, got.rule.Name, r.Name)
			}
			switch {
			case v.lacks(r.Needs) && got.run != nil:
				t.Errorf("%s: rule %s runs without its help", name, r.Name)
			case !v.lacks(r.Needs) && got.run == nil:
				t.Errorf("%s: rule %s does not run", name, r.Name)
			case got.run != nil && reflect.ValueOf(got.run).Pointer() != reflect.ValueOf(r.Run).Pointer():
				t.Errorf("%s: rule %s runs another function", name, r.Name)
			}
			if got.run != nil {
				ran++
			}
		}
		if ran == 0 || name == "both" && ran != len(v.rules) {
			t.Errorf("%s: %d of %d rules run", name, ran, len(v.rules))
		}
	}
}

// emptyProber reaches no site.
type emptyProber struct{}

func (emptyProber) Probe(context.Context, string) (beian.ProbeResult, error) {
	return beian.ProbeResult{}, nil
}
