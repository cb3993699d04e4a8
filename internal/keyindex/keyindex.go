// Package keyindex finds a string among a fixed set of keys in a few
// instructions: an open-addressed table hashed on the key's length and
// its first and last eight bytes, for the tables of codes and
// source keys a report looks up once per rejection (a Go map hashes the
// whole key; a binary search compares it seven times).
package keyindex

// An Index finds keys among those it was built from. It is read-only
// once built, and safe for concurrent use.
type Index struct {
	shift uint32
	mask  uint32
	slots []slot
}

type slot struct {
	key string
	pos int32 // the key's position in New's keys; -1 for an empty slot
}

// New returns an index of keys, of which Find returns the position. A key
// given twice is found at its first position.
func New(keys []string) *Index {
	size, bits := 8, uint32(3)
	for size < 4*len(keys) {
		size, bits = 2*size, bits+1
	}
	x := &Index{shift: 32 - bits, mask: uint32(size - 1), slots: make([]slot, size)}
	for i := range x.slots {
		x.slots[i].pos = -1
	}
	for i, k := range keys {
		if x.Find(k) >= 0 {
			continue
		}
		j := x.start(k)
		for x.slots[j].pos >= 0 {
			j = (j + 1) & x.mask
		}
		x.slots[j] = slot{k, int32(i)}
	}
	return x
}

// Find returns the position of key among the keys the index was built
// from, -1 when it is none of them.
func (x *Index) Find(key string) int {
	for j := x.start(key); ; j = (j + 1) & x.mask {
		s := &x.slots[j]
		if s.pos < 0 {
			return -1
		}
		if s.key == key {
			return int(s.pos)
		}
	}
}

// FindBytes is Find for a key held in a byte slice, without converting
// it to a string.
func (x *Index) FindBytes(key []byte) int {
	for j := start(x, key); ; j = (j + 1) & x.mask {
		s := &x.slots[j]
		if s.pos < 0 {
			return -1
		}
		if s.key == string(key) {
			return int(s.pos)
		}
	}
}

// start is key's first slot.
func (x *Index) start(key string) uint32 { return start(x, key) }

// start is the first slot of key, a string or its bytes: a hash of its
// length and of its first and last eight bytes, read as two words (codes
// and field paths that share a prefix differ at their end), or of its
// bytes one by one when it has fewer than eight.
func start[K string | []byte](x *Index, key K) uint32 {
	n := len(key)
	var h uint64
	if n >= 8 {
		h = load64(key[:8])*mixer ^ load64(key[n-8:])
	} else {
		for i := 0; i < n; i++ {
			h = h<<8 | uint64(key[i])
		}
	}
	h = (h ^ uint64(n)) * mixer
	return uint32(h>>32) >> x.shift & x.mask
}

// mixer is the multiplier of start's hash: 2^64 over the golden ratio.
const mixer = 0x9E3779B97F4A7C15

// load64 returns the first eight bytes of b as a little-endian word.
func load64[K string | []byte](b K) uint64 {
	b = b[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Probes returns the average number of slots Find reads for the keys
// the index was built from, for tests of the hash's spread.
func (x *Index) Probes(keys []string) float64 {
	total := 0
	for _, k := range keys {
		for j := x.start(k); ; j = (j + 1) & x.mask {
			total++
			if x.slots[j].key == k && x.slots[j].pos >= 0 {
				break
			}
		}
	}
	return float64(total) / float64(max(len(keys), 1))
}
