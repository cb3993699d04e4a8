// Package workday is the mainland working-day calendar: Monday to Friday,
// except the days off and the adjusted working days (调休补班) of the State
// Council's yearly holiday notices, for the years [FirstYear] to
// [LastYear]. Filing providers count waits in these working days: MIIT
// enters a domain's real-name verification three working days after it
// passes, so a filing submitted sooner is rejected (域名未入库).
//
// Outside the years of the table the calendar knows no holidays and falls
// back to weekends only; [Calendar.Covers] tells a caller when that
// happens, so a message can say the count is approximate. The built-in
// table ([Default]) is generated from data/holidays.csv, which names each
// year's notice and the datasets cross-checked; a caller can load a newer
// table in the same format with [Load] without a new release.
//
// Intervals are half-open the way a wait is counted: [Between](from, to)
// counts the working days after from up to and including to, and
// [Add](d, n) is the n-th working day after d, so Between(d, Add(d, n)) is
// n.
//
// A Calendar is immutable and safe for concurrent use.
package workday

//go:generate go run gen.go

import (
	"errors"
	"io"
	"math/bits"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/workday/internal/holidays"
)

// A Calendar tells working days from days off. The zero Calendar has no
// table: every Monday to Friday is a working day.
type Calendar struct {
	edition   beian.Date
	firstYear int
	start     int64    // day number of January 1 of firstYear
	days      int64    // number of days in the table
	work      []uint64 // bit i: day start+i is a working day
	cum       []uint32 // working days in the words before word i; len(work)+1
	special   []special
	notices   []Notice
}

// special is a day that departs from the Monday-to-Friday week.
type special struct {
	offset  int32 // days after the table's start
	work    bool  // a weekend working day; else a weekday day off
	holiday string
}

// A Notice is the source of one year of the table: the State Council
// notice it follows.
type Notice struct {
	// Year is the calendar year the notice fixes.
	Year int
	// Published is when the notice was published, as the data gives it
	// (a date, a month, or "by" a date when only a bound is known).
	Published string
	// URL is where the notice was published, empty when not known.
	URL string
	// Confidence is HIGH when independent datasets agree, MED when one
	// source has it, LOW otherwise.
	Confidence string
	// Sources lists, separated by spaces, the source keys of the year
	// (package rules/sources, SOURCES.md): the notice's first where its
	// page is known, then the datasets the year was cross-checked against
	// (see [Notice.SourceKeys]).
	Sources string
}

// A Kind says what sort of day a date is.
type Kind uint8

// The kinds of day.
const (
	// Workday is an ordinary Monday to Friday.
	Workday Kind = iota + 1
	// Weekend is an ordinary Saturday or Sunday.
	Weekend
	// Holiday is a Monday to Friday the notice makes a day off.
	Holiday
	// AdjustedWorkday is a Saturday or Sunday the notice makes a working
	// day (调休补班).
	AdjustedWorkday
)

