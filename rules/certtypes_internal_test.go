package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
)

// TestCertTypeLists checks that every nature has a list with a source and
// that every list holds known types.
func TestCertTypeLists(t *testing.T) {
	for _, n := range beian.Natures() {
		ts, ok := certTypesFor(n)
		require.True(t, ok, n)
		assert.NotEmpty(t, ts.Source, n)
		for _, ct := range ts.Types {
			assert.True(t, ct.Valid(), "%s: %s", n, ct)
		}
	}
	_, ok := certTypesFor("martian")
	assert.False(t, ok)
}
