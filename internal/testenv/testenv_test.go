package testenv_test

import (
	"testing"

	"github.com/icpcheck/beian/internal/testenv"
)

func TestExhaustive(t *testing.T) {
	for _, tt := range []struct {
		value   string
		skipped bool
	}{{"", true}, {"0", true}, {"no", true}, {"1", false}, {"true", false}} {
		t.Setenv(testenv.EnvExhaustive, tt.value)
		var skipped bool
		t.Run(tt.value, func(t *testing.T) {
			defer func() { skipped = t.Skipped() }()
			testenv.Exhaustive(t)
		})
		if skipped != tt.skipped {
			t.Errorf("%s=%q: skipped %v, want %v", testenv.EnvExhaustive, tt.value, skipped, tt.skipped)
		}
	}
}

func TestSkipUnavailable(t *testing.T) {
	var skipped bool
	t.Run("missing", func(t *testing.T) {
		defer func() { skipped = t.Skipped() }()
		testenv.SkipUnavailable(t, "no %s here", "server")
	})
	if !skipped {
		t.Error("SkipUnavailable did not skip")
	}
}

func TestStride(t *testing.T) {
	t.Setenv(testenv.EnvExhaustive, "")
	if got := testenv.Stride(13); got != 13 {
		t.Errorf("quick run: Stride(13) = %d", got)
	}
	t.Setenv(testenv.EnvExhaustive, "1")
	if got := testenv.Stride(13); got != 1 {
		t.Errorf("exhaustive run: Stride(13) = %d", got)
	}
}
