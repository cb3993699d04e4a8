package names

import (
	"strings"
	"testing"
)

// TestWordListsParse reads every embedded word list strictly: the lazy
// loader would fall back to an empty dictionary on an error.
func TestWordListsParse(t *testing.T) {
	for name, data := range map[string]string{
		"sensitive.txt": sensitiveWords,
	} {
		d, err := ReadDictionary(strings.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d.Len() == 0 {
			t.Errorf("%s: no words", name)
		}
		for _, e := range d.entries {
			if e.word != Normalize(e.word) {
				t.Errorf("%s: %q is not written in its normal form", name, e.word)
			}
		}
	}
}

func TestSensitiveCategories(t *testing.T) {
	cats := map[string]bool{}
	for _, e := range DefaultDictionary().entries {
		cats[e.category] = true
	}
	for _, c := range []string{"gambling", "pornography", "drugs", "fraud", "violence", "clean_government", "illegal", "political", "misleading"} {
		if !cats[c] {
			t.Errorf("no category %q in data/sensitive.txt (the sitename rule relies on clean_government)", c)
		}
	}
}
