package rules

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/domain"
)

// TestParseDomainAsParse: a pass's ParseDomain answers as domain.Parse,
// asked twice, beyond the domains in place and in the map sized by the
// filing: in a filing with no domains (more hosts asked than the filing
// lists), and in one of 300 websites.
func TestParseDomainAsParse(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	large := &beian.Filing{Province: "广东"}
	for i := range 300 {
		large.Websites = append(large.Websites, beian.Website{Domains: []string{fmt.Sprintf("shili%d.cn", i)}})
	}
	for _, f := range []*beian.Filing{{Province: "广东"}, large} {
		p := NewPass(context.Background(), f, f, cfg, beian.Date{})
		for round := range 2 {
			for i := range 400 {
				raw := fmt.Sprintf("shili%d.cn", i)
				if i%7 == 0 {
					raw = fmt.Sprintf("bad..%d", i)
				}
				d, err := p.ParseDomain(raw)
				wd, werr := domain.Parse(raw)
				if !reflect.DeepEqual(d, wd) || (err == nil) != (werr == nil) {
					t.Fatalf("%d websites, round %d: ParseDomain(%q) = %v, %v; Parse %v, %v", len(f.Websites), round, raw, d, err, wd, werr)
				}
			}
		}
	}
}
