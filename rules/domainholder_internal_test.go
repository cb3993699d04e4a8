package rules

import (
	"context"
	"fmt"
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

// TestRecordTextsAsMap holds recordTexts, a scan for a few records, to
// the map of first records by text it replaced: 1,000 random lists of
// 0 to 20 records typed from a pool of 1 to 12 texts, each text of the
// pool and one of none looked up.
func TestRecordTextsAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 11))
	for round := range 1000 {
		pool := 1 + rng.IntN(12)
		records := make([]beian.DomainRecord, rng.IntN(21))
		want := map[string]int{}
		for i := range records {
			records[i].Domain = fmt.Sprintf("d%d.cn", rng.IntN(pool))
			if _, dup := want[records[i].Domain]; !dup {
				want[records[i].Domain] = i
			}
		}
		texts := recordTexts{records: records}
		for k := -1; k < pool; k++ {
			raw := fmt.Sprintf("d%d.cn", k)
			got, ok := texts.get(raw)
			w, wok := want[raw]
			if got != w || ok != wok {
				t.Fatalf("round %d, %d records: get(%q) = %d, %v; the map gives %d, %v", round, len(records), raw, got, ok, w, wok)
			}
		}
	}
}
