package rules

import (
	_ "embed"
	"strings"
	"sync"
)

// The word lists the naming and content rules use, kept as data files
// under data/ in the format of [ReadDictionary].
var (
	//go:embed data/sensitive.txt
	sensitiveWords string
	//go:embed data/personal.txt
	personalWords string
	//go:embed data/preapproval_hints.txt
	preApprovalHintWords string
)

// A lazyDictionary is a dictionary compiled from embedded data the first
// time it is needed, once, and shared.
type lazyDictionary struct {
	once sync.Once
	d    *Dictionary
}

func (l *lazyDictionary) get(data string) *Dictionary {
	l.once.Do(func() {
		d, err := ReadDictionary(strings.NewReader(data))
		if err != nil {
			// The data files are tested; an empty dictionary is the safe
			// answer should one ever be broken.
			d = NewDictionary()
		}
		l.d = d
	})
	return l.d
}

var (
	defaultSensitive lazyDictionary
	personalList     lazyDictionary
	preApprovalHints lazyDictionary
)

// DefaultDictionary returns the built-in dictionary of sensitive words
// (data/sensitive.txt: gambling, pornography, anti-corruption and state
// supervision terms, illegal goods and services, international
// organisations). It is compiled on first use and shared; add words with
// [Dictionary.With].
func DefaultDictionary() *Dictionary { return defaultSensitive.get(sensitiveWords) }

// personalDictionary returns the words a personal site's name must not
// use anywhere in China (data/personal.txt).
func personalDictionary() *Dictionary { return personalList.get(personalWords) }

// preApprovalHintDictionary returns the words of site names that suggest
// a pre-approval industry, each in the category of its content category's
// wire name (data/preapproval_hints.txt).
func preApprovalHintDictionary() *Dictionary { return preApprovalHints.get(preApprovalHintWords) }
