package scan_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules/scan"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// hostile are files of a few hundred bytes whose headers declare images
// that the standard library's decoders would allocate hundreds of
// megabytes for (issue 19: a 144-byte progressive JPEG of 5000×5000
// allocated 376 MB, a 122-byte 16-bit RGBA PNG 200 MB), by class: every
// JPEG frame type and component count, every PNG colour type at its
// largest depth, each at a size past the memory budget; with the kind of
// problem each must give.
var hostile = []struct {
	name string
	data []byte
	want scan.Kind // KindMemory: refused from the header; KindUnreadable: decoded within the budget, no data
}{
	{"jpeg progressive 3 comps 5000x5000", testimage.JPEGHeader(5000, 5000, 3, true), scan.KindMemory},
	{"jpeg progressive grey 5000x5000", testimage.JPEGHeader(5000, 5000, 1, true), scan.KindMemory},
	{"jpeg progressive cmyk 4000x4000", testimage.JPEGHeader(4000, 4000, 4, true), scan.KindMemory},
	{"jpeg progressive 3 comps 2000x2000", testimage.JPEGHeader(2000, 2000, 3, true), scan.KindUnreadable},
	{"jpeg baseline 4:4:4 5000x5000", testimage.JPEGHeader(5000, 5000, 3, false), scan.KindMemory},
	{"jpeg baseline cmyk 4000x4000", testimage.JPEGHeader(4000, 4000, 4, false), scan.KindMemory},
	{"jpeg baseline grey 5000x5000", testimage.JPEGHeader(5000, 5000, 1, false), scan.KindUnreadable},
	{"jpeg baseline 4:4:4 4000x4000", testimage.JPEGHeader(4000, 4000, 3, false), scan.KindUnreadable},
	{"png 16-bit rgba 5000x5000", testimage.PNGHeader(5000, 5000, 16, 6), scan.KindMemory},
	{"png 16-bit rgb 5000x5000", testimage.PNGHeader(5000, 5000, 16, 2), scan.KindMemory},
	{"png 16-bit grey+alpha 5000x5000", testimage.PNGHeader(5000, 5000, 16, 4), scan.KindMemory},
	{"png 16-bit grey 5000x5000", testimage.PNGHeader(5000, 5000, 16, 0), scan.KindUnreadable},
	{"png 8-bit rgba 5000x5000", testimage.PNGHeader(5000, 5000, 8, 6), scan.KindMemory},
	{"png 8-bit rgba 3500x3500", testimage.PNGHeader(3500, 3500, 8, 6), scan.KindUnreadable},
	{"png 16-bit rgba 2500x2500", testimage.PNGHeader(2500, 2500, 16, 6), scan.KindUnreadable},
	{"png 8-bit paletted 5000x5000", testimage.PNGHeader(5000, 5000, 8, 3), scan.KindUnreadable},
}

// TestHostileHeadersBounded: each hostile file is refused from its header
// or decoded within the budget, and no inspection, through Inspect or
// InspectReader, allocates more than the 64 MiB of DefaultMaxMemory (the
// issue's budget for one document). The figures are logged; CPU is
// measured by BenchmarkHostile.
func TestHostileHeadersBounded(t *testing.T) {
	if len(testimage.JPEGHeader(5000, 5000, 3, true)) > 200 {
		t.Errorf("the progressive header is %d bytes", len(testimage.JPEGHeader(5000, 5000, 3, true)))
	}
	l := defaults(t)
	for _, c := range hostile {
		var res scan.Result
		a := allocated(func() { res = scan.Inspect(c.data, l) })
		b := allocated(func() { res = scan.InspectReader(bytes.NewReader(c.data), l) })
		t.Logf("%-36s %4d bytes: Inspect %6.1f MiB, InspectReader %6.1f MiB, %v", c.name, len(c.data), float64(a)/(1<<20), float64(b)/(1<<20), kinds(res.Problems))
		if max(a, b) > scan.DefaultMaxMemory {
			t.Errorf("%s: allocated %d and %d bytes, over %d", c.name, a, b, scan.DefaultMaxMemory)
		}
		if !res.Has(c.want) || res.Info.Measured {
			t.Errorf("%s: %v, want %s", c.name, res.Problems, c.want)
		}
		if c.want == scan.KindMemory && a > 256<<10 {
			t.Errorf("%s: refused from its header yet allocated %d bytes", c.name, a)
		}
		for _, p := range res.Problems {
			if p.Kind == scan.KindMemory && (p.Got <= p.Want || p.Frame == "" || p.Certain) {
				t.Errorf("%s: %+v", c.name, p)
			}
		}
	}
}

