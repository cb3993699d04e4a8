package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProbeFlag: the live-site checks are skipped unless --probe is given.
// The filing is an add_site one, whose new websites are not probed, so
// the test does not touch the network. In the default build, without the
// prober, --probe is refused with status 2; .ci/run also runs the test
// with -tags icpcheck_probe.
func TestProbeFlag(t *testing.T) {
	const file = "testdata/icp_number_other_province.json"
	status, out, _ := runCapture(t, "", false, "--lang", "en", file)
	assert.Equal(t, exitRejected, status)
	assert.Contains(t, out, "skipped SITE_ONLINE_BEFORE_APPROVAL (no Prober configured)")

	status, out, errOut := runCapture(t, "", false, "--probe", "--lang", "en", file)
	if !withProber {
		assert.Equal(t, exitUnusable, status)
		assert.Contains(t, errOut, "--probe")
		assert.Empty(t, out)
		return
	}
	assert.Equal(t, exitRejected, status)
	assert.Empty(t, errOut)
	assert.NotContains(t, out, "SITE_")
	assert.Contains(t, out, "ICP_NUMBER_INVALID")
}

// TestBuildWithoutProber: the default build links no network code (not
// even package net, which makes a cgo build dynamically linked), the
// icpcheck_probe build links the prober.
func TestBuildWithoutProber(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	deps := func(tags ...string) []string {
		out, err := exec.Command("go", append(append([]string{"list"}, tags...), "-deps", ".")...).CombinedOutput()
		require.NoError(t, err, "%s", out)
		return strings.Fields(string(out))
	}
	const prober = "github.com/icpcheck/beian/validate/probe"
	lean := deps()
	for _, d := range []string{prober, "net", "net/http", "crypto/tls"} {
		assert.False(t, slices.Contains(lean, d), "the default build links %s", d)
	}
	assert.Contains(t, deps("-tags", "icpcheck_probe"), prober)
}
