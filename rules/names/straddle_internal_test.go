package names

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// straddleGeneral is straddle with the exceptions' search as first
// written: exceptionsWithPrefix at every length, up to the longest
// exception, the first rune decoded from the word's bytes; and with place
// names and company-name parts searched for in their own tables
// (lexicon.Place, lexicon.Company), not read from the lexicon's flags.
// TestStraddleAsGeneral holds straddle's quicker search to it.
func (d *Dictionary) straddleGeneral(o occurrence, stream []rune, hans []occurrence, memo *Memo) reading {
	// straddle's readings of the stream adjusted (adjustStream).
	adj, fillers := d.adjustStream(o, stream, nil, false)
	if num, ok := d.adjustStream(o, stream, nil, true); ok && !o.homophone {
		r := d.straddleGeneralIn(o, adj, hans, nil)
		if rn := d.straddleGeneralIn(o, num, hans, nil); d.readsMoreApart(o, rn, r) {
			rn.tokens += r.tokens
			return rn
		}
		return r
	}
	if fillers {
		stream, memo = adj, nil
	}
	return d.straddleGeneralIn(o, stream, hans, memo)
}

// straddleGeneralIn is straddleGeneral of the stream as adjusted.
func (d *Dictionary) straddleGeneralIn(o occurrence, stream []rune, hans []occurrence, memo *Memo) reading {
	lo := max(0, int(o.first)-context)
	hi := min(len(stream), int(o.last)+1+context)
	n := hi - lo
	a, b := int(o.first)-lo, int(o.last)+1-lo

	// The buffers hold a window of a word of up to 23 characters (n+1 ≤
	// 32) without allocating; Go clears them at each call, so they are no
	// bigger than that. The tokens are those of one position.
	var tokBuf [32]token
	toks := tokBuf[:0]
	var bestBuf [3][32]float64
	var choiceBuf [2][32]choice
	bestU, bestC, bestG := bestBuf[0][:], bestBuf[1][:], bestBuf[2][:]
	choiceU, choiceG := choiceBuf[0][:], choiceBuf[1][:]
	if n+1 > len(bestU) {
		bestU, bestC, bestG = make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
		choiceU, choiceG = make([]choice, n+1), make([]choice, n+1)
	}
	// The dictionary's words found in the window.
	k := searchLast(hans, int32(lo))
	firstFound := k
	for ; k < len(hans) && int(hans[k].last) < hi; k++ {
	}
	found := hans[firstFound:k]

	var word [64]byte
	var singleBuf [32]float64
	var companyBuf [32]bool // companyAt[i]: a company-name part starts at rune i
	var charBuf [32]lexicon.CharInfo
	single, companyAt, chars := singleBuf[:], companyBuf[:], charBuf[:]
	if n > len(single) {
		single, companyAt, chars = make([]float64, n), make([]bool, n), make([]lexicon.CharInfo, n)
	}
	for i := range n {
		chars[i] = memo.char(lo+i, stream[lo+i])
		code := int16(0)
		if chars[i].Known {
			code = chars[i].Code
		}
		single[i] = tokenScore(code, true)
	}
	maxK := max(4, d.maxException)
	bestU[n], bestC[n], bestG[n] = 0, 0, 0
	tokens := 0
	for i := n - 1; i >= 0; i-- {
		toks = toks[:0]
		if stream[lo+i] == fillerRune {
			toks = append(toks, token{j: int32(i + 1), kind: tokFiller, common: true})
			tokens++
			u, c, g := bestU[i+1], bestC[i+1], bestG[i+1]
			choiceU[i], choiceG[i] = choice{int32(i + 1), tokFiller}, choice{int32(i + 1), tokFiller}
			bestU[i], bestC[i], bestG[i] = u, c, g
			continue
		}
		// One character.
		toks = append(toks, token{j: int32(i + 1), kind: tokSingle, score: single[i]})
		// Words of the lexicon, places, exceptions.
		w := utf8.AppendRune(word[:0], stream[lo+i])
		// The exceptions starting with w (exceptionsWithPrefix): none,
		// for most characters.
		elo, ehi := d.exceptionsWithPrefix(0, len(d.exceptions), w)
		for j := i + 2; j <= n && j-i <= maxK; j++ {
			if len(w)+utf8.UTFMax > len(word) {
				break
			}
			w = utf8.AppendRune(w, stream[lo+j-1])
			if elo < ehi {
				elo, ehi = d.exceptionsWithPrefix(elo, ehi, w)
			}
			if c, ok := d.exceptionIn(elo, ehi, w); ok {
				toks = append(toks, token{j: int32(j), kind: tokExc, common: true, score: tokenScore(c, false)})
			} else if j-i <= 4 {
				// Places and company-name parts are words of the
				// lexicon: looked up only when found, each in its own
				// table (straddle reads lexicon.Word's flags).
				c, ok := memo.code(lo+i, j-i, w)
				place, company := false, false
				if ok {
					place = lexicon.Place(string(w))
					company = !companyAt[i] && lexicon.Company(string(w))
				}
				if company {
					companyAt[i] = true
				}
				switch {
				case place:
					toks = append(toks, token{j: int32(j), kind: tokPlace, common: true, score: tokenScore(max(c, placeCode), false)})
				case ok:
					toks = append(toks, token{j: int32(j), kind: tokWord, common: c >= commonCode, score: tokenScore(c, false)})
				}
			}
		}
		toks = appendNames(toks, stream[lo:hi], single, companyAt, chars, i, lo, memo)
		for _, f := range found {
			if int(f.first)-lo == i {
				e := &d.entries[f.entry]
				toks = append(toks, token{j: int32(int(f.last) + 1 - lo), kind: tokFound, score: tokenScore(e.code, e.runes == 1)})
			}
		}
		tokens += len(toks)
		u, c, g := math.Inf(-1), math.Inf(-1), math.Inf(-1)
		for _, t := range toks {
			ti, tj := i, int(t.j)
			if t.kind == tokTrade && !(ti < b && a < tj) || t.kind == tokName && ti >= b ||
				(t.kind == tokName && ti+int(t.surname) <= a || t.kind == tokTrade) && ti < a && a < tj && tj < b && !(bestU[a]-bestC[a] > 0) {
				continue // a trade name only as a reading of the word's characters
			}
			if v := t.score + bestU[tj]; v > u {
				u, choiceU[i] = v, choice{t.j, t.kind}
			}
			crossing := ti < a && a < tj || ti < b && b < tj
			contains := ti <= a && b <= tj
			if !crossing || contains && t.kind != tokExc {
				c = max(c, t.score+bestC[tj])
			}
			overlapping := ti < b && a < tj
			if v := t.score + bestG[tj]; v > g && (!overlapping || t.common && (!contains || t.kind == tokExc)) {
				g, choiceG[i] = v, choice{t.j, t.kind}
			}
		}
		bestU[i], bestC[i], bestG[i] = u, c, g
	}
	r := reading{diff: bestU[0] - bestC[0], common: bestG[0] - bestC[0], tokens: tokens}
	r.runsOn = runsOn(choiceU, bestU[a]-bestC[a], a, b, lo)
	r.read(choiceU, a, b, lo, true)
	if r.common > margin {
		r.n = 0
		r.read(choiceG, a, b, lo, false)
	}
	return r
}

