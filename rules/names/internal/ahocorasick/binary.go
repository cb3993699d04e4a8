package ahocorasick

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// The binary form of an automaton (AppendBinary, Load) is its tables as
// they are in memory, little-endian, each starting at a multiple of 4
// bytes: a header of 10 uint32 (magic, words, count, flags, cjkFrom and
// the lengths of cjk, page, blocks, hot and states), then cjk and page
// (uint16 each), blocks (int32), hot (base, check, fail: int32 each)
// and states (out, link). Load uses the bytes in place where it can, so
// that an automaton embedded in the program costs neither a build nor
// heap memory: only the pages a scan touches are read.
const (
	magic      = 0x31434140 // "@AC1"
	headerSize = 10 * 4
	flagFolds  = 1
)

// AppendBinary appends the binary form of a to b.
func (a *Automaton) AppendBinary(b []byte) []byte {
	flags := uint32(0)
	if a.folds {
		flags |= flagFolds
	}
	for _, v := range [...]uint32{magic, uint32(a.words), uint32(a.count), flags, uint32(a.cjkFrom),
		uint32(len(a.cjk)), uint32(len(a.page)), uint32(len(a.blocks)), uint32(len(a.hot)), uint32(len(a.states))} {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	for _, v := range a.cjk {
		b = binary.LittleEndian.AppendUint16(b, v)
	}
	b = pad(b, len(a.cjk))
	for _, v := range a.page {
		b = binary.LittleEndian.AppendUint16(b, v)
	}
	b = pad(b, len(a.page))
	for _, v := range a.blocks {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	for _, t := range a.hot {
		b = binary.LittleEndian.AppendUint32(b, uint32(t.base))
		b = binary.LittleEndian.AppendUint32(b, uint32(t.check))
		b = binary.LittleEndian.AppendUint32(b, uint32(t.fail))
	}
	for _, st := range a.states {
		b = binary.LittleEndian.AppendUint32(b, uint32(st.out))
		b = binary.LittleEndian.AppendUint32(b, uint32(st.link))
	}
	return b
}

// pad appends the two bytes that bring n uint16 to a multiple of 4
// bytes.
func pad(b []byte, n int) []byte {
	if n%2 != 0 {
		b = append(b, 0, 0)
	}
	return b
}

// errFormat is Load's error for data that is no automaton of this
// version.
var errFormat = errors.New("ahocorasick: not an automaton of this version")

// nativeLE reports whether the machine is little-endian.
var nativeLE = func() bool { x := uint16(1); return *(*byte)(unsafe.Pointer(&x)) == 1 }()

// Load returns the automaton whose binary form (AppendBinary) starts
// data, and the rest of data. Where data is 4-aligned in memory on a
// little-endian machine, the automaton's tables are data's bytes, which
// must then never change (a string's); otherwise they are copied.
//
// Load checks what a scan relies on (every fail and output link leads,
// link by link, to the root; every word number is below Words), so that
// any data gives an error or an automaton that scans without failing;
// the words of an automaton from damaged data are nonsense.
func Load(data string) (*Automaton, string, error) {
	if len(data) < headerSize {
		return nil, "", errFormat
	}
	var h [10]uint32
	for i := range h {
		h[i] = le32(data[4*i:])
	}
	if h[0] != magic || h[3]&^flagFolds != 0 {
		return nil, "", errFormat
	}
	nCJK, nPage, nBlocks, nHot, nStates := int64(h[5]), int64(h[6]), int64(h[7]), int64(h[8]), int64(h[9])
	size := headerSize + (2*nCJK+3)&^3 + (2*nPage+3)&^3 + 4*nBlocks + 12*nHot + 8*nStates
	if size > int64(len(data)) || nHot != nStates || nHot == 0 || nPage > pages || nBlocks%256 != 0 || nBlocks == 0 ||
		h[1] > 1<<30 || int64(h[2]) > nHot || int64(h[4])+nCJK > cjkEnd || nCJK > 0 && h[4] < cjkStart {
		return nil, "", errFormat
	}
	a := &Automaton{words: int(h[1]), count: int(h[2]), folds: h[3]&flagFolds != 0, cjkFrom: rune(h[4])}
	rest := data[headerSize:]
	a.cjk, rest = view[uint16](rest, int(nCJK), 2)
	a.page, rest = view[uint16](rest, int(nPage), 2)
	a.blocks, rest = view[int32](rest, int(nBlocks), 4)
	a.hot, rest = view[trans](rest, int(nHot), 12)
	a.states, rest = view[state](rest, int(nStates), 8)
	if err := a.check(); err != nil {
		return nil, "", err
	}
	return a, rest, nil
}

// view returns the first n values of size bytes of data, as the values
// of T (whose fields are int32 or uint16 only), and the rest of data
// from the next multiple of 4 bytes.
func view[T uint16 | int32 | trans | state](data string, n, size int) ([]T, string) {
	bytes := n * size
	next := (bytes + 3) &^ 3
	if n == 0 {
		return nil, data[next:]
	}
	p := unsafe.StringData(data)
	if nativeLE && uintptr(unsafe.Pointer(p))%4 == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(p)), n), data[next:]
	}
	// Copied: the words of each value, as int32 or uint16, in order.
	out := make([]T, n)
	dst := unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), bytes)
	if size == 2 {
		for i := 0; i < n; i++ {
			binary.NativeEndian.PutUint16(dst[2*i:], uint16(data[2*i])|uint16(data[2*i+1])<<8)
		}
	} else {
		for i := 0; i < bytes; i += 4 {
			binary.NativeEndian.PutUint32(dst[i:], le32(data[i:]))
		}
	}
	return out, data[next:]
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// check checks what Load promises of a loaded automaton.
func (a *Automaton) check() error {
	nBlocks := len(a.blocks) >> 8
	for _, b := range a.page {
		if int(b) >= nBlocks {
			return errFormat
		}
	}
	n := int32(len(a.hot))
	if a.hot[0].fail != 0 || a.states[0].link != 0 {
		return errFormat // the root ends every chain
	}
	// seen: 1 while following a chain, 2 once it is known to reach the
	// root; chains are followed once, so the check is linear.
	seen := make([]uint8, n)
	seen[0] = 2
	follow := func(s int32, next func(int32) int32) bool {
		path := s
		for seen[s] != 2 {
			if seen[s] == 1 {
				return false // a cycle
			}
			seen[s] = 1
			if s = next(s); s < 0 || s >= n {
				return false
			}
		}
		for s = path; seen[s] == 1; s = next(s) {
			seen[s] = 2
		}
		return true
	}
	fail := func(s int32) int32 { return a.hot[s].fail }
	link := func(s int32) int32 { return a.states[s].link }
	for s := range n {
		if !follow(s, fail) {
			return errFormat
		}
		if out := a.states[s].out; out < -1 || int(out) >= a.words {
			return errFormat
		}
	}
	clear(seen)
	seen[0] = 2
	for s := range n {
		if !follow(s, link) {
			return errFormat
		}
	}
	return nil
}
