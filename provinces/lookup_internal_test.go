package provinces

import "testing"

// TestLookupCodeAsSearch holds Lookup's shortcut for a two-digit code to
// the search of every form: every string of two bytes, and each code
// with spaces around it and as a six-digit division code.
func TestLookupCodeAsSearch(t *testing.T) {
	found := 0
	for a := range 256 {
		for b := range 256 {
			s := string([]byte{byte(a), byte(b)})
			p, ok := Lookup(s)
			wp, wok := lookup(s)
			if p != wp || ok != wok {
				t.Fatalf("Lookup(%q) = %v, %v; the search %v, %v", s, p, ok, wp, wok)
			}
			if ok && codeIndex(s) >= 0 {
				found++
			}
		}
	}
	if found != len(table) {
		t.Errorf("%d codes found, want %d", found, len(table))
	}
	for _, p := range table {
		for _, s := range []string{" " + p.Code, p.Code + " ", p.Code + "0000", p.Code + "0305"} {
			if got, ok := Lookup(s); !ok || got != p {
				t.Errorf("Lookup(%q) = %v, %v; want %v", s, got, ok, p)
			}
		}
	}
}
