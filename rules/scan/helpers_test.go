package scan_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"

	"github.com/icpcheck/beian/internal/testimage"
)

// pngBomb returns a PNG whose header declares w×h 8-bit RGBA pixels,
// followed by an IDAT chunk of zlib-compressed zeros (a decompression
// bomb: a few kilobytes that would decode to w*h*4 bytes) and IEND.
func pngBomb(w, h uint32, zeros int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // bit depth 8, colour type RGBA
	testimage.PNGChunk(&b, "IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, zeros))
	zw.Close()
	testimage.PNGChunk(&b, "IDAT", z.Bytes())
	testimage.PNGChunk(&b, "IEND", nil)
	return b.Bytes()
}

// jpegHuge returns a baseline JPEG header (SOI, a quantisation table and
// an SOF0 segment) declaring w×h grey pixels, with no scan data.
func jpegHuge(w, h uint16) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xff, 0xd8})
	b.Write([]byte{0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00})
	dqt := append([]byte{0xff, 0xdb, 0x00, 0x43, 0x00}, bytes.Repeat([]byte{1}, 64)...)
	b.Write(dqt)
	b.Write([]byte{0xff, 0xc0, 0x00, 0x0b, 0x08, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 0x01, 0x01, 0x11, 0x00})
	return b.Bytes()
}

// infinite is a reader that never ends and counts what was read.
type infinite struct{ n int64 }

func (r *infinite) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0xff
	}
	r.n += int64(len(p))
	return len(p), nil
}
