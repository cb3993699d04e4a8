package rules

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/icpcheck/beian/rules/appid"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/contact"
	"github.com/icpcheck/beian/rules/domain"
	"github.com/icpcheck/beian/rules/icpnum"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/rules/scan"
)

// TestReasonsWorded holds the wording of reasons complete: every reason a
// value package declares (every value its String method names) has a
// Chinese and an English text of its own in reasons.go, so that a reason
// added to a value package cannot reach a user as the fallback.
func TestReasonsWorded(t *testing.T) {
	check := func(kind string, r fmt.Stringer, txt, fallback Text) {
		t.Helper()
		switch {
		case !strings.ContainsFunc(txt.ZH, func(c rune) bool { return unicode.Is(unicode.Han, c) }):
			t.Errorf("%s %s: no Chinese text (%q)", kind, r, txt.ZH)
		case txt.EN == "" || txt == fallback:
			t.Errorf("%s %s: no text of its own", kind, r)
		}
	}
	declared := func(r fmt.Stringer) bool { return !strings.Contains(strings.ToLower(r.String()), "reason(") }

	n := 0
	for i := 1; i < 256; i++ {
		if r := certnum.Reason(i); declared(r) {
			check("certnum", r, certProblem(&certnum.Error{Reason: r}), certProblem(&certnum.Error{}))
			n++
		}
		if r := phonenum.Reason(i); declared(r) {
			check("phonenum", r, phoneProblem(r), phoneProblem(0))
			n++
		}
		if r := contact.EmailReason(i); declared(r) {
			check("contact", r, emailProblem(r), emailProblem(0))
			n++
		}
		if r := domain.Reason(i); declared(r) {
			txt := domainProblem(&domain.Error{Reason: r})
			if r != domain.ReasonCharacter && txt == domainReasons[domain.ReasonCharacter] {
				t.Errorf("domain %s: no text of its own", r)
			}
			check("domain", r, txt, Text{})
			n++
		}
		if r := appid.Reason(i); declared(r) {
			check("appid", r, appProblem(r), appProblem(0))
			n++
		}
		if r := icpnum.Reason(i); declared(r) {
			check("icpnum", r, icpProblem(&icpnum.Error{Reason: r, Input: "京"}, icpnum.Number{}), icpProblem(&icpnum.Error{}, icpnum.Number{}))
			n++
		}
	}
	for _, k := range scanKinds(t) {
		txt := imageProblem(scan.Problem{Kind: k, Got: 2, Want: 1})
		check("scan", stringer(k), txt, Text{string(k), string(k)})
		n++
	}
	if n < 50 {
		t.Fatalf("only %d reasons found: have the value packages' String methods changed?", n)
	}
}

type stringer scan.Kind

func (s stringer) String() string { return string(s) }

// scanKinds reads the Kind constants package scan declares.
func scanKinds(t *testing.T) []scan.Kind {
	t.Helper()
	files, err := filepath.Glob("scan/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []scan.Kind
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Values) != 1 {
				return true
			}
			if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Kind" {
				if lit, ok := vs.Values[0].(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					kinds = append(kinds, scan.Kind(s))
				}
			}
			return true
		})
	}
	if len(kinds) == 0 {
		t.Fatal("no scan.Kind constants found")
	}
	return kinds
}
