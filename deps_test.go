package beian_test

import (
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowedDeps holds, for every library package of the module, the
// module's own packages and the outside modules it may depend on (directly
// or not), as go/build's deps_test does for the standard library. A
// dependency that is not listed fails [TestDependencies]: weight (the word
// lexicon in a domain parser, the prober in the engine, validator/v10 in
// the rules) cannot creep back unnoticed. Module packages are written
// relative to the module ("rules/names"), outside modules by their path.
//
// Groups used below:
//   - fold: the name fold shared by names and domain (no lexicon);
//   - lexicon: the word lexicon and automaton of package names;
//   - engine: everything package validate links.
var allowedDeps = map[string][]string{
	".":                                {jsonscan, xtext},
	"provinces":                        {srcs},
	"rules/address":                    {},
	"rules/appid":                      {},
	"rules/certnum":                    {".", jsonscan, "provinces", srcs, xtext},
	"rules/contact":                    {"rules/domain", fold, hanvariant, ipaddr, srcs, xnet, xtext}, // one reading of a domain (issue 19)
	"rules/domain":                     {fold, hanvariant, ipaddr, srcs, xnet, xtext},
	"rules/icpnum":                     {"provinces", srcs},
	"rules/internal/fold":              {hanvariant, xtext},
	"rules/internal/hanvariant":        {},
	"rules/internal/ipaddr":            {},
	"rules/internal/vectors":           {}, // test vectors from other projects, read by tests
	"rules/internal/bytecases":         {}, // byte strings for tests of word-at-a-time readers
	"rules/names":                      {fold, hanvariant, ahocorasick, lexicon, pinyin, lazy, srcs, xtext},
	"rules/names/internal/ahocorasick": {},
	"rules/names/internal/lexicon":     {lazy},
	"rules/names/internal/pinyin":      {},
	"rules/phonenum":                   {"provinces", srcs},
	"rules/scan":                       {".", jsonscan, srcs, xtext},
	"rules/sources":                    {keyindex},
	"rules/workday":                    {".", jsonscan, holidays, srcs, xtext},
	"rules/workday/internal/holidays":  {".", jsonscan, xtext},
	"rules":                            rulesDeps,
	"validate":                         append(slices.Clip(rulesDeps), "rules", jsonstr),
	"validate/probe":                   {".", jsonscan, xnet, xtext},
	"validate/tags":                    append(slices.Clip(rulesDeps), "rules", jsonstr, "validate", "github.com/go-playground", "github.com/gabriel-vasile/mimetype", "github.com/leodido/go-urn", "golang.org/x/crypto", "golang.org/x/sys"),
	"validate/client":                  append(slices.Clip(rulesDeps), "rules", jsonstr, "validate"),
	"validate/records":                 {".", "provinces", "rules/certnum", "rules/domain", fold, hanvariant, ipaddr, jsonscan, srcs, xnet, xtext},
	"validate/validatetest":            append(slices.Clip(rulesDeps), "rules", jsonstr, "validate", "validate/records"),
	"docs":                             {}, // embedded files: the standard library only
	"internal/schemagen":               append(slices.Clip(rulesDeps), "rules", jsonstr, "validate/records"),
	"internal/bench":                   {".", jsonscan, xtext},
	"internal/bench/benchmd":           {"internal/machine"}, // runs the benchmarks as programs: the standard library, and the load average
	"internal/certvectors":             {},
	"internal/gentool":                 {"internal/testenv"},
	"internal/jsonscan":                {},
	"internal/jsonstr":                 {},
	"internal/keyindex":                {},
	"internal/lazy":                    {},
	"internal/machine":                 {}, // the process's CPU time and the load average, for benchmarks
	"internal/readme":                  {}, // the README's blocks, laid there by a test
	"internal/testenv":                 {},
	"internal/testimage":               {},
	"internal/ucd":                     {},
}

const (
	xtext       = "golang.org/x/text"
	xnet        = "golang.org/x/net"
	fold        = "rules/internal/fold"
	hanvariant  = "rules/internal/hanvariant"
	ipaddr      = "rules/internal/ipaddr" // IP literals as net/netip reads them, without netip
	ahocorasick = "rules/names/internal/ahocorasick"
	lexicon     = "rules/names/internal/lexicon"
	pinyin      = "rules/names/internal/pinyin"
	holidays    = "rules/workday/internal/holidays"
	srcs        = "rules/sources"
	jsonscan    = "internal/jsonscan" // the root package's JSON scanner
	jsonstr     = "internal/jsonstr"  // JSON strings written as encoding/json writes them
	lazy        = "internal/lazy"     // sync.OnceValue that retries a build that panicked
	keyindex    = "internal/keyindex" // the index of source keys and codes
)

// Whatever may depend on the sources may depend on their index.
func init() {
	for pkg, deps := range allowedDeps {
		if slices.Contains(deps, srcs) && !slices.Contains(deps, keyindex) {
			allowedDeps[pkg] = append(slices.Clip(deps), keyindex)
		}
	}
}

// rulesDeps is what package rules links: the model, the provinces and
// every value package.
var rulesDeps = []string{
	".", jsonscan, "provinces", "rules/address", "rules/appid", "rules/certnum", "rules/contact", "rules/domain", "rules/icpnum",
	fold, hanvariant, ipaddr, "rules/names", ahocorasick, lexicon, pinyin, lazy, "rules/phonenum", "rules/scan",
	"rules/workday", holidays, srcs, xnet, xtext,
}

// TestDependencies holds every package's dependency set (go list -deps)
// to allowedDeps, and keeps the rules that span the module: no package
// depends on nyaruka/phonenumbers at run time (its data costs milliseconds
// and megabytes at init; the phone tables are generated from it), no
// package links the database driver or the metrics library (they are the
// service's: examples/httpservice is a module of its own, see
// [TestModuleRequirements]), gin is in no package
// (its test is the nested module validate/tags/gintest), nothing outside
// examples/ depends on the service, and no package or program (the
// examples included: they read records files through validate/records)
// depends on the test helpers validate/validatetest, which link package
// testing, outside its tests.
func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const mod = "github.com/icpcheck/beian"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, mod), "/")
		if rel == "" {
			rel = "."
		}
		seen[rel] = true
		inExamples := strings.HasPrefix(rel, "examples/")
		allowed, listed := allowedDeps[rel]
		if !listed && !inExamples {
			t.Errorf("%s is not in allowedDeps: list what it may depend on", rel)
			continue
		}
		for _, d := range deps {
			switch {
			case strings.HasPrefix(d, "github.com/nyaruka/phonenumbers"):
				t.Errorf("%s depends on %s at run time", rel, d)
			case strings.HasPrefix(d, "github.com/gin-gonic/"):
				t.Errorf("%s depends on gin (%s)", rel, d)
			case strings.HasPrefix(d, "github.com/jackc/"), strings.HasPrefix(d, "github.com/prometheus/"):
				t.Errorf("%s depends on %s, a dependency of the service's own module", rel, d)
			case strings.HasPrefix(d, mod+"/examples/") && !inExamples:
				t.Errorf("%s depends on the example %s", rel, d)
			case d == mod+"/validate/validatetest":
				t.Errorf("%s depends on the test helpers %s at run time", rel, d)
			case (d == "net/http" || d == "crypto/tls") && !inExamples && !httpPackages[rel]:
				t.Errorf("%s links %s: only %v may (the public suffix list is the module's own, rules/domain)", rel, d, slices.Sorted(maps.Keys(httpPackages)))
			case inExamples || isStd(d):
			case !allowedDep(allowed, mod, d):
				t.Errorf("%s depends on %s, which allowedDeps does not list for it", rel, d)
			}
		}
	}
	for pkg := range allowedDeps {
		if !seen[pkg] {
			t.Errorf("allowedDeps lists %s, which go list does not find: remove it", pkg)
		}
	}
}

