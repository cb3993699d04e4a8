package beian_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoDriverInLibrary keeps the database driver and the HTTP service
// out of the library: only examples/httpservice (and its tests) may
// depend on github.com/jackc/pgx, and no package outside examples/
// depends on the service's packages. gin is in no package of the module
// at all (its test is the nested module validate/tags/gintest).
func TestNoDriverInLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const mod = "github.com/icpcheck/beian"
	out, err := exec.Command("go", "list", "-test", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	service := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, mod), "/")
		inService := strings.HasPrefix(rel, "examples/httpservice")
		if inService {
			service++
		}
		for _, d := range deps {
			switch {
			case strings.HasPrefix(d, "github.com/jackc/") && !inService:
				t.Errorf("%s depends on the database driver %s", pkg, d)
			case strings.HasPrefix(d, "github.com/gin-gonic/"):
				t.Errorf("%s depends on gin (%s)", pkg, d)
			case strings.HasPrefix(d, mod+"/examples/httpservice") && !inService:
				t.Errorf("%s depends on the service's %s", pkg, d)
			}
		}
	}
	if service == 0 {
		t.Fatal("examples/httpservice not found: is the layout as expected?")
	}
}
