package beian_test

import (
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/icpcheck/beian"
)

// releaseHeading matches a Keep a Changelog release heading:
// "## [1.2.3] - 2026-12-05".
var releaseHeading = regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\] - (\d{4}-\d{2}-\d{2})$`)

// TestVersionIsNewestRelease holds beian.Version to the newest release of
// CHANGELOG.md, and the changelog to its form: an Unreleased section on
// top, then releases newest first, each dated and each with a link.
func TestVersionIsNewestRelease(t *testing.T) {
	b, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !regexp.MustCompile(`(?m)^## \[Unreleased\]$`).MatchString(text) {
		t.Error("CHANGELOG.md has no ## [Unreleased] section")
	}
	releases := releaseHeading.FindAllStringSubmatch(text, -1)
	if len(releases) == 0 {
		t.Fatal("CHANGELOG.md names no release")
	}
	if got := releases[0][1]; got != beian.Version {
		t.Errorf("newest release in CHANGELOG.md is %s, beian.Version is %s", got, beian.Version)
	}
	var prev time.Time
	for i, r := range releases {
		d, err := time.Parse(time.DateOnly, r[2])
		if err != nil {
			t.Errorf("release %s: date %q: %v", r[1], r[2], err)
			continue
		}
		if i > 0 && d.After(prev) {
			t.Errorf("release %s (%s) is listed below a release dated before it", r[1], r[2])
		}
		prev = d
		link := regexp.MustCompile(`(?m)^\[` + regexp.QuoteMeta(r[1]) + `\]: \S+$`)
		if !link.MatchString(text) {
			t.Errorf("release %s has no link line [%s]: URL", r[1], r[1])
		}
	}
}

// TestVersionIsSemantic rejects a Version that go's module tags could not
// carry (a leading "v", a missing part).
func TestVersionIsSemantic(t *testing.T) {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`).MatchString(beian.Version) {
		t.Errorf("Version %q is not MAJOR.MINOR.PATCH[-PRERELEASE]", beian.Version)
	}
}
