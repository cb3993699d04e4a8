package validate

import (
	"testing"

	"github.com/icpcheck/beian"
)

// TestCompareFieldsAsCompare holds compareFields to beian.Path.Compare
// over a whole class of paths: every path of up to three steps, a step a
// member (names that are prefixes of one another, with digits, upper
// case, _, non-ASCII, empty) or an index (one, two and three digits, a
// leading zero, malformed ones), each against every other. Made to fail
// by ordering a shorter path after the paths inside it, by deciding at a
// digit that follows another digit (websites[2] against websites[10]),
// and by taking . or [ for a name's byte.
func TestCompareFieldsAsCompare(t *testing.T) {
	names := []string{"", "a", "b", "ab", "a_b", "aB", "A", "name", "names", "x1", "x10", "é", "z"}
	steps := []string{"[0]", "[1]", "[2]", "[9]", "[10]", "[12]", "[100]", "[01]", "[", "]", "[x]", "[1", "1"}
	for _, n := range names {
		steps = append(steps, "."+n)
	}
	paths := append([]string{}, names...)
	level := paths
	for range 2 {
		var next []string
		for _, p := range level {
			for _, s := range steps {
				next = append(next, p+s)
			}
		}
		paths = append(paths, next...)
		level = next[:min(len(next), 200)] // every step after the first 200 paths of the level
	}
	paths = append(paths, "subject.principal.mobile", "subject.principal.phone", "subject.principal.email", "subject.cert_number",
		"websites[0].domains", "websites[0].domains[1]", "websites[0].name", "websites[10].name", "websites[2].name",
		"websites[0].principal_same_as_subject", "documents", "province", "apps[2].platforms[1].package")
	if len(paths) < 2500 {
		t.Fatalf("only %d paths", len(paths))
	}
	for _, a := range paths {
		for _, b := range paths {
			if got, want := compareFields(beian.Path(a), beian.Path(b)), beian.Path(a).Compare(beian.Path(b)); got != want {
				t.Fatalf("compareFields(%q, %q) = %d, Compare %d", a, b, got, want)
			}
		}
	}
}
