//go:build ignore

// gen makes the documentation of the rules from their doc comments, so
// that go doc, the Rule values and the package overview say the same
// thing from one source:
//
//   - ruledocs.go: a constant docX for each rule variable X, holding X's
//     doc comment without its leading name (the Rule's Doc field);
//   - the "# Catalogue of rules" section of doc.go: each rule of All, in
//     the order the engine runs them, with its title and codes.
//
// Run it with go generate ./rules; TestDocsCurrent fails when either is
// stale.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
)

// catalogueHeading starts the generated section of doc.go; the section
// ends before the package clause.
const catalogueHeading = "// # Catalogue of rules\n"

type rule struct {
	variable, name, doc string
	codes               []string
	codeList            string // the variable Codes names, when not a literal
}

// codeIdents returns the identifiers of a []Code literal.
func codeIdents(e ast.Expr) ([]string, bool) {
	list, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	var ids []string
	for _, c := range list.Elts {
		if id, ok := c.(*ast.Ident); ok {
			ids = append(ids, id.Name)
		}
	}
	return ids, true
}

func main() {
	out := gentool.Flags("ruledocs.go")
	rules, order, codes, err := read(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}

	var src strings.Builder
	src.WriteString(gentool.Header("rules", "the doc comments of the rule variables"))
	src.WriteString("\n// The Doc of each rule: its variable's doc comment without the leading\n// name.\nconst (\n")
	for _, v := range sortedKeys(rules) {
		fmt.Fprintf(&src, "\tdoc%s = %s\n", v, strconv.Quote(rules[v].doc))
	}
	src.WriteString(")\n")
	if err := out.Write([]byte(src.String()), "go generate ./rules"); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}

	docPath := filepath.Join(filepath.Dir(out.Path), "doc.go")
	old, err := os.ReadFile(docPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	doc, err := catalogue(string(old), rules, order, codes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	docOut := &gentool.Output{Path: docPath, Check: out.Check}
	docOut.Finish([]byte(doc), "go generate ./rules")
}

// read parses the package in dir and returns its rule variables by name,
// the variables All lists in its order, and the value of every Code
// constant by name.
func read(dir string) (map[string]rule, []string, map[string]string, error) {
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, nil, nil, err
	}
	rules := map[string]rule{}
	codes := map[string]string{}
	lists := map[string][]string{}
	var order []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "gen.go") || strings.HasSuffix(name, "ruledocs.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				readGenDecl(d, rules, codes, lists)
			case *ast.FuncDecl:
				if d.Name.Name == "All" && d.Recv == nil {
					ast.Inspect(d.Body, func(n ast.Node) bool {
						if id, ok := n.(*ast.Ident); ok && id.Obj == nil && ast.IsExported(id.Name) {
							order = append(order, id.Name)
						}
						return true
					})
				}
			}
		}
	}
	var errs []string
	for v, r := range rules {
		if r.codeList != "" {
			r.codes = lists[r.codeList]
			rules[v] = r
		}
		switch {
		case r.doc == "":
			errs = append(errs, fmt.Sprintf("rule %s has no doc comment", v))
		case !slices.Contains(order, v):
			errs = append(errs, fmt.Sprintf("rule %s is not listed by All", v))
		}
	}
	if len(errs) > 0 {
		slices.Sort(errs)
		return nil, nil, nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return rules, slices.DeleteFunc(order, func(v string) bool { _, ok := rules[v]; return !ok }), codes, nil
}

// readGenDecl records the rule variables (var X = &Rule{...}), the Code
// constants and the []Code variables of one declaration.
func readGenDecl(d *ast.GenDecl, rules map[string]rule, codes map[string]string, lists map[string][]string) {
	for _, spec := range d.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
			continue
		}
		name := vs.Names[0].Name
		if d.Tok == token.CONST {
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(name, "Code") {
				codes[name], _ = strconv.Unquote(lit.Value)
			}
			continue
		}
		if ids, ok := codeIdents(vs.Values[0]); ok {
			lists[name] = ids
			continue
		}
		u, ok := vs.Values[0].(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			continue
		}
		cl, ok := u.X.(*ast.CompositeLit)
		if !ok {
			continue
		}
		if id, ok := cl.Type.(*ast.Ident); !ok || id.Name != "Rule" {
			continue
		}
		r := rule{variable: name}
		for _, elt := range cl.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch kv.Key.(*ast.Ident).Name {
			case "Name":
				if lit, ok := kv.Value.(*ast.BasicLit); ok {
					r.name, _ = strconv.Unquote(lit.Value)
				}
			case "Codes":
				if ids, ok := codeIdents(kv.Value); ok {
					r.codes = ids
				} else if id, ok := kv.Value.(*ast.Ident); ok {
					r.codeList = id.Name
				}
			}
		}
		comment := d.Doc
		if vs.Doc != nil {
			comment = vs.Doc
		}
		if comment != nil {
			r.doc = ruleDoc(name, comment.Text())
		}
		rules[name] = r
	}
}

// ruleDoc turns the doc comment of rule variable v into the rule's Doc:
// the first sentence without the name and final period, on one line (the
// title), then the rest of the comment.
func ruleDoc(v, comment string) string {
	first, rest, _ := strings.Cut(strings.TrimSpace(comment), "\n\n")
	first = strings.Join(strings.Fields(first), " ")
	first = strings.TrimSuffix(strings.TrimPrefix(first, v+" "), ".")
	if rest == "" {
		return first
	}
	return first + "\n\n" + rest
}

// catalogue replaces the generated section of doc.go with the list of
// rules.
func catalogue(doc string, rules map[string]rule, order []string, codes map[string]string) (string, error) {
	start := strings.Index(doc, catalogueHeading)
	end := strings.Index(doc, "\npackage rules\n")
	if start < 0 || end < start {
		return "", fmt.Errorf("doc.go has no %q section before its package clause", strings.TrimSpace(catalogueHeading))
	}
	var b strings.Builder
	b.WriteString(doc[:start])
	b.WriteString(catalogueHeading)
	b.WriteString("//\n// The rules [All] returns, in the order the engine runs them, each with\n// its name, title and the codes it reports (generated from their doc\n// comments by go generate):\n//\n")
	for _, v := range order {
		r := rules[v]
		title, _, _ := strings.Cut(r.doc, "\n")
		names := make([]string, len(r.codes))
		for i, c := range r.codes {
			names[i] = codes[c]
			if names[i] == "" {
				return "", fmt.Errorf("rule %s: code %s is no Code constant", v, c)
			}
		}
		for i, line := range wrap(fmt.Sprintf("[%s] (%s): %s. Codes: %s.", v, r.name, title, strings.Join(names, ", ")), 70) {
			if i == 0 {
				b.WriteString("//   - " + line + "\n")
			} else {
				b.WriteString("//     " + line + "\n")
			}
		}
	}
	b.WriteString(doc[end+1:])
	return b.String(), nil
}

// wrap breaks text into lines of at most width bytes at spaces (a longer
// word stays whole).
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

func sortedKeys(m map[string]rule) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
