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

// TestCompareDecidesAtNamesAsTheWalk holds Compare, which decides at the
// first differing byte when that is a member's name against another's or
// the end of one path, to the walk of the whole paths, over a whole class
// of paths: every path of up to three steps, a step a member (names that
// are prefixes of one another, with digits, upper case, _, non-ASCII,
// empty) or an index (one, two and three digits, a leading zero,
// malformed ones), each against every other. Made to fail by ordering a
// shorter path after the paths inside it, by deciding at a digit that
// follows another digit (websites[2] against websites[10]), and by taking
// [ for a name's byte (. orders before every name byte either way).
func TestCompareDecidesAtNamesAsTheWalk(t *testing.T) {
	names := []string{"", "a", "b", "ab", "a_b", "aB", "A", "name", "names", "x1", "x10", "é", "z"}
	steps := []string{"[0]", "[1]", "[2]", "[9]", "[10]", "[12]", "[100]", "[01]", "[", "]", "[x]", "[1", "1"}
	for _, n := range names {
		steps = append(steps, "."+n)
	}
	paths := append([]string{}, names...)
	level := paths
	for range 2 {
		var next []string
		for _, p := range level {
			for _, s := range steps {
				next = append(next, p+s)
			}
		}
		paths = append(paths, next...)
		level = next[:min(len(next), 200)] // every step after the first 200 paths of the level
	}
	paths = append(paths, "subject.principal.mobile", "subject.principal.phone", "subject.principal.email", "subject.cert_number",
		"websites[0].domains", "websites[0].domains[1]", "websites[0].name", "websites[10].name", "websites[2].name",
		"websites[0].principal_same_as_subject", "documents", "province", "apps[2].platforms[1].package")
	if len(paths) < 2500 {
		t.Fatalf("only %d paths", len(paths))
	}
	for _, a := range paths {
		for _, b := range paths {
			if got, want := Path(a).Compare(Path(b)), compareFrom(a, b); got != want {
				t.Fatalf("Compare(%q, %q) = %d, the whole walk %d", a, b, got, want)
			}
		}
	}
}
