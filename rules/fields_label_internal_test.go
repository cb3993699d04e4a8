package rules

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
)

// stripIndexesByBytes is stripIndexes deciding byte by byte: a '[' opens
// an index, a ']' closes it, and other bytes are kept outside one.
func stripIndexesByBytes(p string) string {
	var dst []byte
	in := false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '[':
			in = true
			dst = append(dst, c)
		case c == ']':
			in = false
			dst = append(dst, c)
		case !in:
			dst = append(dst, c)
		}
	}
	return string(dst)
}

// labelPaths returns every path of fieldLabels with each "[]" given an
// index of none to three digits, and paths made of random pieces
// (names, dots, well-formed and malformed indexes).
func labelPaths() []string {
	var out []string
	for _, l := range fieldLabels() {
		for _, ix := range []string{"", "0", "7", "12", "999"} {
			out = append(out, strings.ReplaceAll(l.path, "[]", "["+ix+"]"))
		}
	}
	pieces := []string{"websites", "apps", "domains", "principal", "name", "mobile", ".", "[", "]",
		"[0]", "[12]", "[]", "[1", "1]", "[[3]]", "[a]", "x"}
	rng := rand.New(rand.NewPCG(20, 6))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestFieldLabelAsMap holds FieldLabel, which finds the path in a keyindex
// (the path itself when it has no index, its bytes with the indexes
// stripped run by run when it has), to a Go map of fieldLabels looked up
// with the indexes stripped byte by byte: every label's path with indexes,
// and random paths. It fails when stripIndexes keeps an index's digits or
// drops a second '[' inside an index, or when the index and the texts are
// out of step.
func TestFieldLabelAsMap(t *testing.T) {
	m := map[string]Text{}
	for _, l := range fieldLabels() {
		if _, ok := m[l.path]; ok {
			t.Fatalf("path %q labelled twice", l.path)
		}
		m[l.path] = l.Text
	}
	for _, p := range labelPaths() {
		if got := string(stripIndexes(nil, p)); got != stripIndexesByBytes(p) {
			t.Fatalf("stripIndexes(%q) = %q, byte by byte %q", p, got, stripIndexesByBytes(p))
		}
		want, ok := m[stripIndexesByBytes(p)]
		if !ok {
			want = Text{p, p}
		}
		if got := FieldLabel(beian.Path(p)); got != want {
			t.Fatalf("FieldLabel(%q) = %+v, the map's %+v", p, got, want)
		}
	}
}
