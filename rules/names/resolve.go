package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// resolve keeps, of the occurrences scan found, the words meant (see
// [Dictionary.straddle] and [Dictionary.latinMeant]) that no longer word
// kept contains, sorted by position; with every, also the words the
// segmentation reads otherwise, with that reading (see
// [Dictionary.FindEvery]). stream is the stream of Chinese characters as
// the scan counted it (scanAll), which found's positions index. It reuses
// found's memory. Its time is linear in the number of occurrences, but for
// the sorts.
//
// memo, when not nil, is bound to stream and lends and keeps the
// segmentation's lexicon answers (see Memo).
func (d *Dictionary) resolve(text string, found []occurrence, stream []rune, every bool, work *int, memo *Memo) []occurrence {
	if d.allowed {
		d.disallow(found)
	}
	nHan := 0
	for k := range found {
		if e := &d.entries[found[k].entry]; e.han && !e.allowed {
			nHan++
		}
	}
	if nHan > 0 {
		if memo != nil {
			memo.bind(stream)
		}
		hans := found
		if nHan < len(found) {
			hans = make([]occurrence, 0, nHan)
			for _, o := range found {
				if e := &d.entries[o.entry]; e.han && !e.allowed {
					hans = append(hans, o)
				}
			}
		}
		for k := range found {
			o := &found[k]
			e := &d.entries[o.entry]
			if !e.han || o.dead {
				continue
			}
			if o.last-o.first+1 > e.runes {
				o.tokenGap = tokenGap(text, o.start, o.end)
			}
			r := d.straddle(*o, stream, hans, memo)
			if work != nil {
				*work += r.tokens
			}
			switch {
			case r.diff <= margin:
				// meant
			case r.exception || r.found:
				// An exception, an allowed word or another word found
				// takes its characters: nothing to say of it.
				o.dead = true
			case e.grave && r.common <= margin:
				// A word of a grave category stays unless common words
				// take all its characters.
			default:
				o.doubt = true
				if every {
					o.readAs = r.readAs(stream)
				}
			}
			if !o.dead && !o.doubt && r.runsOn > 0 && !o.lettered && !o.homophone && hanBefore(text, o.start) {
				// Chinese characters before it, and its last character
				// starting the word (counted above jieba's default) the
				// free reading of the rest starts with (苍龙博彩印店:
				// 彩印): its first characters may close the trade name or
				// person's name before it, as 金博 does in 金博彩印,
				// whether or not the segmentation knows that name; the
				// same warning whatever the characters before are. A word
				// running on that is itself listed (赌博彩票: 博彩) reads
				// no better.
				rest := stream[o.last:r.runsOn]
				if code, ok := lexiconCode(rest); ok && code > defaultCode && !d.holdsWord(string(rest)) {
					o.doubt = true
					if every {
						o.readAs = string(stream[o.first:o.last]) + "/" + string(rest)
					}
				}
			}
			if !o.dead && !o.doubt && o.lettered {
				// Its first characters written in pinyin and its last typed
				// starting a common word running on (Du博物馆, Bo彩印,
				// Du场馆): read otherwise, as a word of letters and
				// characters is (A片区). Latin before Chinese is a name's or
				// a brand's as often as a disguise. (Letters or digits
				// inserted inside a word, 外a围投注, 1夜情网, stay the
				// disguise they are.)
				// A word running on that is itself listed (LUN盘赌博客: 赌博)
				// reads no better.
				if before, word, ok := hanWordRunningOn(text, o.start, o.end); ok && !d.holdsWord(word) {
					o.doubt = true
					if every {
						o.readAs = before + "/" + word
					}
				}
			}
		}
	}
	kept := found[:0]
	for k := range found {
		o := &found[k]
		if !d.entries[o.entry].han && o.glued != 0 && !o.dead && !d.latinMeant(text, *o) {
			o.dead = true
		}
		if !d.entries[o.entry].han && !o.dead && d.acronymBefore(text, *o) {
			o.dead = true
		}
		if !d.entries[o.entry].han && !o.dead && !o.doubt {
			// A word of letters and Chinese characters (a片) whose last
			// character starts a word running on (A片区): read otherwise.
			if latin, word, ok := hanWordRunningOn(text, o.start, o.end); ok {
				o.doubt = true
				if every {
					o.readAs = latin + "/" + word
				}
			}
		}
		if !o.dead && (every || !o.doubt) {
			kept = append(kept, *o)
		}
	}
	if len(kept) < 2 {
		return kept
	}
	return outermost(kept)
}

