package validatetest

import (
	"fmt"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// TestingT is what the assertions need of a test: *testing.T and
// *testing.B satisfy it, and so does anything testify's require accepts
// that also has Helper.
type TestingT interface {
	Errorf(format string, args ...any)
	FailNow()
	Helper()
}

// RequireOK stops the test unless the report allows submission (no
// rejection of severity error); the failure lists the report.
func RequireOK(t TestingT, rep *validate.Report, msgAndArgs ...any) {
	t.Helper()
	if !AssertOK(t, rep, msgAndArgs...) {
		t.FailNow()
	}
}

// AssertOK is [RequireOK] that lets the test go on; it reports whether the
// report was OK.
func AssertOK(t TestingT, rep *validate.Report, msgAndArgs ...any) bool {
	t.Helper()
	if rep == nil {
		t.Errorf("validatetest: nil report%s", extra(msgAndArgs))
		return false
	}
	if rep.OK() {
		return true
	}
	t.Errorf("validatetest: want an OK report, got errors:\n%s%s", listing(rep), extra(msgAndArgs))
	return false
}

// RequireClean stops the test unless the report has no rejection at all,
// of any severity.
func RequireClean(t TestingT, rep *validate.Report, msgAndArgs ...any) {
	t.Helper()
	if rep == nil || len(rep.Rejections) > 0 {
		t.Errorf("validatetest: want no rejection, got:\n%s%s", listing(rep), extra(msgAndArgs))
		t.FailNow()
	}
}

// RequireRejected stops the test unless the report holds a rejection
// with code on field (a JSON field path, "subject.principal.mobile"; an
// empty field matches any). It returns the rejection for further checks.
func RequireRejected(t TestingT, rep *validate.Report, code rules.Code, field beian.Path, msgAndArgs ...any) rules.Rejection {
	t.Helper()
	r, ok := findRejection(rep, code, field)
	if !ok {
		t.Errorf("validatetest: want %s on %s, got:\n%s%s", code, fieldName(field), listing(rep), extra(msgAndArgs))
		t.FailNow()
	}
	return r
}

// AssertRejected is [RequireRejected] that lets the test go on; it
// reports whether the rejection was there.
func AssertRejected(t TestingT, rep *validate.Report, code rules.Code, field beian.Path, msgAndArgs ...any) bool {
	t.Helper()
	if _, ok := findRejection(rep, code, field); !ok {
		t.Errorf("validatetest: want %s on %s, got:\n%s%s", code, fieldName(field), listing(rep), extra(msgAndArgs))
		return false
	}
	return true
}

// RequireNotRejected stops the test when the report holds a rejection
// with code on field (an empty field matches any).
func RequireNotRejected(t TestingT, rep *validate.Report, code rules.Code, field beian.Path, msgAndArgs ...any) {
	t.Helper()
	if _, ok := findRejection(rep, code, field); ok {
		t.Errorf("validatetest: want no %s on %s, got:\n%s%s", code, fieldName(field), listing(rep), extra(msgAndArgs))
		t.FailNow()
	}
}

func findRejection(rep *validate.Report, code rules.Code, field beian.Path) (rules.Rejection, bool) {
	if rep == nil {
		return rules.Rejection{}, false
	}
	for _, r := range rep.Rejections {
		if r.Code == code && (field == "" || r.Field == field) {
			return r, true
		}
	}
	return rules.Rejection{}, false
}

func fieldName(p beian.Path) string {
	if p == "" {
		return "any field"
	}
	return string(p)
}

// listing writes the rejections as "severity field CODE" lines.
func listing(rep *validate.Report) string {
	if rep == nil {
		return "\t(nil report)\n"
	}
	if len(rep.Rejections) == 0 {
		return "\t(no rejection)\n"
	}
	var b strings.Builder
	for _, r := range rep.Rejections {
		field := string(r.Field)
		if field == "" {
			field = "-"
		}
		fmt.Fprintf(&b, "\t%s %s %s\n", r.Severity, field, r.Code)
	}
	return b.String()
}

// extra formats testify-style msgAndArgs: a message, or a format and its
// arguments.
func extra(msgAndArgs []any) string {
	switch len(msgAndArgs) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("\n%v", msgAndArgs[0])
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return "\n" + fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	return "\n" + fmt.Sprint(msgAndArgs...)
}
