package scan

import (
	"encoding/binary"
	"errors"
	"strconv"
)

// The header pass: before an image is decoded, its markers (JPEG) or
// chunks (PNG) are walked to learn what the standard library's decoder
// will allocate and how much work it will do, which depends on more than
// the pixel count: a progressive JPEG keeps every DCT coefficient of every
// component (4 bytes a sample) besides the image, a 16-bit PNG takes 8
// bytes a pixel, an interlaced one twice its image. The estimates are
// upper bounds of what image/jpeg and image/png (Go 1.26) allocate, held
// to measured allocations by TestDecodeCostBound.

// A decodeCost is what decoding an image would take.
type decodeCost struct {
	// mem is the bytes the decoder allocates, an upper bound.
	mem int64
	// work is the decoder's work in block decodes: one per 8×8 block of
	// each component in each JPEG scan, plus one per block for the final
	// transform of a progressive JPEG; for a PNG, one per 64 bytes of
	// inflated data.
	work int64
	// progressive is set for a progressive JPEG; depth is a PNG's bit
	// depth. Both only name the frame in problems.
	progressive bool
	depth       int
}

// decoderOverhead is what a decode allocates besides the image and its
// coefficients: the decoder's tables and buffers, the zlib window, the
// sharpness measure's rows (beyond the width counted separately).
const decoderOverhead = 512 << 10

var errHeader = errors.New("malformed image header")

// jpegCost walks the markers of a JPEG file: the frame header (SOF0, SOF1
// or SOF2) for the size, components and sampling, each scan header (SOS)
// for the components it codes, APP0 (JFIF) and APP14 (Adobe) for the
// colour conversion the decoder adds. Entropy-coded data is skipped. The
// walk ends at EOI or at the end of data; it reads each byte at most once.
func jpegCost(data []byte) (decodeCost, error) {
	type comp struct {
		id   byte
		h, v int
	}
	var (
		c             decodeCost
		width, height int
		comps         []comp
		jfif, adobe0  bool
		scanBlocks    int64 // blocks coded by all scans so far
		blocksOf      func(ids []byte) int64
		mxx, myy      int64
		h0, v0        int
	)
	i := 2 // after SOI
	for i < len(data) {
		if data[i] != 0xff {
			i++ // garbage between segments: the decoder's error, not ours
			continue
		}
		for i < len(data) && data[i] == 0xff {
			i++
		}
		if i >= len(data) {
			break
		}
		m := data[i]
		i++
		switch {
		case m == 0xd9: // EOI
			i = len(data)
			continue
		case m == 0x00, 0xd0 <= m && m <= 0xd7, m == 0x01:
			continue
		}
		if i+2 > len(data) {
			break
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return c, errHeader
		}
		seg := data[i+2 : i+n]
		i += n
		switch {
		case m == 0xc0 || m == 0xc1 || m == 0xc2:
			if comps != nil || len(seg) < 6 {
				return c, errHeader
			}
			c.progressive = m == 0xc2
			height, width = int(binary.BigEndian.Uint16(seg[1:])), int(binary.BigEndian.Uint16(seg[3:]))
			nc := int(seg[5])
			if nc < 1 || nc > 4 || len(seg) < 6+3*nc {
				return c, errHeader
			}
			for k := range nc {
				b := seg[6+3*k:]
				comps = append(comps, comp{id: b[0], h: max(int(b[1]>>4), 1), v: max(int(b[1]&15), 1)})
			}
			if nc == 1 {
				comps[0].h, comps[0].v = 1, 1 // image/jpeg ignores a single component's sampling
			}
			h0, v0 = comps[0].h, comps[0].v
			mxx = int64((width + 8*h0 - 1) / (8 * h0))
			myy = int64((height + 8*v0 - 1) / (8 * v0))
			blocksOf = func(ids []byte) int64 {
				var b int64
				for _, id := range ids {
					for _, cp := range comps {
						if cp.id == id {
							b += mxx * myy * int64(cp.h*cp.v)
							break
						}
					}
				}
				return b
			}
		case 0xc3 <= m && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc:
			return c, errHeader // a frame type image/jpeg does not decode
		case m == 0xe0:
			if len(seg) >= 5 && string(seg[:5]) == "JFIF\x00" {
				jfif = true
			}
		case m == 0xee:
			if len(seg) >= 12 && string(seg[:5]) == "Adobe" && seg[11] == 0 {
				adobe0 = true
			}
		case m == 0xda: // SOS, then entropy-coded data up to the next marker
			if blocksOf == nil || len(seg) < 1 || len(seg) < 1+2*int(seg[0]) {
				return c, errHeader
			}
			ids := make([]byte, seg[0])
			for k := range ids {
				ids[k] = seg[1+2*k]
			}
			scanBlocks += blocksOf(ids)
			for i < len(data) {
				if data[i] == 0xff && i+1 < len(data) && data[i+1] != 0x00 && (data[i+1] < 0xd0 || data[i+1] > 0xd7) {
					break
				}
				i++
			}
		}
	}
	if comps == nil {
		return c, errHeader
	}
	pw, ph := 8*int64(h0)*mxx, 8*int64(v0)*myy // the padded image
	pix := int64(width) * int64(height)
	var all int64 // every component's blocks
	for _, cp := range comps {
		all += mxx * myy * int64(cp.h*cp.v)
	}
	switch len(comps) {
	case 1:
		c.mem = pw * ph
	default:
		// image.NewYCbCr: Y at full size, Cb and Cr subsampled by the
		// ratio of the first component's sampling to the second's.
		hr, vr := int64(max(h0/comps[1].h, 1)), int64(max(v0/comps[1].v, 1))
		c.mem = pw*ph + 2*((pw+hr-1)/hr)*((ph+vr-1)/vr)
		if len(comps) == 4 {
			c.mem += 64*mxx*myy*int64(comps[3].h*comps[3].v) + 4*pix // K plane, then CMYK or RGBA
		} else if !jfif && (adobe0 || (comps[0].id == 'R' && comps[1].id == 'G' && comps[2].id == 'B')) {
			c.mem += 4 * pix // converted to RGBA
		}
	}
	c.work = scanBlocks
	if c.progressive {
		c.mem += 256 * all // one [64]int32 block per block of each component
		c.work += all      // the transform of every block at the end
	}
	return c, nil
}

