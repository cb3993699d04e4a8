package rules

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/icpcheck/beian"
)

// TestDomainLocsAsMap holds domainLocs to a map over random sequences of
// the domains rule's use (look a domain up, add it when it is new) of up
// to 40 domains from pools of 3 to 60, reserved for the right count, for
// none and for too many.
func TestDomainLocsAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 20))
	for round := range 2000 {
		pool, steps := 3+rng.IntN(58), rng.IntN(41)
		var s domainLocs
		switch round % 3 {
		case 0:
			s.reserve(steps)
		case 1:
			s.reserve(2 * steps)
		}
		want := map[string]domainLoc{}
		for step := range steps {
			key := fmt.Sprintf("d%d.cn", rng.IntN(pool))
			loc := domainLoc{i: int32(step), j: int32(round)}
			got, ok := s.get(key)
			w, wok := want[key]
			if got != w || ok != wok {
				t.Fatalf("round %d, step %d: get(%q) = %v, %v; a map gives %v, %v", round, step, key, got, ok, w, wok)
			}
			if !ok {
				s.add(key, loc)
				want[key] = loc
			}
		}
		for i := range pool {
			key := fmt.Sprintf("d%d.cn", i)
			got, ok := s.get(key)
			if w, wok := want[key]; got != w || ok != wok {
				t.Fatalf("round %d: get(%q) = %v, %v at the end; a map gives %v, %v", round, key, got, ok, w, wok)
			}
		}
	}
}

// TestExpiresWithinThreeMonths holds the shortcut of
// expiresWithinThreeMonths to AddMonthsClamped: every day from 2023 to 2027 as
// the day of submission, the zero Date too, against the first and last
// days of every month of the next three years and the days around three
// months on.
func TestExpiresWithinThreeMonths(t *testing.T) {
	days := []beian.Date{{}}
	for d := beian.NewDate(2023, 1, 1); d.Year() < 2028; d = d.AddDays(1) {
		days = append(days, d)
	}
	for _, today := range days {
		limit := today.AddMonthsClamped(3)
		ends := []beian.Date{limit.AddDays(-1), limit, limit.AddDays(1)}
		for y := today.Year(); y <= today.Year()+3; y++ {
			for m := time.January; m <= time.December; m++ {
				ends = append(ends, beian.NewDate(y, m, 1), beian.NewDate(y, m+1, 0))
			}
		}
		for _, end := range ends {
			if got, want := expiresWithinThreeMonths(end, today), end.Before(limit); got != want {
				t.Fatalf("expiresWithinThreeMonths(%v, %v) = %v, want %v", end, today, got, want)
			}
		}
	}
}
