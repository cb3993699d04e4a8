// Package ipaddr tells whether a text is an IP address literal, reading
// it as net/netip.ParseAddr does, so that the value packages can refuse
// hosts that are addresses without linking net/netip, whose package
// initialisation (through package unique) costs the WebAssembly build's
// start. The tests hold it to net/netip on every class of input and by
// fuzzing.
package ipaddr

import "strings"

// Parse reports whether s is an IP address as netip.ParseAddr reads one:
// an IPv4 address in four decimal fields (no leading zeros, each at most
// 255), or an IPv6 address of hexadecimal groups with at most one "::",
// an optional embedded IPv4 address in place of the last two groups, and
// an optional non-empty zone after "%". Zoned reports whether it has a
// zone.
func Parse(s string) (ok, zoned bool) {
	// The first of '.', ':' and '%' says which form it is meant to be.
	switch i := strings.IndexAny(s, ".:%"); {
	case i < 0 || s[i] == '%':
		return false, false
	case s[i] == '.':
		return ipv4(s), false
	}
	return ipv6(s)
}

// ipv4 reports whether s is exactly four decimal fields separated by
// dots, each 0 or a number from 1 to 255 without leading zeros.
func ipv4(s string) bool {
	fields := 0
	for {
		end := strings.IndexByte(s, '.')
		field := s
		if end >= 0 {
			field = s[:end]
		}
		if !octet(field) {
			return false
		}
		fields++
		if end < 0 {
			return fields == 4
		}
		if fields == 4 {
			return false
		}
		s = s[end+1:]
	}
}

// octet reports whether f is a decimal number from 0 to 255 without
// leading zeros.
func octet(f string) bool {
	if f == "" || len(f) > 3 || len(f) > 1 && f[0] == '0' {
		return false
	}
	v := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c < '0' || c > '9' {
			return false
		}
		v = v*10 + int(c-'0')
	}
	return v <= 255
}

// ipv6 reports whether s is an IPv6 address, with its zone if any.
func ipv6(s string) (ok, zoned bool) {
	if i := strings.IndexByte(s, '%'); i >= 0 {
		if i == len(s)-1 {
			return false, false // an empty zone
		}
		s, zoned = s[:i], true
	}
	groups := 0  // 16-bit groups given
	gap := false // a "::" seen
	if strings.HasPrefix(s, "::") {
		gap, s = true, s[2:]
	}
	for s != "" {
		if groups == 8 {
			return false, false // more than eight groups
		}
		n := 0
		for n < len(s) && isHex(s[n]) {
			n++
			if n > 4 {
				return false, false // a group of five digits or more
			}
		}
		if n == 0 {
			return false, false // a field without digits
		}
		if n < len(s) && s[n] == '.' {
			// An embedded IPv4 address: the last two groups, at the end.
			if !gap && groups != 6 || groups > 6 || !ipv4(s) {
				return false, false
			}
			groups += 2
			break
		}
		groups++
		s = s[n:]
		if s == "" {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return false, false // not a colon, or a colon at the end
		}
		s = s[1:]
		if s[0] == ':' {
			if gap {
				return false, false // a second "::"
			}
			gap, s = true, s[1:]
		}
	}
	switch {
	case groups < 8 && !gap:
		return false, false // too short
	case groups == 8 && gap:
		return false, false // "::" standing for no group
	}
	return true, zoned
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
