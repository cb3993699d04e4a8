package beian

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// A Date is a calendar day in China (UTC+8), without a time of day. The
// zero Date means "not given"; on the wire it is the empty string, any other
// Date is written YYYY-MM-DD.
type Date struct {
	year  int32
	month uint8
	day   uint8
}

// NewDate returns the date year-month-day, normalised the way [time.Date]
// normalises (month 13 is January of the next year).
func NewDate(year int, month time.Month, day int) Date {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return Date{int32(t.Year()), uint8(t.Month()), uint8(t.Day())}
}

// DateOf returns the day t falls on in China (UTC+8).
func DateOf(t time.Time) Date {
	t = t.UTC().Add(chinaOffset)
	return Date{int32(t.Year()), uint8(t.Month()), uint8(t.Day())}
}

// ParseDate parses a day written year first, as forms and users write it:
// YYYY-MM-DD, YYYY/M/D, YYYY.M.D (month and day of one or two digits, the
// same separator twice), YYYY年M月D日 (日 optional) or YYYYMMDD; digits
// and separators may be full width (２０２６／１０／５, as a Chinese input
// method in full-width mode types them). A local time of day may follow
// after a space or "T" (H:MM, H:MM:SS, with a fraction of a second), as
// an HTML datetime-local input gives it: the day is the one written. An
// RFC 3339 timestamp, whose offset is given, is taken on its day in China
// (a lower-case t or z, or a space for the T, as RFC 3339 allows).
// Spaces around the text are ignored. Day-first and month-first layouts
// (05/10/2026) are refused: they are ambiguous.
//
// The empty string gives the zero Date, and so do [LongTerm] and 长期有效:
// the validity printed on ID cards issued after 46 and on licences
// without an end, which forms and platform APIs (WeChat's filing API
// among them) pass as the literal; a certificate valid without end has no
// last day to check.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	if t == "" || t == LongTerm || t == "长期有效" {
		return Date{}, nil
	}
	if d, ok := parseYearFirst(t); ok {
		return d, nil
	}
	if u, ok := rfc3339AsGo(t); ok {
		if t, err := time.Parse(time.RFC3339, u); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, &DateError{Value: s}
}

// rfc3339AsGo returns s, an RFC 3339 timestamp, written as Go's
// time.RFC3339 layout reads it, and false when s breaks a rule of RFC
// 3339 that Go does not check. What RFC 3339 allows and Go does not
// read: a lower-case "t" or a space between the day and the time (§5.6
// and its note: 2026-11-04 16:30:00Z, as databases print it), a
// lower-case "z", and a leap second, :60 (§5.7: read as :59, on the same
// day). What Go reads and RFC 3339 refuses: an offset's hour past 23 or
// minute past 59 (+24:00, +14:60).
func rfc3339AsGo(s string) (string, bool) {
	if len(s) <= 10 {
		return s, true
	}
	b := []byte(s)
	if b[10] == 't' || b[10] == ' ' {
		b[10] = 'T'
	}
	n := len(b)
	switch c := b[n-1]; {
	case c == 'z':
		b[n-1] = 'Z'
	case n >= 6 && (b[n-6] == '+' || b[n-6] == '-') && b[n-3] == ':':
		hh, mm := string(b[n-5:n-3]), string(b[n-2:])
		if hh > "23" || mm > "59" {
			return "", false
		}
	}
	// The seconds: the two digits after the time's second colon.
	if i := strings.IndexByte(s[10:], ':'); i >= 0 {
		if j := strings.IndexByte(s[10+i+1:], ':'); j >= 0 {
			k := 10 + i + 1 + j + 1
			if k+2 <= n && b[k] == '6' && b[k+1] == '0' {
				b[k] = '5'
				b[k+1] = '9'
			}
		}
	}
	return string(b), true
}

// parseYearFirst reads the layouts of [ParseDate] other than RFC 3339: a
// year-first day and an optional local time, in one pass over s.
func parseYearFirst(s string) (Date, bool) {
	r := dateReader{s: s}
	y, ok := r.digits(4, 4)
	if !ok {
		return Date{}, false
	}
	var m, d int
	switch sep := r.sep(); sep {
	case 0: // YYYYMMDD
		if m, ok = r.digits(2, 2); !ok {
			return Date{}, false
		}
		if d, ok = r.digits(2, 2); !ok {
			return Date{}, false
		}
	case '-', '/', '.', '年':
		if m, ok = r.digits(1, 2); !ok {
			return Date{}, false
		}
		want := sep
		if sep == '年' {
			want = '月'
		}
		if r.sep() != want {
			return Date{}, false
		}
		if d, ok = r.digits(1, 2); !ok {
			return Date{}, false
		}
		if sep == '年' && strings.HasPrefix(r.s[r.i:], "日") {
			r.i += len("日")
		}
	default:
		return Date{}, false
	}
	if r.i < len(r.s) && !r.clock() {
		return Date{}, false
	}
	if m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	day := NewDate(y, time.Month(m), d)
	if int(day.Month()) != m {
		return Date{}, false // February 30 and the like
	}
	return day, true
}

// A dateReader reads the parts of a day from s, from byte i on.
type dateReader struct {
	s string
	i int
}