// outermost sorts occurrences by start, the longer first, the words meant
// before the others, and leaves out those inside a longer one: a word is
// inside a longer one when an earlier one ends after it, or at its end
// but starts before it. A word meant is left out only inside another
// meant; one read otherwise, inside any. Of two words over the same
// characters (睹博 heard as 赌博 and as 读博), the first in that order
// is kept: the one meant, then the one typed over the one heard (a
// homophone), then the dictionary's first. It reuses found's memory.
func outermost(found []occurrence) []occurrence {
	slices.SortFunc(found, func(x, y occurrence) int {
		if x.start != y.start {
			return x.start - y.start
		}
		if x.end != y.end {
			return y.end - x.end
		}
		switch {
		case !x.doubt && y.doubt:
			return -1
		case x.doubt && !y.doubt:
			return 1
		case !x.homophone && y.homophone:
			return -1
		case x.homophone && !y.homophone:
			return 1
		}
		return cmp.Compare(x.entry, y.entry)
	})
	type reach struct{ end, start int }
	meant, any := reach{-1, -1}, reach{-1, -1}
	inside := func(r reach, o occurrence) bool { return r.end > o.end || r.end == o.end && r.start <= o.start }
	out := found[:0]
	for _, o := range found {
		in := inside(meant, o)
		if o.doubt {
			in = inside(any, o)
		}
		if o.end > any.end {
			any = reach{o.end, o.start}
		}
		if !o.doubt && o.end > meant.end {
			meant = reach{o.end, o.start}
		}
		if !in {
			out = append(out, o)
		}
	}
	return out
}

// holdsWord reports whether the scan finds a listed word (not an
// exception) in s, a word of a few characters, before any resolution.
func (d *Dictionary) holdsWord(s string) bool {
	var buf [4]occurrence
	var stream [16]rune
	found, _, _ := d.scanAll(s, nil, buf[:0], stream[:0])
	for _, o := range found {
		if e := &d.entries[o.entry]; !e.exception {
			return true
		}
	}
	return false
}

// hanBefore reports whether the rune of text before i is a Chinese
// character.
func hanBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.Is(unicode.Han, r)
}

// hanWordRunningOn reports whether the last Chinese character of
// text[start:end], a word found read through letters, starts a word of the
// lexicon of two to four characters, a common one (commonCode), that runs
// on past end (片区 in
// A片区物业), and returns what comes before that character and the word.
func hanWordRunningOn(text string, start, end int) (before, word string, ok bool) {
	last := -1
	for i, r := range text[start:end] {
		if unicode.Is(unicode.Han, r) {
			last = start + i
		}
	}
	if last < 0 || end >= len(text) {
		return "", "", false
	}
	// The characters as typed, and folded (traditional to simplified; a
	// numeral's capital form folds too, so 水陆 is looked up as typed).
	var rs, folded [4]rune
	n := 0
	for _, r := range text[last:] {
		if n == len(rs) || !unicode.Is(unicode.Han, r) {
			break
		}
		rs[n], folded[n] = r, foldKey(r)
		n++
	}
	common := func(w []rune) bool {
		code, ok := lexiconCode(w)
		return ok && code >= commonCode
	}
	// The longest word first: 片区 in 片区长 is a word either way. A common
	// word only: 情网 is a word, but se情网 is written for 色情网.
	for m := n; m >= 2; m-- {
		if common(rs[:m]) || common(folded[:m]) {
			return strings.TrimSpace(text[start:last]), string(rs[:m]), true
		}
	}
	return "", "", false
}

