package wasmbuild

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/icpcheck/beian/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests write and read modules with LEB128 code of their own, not
// the package's reader and writers: padded to 5 bytes where the package
// writes the shortest form (a linker may write either; both are valid).

// padU32 writes v as an unsigned LEB128 number padded to 5 bytes.
func padU32(b []byte, v uint32) []byte {
	for i := 0; i < 4; i++ {
		b = append(b, byte(v&0x7f)|0x80)
		v >>= 7
	}
	return append(b, byte(v&0x7f))
}

// padS32 writes v as a signed LEB128 number padded to 5 bytes.
func padS32(b []byte, v int32) []byte {
	u := uint32(v)
	for i := 0; i < 4; i++ {
		b = append(b, byte(u&0x7f)|0x80)
		u >>= 7
	}
	return append(b, byte(u&0x0f)|byte(uint32(v)>>31)<<4|byte(uint32(v)>>31)<<5|byte(uint32(v)>>31)<<6)
}

// leb reads an unsigned LEB128 number (encoding/binary's uvarint is the
// same code).
func leb(t *testing.T, b []byte, i *int) uint64 {
	t.Helper()
	v, n := binary.Uvarint(b[*i:])
	require.Positive(t, n, "a number at %d", *i)
	*i += n
	return v
}

// sleb reads a signed LEB128 number.
func sleb(t *testing.T, b []byte, i *int) int64 {
	t.Helper()
	var v int64
	var shift uint
	for {
		require.Less(t, *i, len(b))
		c := b[*i]
		*i++
		v |= int64(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if c&0x40 != 0 && shift < 64 {
				v |= -1 << shift
			}
			return v
		}
	}
}

// testModule is a module of the shape Go's linker writes: a type
// section, a data section of segs (in their order) and a custom section
// after it; with dataCount, a data count section before the data.
func testModule(segs []segment, dataCount bool) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body []byte) {
		m = append(m, id)
		m = padU32(m, uint32(len(body)))
		m = append(m, body...)
	}
	section(1, []byte{1, 0x60, 0, 0}) // one type: () → ()
	if dataCount {
		section(sectionDataCount, padU32(nil, uint32(len(segs))))
	}
	body := padU32(nil, uint32(len(segs)))
	for _, s := range segs {
		body = append(body, 0, 0x41)
		body = padS32(body, int32(s.offset))
		body = append(body, 0x0b)
		body = padU32(body, uint32(len(s.data)))
		body = append(body, s.data...)
	}
	section(sectionData, body)
	section(0, append(padU32(nil, 4), "name\x00\x01\x02"...))
	return m
}

// image is the memory a module starts with, as its bytes that are not
// zero by address: its data segments applied to zeroed memory; with the
// module's sections other than data and data count, in order (their ids
// and bodies), and the data count's value.
func image(t *testing.T, m []byte) (mem map[uint32]byte, others [][]byte, count int) {
	t.Helper()
	count = -1
	mem = map[uint32]byte{}
	for i := 8; i < len(m); {
		id := m[i]
		i++
		n := int(leb(t, m, &i))
		require.LessOrEqual(t, i+n, len(m))
		body := m[i : i+n]
		i += n
		switch id {
		case sectionDataCount:
			j := 0
			count = int(leb(t, body, &j))
		case sectionData:
			j := 0
			for k := leb(t, body, &j); k > 0; k-- {
				require.Equal(t, uint64(0), leb(t, body, &j), "flags")
				require.Equal(t, byte(0x41), body[j])
				j++
				off := uint32(sleb(t, body, &j))
				require.Equal(t, byte(0x0b), body[j])
				j++
				size := int(leb(t, body, &j))
				for x, c := range body[j : j+size] {
					if c != 0 {
						mem[off+uint32(x)] = c
					} else {
						delete(mem, off+uint32(x))
					}
				}
				j += size
			}
			require.Equal(t, len(body), j, "bytes after the segments")
		default:
			others = append(others, append([]byte{id}, body...))
		}
	}
	return mem, others, count
}

