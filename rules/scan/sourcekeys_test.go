package scan

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules/sources"
)

// TestLimitSourcesDefined: every key data/limits.csv cites is defined in
// rules/sources, and every certain limit cites one (an uncertain limit may
// rest on no page: "no page found").
func TestLimitSourcesDefined(t *testing.T) {
	for _, e := range limitTable {
		l := e.limits
		for name, f := range map[string]struct {
			certain bool
			source  string
		}{
			"formats":        {l.Formats.Certain, l.Formats.Source},
			"max_bytes":      {l.MaxBytes.Certain, l.MaxBytes.Source},
			"min_short_side": {l.MinShortSide.Certain, l.MinShortSide.Source},
			"min_long_side":  {l.MinLongSide.Certain, l.MinLongSide.Source},
			"min_sharpness":  {l.MinSharpness.Certain, l.MinSharpness.Source},
		} {
			keys := sources.Keys(f.source)
			if f.certain {
				assert.NotEmpty(t, keys, "%s/%s/%s is certain but cites no page: %q", e.profile, e.kind, name, f.source)
			}
			for _, k := range keys {
				_, ok := sources.Lookup(k)
				assert.True(t, ok, "%s/%s/%s cites %q, which rules/sources does not define", e.profile, e.kind, name, k)
			}
		}
	}
	for _, p := range Profiles() {
		assert.NotEmpty(t, ProfileSourceKeys(p), p)
	}
	assert.Equal(t, []string{"huawei-materials", "tencent-materials"}, ProfileSourceKeys(DefaultProfile))
	assert.Nil(t, ProfileSourceKeys("no_such_profile"))
}

func TestProblemSourceKeys(t *testing.T) {
	l, ok := LimitsFor(DefaultProfile, "subject_cert")
	assert.True(t, ok)
	ps := l.Check(Info{Format: FormatJPEG, Size: 5 << 20})
	if assert.NotEmpty(t, ps) {
		assert.Equal(t, KindFileSize, ps[0].Kind)
		assert.Equal(t, []string{"huawei-materials"}, ps[0].SourceKeys())
	}
	assert.Equal(t, []string{"huawei-materials"}, l.Formats.SourceKeys())
	assert.Nil(t, l.MinShortSide.SourceKeys(), "no page was found for the pixel floor")
}
