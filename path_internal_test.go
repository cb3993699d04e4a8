package beian

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// pathPieces are the parts test paths are made of: names, separators,
// indexes of one to three digits (with prefixes in common), and malformed
// indexes (a leading zero, no digits, no closing bracket, a huge number).
var pathPieces = []string{
	"websites", "domains", "name", "a", "ab", "a1", "1", "x9", ".", ".", "[", "]",
	"[0]", "[1]", "[2]", "[9]", "[10]", "[12]", "[13]", "[19]", "[100]", "[123]",
	"[01]", "[]", "[1", "[12", "[99999999999]", "[1a]", "é", "[[1]]",
}

// randomPaths returns n paths of up to six pieces, so that most pairs
// share a start and then differ at every kind of place.
func randomPaths(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(pathPieces[rng.IntN(len(pathPieces))])
		}
		out[i] = b.String()
	}
	return out
}

// TestCompareSkipsCommonStart holds Compare, which starts its walk where
// the paths differ, to the walk of the whole paths (compareFrom from the
// start): pairs of random paths, and each with its every prefix and
// every one-byte change.
func TestCompareSkipsCommonStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	paths := randomPaths(rng, 600)
	check := func(a, b string) {
		t.Helper()
		if got, want := Path(a).Compare(Path(b)), compareFrom(a, b); got != want {
			t.Fatalf("Compare(%q, %q) = %d, the whole walk %d", a, b, got, want)
		}
	}
	for _, a := range paths {
		for _, b := range paths {
			check(a, b)
		}
		for i := 0; i <= len(a); i++ {
			check(a, a[:i])
			check(a[:i], a)
			for _, c := range []byte("09[].a") {
				b := a[:i] + string(c) + a[min(i+1, len(a)):]
				check(a, b)
				check(b, a)
			}
		}
	}
}

func FuzzPathCompare(f *testing.F) {
	rng := rand.New(rand.NewPCG(7, 8))
	ps := randomPaths(rng, 40)
	for i := 0; i+1 < len(ps); i += 2 {
		f.Add(ps[i], ps[i+1])
	}
	f.Add("websites[12].name", "websites[13].name")
	f.Add("websites[2]", "websites[10]")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := Path(a).Compare(Path(b)), compareFrom(a, b); got != want {
			t.Fatalf("Compare(%q, %q) = %d, the whole walk %d", a, b, got, want)
		}
	})
}
