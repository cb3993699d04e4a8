package workday

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/sources"
)

// TestCalendarSourcesDefined: every year of data/holidays.csv cites
// source keys, each defined in rules/sources; a year whose notice has a
// known page cites that notice first, with the same address.
func TestCalendarSourcesDefined(t *testing.T) {
	for _, n := range Default().Notices() {
		keys := n.SourceKeys()
		if !assert.NotEmpty(t, keys, "%d", n.Year) {
			continue
		}
		for _, k := range keys {
			_, ok := sources.Lookup(k)
			assert.True(t, ok, "%d cites %q, which rules/sources does not define", n.Year, k)
		}
		if n.URL != "" {
			s, ok := sources.Lookup(keys[0])
			if assert.True(t, ok) {
				assert.Equal(t, n.URL, s.URL, "%d: the notice's key comes first", n.Year)
			}
		}
	}
}

func TestCalendarSourceKeys(t *testing.T) {
	c := Default()
	d := func(y int, m time.Month, day int) beian.Date { return beian.NewDate(y, m, day) }
	assert.Equal(t, "state-council-holidays-2026", c.SourceKeys(d(2026, 10, 1))[0])
	assert.Equal(t, []string{"lunar-go"}, c.SourceKeys(d(2027, 2, 8)))
	assert.Nil(t, c.SourceKeys(d(2030, 1, 1)), "outside the calendar")
	assert.Equal(t, []string{"a-key"}, Notice{Sources: "a-key Some Note"}.SourceKeys())
}
