// Package keyindex finds a string among a fixed set of keys in a few
// instructions: an open-addressed table hashed on the key's length and
// four of its bytes, for the tables of codes and source keys a report
// looks up once per rejection (a Go map hashes the whole key; a binary
// search compares it seven times).
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

// start is the first slot of key, a string or its bytes.
func start[K string | []byte](x *Index, key K) uint32 {
	n := uint32(len(key))
	h := n
	if n > 0 {
		h = (((h*31+uint32(key[n/3]))*31+uint32(key[n/2]))*31+uint32(key[2*n/3]))*31 + uint32(key[n-1])
	}
	return (h * 0x9E3779B1) >> x.shift & x.mask
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
