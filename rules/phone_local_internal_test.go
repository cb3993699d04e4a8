package rules

import (
	"context"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// TestPhoneLocalOncePerPass: the mobile_must_be_local fact's source and
// texts a pass finds once are the fact's (factSource, localPolicyText,
// localRemedy) for the pass's own province, for every province and no
// province, each after another on one pass, reset as new, recycled, or
// reset without recycling; and under a policy override whose citation
// names no known source, for each of the fact's four states.
func TestPhoneLocalOncePerPass(t *testing.T) {
	override, err := provinces.DefaultPolicies().Override([]byte(`{"44": {"mobile_must_be_local": {"value": true, "certain": false, "source": "a console's note"}},
		"11": {"mobile_must_be_local": {"value": false, "certain": true, "source": "miit-2021: note"}},
		"31": {"mobile_must_be_local": {"value": false, "certain": false, "source": ""}}}`))
	if err != nil {
		t.Fatal(err)
	}
	states := map[int]bool{}
	for _, ps := range []*provinces.Policies{provinces.DefaultPolicies(), override} {
		cfg := &Config{Policies: ps}
		var filings []*beian.Filing
		for _, prov := range provinces.All() {
			filings = append(filings, &beian.Filing{Province: prov.Code})
		}
		filings = append(filings, &beian.Filing{Province: "火星"})
		p := new(Pass)
		for k, f := range filings {
			switch k % 3 {
			case 0:
				p = NewPass(context.Background(), f, f, cfg, beian.Date{})
			case 1:
				p.Recycle()
				p.Reset(context.Background(), f, f, cfg, beian.Date{})
			default:
				p.Reset(context.Background(), f, f, cfg, beian.Date{})
			}
			fact := p.Policy.MobileMustBeLocal
			states[localCase(fact)] = true
			want := phoneLocality{done: true, source: factSource(fact), policy: localPolicyText(p, fact), remedy: localRemedy(p, fact)}
			for range 2 {
				if got := p.phoneLocal(); !reflect.DeepEqual(*got, want) {
					t.Fatalf("province %q: %+v, want %+v", f.Province, *got, want)
				}
			}
		}
	}
	if len(states) != 4 {
		t.Errorf("the fact's states covered: %v, want all four", states)
	}
}
