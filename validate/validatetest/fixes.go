package validatetest

import (
	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// RequireSpan stops the test unless r locates its problem at want in
// value, the rejected field's value as sent: value[r.Span.Start:r.Span.End]
// is want.
func RequireSpan(t TestingT, r rules.Rejection, value, want string, msgAndArgs ...any) {
	t.Helper()
	s := r.Span
	switch {
	case s.IsZero():
		t.Errorf("validatetest: %s on %s has no span, want %q%s", r.Code, fieldName(r.Field), want, extra(msgAndArgs))
	case s.Start < 0 || s.End > len(value) || s.Start > s.End:
		t.Errorf("validatetest: %s on %s spans [%d, %d) outside the value %q%s", r.Code, fieldName(r.Field), s.Start, s.End, value, extra(msgAndArgs))
	case value[s.Start:s.End] != want:
		t.Errorf("validatetest: %s on %s spans %q, want %q%s", r.Code, fieldName(r.Field), value[s.Start:s.End], want, extra(msgAndArgs))
	default:
		return
	}
	t.FailNow()
}

// ApplyFixes returns a copy of f with the first fix of each rejection of
// rep applied (one fix per field: the first rejection's), as a console
// applies the corrections a user accepts. f is not modified. It stops the
// test when a fix names no text field of f.
func ApplyFixes(t TestingT, f *beian.Filing, rep *validate.Report) *beian.Filing {
	t.Helper()
	out := f
	done := map[beian.Path]bool{}
	for _, r := range rep.Rejections {
		if len(r.Fixes) == 0 || done[r.Fixes[0].Field] {
			continue
		}
		fixed, err := rules.ApplyFix(out, r.Fixes[0])
		if err != nil {
			t.Errorf("validatetest: %v", err)
			t.FailNow()
			return f
		}
		out = fixed
		done[r.Fixes[0].Field] = true
	}
	if out == f {
		return f.Clone()
	}
	return out
}
