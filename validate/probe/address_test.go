package probe_test

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/validate/probe"
)

func TestSpecialTableCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

// samples returns the first, a middle and the last address of p.
func samples(p netip.Prefix) []netip.Addr {
	first := p.Masked().Addr()
	b := first.AsSlice()
	last := make([]byte, len(b))
	mid := make([]byte, len(b))
	copy(last, b)
	copy(mid, b)
	for i := range b {
		host := max(0, min(8, (i+1)*8-p.Bits())) // host bits in byte i
		mask := byte(1<<host - 1)
		last[i] |= mask
		if (i+1)*8 > p.Bits() && i*8 <= p.Bits() && host > 0 {
			mid[i] |= 1 << (host - 1) // the top host bit
		}
	}
	l, _ := netip.AddrFromSlice(last)
	m, _ := netip.AddrFromSlice(mid)
	return []netip.Addr{first, m, l}
}

// TestSpecialPurposeRefused: the first, middle and last address of every
// block of both IANA registries is refused, by class, with the addresses
// issue 19 found the prober connecting to; public addresses on either
// side of the blocks are accepted.
func TestSpecialPurposeRefused(t *testing.T) {
	blocks := probe.SpecialPurpose()
	var v4, v6 int
	for _, b := range blocks {
		if b.Prefix.Addr().Is4() {
			v4++
		} else {
			v6++
		}
		for _, a := range samples(b.Prefix) {
			if !b.Prefix.Contains(a) {
				t.Fatalf("sample %s outside %s", a, b.Prefix)
			}
			if probe.Public(a) {
				t.Errorf("%s (%s, %s) is accepted", a, b.Prefix, b.Name)
			}
		}
	}
	if v4 < 26 || v6 < 25 {
		t.Errorf("%d IPv4 and %d IPv6 blocks: the registries are incomplete", v4, v6)
	}
	for _, want := range []string{"64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32", "::ffff:0:0/96", "0.0.0.0/8", "240.0.0.0/4", "198.18.0.0/15", "100.64.0.0/10", "192.88.99.0/24"} {
		p := netip.MustParsePrefix(want)
		found := false
		for _, b := range blocks {
			found = found || b.Prefix == p
		}
		if !found {
			t.Errorf("%s is not in the table", want)
		}
	}
	refused := map[string][]string{
		"NAT64 (issue 19)":           {"64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b::808:808", "64:ff9b:1::c0a8:101"},
		"6to4 (issue 19)":            {"2002:7f00:1::1", "2002:c0a8:101::1", "2002:808:808::1"},
		"IPv4-compatible (issue 19)": {"::7f00:1", "::a00:1", "::808:808", "::1:2"},
		"IPv4-mapped":                {"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:8.8.8.8"},
		"this network (issue 19)":    {"0.0.0.0", "0.1.2.3", "0.255.255.255"},
		"reserved (issue 19)":        {"240.0.0.1", "250.1.2.3", "255.255.255.254", "255.255.255.255"},
		"benchmarking (issue 19)":    {"198.18.0.1", "198.19.255.255"},
		"shared (issue 19)":          {"100.64.0.1", "100.127.255.255"},
		"multicast":                  {"224.0.0.1", "239.255.255.250", "ff02::1", "ff0e::1"},
		"reserved IPv6":              {"4000::1", "fec0::1", "100::1", "1::1", "::"},
		"link-local with a zone":     {"fe80::1%eth0"},
		"Teredo":                     {"2001:0:4136:e378::1"},
		"documentation":              {"2001:db8::1", "3fff::1", "192.0.2.1", "198.51.100.7", "203.0.113.9"},
	}
	for class, addrs := range refused {
		for _, s := range addrs {
			if probe.Public(netip.MustParseAddr(s)) {
				t.Errorf("%s: %s is accepted", class, s)
			}
		}
	}
	for _, s := range []string{"8.8.8.8", "1.1.1.1", "223.5.5.5", "100.63.255.255", "100.128.0.0", "198.17.255.255", "198.20.0.0", "2400:3200::1", "2001:4860:4860::8888", "2001:200::1", "2003::1", "2a00:1450::1"} {
		if !probe.Public(netip.MustParseAddr(s)) {
			t.Errorf("public %s is refused", s)
		}
	}
	if probe.Public(netip.MustParseAddr("2001:1ff:ffff::1")) { // the end of 2001::/23
		t.Error("2001:1ff:ffff::1 is accepted")
	}
}

// TestSpecialAddressesNeverDialled: a domain whose resolver answers with a
// special-purpose address is not fetched: the fake dialer is never
// called, and the domain counts as not resolving to a usable address.
func TestSpecialAddressesNeverDialled(t *testing.T) {
	for _, addr := range []string{"64:ff9b::7f00:1", "2002:7f00:1::1", "::7f00:1", "0.0.0.0", "240.0.0.1", "198.18.0.1", "100.64.0.1", "::ffff:127.0.0.1", "192.0.0.170"} {
		e := newEnv(t, fakeResolver{"example.com": {addr}, "www.example.com": {addr}}, page(footerPage), page(footerPage))
		e.prober.AllowPrivate = false
		res, err := e.prober.Probe(context.Background(), "example.com")
		if err != nil || res.Reachable || res.Resolves {
			t.Errorf("%s: %+v, %v", addr, res, err)
		}
		if len(e.dials) != 0 {
			t.Errorf("%s: dialled %v", addr, e.dials)
		}
	}
	// a public address next to a special one: only the public one is dialled
	e := newEnv(t, fakeResolver{"example.com": {"64:ff9b::a00:1", "8.8.8.8"}}, page(footerPage), nil)
	e.prober.AllowPrivate = false
	e.prober.Probe(context.Background(), "example.com")
	for _, d := range e.dials {
		if !strings.HasPrefix(d, "8.8.8.8:") {
			t.Errorf("dialled %s", d)
		}
	}
}

// TestRedirectPorts: a redirect is followed only to ports 80 and 443 of
// the site's own hosts; one to another port (an internal service on the
// same public address) is the answer, and that port is never dialled.
func TestRedirectPorts(t *testing.T) {
	for _, target := range []string{"https://example.com:8443/", "http://example.com:22/", "https://www.example.com:6379/", "http://example.com:0/", "https://example.com:80443/"} {
		e := newEnv(t, local, http.RedirectHandler(target, http.StatusFound), nil)
		res, err := e.prober.Probe(context.Background(), "example.com")
		if err != nil || res.StatusCode != http.StatusFound || res.URL != "https://example.com/" {
			t.Errorf("%s: %+v, %v", target, res, err)
		}
		for _, d := range e.dials {
			if _, port, _ := net.SplitHostPort(d); port != "443" && port != "80" {
				t.Errorf("%s: dialled %s", target, d)
			}
		}
	}
	// the default ports, written out, are followed
	mux := http.NewServeMux()
	mux.Handle("example.com/", http.RedirectHandler("https://www.example.com:443/home", http.StatusFound))
	mux.HandleFunc("www.example.com/home", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(footerPage)) })
	e := newEnv(t, local, mux, nil)
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil || res.StatusCode != 200 {
		t.Errorf("port 443 written out: %+v, %v", res, err)
	}
}
