package wasmbuild

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// The section ids FunctionNames reads.
const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
)

// Functions describes a module's functions by index (imports first, as
// WebAssembly numbers them): Names from the "name" custom section, which
// Go's linker writes unless it is given -s, and BodySizes, the bytes of
// each defined function's body in the code section (index Imports+i is
// BodySizes[i]), the figure V8 reports as a function's bodysize.
type Functions struct {
	Imports   int
	Names     map[int]string
	BodySizes []int
}

// FunctionNames reads module's function imports, code section and
// function names (none without a "name" section). It reads only what it
// needs; a module it cannot read is an error.
func FunctionNames(module []byte) (Functions, error) {
	var fs Functions
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return fs, errors.New("not a WebAssembly module")
	}
	fs.Names = map[int]string{}
	for r := (reader{b: module, i: 8}); r.i < len(module); {
		id := r.byte()
		size := r.u32()
		body := r.bytes(size)
		if r.err != nil {
			return fs, fmt.Errorf("section header at byte %d: %w", r.i, r.err)
		}
		s := reader{b: body}
		switch id {
		case sectionImport:
			n := s.u32()
			for i := uint32(0); i < n && s.err == nil; i++ {
				s.bytes(s.u32()) // module
				s.bytes(s.u32()) // name
				switch kind := s.byte(); kind {
				case 0: // function: its type index
					s.u32()
					fs.Imports++
				case 1: // table: element type, limits
					s.byte()
					s.limits()
				case 2: // memory: limits
					s.limits()
				case 3: // global: value type, mutability
					s.byte()
					s.byte()
				default:
					return fs, fmt.Errorf("import of kind %d", kind)
				}
			}
		case sectionCode:
			n := s.u32()
			for i := uint32(0); i < n && s.err == nil; i++ {
				fs.BodySizes = append(fs.BodySizes, len(s.bytes(s.u32())))
			}
		case sectionCustom:
			if string(s.bytes(s.u32())) != "name" {
				continue
			}
			for s.err == nil && s.i < len(s.b) {
				sub := s.byte()
				data := s.bytes(s.u32())
				if sub != 1 { // function names
					continue
				}
				d := reader{b: data}
				n := d.u32()
				for i := uint32(0); i < n && d.err == nil; i++ {
					idx := d.u32()
					fs.Names[int(idx)] = string(d.bytes(d.u32()))
				}
				if d.err != nil {
					return fs, fmt.Errorf("function names: %w", d.err)
				}
			}
		}
		if s.err != nil {
			return fs, fmt.Errorf("section %d: %w", id, s.err)
		}
	}
	return fs, nil
}

// limits skips a table's or memory's limits.
func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.u32()
	}
	r.u32()
}

// PackageOf is the Go package of a function as Go's linker names it in a
// WebAssembly module, where '/' (and every character but letters, digits
// and '.') is '_' ("github.com_icpcheck_beian_rules.runFields",
// "github.com_icpcheck_beian_rules_names.__Dictionary_.scanAs",
// "runtime.__mheap_.alloc"): what comes before the first '.', or, for a
// path that begins with a host (github.com_…, golang.org_…: a first
// element with a dot and a common top-level domain), before the first '.'
// after it. A '_' of the path cannot be told from a '/', so the package
// of a path like a_b/c is spelt a_b_c either way.
func PackageOf(name string) string {
	skip := 0
	if i := strings.IndexByte(name, '_'); i > 0 {
		if d := strings.LastIndexByte(name[:i], '.'); d > 0 {
			switch name[d+1 : i] {
			case "com", "org", "net", "io", "dev", "in", "cn":
				skip = i
			}
		}
	}
	if i := strings.IndexByte(name[skip:], '.'); i >= 0 {
		return name[:skip+i]
	}
	return name
}
