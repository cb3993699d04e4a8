package vectors

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	vs, err := Read(filepath.Join("testdata", "outside_*.txt"), 3)
	require.NoError(t, err)
	require.Len(t, vs, 2, "comments and blank lines skipped")
	assert.Equal(t, Vector{File: "outside_a.txt", Line: 3, Fields: []string{"idcard", "valid", "110101199003070011"}, Parts: map[string]string{}}, vs[0])
	assert.Equal(t, Vector{File: "outside_a.txt", Line: 5, Fields: []string{"uscc", "invalid", "91350100M000100Y43"}, Parts: map[string]string{"check": "3", "org": "M0001001"}}, vs[1])
	assert.Equal(t, "outside_a.txt:5", vs[1].String())
}

func TestReadRefuses(t *testing.T) {
	for _, name := range []string{"outside_short.txt.bad", "outside_long.txt.bad", "outside_nokv.txt.bad", "no_such_*.txt"} {
		_, err := Read(filepath.Join("testdata", name), 3)
		assert.Error(t, err, name)
	}
}