func TestMergeDataSegments(t *testing.T) {
	seg := func(off uint32, s string) segment { return segment{off, []byte(s)} }
	for _, tc := range []struct {
		name   string
		segs   []segment
		maxGap int
		after  int
		filled int
	}{
		{"none", nil, 1024, 0, 0},
		{"one", []segment{seg(4096, "go")}, 1024, 1, 0},
		{"adjacent", []segment{seg(10, "ab"), seg(12, "cd")}, 0, 1, 0},
		{"gap within", []segment{seg(10, "ab"), seg(20, "cd")}, 8, 1, 8},
		{"gap just over", []segment{seg(10, "ab"), seg(21, "cd")}, 8, 2, 0},
		{"out of order", []segment{seg(300, "z"), seg(100, "x"), seg(200, "y")}, 98, 3, 0},
		{"out of order, joined", []segment{seg(300, "z"), seg(100, "x"), seg(200, "y")}, 99, 1, 198},
		{"empty segments", []segment{seg(50, ""), seg(50, "a"), seg(60, "")}, 16, 1, 9},
		{"chain", []segment{seg(0, "a"), seg(9, "b"), seg(18, "c"), seg(5000, "d")}, 8, 2, 16},
		{"offsets of 5 bytes", []segment{seg(1<<31-3, "abc"), seg(1<<31-20, "xyz")}, 16, 1, 14},
	} {
		for _, dc := range []bool{false, true} {
			in := testModule(tc.segs, dc)
			out, st, err := MergeDataSegments(in, tc.maxGap)
			require.NoError(t, err, tc.name)
			assert.Equal(t, DataSegmentStats{Before: len(tc.segs), After: tc.after, Filled: tc.filled}, st, tc.name)
			memIn, othersIn, countIn := image(t, in)
			memOut, othersOut, countOut := image(t, out)
			assert.Equal(t, memIn, memOut, "%s: the memory the module starts with", tc.name)
			assert.Equal(t, othersIn, othersOut, "%s: the other sections", tc.name)
			if dc {
				assert.Equal(t, len(tc.segs), countIn, tc.name)
				assert.Equal(t, tc.after, countOut, "%s: the data count section", tc.name)
			} else {
				assert.Equal(t, -1, countOut, tc.name)
			}
		}
	}
}

// randomSegments returns a random layout like the linker's: up to 59
// segments of up to 39 random bytes with gaps of zeros between them,
// shuffled.
func randomSegments(rng *rand.Rand) []segment {
	var segs []segment
	off := uint32(rng.IntN(5000))
	for range rng.IntN(60) {
		data := make([]byte, rng.IntN(40))
		for i := range data {
			data[i] = byte(rng.IntN(256))
		}
		segs = append(segs, segment{off, data})
		off += uint32(len(data)) + uint32(rng.IntN(3000))
	}
	rng.Shuffle(len(segs), func(i, j int) { segs[i], segs[j] = segs[j], segs[i] })
	return segs
}

// Random layouts like the linker's: runs of data and of zeros, shuffled.
func TestMergeDataSegmentsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 4))
	for trial := range 200 {
		segs := randomSegments(rng)
		gap := rng.IntN(2000)
		in := testModule(segs, trial%2 == 0)
		out, st, err := MergeDataSegments(in, gap)
		require.NoError(t, err)
		memIn, othersIn, _ := image(t, in)
		memOut, othersOut, count := image(t, out)
		require.Equal(t, memIn, memOut, "trial %d", trial)
		require.Equal(t, othersIn, othersOut, "trial %d", trial)
		if trial%2 == 0 {
			require.Equal(t, st.After, count, "trial %d", trial)
		}
		// Merging again joins nothing more.
		again, st2, err := MergeDataSegments(out, gap)
		require.NoError(t, err)
		require.Equal(t, st.After, st2.After)
		require.Zero(t, st2.Filled)
		require.Equal(t, out, again)
	}
}

func TestMergeDataSegmentsRefuses(t *testing.T) {
	// dataModule is a module whose data section's body is body.
	dataModule := func(body ...byte) []byte {
		return append(append([]byte("\x00asm\x01\x00\x00\x00"), sectionData, byte(len(body))), body...)
	}
	good := testModule([]segment{{10, []byte("ab")}, {20, []byte("cd")}}, false)
	for name, m := range map[string][]byte{
		"empty":              nil,
		"not wasm":           []byte("\x7fELF\x02\x01\x01\x00"),
		"overlap":            testModule([]segment{{10, []byte("abcd")}, {12, []byte("cd")}}, false),
		"passive":            dataModule(1, 1, 2, 'a', 'b'),
		"memory 1":           dataModule(1, 2, 1, 0x41, 10, 0x0b, 1, 'a'),
		"global offset":      dataModule(1, 0, 0x23, 0, 0x0b, 1, 'a'),
		"two instructions":   dataModule(1, 0, 0x41, 10, 0x41, 0x0b, 1, 'a'),
		"negative offset":    dataModule(1, 0, 0x41, 0x7f, 0x0b, 1, 'a'),
		"more segments said": dataModule(2, 0, 0x41, 10, 0x0b, 1, 'a'),
		"bytes after":        dataModule(1, 0, 0x41, 10, 0x0b, 1, 'a', 'z'),
		"a 6-byte number":    dataModule(1, 0, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b, 1, 'a'),
		"truncated":          good[:len(good)-12],
		"a section too long": append(good[:len(good):len(good)], 0, 0xff, 0xff, 0xff, 0xff, 0x0f),
	} {
		_, _, err := MergeDataSegments(m, 1024)
		assert.Error(t, err, name)
	}
	_, _, err := MergeDataSegments(good, 1024)
	assert.NoError(t, err)
	_, _, err = MergeDataSegments(dataModule(1, 0, 0x41, 10, 0x0b, 1, 'a'), 1024)
	assert.NoError(t, err, "the refused modules differ from this one by their fault alone")
}

