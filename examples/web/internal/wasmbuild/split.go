package wasmbuild

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// DataFile is the name of the memory image beside beian.wasm: the data
// segments Build takes out of the module (SplitData).
const DataFile = "beian-data.bin"

// DataMagic begins a data file; DataSection names the module's custom
// section that says which data file is its own.
const (
	DataMagic   = "beiandat"
	DataSection = "beian.data"
)

// dataIDLen is the length of a data file's identity: the first bytes of
// the SHA-256 of its segments, written in the file's header and in the
// module's DataSection.
const dataIDLen = 16

// SplitData takes the data segments out of module (all active, of
// memory 0, at constant offsets, as Go's linker and MergeDataSegments
// write them) and returns the module without them and the data file that
// holds them. The JS package (../../static/beian/index.js) writes the
// file's segments into the instance's memory before the Go program
// starts, which is then the memory the module would have started with,
// byte for byte: a fresh instance's memory is zero, and instantiating
// applies the segments to it and nothing else.
//
// Why: V8 decodes a module's bytes as they stream in, on the thread
// that compiles it, and in Node's streaming compile the 4 MB of data
// segments took 55 ms of the 145 ms of CPU (examples/web/README.md,
// "Round 9"), where a fetch of the same bytes as an ArrayBuffer costs
// next to nothing and runs beside the compile.
//
// The data file is DataMagic, the data's identity (dataIDLen bytes: the
// SHA-256 of the rest, cut), then each segment as its offset and length
// (uint32, little-endian) and its bytes. The module without the data
// gains a custom section named DataSection holding the same identity, so
// that a module is never started with another build's data. Every other
// section is kept as it is; a data count section, if any, goes with the
// data. A module it does not understand is an error, never another
// module.
func SplitData(module []byte) (code, data []byte, err error) {
	if len(module) < 8 || !bytes.Equal(module[:4], []byte("\x00asm")) {
		return nil, nil, errors.New("not a WebAssembly module")
	}
	code = slices.Clip(slices.Clone(module[:8]))
	var segs []segment
	found := false
	for r := (reader{b: module, i: 8}); r.i < len(module); {
		start := r.i
		id := r.byte()
		size := r.u32()
		body := r.bytes(size)
		if r.err != nil {
			return nil, nil, fmt.Errorf("section header at byte %d: %w", r.i, r.err)
		}
		switch id {
		case sectionData:
			if found {
				return nil, nil, errors.New("two data sections")
			}
			found = true
			segs, err = readSegments(body)
			if err != nil {
				return nil, nil, fmt.Errorf("data section: %w", err)
			}
		case sectionDataCount:
		default:
			code = append(code, module[start:r.i]...)
		}
	}
	var rest []byte
	for _, s := range segs {
		rest = binary.LittleEndian.AppendUint32(rest, s.offset)
		rest = binary.LittleEndian.AppendUint32(rest, uint32(len(s.data)))
		rest = append(rest, s.data...)
	}
	sum := sha256.Sum256(rest)
	id := sum[:dataIDLen]
	data = append(append([]byte(DataMagic), id...), rest...)
	custom := append(appendU32(nil, uint32(len(DataSection))), DataSection...)
	custom = append(custom, id...)
	code = append(code, 0)
	code = appendU32(code, uint32(len(custom)))
	code = append(code, custom...)
	return code, data, nil
}

// readSegments reads a data section's body: active segments of memory 0
// at i32.const offsets, none of them past 4 GiB.
func readSegments(body []byte) ([]segment, error) {
	r := reader{b: body}
	n := r.u32()
	if r.err != nil {
		return nil, r.err
	}
	if uint64(n) > uint64(len(body)) { // each segment takes 5 bytes at least
		return nil, fmt.Errorf("%d segments in %d bytes", n, len(body))
	}
	segs := make([]segment, 0, n)
	for range n {
		if flags := r.u32(); flags != 0 {
			return nil, fmt.Errorf("segment %d: flags %d: only active segments of memory 0 are read", len(segs), flags)
		}
		if op := r.byte(); op != 0x41 { // i32.const
			return nil, fmt.Errorf("segment %d: its offset is not an i32.const", len(segs))
		}
		off := r.s32()
		if end := r.byte(); end != 0x0b {
			return nil, fmt.Errorf("segment %d: its offset is not a constant expression", len(segs))
		}
		size := r.u32()
		data := r.bytes(size)
		if r.err != nil {
			return nil, fmt.Errorf("segment %d: %w", len(segs), r.err)
		}
		if off < 0 || uint64(off)+uint64(size) > 1<<32 {
			return nil, fmt.Errorf("segment %d: offset %d", len(segs), off)
		}
		segs = append(segs, segment{uint32(off), data})
	}
	if r.i != len(body) {
		return nil, fmt.Errorf("%d bytes after the last segment", len(body)-r.i)
	}
	return segs, nil
}
