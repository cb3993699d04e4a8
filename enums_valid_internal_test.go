package beian

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
)

// validEnum is what each Valid method's switch answers: whether v is a
// value of the table.
func validEnum[T ~string](table []enumEntry[T], v T) bool {
	for _, e := range table {
		if e.value == v {
			return true
		}
	}
	return false
}

// TestValidAsTable holds each enumeration's Valid, a switch over its
// values, to its table: the switch names exactly the constants the table
// lists (read from the source), and Valid answers as a search of the
// table for every value, label and alias, the empty string, and each
// value with a byte changed, cut, added or in upper case.
func TestValidAsTable(t *testing.T) {
	checkValid(t, filingTypes)
	checkValid(t, natures)
	checkValid(t, certTypes)
	checkValid(t, contentCategories)
	checkValid(t, documentKinds)
	checkValid(t, appTypes)
	checkValid(t, platforms)

	// The constants of each table and of its type's Valid switch.
	fset := token.NewFileSet()
	tables := map[string][]string{}   // table name: constants
	switches := map[string][]string{} // receiver type: constants
	tableOf := map[string]string{
		"FilingType": "filingTypes", "Nature": "natures", "CertType": "certTypes", "ContentCategory": "contentCategories",
		"DocumentKind": "documentKinds", "AppType": "appTypes", "Platform": "platforms",
	}
	for _, name := range []string{"enums.go", "enums_app.go"} {
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i >= len(n.Values) {
						break
					}
					if lit, ok := n.Values[i].(*ast.CompositeLit); ok {
						for _, e := range lit.Elts {
							if entry, ok := e.(*ast.CompositeLit); ok && len(entry.Elts) > 0 {
								if c, ok := entry.Elts[0].(*ast.Ident); ok {
									tables[id.Name] = append(tables[id.Name], c.Name)
								}
							}
						}
					}
				}
			case *ast.FuncDecl:
				if n.Name.Name != "Valid" || n.Recv == nil {
					return false
				}
				recv := n.Recv.List[0].Type.(*ast.Ident).Name
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if cc, ok := m.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							if c, ok := e.(*ast.Ident); ok {
								switches[recv] = append(switches[recv], c.Name)
							}
						}
					}
					return true
				})
				return false
			}
			return true
		})
	}
	if len(switches) != len(tableOf) {
		t.Errorf("Valid switches of %d types, want %d", len(switches), len(tableOf))
	}
	for typ, table := range tableOf {
		got, want := slices.Sorted(slices.Values(switches[typ])), slices.Sorted(slices.Values(tables[table]))
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s.Valid's switch names %v; %s lists %v", typ, got, table, want)
		}
	}
}

func checkValid[T interface {
	~string
	Valid() bool
}](t *testing.T, table []enumEntry[T]) {
	t.Helper()
	probes := []string{"", " ", "other", "x"}
	for _, e := range table {
		v := string(e.value)
		probes = append(probes, v, e.zh, e.en, strings.ToUpper(v), v+"x", "x"+v, v[:len(v)-1], v[1:], " "+v)
		probes = append(probes, e.aliases...)
		for i := range len(v) {
			probes = append(probes, v[:i]+"x"+v[i+1:], v[:i]+"_"+v[i+1:])
		}
	}
	for _, p := range probes {
		if got, want := T(p).Valid(), validEnum(table, T(p)); got != want {
			t.Errorf("%T(%q).Valid() = %v, want %v", T(""), p, got, want)
		}
	}
	for _, e := range table {
		if !e.value.Valid() {
			t.Errorf("%T(%q) is not Valid", e.value, e.value)
		}
	}
}
