package names_test

import (
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/names"
)

// TestLongWordWindow: a word longer than the segmentation's stack buffers
// (a window of up to 31 characters) is read in buffers of the heap, with
// the same answer at every length around the bound: found alone and
// between other characters, with and without a word that overlaps it.
func TestLongWordWindow(t *testing.T) {
	for n := 2; n <= 40; n++ {
		word := strings.Repeat("赌", n-1) + "博"
		d := names.NewDictionary(word)
		for _, text := range []string{word, "示例" + word + "网站", "网" + word} {
			m, ok := d.Find(text)
			if !ok || m.Word != word {
				t.Errorf("%d characters: Find(%q) = %+v, %v", n, text, m, ok)
			}
			if got := d.FindEvery(text); len(got) != 1 {
				t.Errorf("%d characters: FindEvery(%q) = %d matches", n, text, len(got))
			}
		}
	}
}
