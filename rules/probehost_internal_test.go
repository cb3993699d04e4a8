package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProbeHostPlain holds probeHost's plain path to probeHostTyped:
// every text of up to 4 pieces drawn from letters of both cases, a digit,
// a hyphen, a dot, the ideographic and full-width full stops, the
// separators of a URL, a space and '@'; runs of dots and hyphens; hosts
// around the 253-byte limit; and 20,000 random texts of up to 30 pieces.
func TestProbeHostPlain(t *testing.T) {
	pieces := []string{"a", "Z", "0", "-", ".", "。", "．", ":", "/", "?", " ", "@", "é"}
	check := func(s string) {
		t.Helper()
		gotH, gotOK := probeHost(s)
		wantH, wantOK := probeHostTyped(s)
		if gotH != wantH || gotOK != wantOK {
			t.Fatalf("probeHost(%q) = %q, %v; probeHostTyped: %q, %v", s, gotH, gotOK, wantH, wantOK)
		}
	}
	var walk func(prefix string, n int)
	walk = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			walk(prefix+p, n-1)
		}
	}
	walk("", 4)
	for _, s := range []string{"a..b", "a.b.", ".cn", "-a.cn", "shili.cn", "www.shilikeji.net", "a.b..", "..", "a-.b"} {
		check(s)
	}
	for n := 248; n <= 256; n++ {
		check(strings.Repeat("a", n-3) + ".cn")
		check(strings.Repeat("a", n-4) + ".cn.")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		var b strings.Builder
		for range r.IntN(31) {
			// Mostly host bytes, so that long plain texts come up.
			if r.IntN(4) > 0 {
				b.WriteString(pieces[r.IntN(5)])
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		check(b.String())
	}
}
