package workday_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/rules/workday"
)

func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func date(t testing.TB, s string) beian.Date {
	t.Helper()
	d, err := beian.ParseDate(s)
	if err != nil || d.IsZero() {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// facts holds, per year, the weekday days off and the weekend working days
// as the reference's per-year lists give them (compiled from the notices
// state-council-holidays-YYYY and lunar-go; copied from that text, not from
// data/holidays.csv), with the statutory holiday count.
var facts = []struct {
	year      int
	off, work string
	statutory int
}{
	{2023,
		"2023-01-02, 2023-01-23, 2023-01-24, 2023-01-25, 2023-01-26, 2023-01-27, 2023-04-05, 2023-05-01, 2023-05-02, 2023-05-03, 2023-06-22, 2023-06-23, 2023-09-29, 2023-10-02, 2023-10-03, 2023-10-04, 2023-10-05, 2023-10-06",
		"2023-01-28, 2023-01-29, 2023-04-23, 2023-05-06, 2023-06-25, 2023-10-07, 2023-10-08", 11},
	{2024,
		"2024-01-01, 2024-02-12, 2024-02-13, 2024-02-14, 2024-02-15, 2024-02-16, 2024-04-04, 2024-04-05, 2024-05-01, 2024-05-02, 2024-05-03, 2024-06-10, 2024-09-16, 2024-09-17, 2024-10-01, 2024-10-02, 2024-10-03, 2024-10-04, 2024-10-07",
		"2024-02-04, 2024-02-18, 2024-04-07, 2024-04-28, 2024-05-11, 2024-09-14, 2024-09-29, 2024-10-12", 11},
	{2025,
		"2025-01-01, 2025-01-28, 2025-01-29, 2025-01-30, 2025-01-31, 2025-02-03, 2025-02-04, 2025-04-04, 2025-05-01, 2025-05-02, 2025-05-05, 2025-06-02, 2025-10-01, 2025-10-02, 2025-10-03, 2025-10-06, 2025-10-07, 2025-10-08",
		"2025-01-26, 2025-02-08, 2025-04-27, 2025-09-28, 2025-10-11", 13},
	{2026,
		"2026-01-01, 2026-01-02, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-23, 2026-04-06, 2026-05-01, 2026-05-04, 2026-05-05, 2026-06-19, 2026-09-25, 2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07",
		"2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10", 13},
	{2027,
		"2027-01-01, 2027-02-05, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-02-12, 2027-04-05, 2027-05-03, 2027-05-04, 2027-05-05, 2027-06-09, 2027-09-15, 2027-10-01, 2027-10-04, 2027-10-05, 2027-10-06, 2027-10-07",
		"2027-01-31, 2027-02-14, 2027-05-08, 2027-09-26, 2027-10-09", 13},
}

// TestEveryYearMatchesFacts walks every day of every covered year and
// checks its kind against the facts file: a listed weekday day off is a
// Holiday, a listed weekend day an AdjustedWorkday, every other day follows
// the Monday-to-Friday week.
func TestEveryYearMatchesFacts(t *testing.T) {
	c := workday.Default()
	if len(facts) != workday.LastYear-workday.FirstYear+1 {
		t.Fatalf("facts cover %d years, the table %d-%d", len(facts), workday.FirstYear, workday.LastYear)
	}
	for _, y := range facts {
		t.Run(time.Date(y.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			want := map[beian.Date]workday.Kind{}
			for _, s := range strings.Split(y.off, ", ") {
				want[date(t, s)] = workday.Holiday
			}
			for _, s := range strings.Split(y.work, ", ") {
				want[date(t, s)] = workday.AdjustedWorkday
			}
			var holidays, adjusted, working int
			for d := beian.NewDate(y.year, 1, 1); d.Year() == y.year; d = d.AddDays(1) {
				k, ok := want[d]
				if !ok {
					k = workday.Workday
					if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
						k = workday.Weekend
					}
				}
				if got := c.Kind(d); got != k {
					t.Errorf("Kind(%s) = %v, want %v", d, got, k)
				}
				if got := c.IsWorkday(d); got != k.IsWorking() {
					t.Errorf("IsWorkday(%s) = %t, want %t", d, got, k.IsWorking())
				}
				if !c.Covers(d) {
					t.Errorf("Covers(%s) = false", d)
				}
				if name := c.HolidayName(d); (name != "") != (k == workday.Holiday || k == workday.AdjustedWorkday) {
					t.Errorf("HolidayName(%s) = %q for a %v", d, name, k)
				}
				switch c.Kind(d) {
				case workday.Holiday:
					holidays++
				case workday.AdjustedWorkday:
					adjusted++
				}
				if c.IsWorkday(d) {
					working++
				}
			}
			// The invariant that held in every year and source: weekday days off minus weekend
			// working days is the number of statutory holiday days.
			if holidays-adjusted != y.statutory {
				t.Errorf("weekday days off %d - weekend working days %d = %d, want %d", holidays, adjusted, holidays-adjusted, y.statutory)
			}
			if n := c.Between(beian.NewDate(y.year-1, 12, 31), beian.NewDate(y.year, 12, 31)); n != working {
				t.Errorf("Between over the year = %d, counted %d", n, working)
			}
		})
	}
}

// TestNationalDay2026 is the acceptance case: verified on
// 2026-09-30, three working days have passed only after 2026-10-10 (the
// holiday runs 10-01 to 10-07 and Saturday 10-10 is worked).
func TestNationalDay2026(t *testing.T) {
	verified := date(t, "2026-09-30")
	if got := workday.Add(verified, 3); got != date(t, "2026-10-10") {
		t.Errorf("Add(2026-09-30, 3) = %s, want 2026-10-10", got)
	}
	for _, c := range []struct {
		submitted string
		passed    int // full working days after verification, before submission
	}{
		{"2026-10-01", 0}, {"2026-10-08", 0}, {"2026-10-09", 1}, {"2026-10-10", 2},
		{"2026-10-11", 3}, {"2026-10-12", 3}, {"2026-10-13", 4},
	} {
		s := date(t, c.submitted)
		if got := workday.Between(verified, s.AddDays(-1)); got != c.passed {
			t.Errorf("working days from 2026-09-30 to before %s = %d, want %d", c.submitted, got, c.passed)
		}
	}
}

func TestOutsideTable(t *testing.T) {
	c := workday.Default()
	first, last := c.Span()
	if first != beian.NewDate(workday.FirstYear, 1, 1) || last != beian.NewDate(workday.LastYear, 12, 31) {
		t.Fatalf("Span = %s, %s", first, last)
	}
	for _, tc := range []struct {
		day     string
		working bool
	}{
		{"2022-12-30", true},  // Friday
		{"2022-12-31", false}, // Saturday (the 2023 元旦 block, not in the table)
		{"2022-10-03", true},  // National Day 2022: unknown, weekends only
		{"2028-01-01", false}, // Saturday
		{"2028-01-03", true},  // Monday
		{"2028-10-02", true},  // Monday of National Day 2028: unknown
	} {
		d := date(t, tc.day)
		if c.Covers(d) {
			t.Errorf("Covers(%s) = true", d)
		}
		if got := c.IsWorkday(d); got != tc.working {
			t.Errorf("IsWorkday(%s) = %t, want %t", d, got, tc.working)
		}
		if k := c.Kind(d); k != workday.Workday && k != workday.Weekend {
			t.Errorf("Kind(%s) = %v outside the table", d, k)
		}
	}
	// Across the edges: Friday 2027-12-31 is the table's last day.
	if got := c.Add(date(t, "2027-12-30"), 2); got != date(t, "2028-01-03") {
		t.Errorf("Add(2027-12-30, 2) = %s, want 2028-01-03", got)
	}
	if got := c.Add(date(t, "2023-01-03"), -2); got != date(t, "2022-12-29") {
		t.Errorf("Add(2023-01-03, -2) = %s, want 2022-12-29 (2023-01-02 is a holiday)", got)
	}
}

// naiveBetween counts working days one by one, the model Between and Add
// are checked against.
func naiveBetween(c *workday.Calendar, from, to beian.Date) int {
	sign := 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return sign * n
}

func TestArithmeticAgainstModel(t *testing.T) {
	cals := map[string]*workday.Calendar{"default": workday.Default(), "zero": {}}
	for name, c := range cals {
		t.Run(name, func(t *testing.T) {
			from := beian.NewDate(2022, 11, 1)
			for d := from; d.Before(beian.NewDate(2028, 3, 1)); d = d.AddDays(1) {
				for _, n := range []int{1, 2, 3, 5, 12, 64, 65, 300, -1, -3, -12, -64, -65, -300} {
					got := c.Add(d, n)
					if !c.IsWorkday(got) {
						t.Fatalf("Add(%s, %d) = %s, not a working day", d, n, got)
					}
					if b := naiveBetween(c, d, got); n > 0 && b != n {
						t.Fatalf("Add(%s, %d) = %s: %d working days in between", d, n, got, b)
					}
					if n < 0 {
						// got is the -n-th working day before d: -n working
						// days in [got, d).
						if b := naiveBetween(c, got.AddDays(-1), d.AddDays(-1)); b != -n {
							t.Fatalf("Add(%s, %d) = %s: %d working days in [got, d)", d, n, got, b)
						}
					}
				}
				if d.Day() == 1 || d.Day() == 17 {
					for _, span := range []int{0, 1, 6, 40, 400, -9, -100} {
						e := d.AddDays(span)
						if got, want := c.Between(d, e), naiveBetween(c, d, e); got != want {
							t.Fatalf("Between(%s, %s) = %d, want %d", d, e, got, want)
						}
					}
				}
			}
			if got := c.Add(from, 0); got != from {
				t.Errorf("Add(d, 0) = %s", got)
			}
		})
	}
}

func TestLoadMatchesDefault(t *testing.T) {
	f, err := os.Open("data/holidays.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := workday.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	def := workday.Default()
	if c.Edition() != def.Edition() || c.Edition().String() != workday.Edition {
		t.Errorf("Edition = %s, default %s, constant %s", c.Edition(), def.Edition(), workday.Edition)
	}
	for d := beian.NewDate(2022, 1, 1); d.Year() < 2029; d = d.AddDays(1) {
		if c.Kind(d) != def.Kind(d) || c.HolidayName(d) != def.HolidayName(d) || c.Covers(d) != def.Covers(d) {
			t.Fatalf("%s: loaded %v %q, built-in %v %q", d, c.Kind(d), c.HolidayName(d), def.Kind(d), def.HolidayName(d))
		}
	}
	got, want := c.Notices(), def.Notices()
	if len(got) != len(want) {
		t.Fatalf("Notices: %d, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("Notice %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	// Notices returns a copy.
	want[0].Year = 1
	if def.Notices()[0].Year != workday.FirstYear {
		t.Error("Notices shares its slice")
	}
	// Every covered year names its notice and its sources.
	for _, n := range want[1:] {
		if n.Published == "" || n.Sources == "" || n.Confidence == "" {
			t.Errorf("notice %d is incomplete: %+v", n.Year, n)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	const head = "edition,2026-11-06\nyear,2026,2025-11-04,u,HIGH,HC\n"
	for _, tc := range []struct {
		name, in string
		line     int
	}{
		{"empty", "", 0},
		{"no edition", "year,2026,x,u,HIGH,HC\n", 0},
		{"no year", "edition,2026-11-06\n", 0},
		{"two editions", head + "edition,2026-11-07\n", 3},
		{"bad edition", "edition,2026-13-06\n", 1},
		{"bad year", "edition,2026-11-06\nyear,20x6,a,u,HIGH,HC\n", 2},
		{"gap", head + "year,2028,a,u,HIGH,HC\n", 3},
		{"bad confidence", "edition,2026-11-06\nyear,2026,a,u,SURE,HC\n", 2},
		{"off on a weekend", head + "off,2026-10-03,国庆节\n", 3},
		{"work on a weekday", head + "work,2026-10-09,国庆节\n", 3},
		{"twice", head + "off,2026-10-01,国庆节\noff,2026-10-01,国庆节\n", 4},
		{"no name", head + "off,2026-10-01,\n", 3},
		{"outside years", head + "off,2027-10-01,国庆节\n", 0},
		{"unknown kind", head + "holiday,2026-10-01,国庆节\n", 3},
		{"short record", head + "off,2026-10-01\n", 3},
		{"bad date", head + "off,2026-10-1,国庆节\n", 3},
		{"quote", head + "off,\"2026-10-01,国庆节\n", 3},
		{"too large", head + strings.Repeat("#\n", 1<<20), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := workday.Load(strings.NewReader(tc.in))
			var le *workday.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Load: %v, want a *LoadError", err)
			}
			if le.Line != tc.line {
				t.Errorf("line %d, want %d (%v)", le.Line, tc.line, err)
			}
		})
	}
}

// TestLoadNewerYear shows a caller extending the calendar past the
// built-in table.
func TestLoadNewerYear(t *testing.T) {
	in := "edition,2027-11-01\nyear,2028,2027-11-01,,LOW,test\noff,2028-10-02,国庆节\nwork,2028-10-07,国庆节\n"
	c, err := workday.Load(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if c.IsWorkday(date(t, "2028-10-02")) || !c.IsWorkday(date(t, "2028-10-07")) || !c.Covers(date(t, "2028-01-01")) {
		t.Error("loaded 2028 days not applied")
	}
	if c.Covers(date(t, "2027-06-01")) {
		t.Error("the loaded table covers 2027")
	}
	if !c.IsWorkday(date(t, "2027-10-04")) {
		t.Error("outside the loaded table, 2027-10-04 (Monday) should be a working day")
	}
}

func TestKindString(t *testing.T) {
	for k, s := range map[workday.Kind]string{workday.Workday: "workday", workday.Weekend: "weekend", workday.Holiday: "holiday", workday.AdjustedWorkday: "adjusted workday", 0: "kind(0)"} {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), s)
		}
	}
}
