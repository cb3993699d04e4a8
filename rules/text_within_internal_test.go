package rules

import (
	"github.com/icpcheck/beian/rules/internal/bytecases"

	"strings"
	"testing"
)

// TestCleanWithinAsChecks holds cleanWithin, textDirty's check of a
// field read a word at a time to the end, to the two checks it replaces,
// cleanText(s) && !tooLong(s): over printable ASCII of every length from
// 0 to 40, each with every position in turn holding a byte or character
// to remove, a line break, DEL, the ASCII bounds ' ' and '~', a Chinese
// character or an invalid byte, in single-line and multi-line fields,
// with limits below, at and above the length. Made to fail by skipping
// the last, overlapping word (i == n || true).
func TestCleanWithinAsChecks(t *testing.T) {
	insert := []string{"\x00", "\x1f", "\n", "\t", "\x7f", " ", "~", "中", "\u200b", "\xff", "\xe3\x85\xa4", "\u3164"}
	for n := 0; n <= 40; n++ {
		base := strings.Repeat("a", n)
		cases := []string{base}
		for i := 0; i < n; i++ {
			for _, x := range insert {
				cases = append(cases, base[:i]+x+base[i+1:])
			}
		}
		for _, s := range cases {
			for _, multiline := range []bool{false, true} {
				for _, limit := range []int{max(n-2, 0), max(n-1, 0), n, n + 1, n + 3} {
					spec := textSpec{limit: limit, multiline: multiline}
					want := cleanText(s, spec) && !tooLong(s, spec.limit)
					if got := cleanWithin(s, spec); got != want {
						t.Fatalf("cleanWithin(%q, %+v) = %v, want %v", s, spec, got, want)
					}
				}
			}
		}
	}
}

// TestCleanWithinShortEveryByte holds cleanWithin's reading of text
// shorter than a word (two four-byte loads from 4 to 7 bytes) to
// cleanText && !tooLong: every byte value at every position of ASCII
// text 1 to 9 bytes long, and every pair of the bytes at the edges of the
// test, single- and multi-line. Made to fail by reading the first four
// bytes only.
func TestCleanWithinShortEveryByte(t *testing.T) {
	edges := []byte{0x00, '\t', '\n', 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xE4, 0xFF}
	check := func(s string, spec textSpec) {
		t.Helper()
		if got, want := cleanWithin(s, spec), cleanText(s, spec) && !tooLong(s, spec.limit); got != want {
			t.Fatalf("cleanWithin(%q, %+v) = %v, want %v", s, spec, got, want)
		}
	}
	for _, spec := range []textSpec{specShort, specRemark, {limit: 5}} {
		for n := 1; n <= 9; n++ {
			bytecases.Each([]byte(strings.Repeat("a", n)), edges, func(b []byte) {
				check(string(b), spec)
				check(string(b)+"示例", spec)
			})
		}
	}
}

// FuzzCleanWithin holds cleanWithin to cleanText && !tooLong on any text.
func FuzzCleanWithin(f *testing.F) {
	for _, s := range []string{"", "abcdefgh", "abcdefgh\x00", "广东省深圳市", "a\u200bbcdefghij", "0755-26888888\n"} {
		f.Add(s, 10, false)
	}
	f.Fuzz(func(t *testing.T, s string, limit int, multiline bool) {
		spec := textSpec{limit: max(limit, 0) % 10000, multiline: multiline}
		if got, want := cleanWithin(s, spec), cleanText(s, spec) && !tooLong(s, spec.limit); got != want {
			t.Fatalf("cleanWithin(%q, %+v) = %v, want %v", s, spec, got, want)
		}
	})
}

// TestInvisibleProblemAsCharText holds invisibleProblem's constants to
// charText for every character, and checks that the constants cost no
// allocation. Made to fail by a wrong digit in a constant.
func TestInvisibleProblemAsCharText(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := invisibleProblem(r), charText("含有不可见字符", "contains the invisible character ", r); got != want {
			t.Fatalf("U+%04X: %q, want %q", r, got, want)
		}
	}
	for _, r := range []rune{0x200B, 0xFEFF, 0x00AD} {
		if n := testing.AllocsPerRun(100, func() { invisibleProblem(r) }); n != 0 {
			t.Errorf("U+%04X: %.0f allocations", r, n)
		}
	}
}
