package ucd

import (
	"strings"
	"testing"
)

func TestRanges(t *testing.T) {
	rs, err := Ranges(strings.NewReader("# header\n\n00AD ; Default_Ignorable_Code_Point # Cf\n180B..180D ; X # Mn [3]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []rune{0xAD, 0x180B, 0x180C, 0x180D}
	if len(rs) != len(want) {
		t.Fatalf("got %U, want %U", rs, want)
	}
	for i := range want {
		if rs[i] != want[i] {
			t.Fatalf("got %U, want %U", rs, want)
		}
	}
	for _, bad := range []string{"00AD Default\n", "XYZ ; P\n", "0010..0001 ; P\n", "110000 ; P\n"} {
		if _, err := Ranges(strings.NewReader(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
