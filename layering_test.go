package beian_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestValuePackagesStandAlone keeps the layering true: the value packages
// under rules/ (certnum, names, phonenum …) do one job on plain values and
// may be used alone, so none of them may depend on the rule vocabulary
// (package rules) or the engine (package validate and below); no package
// and no program (the examples included: the HTTP service and pgregistry
// read records files through validate/records) depends on the test
// helpers outside its tests, nor on nyaruka/phonenumbers outside its tests
// and generators.
func TestValuePackagesStandAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const mod = "github.com/icpcheck/beian"
	out, err := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, mod), "/")
		isValue := strings.HasPrefix(rel, "rules/")
		for _, d := range deps {
			switch {
			case isValue && (d == mod+"/rules" || d == mod+"/validate" || strings.HasPrefix(d, mod+"/validate/")):
				t.Errorf("value package %s depends on %s", pkg, d)
			case d == mod+"/validate/validatetest":
				// validatetest links package testing and is for tests.
				t.Errorf("package %s depends on the test helpers %s at run time", pkg, d)
			case strings.HasPrefix(d, "github.com/nyaruka/phonenumbers"):
				// Its data costs milliseconds and megabytes at init; the
				// phone tables are generated from it instead.
				t.Errorf("%s depends on %s at run time", pkg, d)
			}
		}
		if isValue {
			checked++
		}
	}
	if checked < 2 {
		t.Fatalf("only %d value packages found under rules/: is the module layout as expected?", checked)
	}
}
