//go:build ignore

// Gen writes tables.go, the compact form of data/holidays.csv: a bit per
// day of the covered years (set for a working day), the running count of
// working days per 64-day word, and the listed days with their holidays.
//
//	go run gen.go            # rewrite tables.go
//	go run gen.go -check     # exit 1 when tables.go is not current
package main

import (
	"bytes"
	"fmt"
	"log"
	"math/bits"
	"os"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/rules/workday/internal/holidays"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")

	f, err := os.Open("data/holidays.csv")
	if err != nil {
		log.Fatal(err)
	}
	t, err := holidays.Parse(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	first, last := t.Years[0].Year, t.Years[len(t.Years)-1].Year
	start := time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(last+1, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(end.Sub(start).Hours() / 24)
	offset := func(d beian.Date) int {
		return int(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	}

	work := make([]uint64, (days+63)/64)
	for i := 0; i < days; i++ {
		if wd := start.AddDate(0, 0, i).Weekday(); wd != time.Saturday && wd != time.Sunday {
			work[i/64] |= 1 << (i % 64)
		}
	}
	for _, d := range t.Days {
		i := offset(d.Date)
		if d.Work {
			work[i/64] |= 1 << (i % 64)
		} else {
			work[i/64] &^= 1 << (i % 64)
		}
	}

	var b bytes.Buffer
	b.WriteString(gentool.Header("workday", "data/holidays.csv"))
	fmt.Fprintf(&b, "// Edition is the date of the newest source the built-in table follows\n// (data/holidays.csv).\nconst Edition = %q\n\n", t.Edition.String())
	fmt.Fprintf(&b, "// FirstYear and LastYear are the years the built-in table covers.\nconst (\n\tFirstYear = %d\n\tLastYear  = %d\n)\n\n", first, last)
	fmt.Fprintf(&b, "const (\n\teditionYear  = %d\n\teditionMonth = %d\n\teditionDay   = %d\n\ttableDays    = %d\n)\n\n",
		t.Edition.Year(), int(t.Edition.Month()), t.Edition.Day(), days)

	b.WriteString("// tableWork has a bit per day from January 1 of FirstYear, set for a\n// working day.\n")
	fmt.Fprintf(&b, "var tableWork = [%d]uint64{\n", len(work))
	for i, w := range work {
		fmt.Fprintf(&b, "\t%#016x, // from %s\n", w, start.AddDate(0, 0, 64*i).Format(time.DateOnly))
	}
	b.WriteString("}\n\n")

	b.WriteString("// tableCum[i] counts the working days in tableWork[:i].\n")
	fmt.Fprintf(&b, "var tableCum = [%d]uint32{", len(work)+1)
	n := 0
	for i := 0; i <= len(work); i++ {
		if i%10 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d,", n)
		if i < len(work) {
			n += bits.OnesCount64(work[i])
		}
	}
	b.WriteString("\n}\n\n")

	b.WriteString("// tableSpecial lists the days off on weekdays and the weekend working\n// days, in date order.\n")
	fmt.Fprintf(&b, "var tableSpecial = [%d]special{\n", len(t.Days))
	for _, d := range t.Days {
		fmt.Fprintf(&b, "\t{%d, %t, %q}, // %s %s\n", offset(d.Date), d.Work, d.Holiday, d.Date, d.Date.Weekday().String()[:3])
	}
	b.WriteString("}\n\n")

	b.WriteString("// tableNotices names the source of each covered year.\n")
	fmt.Fprintf(&b, "var tableNotices = [%d]Notice{\n", len(t.Years))
	for _, y := range t.Years {
		fmt.Fprintf(&b, "\t{Year: %d, Published: %q, URL: %q, Confidence: %q, Sources: %q},\n", y.Year, y.Published, y.URL, y.Confidence, y.Sources)
	}
	b.WriteString("}\n")

	out.Finish(b.Bytes(), "go generate ./rules/workday")
}
