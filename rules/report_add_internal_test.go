package rules

import (
	"context"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// TestReportAsAdd holds Report and ReportAt, which record their rejection
// without Add's second look-up of the code's source, to Add of the same
// rejection without a source: for every declared code (with and without
// a published rule) and an undeclared one, at every severity, with and
// without arguments, inside a rule and outside one. Made to fail by
// recording Report's rejection without its source.
func TestReportAsAdd(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东"}
	codes := []Code{"NO_SUCH_CODE"}
	for i := range descriptions {
		codes = append(codes, descriptions[i].Code)
	}
	for _, rule := range []*Rule{nil, TextFields} {
		for _, code := range codes {
			for _, args := range [][]Arg{nil, {Str("x", "1")}} {
				got := NewPass(context.Background(), f, f, cfg, beian.Date{})
				want := NewPass(context.Background(), f, f, cfg, beian.Date{})
				got.Rule, want.Rule = rule, rule
				got.Report("a.b", code, args...)
				want.Add(Rejection{Code: code, Severity: defaultSeverity(code), Field: "a.b", Args: want.keepArgs(args)})
				for _, sev := range []Severity{Notice, Warning, Error} {
					got.ReportAt("a.c", code, sev, args...)
					want.Add(Rejection{Code: code, Severity: sev, Field: "a.c", Args: want.keepArgs(args)})
				}
				if !reflect.DeepEqual(got.Rejections(), want.Rejections()) {
					t.Fatalf("%s %v: Report/ReportAt\n%+v\nAdd\n%+v", code, args, got.Rejections(), want.Rejections())
				}
			}
		}
	}
}
