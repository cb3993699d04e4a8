package phonenum

import "testing"

// searchSegment is builtinSegment as it was first written: a binary
// search of the block's runs with lo and hi, each word read with a check
// of every byte.
func searchSegment(prefix int) segment {
	if prefix < firstSegment || prefix > lastSegment {
		return segment{}
	}
	word := func(i int) uint32 {
		return uint32(segmentData[i])<<24 | uint32(segmentData[i+1])<<16 | uint32(segmentData[i+2])<<8 | uint32(segmentData[i+3])
	}
	off := prefix - firstSegment
	blk, in := off/1000, uint32(off%1000)
	lo, hi := int(word(blk*4)), int(word(blk*4+4))
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if word(segIndexLen+mid*4)>>22 <= in {
			lo = mid
		} else {
			hi = mid
		}
	}
	v := word(segIndexLen + lo*4)
	return segment{place: uint16(v & 0x1ff), kind: Kind(v >> 9 & 7), operator: Operator(v >> 12 & 7), virtual: v>>15&1 == 1}
}

// TestBuiltinSegmentAsSearch holds builtinSegment's search to
// searchSegment for every prefix of the data and a few outside it.
func TestBuiltinSegmentAsSearch(t *testing.T) {
	known := 0
	for p := firstSegment - 3; p <= lastSegment+3; p++ {
		got, want := builtinSegment(p), searchSegment(p)
		if got != want {
			t.Fatalf("builtinSegment(%d) = %+v, want %+v", p, got, want)
		}
		if got.kind != KindUnknown {
			known++
		}
	}
	for _, p := range []int{0, -1, 1, 999999, 2000000, 1 << 40, -1 << 40} {
		if got := builtinSegment(p); got != (segment{}) {
			t.Errorf("builtinSegment(%d) = %+v, want none", p, got)
		}
	}
	if known < 100000 {
		t.Errorf("%d prefixes known, want the data's (more than 100,000)", known)
	}
}
