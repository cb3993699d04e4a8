package gentool

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteThenCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tables.go")
	src := []byte("package x\nvar   a = 1\n")
	w := &Output{Path: path}
	if err := w.Write(src, "go generate"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "package x\n\nvar a = 1\n" {
		t.Fatalf("not formatted: %q", got)
	}
	c := &Output{Path: path, Check: true}
	if err := c.Write(src, "go generate"); err != nil {
		t.Fatalf("current file reported stale: %v", err)
	}
	if err := c.Write([]byte("package x\nvar a = 2\n"), "go generate"); !errors.Is(err, ErrStale) {
		t.Fatalf("changed output: got %v, want ErrStale", err)
	}
	if err := w.Write([]byte("package x\nvar = \n"), "go generate"); err == nil {
		t.Fatal("invalid Go source accepted")
	}
}

func TestCheckMissingFile(t *testing.T) {
	c := &Output{Path: filepath.Join(t.TempDir(), "absent.go"), Check: true}
	if err := c.WriteRaw([]byte("x"), "go generate"); !errors.Is(err, ErrStale) {
		t.Fatalf("missing file: got %v, want ErrStale", err)
	}
}