// TestProgressiveLimitLower: a progressive JPEG keeps its coefficients,
// so the same size that a baseline JPEG decodes within the budget is
// refused progressive; a small progressive one is decoded and measured
// like its baseline twin.
func TestProgressiveLimitLower(t *testing.T) {
	l := defaults(t)
	for _, sz := range [][2]int{{3000, 3000}, {2800, 2200}} {
		base := scan.Inspect(testimage.JPEGHeader(sz[0], sz[1], 3, false), l)
		prog := scan.Inspect(testimage.JPEGHeader(sz[0], sz[1], 3, true), l)
		if base.Has(scan.KindMemory) || !prog.Has(scan.KindMemory) {
			t.Errorf("%v: baseline %v, progressive %v", sz, base.Problems, prog.Problems)
		}
	}
	page := testimage.Document(800, 600, 3)
	for name, img := range map[string]image.Image{"grey": page, "colour": testimage.Tint(page)} {
		prog := scan.Inspect(testimage.ProgressiveJPEG(img, 4, 2), l)
		base := scan.Inspect(testimage.JPEG(img, 90), l)
		if !prog.OK() || !prog.Info.Measured || prog.Info.Width != 800 {
			t.Errorf("%s progressive: %+v", name, prog)
		}
		if r := prog.Info.Sharpness / base.Info.Sharpness; r < 0.8 || r > 1.25 {
			t.Errorf("%s: progressive sharpness %.1f, baseline %.1f", name, prog.Info.Sharpness, base.Info.Sharpness)
		}
	}
}

// TestSixteenBitLimitLower: a 16-bit PNG takes 8 bytes a pixel decoded,
// so it is refused at a size whose 8-bit twin is decoded.
func TestSixteenBitLimitLower(t *testing.T) {
	l := defaults(t)
	eight := scan.Inspect(testimage.PNGHeader(3000, 3000, 8, 6), l)
	sixteen := scan.Inspect(testimage.PNGHeader(3000, 3000, 16, 6), l)
	if eight.Has(scan.KindMemory) || !sixteen.Has(scan.KindMemory) {
		t.Errorf("8-bit %v, 16-bit %v", eight.Problems, sixteen.Problems)
	}
	if p := sixteen.Problems[len(sixteen.Problems)-1]; p.Frame != "16-bit" {
		t.Errorf("frame %q", p.Frame)
	}
}

// TestWorkBound: a progressive JPEG of many scans that code nothing costs
// a pass over every block each; past MaxWork it is not decoded.
func TestWorkBound(t *testing.T) {
	img := testimage.Document(320, 240, 4)
	many := testimage.ProgressiveJPEG(img, 4, 400) // 1 + 400 scans over 1,200 blocks
	l := defaults(t)
	l.MaxWork = 100_000
	res := scan.Inspect(many, l)
	if !res.Has(scan.KindWork) || res.Info.Measured {
		t.Errorf("many scans: %v", res.Problems)
	}
	few := scan.Inspect(testimage.ProgressiveJPEG(img, 4, 1), l)
	if few.Has(scan.KindWork) || !few.Info.Measured {
		t.Errorf("one AC scan: %v", few.Problems)
	}
	// a very long scan list is refused at the default bound too
	if res := scan.Inspect(testimage.ProgressiveJPEG(img, 4, 1400), defaults(t)); !res.Has(scan.KindWork) {
		t.Errorf("1400 scans: %v", res.Problems)
	}
}

// TestMemoryLimitCountsRead: through InspectReader, the bytes read count
// against MaxMemory, so a budget smaller than the file leaves nothing to
// decode with.
func TestMemoryLimitCountsRead(t *testing.T) {
	data := testimage.PNG(testimage.Document(600, 400, 1))
	l := scan.Limits{MaxMemory: 1 << 20}
	if res := scan.Inspect(data, l); !res.Info.Measured {
		t.Errorf("Inspect: %v", res.Problems)
	}
	l.MaxMemory = 520 << 10 // the decoder's overhead and the read leave too little
	if res := scan.InspectReader(bytes.NewReader(data), l); !res.Has(scan.KindMemory) {
		t.Errorf("InspectReader: %v", res.Problems)
	}
}

// TestGate: a decode waits for a free slot; when the context ends first,
// the header's findings come back with the context's error; slots are
// released after each decode, also when concurrent.
func TestGate(t *testing.T) {
	g := scan.NewGate(1)
	if g.Slots() != 1 || (*scan.Gate)(nil).Slots() != 0 || scan.NewGate(0).Slots() != 1 {
		t.Fatal("slots")
	}
	data := testimage.PNG(testimage.Document(400, 300, 2))
	l := defaults(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := g.Inspect(ctx, data, l)
	if !errors.Is(err, context.Canceled) || res.Info.Measured || res.Info.Width != 400 {
		t.Errorf("cancelled: %+v, %v", res, err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			res, err := g.InspectReader(ctx, bytes.NewReader(data), l)
			if err != nil || !res.OK() {
				t.Errorf("%+v, %v", res, err)
			}
		})
	}
	wg.Wait()
	var nilGate *scan.Gate
	if res, err := nilGate.Inspect(context.Background(), data, l); err != nil || !res.Info.Measured {
		t.Errorf("nil gate: %+v %v", res, err)
	}
}

// BenchmarkHostile is the CPU and memory of each hostile file of
// TestHostileHeadersBounded, and of a progressive JPEG of 1,400 empty
// scans, the worst the work bound admits scaled down.
func BenchmarkHostile(b *testing.B) {
	l, _ := scan.LimitsFor(scan.DefaultProfile, "subject_cert")
	for _, c := range hostile {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				scan.InspectReader(bytes.NewReader(c.data), l)
			}
		})
	}
}
