package rules

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names"
)

// The word lists the naming and content rules use besides the sensitive
// words of package names, kept as data files under data/ in the format of
// [names.ReadDictionary].
var (
	//go:embed data/personal.txt
	personalWords string
	//go:embed data/preapproval_hints.txt
	preApprovalHintWords string
	//go:embed data/app_names.txt
	appNameWords string
	//go:embed data/restricted.txt
	restrictedWords string
)

// The word lists compiled ([names.Dictionary.MarshalBinary]), which go
// generate writes (TestCompiledWordLists checks they are current): a
// dictionary loaded from them costs no compilation and no heap.
//
//go:generate go test -run ^TestCompiledWordLists$ -update
var (
	//go:embed data/personal.dict
	personalCompiled string
	//go:embed data/preapproval_hints.dict
	preApprovalHintCompiled string
	//go:embed data/banned_prefixes.dict
	bannedPrefixCompiled string
	//go:embed data/app_hot_names.dict
	appHotCompiled string
	//go:embed data/restricted.dict
	restrictedCompiled string
)

// lazyDictionary returns a function loading the compiled word list the
// first time it is called, once; should that fail, it compiles data.
// The data files are tested (TestWordListsParse); an empty dictionary
// is the safe answer should one ever be broken.
func lazyDictionary(data, compiled *string) func() *names.Dictionary {
	return sync.OnceValue(func() *names.Dictionary {
		if d, err := names.LoadDictionary(*compiled); err == nil {
			return d
		}
		d, err := names.ReadDictionary(strings.NewReader(*data))
		if err != nil {
			return names.NewDictionary()
		}
		return d
	})
}

var (
	// personalDictionary returns the words a personal site's name must not
	// use anywhere in China (data/personal.txt).
	personalDictionary = lazyDictionary(&personalWords, &personalCompiled)
	// preApprovalHintDictionary returns the words of site names that
	// suggest a pre-approval industry, each in the category of its content
	// category's wire name (data/preapproval_hints.txt).
	preApprovalHintDictionary = lazyDictionary(&preApprovalHintWords, &preApprovalHintCompiled)
	// restrictedDictionary returns the words of licensed trades and banned
	// goods that the sensitive-word dictionary leaves out, which a name
	// may hold lawfully but a reviewer may take for sensitive words: a
	// warning (data/restricted.txt). It finds no homophones.
	restrictedDictionary = lazyDictionary(&restrictedWords, &restrictedCompiled)
)

// restrictedFirst returns the first characters of the words of
// restrictedDictionary, for mayHoldRestricted.
var restrictedFirst = sync.OnceValue(func() *runeSet {
	var f runeSet
	for _, w := range restrictedDictionary().Words() {
		r, _ := utf8.DecodeRuneInString(w)
		f.add(r)
	}
	return &f
})

// A runeSet is a few characters: a set of bits by a character's low ten
// bits, which settles nearly every character absent, then the characters.
type runeSet struct {
	bits  [16]uint64
	runes []rune
}

func (f *runeSet) add(r rune) {
	if !slices.Contains(f.runes, r) {
		f.runes = append(f.runes, r)
		f.bits[r>>6&15] |= 1 << (r & 63)
	}
}

func (f *runeSet) has(r rune) bool {
	return f.bits[r>>6&15]&(1<<(r&63)) != 0 && slices.Contains(f.runes, r)
}

// mayHoldRestricted reports whether name, normalised (names.Normalize:
// traditional and compatibility forms already simplified), may hold a
// word of restrictedDictionary written in Chinese characters: false when
// none of its characters is a word's first, which spares nearly every
// name the scan (TestMayHoldRestrictedExact holds it to the scan for
// every character).
func mayHoldRestricted(name string) bool {
	first := restrictedFirst()
	for i, size := 0, 0; i < len(name); i += size {
		r, ok := threeByteAt(name, i)
		if size = 3; !ok {
			r, size = utf8.DecodeRuneInString(name[i:])
		}
		switch {
		case r < 0x2E80: // no Chinese character
		case r > 0xFFFF:
			return true // beyond what TestMayHoldRestrictedExact covers: scan
		default:
			if first.has(r) {
				return true
			}
		}
	}
	return false
}

// hintStarts returns, for mayHoldHint, the first characters of the words
// of preApprovalHintDictionary and the characters after them.
var hintStarts = sync.OnceValue(func() *wordStarts {
	return newWordStarts(preApprovalHintDictionary().Words())
})

