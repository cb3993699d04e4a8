package ipaddr

import (
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"
)

// asNetip is what net/netip says of s.
func asNetip(s string) (ok, zoned bool) {
	ip, err := netip.ParseAddr(s)
	return err == nil, err == nil && ip.Zone() != ""
}

func check(t *testing.T, s string) {
	t.Helper()
	gotOK, gotZoned := Parse(s)
	wantOK, wantZoned := asNetip(s)
	if gotOK != wantOK || gotZoned != wantZoned {
		t.Fatalf("Parse(%q) = %v, %v; net/netip says %v, %v", s, gotOK, gotZoned, wantOK, wantZoned)
	}
}

// TestAsNetipByClass: Parse agrees with net/netip on addresses and
// near-addresses of every form: IPv4 fields with leading zeros, values
// over 255, too few and too many fields; IPv6 with the gap at every
// place, too many and too few groups, groups of five digits, embedded
// IPv4 at every place, zones empty and not; and every text made of a few
// tokens of those.
func TestAsNetipByClass(t *testing.T) {
	fixed := []string{
		"", ".", ":", "%", "::", ":::", "::%", "::%z", "1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1",
		"01.2.3.4", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4%z", "1.2.3.04",
		"::1", "1::", "1::2", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
		"1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1::2::3", "12345::", "fffff::1", "FFFF::1", "g::1",
		"::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
		"::1.2.3.4", "1::1.2.3.4", "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.4:5", "fe80::1%eth0",
		"fe80::1%", "fe80::1%%", "::1%1%2", "1:", ":1", "1:2", "a.b.c.d", "1a.2.3.4", "::1a.2.3.4", "abcd.1.1.1",
		"example.cn", "例子.中国", "1.2.3.4 ", " ::1", "::1 ", "0x1.2.3.4", "::0:0", "0:0:0:0:0:0:0:0",
	}
	for _, s := range fixed {
		check(t, s)
	}
	tokens := []string{"1", "0", "00", "01", "255", "256", "ffff", "FFFF", "12345", "g", "1.2.3.4", ".", ":", "::", "%", "%eth0", "a", "abcd"}
	var build func(prefix string, depth int)
	build = func(prefix string, depth int) {
		check(t, prefix)
		if depth == 0 {
			return
		}
		for _, tok := range tokens {
			build(prefix+tok, depth-1)
		}
	}
	build("", 4)
	// Addresses of 1 to 9 groups with a gap, an IPv4 tail or neither at
	// every place.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		var parts []string
		for range 1 + rng.IntN(9) {
			parts = append(parts, []string{"0", "1", "ab", "ffff", "1234", "abcde", ""}[rng.IntN(7)])
		}
		s := strings.Join(parts, ":")
		if rng.IntN(3) == 0 {
			s += ":" + []string{"1.2.3.4", "1.2.3", "256.1.1.1", "01.1.1.1"}[rng.IntN(4)]
		}
		if rng.IntN(4) == 0 {
			s += []string{"%", "%z", "%1%"}[rng.IntN(3)]
		}
		check(t, s)
	}
}

// FuzzAsNetip: Parse agrees with net/netip on any text.
func FuzzAsNetip(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "::1", "fe80::1%eth0", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "01.2.3.4", "example.cn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s) })
}