// TestStraddleAsGeneral: straddle gives the reading straddleGeneral gives
// for every Chinese word found of every dictionary of memoDictionaries in
// every name of memoTexts (every class of the corpora), and in streams
// holding invalid runes.
func TestStraddleAsGeneral(t *testing.T) {
	dicts := memoDictionaries()
	n := 0
	texts := memoTexts(t)
	for _, d := range dicts {
		for _, text := range texts {
			var buf [4]occurrence
			var sbuf [64]rune
			found, stream, _ := d.scanAll(text, nil, buf[:0], sbuf[:0])
			var hans []occurrence
			for _, o := range found {
				if e := &d.entries[o.entry]; e.han && !e.allowed {
					hans = append(hans, o)
				}
			}
			for _, o := range hans {
				n++
				got, want := d.straddle(o, stream, hans, nil), d.straddleGeneral(o, stream, hans, nil)
				if got != want {
					t.Fatalf("%q, %+v: straddle %+v, the general search %+v", text, o, got, want)
				}
				// The same stream with an invalid rune at each place.
				for k := range stream {
					bad := append([]rune(nil), stream...)
					bad[k] = utf8.MaxRune + 1
					if got, want := d.straddle(o, bad, hans, nil), d.straddleGeneral(o, bad, hans, nil); got != want && !(math.IsNaN(got.diff) && math.IsNaN(want.diff)) {
						t.Fatalf("%q with an invalid rune at %d: straddle %+v, the general search %+v", text, k, got, want)
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d words found: the test reads nothing", n)
	}
	t.Logf("%d words", n)
}
