package testimage

import (
	"bytes"
	"testing"
)

// TestDeterministic: the shipped images are checked against fresh
// drawings, so a drawing must depend only on its arguments.
func TestDeterministic(t *testing.T) {
	a := JPEG(Tint(Blur(Document(300, 200, 5), 1.5)), 80)
	b := JPEG(Tint(Blur(Document(300, 200, 5), 1.5)), 80)
	if !bytes.Equal(a, b) {
		t.Fatal("same arguments, different images")
	}
	if bytes.Equal(PNG(Document(300, 200, 5)), PNG(Document(300, 200, 6))) {
		t.Fatal("the seed changes nothing")
	}
}

// TestBlur: blurring keeps the mean grey level and lowers the contrast of
// an edge.
func TestBlur(t *testing.T) {
	g := Grid(64, 64, 8)
	b := Blur(g, 2)
	var sg, sb int
	for i := range g.Pix {
		sg += int(g.Pix[i])
		sb += int(b.Pix[i])
	}
	if d := sg - sb; d > sg/50 || d < -sg/50 { // edges are clamped, so within 2%
		t.Errorf("mean moved: %d vs %d", sg, sb)
	}
	if b.Pix[0] <= g.Pix[0] { // a dark grid line next to light paper gets lighter
		t.Errorf("edge not softened: %d -> %d", g.Pix[0], b.Pix[0])
	}
	if c := Blur(g, 0); !bytes.Equal(c.Pix, g.Pix) {
		t.Error("sigma 0 is not a copy")
	}
}