// disallow marks dead the allowed words found and every occurrence that
// overlaps one of them.
func (d *Dictionary) disallow(found []occurrence) {
	var spanBuf [8][2]int
	spans := spanBuf[:0]
	for k := range found {
		if o := &found[k]; d.entries[o.entry].allowed {
			o.dead = true
			spans = append(spans, [2]int{o.start, o.end})
		}
	}
	if len(spans) == 0 {
		return
	}
	slices.SortFunc(spans, func(x, y [2]int) int { return x[0] - y[0] })
	// Merged, disjoint and sorted.
	merged := spans[:1]
	for _, sp := range spans[1:] {
		if last := &merged[len(merged)-1]; sp[0] < last[1] {
			last[1] = max(last[1], sp[1])
		} else {
			merged = append(merged, sp)
		}
	}
	for k := range found {
		o := &found[k]
		// The first span ending after o starts.
		i, _ := slices.BinarySearchFunc(merged, o.start, func(sp [2]int, start int) int {
			if sp[1] <= start {
				return -1
			}
			return 1
		})
		if i < len(merged) && merged[i][0] < o.end {
			o.dead = true
		}
	}
}

// maxEnglish is the length of the longest word of the English list.
const maxEnglish = 12

// latinWindow is how many bytes either side of a glued Latin word
// latinMeant reads.
const latinWindow = 64

