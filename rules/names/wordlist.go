package names

import (
	_ "embed"
	"strings"
	"sync"
)

// sensitiveWords is the built-in word list, data/sensitive.txt, in the
// format of [ReadDictionary].
//
//go:embed data/sensitive.txt
var sensitiveWords string

// defaultDictionary compiles the built-in list the first time it is
// needed, once. The data file is tested (TestWordListsParse); an empty
// dictionary is the safe answer should it ever be broken.
var defaultDictionary = sync.OnceValue(func() *Dictionary {
	d, err := ReadDictionary(strings.NewReader(sensitiveWords))
	if err != nil {
		return NewDictionary()
	}
	return d
})

// DefaultDictionary returns the built-in dictionary of sensitive words
// (data/sensitive.txt, by category: gambling, pornography, drugs, fraud,
// violence (weapons and explosives), clean_government (anti-corruption
// and state supervision terms), illegal (other illegal services),
// misleading (international organisations); each word with its source).
// It is compiled on first use and shared; tune it with [Dictionary.With],
// [Dictionary.Allow], [Dictionary.Without] and
// [Dictionary.OnlyCategories].
func DefaultDictionary() *Dictionary { return defaultDictionary() }
