package workday_test

import (
	"fmt"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/workday"
)

// A domain verified on the eve of National Day 2026 is entered by MIIT
// three working days later: the holiday runs to October 7 and Saturday
// October 10 is worked.
func ExampleAdd() {
	verified := beian.NewDate(2026, 9, 30)
	fmt.Println(workday.Add(verified, 3))
	// Output: 2026-10-10
}

func ExampleBetween() {
	verified := beian.NewDate(2026, 9, 30)
	for _, day := range []int{8, 13} {
		submitted := beian.NewDate(2026, 10, day)
		// Full working days after verification and before the day of
		// submission.
		fmt.Println(submitted, workday.Between(verified, submitted.AddDays(-1)))
	}
	// Output:
	// 2026-10-08 0
	// 2026-10-13 4
}

func ExampleCalendar_Kind() {
	c := workday.Default()
	for _, d := range []beian.Date{
		beian.NewDate(2026, 10, 5), beian.NewDate(2026, 10, 10),
		beian.NewDate(2026, 10, 11), beian.NewDate(2026, 10, 12),
	} {
		fmt.Println(d, d.Weekday(), c.Kind(d), c.HolidayName(d) != "")
	}
	// Output:
	// 2026-10-05 Monday holiday true
	// 2026-10-10 Saturday adjusted workday true
	// 2026-10-11 Sunday weekend false
	// 2026-10-12 Monday workday false
}

// Outside the table the calendar counts weekends only, and says so.
func ExampleCalendar_Covers() {
	c := workday.Default()
	d := beian.NewDate(2028, 10, 2) // a Monday; the 2028 notice is not in the table
	fmt.Println(c.Covers(d), c.IsWorkday(d))
	// Output: false true
}

// A caller follows a notice published after the release.
func ExampleLoad() {
	c, err := workday.Load(strings.NewReader(`edition,2027-11-01
year,2028,2027-11-01,,LOW,example
off,2028-10-02,国庆节
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := beian.NewDate(2028, 10, 2)
	fmt.Println(c.Covers(d), c.IsWorkday(d), c.HolidayName(d))
	// Output: true false 国庆节
}

func ExampleLoad_error() {
	_, err := workday.Load(strings.NewReader("edition,2026-11-06\nyear,2026,x,,HIGH,x\noff,2026-10-03,国庆节\n"))
	fmt.Println(err)
	// Output: workday: holiday table: line 3: 2026-10-03 is a Saturday, a day off anyway: list only weekdays as off
}
