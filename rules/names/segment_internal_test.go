package names

import (
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// bruteStraddle is straddle by enumerating every segmentation of the
// window: the reference the dynamic programme must agree with.
func bruteStraddle(d *Dictionary, o occurrence, stream []rune, hans []occurrence) float64 {
	lo := max(0, int(o.first)-context)
	hi := min(len(stream), int(o.last)+1+context)
	n := hi - lo
	a, b := int(o.first)-lo, int(o.last)+1-lo
	singleScore := func(i int) float64 {
		code := int16(0)
		if c, ok := lexicon.Lookup(string(stream[lo+i])); ok {
			code = int16(c)
		}
		return tokenScore(code, true)
	}
	nameScore := func(i, j int) float64 {
		s := 0.0
		for k := i; k < j; k++ {
			s += singleScore(k) + nameBonus
		}
		return s
	}
	// score of the candidate word [i, j), and whether it is an exception;
	// ok false when [i, j) is no candidate.
	candidates := func(i, j int) (scores []float64, excs []bool) {
		if j == i+1 {
			code := int16(0)
			if c, ok := lexicon.Lookup(string(stream[lo+i])); ok {
				code = int16(c)
			}
			scores, excs = append(scores, tokenScore(code, true)), append(excs, false)
		}
		w := string(stream[lo+i : lo+j])
		if j-i >= 2 && len(w)+utf8.UTFMax <= 64+utf8.UTFMax {
			if c, ok := d.exceptionCode([]byte(w)); ok && j-i <= max(4, d.maxException) {
				scores, excs = append(scores, tokenScore(c, false)), append(excs, true)
			} else if c, ok := lexicon.Lookup(w); j-i <= 4 && lexicon.Place(w) {
				scores, excs = append(scores, tokenScore(max(int16(c), placeCode), false)), append(excs, false)
			} else if ok && j-i <= 4 {
				scores, excs = append(scores, tokenScore(int16(c), false)), append(excs, false)
			}
		}
		// A person's name: a surname, then one or two given-name
		// characters, not after the word found.
		for sl := 1; i < b && sl <= 2 && sl < j-i; sl++ {
			surname := string(stream[lo+i : lo+i+sl])
			if g := j - i - sl; g <= 2 && lexicon.Surname(surname) {
				name := true
				for _, r := range stream[lo+i+sl : lo+j] {
					name = name && lexicon.Given(r)
				}
				if !name {
					continue
				}
				if c, ok := lexicon.Lookup(surname); ok && sl == 2 {
					scores, excs = append(scores, tokenScore(int16(c), false)+nameScore(i+2, j)), append(excs, false)
				} else {
					scores, excs = append(scores, nameScore(i, j)), append(excs, false)
				}
			}
		}
		// A trade name: two characters before a company-name part,
		// only overlapping the word found.
		if j-i == 2 && i < b && a < j {
			for k := 2; k <= 4 && j+k <= n; k++ {
				if lexicon.Company(string(stream[lo+j : lo+j+k])) {
					scores, excs = append(scores, nameScore(i, j)), append(excs, false)
					break
				}
			}
		}
		for _, f := range hans {
			if int(f.first)-lo == i && int(f.last)+1-lo == j && int(f.last) < hi {
				e := &d.entries[f.entry]
				scores, excs = append(scores, tokenScore(e.code, e.runes == 1)), append(excs, false)
			}
		}
		return scores, excs
	}
	bestU, bestC := math.Inf(-1), math.Inf(-1)
	// Every set of cut points between runes.
	for mask := 0; mask < 1<<(n-1); mask++ {
		var cuts []int
		cuts = append(cuts, 0)
		for k := 1; k < n; k++ {
			if mask&(1<<(k-1)) != 0 {
				cuts = append(cuts, k)
			}
		}
		cuts = append(cuts, n)
		// Each piece may be any of its candidates: try the best allowed.
		u, c := 0.0, 0.0
		for p := 0; p+1 < len(cuts); p++ {
			i, j := cuts[p], cuts[p+1]
			scores, excs := candidates(i, j)
			pu, pc := math.Inf(-1), math.Inf(-1)
			for k, s := range scores {
				pu = max(pu, s)
				crossing := i < a && a < j || i < b && b < j
				contains := i <= a && b <= j
				if !crossing || contains && !excs[k] {
					pc = max(pc, s)
				}
			}
			u, c = u+pu, c+pc
		}
		bestU, bestC = max(bestU, u), max(bestC, c)
	}
	return bestU - bestC
}

func TestStraddleAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	alphabet := []rune("紫色情怀日本博彩钢广印风织外援交流专卖春联干洗钱包反腐蚀恒应王李淄六合明华欧阳")
	words := []string{"紫色", "情怀", "日本", "色情", "博彩", "彩钢", "广博", "彩印", "风情", "色织", "外援", "交流", "专卖",
		"春联", "干洗", "钱包", "反腐蚀", "涂料", "特色", "情侣", "洗钱", "系列", "美国", "淄博", "六合", "王博", "李明华"}
	d := NewDictionary("色情", "情色", "博彩", "援交", "卖春", "洗钱", "反腐", "!反腐蚀", "色")
	checked, dropped := 0, 0
	for round := 0; round < 3000; round++ {
		// Ordinary words and listed ones end to end, with stray
		// characters: names where hits straddle and names where they
		// are meant.
		var rs []rune
		for len(rs) < 9 {
			if rng.IntN(4) == 0 {
				rs = append(rs, alphabet[rng.IntN(len(alphabet))])
			} else {
				rs = append(rs, []rune(words[rng.IntN(len(words))])...)
			}
		}
		text := string(rs[:min(len(rs), 12)])
		found, stream, _, _ := d.scanAs(text, nil, nil, false, true, nil)
		for _, o := range found {
			got, want := d.straddle(o, stream, found, nil).diff, bruteStraddle(d, o, stream, found)
			if math.Abs(got-want) > 1e-9 {
				t.Fatalf("%s, %s: straddle %v, brute force %v", text, d.entries[o.entry].word, got, want)
			}
			checked++
			if got > margin {
				dropped++
			}
		}
	}
	if checked < 1000 || dropped < 100 || checked-dropped < 100 {
		t.Fatalf("%d hits checked, %d dropped: the cases do not exercise both answers", checked, dropped)
	}
	t.Logf("%d hits checked, %d dropped", checked, dropped)
}
