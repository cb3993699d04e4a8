package beian_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want beian.Date
		ok   bool
	}{
		{"", beian.Date{}, true},
		{"长期", beian.Date{}, true},   // an ID card issued after 46
		{"长期有效", beian.Date{}, true}, // a licence without end
		{" 长期", beian.Date{}, true},
		{"长期至", beian.Date{}, false},
		{"2026-11-22至长期", beian.Date{}, false},
		{"2026-11-22", beian.NewDate(2026, time.November, 22), true},
		{"2024-02-29", beian.NewDate(2024, time.February, 29), true},
		{"2026-11-22T23:30:00Z", beian.NewDate(2026, time.November, 23), true}, // 07:30 the next day in China
		{"2026-11-22T10:00:00+08:00", beian.NewDate(2026, time.November, 22), true},
		{"2026-11-22t23:30:00z", beian.NewDate(2026, time.November, 23), true}, // RFC 3339 allows lower case
		{"2026-11-22 23:30:00Z", beian.NewDate(2026, time.November, 23), true}, // and a space for the T
		{"2026-11-22 23:30:00+08:00", beian.NewDate(2026, time.November, 22), true},
		{"2026-11-22x23:30:00Z", beian.Date{}, false},
		// RFC 3339's leap second (§5.7), on the day it ends; offsets
		// past 23:59, which Go's time.Parse takes, are refused.
		{"2026-12-31T23:59:60Z", beian.NewDate(2027, time.January, 1), true},
		{"2026-12-31T23:59:60+08:00", beian.NewDate(2026, time.December, 31), true},
		{"2026-06-30 23:59:60.5z", beian.NewDate(2026, time.July, 1), true},
		{"2026-11-22T10:00:00+23:59", beian.NewDate(2026, time.November, 21), true},
		{"2026-11-22T10:00:00+24:00", beian.Date{}, false},
		{"2026-11-22T10:00:00-24:00", beian.Date{}, false},
		{"2026-11-22T10:00:00+14:60", beian.Date{}, false},
		{"2026-11-22T10:00:61Z", beian.Date{}, false},
		{"2026-11-22T10:00:00+08:00:00", beian.Date{}, false},
		{"2025-02-29", beian.Date{}, false},
		{" 2026-11-22\u3000", beian.NewDate(2026, time.November, 22), true},
		{"2026-1-2", beian.NewDate(2026, time.January, 2), true},
		{"2026/10/05", beian.NewDate(2026, time.October, 5), true},
		{"2026/1/5", beian.NewDate(2026, time.January, 5), true},
		{"2026.10.5", beian.NewDate(2026, time.October, 5), true},
		{"2026年10月5日", beian.NewDate(2026, time.October, 5), true},
		{"2026年10月5", beian.NewDate(2026, time.October, 5), true},
		{"２０２６年１０月５日", beian.NewDate(2026, time.October, 5), true},
		{"２０２６／１０／０５", beian.NewDate(2026, time.October, 5), true},
		{"20261122", beian.NewDate(2026, time.November, 22), true},
		{"2026-11-22 23:30", beian.NewDate(2026, time.November, 22), true}, // local: the day written
		{"2026-11-22T23:30", beian.NewDate(2026, time.November, 22), true}, // an HTML datetime-local
		{"2026/11/22 23:30:59.123", beian.NewDate(2026, time.November, 22), true},
		{"2026年11月22日 9:05", beian.NewDate(2026, time.November, 22), true},
		{"2024/2/29", beian.NewDate(2024, time.February, 29), true},
		{"2025/2/29", beian.Date{}, false},
		{"2026/04/31", beian.Date{}, false},
		{"2026/10-05", beian.Date{}, false},
		{"2026年10-05", beian.Date{}, false},
		{"2026-10-05 24:00", beian.Date{}, false},
		{"2026-10-05 10:00Z", beian.Date{}, false},
		{"2026-10-05  10:00", beian.Date{}, false},
		{"2026-013-05", beian.Date{}, false},
		{"2026105", beian.Date{}, false},
		{"202610051", beian.Date{}, false},
		{"05/10/2026", beian.Date{}, false}, // day or month first: ambiguous
		{"10/05/2026", beian.Date{}, false},
		{"26-10-05", beian.Date{}, false},
		{"yesterday", beian.Date{}, false},
	}
	for _, tt := range tests {
		got, err := beian.ParseDate(tt.in)
		if !tt.ok {
			var de *beian.DateError
			assert.ErrorAs(t, err, &de, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestDateString(t *testing.T) {
	assert.Equal(t, "", beian.Date{}.String())
	assert.Equal(t, "0987-03-04", beian.NewDate(987, time.March, 4).String())
	b, err := beian.NewDate(2026, 1, 2).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2026-01-02", string(b))
}

// TestDateArithmetic compares the Date arithmetic with package time over
// several centuries.
func TestDateArithmetic(t *testing.T) {
	base := beian.NewDate(1970, time.January, 1)
	start := time.Date(1899, time.December, 25, 0, 0, 0, 0, time.UTC)
	for day := 0; day < 200*366; day += 13 {
		tm := start.AddDate(0, 0, day)
		d := beian.NewDate(tm.Year(), tm.Month(), tm.Day())
		want := int(tm.Sub(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
		if got := d.DaysSince(base); got != want {
			t.Fatalf("%s: DaysSince(1970-01-01) = %d, want %d", d, got, want)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%s: Weekday = %v, want %v", d, d.Weekday(), tm.Weekday())
		}
		if got := d.AddDays(40); got != beian.NewDate(tm.Year(), tm.Month(), tm.Day()+40) {
			t.Fatalf("%s: AddDays(40) = %s", d, got)
		}
	}
}

func TestDateCompare(t *testing.T) {
	a := beian.NewDate(2026, 3, 31)
	b := beian.NewDate(2026, 4, 1)
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, 1, b.DaysSince(a))
	assert.Equal(t, beian.NewDate(2026, 7, 1), b.AddMonths(3))
	assert.Equal(t, beian.NewDate(2027, 1, 31), beian.NewDate(2026, 10, 31).AddMonths(3))
}

// TestAddMonthsClamped: the Civil Code's month-end rule on its own cases,
// and over every day of 2020–2031 and every n from -24 to 24: the result
// is in the month n months on, on the same day or that month's last, and
// never after AddMonths.
func TestAddMonthsClamped(t *testing.T) {
	for _, tt := range []struct {
		from       beian.Date
		n          int
		want, plus beian.Date // plus: AddMonths, for contrast
	}{
		{beian.NewDate(2026, 11, 30), 3, beian.NewDate(2027, 2, 28), beian.NewDate(2027, 3, 2)},
		{beian.NewDate(2027, 11, 30), 3, beian.NewDate(2028, 2, 29), beian.NewDate(2028, 3, 1)},
		{beian.NewDate(2026, 1, 31), 1, beian.NewDate(2026, 2, 28), beian.NewDate(2026, 3, 3)},
		{beian.NewDate(2026, 10, 31), 3, beian.NewDate(2027, 1, 31), beian.NewDate(2027, 1, 31)},
		{beian.NewDate(2026, 5, 31), -3, beian.NewDate(2026, 2, 28), beian.NewDate(2026, 3, 3)},
		{beian.NewDate(2026, 4, 1), 3, beian.NewDate(2026, 7, 1), beian.NewDate(2026, 7, 1)},
	} {
		assert.Equal(t, tt.want, tt.from.AddMonthsClamped(tt.n), "%v %+d", tt.from, tt.n)
		assert.Equal(t, tt.plus, tt.from.AddMonths(tt.n), "%v %+d", tt.from, tt.n)
	}
	assert.Equal(t, beian.Date{}.AddMonths(3), beian.Date{}.AddMonthsClamped(3))
	for d := beian.NewDate(2020, 1, 1); d.Year() < 2032; d = d.AddDays(1) {
		for n := -24; n <= 24; n++ {
			got := d.AddMonthsClamped(n)
			months := (got.Year()-d.Year())*12 + int(got.Month()) - int(d.Month())
			last := beian.NewDate(got.Year(), got.Month()+1, 0).Day()
			if months != n || got.Day() != min(d.Day(), last) || got.After(d.AddMonths(n)) {
				t.Fatalf("%v.AddMonthsClamped(%d) = %v", d, n, got)
			}
		}
	}
}

func TestDateOfUsesChinaTime(t *testing.T) {
	// 16:30 UTC is 00:30 the next day in Beijing.
	assert.Equal(t, beian.NewDate(2026, 11, 23), beian.DateOf(time.Date(2026, 11, 22, 16, 30, 0, 0, time.UTC)))
	d := beian.NewDate(2026, 11, 23)
	assert.Equal(t, d, beian.DateOf(d.Time()))
	assert.Equal(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), d.Time())
}

// TestParseDateLayouts: every day of a leap year, a common year and the
// century years 1900 and 2000, written in every year-first layout, in
// ASCII and full-width digits, with and without leading zeros and a time
// of day, reads as that day; a day past the month's end, day 0 and month
// 13 written the same ways are refused.
func TestParseDateLayouts(t *testing.T) {
	full := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case '0' <= r && r <= '9':
				return r - '0' + '０'
			case r == '-' || r == '/' || r == '.' || r == ':':
				return r + 0xFEE0
			}
			return r
		}, s)
	}
	layouts := func(y, m, d int) []string {
		var out []string
		for _, day := range []string{
			fmt.Sprintf("%04d-%02d-%02d", y, m, d), fmt.Sprintf("%04d-%d-%d", y, m, d),
			fmt.Sprintf("%04d/%02d/%02d", y, m, d), fmt.Sprintf("%04d/%d/%d", y, m, d),
			fmt.Sprintf("%04d.%02d.%02d", y, m, d), fmt.Sprintf("%04d.%d.%d", y, m, d),
			fmt.Sprintf("%04d年%d月%d日", y, m, d), fmt.Sprintf("%04d年%02d月%02d日", y, m, d), fmt.Sprintf("%04d年%d月%d", y, m, d),
			fmt.Sprintf("%04d%02d%02d", y, m, d),
		} {
			for _, v := range []string{day, day + " 9:05", day + "T23:59:59.5", " " + day + "\u3000"} {
				out = append(out, v, full(v))
			}
		}
		return out
	}
	n := 0
	for _, y := range []int{2024, 2026, 1900, 2000} {
		for m := time.January; m <= time.December; m++ {
			last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
			for d := 1; d <= last; d++ {
				for _, v := range layouts(y, int(m), d) {
					got, err := beian.ParseDate(v)
					if assert.NoError(t, err, v) {
						assert.Equal(t, beian.NewDate(y, m, d), got, v)
					}
					n++
				}
			}
			for _, bad := range [][2]int{{int(m), last + 1}, {int(m), 0}, {13, 1}, {0, 1}} {
				for _, v := range layouts(y, bad[0], bad[1]) {
					var de *beian.DateError
					_, err := beian.ParseDate(v)
					assert.ErrorAs(t, err, &de, v)
				}
			}
		}
	}
	require.Equal(t, (366+365+365+366)*80, n)
}

// FuzzParseDate: any text parses or gives a DateError, never panics; a
// date read is one its own String reads back as.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-10-05", "2026/1/5", "２０２６年１０月５日", "20261005T10:00", "2026-10-05T10:00:00+08:00", "长期", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := beian.ParseDate(s)
		if err != nil {
			var de *beian.DateError
			require.ErrorAs(t, err, &de)
			return
		}
		back, err := beian.ParseDate(d.String())
		require.NoError(t, err)
		require.Equal(t, d, back)
	})
}
