// Package vectors reads the test vectors the value packages keep from
// other projects' test suites (testdata/outside_<project>.txt): one
// vector a line, tab-separated fields, then optionally one field of
// space-separated key=value parts; blank lines and lines starting with #
// (the file's provenance: project, licence, file, commit) are skipped.
//
// It is for tests: a value package's outside test reads its files with
// [Read] and asserts each project's verdict.
package vectors

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// A Vector is one line of a vectors file.
type Vector struct {
	// File is the file's base name (outside_hutool.txt) and Line the
	// line's number in it, from 1: together they name the vector in a
	// test's failure.
	File string
	Line int
	// Fields are the line's first fields, as many as Read was asked for.
	Fields []string
	// Parts are the key=value parts of the field after them, empty when
	// the line has none.
	Parts map[string]string
}

// String names the vector as file:line.
func (v Vector) String() string { return fmt.Sprintf("%s:%d", v.File, v.Line) }

// Read reads every file matching pattern (filepath.Glob), in name order.
// Each line must have at least fields tab-separated fields; a further
// field holds the parts. It fails on a pattern that matches nothing, a
// short line, a part without '=' or a line with more fields than that.
func Read(pattern string, fields int) ([]Vector, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("vectors: no file matches %s", pattern)
	}
	var vs []Vector
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			v := Vector{File: filepath.Base(name), Line: n, Parts: map[string]string{}}
			f := strings.Split(line, "\t")
			if len(f) < fields || len(f) > fields+1 {
				return nil, fmt.Errorf("%s: %d fields, want %d or %d", v, len(f), fields, fields+1)
			}
			v.Fields = f[:fields]
			if len(f) > fields {
				for _, kv := range strings.Fields(f[fields]) {
					k, val, ok := strings.Cut(kv, "=")
					if !ok {
						return nil, fmt.Errorf("%s: part %q is not key=value", v, kv)
					}
					v.Parts[k] = val
				}
			}
			vs = append(vs, v)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return vs, nil
}
