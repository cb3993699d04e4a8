// Package bytecases enumerates the byte strings with which tests hold a
// reader that takes several bytes at a time (a word of 4 or 8) to its
// byte-by-byte form: a base text with every byte value at every position,
// and every pair of chosen edge bytes at every two positions.
package bytecases

// Each calls f with base, then, for every position of base, with base
// holding there each of the 256 byte values, and with base holding there
// each of edges while another position holds each of edges. f must not
// keep or change its argument past the call. The calls are
// 1 + len(base)·256 + len(base)·(len(base)−1)·len(edges)² in number.
func Each(base []byte, edges []byte, f func(b []byte)) {
	b := make([]byte, len(base))
	copy(b, base)
	f(b)
	for pos := range b {
		for c := range 256 {
			b[pos] = byte(c)
			f(b)
		}
		for _, c := range edges {
			b[pos] = c
			for pos2 := range b {
				if pos2 == pos {
					continue
				}
				for _, c2 := range edges {
					b[pos2] = c2
					f(b)
				}
				b[pos2] = base[pos2]
			}
		}
		b[pos] = base[pos]
	}
}