// String names the kind in lower case ("adjusted workday").
func (k Kind) String() string {
	switch k {
	case Workday:
		return "workday"
	case Weekend:
		return "weekend"
	case Holiday:
		return "holiday"
	case AdjustedWorkday:
		return "adjusted workday"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// IsWorking reports whether a day of kind k is a working day.
func (k Kind) IsWorking() bool { return k == Workday || k == AdjustedWorkday }

var builtin = sync.OnceValue(func() *Calendar {
	return &Calendar{
		edition:   beian.NewDate(editionYear, editionMonth, editionDay),
		firstYear: FirstYear,
		start:     daysFromCivil(FirstYear, 1, 1),
		days:      tableDays,
		work:      tableWork[:],
		cum:       tableCum[:],
		special:   tableSpecial[:],
		notices:   tableNotices[:],
	}
})

// Default returns the built-in calendar, years [FirstYear] to [LastYear]
// as of [Edition].
func Default() *Calendar { return builtin() }

// Load reads a calendar from r in the format of the package's
// data/holidays.csv (at most 1 MiB): an edition line, one line per
// covered year with its notice, and one line per weekday day off or
// weekend working day. Years must be contiguous. Use it to follow a notice
// published after this release.
func Load(r io.Reader) (*Calendar, error) {
	t, err := holidays.Parse(r)
	if err != nil {
		var he *holidays.Error
		if errors.As(err, &he) {
			return nil, &LoadError{Line: he.Line, Msg: he.Msg}
		}
		return nil, &LoadError{Msg: err.Error()}
	}
	first := t.Years[0].Year
	last := t.Years[len(t.Years)-1].Year
	c := &Calendar{
		edition:   t.Edition,
		firstYear: first,
		start:     daysFromCivil(first, 1, 1),
	}
	c.days = daysFromCivil(last+1, 1, 1) - c.start
	c.work = make([]uint64, (c.days+63)/64)
	for i := int64(0); i < c.days; i++ {
		if wd := weekday(c.start + i); wd != time.Saturday && wd != time.Sunday {
			c.work[i/64] |= 1 << (i % 64)
		}
	}
	c.special = make([]special, len(t.Days))
	for i, d := range t.Days {
		off := dayNumber(d.Date) - c.start
		c.special[i] = special{offset: int32(off), work: d.Work, holiday: d.Holiday}
		if d.Work {
			c.work[off/64] |= 1 << (off % 64)
		} else {
			c.work[off/64] &^= 1 << (off % 64)
		}
	}
	c.cum = make([]uint32, len(c.work)+1)
	for i, w := range c.work {
		c.cum[i+1] = c.cum[i] + uint32(bits.OnesCount64(w))
	}
	c.notices = make([]Notice, len(t.Years))
	for i, y := range t.Years {
		c.notices[i] = Notice{Year: y.Year, Published: y.Published, URL: y.URL, Confidence: y.Confidence, Sources: y.Sources}
	}
	return c, nil
}

// Edition returns the date of the newest source the calendar's table
// follows, the zero Date for the zero Calendar.
func (c *Calendar) Edition() beian.Date { return c.edition }

// Span returns the first and last day the table covers; both are zero for
// the zero Calendar.
func (c *Calendar) Span() (first, last beian.Date) {
	if c.days == 0 {
		return beian.Date{}, beian.Date{}
	}
	return dateOf(c.start), dateOf(c.start + c.days - 1)
}

// Covers reports whether d is inside the table. Outside it the calendar
// counts weekends only. The table is contiguous, so a range is covered
// when both its ends are.
func (c *Calendar) Covers(d beian.Date) bool {
	n := dayNumber(d) - c.start
	return n >= 0 && n < c.days
}

// Notices returns the source of each covered year, in order. The slice is
// new on each call.
func (c *Calendar) Notices() []Notice {
	return append([]Notice(nil), c.notices...)
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d beian.Date) bool { return c.isWork(dayNumber(d)) }

func (c *Calendar) isWork(n int64) bool {
	if i := n - c.start; i >= 0 && i < c.days {
		return c.work[i/64]&(1<<(i%64)) != 0
	}
	wd := weekday(n)
	return wd != time.Saturday && wd != time.Sunday
}

// Kind says what sort of day d is; outside the table it is [Workday] or
// [Weekend].
func (c *Calendar) Kind(d beian.Date) Kind {
	if s, ok := c.lookup(d); ok {
		if s.work {
			return AdjustedWorkday
		}
		return Holiday
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return Weekend
	}
	return Workday
}

// HolidayName returns the holiday a [Holiday] or an [AdjustedWorkday]
// belongs to (国庆节), or "" for any other day. Saturdays and Sundays inside
// a holiday are [Weekend] days and have no name here.
func (c *Calendar) HolidayName(d beian.Date) string {
	s, _ := c.lookup(d)
	return s.holiday
}

func (c *Calendar) lookup(d beian.Date) (special, bool) {
	off := dayNumber(d) - c.start
	if off < 0 || off >= c.days {
		return special{}, false
	}
	i := sort.Search(len(c.special), func(i int) bool { return int64(c.special[i].offset) >= off })
	if i < len(c.special) && int64(c.special[i].offset) == off {
		return c.special[i], true
	}
	return special{}, false
}

// Between returns the number of working days after from up to and
// including to; it is negative when to is before from (minus the working
// days after to up to and including from).
func (c *Calendar) Between(from, to beian.Date) int {
	a, b := dayNumber(from), dayNumber(to)
	return int(c.prefix(b+1) - c.prefix(a+1))
}

// MaxAdd bounds the n of [Calendar.Add]: a larger n is taken as MaxAdd
// (about 38,000 years of working days), a smaller one as -MaxAdd.
const MaxAdd = 10_000_000

// Add returns the n-th working day after d, or for a negative n the
// -n-th working day before it; d itself when n is 0.
func (c *Calendar) Add(d beian.Date, n int) beian.Date {
	n = max(-MaxAdd, min(n, MaxAdd))
	dn := dayNumber(d)
	if n >= -64 && n <= 64 {
		// Short waits, the common case: step day by day.
		step := int64(1)
		if n < 0 {
			step, n = -1, -n
		}
		for n > 0 {
			dn += step
			if c.isWork(dn) {
				n--
			}
		}
		return dateOf(dn)
	}
	switch {
	case n > 0:
		// Smallest x > dn with prefix(x+1) - prefix(dn+1) >= n. Every
		// 64-day window holds well over 32 working days, so 2n+64 days
		// suffice.
		base := c.prefix(dn + 1)
		lo, hi := dn+1, dn+2*int64(n)+64
		for lo < hi {
			mid := lo + (hi-lo)/2
			if c.prefix(mid+1)-base >= int64(n) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		return dateOf(lo)
	case n < 0:
		// Largest x < dn with prefix(dn) - prefix(x) >= -n.
		m := -int64(n)
		top := c.prefix(dn)
		lo, hi := dn-2*m-64, dn-1
		for lo < hi {
			mid := hi - (hi-lo)/2
			if top-c.prefix(mid) >= m {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return dateOf(lo)
	}
	return d
}

// prefix returns the number of working days before day number k, counted
// from an arbitrary origin: only differences are meaningful. It is
// non-decreasing in k.
func (c *Calendar) prefix(k int64) int64 {
	if c.days == 0 {
		return weekdaysBefore(k)
	}
	end := c.start + c.days
	switch {
	case k <= c.start:
		return weekdaysBefore(k)
	case k <= end:
		i := k - c.start
		w := int64(c.cum[i/64])
		if r := i % 64; r != 0 {
			w += int64(bits.OnesCount64(c.work[i/64] & (1<<r - 1)))
		}
		return weekdaysBefore(c.start) + w
	default:
		return weekdaysBefore(c.start) + int64(c.cum[len(c.cum)-1]) + weekdaysBefore(k) - weekdaysBefore(end)
	}
}

// IsWorkday reports whether d is a working day in the [Default] calendar.
func IsWorkday(d beian.Date) bool { return Default().IsWorkday(d) }

// Covers reports whether the [Default] calendar's table covers d.
func Covers(d beian.Date) bool { return Default().Covers(d) }

// Between is [Calendar.Between] in the [Default] calendar.
func Between(from, to beian.Date) int { return Default().Between(from, to) }

// Add is [Calendar.Add] in the [Default] calendar.
func Add(d beian.Date, n int) beian.Date { return Default().Add(d, n) }

// monday is the day number of 1970-01-05, a Monday.
const monday = 4

// weekdaysBefore returns the number of Mondays to Fridays before day
// number k, counted from 1970-01-05 (negative before it).
func weekdaysBefore(k int64) int64 {
	q, r := floorDiv(k-monday, 7)
	return 5*q + min(r, 5)
}

func weekday(k int64) time.Weekday {
	_, r := floorDiv(k+4, 7) // 1970-01-01 was a Thursday
	return time.Weekday(r)
}

func floorDiv(a, b int64) (q, r int64) {
	q, r = a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return q, r
}

// dayNumber returns the days from 1970-01-01 to d.
func dayNumber(d beian.Date) int64 {
	return daysFromCivil(d.Year(), d.Month(), d.Day())
}

// daysFromCivil is Howard Hinnant's days_from_civil.
func daysFromCivil(year int, month time.Month, day int) int64 {
	y, m := int64(year), int64(month)
	if m <= 2 {
		y--
	}
	era, _ := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOf is Hinnant's civil_from_days.
func dateOf(k int64) beian.Date {
	k += 719468
	era, _ := floorDiv(k, 146097)
	doe := k - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return beian.NewDate(int(y), time.Month(m), int(d))
}

// A LoadError reports why [Load] cannot use its input.
type LoadError struct {
	// Line is the 1-based line of the input at fault, 0 for the input as a
	// whole.
	Line int
	// Msg says what is wrong.
	Msg string
}

// Error returns the line and the reason.
func (e *LoadError) Error() string {
	if e.Line == 0 {
		return "workday: holiday table: " + e.Msg
	}
	return "workday: holiday table: line " + strconv.Itoa(e.Line) + ": " + e.Msg
}