// latinMeant reports whether a Latin word found glued to other letters
// is plainly meant: every glued side is English words (online+casino,
// porn+hub), or an inflection (casinos), and the whole is not itself an
// ordinary English word that merely holds the letters. Glued digits
// (1024 in 102400) are never meant.
func (d *Dictionary) latinMeant(text string, o occurrence) bool {
	e := &d.entries[o.entry]
	if o.glued&gluedLeft != 0 && e.left == kindDigit || o.glued&gluedRight != 0 && e.right == kindDigit {
		return false
	}
	left, right := "", ""
	if o.glued&gluedLeft != 0 {
		ps := max(0, o.start-latinWindow)
		for ps > 0 && !utf8.RuneStart(text[ps]) {
			ps--
		}
		left = trailingLetters(fold.String(text[ps:o.start]))
	}
	if o.glued&gluedRight != 0 {
		pe := min(len(text), o.end+latinWindow)
		for pe < len(text) && !utf8.RuneStart(text[pe]) {
			pe++
		}
		right = leadingLetters(fold.String(text[o.end:pe]))
	}
	inflection := left == "" && (right == "s" || right == "es")
	if right == "es" && lexicon.English(e.word+"e") {
		return false // heroines: the plural of another word
	}
	if n := len(left) + len(e.word) + len(right); !inflection && n <= maxEnglish && lexicon.English(left+e.word+right) {
		return false
	}
	return (left == "" || englishWords(left)) && (right == "" || inflection || englishWords(right))
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' }

func trailingLetters(s string) string {
	i := len(s)
	for i > 0 && isLetter(s[i-1]) {
		i--
	}
	return s[i:]
}

func leadingLetters(s string) string {
	i := 0
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return s[:i]
}

// affixes are the short prefixes and suffixes of web names that glue to
// a word as English words do (mycasino, cnporn, hdporn, porntv).
var affixes = [...]string{"my", "cn", "hd", "tv", "go", "vr", "ai", "hk", "tw", "jp", "kr", "us", "uk", "vip", "app", "web", "net", "club"}

func affix(s string) bool {
	for _, a := range affixes {
		if s == a {
			return true
		}
	}
	return false
}

// englishWords reports whether s, lower-case letters, is one or more
// English words of three letters or more, or affixes, end to end.
func englishWords(s string) bool {
	if s == "" || len(s) > latinWindow {
		return false
	}
	var can [latinWindow + 1]bool // can[i]: s[i:] is words
	can[len(s)] = true
	for i := len(s) - 1; i >= 0; i-- {
		if i+2 <= len(s) && can[i+2] && affix(s[i:i+2]) {
			can[i] = true
			continue
		}
		for j := i + 3; j <= len(s) && j-i <= maxEnglish; j++ {
			if can[j] && (lexicon.English(s[i:j]) || affix(s[i:j])) {
				can[i] = true
				break
			}
		}
	}
	return can[0]
}

func (d *Dictionary) match(o occurrence) Match {
	e := &d.entries[o.entry]
	return Match{Word: e.word, Category: e.category, Start: o.start, End: o.end, ReadAs: o.readAs, Homophone: o.homophone}
}

// find scans text and resolves what it finds, in the buffers given.
// work, when not nil, is added the runes scanned and the candidate words
// the segmentation weighed: the work done, which the fuzz target bounds.
func (d *Dictionary) find(text string, found []occurrence, stream []rune, every bool, work *int) []occurrence {
	return d.findAs(text, nil, found, stream, every, work, nil)
}

// findPrepared is find of a prepared text.
func (d *Dictionary) findPrepared(p *Prepared, found []occurrence, stream []rune, every bool, work *int) []occurrence {
	return d.findAs(p.text, p, found, stream, every, work, nil)
}

// findAs is find, pre the text prepared or nil, memo the segmentation's
// memo or nil.
func (d *Dictionary) findAs(text string, pre *Prepared, found []occurrence, stream []rune, every bool, work *int, memo *Memo) []occurrence {
	found = d.findCore(text, pre, found, stream, every, work, memo)
	found = d.findHomophones(text, found, every, work)
	if pre != nil && !pre.latin || pre == nil && !hasLatinLetter(text) {
		return found
	}
	return d.findPinyin(text, found, every, work)
}

// findCore is findAs without the words written in pinyin (pinyin.go).
func (d *Dictionary) findCore(text string, pre *Prepared, found []occurrence, stream []rune, every bool, work *int, memo *Memo) []occurrence {
	found, stream, steps := d.scanAll(text, pre, found, stream)
	if work != nil {
		*work += steps + len(found)
	}
	if len(found) == 0 {
		return found
	}
	return d.resolve(text, found, stream, every, work, memo)
}

// Find returns the first word of d in text, and false when there is none.
// It does not allocate for a text of up to a few words found.
func (d *Dictionary) Find(text string) (Match, bool) {
	var buf [4]occurrence
	var stream [64]rune
	found := d.find(text, buf[:0], stream[:0], false, nil)
	if len(found) == 0 {
		return Match{}, false
	}
	return d.match(found[0]), true
}

// FindAll returns every word of d in text, by position. A word found
// inside a longer one (赌博 in 网络赌博) is not reported.
func (d *Dictionary) FindAll(text string) []Match {
	var buf [4]occurrence
	var stream [64]rune
	return d.matches(d.find(text, buf[:0], stream[:0], false, nil))
}

// FindEvery returns every word of d in text as [Dictionary.FindAll]
// does, and also, with [Match.ReadAs] set, the words FindAll leaves out
// because the segmentation gives their characters to the words around
// them (紫色情怀 reads 紫色/情怀), so that a caller can warn rather than
// say nothing. Words inside an exception or overlapping an allowed word
// ([Dictionary.Allow]) are not returned. It allocates nothing when it
// finds nothing.
func (d *Dictionary) FindEvery(text string) []Match {
	var buf [4]occurrence
	var stream [64]rune
	return d.matches(d.find(text, buf[:0], stream[:0], true, nil))
}

func (d *Dictionary) matches(found []occurrence) []Match {
	if len(found) == 0 {
		return nil
	}
	out := make([]Match, len(found))
	for k, o := range found {
		out[k] = d.match(o)
	}
	return out
}

// acronymBefore reports whether o, a word of Latin letters then Chinese
// characters (k粉), was found with two or more letters, and nothing else,
// inserted after its own: the letters are then one run, read whole as
// another word (KTV粉丝, KFC粉, KOL粉), as a run of letters is read whole
// before a character written in pinyin (edu博 is not du博). One letter
// inserted (Kx粉, AVX女优), or digits or symbols among them (K88粉, Kq7粉,
// K@粉, K·粉), stay the disguise they are.
func (d *Dictionary) acronymBefore(text string, o occurrence) bool {
	own := -1
	for _, j := range d.junctions {
		if j.entry == o.entry {
			own = int(j.latinRunes)
			break
		}
	}
	if own < 0 {
		return false
	}
	n := 0
	for _, r := range text[o.start:o.end] {
		if 0xFF21 <= r && r <= 0xFF5A {
			r -= 0xFF21 - 'A'
		}
		if 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' {
			n++
			continue
		}
		if r >= 0x3400 {
			break // the characters
		}
		return false
	}
	return n >= own+2
}
