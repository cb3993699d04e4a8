package rules

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
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

// TestParseOwnerAsGeneral holds parseOwner's reading of websites[i] and
// websites[i].principal to the general reading: indexes of 0 to 8 digits
// (leading zeros too), every suffix the general reading takes or refuses,
// spaces, signs and other roots.
func TestParseOwnerAsGeneral(t *testing.T) {
	var indexes []string
	for n := range 130 {
		indexes = append(indexes, strconv.Itoa(n), fmt.Sprintf("%03d", n))
	}
	indexes = append(indexes, "", "+1", "-1", " 1", "1 ", "99999", "999999", "1234567", "12345678", "x", "1x", "٣")
	fast := 0
	for _, idx := range indexes {
		for _, suffix := range []string{"]", "].principal", "]principal", "].principal ", "] ", "", "]]", "].Principal", "].principal.x", "][0]"} {
			for _, prefix := range []string{"websites[", " websites[", "website[", "domains[", "Websites["} {
				s := prefix + idx + suffix
				if got, want := parseOwner(s), parseOwnerGeneral(s); got != want {
					t.Fatalf("parseOwner(%q) = %+v; the general reading %+v", s, got, want)
				}
				if strings.HasPrefix(s, "websites[") && parseOwner(s).root == ownerWebsite {
					fast++
				}
			}
		}
	}
	if fast < 500 {
		t.Errorf("%d website owners read", fast)
	}
}
