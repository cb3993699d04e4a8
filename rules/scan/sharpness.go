package scan

import (
	"image"
	"image/color"
)

// WorkSize is the longest side, in pixels, of the grey image [Sharpness]
// measures: an image is box-downscaled by the smallest whole factor that
// brings its long side to WorkSize or less, so that the measure reads
// legibility at a screen's size and costs the same for every upload.
const WorkSize = 1024

// Sharpness returns the variance of the Laplacian (the 4-neighbour kernel)
// of img's grey levels (0–255) after downscaling it to at most WorkSize
// pixels on its long side. A sharp page of text scores in the hundreds or
// thousands; the same page blurred scores tens; a blank page scores 0.
// Images smaller than 3×3 pixels score 0.
func Sharpness(img image.Image) float64 {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return 0
	}
	f := (max(w, h) + WorkSize - 1) / WorkSize
	gw, gh := w/f, h/f
	if gw < 3 || gh < 3 {
		return 0
	}
	// Three downscaled rows (sums of f×f source pixels) roll through
	// rows[0..2]; the Laplacian of the middle one is taken in integers on
	// the sums, and the variance scaled back by f⁴ at the end.
	var rows [3][]int64
	for i := range rows {
		rows[i] = make([]int64, gw)
	}
	src := make([]uint8, w)
	fill := func(dst []int64, oy int) {
		clear(dst)
		for k := 0; k < f; k++ {
			row := lumaRow(img, b.Min.Y+oy*f+k, src)
			switch f {
			case 1:
				for x := range dst {
					dst[x] += int64(row[x])
				}
				continue
			case 2: // images of 1025 to 2048 pixels, the common case
				row = row[:2*len(dst)]
				for ox := range dst {
					dst[ox] += int64(row[2*ox]) + int64(row[2*ox+1])
				}
				continue
			}
			for ox := range dst {
				var s int64
				for _, v := range row[ox*f : ox*f+f] {
					s += int64(v)
				}
				dst[ox] += s
			}
		}
	}
	fill(rows[0], 0)
	fill(rows[1], 1)
	var sum, sq float64
	for oy := 1; oy < gh-1; oy++ {
		up, c, dn := rows[(oy-1)%3], rows[oy%3], rows[(oy+1)%3]
		fill(dn, oy+1)
		var rs, rq int64
		for x := 1; x < gw-1; x++ {
			l := 4*c[x] - c[x-1] - c[x+1] - up[x] - dn[x]
			rs += l
			rq += l * l
		}
		sum += float64(rs)
		sq += float64(rq)
	}
	n := float64((gw - 2) * (gh - 2))
	scale := float64(f * f)
	mean := sum / n / scale
	return sq/n/(scale*scale) - mean*mean
}

// lumaRow returns the grey levels of row y of img: a slice of the image
// itself when it holds grey levels, else out (len = width) filled in.
func lumaRow(img image.Image, y int, out []uint8) []uint8 {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		i := m.PixOffset(b.Min.X, y)
		return m.Pix[i : i+len(out)]
	case *image.YCbCr:
		i := m.YOffset(b.Min.X, y)
		return m.Y[i : i+len(out)]
	case *image.NRGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range out {
			out[x] = luma8(p[4*x], p[4*x+1], p[4*x+2])
		}
	case *image.RGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range out {
			out[x] = luma8(p[4*x], p[4*x+1], p[4*x+2])
		}
	case *image.Gray16:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range out {
			out[x] = p[2*x]
		}
	case *image.NRGBA64:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range out {
			out[x] = luma8(p[8*x], p[8*x+2], p[8*x+4])
		}
	case *image.RGBA64:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range out {
			out[x] = luma8(p[8*x], p[8*x+2], p[8*x+4])
		}
	case *image.Paletted:
		var lut [256]uint8
		for i, c := range m.Palette {
			lut[i] = color.GrayModel.Convert(c).(color.Gray).Y
		}
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range out {
			out[x] = lut[p[x]]
		}
	default:
		for x := range out {
			out[x] = color.GrayModel.Convert(img.At(b.Min.X+x, y)).(color.Gray).Y
		}
	}
	return out
}

// luma8 is color.GrayModel's weighting on 8-bit channels.
func luma8(r, g, b uint8) uint8 {
	return uint8((19595*uint32(r) + 38470*uint32(g) + 7471*uint32(b) + 1<<15) >> 16)
}
