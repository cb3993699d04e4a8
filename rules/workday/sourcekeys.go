package workday

import (
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/sources"
)

// SourceKeys returns the source keys of the year (package rules/sources,
// SOURCES.md): the State Council notice's first where its page is known
// ("state-council-holidays-2026"), then the datasets the year was
// cross-checked against; for 2027 only "lunar-go". Words of Sources that
// are not of the form of a key (a loaded calendar's own notes) are left
// out.
func (n Notice) SourceKeys() []string {
	var keys []string
	for _, w := range strings.Fields(n.Sources) {
		if sources.ValidKey(w) {
			keys = append(keys, w)
		}
	}
	return keys
}

// SourceKeys returns the source keys behind the calendar's verdict on d:
// those of the notice of d's year ([Notice.SourceKeys]); nil outside the
// calendar's years, where only weekends count.
func (c *Calendar) SourceKeys(d beian.Date) []string {
	for _, n := range c.notices {
		if n.Year == d.Year() {
			return n.SourceKeys()
		}
	}
	return nil
}
