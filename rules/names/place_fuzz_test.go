package names_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names"
)

// FuzzPlaceWords: every place word found is a place, of two to four
// characters, found in the name, once.
func FuzzPlaceWords(f *testing.F) {
	for _, s := range []string{"杭州美食日记", "北京胡同游记", "我的山西游记", "", "a杭州b", strings.Repeat("杭州", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, w := range names.PlaceWords(s) {
			if n := utf8.RuneCountInString(w); n < 2 || n > 4 || !names.IsPlace(w) || !strings.Contains(s, w) || seen[w] {
				t.Fatalf("%q: bad place word %q", s, w)
			}
			seen[w] = true
		}
	})
}
