package scan

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"testing"

	"github.com/icpcheck/beian/internal/testimage"
)

// TestDecodeCostBound holds the header pass's memory estimate to what the
// standard library's decoders really allocate: for real images of every
// JPEG frame and component layout and every PNG colour type and depth the
// encoders here write, the estimate plus the fixed overhead is at least
// the measured allocation of a whole Inspect, and not more than twice it
// (an estimate far above the truth would refuse images for nothing). The
// files made of a header alone are held to the first bound only.
func TestDecodeCostBound(t *testing.T) {
	page := testimage.Document(900, 700, 7)
	colour := testimage.Tint(page)
	enc := func(m image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	b := page.Bounds()
	gray16, nrgba, nrgba64, rgba64 := image.NewGray16(b), image.NewNRGBA(b), image.NewNRGBA64(b), image.NewRGBA64(b)
	pal := make(color.Palette, 256)
	for i := range pal {
		pal[i] = color.Gray{uint8(i)}
	}
	paletted := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			v := page.GrayAt(x, y).Y
			gray16.Set(x, y, color.Gray16{uint16(v) << 8})
			nrgba.Set(x, y, color.NRGBA{v, v, v, 200}) // translucent: written as RGBA
			nrgba64.Set(x, y, color.NRGBA64{uint16(v) << 8, 0, 0, 0xc000})
			rgba64.Set(x, y, color.RGBA64{uint16(v) << 8, uint16(v) << 8, 0, 0xffff}) // opaque: RGB 16
			paletted.SetColorIndex(x, y, v)
		}
	}
	files := map[string][]byte{
		"jpeg baseline grey":        testimage.JPEG(page, 85),
		"jpeg baseline 4:2:0":       testimage.JPEG(colour, 85),
		"jpeg progressive grey":     testimage.ProgressiveJPEG(page, 4, 3),
		"jpeg progressive 4:4:4":    testimage.ProgressiveJPEG(colour, 4, 2),
		"png grey 8":                enc(page),
		"png grey 16":               enc(gray16),
		"png rgb 8":                 enc(colour),
		"png rgba 8":                enc(nrgba),
		"png rgba 16":               enc(nrgba64),
		"png rgb 16":                enc(rgba64),
		"png paletted":              enc(paletted),
		"jpeg header cmyk 900x700":  testimage.JPEGHeader(900, 700, 4, false),
		"jpeg header prog 900x700":  testimage.JPEGHeader(900, 700, 3, true),
		"png header rgba16 900x700": testimage.PNGHeader(900, 700, 16, 6),
	}
	for name, data := range files {
		var cost decodeCost
		var err error
		if Sniff(data) == FormatJPEG {
			cost, err = jpegCost(data)
		} else {
			cost, err = pngCost(data)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		bound := cost.mem + decoderOverhead + 900
		var res Result
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res = Inspect(data, Limits{})
		runtime.ReadMemStats(&after)
		got := int64(after.TotalAlloc - before.TotalAlloc)
		t.Logf("%-26s estimate %8d + overhead, measured %8d (%.2f), %v", name, cost.mem, got, float64(bound)/float64(got), res.Problems)
		if got > bound {
			t.Errorf("%s: allocated %d, estimate %d", name, got, bound)
		}
		// a header without data fails before the decoder's last conversion
		if complete := !strings.Contains(name, "header"); complete && bound > 2*got && got > 1<<20 {
			t.Errorf("%s: estimate %d more than twice the %d allocated", name, bound, got)
		}
	}
	// sanity: the standard library decodes what the estimate was held to
	if _, err := jpeg.Decode(bytes.NewReader(files["jpeg progressive 4:4:4"])); err != nil {
		t.Fatal(err)
	}
}
