package probe

//go:generate go run gen.go

import "net/netip"

// A SpecialBlock is one address block of IANA's IPv4 or IPv6
// Special-Purpose Address Registry (see [SpecialPurposeEdition]).
type SpecialBlock struct {
	// Prefix is the block.
	Prefix netip.Prefix
	// Name and RFC are the registry's.
	Name, RFC string
	// GloballyReachable is the registry's column: "True", "False", "N/A",
	// or "terminated YYYY-MM" for a block no longer allocated.
	GloballyReachable string
}

// SpecialPurpose returns the blocks of IANA's special-purpose registries,
// IPv4 first, in the registries' order. The slice is new on each call.
func SpecialPurpose() []SpecialBlock {
	return append([]SpecialBlock(nil), specialPurpose[:]...)
}

// ipv6GlobalUnicast is the IPv6 space IANA gives out for global unicast
// (the IPv6 Address Space registry); the rest is reserved, multicast,
// link-local, unique-local, or embeds IPv4 (::/96, IPv4-compatible).
var ipv6GlobalUnicast = netip.PrefixFrom(netip.AddrFrom16([16]byte{0x20}), 3)

// Public reports whether the prober may connect to ip: a unicast address
// of the public Internet, in no block of IANA's special-purpose
// registries.
//
// Every block of the registries is refused, whatever its Globally
// Reachable flag: the blocks are for protocols (anycast relays, AS112,
// AMT), documentation, benchmarking, tunnels and translation, and none is
// a web server's address. In particular the NAT64 prefixes 64:ff9b::/96
// (Globally Reachable in the registry) and 64:ff9b:1::/48 stand for an
// IPv4 address behind a translator, which may be the console's own
// network; 6to4 (2002::/16) and Teredo (2001::/32) embed another host's
// IPv4 address; IPv4-mapped addresses (::ffff:0:0/96) are refused in their
// IPv6 form. IPv6 outside 2000::/3 (IPv4-compatible ::/96, multicast,
// reserved space) and IPv4 multicast are refused too, as is an address
// with a zone.
func Public(ip netip.Addr) bool {
	if !ip.IsValid() || ip.Zone() != "" || !ip.IsGlobalUnicast() {
		return false
	}
	if ip.Is6() && !ipv6GlobalUnicast.Contains(ip) {
		return false
	}
	for _, b := range specialPurpose {
		if b.Prefix.Contains(ip) {
			return false
		}
	}
	return true
}
