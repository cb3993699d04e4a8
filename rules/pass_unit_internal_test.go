package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// TestUnitAsIsUnit holds Pass.unit, read once by Reset, to the filing's
// Subject.Nature.IsUnit: for every declared nature, the empty one, unknown
// ones and each declared one in upper case or with a space; on a new pass
// and on one recycled from a filing of every other nature (so that a
// recycled pass's answer is Reset's, not its last filing's).
func TestUnitAsIsUnit(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	natures := []beian.Nature{"", "unit", "person", "Personal"}
	for _, n := range beian.Natures() {
		natures = append(natures, n, beian.Nature(strings.ToUpper(string(n))), n+" ")
	}
	filing := func(n beian.Nature) *beian.Filing {
		return &beian.Filing{Province: "44", Subject: beian.Subject{Nature: n}}
	}
	for _, n := range natures {
		f := filing(n)
		p := NewPass(context.Background(), f, f, cfg, beian.NewDate(2026, 1, 2))
		if got, want := p.unit(), n.IsUnit(); got != want {
			t.Errorf("new pass, nature %q: unit() = %v, want %v", n, got, want)
		}
		for _, last := range natures {
			prev := filing(last)
			p.Reset(context.Background(), prev, prev, cfg, beian.NewDate(2026, 1, 2))
			p.Recycle()
			p.Reset(context.Background(), f, f, cfg, beian.NewDate(2026, 1, 2))
			if got, want := p.unit(), n.IsUnit(); got != want {
				t.Errorf("recycled after %q, nature %q: unit() = %v, want %v", last, n, got, want)
			}
		}
	}
}
