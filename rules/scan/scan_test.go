package scan_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"runtime"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules/scan"
)

func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func defaults(t testing.TB) scan.Limits {
	t.Helper()
	l, ok := scan.LimitsFor(scan.DefaultProfile, beian.DocSubjectCert)
	if !ok {
		t.Fatal("no default profile")
	}
	return l
}

func kinds(ps []scan.Problem) []scan.Kind {
	var ks []scan.Kind
	for _, p := range ps {
		ks = append(ks, p.Kind)
	}
	return ks
}

func TestSniff(t *testing.T) {
	page := testimage.Document(320, 420, 1)
	var g bytes.Buffer
	if err := gif.Encode(&g, page, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want scan.Format
	}{
		{"jpeg", testimage.JPEG(page, 80), scan.FormatJPEG},
		{"png", testimage.PNG(page), scan.FormatPNG},
		{"gif", g.Bytes(), scan.FormatGIF},
		{"bmp", append([]byte("BM"), make([]byte, 60)...), scan.FormatBMP},
		{"webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), scan.FormatWebP},
		{"tiff-le", []byte("II*\x00\x08\x00\x00\x00"), scan.FormatTIFF},
		{"tiff-be", []byte("MM\x00*\x00\x00\x00\x08"), scan.FormatTIFF},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), scan.FormatHEIC},
		{"pdf", []byte("%PDF-1.7\n"), scan.FormatPDF},
		{"empty", nil, scan.FormatUnknown},
		{"text", []byte("hello, world"), scan.FormatUnknown},
		{"jpeg-prefix-only", []byte{0xff, 0xd8}, scan.FormatUnknown},
	}
	for _, tt := range tests {
		if got := scan.Sniff(tt.data); got != tt.want {
			t.Errorf("%s: Sniff = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]scan.Format{
		"jpeg": scan.FormatJPEG, "JPG": scan.FormatJPEG, "image/jpeg": scan.FormatJPEG, ".jpeg": scan.FormatJPEG,
		"png": scan.FormatPNG, "PNG": scan.FormatPNG, "image/png": scan.FormatPNG,
		"gif": scan.FormatGIF, "bmp": scan.FormatBMP, "webp": scan.FormatWebP, "tif": scan.FormatTIFF,
		"heif": scan.FormatHEIC, "application/pdf": scan.FormatPDF,
	} {
		if got, ok := scan.ParseFormat(in); !ok || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "jpegx", "image", string(bytes.Repeat([]byte("a"), 100))} {
		if got, ok := scan.ParseFormat(in); ok {
			t.Errorf("ParseFormat(%q) = %q, want not ok", in, got)
		}
	}
}

// TestInspectSharp: sharp generated pages in both formats, at sizes around
// what consoles take, pass the default limits; Inspect reads their size
// from the content.
func TestInspectSharp(t *testing.T) {
	l := defaults(t)
	for _, sz := range [][2]int{{640, 480}, {480, 640}, {1200, 900}, {1600, 1200}} {
		page := testimage.Document(sz[0], sz[1], 7)
		for _, enc := range []struct {
			f    scan.Format
			data []byte
		}{
			{scan.FormatJPEG, testimage.JPEG(testimage.Tint(page), 80)},
			{scan.FormatJPEG, testimage.JPEG(page, 60)},
			{scan.FormatPNG, testimage.PNG(page)},
			{scan.FormatPNG, testimage.PNG(testimage.Tint(page))},
		} {
			res := scan.Inspect(enc.data, l)
			if !res.OK() {
				t.Errorf("%v %s: problems %v", sz, enc.f, res.Problems)
			}
			in := res.Info
			if in.Format != enc.f || in.Width != sz[0] || in.Height != sz[1] || in.Size != int64(len(enc.data)) || !in.Measured {
				t.Errorf("%v %s: info %+v", sz, enc.f, in)
			}
		}
	}
}

func TestInspectLimits(t *testing.T) {
	page := testimage.Document(800, 600, 3)
	jpg := testimage.JPEG(page, 85)
	tests := []struct {
		name   string
		data   []byte
		modify func(*scan.Limits)
		want   []scan.Kind
	}{
		{"ok", jpg, nil, nil},
		{"file size", jpg, func(l *scan.Limits) { l.MaxBytes.Value = float64(len(jpg) - 1) }, []scan.Kind{scan.KindFileSize}},
		{"file size exact", jpg, func(l *scan.Limits) { l.MaxBytes.Value = float64(len(jpg)) }, nil},
		{"format", jpg, func(l *scan.Limits) { l.Formats.Allowed = []scan.Format{scan.FormatPNG} }, []scan.Kind{scan.KindFormat}},
		{"short side", jpg, func(l *scan.Limits) { l.MinShortSide.Value = 601 }, []scan.Kind{scan.KindShortSide}},
		{"long side", jpg, func(l *scan.Limits) { l.MinLongSide.Value = 801 }, []scan.Kind{scan.KindLongSide}},
		{"both sides", testimage.JPEG(testimage.Document(200, 150, 3), 85), nil, []scan.Kind{scan.KindShortSide, scan.KindLongSide}},
		{"pixels", jpg, func(l *scan.Limits) { l.MaxPixels = 800*600 - 1 }, []scan.Kind{scan.KindPixels}},
		{"pixels exact", jpg, func(l *scan.Limits) { l.MaxPixels = 800 * 600 }, nil},
		{"blurred", testimage.JPEG(testimage.Blur(page, 3), 85), nil, []scan.Kind{scan.KindSharpness}},
		{"blank", testimage.PNG(testimage.Blank(800, 600, 200)), nil, []scan.Kind{scan.KindSharpness}},
		{"size and blur", testimage.JPEG(testimage.Blur(page, 3), 85), func(l *scan.Limits) { l.MaxBytes.Value = 1000 }, []scan.Kind{scan.KindFileSize, scan.KindSharpness}},
		{"not an image", []byte("GET / HTTP/1.1\r\n"), nil, []scan.Kind{scan.KindUnreadable}},
		{"empty", nil, nil, []scan.Kind{scan.KindUnreadable}},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n"), nil, []scan.Kind{scan.KindFormat}},
	}
	for _, tt := range tests {
		l := defaults(t)
		if tt.modify != nil {
			tt.modify(&l)
		}
		res := scan.Inspect(tt.data, l)
		if got := kinds(res.Problems); !equalKinds(got, tt.want) {
			t.Errorf("%s: kinds %v, want %v (%v)", tt.name, got, tt.want, res.Problems)
		}
	}
}

func equalKinds(a, b []scan.Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestProblemMeasures: a problem says which limit and by how much, with
// the limit's source and certainty.
func TestProblemMeasures(t *testing.T) {
	l := defaults(t)
	info := scan.Info{Format: scan.FormatGIF, Width: 200, Height: 350, Size: 5 << 20, Sharpness: 10, Measured: true}
	ps := l.Check(info)
	want := map[scan.Kind][2]float64{
		scan.KindFileSize:  {5 << 20, l.MaxBytes.Value},
		scan.KindShortSide: {200, l.MinShortSide.Value},
		scan.KindLongSide:  {350, l.MinLongSide.Value},
		scan.KindSharpness: {10, l.MinSharpness.Value},
	}
	var sawFormat bool
	for _, p := range ps {
		if p.Source == "" {
			t.Errorf("%s: no source", p.Kind)
		}
		if p.Kind == scan.KindFormat {
			sawFormat = true
			if p.Format != scan.FormatGIF || len(p.Allowed) != 2 || !p.Certain {
				t.Errorf("format problem %+v", p)
			}
			continue
		}
		w, ok := want[p.Kind]
		if !ok {
			t.Errorf("unexpected %v", p)
			continue
		}
		if p.Got != w[0] || p.Want != w[1] {
			t.Errorf("%s: got/want %v/%v, expected %v", p.Kind, p.Got, p.Want, w)
		}
		delete(want, p.Kind)
	}
	if !sawFormat || len(want) > 0 {
		t.Errorf("missing problems: format %v, %v", sawFormat, want)
	}
	if p := ps[0]; p.Kind != scan.KindFileSize || p.Excess() != 0.25 || !p.Certain {
		t.Errorf("file size problem %+v excess %v, want 0.25 and certain", p, p.Excess())
	}
	if got := (scan.Problem{Kind: scan.KindSharpness, Got: 10, Want: 40}).Excess(); got != 0.75 {
		t.Errorf("sharpness excess %v, want 0.75", got)
	}
	// zero (unknown) values are not checked
	if ps := l.Check(scan.Info{}); len(ps) != 0 {
		t.Errorf("Check(zero) = %v", ps)
	}
}

func TestLimitsFor(t *testing.T) {
	if got := scan.Profiles(); len(got) != 3 || got[0] != scan.DefaultProfile {
		t.Errorf("Profiles() = %v", got)
	}
	for _, k := range beian.DocumentKinds() {
		l, ok := scan.LimitsFor(scan.DefaultProfile, k)
		if !ok || l.MaxBytes.Value != 4<<20 || !l.MaxBytes.Certain || len(l.Formats.Allowed) != 2 || l.MinSharpness.Value <= 0 {
			t.Errorf("default %s: %+v", k, l)
		}
	}
	cert, _ := scan.LimitsFor("miit_legacy", beian.DocSubjectCert)
	form, _ := scan.LimitsFor("miit_legacy", beian.DocVerificationForm)
	if cert.MaxBytes.Value != 100<<10 || form.MaxBytes.Value != 150<<10 || cert.MaxBytes.Certain {
		t.Errorf("miit_legacy: cert %v form %v", cert.MaxBytes, form.MaxBytes)
	}
	if form.MinSharpness != cert.MinSharpness || len(form.Formats.Allowed) != 1 {
		t.Errorf("kind line does not inherit the profile's other limits: %+v", form)
	}
	small, _ := scan.LimitsFor("small_provider", beian.DocPhoto)
	if small.MaxBytes.Value >= 3<<20 {
		t.Errorf("small_provider: %v, want under 3 MB", small.MaxBytes)
	}
	if _, ok := scan.LimitsFor("nope", beian.DocPhoto); ok {
		t.Error("unknown profile found")
	}
	// the result is the caller's
	l, _ := scan.LimitsFor(scan.DefaultProfile, beian.DocPhoto)
	l.Formats.Allowed[0] = scan.FormatGIF
	if again, _ := scan.LimitsFor(scan.DefaultProfile, beian.DocPhoto); again.Formats.Allowed[0] != scan.FormatJPEG {
		t.Error("modifying a result changed the table")
	}
}

// TestDecompressionBomb: a PNG whose header declares 50,000×50,000 pixels
// (10 GB once decoded) is refused from its header: nothing is decoded and
// the call allocates almost nothing. Time is measured by
// BenchmarkDecompressionBomb, not asserted here.
func TestDecompressionBomb(t *testing.T) {
	bombs := map[string][]byte{
		"png 50000x50000":  pngBomb(50000, 50000, 8<<20),
		"png 1x2e9":        pngBomb(1, 2_000_000_000, 1<<20),
		"jpeg 65535x65535": jpegHuge(65535, 65535),
	}
	l := defaults(t)
	for name, data := range bombs {
		var res scan.Result
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res = scan.Inspect(data, l)
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<10 {
			t.Errorf("%s: allocated %d bytes", name, alloc)
		}
		if !res.Has(scan.KindPixels) || res.Info.Measured {
			t.Errorf("%s: %+v", name, res)
		}
		for _, p := range res.Problems {
			if p.Kind == scan.KindPixels && p.Got <= p.Want {
				t.Errorf("%s: %+v", name, p)
			}
		}
	}
	if got := scan.Inspect(bombs["png 50000x50000"], l).Info; got.Width != 50000 || got.Height != 50000 {
		t.Errorf("header size %dx%d", got.Width, got.Height)
	}
}

// TestTruncatedAndCorrupt: every prefix of valid files, and copies with
// bytes flipped, are a typed problem or a valid reading, never a panic.
func TestTruncatedAndCorrupt(t *testing.T) {
	page := testimage.Document(320, 400, 5)
	files := map[string][]byte{
		"jpeg": testimage.JPEG(testimage.Tint(page), 70),
		"png":  testimage.PNG(page),
	}
	l := defaults(t)
	l.MinSharpness.Value = 0 // corruption can leave a valid, blurry image
	for name, data := range files {
		step := max(len(data)/300, 1)
		for n := 0; n < len(data); n += step {
			res := scan.Inspect(data[:n], l)
			if !res.Has(scan.KindUnreadable) {
				t.Errorf("%s cut at %d of %d: %v", name, n, len(data), res.Problems)
			}
			for _, p := range res.Problems {
				if p.Kind == scan.KindUnreadable && p.Err == nil {
					t.Errorf("%s cut at %d: unreadable without an error", name, n)
				}
			}
		}
		for i := 0; i < len(data); i += step {
			c := bytes.Clone(data)
			c[i] ^= 0x5a
			_ = scan.Inspect(c, l) // must not panic
		}
	}
}

func TestInspectReader(t *testing.T) {
	page := testimage.PNG(testimage.Document(500, 400, 2))
	l := defaults(t)
	if res := scan.InspectReader(bytes.NewReader(page), l); !res.OK() || res.Info.Size != int64(len(page)) {
		t.Errorf("reader: %+v", res)
	}
	// a reader that never ends: read stops one byte past the limit
	var r infinite
	l.MaxBytes.Value = 1 << 20
	res := scan.InspectReader(&r, l)
	if len(res.Problems) != 1 || res.Problems[0].Kind != scan.KindFileSize || !res.Problems[0].AtLeast {
		t.Errorf("infinite: %v", res.Problems)
	}
	if r.n > 1<<20+64<<10 {
		t.Errorf("read %d bytes for a 1 MiB limit", r.n)
	}
	// a failing reader is unreadable
	res = scan.InspectReader(errReader{}, l)
	if !res.Has(scan.KindUnreadable) || !errors.Is(res.Problems[0].Err, errBroken) {
		t.Errorf("failing reader: %+v", res)
	}
}

var errBroken = errors.New("broken")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBroken }

// TestSharpnessThreshold holds the default threshold to the generated
// pages it was chosen on: every page (documents and grids, several sizes
// and seeds, JPEG and PNG) sharp or blurred by at most one pixel of the
// working size scores clearly above it, and the same pages blurred by two
// working pixels or more clearly below it. Blur is given in working-size
// pixels: a 2000-pixel image is measured at half size, so it is blurred
// twice as much.
func TestSharpnessThreshold(t *testing.T) {
	if testing.Short() {
		t.Skip("draws and blurs many pages")
	}
	threshold := defaults(t).MinSharpness.Value
	lo, hi := 1e18, 0.0 // lowest sharp score, highest blurred score
	for _, sz := range [][2]int{{600, 400}, {400, 600}, {1000, 700}, {1600, 1200}} {
		f := float64((max(sz[0], sz[1]) + scan.WorkSize - 1) / scan.WorkSize)
		for seed := uint64(1); seed <= 2; seed++ {
			if sz[0] >= 1600 && seed > 1 {
				continue // the large page once: blurring it is slow
			}
			pages := map[string]*image.Gray{
				"document": testimage.Document(sz[0], sz[1], seed),
				"grid":     testimage.Grid(sz[0], sz[1], 24+int(seed)*8),
			}
			for name, page := range pages {
				for _, sigma := range []float64{0, 0.5, 1, 2, 3} {
					g := testimage.Blur(page, sigma*f)
					for _, data := range [][]byte{testimage.JPEG(testimage.Tint(g), 75), testimage.PNG(g)} {
						res := scan.Inspect(data, scan.Limits{})
						s := res.Info.Sharpness
						if sigma <= 1 {
							lo = min(lo, s)
						} else {
							hi = max(hi, s)
						}
						if sharp := sigma <= 1; sharp != (s >= threshold) {
							t.Errorf("%s %v seed %d blur %.1f: sharpness %.1f vs threshold %v", name, sz, seed, sigma, s, threshold)
						}
					}
				}
			}
		}
	}
	t.Logf("lowest sharp %.1f, highest blurred %.1f, threshold %v", lo, hi, threshold)
	if lo < threshold*1.4 || hi > threshold/1.3 {
		t.Errorf("threshold %v leaves no margin: sharp from %.1f, blurred up to %.1f", threshold, lo, hi)
	}
}

// TestSharpnessImageTypes: the measure is the same whatever the decoded
// image type holding the same grey levels.
func TestSharpnessImageTypes(t *testing.T) {
	g := testimage.Document(300, 240, 9)
	want := scan.Sharpness(g)
	b := g.Bounds()
	conv := map[string]image.Image{
		"rgba":    image.NewRGBA(b),
		"nrgba":   image.NewNRGBA(b),
		"gray16":  image.NewGray16(b),
		"nrgba64": image.NewNRGBA64(b),
		"rgba64":  image.NewRGBA64(b),
		"cmyk":    image.NewCMYK(b),
	}
	pal := make(color.Palette, 256)
	for i := range pal {
		pal[i] = color.Gray{uint8(i)}
	}
	conv["paletted"] = image.NewPaletted(b, pal)
	for name, img := range conv {
		m := img.(interface{ Set(x, y int, c color.Color) })
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				m.Set(x, y, g.GrayAt(x, y))
			}
		}
		if got := scan.Sharpness(img); got < want*0.98 || got > want*1.02 {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	// a sub-image measures its own pixels
	sub := g.SubImage(image.Rect(50, 40, 250, 200))
	if s := scan.Sharpness(sub); s <= 0 {
		t.Errorf("sub-image: %v", s)
	}
	if s := scan.Sharpness(image.NewGray(image.Rect(0, 0, 2, 2))); s != 0 {
		t.Errorf("2x2: %v", s)
	}
	if s := scan.Sharpness(testimage.Blank(100, 100, 128)); s != 0 {
		t.Errorf("blank: %v", s)
	}
}
