package wasmbuild

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// MaxZeroGap is the longest run of zero bytes between two of the .wasm's
// data segments that Build fills in to make them one (MergeDataSegments).
//
// Go's linker starts a new data segment after every run of 8 or more zero
// bytes, so that they take no room in the file: the build's data section
// is 69,171 segments. The browser decodes each one as the module streams
// in and copies each one into memory when the module is instantiated,
// and each costs a few bytes of header that gzip does not squeeze as well
// as zeros. Filled in up to 1 KiB, they are 50 segments; gzip -9 of the
// .wasm is 124 KB smaller (2,179,457 → 2,055,304 bytes) though the .wasm
// is 0.84 MB larger (examples/web/README.md, "Round 4", has the other gaps
// measured).
const MaxZeroGap = 1024

// The section ids MergeDataSegments reads.
const (
	sectionData      = 11
	sectionDataCount = 12
)

// DataSegmentStats says what MergeDataSegments did.
type DataSegmentStats struct {
	Before, After int // data segments
	Filled        int // zero bytes written out to join them
}

// MergeDataSegments returns module with its active data segments (all of
// memory 0 at constant offsets, as Go's linker writes them) sorted by
// offset and joined wherever at most maxGap bytes lie between one's end
// and the next one's start, those bytes written out as zeros. Memory
// starts zeroed, so the memory the module starts with is the same byte
// for byte; every other section is copied as it is (a data count
// section, if any, is updated). A module it does not understand (passive
// segments, another memory, an offset that is not a constant, segments
// that overlap, malformed bytes) is an error, never a different module.
func MergeDataSegments(module []byte, maxGap int) ([]byte, DataSegmentStats, error) {
	var st DataSegmentStats
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, st, errors.New("not a WebAssembly module")
	}
	out := slices.Clip(slices.Clone(module[:8]))
	var merged int // the segment count written, for a data count section
	dataCount := -1
	for r := (reader{b: module, i: 8}); r.i < len(module); {
		id := r.byte()
		size := r.u32()
		body := r.bytes(size)
		if r.err != nil {
			return nil, st, fmt.Errorf("section header at byte %d: %w", r.i, r.err)
		}
		switch id {
		case sectionData:
			var err error
			body, st, err = mergeSegments(body, maxGap)
			if err != nil {
				return nil, st, fmt.Errorf("data section: %w", err)
			}
			merged = st.After
		case sectionDataCount:
			dataCount = len(out) // rewritten below, once the count is known
		}
		out = append(out, id)
		out = appendU32(out, uint32(len(body)))
		out = append(out, body...)
	}
	if dataCount >= 0 {
		// The data count section comes before the data section: write the
		// module again with the new count.
		var rest []byte
		rest = append(rest, out[:dataCount]...)
		r := reader{b: out, i: dataCount}
		r.byte()
		n := r.u32()
		r.bytes(n)
		rest = append(rest, sectionDataCount)
		count := appendU32(nil, uint32(merged))
		rest = appendU32(rest, uint32(len(count)))
		rest = append(rest, count...)
		rest = append(rest, out[r.i:]...)
		out = rest
	}
	return out, st, nil
}

type segment struct {
	offset uint32
	data   []byte
}

func mergeSegments(body []byte, maxGap int) ([]byte, DataSegmentStats, error) {
	var st DataSegmentStats
	segs, err := readSegments(body)
	if err != nil {
		return nil, st, err
	}
	st.Before = len(segs)
	slices.SortStableFunc(segs, func(a, b segment) int {
		switch {
		case a.offset < b.offset:
			return -1
		case a.offset > b.offset:
			return 1
		}
		return 0
	})
	var joined []segment
	for _, s := range segs {
		if k := len(joined) - 1; k >= 0 {
			last := &joined[k]
			end := uint64(last.offset) + uint64(len(last.data))
			if uint64(s.offset) < end {
				return nil, st, fmt.Errorf("segments at %d and %d overlap", last.offset, s.offset)
			}
			if gap := uint64(s.offset) - end; gap <= uint64(maxGap) {
				last.data = append(last.data, make([]byte, gap)...)
				last.data = append(last.data, s.data...)
				st.Filled += int(gap)
				continue
			}
		}
		joined = append(joined, segment{s.offset, slices.Clip(s.data)})
	}
	st.After = len(joined)
	out := appendU32(nil, uint32(len(joined)))
	for _, s := range joined {
		out = append(out, 0, 0x41)
		out = appendS32(out, int32(s.offset))
		out = append(out, 0x0b)
		out = appendU32(out, uint32(len(s.data)))
		out = append(out, s.data...)
	}
	return out, st, nil
}

// reader reads a module's LEB128 numbers and bytes; its first problem
// sticks in err.
type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.i = len(r.b)
}

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		r.fail(errors.New("unexpected end"))
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *reader) bytes(n uint32) []byte {
	if uint64(n) > uint64(len(r.b)-r.i) {
		r.fail(errors.New("unexpected end"))
		return nil
	}
	s := r.b[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}

// u32 reads an unsigned LEB128 number of at most 5 bytes.
func (r *reader) u32() uint32 {
	var v uint64
	for shift := uint(0); shift < 35; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if v > 1<<32-1 {
				r.fail(errors.New("a number over 32 bits"))
				return 0
			}
			return uint32(v)
		}
	}
	r.fail(errors.New("a number of more than 5 bytes"))
	return 0
}

// s32 reads a signed LEB128 number of at most 5 bytes.
func (r *reader) s32() int32 {
	var v int64
	for shift := uint(0); shift < 35; shift += 7 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		if c < 0x80 {
			if c&0x40 != 0 {
				v -= 1 << (shift + 7)
			}
			if v < -1<<31 || v > 1<<31-1 {
				r.fail(errors.New("a number over 32 bits"))
				return 0
			}
			return int32(v)
		}
	}
	r.fail(errors.New("a number of more than 5 bytes"))
	return 0
}

func appendU32(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
