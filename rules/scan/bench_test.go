package scan_test

import (
	"bytes"
	"image/jpeg"
	"testing"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules/scan"
)

var benchJPEG = func() []byte {
	return testimage.JPEG(testimage.Tint(testimage.Document(2000, 1500, 1)), 85)
}

// BenchmarkInspect is the scan-quality check of a 2000×1500 colour JPEG
// (header, decode, sharpness), the figure the issue asks for.
func BenchmarkInspect(b *testing.B) {
	data := benchJPEG()
	l, _ := scan.LimitsFor(scan.DefaultProfile, "subject_cert")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if res := scan.Inspect(data, l); !res.OK() {
			b.Fatal(res.Problems)
		}
	}
}

// BenchmarkDecodeOnly is the standard library's decoding of the same
// JPEG, the floor Inspect is measured against.
func BenchmarkDecodeOnly(b *testing.B) {
	data := benchJPEG()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSharpness is the measure alone on the decoded image.
func BenchmarkSharpness(b *testing.B) {
	img, err := jpeg.Decode(bytes.NewReader(benchJPEG()))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		scan.Sharpness(img)
	}
}

// BenchmarkDecompressionBomb is the refusal of a 50,000×50,000 PNG.
func BenchmarkDecompressionBomb(b *testing.B) {
	data := pngBomb(50000, 50000, 8<<20)
	b.ReportAllocs()
	for b.Loop() {
		if res := scan.Inspect(data, scan.Limits{}); !res.Has(scan.KindPixels) {
			b.Fatal(res.Problems)
		}
	}
}

// BenchmarkWorstAdmitted is the CPU of the costliest images the default
// bounds still decode: a progressive 4:4:4 JPEG of 1400×1400 with
// fourteen AC scans a component (1.47 million block decodes of the 1.5
// million allowed, 44 MiB estimated), and a baseline 4:2:0 JPEG of
// 6000×4000 (the DefaultMaxPixels bound).
func BenchmarkWorstAdmitted(b *testing.B) {
	page := testimage.Document(1400, 1400, 1)
	files := map[string][]byte{
		"progressive-1400x1400-14scans": testimage.ProgressiveJPEG(testimage.Tint(page), 4, 14),
		"baseline-6000x4000":            testimage.JPEG(testimage.Tint(testimage.Document(6000, 4000, 1)), 85),
	}
	for name, data := range files {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res := scan.Inspect(data, scan.Limits{}); !res.Info.Measured {
					b.Fatal(res.Problems)
				}
			}
		})
	}
}
