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

// sensitiveCompiled is the built-in list compiled (MarshalBinary), which
// go generate writes from data/sensitive.txt (TestCompiledCurrent checks
// it is current).
//
//go:generate go test -run ^TestCompiledCurrent$ -update
//go:embed data/sensitive.dict
var sensitiveCompiled string

// defaultDictionary loads the built-in list the first time it is needed,
// once, from its compiled form: no compilation, and the tables stay in
// the program's read-only data. Should that ever fail, it compiles the
// list; the data file is tested (TestWordListsParse), and an empty
// dictionary is the safe answer should it ever be broken.
var defaultDictionary = sync.OnceValue(func() *Dictionary {
	if d, err := LoadDictionary(sensitiveCompiled); err == nil {
		d.homophones = true
		return d
	}
	d, err := ReadDictionary(strings.NewReader(sensitiveWords))
	if err != nil {
		return NewDictionary()
	}
	d.homophones = true
	return d
})

// DefaultDictionary returns the built-in dictionary of sensitive words
// (data/sensitive.txt, by category: gambling, pornography, drugs, fraud,
// violence (weapons and explosives), clean_government (anti-corruption
// and state supervision terms), illegal (other illegal services),
// political (banned organisations, separatist and subversive slogans),
// misleading (international organisations); each word with its source).
// It finds its words written with homophones too (see
// [Dictionary.Homophones]).
// It is loaded on first use, compiled in advance, and shared; tune it with [Dictionary.With],
// [Dictionary.Allow], [Dictionary.Without] and
// [Dictionary.OnlyCategories].
func DefaultDictionary() *Dictionary { return defaultDictionary() }
