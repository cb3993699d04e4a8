package names

import "testing"

// LexiconData returns the words of the lexicon's data file file
// (internal/lexicon/data), as readWords reads them, for the external
// tests.
func LexiconData(t *testing.T, file string, counts bool) []string {
	t.Helper()
	return readWords(t, "internal/lexicon/data/"+file, counts)
}

// ShareReading reports whether a and b share a toneless reading, for the
// external tests (homophone_internal_test.go's shareReading).
func ShareReading(a, b rune) bool { return shareReading(a, b) }
