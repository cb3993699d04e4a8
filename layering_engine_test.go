package beian_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestEngineWithoutValidator: importing validate for the engine alone does
// not pull go-playground/validator (its init and binary weight); only
// validate/tags does.
func TestEngineWithoutValidator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	for _, pkg := range []string{".", "./validate", "./rules", "./rules/...", "./provinces"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, "github.com/go-playground/") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
