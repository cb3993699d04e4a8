package wasmbuild

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// section is a module section: its id and its body with its length.
func section(id byte, body []byte) []byte {
	return append(appendU32([]byte{id}, uint32(len(body))), body...)
}

func name(s string) []byte { return append(appendU32(nil, uint32(len(s))), s...) }

// namedModule is a module with two function imports among a table, a
// memory and a global import, three function bodies of 3, 1 and 200
// bytes (a body's length takes two bytes past 127), a custom section of
// another name and a "name" section with a module name (subsection 0)
// before the function names.
func namedModule() []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	imp := appendU32(nil, 5)
	imp = append(append(append(imp, name("go")...), name("f")...), 0, 0)             // function, type 0
	imp = append(append(append(imp, name("go")...), name("t")...), 1, 0x70, 1, 2, 9) // table, funcref, min 2 max 9
	imp = append(append(append(imp, name("go")...), name("m")...), 2, 0, 1)          // memory, min 1
	imp = append(append(append(imp, name("go")...), name("g")...), 3, 0x7f, 1)       // global i32, mutable
	imp = append(append(append(imp, name("go")...), name("h")...), 0, 0)             // function, type 0
	m = append(m, section(sectionImport, imp)...)
	code := appendU32(nil, 3)
	code = append(append(code, 3), 0, 0x01, 0x0b)
	code = append(append(code, 1), 0x0b)
	code = appendU32(code, 200)
	code = append(code, make([]byte, 200)...)
	m = append(m, section(sectionCode, code)...)
	m = append(m, section(sectionCustom, append(name("other"), 1, 2, 3))...)
	names := name("name")
	names = append(names, section(0, name("mod"))...)
	fn := appendU32(nil, 3)
	fn = append(append(appendU32(fn, 2), name("runtime.main")...), append(appendU32(nil, 4), name("github.com_icpcheck_beian_rules.runFields")...)...)
	fn = append(appendU32(fn, 0), name("go.f")...)
	names = append(names, section(1, fn)...)
	return append(m, section(sectionCustom, names)...)
}

// TestFunctionNames reads a module laid out as Go's linker lays one out:
// fails if an import that is not a function is counted as one, if a
// table's or memory's limits are misread (the later imports shift), if
// a body's size is read as one byte, or if the names are not read by
// index.
func TestFunctionNames(t *testing.T) {
	fs, err := FunctionNames(namedModule())
	require.NoError(t, err)
	assert.Equal(t, 2, fs.Imports)
	assert.Equal(t, []int{3, 1, 200}, fs.BodySizes)
	assert.Equal(t, map[int]string{0: "go.f", 2: "runtime.main", 4: "github.com_icpcheck_beian_rules.runFields"}, fs.Names)
}

// TestFunctionNamesTruncated: a module cut inside a section is an error
// and one cut between sections reads as the module with fewer (fails if
// a short section reads as a whole one); no one-byte change panics or
// loops, and a count of bodies past the section's end is an error.
func TestFunctionNamesTruncated(t *testing.T) {
	m := namedModule()
	ends := map[int]bool{8: true}
	for r := (reader{b: m, i: 8}); r.i < len(m); {
		r.byte()
		r.bytes(r.u32())
		require.NoError(t, r.err)
		ends[r.i] = true
	}
	for i := 8; i < len(m); i++ {
		_, err := FunctionNames(m[:i])
		if ends[i] {
			assert.NoError(t, err, "cut after a section, at %d", i)
		} else {
			assert.Error(t, err, "cut inside a section, at %d", i)
		}
	}
	for i := range len(m) {
		for _, c := range []byte{0, 0x7f, 0x80, 0xff} {
			b := append([]byte(nil), m...)
			b[i] = c
			FunctionNames(b) // must not panic nor loop
		}
	}
	_, err := FunctionNames([]byte("\x00asm\x01\x00\x00\x00\x0a\x05\xff\xff\xff\xff\x0f"))
	assert.Error(t, err, "2^32-1 bodies in 5 bytes")
}

// TestPackageOf: fails if a host's dot ends the package, if a method's
// receiver is taken into it, or if a '_' after the package's dot is read
// as a host's end.
func TestPackageOf(t *testing.T) {
	for name, want := range map[string]string{
		"runtime.mallocgc":                                           "runtime",
		"github.com_icpcheck_beian_rules.runFields":                  "github.com_icpcheck_beian_rules",
		"github.com_icpcheck_beian_rules_names.__Dictionary_.scanAs": "github.com_icpcheck_beian_rules_names",
		"golang.org_x_text_internal_language.parseTag":               "golang.org_x_text_internal_language",
		"internal_runtime_maps.__Iter_.Next":                         "internal_runtime_maps",
		"runtime.__mheap_.allocSpan":                                 "runtime",
		"runtime.sync_runtime_Semacquire":                            "runtime",
		"sync.__Pool_.Get":                                           "sync",
		"syscall_js.Value.Call":                                      "syscall_js",
		"wasm_pc_f_loop":                                             "wasm_pc_f_loop",
		"go_buildid":                                                 "go_buildid",
	} {
		assert.Equal(t, want, PackageOf(name), name)
	}
}

// FuzzFunctionNames: any bytes read without a panic, and what reads
// without an error has bodies no longer than the module.
func FuzzFunctionNames(f *testing.F) {
	f.Add(namedModule())
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, m []byte) {
		fs, err := FunctionNames(m)
		if err != nil {
			return
		}
		require.GreaterOrEqual(t, fs.Imports, 0)
		for _, n := range fs.BodySizes {
			require.LessOrEqual(t, n, len(m))
		}
	})
}
