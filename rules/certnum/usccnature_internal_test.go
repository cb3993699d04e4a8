package certnum

import "testing"

// TestUSCCKindOfAsScan holds usccKindOf, which reads the kinds' keys, to a
// scan of the kinds themselves, for every pair of bytes.
func TestUSCCKindOfAsScan(t *testing.T) {
	found := 0
	for a := range 256 {
		for c := range 256 {
			var want *USCCKind
			for i := range usccKinds {
				if k := &usccKinds[i]; k.Authority == byte(a) && k.Category == byte(c) {
					want = k
					break
				}
			}
			if got := usccKindOf(byte(a), byte(c)); got != want {
				t.Fatalf("usccKindOf(%#x, %#x) = %v, want %v", a, c, got, want)
			}
			if want != nil {
				found++
			}
		}
	}
	if found != len(usccKinds) {
		t.Errorf("%d kinds found, want %d", found, len(usccKinds))
	}
}
