package scan_test

import (
	"bytes"
	"testing"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules/scan"
)

// FuzzInspect feeds corrupt, truncated and hostile files to Inspect: it
// must not panic, must decode only within the pixel and memory bounds, and
// must give the same decision for the same bytes through InspectReader
// (whose read counts against the memory bound, so it may refuse what
// Inspect decodes: only KindMemory may differ).
func FuzzInspect(f *testing.F) {
	page := testimage.Document(64, 48, 1)
	jpg := testimage.JPEG(testimage.Tint(page), 70)
	pngData := testimage.PNG(page)
	f.Add(jpg)
	f.Add(pngData)
	f.Add(jpg[:len(jpg)/2])
	f.Add(pngData[:len(pngData)/3])
	f.Add(pngBomb(50000, 50000, 1<<16))
	f.Add(jpegHuge(65535, 65535))
	f.Add(testimage.JPEGHeader(5000, 5000, 3, true))
	f.Add(testimage.JPEGHeader(300, 200, 4, false))
	f.Add(testimage.PNGHeader(5000, 5000, 16, 6))
	f.Add(testimage.PNGHeader(40, 30, 2, 3))
	f.Add(testimage.ProgressiveJPEG(page, 8, 2))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte{0xff, 0xd8, 0xff})
	f.Add([]byte("GIF89a"))
	const maxPixels = 1 << 20 // keeps each decode under ~8 MB
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		l := scan.Limits{MaxPixels: maxPixels, MaxBytes: scan.Limit{Value: 1 << 20}, MaxMemory: 16 << 20}
		res := scan.Inspect(data, l)
		if !bytes.Equal(data, orig) {
			t.Fatal("Inspect modified its input")
		}
		in := res.Info
		if in.Measured && int64(in.Width)*int64(in.Height) > maxPixels {
			t.Fatalf("decoded %dx%d past the pixel bound", in.Width, in.Height)
		}
		if in.Size != int64(len(data)) || in.Format != scan.Sniff(data) {
			t.Fatalf("info %+v for %d bytes", in, len(data))
		}
		for _, p := range res.Problems {
			if p.Kind == scan.KindUnreadable && p.Err == nil {
				t.Fatal("unreadable without a reason")
			}
			if p.Kind == scan.KindUnreadable && in.Measured {
				t.Fatal("unreadable yet measured")
			}
		}
		again := scan.InspectReader(bytes.NewReader(data), l)
		if again.Has(scan.KindMemory) && !res.Has(scan.KindMemory) {
			return // the bytes read left too little to decode with
		}
		if again.Info != res.Info || len(again.Problems) != len(res.Problems) {
			t.Fatalf("InspectReader %+v, Inspect %+v", again, res)
		}
	})
}
