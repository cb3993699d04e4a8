package fold

import (
	"testing"
	"unicode/utf8"
)

// checkGeneral is check as first written, every rune read through
// QuickRune: the reference its quick reading of ideographs is held to.
func checkGeneral(s string) (simple, folded bool) {
	var last Class
	space := false
	folded = true
	for i := 0; i < len(s); {
		r, n, c := QuickRune(s, i)
		if n == 0 {
			return false, false
		}
		if !folded {
			i += n
			continue
		}
		if c == 0 || r != decodeSimple(s, i, n) {
			folded = false
		}
		first, final := i == 0, i+n == len(s)
		i += n
		switch {
		case c == Space:
			if space || first || final || r != ' ' {
				folded = false
			}
			space = true
			continue
		case space && last == Han && c == Han:
			folded = false
		}
		space = false
		last = c
	}
	return true, folded
}

// isSimpleGeneral is IsSimple as first written.
func isSimpleGeneral(s string) bool {
	for i := 0; i < len(s); {
		_, n, _ := QuickRune(s, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// TestCheckAsGeneral: check and IsSimple answer as the reading of every
// rune through QuickRune, for every rune of U+3000–U+A000 (ideographs of
// both planes' blocks, traditional forms, hexagrams, kana, the
// ideographic space and punctuation) alone and among neighbours: folded
// ideographs, a space, the ideographic space, letters, a traditional
// form, a removed character, and a sequence cut short.
func TestCheckAsGeneral(t *testing.T) {
	neighbours := []string{"", "示", "例科", " ", "\u3000", "a", "A", "網", "\u200b", "\xe7", "\xe7\xa4", "  ", "\xff"}
	n := 0
	for r := rune(0x3000); r < 0xA000; r++ {
		c := string(r)
		for k, a := range neighbours {
			b := neighbours[(k*5+int(r))%len(neighbours)]
			for _, s := range []string{c, a + c, c + a, a + c + b, c + c[:2], a + c + " " + c + b} {
				n++
				gs, gf := check(s)
				ws, wf := checkGeneral(s)
				if gs != ws || gf != wf {
					t.Fatalf("check(%q) = %v, %v; the reading of every rune %v, %v", s, gs, gf, ws, wf)
				}
				if got, want := IsSimple(s), isSimpleGeneral(s); got != want {
					t.Fatalf("IsSimple(%q) = %v; the reading of every rune %v", s, got, want)
				}
				if out, simple := StringSimple(s); simple != wf || simple && out != s {
					t.Fatalf("StringSimple(%q) = %q, %v; check %v, %v", s, out, simple, ws, wf)
				}
			}
		}
	}
	t.Logf("%d texts", n)
}

func FuzzCheckAsGeneral(f *testing.F) {
	for _, s := range []string{"深圳市示例科技有限公司", "示 例", "賭博", "\u4dc0", "\u4dbf\u4e00", "示\xe4\xb8", " 示例 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gs, gf := check(s)
		ws, wf := checkGeneral(s)
		if gs != ws || gf != wf {
			t.Fatalf("check(%q) = %v, %v; the reading of every rune %v, %v", s, gs, gf, ws, wf)
		}
		if got, want := IsSimple(s), isSimpleGeneral(s); got != want {
			t.Fatalf("IsSimple(%q) = %v; the reading of every rune %v", s, got, want)
		}
		if utf8.ValidString(s) && gf && String(s) != s {
			t.Fatalf("check(%q) says folded; String gives %q", s, String(s))
		}
		if out, simple := StringSimple(s); out != String(s) || simple && !IsSimple(out) || simple != gf {
			t.Fatalf("StringSimple(%q) = %q, %v; String %q, IsSimple %v", s, out, simple, String(s), IsSimple(out))
		}
	})
}

// TestIdeographAt: for every three bytes, and every shorter tail,
// ideographAt takes exactly what utf8 decodes as a three-byte rune with a
// lead byte of E4 to E9 (U+4000–U+9FFF), outside U+4DC0–U+4DFF, and gives
// that rune. It fails when the lead byte's range or a continuation
// byte's test is off by one bit or one value.
func TestIdeographAt(t *testing.T) {
	buf := []byte{0, 0, 0}
	taken := 0
	for b := range 256 {
		for b1 := range 256 {
			for b2 := range 256 {
				buf[0], buf[1], buf[2] = byte(b), byte(b1), byte(b2)
				s := string(buf)
				want, n := utf8.DecodeRuneInString(s)
				wantOK := n == 3 && 0xE4 <= b && b <= 0xE9 && (want >= 0x4E00 || want <= 0x4DBF)
				r, ok := ideographAt(s, 0)
				if ok != wantOK || ok && r != want {
					t.Fatalf("% x: %U %v, want %U %v", buf, r, ok, want, wantOK)
				}
				if ok {
					taken++
				}
				if _, ok := ideographAt(s[:2], 0); ok {
					t.Fatalf("% x: taken from two bytes", buf[:2])
				}
				if _, ok := ideographAt(s, 1); ok {
					t.Fatalf("% x: taken from two bytes at 1", buf)
				}
			}
		}
	}
	if want := 0x9FFF - 0x4E00 + 1 + 0x4DBF - 0x4000 + 1; taken != want {
		t.Errorf("%d runes taken, want %d", taken, want)
	}
}
