package ahocorasick

import (
	"slices"
	"testing"
	"unicode"
)

// TestCompactSymbols checks that trimming the tables changes no symbol,
// for alphabets inside, around and outside the CJK range, folded or not.
func TestCompactSymbols(t *testing.T) {
	fold := func(r rune) rune {
		if r == '賭' {
			return '赌'
		}
		return unicode.ToLower(r)
	}
	for _, words := range [][]string{
		{"赌博", "六合彩", "casino", "𠀀𠀁", "ß"},
		{"abc", "xyz"},
		{"㐀", "鿿"},
		{},
	} {
		for _, f := range []func(rune) rune{nil, fold} {
			a, b := build(runesOf(words...), f, false), build(runesOf(words...), f, true)
			for r := rune(0); r <= unicode.MaxRune; r++ {
				if a.Symbol(r) != b.Symbol(r) {
					t.Fatalf("%q: U+%04X: symbol %d, compacted %d", words, r, a.Symbol(r), b.Symbol(r))
				}
			}
		}
	}
}

// TestLoadRoundTrip checks that an automaton loaded from its binary form,
// in place or copied, answers as the one built, and that damaged forms
// give an error or an automaton that scans.
func TestLoadRoundTrip(t *testing.T) {
	words := runesOf("he", "she", "his", "hers", "赌博", "博彩", "六合彩", "𠀀")
	a := Build(words, nil)
	data := a.AppendBinary(nil)
	for _, in := range []string{string(data), string(append([]byte{0}, data...))[1:]} {
		b, rest, err := Load(in + "tail")
		if err != nil || rest != "tail" {
			t.Fatalf("Load: %v, rest %q", err, rest)
		}
		text := []rune("ushers 赌博彩票六合彩 𠀀𠀀")
		if got, want := scan(b, text), scan(a, text); !slices.Equal(got, want) {
			t.Errorf("loaded finds %v, built %v", got, want)
		}
		if !slices.Equal(b.AppendBinary(nil), data) {
			t.Error("the loaded automaton's binary form differs")
		}
	}
	for n := range len(data) {
		if _, _, err := Load(string(data[:n])); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
	// Every byte of the header and the first tables, then a sample.
	for i := 0; i < len(data); i += 1 + i/256*96 {
		b := slices.Clone(data)
		b[i] ^= 0x5A
		if c, _, err := Load(string(b)); err == nil {
			scan(c, []rune("ushers 赌博彩票六合彩 𠀀"))
		}
	}
}
