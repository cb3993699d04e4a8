package validate

import "github.com/icpcheck/beian/rules/workday"

// WithCalendar sets the working-day calendar the wait after a domain's
// real-name verification is counted in; the default is
// [workday.Default]. Load a newer State Council notice with
// [workday.Load] to count its holidays before a new release of this
// library ships them.
func WithCalendar(c *workday.Calendar) Option {
	return func(v *Validator) { v.cfg.Calendar = c }
}
