package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/phonenum"
)

// TestTableFlagsUnusable checks that a segment table or records file that
// cannot be read gives status 2 and names the flag and the problem.
func TestTableFlagsUnusable(t *testing.T) {
	dir := t.TempDir()
	badCSV := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(badCSV, []byte("1991234,火星\n"), 0o644))
	badDat := filepath.Join(dir, "bad.dat")
	dat, err := os.ReadFile("testdata/tables/segments.dat")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(badDat, dat[:len(dat)-4], 0o644)) // truncated in an entry
	badRecords := filepath.Join(dir, "records.json")
	require.NoError(t, os.WriteFile(badRecords, []byte(`{"subjects": [{"nick": "x"}]}`), 0o644))

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--segments", badCSV}, `: phonenum: csv line 1: "火星" is not a province`},
		{[]string{"--segments", badDat}, ": phonenum: phone.dat offset"},
		{[]string{"--segments", filepath.Join(dir, "none.csv")}, "none.csv: open"},
		{[]string{"--registry", badRecords}, ": records: subjects[0]"},
		{[]string{"--registry", filepath.Join(dir, "none.json")}, "none.json: open"},
	} {
		status, out, errOut := runCapture(t, "", false, append(tt.args, "testdata/clean_enterprise.json")...)
		assert.Equal(t, exitUnusable, status, tt.args)
		assert.Empty(t, out)
		assert.Contains(t, errOut, "icpcheck: "+tt.args[0]+" ", tt.args)
		assert.Contains(t, errOut, tt.want, tt.args)
	}
}

// TestShippedTables checks the shipped segment tables load in the format
// their names say.
func TestShippedTables(t *testing.T) {
	for name, format := range map[string]string{"segments.csv": "csv", "segments.dat": "phone.dat"} {
		f, err := os.Open(filepath.Join("testdata", "tables", name))
		require.NoError(t, err)
		tab, err := phonenum.Load(f)
		f.Close()
		require.NoError(t, err, name)
		assert.Equal(t, format, tab.Format(), name)
		assert.Positive(t, tab.Len(), name)
	}
}