// allowedDep reports whether dep is in allowed: a module package by its
// relative path, an outside package by the prefix of its module path.
func allowedDep(allowed []string, mod, dep string) bool {
	rel, own := strings.CutPrefix(dep, mod)
	if own {
		rel = strings.TrimPrefix(rel, "/")
		if rel == "" {
			rel = "."
		}
		return slices.Contains(allowed, rel)
	}
	for _, a := range allowed {
		if strings.Contains(a, ".") && a != "." && (dep == a || strings.HasPrefix(dep, a+"/")) {
			return true
		}
	}
	return false
}

// isStd reports whether an import path is in the standard library (its
// first element has no dot), vendored copies included.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// httpPackages are the library packages that may link net/http and
// crypto/tls: the prober and the client of the service. Every other
// package, the rules and the engine first, must not: their programs (the
// WebAssembly build, a CLI without --probe) would carry and initialise
// both, milliseconds of start-up and megabytes (TestWasmBuildWithoutHTTP).
var httpPackages = map[string]bool{"validate/probe": true, "validate/client": true}

// TestWasmBuildWithoutHTTP: the WebAssembly build links neither net/http
// nor crypto/tls, even compiled without examples/web/internal/wasmbuild's
// changes (it once linked them through golang.org/x/net/publicsuffix).
func TestWasmBuildWithoutHTTP(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "./examples/web/wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, d := range strings.Fields(string(out)) {
		if d == "net/http" || d == "crypto/tls" || d == "golang.org/x/net/publicsuffix" {
			t.Errorf("the WebAssembly build links %s", d)
		}
	}
}

// serviceOnly are the modules only the nested modules require: the
// service's (examples/httpservice: the PostgreSQL driver, the Prometheus
// client) and the test modules' (gin, chromedp). The library's go.mod
// must not name them, not even as indirect requirements: a user of the
// library would download them with it.
var serviceOnly = []string{"github.com/jackc/", "github.com/prometheus/", "github.com/gin-gonic/", "github.com/chromedp/"}

// TestModuleRequirements reads the library's go.mod and fails when it
// requires a module of serviceOnly.
func TestModuleRequirements(t *testing.T) {
	data, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		for _, m := range serviceOnly {
			if strings.Contains(line, m) {
				t.Errorf("go.mod:%d requires %s, which only a nested module may: %s", i+1, m, strings.TrimSpace(line))
			}
		}
	}
}
