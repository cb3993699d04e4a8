package rules

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// TestRecordOfAsIndex holds recordOf, the domain holder rule's search of
// a few records, to recordsByDomain's index: random record lists of
// domains written in several forms (cases, www, a Unicode name and its
// ASCII form, duplicates, unparsable text), asked for every registrable
// domain of the pool.
func TestRecordOfAsIndex(t *testing.T) {
	pool := []string{"example.cn", "Example.CN", "www.example.cn", "shilikeji.net", "shilikeji.cn",
		"例子.中国", "xn--fsqu00a.xn--fiqs8s", "a.b.example.com.cn", "example.com.cn", "not a domain", "", "http://example.cn/x", "x.dev"}
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	rng := rand.New(rand.NewPCG(9, 10))
	hits := 0
	for trial := range 3000 {
		recs := make([]beian.DomainRecord, rng.IntN(9))
		for i := range recs {
			recs[i].Domain = pool[rng.IntN(len(pool))]
		}
		f := &beian.Filing{Domains: recs}
		pass := NewPass(context.Background(), f, f, cfg, beian.Date{})
		index := recordsByDomain(pass, recs)
		for _, q := range pool {
			d, err := pass.ParseDomain(q)
			if err != nil {
				continue
			}
			wantK, wantOK := index[d.ASCII()]
			k, ok := recordOf(pass, recs, d.ASCII())
			if k != wantK || ok != wantOK {
				t.Fatalf("trial %d: records %v, %q: recordOf %d %v, index %d %v", trial, recs, q, k, ok, wantK, wantOK)
			}
			if ok {
				hits++
			}
		}
	}
	if hits < 5000 {
		t.Errorf("only %d lookups found a record", hits)
	}
}