// digit reads one digit, ASCII or full width.
func (r *dateReader) digit() (int, bool) {
	if r.i < len(r.s) && '0' <= r.s[r.i] && r.s[r.i] <= '9' {
		r.i++
		return int(r.s[r.i-1] - '0'), true
	}
	// ０ to ９ are U+FF10 to U+FF19: EF BC 90 to EF BC 99.
	if r.i+3 <= len(r.s) && r.s[r.i] == 0xEF && r.s[r.i+1] == 0xBC && 0x90 <= r.s[r.i+2] && r.s[r.i+2] <= 0x99 {
		r.i += 3
		return int(r.s[r.i-1] - 0x90), true
	}
	return 0, false
}

// digits reads from min to max digits and returns their number.
func (r *dateReader) digits(min, max int) (int, bool) {
	n, k := 0, 0
	for k < max {
		v, ok := r.digit()
		if !ok {
			break
		}
		n, k = n*10+v, k+1
	}
	return n, k >= min
}

// sep reads a separator and returns it with full-width forms folded
// (－ as -, ／ as /, ．as ., ： as :), 0 when a digit comes next, and
// utf8.RuneError for anything else, which is consumed.
func (r *dateReader) sep() rune {
	if r.i >= len(r.s) {
		return utf8.RuneError
	}
	if save := r.i; true {
		if _, ok := r.digit(); ok {
			r.i = save
			return 0
		}
	}
	c, size := utf8.DecodeRuneInString(r.s[r.i:])
	r.i += size
	switch c {
	case '－', '／', '．', '：':
		return c - 0xFEE0
	}
	return c
}

// clock reads a local time of day through the end of s: a space, an
// ideographic space or "T", then H:MM, H:MM:SS or H:MM:SS.fraction.
func (r *dateReader) clock() bool {
	switch c := r.sep(); c {
	case ' ', '\u3000', 'T':
	default:
		return false
	}
	h, ok := r.digits(1, 2)
	if !ok || h > 23 || r.sep() != ':' {
		return false
	}
	if m, ok := r.digits(2, 2); !ok || m > 59 {
		return false
	}
	if r.i == len(r.s) {
		return true
	}
	if r.sep() != ':' {
		return false
	}
	if sec, ok := r.digits(2, 2); !ok || sec > 59 {
		return false
	}
	if r.i == len(r.s) {
		return true
	}
	if r.sep() != '.' {
		return false
	}
	if _, ok := r.digits(1, len(r.s)); !ok {
		return false
	}
	return r.i == len(r.s)
}

// LongTerm is how a certificate without an end of validity says so
// (长期); [ParseDate] reads it as the zero Date.
const LongTerm = "长期"

// A DateError reports a date in none of the layouts [ParseDate] reads.
type DateError struct {
	Value string // the text given
}

// Error describes the date and the layouts read.
func (e *DateError) Error() string {
	return fmt.Sprintf("beian: invalid date %q (%s)", e.Value, dateLayouts)
}

// dateLayouts says what [ParseDate] reads, for error messages: a day of the
// calendar, year first.
const dateLayouts = "want a day of the calendar, year first: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD or an RFC 3339 time"

// IsZero reports whether d is the zero Date, "not given".
func (d Date) IsZero() bool { return d == Date{} }

// Year returns the year of d.
func (d Date) Year() int { return int(d.year) }

// Month returns the month of d.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d.day) }

// Time returns the instant d starts in China (midnight UTC+8), expressed
// in UTC.
func (d Date) Time() time.Time {
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, time.UTC).Add(-chinaOffset)
}

// AddDays returns d plus n days (n may be negative).
func (d Date) AddDays(n int) Date {
	return NewDate(int(d.year), time.Month(d.month), int(d.day)+n)
}

// AddMonths returns d plus n months, normalised like [time.Time.AddDate]
// (one month after January 31 is March 3, or 2 in a leap year).
func (d Date) AddMonths(n int) Date {
	return NewDate(int(d.year), time.Month(int(d.month)+n), int(d.day))
}

// AddMonthsClamped returns d plus n months as Chinese law counts a period
// of months (民法典 第二百零二条): the same day of the month n months on,
// or that month's last day when it has no such day. November 30 plus three
// months is February 28 (29 in a leap year), where [Date.AddMonths]
// overflows into March 2. The zero Date is returned as AddMonths returns
// it.
func (d Date) AddMonthsClamped(n int) Date {
	if d.IsZero() {
		return d.AddMonths(n)
	}
	first := NewDate(int(d.year), time.Month(int(d.month)+n), 1)
	last := NewDate(first.Year(), first.Month()+1, 0).Day()
	return NewDate(first.Year(), first.Month(), min(int(d.day), last))
}

// DaysSince returns the number of days from e to d: positive when d is
// later than e.
func (d Date) DaysSince(e Date) int {
	return int(d.unixDays() - e.unixDays())
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday((d.unixDays()%7 + 7 + 4) % 7)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.year != e.year:
		return cmpInt(int(d.year), int(e.year))
	case d.month != e.month:
		return cmpInt(int(d.month), int(e.month))
	default:
		return cmpInt(int(d.day), int(e.day))
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// MarshalText writes d as YYYY-MM-DD, the zero Date as empty text.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses what [ParseDate] accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// unixDays returns the number of days since 1970-01-01 (civil-from-days,
// after Howard Hinnant's algorithm), so that date arithmetic needs no
// time.Time.
func (d Date) unixDays() int64 {
	y := int64(d.year)
	m := int64(d.month)
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// chinaOffset is China Standard Time's offset from UTC. China has kept
// UTC+8 without daylight saving since 1991, so no tz database is needed.
const chinaOffset = 8 * time.Hour
