// Package testimage draws the synthetic document images the module's tests
// and shipped examples use: text-like strokes in lines, a frame and a
// table grid on a light background, and blurred versions of them. No
// photo of a real document is involved; every image is a deterministic
// function of its size and seed, so a file written from it can be checked
// against a fresh drawing.
package testimage

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
)

// Document draws a w×h grey page that looks like a scanned certificate to
// a sharpness measure: a frame, a title line of large glyphs, lines of
// smaller glyphs made of strokes, and a table grid. Glyph sizes follow the
// page height, so a smaller page is the same page at a lower resolution.
func Document(w, h int, seed uint64) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 236
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	unit := max(h/60, 2) // glyph height of body text
	stroke := max(unit/6, 1)
	ink := uint8(30)
	// frame
	m := h / 30
	rect(g, m, m, w-m, m+stroke*2, ink)
	rect(g, m, h-m-stroke*2, w-m, h-m, ink)
	rect(g, m, m, m+stroke*2, h-m, ink)
	rect(g, w-m-stroke*2, m, w-m, h-m, ink)
	// title: large glyphs centred
	tx := w / 3
	for i := 0; i < 6; i++ {
		glyph(g, rng, tx+i*unit*3, m+unit*2, unit*5/2, stroke*2, ink)
	}
	// body lines
	y := m + unit*6
	for y+unit*2 < h*2/3 {
		x := m + unit*2
		end := w - m - unit*2 - rng.IntN(w/4)
		for x+unit < end {
			glyph(g, rng, x, y, unit, stroke, ink)
			x += unit + unit/4
			if rng.IntN(8) == 0 {
				x += unit
			}
		}
		y += unit * 2
	}
	// table grid in the lower third
	top, bottom := h*2/3+unit, h-m-unit
	left, right := m+unit*2, w-m-unit*2
	rows, cols := 4, 5
	for r := 0; r <= rows; r++ {
		yy := top + (bottom-top)*r/rows
		rect(g, left, yy, right, yy+stroke, ink)
	}
	for c := 0; c <= cols; c++ {
		xx := left + (right-left)*c/cols
		rect(g, xx, top, xx+stroke, bottom, ink)
	}
	for r := 0; r < rows; r++ {
		yy := top + (bottom-top)*r/rows + (bottom-top)/rows/2 - unit/2
		for c := 0; c < cols; c++ {
			xx := left + (right-left)*c/cols + unit/2
			for k := 0; k < 3; k++ {
				glyph(g, rng, xx+k*(unit+unit/4), yy, unit, stroke, ink)
			}
		}
	}
	return g
}

// Grid draws a w×h page of thin dark lines every step pixels.
func Grid(w, h, step int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := uint8(240)
			if x%step == 0 || y%step == 0 {
				v = 20
			}
			g.Pix[y*g.Stride+x] = v
		}
	}
	return g
}

// Blank draws a w×h page of one grey level.
func Blank(w, h int, level uint8) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = level
	}
	return g
}

// glyph draws a character-like cluster of two to five strokes in the box
// at (x, y) of side size.
func glyph(g *image.Gray, rng *rand.Rand, x, y, size, stroke int, ink uint8) {
	n := 2 + rng.IntN(4)
	for i := 0; i < n; i++ {
		switch rng.IntN(4) {
		case 0: // horizontal
			yy := y + rng.IntN(size)
			x0 := x + rng.IntN(size/2+1)
			rect(g, x0, yy, x0+size/2+rng.IntN(size/2+1), yy+stroke, ink)
		case 1: // vertical
			xx := x + rng.IntN(size)
			y0 := y + rng.IntN(size/2+1)
			rect(g, xx, y0, xx+stroke, y0+size/2+rng.IntN(size/2+1), ink)
		default: // diagonal
			dir := 1 - 2*rng.IntN(2)
			x0 := x + rng.IntN(size/2+1)
			if dir < 0 {
				x0 += size / 2
			}
			for k := 0; k < size*2/3; k++ {
				rect(g, x0+dir*k, y+k, x0+dir*k+stroke, y+k+1, ink)
			}
		}
	}
}

func rect(g *image.Gray, x0, y0, x1, y1 int, v uint8) {
	r := image.Rect(x0, y0, x1, y1).Intersect(g.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := g.Pix[y*g.Stride:]
		for x := r.Min.X; x < r.Max.X; x++ {
			row[x] = v
		}
	}
}

// Blur returns src convolved with a Gaussian of standard deviation sigma
// pixels (separable, edges clamped). sigma <= 0 returns a copy.
func Blur(src *image.Gray, sigma float64) *image.Gray {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewGray(image.Rect(0, 0, w, h))
	if sigma <= 0 {
		for y := 0; y < h; y++ {
			copy(out.Pix[y*out.Stride:y*out.Stride+w], src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
		}
		return out
	}
	r := int(math.Ceil(sigma * 3))
	k := make([]float64, 2*r+1)
	var sum float64
	for i := range k {
		d := float64(i - r)
		k[i] = math.Exp(-d * d / (2 * sigma * sigma))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	tmp := make([]float32, w*h)
	k32 := make([]float32, len(k))
	for i := range k {
		k32[i] = float32(k[i])
	}
	line := make([]float32, w+2*r)
	for y := 0; y < h; y++ {
		srow := src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range line {
			line[x] = float32(srow[min(max(x-r, 0), w-1)])
		}
		trow := tmp[y*w : (y+1)*w]
		for x := range trow {
			var s float32
			for i, kv := range k32 {
				s += kv * line[x+i]
			}
			trow[x] = s
		}
	}
	acc := make([]float32, w)
	for y := 0; y < h; y++ {
		clear(acc)
		for i, kv := range k32 {
			yy := min(max(y+i-r, 0), h-1)
			trow := tmp[yy*w : (yy+1)*w]
			for x, v := range trow {
				acc[x] += kv * v
			}
		}
		orow := out.Pix[y*out.Stride:]
		for x, v := range acc {
			orow[x] = uint8(min(max(v+0.5, 0), 255))
		}
	}
	return out
}

// Tint returns g as a colour image: white becomes a pale blue-green like a
// certificate's background, black stays dark, so that the JPEG encoder
// writes a YCbCr image as a camera does.
func Tint(g *image.Gray) *image.RGBA {
	b := g.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			v := float64(g.Pix[g.PixOffset(b.Min.X+x, b.Min.Y+y)]) / 255
			out.SetRGBA(x, y, color.RGBA{uint8(20 + 200*v), uint8(25 + 215*v), uint8(40 + 205*v), 255})
		}
	}
	return out
}

// JPEG encodes img at quality q.
func JPEG(img image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err) // encoding to memory cannot fail for these images
	}
	return buf.Bytes()
}

// PNG encodes img with the default compression.
func PNG(img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
