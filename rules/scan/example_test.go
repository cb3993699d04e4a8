package scan_test

import (
	"fmt"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules/scan"
)

// Inspect an upload against the providers' limits: a sharp page passes, the
// same page blurred does not, and the problem says by how much.
func ExampleInspect() {
	limits, _ := scan.LimitsFor(scan.DefaultProfile, beian.DocSubjectCert)
	page := testimage.Document(800, 600, 1)

	sharp := scan.Inspect(testimage.JPEG(page, 85), limits)
	fmt.Println(sharp.Info.Format, sharp.Info.Width, sharp.Info.Height, sharp.OK())

	blurred := scan.Inspect(testimage.JPEG(testimage.Blur(page, 3), 85), limits)
	for _, p := range blurred.Problems {
		fmt.Printf("%s: under the minimum %v by more than half: %v\n", p.Kind, p.Want, p.Excess() > 0.5)
	}
	// Output:
	// jpeg 800 600 true
	// sharpness: under the minimum 40 by more than half: true
}

// A PNG whose header declares 50,000×50,000 pixels is refused before any
// decoding.
func ExampleInspect_decompressionBomb() {
	res := scan.Inspect(pngBomb(50000, 50000, 1<<20), scan.Limits{})
	for _, p := range res.Problems {
		fmt.Println(p.Kind, p.Got, "pixels; decoded:", res.Info.Measured)
	}
	// Output:
	// pixels 2.5e+09 pixels; decoded: false
}

// Check what a console declared about an upload, without its bytes.
func ExampleLimits_Check() {
	limits, _ := scan.LimitsFor(scan.DefaultProfile, beian.DocPhoto)
	for _, p := range limits.Check(scan.Info{Format: scan.FormatJPEG, Width: 240, Height: 320, Size: 5 << 20}) {
		fmt.Println(p)
	}
	// Output:
	// file size 5242880 bytes over the 4194304 limit
	// short_side 240 under the 300 minimum
	// long_side 320 under the 400 minimum
}

// The format comes from the content, not from a file name.
func ExampleSniff() {
	fmt.Println(scan.Sniff([]byte("\x89PNG\r\n\x1a\n...")), scan.Sniff([]byte("%PDF-1.7")))
	// Output: png pdf
}
