package names

import (
	"math"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// The segmentation that decides whether a Chinese word found is meant.
//
// Around each word found, a unigram segmentation (the model of jieba's
// default mode: the most probable sequence of words, each word's
// probability its frequency over the total) is computed twice over the
// window of context runes either side: once freely, and once with the
// word found kept whole (no word of the segmentation may start or end
// inside it, though one may contain it). When the free segmentation is
// clearly more probable, the characters of the word found belong to the
// words around it (紫色/情怀 rather than 紫/色情/怀), and it is not
// reported. The candidate words are those of the lexicon (jieba's
// dictionary), the dictionary's own words found in the window and its
// exceptions.
const (
	// context is how many runes either side of a word found the
	// segmentation reads.
	context = 4
	// defaultCode is the frequency code of a word the lexicon does not
	// know: jieba's count 3 for the words it holds without a count.
	defaultCode = 9
	// listedCode is the least frequency code of a listed word (8 ln 20):
	// a word a dictionary lists is not rare in the names it is looked
	// for in, whatever its count in running text.
	listedCode = 24
	// capCode caps the frequency code of a word (8 ln 3000): the most
	// frequent words (国家, 人民) are not let take a name's characters by
	// their weight in running text alone.
	capCode = 64
	// singlePenalty is taken off the log-probability of a segmentation
	// for each word of one character: a name is made of words, and a
	// character left alone is more likely part of a word the lexicon
	// lacks (a brand) than a word of its own.
	singlePenalty = 1.0
	// margin is how much more probable (in natural log) the free
	// segmentation must be for the word found to be dropped.
	margin = 0.5
)

// wordCode returns the frequency code of a folded word.
func wordCode(w string) int16 {
	if c, ok := lexicon.Lookup(w); ok {
		return int16(c)
	}
	return defaultCode
}

func tokenScore(code int16, single bool) float64 {
	s := float64(min(code, capCode))/8 - lexicon.LogTotal
	if single {
		s -= singlePenalty
	}
	return s
}

// placeCode is the least frequency code of a place name (8 ln 100).
// A person's name or a trade name (the two characters before an industry
// word: 恒博彩钢) scores as its characters would one by one, and
// nameBonus more for each: such names are made of characters, and the
// model reads them as one word only where that tips a close balance.
const (
	placeCode = 37
	nameBonus = 1.0
	// commonCode is the least frequency code of a common word (8 ln 10):
	// a reading made of such words may take the characters of a word of a
	// grave category.
	commonCode = 18
)

// The kinds of token of a window.
const (
	tokSingle = iota // one character
	tokWord          // a word of the lexicon
	tokExc           // an exception or an allowed word
	tokFound         // a word of the dictionary found in the window
	tokPlace         // a place name
	tokName          // a person's name
	tokTrade         // a trade name: two characters before an industry word
	tokFiller        // the digits of a token between the word's characters (fillerRune)
)

// A token is a candidate word of a window: runes [i, j), i the position
// whose candidates it is among (kept by the caller: a token is 16 bytes,
// so that the buffers straddle clears at each call stay small).
type token struct {
	j       int32
	kind    uint8
	common  bool  // a common word, a place or a name of two characters or more
	surname uint8 // of a person's name, the characters of its surname
	score   float64
}

// A choice is the token a segmentation chose at a rune: where it ends and
// its kind.
type choice struct {
	j    int32
	kind uint8
}

// A readToken is a token of a reading: runes [i, j) of the stream.
type readToken struct{ i, j int32 }

// maxReadTokens is how many tokens of the free reading a reading keeps.
const maxReadTokens = 4

// A reading is what the segmentation around a word found says of it.
type reading struct {
	// diff is how much more probable (in natural log) the free
	// segmentation is than the one keeping the word whole; common, how
	// much more probable the best segmentation whose words overlapping
	// the word found are all common words of two characters or more,
	// places, names or exceptions (-Inf when there is none).
	diff, common float64
	// toks are the tokens overlapping the word (runes of the stream) of
	// the common segmentation when it is more probable than the one
	// keeping the word whole, else of the free one; n of them, more than
	// maxReadTokens not kept.
	toks [maxReadTokens]readToken
	n    int
	// exception: a token of the free segmentation overlapping the word is
	// an exception or an allowed word; found: another word found.
	exception, found bool
	// tokens is the number of candidate words weighed: the work done.
	tokens int
	// runsOn, when not 0, is where (a rune of the stream) a word of the
	// lexicon or a place ends that starts at the word's last character
	// and runs on past it, when the free segmentation of the window from
	// the word's first character on reads it so (博彩印店: 博/彩印/店; not
	// 赌博客户端: 赌博/客户端, nor 赌博大全: 赌博/大全): see runsOn. It
	// depends on the runes from the word's first on only, not on those
	// before it.
	runsOn int32
}

// straddle segments the window around o twice, freely and keeping o
// whole, and returns what that says.
//
// memo, when not nil, holds stream's lexicon answers (see Memo.bind):
// the answers it lacks are looked up and kept there.
func (d *Dictionary) straddle(o occurrence, stream []rune, hans []occurrence, memo *Memo) reading {
	lo := max(0, int(o.first)-context)
	hi := min(len(stream), int(o.last)+1+context)
	// The dictionary's words found in the window.
	k := searchLast(hans, int32(lo))
	firstFound := k
	for ; k < len(hans) && int(hans[k].last) < hi; k++ {
	}
	found := hans[firstFound:k]
	// The stream as the segmentation around o reads it: the digits of a
	// token between its characters as a separator, a financial numeral of
	// the word as the numeral too (see straddleAdjusted). Such a reading
	// depends on more than the stream, so the memo neither gives nor
	// keeps it.
	if o.tokenGap || financialIn(stream, o) {
		return d.straddleAdjusted(o, stream, found)
	}
	// The same word segmented again in the same stream, with the same
	// words found around it, reads the same: memo keeps the last
	// readings of a stream it holds whole.
	if memo == nil || len(stream) != memo.n {
		return d.segmentWindow(o, stream, found, memo)
	}
	if r, ok := memo.reading(d, o, found); ok {
		return *r
	}
	r := d.segmentWindow(o, stream, found, memo)
	memo.keepReading(d, o, found, &r)
	return r
}

// financialIn reports whether the runes of o in stream hold a financial
// numeral (陆), which the segmentation reads both ways.
func financialIn(stream []rune, o occurrence) bool {
	if o.first < 0 || int(o.last) >= len(stream) {
		return false
	}
	for _, r := range stream[o.first : o.last+1] {
		if financialNumeral(r) {
			return true
		}
	}
	return false
}

// straddleAdjusted is straddle of o, found the words found in its window,
// over the stream adjusted (adjustStream): the digits of a token between
// its characters read as a separator (彩色3D情景 as 彩色·情景), and a
// financial numeral of the word both as typed and as the numeral it
// stands for, the reading that gives its characters to other words the
// more kept (陆合彩印 reads as 六合彩印 does: 六合/彩印; 大陆合彩 as typed
// too: 大陆). Its buffers are its own, so that straddle clears none.
//
//go:noinline
func (d *Dictionary) straddleAdjusted(o occurrence, stream []rune, found []occurrence) reading {
	var adjBuf, numBuf [64]rune
	adj, _ := d.adjustStream(o, stream, adjBuf[:0], false)
	if num, ok := d.adjustStream(o, stream, numBuf[:0], true); ok && !o.homophone {
		r := d.segmentWindow(o, adj, found, nil)
		if rn := d.segmentWindow(o, num, found, nil); d.readsMoreApart(o, rn, r) {
			rn.tokens += r.tokens
			return rn
		}
		return r
	}
	return d.segmentWindow(o, adj, found, nil)
}

// readsMoreApart reports whether reading x of o gives its characters to
// other words more than y does: as resolve decides, by how much more
// probable the reading of common words is for a word of a grave category,
// by how much more probable the free reading is for another.
func (d *Dictionary) readsMoreApart(o occurrence, x, y reading) bool {
	if d.entries[o.entry].grave && x.common != y.common {
		return x.common > y.common
	}
	return x.diff > y.diff
}

// segmentWindow is straddle of o, found the words found in its window.
func (d *Dictionary) segmentWindow(o occurrence, stream []rune, found []occurrence, memo *Memo) reading {
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
		r := stream[lo+i]
		if r == fillerRune {
			// A token of digits between the word's characters: read as
			// a separator, at no cost, in every reading.
			toks = append(toks, token{j: int32(i + 1), kind: tokFiller, common: true})
		} else {
			// One character.
			toks = append(toks, token{j: int32(i + 1), kind: tokSingle, score: single[i]})
		}
		// Words of the lexicon, places, exceptions.
		switch {
		case r == fillerRune:
			// No word holds it.
		case d.mayStartException(r) || !utf8.ValidRune(r) && d.mayStartException(utf8.RuneError):
			toks = d.exceptionTokens(toks, stream[lo+i:hi], i, lo, maxK, companyAt[i:], memo)
		case memo.answered(lo+i, min(4, n-i)):
			// No exception starts here, and the memo holds every answer
			// about the words starting here (another dictionary's
			// segmentation of the stream looked them up): the words of
			// the lexicon, without a lookup.
			toks = memo.appendWords(toks, lo+i, i, min(4, n-i), &companyAt[i])
		default:
			// No exception starts here (most characters): the words of
			// the lexicon of two to four characters only, their bytes
			// made only where the memo lacks the answer (the loop below,
			// without exceptions).
			// The lengths of the words that may start with the next two
			// characters: one memory access spares the lookups of the
			// others.
			lens := uint8(0)
			if i+2 <= n {
				lens = memo.lengths(lo+i, stream[lo+i], stream[lo+i+1])
			}
			for j := i + 2; j <= n && j-i <= 4; j++ {
				if lens&(1<<(j-i-2)) == 0 {
					continue
				}
				c, ok, place, company := memo.wordRunes(lo+i, stream[lo+i:lo+j])
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
				// A trade name is a reading of the word's characters (恒博
				// before 彩钢), not of the characters beside it: any two
				// characters before an industry word make one, so that
				// one after the word would tie its reading to words a few
				// characters away (南京六合彩印厂官网: 印厂 before 官网).
				// Nor is a person's name after the word (金博彩印网: 印网,
				// the surname 印 and 网): a name opens a site's name (张三
				// before 代购), and the characters after the word are the
				// suffixes every name takes.
				// Nor does a person's given name (or a trade name) take
				// the word's first characters where the reading of the
				// name from the word on keeps the word whole (张伟色情歌:
				// 色情/歌 from 色 on, so not 张伟色/情歌): the name would
				// be one only because of the characters before the word,
				// and the decision would change with any two there that
				// may make a name (苍龙色情歌 is no name). A word of the
				// lexicon before still may (紫色情歌), a surname (澹台杜:
				// 台杜), and a given name holding the whole word (夏春耀:
				// 春耀 for 春药).
				continue
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

// runsOn returns where (a rune of the stream) the token ends that the
// free segmentation chosen (choiceU, of the window starting at rune lo)
// of the runes from a on takes the word's last character b-1 into, when
// that token is a word of the lexicon or a place starting there and
// running on past b, and that segmentation is more probable (diff > 0)
// than the one keeping the word [a, b) whole; 0 otherwise.
func runsOn(choiceU []choice, diff float64, a, b, lo int) int32 {
	if !(diff > 0) {
		return 0
	}
	i := a
	for i < b-1 && choiceU[i].j > 0 {
		i = int(choiceU[i].j)
	}
	if i != b-1 {
		return 0
	}
	if t := choiceU[i]; (t.kind == tokWord || t.kind == tokPlace) && int(t.j) > b {
		return t.j + int32(lo)
	}
	return 0
}

// exceptionTokens appends the tokens of the words of two characters or
// more starting at the first rune of rest, rune i of a window starting at
// rune lo of the memo's stream, for a character an exception of d may
// start: the exceptions, and the words of the lexicon, places and
// company-name parts (marked in companyAt[0]) of up to four characters
// that are not exceptions. It reads at most maxK runes.
func (d *Dictionary) exceptionTokens(toks []token, rest []rune, i, lo, maxK int, companyAt []bool, memo *Memo) []token {
	var word [64]byte
	n := len(rest)
	w := utf8.AppendRune(word[:0], rest[0])
	elo, ehi := d.exceptionsFrom(0, len(d.exceptions), w)
	for j := 2; j <= n && j <= maxK; j++ {
		if j > 4 && elo >= ehi {
			break // no exception goes on with w, and no word of the lexicon is longer
		}
		if len(w)+utf8.UTFMax > len(word) {
			break
		}
		w = utf8.AppendRune(w, rest[j-1])
		if elo < ehi {
			elo, ehi = d.exceptionsFrom(elo, ehi, w)
		}
		if c, ok := d.exceptionIn(elo, ehi, w); ok {
			toks = append(toks, token{j: int32(i + j), kind: tokExc, common: true, score: tokenScore(c, false)})
		} else if j <= 4 {
			// Places and company-name parts are words of the
			// lexicon, flagged beside them.
			c, ok, place, company := memo.word(lo+i, j, w)
			if company {
				companyAt[0] = true
			}
			switch {
			case place:
				toks = append(toks, token{j: int32(i + j), kind: tokPlace, common: true, score: tokenScore(max(c, placeCode), false)})
			case ok:
				toks = append(toks, token{j: int32(i + j), kind: tokWord, common: c >= commonCode, score: tokenScore(c, false)})
			}
		}
	}
	return toks
}

// read records the tokens of the segmentation choice (the token chosen at
// each rune) that overlap runes [a, b) of the window starting at lo; with
// kinds, whether they hold an exception or another word found.
func (r *reading) read(chosen []choice, a, b, lo int, kinds bool) {
	for i := 0; i < len(chosen) && chosen[i].j > 0; {
		t := chosen[i]
		if int(t.j) > a && i < b && t.kind != tokFiller {
			if r.n < maxReadTokens {
				r.toks[r.n] = readToken{int32(i + lo), t.j + int32(lo)}
			}
			r.n++
			if kinds {
				r.exception = r.exception || t.kind == tokExc
				r.found = r.found || t.kind == tokFound
			}
		}
		i = int(t.j)
	}
}

// appendNames appends the names starting at rune i of window: persons'
// names (a surname of one or two characters, then one or two given-name
// characters) and trade names (two characters before a company-name part
// such as 彩钢). single holds the score of each rune alone, companyAt
// whether a company-name part starts at each rune (known from i+1 on),
// chars what the lexicon knows of each. The window starts at rune lo of
// the stream whose answers memo (nil or not) holds.
func appendNames(toks []token, window []rune, single []float64, companyAt []bool, chars []lexicon.CharInfo, i, lo int, memo *Memo) []token {
	var buf [4 * utf8.UTFMax]byte
	// A name scores as its characters would one by one, nameBonus more
	// each; a compound surname the lexicon knows (欧阳) as that word.
	name := func(from float64, k, j, sl int) token {
		s := from
		for _, x := range single[k:j] {
			s += x + nameBonus
		}
		return token{j: int32(j), kind: tokName, common: true, surname: uint8(sl), score: s}
	}
	for sl := 1; sl <= 2 && i+sl < len(window); sl++ {
		// lexicon.Surname of the sl characters: of one, the character's
		// flag; of two, a compound surname's first character and the
		// list.
		from, k := 0.0, i
		if sl == 1 && !chars[i].Surname {
			continue
		}
		if sl == 2 {
			if !chars[i].Compound {
				continue
			}
			surname := utf8.AppendRune(utf8.AppendRune(buf[:0], window[i]), window[i+1])
			if !memo.surname2(lo+i, surname) {
				continue
			}
			// A compound surname the lexicon knows (欧阳) scores as
			// that word.
			if c, ok := memo.code(lo+i, 2, surname); ok {
				from, k = tokenScore(c, false), i+2
			}
		}
		for g := 1; g <= 2 && i+sl+g <= len(window) && chars[i+sl+g-1].Given; g++ {
			toks = append(toks, name(from, k, i+sl+g, sl))
		}
	}
	// A trade name before a token between the words (恒博3D彩钢) is one
	// still: the token reads as a separator.
	c := i + 2
	for c < len(window) && window[c] == fillerRune {
		c++
	}
	if c < len(window) && (c == i+2 || window[i+1] != fillerRune && window[i] != fillerRune) && companyAt[c] {
		t := name(0, i, i+2, 0)
		t.kind = tokTrade
		toks = append(toks, t)
	}
	return toks
}

// readAs returns the tokens of r as text, separated by "/".
func (r *reading) readAs(stream []rune) string {
	var b []byte
	for k := range min(r.n, maxReadTokens) {
		if k > 0 {
			b = append(b, '/')
		}
		for _, c := range stream[r.toks[k].i:r.toks[k].j] {
			b = utf8.AppendRune(b, c)
		}
	}
	return string(b)
}

// searchLast returns the index of the first occurrence of hans (sorted
// by last) whose last rune is at or after i.
func searchLast(hans []occurrence, i int32) int {
	lo, hi := 0, len(hans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if hans[m].last < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// LexiconEdition names the editions of the word lists the segmentation
// and the English-compound test use: jieba's dict.txt (MIT licence) with
// a short supplement, and SCOWL's small American English list.
const LexiconEdition = lexicon.Edition
