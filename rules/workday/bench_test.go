package workday_test

import (
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/workday"
)

var (
	sinkInt  int
	sinkDate beian.Date
	sinkBool bool
)

func BenchmarkIsWorkday(b *testing.B) {
	d := beian.NewDate(2026, 10, 10)
	for b.Loop() {
		sinkBool = workday.IsWorkday(d)
	}
}

// BenchmarkPending is what the verification rule does per domain: the
// third working day after verification.
func BenchmarkPending(b *testing.B) {
	d := beian.NewDate(2026, 9, 30)
	for b.Loop() {
		sinkDate = workday.Add(d, 3)
	}
}

func BenchmarkBetweenYear(b *testing.B) {
	from, to := beian.NewDate(2025, 12, 31), beian.NewDate(2026, 12, 31)
	for b.Loop() {
		sinkInt = workday.Between(from, to)
	}
}

// BenchmarkBetweenYearLoop is the peer: counting the same year day by day
// with IsWorkday.
func BenchmarkBetweenYearLoop(b *testing.B) {
	from, to := beian.NewDate(2025, 12, 31), beian.NewDate(2026, 12, 31)
	for b.Loop() {
		n := 0
		for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
			if workday.IsWorkday(d) {
				n++
			}
		}
		sinkInt = n
	}
}
