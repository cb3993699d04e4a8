package beian_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportedNamesDocumented parses every package of the module and fails
// on an exported name without a doc comment. A name declared in a group
// may rely on the group's comment or its own line comment.
func TestExportedNamesDocumented(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if file.Name.Name == "main" && strings.Contains(path, "examples") {
			return nil // a command's names are not API
		}
		for _, c := range file.Comments {
			if strings.HasPrefix(c.Text(), "go:build ignore") {
				return nil // a generator
			}
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && d.Doc == nil && receiverExported(d) {
					t.Errorf("%s: %s has no doc comment", fset.Position(d.Pos()), d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					for name, doc := range specNames(spec) {
						if name.IsExported() && d.Doc == nil && doc == nil {
							t.Errorf("%s: %s has no doc comment", fset.Position(name.Pos()), name.Name)
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func receiverExported(d *ast.FuncDecl) bool {
	if d.Recv == nil {
		return true
	}
	typ := d.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if idx, ok := typ.(*ast.IndexExpr); ok {
		typ = idx.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}

// specNames yields each name a spec declares with the comment documenting
// it (its doc or line comment), nil when it has none.
func specNames(spec ast.Spec) func(func(*ast.Ident, *ast.CommentGroup) bool) {
	return func(yield func(*ast.Ident, *ast.CommentGroup) bool) {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			doc := s.Doc
			if doc == nil {
				doc = s.Comment
			}
			yield(s.Name, doc)
		case *ast.ValueSpec:
			doc := s.Doc
			if doc == nil {
				doc = s.Comment
			}
			for _, n := range s.Names {
				if !yield(n, doc) {
					return
				}
			}
		}
	}
}
