package wasmbuild

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testModule is a module of the shape Go's linker writes: a type
// section, a data section of segs (in their order) and a custom section
// after it; with dataCount, a data count section before the data.
func testModule(segs []segment, dataCount bool) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body []byte) {
		m = append(m, id)
		m = appendU32(m, uint32(len(body)))
		m = append(m, body...)
	}
	section(1, []byte{1, 0x60, 0, 0}) // one type: () → ()
	if dataCount {
		section(sectionDataCount, appendU32(nil, uint32(len(segs))))
	}
	body := appendU32(nil, uint32(len(segs)))
	for _, s := range segs {
		body = append(body, 0, 0x41)
		body = appendS32(body, int32(s.offset))
		body = append(body, 0x0b)
		body = appendU32(body, uint32(len(s.data)))
		body = append(body, s.data...)
	}
	section(sectionData, body)
	section(0, append(appendU32(nil, 4), "name\x00\x01\x02"...))
	return m
}

// image is the memory a module starts with, as its bytes that are not
// zero by address: its data segments applied to zeroed memory; with the
// module's sections other than data and data count, in order, and the
// data count's value.
func image(t *testing.T, m []byte) (mem map[uint32]byte, others [][]byte, count int) {
	t.Helper()
	count = -1
	mem = map[uint32]byte{}
	r := reader{b: m, i: 8}
	for r.i < len(m) {
		id := r.byte()
		body := r.bytes(r.u32())
		require.NoError(t, r.err)
		switch id {
		case sectionDataCount:
			c := reader{b: body}
			count = int(c.u32())
		case sectionData:
			d := reader{b: body}
			for n := d.u32(); n > 0; n-- {
				d.u32()
				d.byte()
				off := uint32(d.s32())
				d.byte()
				data := d.bytes(d.u32())
				require.NoError(t, d.err)
				for i, c := range data {
					if c != 0 {
						mem[off+uint32(i)] = c
					} else {
						delete(mem, off+uint32(i))
					}
				}
			}
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

// Random layouts like the linker's: runs of data and of zeros, shuffled.
func TestMergeDataSegmentsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 4))
	for trial := range 200 {
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
	good := testModule([]segment{{10, []byte("ab")}, {20, []byte("cd")}}, false)
	overlap := testModule([]segment{{10, []byte("abcd")}, {12, []byte("cd")}}, false)
	passive := bytes.Replace(good, []byte{0, 0x41, 10, 0x0b}, []byte{1, 0x41, 10, 0x0b}, 1)
	global := bytes.Replace(good, []byte{0, 0x41, 10, 0x0b}, []byte{0, 0x23, 10, 0x0b}, 1)
	negative := testModule([]segment{{0, []byte("a")}}, false)
	negative = bytes.Replace(negative, []byte{0x41, 0, 0x0b}, []byte{0x41, 0x7f, 0x0b}, 1)
	for name, m := range map[string][]byte{
		"empty":              nil,
		"not wasm":           []byte("\x7fELF\x02\x01\x01\x00"),
		"overlap":            overlap,
		"passive":            passive,
		"global offset":      global,
		"negative offset":    negative,
		"truncated":          good[:len(good)-12],
		"a section too long": append(good[:len(good):len(good)], 0, 0xff, 0xff, 0xff, 0xff, 0x0f),
	} {
		_, _, err := MergeDataSegments(m, 1024)
		assert.Error(t, err, name)
	}
	_, _, err := MergeDataSegments(good, 1024)
	assert.NoError(t, err)
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