// pngCost reads a PNG's IHDR and the chunks before its first IDAT (for a
// tRNS chunk, which makes the decoder return a non-premultiplied colour
// image).
func pngCost(data []byte) (decodeCost, error) {
	var c decodeCost
	if len(data) < 8+8+13 || string(data[12:16]) != "IHDR" {
		return c, errHeader
	}
	ihdr := data[16:29]
	w, h := int64(binary.BigEndian.Uint32(ihdr[0:])), int64(binary.BigEndian.Uint32(ihdr[4:]))
	depth, ct, interlaced := int(ihdr[8]), ihdr[9], ihdr[12] == 1
	c.depth = depth
	trns := false
	for i := 8; i+8 <= len(data); {
		n := int64(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if typ == "IDAT" || typ == "IEND" {
			break
		}
		if typ == "tRNS" {
			trns = true
		}
		next := int64(i) + 12 + n
		if next > int64(len(data)) {
			break
		}
		i = int(next)
	}
	// bytes a pixel of the decoded image, as image/png chooses its type
	var bpp int64
	switch ct {
	case 0: // grey
		switch {
		case trns && depth == 16:
			bpp = 8
		case trns:
			bpp = 4
		case depth == 16:
			bpp = 2
		default:
			bpp = 1
		}
	case 3: // paletted
		bpp = 1
	case 2, 4, 6: // RGB, grey with alpha, RGBA
		bpp = 4
		if depth == 16 {
			bpp = 8
		}
	default:
		return c, errHeader
	}
	channels := map[byte]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ct]
	rowBytes := (w*channels*int64(depth) + 7) / 8
	c.mem = w * h * bpp
	c.work = h * (1 + rowBytes) / 64 // inflated bytes
	if interlaced {
		// seven passes, each an image of its own, then the whole image
		c.mem *= 2
		c.work += h * (1 + rowBytes) / 64
	}
	c.mem += 2 * (1 + rowBytes) // the current and previous rows
	return c, nil
}

// frame names the coding that sets the cost, for a problem.
func (c decodeCost) frame() string {
	switch {
	case c.depth > 0:
		return strconv.Itoa(c.depth) + "-bit"
	case c.progressive:
		return "progressive"
	}
	return "baseline"
}
