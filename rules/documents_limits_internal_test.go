package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/icpcheck/beian/rules/scan"
)

// TestWithinLimitsAsCheck holds withinLimits, the documents rule's quick
// test, to scan.Limits.Check: every profile's limits for every kind, and
// random limits (any of them zero), against declared files of every
// format, at and around each limit's value, measured and not.
func TestWithinLimitsAsCheck(t *testing.T) {
	var all []*scan.Limits
	for _, byKind := range documentLimits().byProfile {
		for _, l := range byKind {
			if l != nil {
				all = append(all, l)
			}
		}
	}
	if len(all) < 10 {
		t.Fatalf("%d limits", len(all))
	}
	rng := rand.New(rand.NewPCG(20, 1))
	formats := []scan.Format{scan.FormatUnknown, scan.FormatJPEG, scan.FormatPNG, scan.FormatGIF, "bmp", "pdf"}
	for range 50 {
		l := &scan.Limits{
			MaxBytes:     scan.Limit{Value: float64(rng.IntN(3) * 500000)},
			MinShortSide: scan.Limit{Value: float64(rng.IntN(3) * 600)},
			MinLongSide:  scan.Limit{Value: float64(rng.IntN(3) * 800)},
			MinSharpness: scan.Limit{Value: float64(rng.IntN(3)) * 0.5},
		}
		for _, f := range formats[1:] {
			if rng.IntN(2) == 0 {
				l.Formats.Allowed = append(l.Formats.Allowed, f)
			}
		}
		all = append(all, l)
	}
	around := func(v float64) []int64 {
		n := int64(v)
		return []int64{0, 1, n - 1, n, n + 1, 2*n + 7, 1 << 40}
	}
	checked := 0
	for _, l := range all {
		for _, f := range formats {
			for _, size := range around(l.MaxBytes.Value) {
				for _, w := range around(l.MinShortSide.Value) {
					for _, h := range around(l.MinLongSide.Value) {
						for _, sharp := range []float64{0, l.MinSharpness.Value - 0.01, l.MinSharpness.Value, 10} {
							for _, measured := range []bool{false, true} {
								info := scan.Info{Format: f, Width: int(max(w, 0)), Height: int(max(h, 0)), Size: max(size, 0), Sharpness: sharp, Measured: measured}
								got, want := withinLimits(l, &info), len(l.Check(info)) == 0
								if got != want {
									t.Fatalf("withinLimits(%+v, %+v) = %v, Check finds %v", *l, info, got, l.Check(info))
								}
								checked++
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d cases", checked)
}

// TestDocumentFormatShortcuts: the formats checkDocument reads without
// ParseFormat are what ParseFormat reads them as, and the default
// profile's limits are the map's.
func TestDocumentFormatShortcuts(t *testing.T) {
	for name, want := range map[string]scan.Format{"jpeg": scan.FormatJPEG, "png": scan.FormatPNG} {
		if got, ok := scan.ParseFormat(name); !ok || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; checkDocument reads %q", name, got, ok, want)
		}
	}
	all := documentLimits()
	if all.byDefault == nil || all.byDefault != all.byProfile[scan.DefaultProfile] {
		t.Error("the default profile's limits are not the map's")
	}
}
