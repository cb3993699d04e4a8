package names

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
	"github.com/icpcheck/beian/rules/names/internal/ahocorasick"
)

// A Dictionary is a compiled set of words to find in names, such as the
// sensitive words of SITE_NAME_SENSITIVE. It finds them however the name
// disguises them: through the folding of [Normalize] (full-width
// letters, traditional characters, invisible characters); across the
// spaces, punctuation and symbols a name puts between their characters
// (赌 博, 赌.博, 赌★博); across a few letters, digits, kana or ideographic
// marks inserted between the characters of a Chinese word (赌1博, 色x情,
// 赌々博); with numerals written for numerals (6合彩, ⑥合彩, 陆合彩 for
// 六合彩); and written in pinyin, wholly or in part, in any case or width
// (du博, 赌bo, ＤＵ博, liuhecai, 法lun功: see pinyin.go for when a word
// written wholly in pinyin counts); and, when [Dictionary.Homophones] is
// on, written with homophones (睹博, 六和彩: see homophone.go).
//
// Words of Latin letters or digits are found as whole words: digits and
// letters are apart (casino888, 91porn), and a word glued to other
// letters is found only where the rest is plainly English words
// (onlinecasino, pornhub), not inside an ordinary word (casinova,
// scunthorpe, essex).
//
// A Chinese word is reported only where the words around it do not take
// its characters: a statistical segmentation of the name around the hit
// (unigram, over the frequencies of jieba's dictionary, see package
// internal/lexicon) decides whether 色情 is meant (日本色情) or only the
// end of one word and the start of the next (紫色情怀 reads 紫色/情怀). It
// runs only where a word was found, so a clean name costs a scan and
// nothing more. Exceptions ("!反腐蚀") are innocent words the segmentation
// also knows; a word lying inside one is not reported (反腐蚀 holds 反腐).
//
// Finding words costs the same whatever the number of words (an
// Aho–Corasick automaton over runes), and time linear in the text however
// many words it holds. A Dictionary is immutable and safe for concurrent
// use; build it once and share it.
type Dictionary struct {
	han, mix     *ahocorasick.Automaton // words of Chinese characters only (numerals folded); the others
	hanEntry     []int32                // the han automaton's word number → entry
	mixEntry     []int32                // likewise for mix
	entries      []dictEntry            // words and exceptions, in the order given
	exceptions   []exception            // folded, sorted
	excFirst     [4]uint64              // bit r%256: an exception may start with the rune r
	words        int                    // entries that are not exceptions
	maxLen       int                    // runes of the longest word
	maxException int                    // runes of the longest exception
	allowed      bool                   // some exceptions are of the allow list
	py           pinyinState            // the index of the words for the pinyin scan, built at the first text with a Latin letter
	homophones   bool                   // words written with homophones are found (homophone.go)
	hom          homState               // the index of the words for the homophone scan, built at the first text with a Chinese character
	junctions    []junction             // the words of Latin letters then Chinese characters (k粉), for the scan of fillers between them, sorted by last character
	quiet        quietTable             // the Chinese characters that start no word in either automaton (quietRun)
}

// A junction is a word of Latin letters then Chinese characters (k粉,
// av女优): the scan also finds it with letters, digits or @ and $
// inserted where the letters meet the characters (K1粉, Kx粉, K@粉), as
// it finds a Chinese word with them inserted between its characters.
type junction struct {
	entry      int32
	latin      string // the letters (k)
	han        string // the characters (粉)
	latinRunes int32
	hanRunes   int32
	last       rune // the last character
}

// An exception is an exception's folded word and frequency code.
type exception struct {
	word string
	code int16
}

// exceptionCode returns the frequency code of the exception w, and
// whether w is one.
func (d *Dictionary) exceptionCode(w []byte) (int16, bool) {
	lo, hi := 0, len(d.exceptions)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch x := d.exceptions[m].word; {
		case x < string(w):
			lo = m + 1
		case x > string(w):
			hi = m
		default:
			return d.exceptions[m].code, true
		}
	}
	return 0, false
}

// exceptionsWithPrefix returns the exceptions of d.exceptions[lo:hi]
// whose words start with w, as a range of d.exceptions: sorted, they are
// one run.
func (d *Dictionary) exceptionsWithPrefix(lo, hi int, w []byte) (int, int) {
	if r, _ := utf8.DecodeRune(w); !d.mayStartException(r) {
		return lo, lo // no exception starts with w's first rune
	}
	return d.exceptionsFrom(lo, hi, w)
}

// mayStartException reports whether an exception of d may start with r
// (false: none does).
func (d *Dictionary) mayStartException(r rune) bool {
	return d.excFirst[r>>6&3]&(1<<(r&63)) != 0
}

