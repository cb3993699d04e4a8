package workday_test

import (
	"os"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/workday"
)

// FuzzLoad feeds arbitrary tables to Load: it must not panic, and a
// calendar it accepts must keep Add and Between consistent.
func FuzzLoad(f *testing.F) {
	data, err := os.ReadFile("data/holidays.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("edition,2026-11-06\nyear,2026,x,,HIGH,x\noff,2026-10-01,国庆节\nwork,2026-10-10,国庆节\n")
	f.Add("edition,2026-11-06\nyear,9999,x,,HIGH,x\n")
	f.Fuzz(func(t *testing.T, in string) {
		c, err := workday.Load(strings.NewReader(in))
		if err != nil {
			return
		}
		first, last := c.Span()
		for _, d := range []beian.Date{first, last, first.AddDays(-1), last.AddDays(1), first.AddDays(40)} {
			e := c.Add(d, 3)
			if got := c.Between(d, e); got != 3 {
				t.Fatalf("Between(%s, Add(%s, 3) = %s) = %d", d, d, e, got)
			}
			if !c.IsWorkday(e) {
				t.Fatalf("Add(%s, 3) = %s is not a working day", d, e)
			}
		}
	})
}

// FuzzArithmetic checks Add and Between against each other for arbitrary
// dates and counts, in and around the built-in table.
func FuzzArithmetic(f *testing.F) {
	f.Add(int32(0), int32(3))
	f.Add(int32(1370), int32(3)) // 2026-09-30
	f.Add(int32(-400), int32(-700))
	f.Add(int32(1825), int32(1))
	f.Add(int32(1<<30), int32(-1<<30))
	base := beian.NewDate(workday.FirstYear, 1, 1)
	c := workday.Default()
	f.Fuzz(func(t *testing.T, offset, n int32) {
		d := base.AddDays(int(offset % 20000))
		k := int(n)
		e := c.Add(d, k)
		switch {
		case k == 0:
			if e != d {
				t.Fatalf("Add(%s, 0) = %s", d, e)
			}
			return
		case !c.IsWorkday(e):
			t.Fatalf("Add(%s, %d) = %s is not a working day", d, k, e)
		}
		k = max(-workday.MaxAdd, min(k, workday.MaxAdd))
		if k > 0 {
			if got := c.Between(d, e); got != k {
				t.Fatalf("Between(%s, %s) = %d, want %d", d, e, got, k)
			}
		} else if got := c.Between(e.AddDays(-1), d.AddDays(-1)); got != -k {
			t.Fatalf("working days in [%s, %s) = %d, want %d", e, d, got, -k)
		}
	})
}
