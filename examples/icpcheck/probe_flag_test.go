package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestProbeFlag: the live-site checks are skipped unless --probe is given.
// The filing is an add_site one, whose new websites are not probed, so
// the test does not touch the network.
func TestProbeFlag(t *testing.T) {
	const file = "testdata/icp_number_other_province.json"
	status, out, _ := runCapture(t, "", false, "--lang", "en", file)
	assert.Equal(t, exitRejected, status)
	assert.Contains(t, out, "skipped SITE_ONLINE_BEFORE_APPROVAL (no Prober configured)")

	status, out, errOut := runCapture(t, "", false, "--probe", "--lang", "en", file)
	assert.Equal(t, exitRejected, status)
	assert.Empty(t, errOut)
	assert.NotContains(t, out, "SITE_")
	assert.Contains(t, out, "ICP_NUMBER_INVALID")
}