// exceptionsFrom is exceptionsWithPrefix without the filter of first
// runes: for a range already narrowed by w's start.
func (d *Dictionary) exceptionsFrom(lo, hi int, w []byte) (int, int) {
	a, b := lo, hi
	for a < b {
		m := int(uint(a+b) >> 1)
		if d.exceptions[m].word < string(w) {
			a = m + 1
		} else {
			b = m
		}
	}
	start := a
	for b = hi; a < b; {
		m := int(uint(a+b) >> 1)
		if strings.HasPrefix(d.exceptions[m].word, string(w)) {
			a = m + 1
		} else {
			b = m
		}
	}
	return start, a
}

// exceptionIn is exceptionCode, given the range of d.exceptions of the
// exceptions starting with w (exceptionsWithPrefix): w, when one, is the
// first of them.
func (d *Dictionary) exceptionIn(lo, hi int, w []byte) (int16, bool) {
	if lo < hi && d.exceptions[lo].word == string(w) {
		return d.exceptions[lo].code, true
	}
	return 0, false
}

// A dictEntry is one word or exception, folded, without separators.
type dictEntry struct {
	word      string
	category  string
	source    string
	runes     int32
	exception bool
	allowed   bool  // an exception of the allow list: found by the automata, and no word overlapping it is reported
	grave     bool  // of a grave category (see GraveCategories)
	han       bool  // Chinese characters only: found by the han automaton
	left      kind  // the kind of its first rune when a letter or digit: needs a boundary before
	right     kind  // likewise for its last rune
	code      int16 // frequency code for the segmentation
}

// A kind is what the whole-word test of Latin words sees of a rune.
type kind uint8

const (
	kindNone kind = iota
	kindLetter
	kindDigit
	kindOther
)

func kindOf(r rune, c fold.Class) kind {
	switch {
	case c != fold.Word:
		return kindOther
	case '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r):
		return kindDigit
	}
	return kindLetter
}

// A Match is one word of a dictionary found in a text.
type Match struct {
	// Word is the dictionary word, in its normal form (simplified
	// characters, lower case, without separators).
	Word string
	// Category is the word's category in the dictionary file ("gambling"
	// …), empty for words given without one.
	Category string
	// Start and End are the byte offsets in the text searched:
	// text[Start:End] is the word as written there, disguises included.
	Start, End int
	// ReadAs is set only on the matches of [Dictionary.FindEvery] that
	// [Dictionary.FindAll] leaves out: the reading of the name that gives
	// the word's characters to the words around it, the words separated
	// by "/" (色情 in 紫色情怀 may be read as "紫色/情怀").
	ReadAs string
	// Homophone is set when the word is written with characters of the
	// same reading in place of some of its own (睹博 for 赌博, 六和彩 for
	// 六合彩): text[Start:End] holds them. A caller may weigh such a find
	// by the word's length: one character of two replaced is a weaker sign
	// (读博, to study for a doctorate, sounds as 赌博) than one of three.
	Homophone bool
}

// GraveCategories are the categories whose words a dictionary reports
// even where the segmentation reads their characters otherwise, unless
// every word of that reading that takes one of them is a common word of
// two characters or more, a place name or a person's name (赌博物馆 reads
// 赌/博物馆, but 赌 alone is no such word: 赌博 is reported).
var GraveCategories = []string{"gambling", "pornography", "drugs", "fraud"}

func graveCategory(c string) bool {
	for _, g := range GraveCategories {
		if c == g {
			return true
		}
	}
	return false
}

// NewDictionary returns a dictionary of words. A word starting with "!"
// is an exception (see [Dictionary]); a word left empty once its
// separators are removed ("★", "--") is ignored, as are repeated words.
func NewDictionary(words ...string) *Dictionary {
	return newDictionary(parseWords(nil, words, ""))
}

// ReadDictionary reads a dictionary in the format of the default one: one
// word per line; "!word" for an exception; "## name (citation)" starts the
// category "name" for the words that follow, whose source (see
// [Dictionary.Source]) is the citation, until a "### citation" line gives
// the source of the words after it; other lines starting with "#", and
// blank lines, are comments. A word with no letter, digit or Chinese
// character is an error.
func ReadDictionary(r io.Reader) (*Dictionary, error) {
	var entries []dictEntry
	category, source := "", ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "###"):
			if source = strings.TrimSpace(line[3:]); source == "" {
				return nil, fmt.Errorf("names: dictionary line %d: source heading without a text", n)
			}
			continue
		case strings.HasPrefix(line, "##"):
			fields := strings.Fields(line[2:])
			if len(fields) == 0 {
				return nil, fmt.Errorf("names: dictionary line %d: category heading without a name", n)
			}
			category, source = fields[0], citation(line[2:])
			continue
		case line == "" || line[0] == '#':
			continue
		}
		before := len(entries)
		entries = parseWords(entries, []string{line}, category)
		if len(entries) == before {
			return nil, fmt.Errorf("names: dictionary line %d: %q has no letter, digit or Chinese character", n, line)
		}
		entries[before].source = source
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("names: reading dictionary: %w", err)
	}
	return newDictionary(entries), nil
}