// wordStarts are the first characters of a dictionary's words, sorted
// (first); by a character's low ten bits, the index of the first
// character with those bits plus one (slot: 0 for none, slotShared when
// several share them); and, by a first character's index, the bits
// (runeBit) of every character after it in a word that starts with it
// (later), and whether it is a word of one character itself (single).
type wordStarts struct {
	slot   [1024]uint8
	first  []rune
	later  []uint64
	single []bool
}

// slotShared is the slot of low bits that several first characters
// share: they are searched for.
const slotShared = 0xFF

func newWordStarts(words []string) *wordStarts {
	var s wordStarts
	later := map[rune]uint64{}
	single := map[rune]bool{}
	for _, w := range words {
		w = names.Normalize(w)
		r, n := utf8.DecodeRuneInString(w)
		if n == 0 {
			continue
		}
		if _, ok := later[r]; !ok {
			s.first = append(s.first, r)
		}
		later[r] |= 0
		if n == len(w) {
			single[r] = true
		}
		for _, c := range w[n:] {
			later[r] |= runeBit(c)
		}
	}
	slices.Sort(s.first)
	for k, r := range s.first {
		s.later = append(s.later, later[r])
		s.single = append(s.single, single[r])
		if j := r & 1023; s.slot[j] == 0 && k+1 < slotShared {
			s.slot[j] = uint8(k + 1)
		} else {
			s.slot[j] = slotShared
		}
	}
	return &s
}

// index returns the index of r in first; -1 when r is no first
// character.
func (s *wordStarts) index(r rune) int {
	switch k := s.slot[r&1023]; k {
	case 0:
		return -1
	case slotShared:
		if k, ok := slices.BinarySearch(s.first, r); ok {
			return k
		}
		return -1
	default:
		if s.first[k-1] != r {
			return -1
		}
		return int(k - 1)
	}
}

// runeBit is one of 64 bits, by a hash of r.
func runeBit(r rune) uint64 {
	return 1 << (uint32(r) * 0x9E3779B1 >> 26)
}

// mayHoldHint reports whether name, normalised (names.Normalize), may
// hold a word of preApprovalHintDictionary: false when it holds no Latin
// letter or digit (no pinyin, no word in letters), no character outside
// ASCII and U+3000–U+9FFF, and no word's first character followed, later
// in the name, by a character of a word that starts with it (官网 holds 网
// of 网游, but nothing after it): the scan finds nothing there
// (TestMayHoldHintExact holds it to the scan, character by character of
// every word). It spares the two scans of a typical filing's names, which
// find nothing.
func mayHoldHint(name string) bool { return hintStarts().mayHold(name) }

// mayHold is mayHoldHint for the words of s.
func (st *wordStarts) mayHold(name string) bool {
	var later uint64 // the characters that would continue a word begun
	for i := 0; i < len(name); {
		var r rune
		if c := name[i]; c < utf8.RuneSelf {
			if c|0x20-'a' <= 'z'-'a' || c-'0' <= 9 {
				return true // pinyin or a word in letters
			}
			r = rune(c)
			i++
		} else {
			// U+3000–U+9FFF (CJK punctuation, kana, ideographs): three
			// bytes led by E3 to E9. Any other rune, or an invalid byte,
			// is beyond what TestMayHoldHintExact covers: scan.
			if c-0xE3 > 0xE9-0xE3 || i+2 >= len(name) {
				return true
			}
			b1, b2 := name[i+1], name[i+2]
			if b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
				return true
			}
			r = rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
			i += 3
		}
		if later&runeBit(r) != 0 {
			return true
		}
		if st.slot[r&1023] == 0 {
			continue // no first character (nearly every other one)
		}
		if k := st.index(r); k >= 0 {
			if st.single[k] {
				return true
			}
			later |= st.later[k]
		}
	}
	return false
}

// appHotDictionary returns the hot App names of data/app_names.txt alone
// (its "hot:" categories, compiled to data/app_hot_names.dict), for the
// scan of App names: the generic words, which most names hold, are no
// hit to decide there.
var appHotDictionary = sync.OnceValue(func() *names.Dictionary {
	if d, err := names.LoadDictionary(appHotCompiled); err == nil {
		return d
	}
	d, err := names.ReadDictionary(strings.NewReader(appNameWords))
	if err != nil {
		return names.NewDictionary()
	}
	return compileAppHotNames(d)
})

// compileAppHotNames returns the dictionary of d's "hot:" categories.
func compileAppHotNames(d *names.Dictionary) *names.Dictionary {
	var hot []string
	for _, c := range d.Categories() {
		if strings.HasPrefix(c, "hot:") {
			hot = append(hot, c)
		}
	}
	return d.OnlyCategories(hot...)
}
