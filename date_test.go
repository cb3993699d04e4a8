package beian_test

import (
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
		{" 长期", beian.Date{}, false},
		{"长期至", beian.Date{}, false},
		{"2026-11-22至长期", beian.Date{}, false},
		{"2026-11-22", beian.NewDate(2026, time.November, 22), true},
		{"2024-02-29", beian.NewDate(2024, time.February, 29), true},
		{"2026-11-22T23:30:00Z", beian.NewDate(2026, time.November, 23), true}, // 07:30 the next day in China
		{"2026-11-22T10:00:00+08:00", beian.NewDate(2026, time.November, 22), true},
		{"2025-02-29", beian.Date{}, false},
		{"2026-1-2", beian.Date{}, false},
		{"20261122", beian.Date{}, false},
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

func TestDateOfUsesChinaTime(t *testing.T) {
	// 16:30 UTC is 00:30 the next day in Beijing.
	assert.Equal(t, beian.NewDate(2026, 11, 23), beian.DateOf(time.Date(2026, 11, 22, 16, 30, 0, 0, time.UTC)))
	d := beian.NewDate(2026, 11, 23)
	assert.Equal(t, d, beian.DateOf(d.Time()))
	assert.Equal(t, time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC), d.Time())
}