// With returns a new dictionary holding d's words and exceptions and the
// words given (see [NewDictionary]); d is not changed.
func (d *Dictionary) With(words ...string) *Dictionary {
	entries := slices.Clone(d.entries)
	return d.derived(parseWords(entries, words, ""))
}

// Allow returns a new dictionary that never reports a word overlapping
// one of the words given, wherever they stand in a text: a console's own
// brand (金博 keeps 博彩 in 金博彩印 from being reported), a product, an
// innocent word a listed one straddles. A word given that is itself a
// word of d is removed from it. d is not changed.
func (d *Dictionary) Allow(words ...string) *Dictionary {
	allowed := parseWords(nil, words, "")
	drop := make(map[string]bool, len(allowed))
	for k := range allowed {
		allowed[k].exception, allowed[k].allowed = true, true
		allowed[k].code = max(allowed[k].code, listedCode)
		drop[allowed[k].word] = true
	}
	entries := make([]dictEntry, 0, len(d.entries)+len(allowed))
	for _, e := range d.entries {
		if !drop[e.word] {
			entries = append(entries, e)
		}
	}
	return d.derived(append(entries, allowed...))
}

// Without returns a new dictionary without the words given (written in
// any form [Normalize] folds to them); exceptions and words it does not
// hold are left. d is not changed.
func (d *Dictionary) Without(words ...string) *Dictionary {
	drop := make(map[string]bool, len(words))
	for _, e := range parseWords(nil, words, "") {
		drop[e.word] = true
	}
	return d.filter(func(e *dictEntry) bool { return e.exception || !drop[e.word] })
}

// OnlyCategories returns a new dictionary holding d's words of the
// categories given only (see [Dictionary.Categories]), and its
// exceptions. d is not changed.
func (d *Dictionary) OnlyCategories(categories ...string) *Dictionary {
	return d.filter(func(e *dictEntry) bool { return e.exception || slices.Contains(categories, e.category) })
}

func (d *Dictionary) filter(keep func(*dictEntry) bool) *Dictionary {
	entries := make([]dictEntry, 0, len(d.entries))
	for k := range d.entries {
		if keep(&d.entries[k]) {
			entries = append(entries, d.entries[k])
		}
	}
	return d.derived(entries)
}

// Categories returns the categories of d's words, each once, in the order
// they first appear; a word given without one has the category "".
func (d *Dictionary) Categories() []string {
	var out []string
	for _, e := range d.entries {
		if !e.exception && !slices.Contains(out, e.category) {
			out = append(out, e.category)
		}
	}
	return out
}

// Category returns the category of word (in its normal form) and whether
// the dictionary holds the word; exceptions are not words.
func (d *Dictionary) Category(word string) (string, bool) {
	if e := d.entry(word); e != nil {
		return e.category, true
	}
	return "", false
}

// Source returns where word (in its normal form) comes from, as its
// dictionary file says ("### text" headings; see [ReadDictionary]), and
// whether the dictionary holds the word.
func (d *Dictionary) Source(word string) (string, bool) {
	if e := d.entry(word); e != nil {
		return e.source, true
	}
	return "", false
}

func (d *Dictionary) entry(word string) *dictEntry {
	for k := range d.entries {
		if e := &d.entries[k]; !e.exception && e.word == word {
			return e
		}
	}
	return nil
}

// Len returns the number of words, exceptions not counted.
func (d *Dictionary) Len() int { return d.words }

// Words returns the dictionary's words in their normal form, exceptions
// not included, in the order given.
func (d *Dictionary) Words() []string {
	out := make([]string, 0, d.words)
	for _, e := range d.entries {
		if !e.exception {
			out = append(out, e.word)
		}
	}
	return out
}

// parseWords appends the entries of words to entries.
func parseWords(entries []dictEntry, words []string, category string) []dictEntry {
	first := len(entries)
	entries = parseForms(entries, words, category)
	for k := first; k < len(entries); k++ {
		e := &entries[k]
		e.code = wordCode(e.word)
		if !e.exception {
			e.code = max(e.code, listedCode)
		}
	}
	return entries
}