// Any bytes: an error or a module with the same memory, never a panic.
func FuzzMergeDataSegments(f *testing.F) {
	f.Add(testModule([]segment{{10, []byte("ab")}, {20, []byte("cd")}}, true), 8)
	f.Add(testModule([]segment{{300, []byte("z")}, {100, []byte("x")}}, false), 1024)
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x0b\x01\x00"), 0)
	f.Fuzz(func(t *testing.T, m []byte, gap int) {
		if gap < 0 || gap > 1<<16 {
			return
		}
		out, st, err := MergeDataSegments(m, gap)
		if err != nil {
			return
		}
		if st.After > st.Before {
			t.Fatalf("%d segments became %d", st.Before, st.After)
		}
		if _, _, err := MergeDataSegments(out, gap); err != nil {
			t.Fatalf("the merged module does not read back: %v", err)
		}
	})
}

// memory is the memory a module starts with, byte for byte up to the last
// one its data segments write, read with the tests' own LEB128 code.
func memory(t *testing.T, m []byte) []byte {
	t.Helper()
	var mem []byte
	for i := 8; i < len(m); {
		id := m[i]
		i++
		n := int(leb(t, m, &i))
		body := m[i : i+n]
		i += n
		if id != sectionData {
			continue
		}
		j := 0
		for k := leb(t, body, &j); k > 0; k-- {
			leb(t, body, &j)
			j++
			off := int(sleb(t, body, &j))
			j++
			size := int(leb(t, body, &j))
			if end := off + size; end > len(mem) {
				mem = append(mem, make([]byte, end-len(mem))...)
			}
			copy(mem[off:], body[j:j+size])
			j += size
		}
	}
	return mem
}

// TestMergeGoLinkerOutput joins the data segments of what Go's linker
// wrote for the WebAssembly checks (a build as Build makes it, before the
// join): the same memory, the same other sections, every segment within
// MaxZeroGap of the next one joined. It builds the program: exhaustive
// runs only (.ci/run), or BEIAN_EXHAUSTIVE=1.
func TestMergeGoLinkerOutput(t *testing.T) {
	testenv.Exhaustive(t)
	ctx := context.Background()
	root, err := ModuleRoot(ctx, ".")
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "beian.wasm")
	cmd := exec.Command("go", append(append([]string{"build", "-o", out}, Flags...), Package)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", b)
	linked, err := os.ReadFile(out)
	require.NoError(t, err)
	joined, st, err := MergeDataSegments(linked, MaxZeroGap)
	require.NoError(t, err)
	t.Logf("%d segments → %d, %d zero bytes written out; %d → %d bytes", st.Before, st.After, st.Filled, len(linked), len(joined))
	assert.Greater(t, st.Before, 10_000, "Go's linker splits the data at runs of zeros")
	assert.Less(t, st.After, 200)
	assert.LessOrEqual(t, len(joined), len(linked)+st.Filled, "the module grew by more than the zeros written out")
	assert.True(t, bytes.Equal(memory(t, linked), memory(t, joined)), "the memory the program starts with differs")
	_, othersLinked, _ := image(t, withoutData(t, linked))
	_, othersJoined, _ := image(t, withoutData(t, joined))
	assert.Equal(t, othersLinked, othersJoined, "the other sections")
}

// withoutData is m without its data section, for image's list of the
// other sections without building a map of every byte of memory.
func withoutData(t *testing.T, m []byte) []byte {
	t.Helper()
	out := slices.Clone(m[:8])
	for i := 8; i < len(m); {
		start := i
		id := m[i]
		i++
		n := int(leb(t, m, &i))
		i += n
		if id != sectionData {
			out = append(out, m[start:i]...)
		}
	}
	return out
}
