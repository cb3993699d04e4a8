package rules

import (
	"context"
	"reflect"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// TestDefaultsMemoAsLookup holds the pass's memo of the last code's
// defaults (Pass.defaults) to defaultsOf: on one pass, every declared code
// and an undeclared one after every other, and again, through defaults
// and through the rejections Reject, Add, Report, ReportAt and ReportFact
// record, compared with those of a new pass for each and with the code's
// default source at the rejection's severity. Made to fail by a memo that
// ignores the code, and by Add's source taken without its severity.
func TestDefaultsMemoAsLookup(t *testing.T) {
	cfg := &Config{Policies: provinces.DefaultPolicies()}
	f := &beian.Filing{Province: "广东"}
	codes := []Code{"NO_SUCH_CODE"}
	for i := range descriptions {
		codes = append(codes, descriptions[i].Code)
	}
	record := func(p *Pass, code Code) {
		p.Add(p.Reject("a.b", code))
		r := p.Reject("a.c", code)
		r.Severity = Notice // a severity lowered after Reject: the source is not certain
		p.Add(r)
		p.Report("a.d", code)
		p.ReportAt("a.e", code, Warning)
		p.ReportFact("a.f", code, Source{Key: "k", Certain: false})
	}
	p := NewPass(context.Background(), f, f, cfg, beian.Date{})
	for _, a := range codes {
		for _, b := range codes {
			for _, code := range []Code{a, b, a} {
				if got, want := *p.defaults(code), defaultsOf(code); got != want {
					t.Fatalf("%s after %s: %+v, want %+v", code, a, got, want)
				}
			}
		}
		for _, b := range codes {
			p.Reset(context.Background(), f, f, cfg, beian.Date{})
			record(p, a)
			record(p, b)
			want := NewPass(context.Background(), f, f, cfg, beian.Date{})
			record(want, a)
			fresh := NewPass(context.Background(), f, f, cfg, beian.Date{})
			record(fresh, b)
			wantAll := append(want.Rejections(), fresh.Rejections()...)
			if !reflect.DeepEqual(p.Rejections(), wantAll) {
				t.Fatalf("%s then %s:\n%+v\nwant\n%+v", a, b, p.Rejections(), wantAll)
			}
			for _, r := range p.Rejections() {
				if r.Field != "a.f" && r.Source != defaultSource(r.Code, r.Severity) {
					t.Fatalf("%s then %s: %s's source %+v, want %+v", a, b, r.Field, r.Source, defaultSource(r.Code, r.Severity))
				}
			}
		}
	}
}
