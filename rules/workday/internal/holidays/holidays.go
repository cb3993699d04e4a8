// Package holidays reads the holiday-table format of
// rules/workday/data/holidays.csv, for the package's generator and for
// [workday.Load] alike, so that both read the same format the same way.
package holidays

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/icpcheck/beian"
)

// MaxSize is the largest input Parse reads, in bytes.
const MaxSize = 1 << 20

// A Table is a parsed holiday file.
type Table struct {
	Edition beian.Date // date of the newest source
	Years   []Year     // contiguous, in order
	Days    []Day      // in date order, no date twice
}

// A Year is one covered year and the notice it follows.
type Year struct {
	Year       int
	Published  string // when the notice was published, as written
	URL        string // where, empty when not known
	Confidence string // HIGH, MED or LOW
	Sources    string // the datasets cross-checked
}

// A Day is a day that departs from the Monday-to-Friday week.
type Day struct {
	Date    beian.Date
	Work    bool   // a weekend working day; false: a weekday day off
	Holiday string // the holiday it belongs to
}

// An Error reports a line of the file that cannot be used.
type Error struct {
	Line int    // 1-based line number, 0 for the file as a whole
	Msg  string // what is wrong
}

// Error returns the line and the reason.
func (e *Error) Error() string {
	if e.Line == 0 {
		return "workday: holiday table: " + e.Msg
	}
	return fmt.Sprintf("workday: holiday table: line %d: %s", e.Line, e.Msg)
}

// minYear and maxYear bound the years a table may cover.
const minYear, maxYear = 1949, 9999

// Parse reads a holiday table from r (at most MaxSize bytes).
func Parse(r io.Reader) (*Table, error) {
	lr := &io.LimitedReader{R: r, N: MaxSize + 1}
	cr := csv.NewReader(lr)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &Table{}
	seen := map[beian.Date]bool{}
	for {
		rec, err := cr.Read()
		if lr.N <= 0 {
			return nil, &Error{Msg: fmt.Sprintf("larger than %d bytes", MaxSize)}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Error{Line: pe.Line, Msg: pe.Err.Error()}
			}
			return nil, &Error{Msg: err.Error()}
		}
		line, _ := cr.FieldPos(0)
		bad := func(format string, args ...any) error {
			return &Error{Line: line, Msg: fmt.Sprintf(format, args...)}
		}
		switch rec[0] {
		case "edition":
			if len(rec) != 2 {
				return nil, bad("edition wants 2 fields, has %d", len(rec))
			}
			if !t.Edition.IsZero() {
				return nil, bad("second edition line")
			}
			d, err := parseDate(rec[1])
			if err != nil {
				return nil, bad("edition: %v", err)
			}
			t.Edition = d
		case "year":
			if len(rec) != 6 {
				return nil, bad("year wants 6 fields, has %d", len(rec))
			}
			y, err := strconv.Atoi(rec[1])
			if err != nil || y < minYear || y > maxYear || len(rec[1]) != 4 {
				return nil, bad("year %q is not a year from %d to %d", rec[1], minYear, maxYear)
			}
			if n := len(t.Years); n > 0 && y != t.Years[n-1].Year+1 {
				return nil, bad("year %d does not follow %d: years must be contiguous and in order", y, t.Years[n-1].Year)
			}
			switch rec[4] {
			case "HIGH", "MED", "LOW":
			default:
				return nil, bad("confidence %q is not HIGH, MED or LOW", rec[4])
			}
			t.Years = append(t.Years, Year{Year: y, Published: rec[2], URL: rec[3], Confidence: rec[4], Sources: rec[5]})
		case "off", "work":
			if len(rec) != 3 {
				return nil, bad("%s wants 3 fields, has %d", rec[0], len(rec))
			}
			d, err := parseDate(rec[1])
			if err != nil {
				return nil, bad("%v", err)
			}
			if rec[2] == "" {
				return nil, bad("%s has no holiday name", rec[1])
			}
			work := rec[0] == "work"
			weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
			if work && !weekend {
				return nil, bad("%s is a %s: only a Saturday or Sunday can be a listed working day", rec[1], d.Weekday())
			}
			if !work && weekend {
				return nil, bad("%s is a %s, a day off anyway: list only weekdays as off", rec[1], d.Weekday())
			}
			if seen[d] {
				return nil, bad("%s is listed twice", rec[1])
			}
			seen[d] = true
			t.Days = append(t.Days, Day{Date: d, Work: work, Holiday: strings.Clone(rec[2])})
		default:
			return nil, bad("unknown record kind %q (want edition, year, off or work)", rec[0])
		}
	}
	if t.Edition.IsZero() {
		return nil, &Error{Msg: "no edition line"}
	}
	if len(t.Years) == 0 {
		return nil, &Error{Msg: "no year line"}
	}
	first, last := t.Years[0].Year, t.Years[len(t.Years)-1].Year
	for _, d := range t.Days {
		if d.Date.Year() < first || d.Date.Year() > last {
			return nil, &Error{Msg: fmt.Sprintf("%s lies outside the years listed (%d-%d)", d.Date, first, last)}
		}
	}
	slices.SortFunc(t.Days, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return t, nil
}

// parseDate parses exactly YYYY-MM-DD.
func parseDate(s string) (beian.Date, error) {
	if len(s) != len(time.DateOnly) {
		return beian.Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return beian.Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return beian.NewDate(t.Year(), t.Month(), t.Day()), nil
}
