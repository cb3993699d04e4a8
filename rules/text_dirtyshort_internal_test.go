package rules

import "testing"

// TestDirtyTextAsCleanWithin holds dirtyText, which answers an empty
// field without calling cleanWithin, to !cleanWithin over every string of
// up to two bytes and every spec (single-line and multi-line, limits of
// one character and more): the empty field, every byte (controls, the
// line breaks and tabs, ASCII, continuation and lead bytes) and every
// pair of bytes.
func TestDirtyTextAsCleanWithin(t *testing.T) {
	specs := []textSpec{specShort, specName, specRemark, {limit: 1}, {limit: 1, multiline: true}}
	check := func(s string) {
		for _, spec := range specs {
			if got, want := dirtyText(s, spec), !cleanWithin(s, spec); got != want {
				t.Fatalf("dirtyText(%q, %+v) = %v, !cleanWithin %v", s, spec, got, want)
			}
		}
	}
	check("")
	var b [2]byte
	for x := range 256 {
		b[0] = byte(x)
		check(string(b[:1]))
		for y := range 256 {
			b[1] = byte(y)
			check(string(b[:2]))
		}
	}
}
