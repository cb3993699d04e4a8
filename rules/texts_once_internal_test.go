package rules

import (
	"testing"

	"github.com/icpcheck/beian"
)

// TestDocumentArgAsNamed holds documentArg's table to the names built
// for the call: every declared kind and one beian does not declare, of
// every kind of owner (the subject, its principal, a website's and an
// App's principal, a website, a domain record, an App, none).
func TestDocumentArgAsNamed(t *testing.T) {
	kinds := append(beian.DocumentKinds(), "other_kind", "")
	owners := []beian.Path{"", "subject", "subject.principal", "websites[0].principal", "websites[12].principal", "apps[1].principal", "websites[3]", "domains[2]", "apps[0]", "subject.name"}
	for _, k := range kinds {
		for _, o := range owners {
			for range 2 { // the table's first use, then again
				if got, want := documentArg(k, o), documentArgNamed(k, o); got != want {
					t.Fatalf("documentArg(%q, %q) = %v, want %v", k, o, got, want)
				}
			}
		}
	}
}

// TestNoEmergencyReasonAsBuilt holds noEmergencyReason's text built once
// to the one built for the call, for the subject's principal and for the
// principals of websites and Apps.
func TestNoEmergencyReasonAsBuilt(t *testing.T) {
	for i := -12; i <= 12; i++ {
		for range 2 {
			if got, want := noEmergencyReason(i), noEmergencyReasonBuilt(i); got != want {
				t.Fatalf("noEmergencyReason(%d) = %v, want %v", i, got, want)
			}
		}
	}
}

// TestNoRecordReasonAsBuilt holds the pass's memo of noRecordReason to
// the text built for the call: every sequence of up to 4 calls over 4
// names (one empty, one not ASCII) and both kinds of domain, on one pass.
func TestNoRecordReasonAsBuilt(t *testing.T) {
	type call struct {
		name string
		app  bool
	}
	var calls []call
	for _, n := range []string{"a.cn", "b.cn", "", "示例.中国"} {
		calls = append(calls, call{n, false}, call{n, true})
	}
	var p Pass
	var walk func(depth int)
	walk = func(depth int) {
		if depth == 0 {
			return
		}
		for _, c := range calls {
			if got, want := p.noRecordReason(c.name, c.app), noRecordReasonBuilt(c.name, c.app); got != want {
				t.Fatalf("noRecordReason(%q, %v) after %+v = %v, want %v", c.name, c.app, p.noRecord, got, want)
			}
			walk(depth - 1)
		}
	}
	walk(4)
}
