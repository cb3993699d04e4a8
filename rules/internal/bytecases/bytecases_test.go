package bytecases

import (
	"testing"
)

// TestEach: the number of calls, every byte value at every position, the
// pairs of edges, and the base restored between positions.
func TestEach(t *testing.T) {
	base, edges := []byte("abc"), []byte{0x00, 0xFF}
	seen := map[string]bool{}
	calls := 0
	Each(base, edges, func(b []byte) {
		calls++
		seen[string(b)] = true
		diff := 0
		for i := range b {
			if b[i] != base[i] {
				diff++
			}
		}
		if diff > 2 {
			t.Fatalf("%q differs from the base in %d places", b, diff)
		}
	})
	if want := 1 + 3*256 + 3*2*2*2; calls != want {
		t.Fatalf("%d calls, want %d", calls, want)
	}
	for _, s := range []string{"abc", "\x00bc", "a\xffc", "ab\x80", "\x00b\xff", "\xff\x00c"} {
		if !seen[s] {
			t.Errorf("%q not given", s)
		}
	}
	if string(base) != "abc" {
		t.Fatal("base changed")
	}
}
