package validate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// codePagesDir holds one page per code, docs/codes/CODE.md, generated from
// the code table (rules.Describe), the codes' doc comments and the example
// filings, as go/types documents its error codes and staticcheck and
// ESLint their checks.
const codePagesDir = "../docs/codes"

// TestCodePages keeps docs/codes current: a page for every code, none for
// a code that does not exist; go generate ./validate (or this test with
// -update) rewrites them.
func TestCodePages(t *testing.T) {
	pages := codePages(t)
	existing, err := filepath.Glob(filepath.Join(codePagesDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	stale := false
	for name, want := range pages {
		// "How to fix it" is prose: a remedy that is a placeholder
		// alone ({remedy}, the rule's own per problem) is not printed
		// as it is.
		if _, fix, ok := strings.Cut(want, "## How to fix it\n\n"); ok && strings.HasPrefix(fix, "{") {
			t.Errorf("%s: How to fix it starts with a placeholder: %.40q", name, fix)
		}
		got, err := os.ReadFile(filepath.Join(codePagesDir, name))
		if err != nil || string(got) != want {
			stale = true
			if !*update {
				t.Errorf("%s/%s is not current: run go generate ./validate", codePagesDir, name)
			}
		}
	}
	for _, path := range existing {
		if _, ok := pages[filepath.Base(path)]; !ok {
			stale = true
			if *update {
				must(t, os.Remove(path))
			} else {
				t.Errorf("%s documents no code: run go generate ./validate", path)
			}
		}
	}
	if stale && *update {
		must(t, os.MkdirAll(codePagesDir, 0o755))
		for name, content := range pages {
			must(t, os.WriteFile(filepath.Join(codePagesDir, name), []byte(content), 0o644))
		}
	}
	for _, c := range rules.Codes() {
		if _, ok := pages[filepath.Base(rules.DocPath(c))]; !ok {
			t.Errorf("rules.DocPath(%s) names no page", c)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// example is a rejection an example filing shows.
type example struct {
	file   string
	json   string
	remedy string // the rejection's remedy, in English
	usual  bool   // at the code's default severity
}

// codePages renders every page, by file name.
func codePages(t *testing.T) map[string]string {
	t.Helper()
	docs := codeComments(t)
	reporters := map[rules.Code][]string{rules.CodeCheckUnavailable: {"the engine"}}
	for _, r := range rules.All() {
		for _, c := range r.Codes {
			reporters[c] = append(reporters[c], "`"+r.Name+"`")
		}
	}
	examples := codeExamples(t)
	pages := map[string]string{}
	var index strings.Builder
	index.WriteString(generatedHeader + "# Codes\n\nEvery code a report may carry, with its page. The table of the README gives the same list with the messages.\n\n| code | severity | reason it prevents |\n|---|---|---|\n")
	for _, c := range rules.Codes() {
		d, _ := rules.Describe(c)
		fmt.Fprintf(&index, "| [%s](%s.md) | %s | %s |\n", c, c, d.Severity, d.Reason)
		var b strings.Builder
		b.WriteString(generatedHeader)
		fmt.Fprintf(&b, "# %s\n\n", c)
		fmt.Fprintf(&b, "- Severity: %s by default", d.Severity)
		if d.Severity > rules.Warning {
			b.WriteString(" (a rule may lower it: to a warning where the fact behind it is uncertain, to a notice where a current source says the province does not apply it; read each rejection's `severity`)")
		}
		fmt.Fprintf(&b, "\n- Reported by: %s\n", strings.Join(reporters[c], ", "))
		fmt.Fprintf(&b, "- The providers' rejection reason it prevents: %s\n\n", d.Reason)
		b.WriteString("## What it means\n\n")
		b.WriteString(docs[c])
		b.WriteString("\n\n## Message and remedy\n\n| | 中文 | English |\n|---|---|---|\n")
		fmt.Fprintf(&b, "| message | %s | %s |\n", cell(d.Message.ZH), cell(d.Message.EN))
		fmt.Fprintf(&b, "| remedy | %s | %s |\n\n", cell(d.Remedy.ZH), cell(d.Remedy.EN))
		b.WriteString("Placeholders in braces are filled from the rejection; `{field}` is the label of the field concerned.\n\n")
		b.WriteString("## Example\n\n")
		if ex, ok := examples[c]; ok {
			fmt.Fprintf(&b, "The example filing [`%s`](../../examples/icpcheck/testdata/%s) is rejected with it (`go run ./examples/icpcheck --json --lang en examples/icpcheck/testdata/%s`):\n\n```json\n%s\n```\n\n", ex.file, ex.file, ex.file, ex.json)
		} else {
			b.WriteString("No example filing shows it without options: it needs a Registry, a Prober, document files or an outside failure. The tests of its rule show it.\n\n")
		}
		b.WriteString("## How to fix it\n\n")
		switch ex, ok := examples[c]; {
		case !strings.Contains(d.Remedy.EN, "{"):
			fmt.Fprintf(&b, "%s.\n\n", d.Remedy.EN)
		case strings.TrimSpace(strings.Trim(d.Remedy.EN, "{}")) == "remedy":
			// The remedy is the rule's own, one for each problem found.
			b.WriteString("It depends on the problem found: each rejection's `remedy` says what to do")
			if ok {
				fmt.Fprintf(&b, " (the example's: %s)", ex.remedy)
			}
			b.WriteString(".\n\n")
		default:
			fmt.Fprintf(&b, "%s (the placeholders filled from the rejection", d.Remedy.EN)
			if ok {
				fmt.Fprintf(&b, "; the example's: %s", ex.remedy)
			}
			b.WriteString(").\n\n")
		}
		b.WriteString("Where the correction is certain, the rejection carries it in `fixes`: the field and its whole new value, to apply as it is.\n\n")
		b.WriteString("## Sources\n\nWhere the rejection rests on a published fact (a province's policy, the documents table, the suffix list, the calendar, a segment table), its `source` gives the key, the public page and its edition; [SOURCES.md](../../SOURCES.md) lists every key.\n")
		pages[string(c)+".md"] = b.String()
	}
	pages["README.md"] = index.String()
	return pages
}

const generatedHeader = "<!-- Code generated by go generate ./validate (TestCodePages); DO NOT EDIT. -->\n\n"

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// codeComments returns the doc comment of each code constant in
// rules/codes.go, without the constant's name.
func codeComments(t *testing.T) map[rules.Code]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../rules/codes.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	out := map[rules.Code]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || vs.Doc == nil || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if !ok {
			return true
		}
		code, _ := strconv.Unquote(lit.Value)
		text := strings.Join(strings.Fields(vs.Doc.Text()), " ")
		text = strings.TrimPrefix(text, vs.Names[0].Name+": ")
		if i := strings.LastIndex(text, " Rule "); i > 0 {
			text = text[:i] // the page lists the reporting rules
		}
		if text != "" {
			text = strings.ToUpper(text[:1]) + text[1:]
		}
		out[rules.Code(code)] = text
		return true
	})
	for _, c := range rules.Codes() {
		if out[c] == "" {
			t.Errorf("rules/codes.go: %s has no doc comment", c)
		}
	}
	return out
}

// codeExamples validates every example filing that needs no option and
// returns, for each code, the first rejection with it at the code's default
// severity, else the first with it (files in name order), as icpcheck
// --json --lang en prints it: a page shows its code as it usually comes.
func codeExamples(t *testing.T) map[rules.Code]example {
	t.Helper()
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	v := validate.New(validate.WithLanguage(language.English))
	out := map[rules.Code]example{}
	for _, path := range files {
		if _, err := os.Stat(strings.TrimSuffix(path, ".json") + ".args"); err == nil {
			continue // needs options
		}
		name := filepath.Base(path)
		rep := v.Validate(context.Background(), load(t, name))
		raw, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		var wire struct {
			Rejections []json.RawMessage `json:"rejections"`
		}
		if err := json.Unmarshal(raw, &wire); err != nil {
			t.Fatal(err)
		}
		for i, r := range rep.Rejections {
			d, _ := rules.Describe(r.Code)
			if have, ok := out[r.Code]; ok && (have.usual || r.Severity != d.Severity) {
				continue
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, wire.Rejections[i], "", "  "); err != nil {
				t.Fatal(err)
			}
			out[r.Code] = example{file: name, json: pretty.String(), remedy: r.Remedy(language.English), usual: r.Severity == d.Severity}
		}
	}
	return out
}
