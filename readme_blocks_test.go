package beian_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A readmeBlock is one Go block of the README and the wrapper its marker
// names.
type readmeBlock struct {
	line    int // the line of the block's first line of code, from 1
	wrapper string
	code    string
}

// readmeWrapMarker precedes every ```go block of the README, naming how
// the block compiles (an HTML comment: not shown on a rendered page):
//
//   - file: the block is a Go file without its package clause;
//   - func: statements, compiled in the body of a function returning an
//     error, imports added for the packages the block names;
//   - test: statements in a test function (t is the *testing.T), run;
//   - example: statements in an Example function, run, the block's own
//     "// Output:" comment compared with what it prints;
//   - gintest: the block is compiled and run by the nested module
//     validate/tags/gintest (TestREADMEGinBlock keeps its copy current).
var readmeWrapMarker = regexp.MustCompile(`^<!-- readme:(?:wrap (\w+)|(gintest)) -->$`)

func readmeBlocks(t *testing.T) []readmeBlock {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []readmeBlock
	for i := 0; i < len(lines); i++ {
		if lines[i] != "```go" {
			continue
		}
		b := readmeBlock{line: i + 2}
		if i > 0 {
			if m := readmeWrapMarker.FindStringSubmatch(lines[i-1]); m != nil {
				b.wrapper = m[1] + m[2]
			}
		}
		var code []string
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			code = append(code, lines[i])
		}
		b.code = strings.Join(code, "\n") + "\n"
		out = append(out, b)
	}
	return out
}

// readmeImports are the packages a statement block may name without
// importing them; the wrapper imports those it names.
var readmeImports = map[string]string{
	"beian":        "github.com/icpcheck/beian",
	"validate":     "github.com/icpcheck/beian/validate",
	"rules":        "github.com/icpcheck/beian/rules",
	"provinces":    "github.com/icpcheck/beian/provinces",
	"validatetest": "github.com/icpcheck/beian/validate/validatetest",
	"records":      "github.com/icpcheck/beian/validate/records",
	"client":       "github.com/icpcheck/beian/validate/client",
	"language":     "golang.org/x/text/language",
	"context":      "context",
	"errors":       "errors",
	"fmt":          "fmt",
	"http":         "net/http",
	"json":         "encoding/json",
	"log":          "log",
	"os":           "os",
	"strings":      "strings",
	"time":         "time",
}

// wrapREADMEBlock returns the test file a block compiles as.
func wrapREADMEBlock(b readmeBlock, n int) (string, error) {
	lineDirective := fmt.Sprintf("//line README.md:%d\n", b.line)
	if b.wrapper == "file" {
		return "package readme_test\n\n" + lineDirective + b.code, nil
	}
	body, output, _ := strings.Cut(b.code, "// Output:")
	if output != "" {
		output = "// Output:" + output
	}
	// Statements declare names that a snippet shows but does not use
	// again (v := validate.New(…)): use each once after the block.
	probe := "package p\nfunc _() {\n" + body + "\n}\n"
	f, err := parser.ParseFile(token.NewFileSet(), "", probe, 0)
	if err != nil {
		return "", err
	}
	var uses []string
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" && !slices.Contains(uses, id.Name) {
					uses = append(uses, id.Name)
				}
			}
		}
	}
	var imports []string
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if path, ok := readmeImports[id.Name]; ok && !slices.Contains(imports, path) {
					imports = append(imports, path)
				}
			}
		}
		return true
	})
	var head, tail string
	switch b.wrapper {
	case "func":
		head, tail = fmt.Sprintf("func readmeBlock%d() error {\n", n), "return nil\n}\n"
	case "test":
		imports = append(imports, "testing")
		head, tail = fmt.Sprintf("func TestREADMEBlock%d(t *testing.T) {\n", n), "}\n"
	case "example":
		if output == "" {
			return "", fmt.Errorf("an example block shows its output in an // Output: comment")
		}
		head, tail = fmt.Sprintf("func Example_block%d() {\n", n), "}\n"
	default:
		return "", fmt.Errorf("unknown wrapper %q", b.wrapper)
	}
	var src strings.Builder
	src.WriteString("package readme_test\n\nimport (\n")
	for _, p := range imports {
		fmt.Fprintf(&src, "\t%q\n", p)
	}
	src.WriteString(")\n\n" + head + lineDirective + body)
	src.WriteString("//line README_wrapper.go:1\n")
	for _, u := range uses {
		src.WriteString("_ = " + u + "\n")
	}
	src.WriteString(output + tail)
	return src.String(), nil
}

// TestREADMEGoBlocks compiles every Go block of the README as a test file
// of package internal/readme, laid there with go test -overlay (nothing
// is written into the tree), and runs those that are tests or show their
// output. Compile errors point at README.md's lines. The blocks share one
// package: a file block's top-level names must differ from the others'.
func TestREADMEGoBlocks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	overlay := map[string]string{}
	blocks := readmeBlocks(t)
	if len(blocks) < 5 {
		t.Fatalf("found %d Go blocks in the README", len(blocks))
	}
	for i, b := range blocks {
		switch b.wrapper {
		case "":
			t.Errorf("README.md:%d: a Go block without a <!-- readme:wrap NAME --> marker", b.line-1)
			continue
		case "gintest":
			continue
		}
		src, err := wrapREADMEBlock(b, i)
		if err != nil {
			t.Errorf("README.md:%d: %v", b.line, err)
			continue
		}
		file := filepath.Join(dir, fmt.Sprintf("b%d_test.go", i))
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		overlay[filepath.Join(root, "internal", "readme", fmt.Sprintf("block%d_test.go", i))] = file
	}
	data, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		t.Fatal(err)
	}
	overlayFile := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlayFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "test", "-overlay", overlayFile, "-count=1", "./internal/readme")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("go test of the README's blocks: %v\n%s", err, out)
	}
}

// TestREADMEBlockWrapper: a wrapped statement block names its imports and
// uses the names it declares, and a block without its output fails.
func TestREADMEBlockWrapper(t *testing.T) {
	src, err := wrapREADMEBlock(readmeBlock{line: 7, wrapper: "func", code: "v := validate.New()\n"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"github.com/icpcheck/beian/validate"`, "//line README.md:7\n", "_ = v\n"} {
		if !strings.Contains(src, want) {
			t.Errorf("the wrapped block has no %q:\n%s", want, src)
		}
	}
	if _, err := wrapREADMEBlock(readmeBlock{wrapper: "example", code: "fmt.Println(1)\n"}, 0); err == nil {
		t.Error("an example without // Output: was accepted")
	}
	if _, err := wrapREADMEBlock(readmeBlock{wrapper: "nosuch", code: "x := 1\n"}, 0); err == nil {
		t.Error("an unknown wrapper was accepted")
	}
}
