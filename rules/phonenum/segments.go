package phonenum

import (
	_ "embed"

	"github.com/icpcheck/beian/provinces"
)

// segmentData holds the built-in mobile segments, written by gen.go: for
// each block of 1000 prefixes from 1300xxx to 1999xxx the index of its first
// run (4 bytes, big-endian), one more index for the end, then the runs of
// equal prefixes, 4 bytes each, big-endian: the offset of the run's first
// prefix in its block in bits 22–31, the place in bits 0–8, the kind in
// 9–11, the operator in 12–14 and the virtual flag in bit 15. Every block
// starts with a run at offset 0. The string is read in place: it costs no
// heap and no init.
//
//go:embed segments.bin
var segmentData string

const (
	firstSegment = 1300000
	lastSegment  = 1999999
	segBlocks    = (lastSegment - firstSegment + 1) / 1000
	segIndexLen  = (segBlocks + 1) * 4
	segWindow    = 8 // half the window builtinSegment tries first
)

// A place is a province and city as the data names them.
type place struct {
	province string // GB/T 2260 code
	city     string
	name     string // as phonenumbers gives it: 江苏省连云港市
}

// segment is what a table knows of one 7-digit prefix.
type segment struct {
	kind     Kind
	operator Operator
	virtual  bool
	place    uint16 // index in places
}

func be32(s string, i int) uint32 {
	s = s[i : i+4] // one bounds check
	return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3])
}

// builtinSegment returns the built-in facts of a 7-digit prefix; the zero
// segment when no operator has it. TestBuiltinSegmentAsSearch holds it to
// a plain binary search of the data, prefix by prefix.
func builtinSegment(prefix int) segment {
	if prefix < firstSegment || prefix > lastSegment {
		return segment{}
	}
	off := prefix - firstSegment
	blk, in := off/1000, uint32(off%1000)
	lo, hi := int(be32(segmentData, blk*4)), int(be32(segmentData, blk*4+4))
	// The last run of the block whose offset is ≤ in; the first run's
	// offset is 0, so there is one. It is in runs[base:base+n]; the
	// halving does not branch on the comparison.
	runs := segmentData[segIndexLen+lo*4 : segIndexLen+hi*4]
	base, n := 0, hi-lo
	// The runs of a block are spread about evenly over its offsets: a
	// window of 2×segWindow runs around the run in's share of the block
	// points to holds the answer for most prefixes (checked by its ends:
	// the run at its start begins at or before in, the one after its end
	// after in), and the halving starts from it.
	if n > 2*segWindow {
		g := int(in) * n / 1000
		a, b := max(g-segWindow, 0), min(g+segWindow, n)
		if be32(runs, a*4)>>22 <= in && (b == n || be32(runs, b*4)>>22 > in) {
			base, n = a, b-a
		}
	}
	for n > 1 {
		half := n >> 1
		if be32(runs, (base+half)*4)>>22 <= in {
			base += half
		}
		n -= half
	}
	v := be32(runs, base*4)
	return segment{
		place:    uint16(v & 0x1ff),
		kind:     Kind(v >> 9 & 7),
		operator: Operator(v >> 12 & 7),
		virtual:  v>>15&1 == 1,
	}
}

// placeProvince returns the code of the province setPlace gives place i;
// "" for none. Every place's province is a province's code or ""
// (TestPlaceProvinceAsSetPlace), so the code is the place's own.
func placeProvince(i uint16) string {
	if i == 0 || int(i) >= len(places) {
		return ""
	}
	return places[i].province
}

// setPlace sets n's province and city to those of a place index.
func setPlace(n *Number, i uint16) {
	if i == 0 || int(i) >= len(places) {
		n.Province, n.City = provinces.Province{}, ""
		return
	}
	p := &places[i]
	n.Province, _ = provinces.ByCode(p.province)
	n.City = p.city
}
