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