// parseForms is parseWords without the frequency codes, which need the
// lexicon's index.
func parseForms(entries []dictEntry, words []string, category string) []dictEntry {
	entries = slices.Grow(entries, len(words))
	// The words' folded forms share one string.
	buf := make([]byte, 0, 3*len(words)*4)
	type span struct{ start, end int }
	spans := make([]span, 0, len(words))
	first := len(entries)
	for _, w := range words {
		exception := false
		if s, ok := strings.CutPrefix(strings.TrimSpace(w), "!"); ok {
			w, exception = s, true
		}
		var it fold.Iter
		it.Init(w)
		var head, tail kind
		han := true
		n := int32(0)
		start := len(buf)
		for {
			r, c, _, _, ok := it.Next()
			if !ok {
				break
			}
			if c.Separator() {
				continue
			}
			k := kindOf(r, c)
			if n == 0 {
				head = k
			}
			tail = k
			if sc := streamClass(r, c); sc != hard && (sc != soft || numeral(r) == r && r != '〇') {
				han = false // 6合彩 is a Chinese word, read 六合彩
			}
			n++
			buf = utf8.AppendRune(buf, r)
		}
		if n == 0 {
			continue
		}
		spans = append(spans, span{start, len(buf)})
		e := dictEntry{category: category, runes: n, exception: exception, han: han, grave: graveCategory(category)}
		if head != kindOther {
			e.left = head
		}
		if tail != kindOther {
			e.right = tail
		}
		entries = append(entries, e)
	}
	all := string(buf)
	for k, sp := range spans {
		entries[first+k].word = all[sp.start:sp.end]
	}
	return entries
}

// newDictionary compiles entries, dropping repeated ones (the first
// wins: a word listed both as a word and as an exception is a word).
func newDictionary(entries []dictEntry) *Dictionary {
	seen := make(map[string]bool, len(entries))
	kept := entries[:0]
	for _, e := range entries {
		if seen[e.word] {
			continue
		}
		seen[e.word] = true
		kept = append(kept, e)
	}
	d := &Dictionary{entries: slices.Clip(kept)}
	var hanWords, mixWords [][]rune
	d.derive(func(e *dictEntry) {
		rs := []rune(e.word)
		if e.han {
			for k, r := range rs {
				rs[k] = numeral(r)
			}
			hanWords = append(hanWords, rs)
		} else {
			for k, r := range rs {
				rs[k] = leetKey(r)
			}
			mixWords = append(mixWords, rs)
		}
	})
	d.han = ahocorasick.Build(hanWords, foldKey)
	d.mix = ahocorasick.Build(mixWords, func(r rune) rune { return leetKey(hanvariant.Simplify(r)) })
	d.quiet.build(d.han, d.mix, d.entries)
	return d
}

// derive sets what d's entries decide besides its automata: the
// exceptions, the counts and lengths, and the entries of the automata's
// words, each of which it passes to word in order.
func (d *Dictionary) derive(word func(*dictEntry)) {
	for i := range d.entries {
		e := &d.entries[i]
		if e.exception {
			d.exceptions = append(d.exceptions, exception{e.word, e.code})
			r, _ := utf8.DecodeRuneInString(e.word)
			d.excFirst[r>>6&3] |= 1 << (r & 63)
			d.maxException = max(d.maxException, int(e.runes))
			if !e.allowed {
				continue
			}
			d.allowed = true
		} else {
			d.words++
		}
		d.maxLen = max(d.maxLen, int(e.runes))
		if e.han {
			d.hanEntry = append(d.hanEntry, int32(i))
		} else {
			d.mixEntry = append(d.mixEntry, int32(i))
			if j, ok := junctionOf(e.word); ok {
				j.entry = int32(i)
				d.junctions = append(d.junctions, j)
			}
		}
		if word != nil {
			word(e)
		}
	}
	slices.SortFunc(d.exceptions, func(x, y exception) int { return strings.Compare(x.word, y.word) })
	slices.SortStableFunc(d.junctions, func(x, y junction) int { return int(x.last - y.last) })
}

// junctionOf returns the junction of word, a folded word of the mixed
// automaton, and whether it is one: one or more Latin letters a to z,
// then one or more Chinese characters, nothing else.
func junctionOf(word string) (junction, bool) {
	i := 0
	for i < len(word) && 'a' <= word[i] && word[i] <= 'z' {
		i++
	}
	if i == 0 || i == len(word) {
		return junction{}, false
	}
	var last rune
	n := int32(0)
	for _, r := range word[i:] {
		if !unicode.Is(unicode.Han, r) {
			return junction{}, false
		}
		last = r
		n++
	}
	return junction{latin: word[:i], han: word[i:], latinRunes: int32(i), hanRunes: n, last: last}, true
}

// citation returns what a category heading (without its "##") writes
// after the name, without the parentheses around it (see
// [CategoryCitation]).
func citation(heading string) string {
	_, after, _ := strings.Cut(strings.TrimSpace(heading), " ")
	after = strings.TrimSpace(after)
	if strings.HasPrefix(after, "(") && strings.HasSuffix(after, ")") {
		after = strings.TrimSpace(after[1 : len(after)-1])
	}
	return after
}
