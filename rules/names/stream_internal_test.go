package names

import (
	"strings"
	"testing"
)

// TestStreamPositions: the positions of the Chinese words found index the
// stream resolve segments, whatever stands between and around them: every
// way a numeral symbol is written (the scan reads Ⅵ as 6, which the
// normaliser alone makes "vi"), the white circle read as 〇, iteration
// marks (々 and the kana ones, which repeat a character only inside a
// word), invalid bytes and traditional forms, alone and repeated. The
// stream used to be read again apart from the scan, and a name of
// numeral symbols put the positions past its end (FuzzDictionary found
// it: an index out of range).
func TestStreamPositions(t *testing.T) {
	disguises := []string{"Ⅵ", "ⅵ", "⑥", "⑹", "⒍", "❻", "➅", "⓺", "○", "々", "〻", "ゝ", "ヽ", "\xe8\x89", "\x85", "1", " ", "賭"}
	words := []string{"赌博", "六合彩", "色情", "色色", "博彩", "反腐"}
	dicts := []*Dictionary{DefaultDictionary(), NewDictionary(append(words, "0", "porn")...)}
	checked := 0
	for _, d := range dicts {
		for _, x := range disguises {
			for _, w := range words {
				rs := []rune(w)
				for _, text := range []string{
					x + w, w + x, string(rs[0]) + x + string(rs[1:]),
					x + w + x + "合彩" + x + "p0rn",
				} {
					for _, n := range []int{1, 4, 8} {
						s := strings.Repeat(text, n)
						found, stream, _ := d.scanAll(s, nil, nil, nil)
						for _, o := range found {
							if !d.entries[o.entry].han {
								continue
							}
							checked++
							if o.first < 0 || o.first > o.last || int(o.last) >= len(stream) {
								t.Fatalf("%q: %s at [%d, %d] of a stream of %d runes", s, d.entries[o.entry].word, o.first, o.last, len(stream))
							}
						}
						d.FindEvery(s) // segments every hit: must not panic
						p := Prepare(s)
						d.FindEveryIn(&p)
					}
				}
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d words checked", checked)
	}
}
