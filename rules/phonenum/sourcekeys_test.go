package phonenum

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/sources"
)

// TestSpecialSourcesDefined: every row of data/special.csv cites source
// keys, each defined in rules/sources, and the package's key constants
// are defined.
func TestSpecialSourcesDefined(t *testing.T) {
	for _, k := range []string{NumberingSourceKey, SpecialSourceKey} {
		_, ok := sources.Lookup(k)
		assert.True(t, ok, k)
	}
	raw, err := os.ReadFile("data/special.csv")
	require.NoError(t, err)
	r := csv.NewReader(strings.NewReader(string(raw)))
	r.Comment = '#'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1)
	require.Equal(t, "source", rows[0][6])
	for _, row := range rows[1:] {
		keys := sources.Keys(row[6])
		if assert.NotEmpty(t, keys, "%s: %q", row[0], row[6]) {
			assert.Contains(t, keys, SpecialSourceKey, row[0])
			for _, k := range keys {
				_, ok := sources.Lookup(k)
				assert.True(t, ok, "%s cites %q, which rules/sources does not define", row[0], k)
			}
		}
	}
}
