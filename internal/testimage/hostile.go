package testimage

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"math"
)

// JPEGHeader returns a JPEG file that declares w×h pixels of comps
// components (1, 3 or 4; chroma at full resolution), progressive or
// baseline, with every table a decoder needs and a scan header, but no
// image data: a file of about 150 bytes that makes a decoder allocate its
// image (and, progressive, its coefficients) before it finds the data
// missing.
func JPEGHeader(w, h, comps int, progressive bool) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xff, 0xd8})
	if comps == 4 { // Adobe APP14, transform 0: CMYK
		segment(&b, 0xee, []byte{'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0})
	}
	segment(&b, 0xdb, append([]byte{0x00}, bytes.Repeat([]byte{1}, 64)...))
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(comps)}
	for c := range comps {
		sof = append(sof, byte(c+1), 0x11, 0)
	}
	marker := byte(0xc0)
	if progressive {
		marker = 0xc2
	}
	segment(&b, marker, sof)
	// one code of one bit in each table
	segment(&b, 0xc4, []byte{0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	segment(&b, 0xc4, []byte{0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	sos := []byte{byte(comps)}
	for c := range comps {
		sos = append(sos, byte(c+1), 0x00)
	}
	if progressive {
		sos = append(sos, 0, 0, 0) // DC first
	} else {
		sos = append(sos, 0, 63, 0)
	}
	segment(&b, 0xda, sos)
	b.Write([]byte{0xff, 0xd9})
	return b.Bytes()
}

func segment(b *bytes.Buffer, marker byte, data []byte) {
	b.Write([]byte{0xff, marker, byte((len(data) + 2) >> 8), byte(len(data) + 2)})
	b.Write(data)
}

// PNGHeader returns a PNG file whose header declares w×h pixels of the
// given bit depth and colour type (0 grey, 2 RGB, 3 paletted, 4 grey with
// alpha, 6 RGBA), followed by a few bytes of compressed zeros and IEND: a
// file of about 120 bytes that would decode to w×h×(up to 8) bytes.
func PNGHeader(w, h uint32, depth, colorType byte) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = depth, colorType
	PNGChunk(&b, "IHDR", ihdr)
	if colorType == 3 {
		PNGChunk(&b, "PLTE", make([]byte, 3*256))
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 64))
	zw.Close()
	PNGChunk(&b, "IDAT", z.Bytes())
	PNGChunk(&b, "IEND", nil)
	return b.Bytes()
}

// PNGChunk appends a PNG chunk of type typ holding data to b, with its
// length and CRC, for tests that build PNG files by hand.
func PNGChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	b.Write(n[:])
}

// ProgressiveJPEG encodes img as a progressive JPEG (SOF2), grey when img
// is an *image.Gray, else YCbCr at full chroma resolution: a DC scan of
// every component, one AC scan per component for coefficients 1 to 63,
// then acScans−1 more AC scans of each component that code nothing (every
// block at end of band), which a decoder still walks block by block. The
// quantiser is q for every coefficient. The standard library has no
// progressive encoder; this one is for tests (fixed-length Huffman codes,
// a direct DCT: slow, about 1 µs a pixel).
func ProgressiveJPEG(img image.Image, q int, acScans int) []byte {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	_, grey := img.(*image.Gray)
	comps := 3
	if grey {
		comps = 1
	}
	bw, bh := (w+7)/8, (h+7)/8
	// coefficients of every block, natural order, quantised
	coef := make([][][64]int32, comps)
	for c := range coef {
		coef[c] = make([][64]int32, bw*bh)
	}
	var cosT [8][8]float64
	for x := range 8 {
		for u := range 8 {
			cosT[x][u] = math.Cos(float64(2*x+1) * float64(u) * math.Pi / 16)
		}
	}
	var px [3][64]float64
	for by := range bh {
		for bx := range bw {
			for y := range 8 {
				for x := range 8 {
					sx, sy := min(bx*8+x, w-1), min(by*8+y, h-1)
					r, g, bl, _ := img.At(b.Min.X+sx, b.Min.Y+sy).RGBA()
					if grey {
						px[0][y*8+x] = float64(color.GrayModel.Convert(img.At(b.Min.X+sx, b.Min.Y+sy)).(color.Gray).Y) - 128
						continue
					}
					yy, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(bl>>8))
					px[0][y*8+x], px[1][y*8+x], px[2][y*8+x] = float64(yy)-128, float64(cb)-128, float64(cr)-128
				}
			}
			for c := range comps {
				blk := &coef[c][by*bw+bx]
				for v := range 8 {
					for u := range 8 {
						var s float64
						for y := range 8 {
							for x := range 8 {
								s += px[c][y*8+x] * cosT[x][u] * cosT[y][v]
							}
						}
						cu, cv := 1.0, 1.0
						if u == 0 {
							cu = 1 / math.Sqrt2
						}
						if v == 0 {
							cv = 1 / math.Sqrt2
						}
						blk[v*8+u] = int32(math.Round(s * cu * cv / 4 / float64(q)))
					}
				}
			}
		}
	}
	var out bytes.Buffer
	out.Write([]byte{0xff, 0xd8})
	segment(&out, 0xe0, []byte{'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0})
	segment(&out, 0xdb, append([]byte{0x00}, bytes.Repeat([]byte{byte(q)}, 64)...))
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(comps)}
	for c := range comps {
		sof = append(sof, byte(c+1), 0x11, 0)
	}
	segment(&out, 0xc2, sof)
	// DC: categories 0–11, four-bit codes; AC: the 162 symbols, eight-bit
	// codes, each code its index in the list.
	dht := []byte{0x00, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	for s := range 12 {
		dht = append(dht, byte(s))
	}
	segment(&out, 0xc4, dht)
	acSyms := []byte{0x00, 0xf0}
	for run := range 16 {
		for size := 1; size <= 10; size++ {
			acSyms = append(acSyms, byte(run<<4|size))
		}
	}
	acCode := map[byte]uint32{}
	for i, s := range acSyms {
		acCode[s] = uint32(i)
	}
	dht = []byte{0x10, 0, 0, 0, 0, 0, 0, 0, byte(len(acSyms)), 0, 0, 0, 0, 0, 0, 0, 0}
	segment(&out, 0xc4, append(dht, acSyms...))
	// DC scan
	sos := []byte{byte(comps)}
	for c := range comps {
		sos = append(sos, byte(c+1), 0x00)
	}
	segment(&out, 0xda, append(sos, 0, 0, 0))
	bits := &bitWriter{out: &out}
	pred := make([]int32, comps)
	for i := range bw * bh {
		for c := range comps {
			d := coef[c][i][0] - pred[c]
			pred[c] = coef[c][i][0]
			n, v := magnitude(d)
			bits.put(uint32(n), 4)
			bits.put(v, n)
		}
	}
	bits.flush()
	for pass := range max(acScans, 1) {
		for c := range comps {
			segment(&out, 0xda, []byte{1, byte(c + 1), 0x00, 1, 63, 0})
			for i := range bw * bh {
				if pass > 0 { // nothing left: end of band
					bits.put(acCode[0x00], 8)
					continue
				}
				blk := &coef[c][i]
				run := 0
				for k := 1; k < 64; k++ {
					v := blk[zigzag[k]]
					if v == 0 {
						run++
						continue
					}
					for run >= 16 {
						bits.put(acCode[0xf0], 8)
						run -= 16
					}
					n, bv := magnitude(v)
					bits.put(acCode[byte(run<<4|n)], 8)
					bits.put(bv, n)
					run = 0
				}
				if run > 0 {
					bits.put(acCode[0x00], 8)
				}
			}
			bits.flush()
		}
	}
	out.Write([]byte{0xff, 0xd9})
	return out.Bytes()
}

// magnitude returns the size category of v and its bits as JPEG codes
// them (one's complement for negative values).
func magnitude(v int32) (int, uint32) {
	a := v
	if a < 0 {
		a = -a
	}
	n := 0
	for a > 0 {
		n++
		a >>= 1
	}
	if v < 0 {
		v += 1<<n - 1
	}
	return n, uint32(v)
}

var zigzag = [64]int{
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
}

type bitWriter struct {
	out  *bytes.Buffer
	acc  uint32
	nacc int
}

func (b *bitWriter) put(v uint32, n int) {
	for i := n - 1; i >= 0; i-- {
		b.acc = b.acc<<1 | (v>>i)&1
		b.nacc++
		if b.nacc == 8 {
			b.emit(byte(b.acc))
			b.acc, b.nacc = 0, 0
		}
	}
}

func (b *bitWriter) emit(c byte) {
	b.out.WriteByte(c)
	if c == 0xff {
		b.out.WriteByte(0)
	}
}

// flush pads the last byte with ones.
func (b *bitWriter) flush() {
	if b.nacc > 0 {
		b.emit(byte(b.acc<<(8-b.nacc) | (1<<(8-b.nacc) - 1)))
		b.acc, b.nacc = 0, 0
	}
}
