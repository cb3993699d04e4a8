package rules

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/names"
)

var update = flag.Bool("update", false, "write the compiled word lists data/*.dict and the compiled tables *_table.go (go generate)")

// TestCompiledWordLists checks that each compiled word list under data/
// is its source compiled by this version of package names (with -update,
// that is, go generate, it writes them), and that the dictionary loaded
// from it finds what the compiled one does: every word of the list as
// written, inside other words and disguised.
func TestCompiledWordLists(t *testing.T) {
	read := func(data string) *names.Dictionary {
		d, err := names.ReadDictionary(strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		file     string
		compiled string
		built    *names.Dictionary
	}{
		{"data/personal.dict", personalCompiled, read(personalWords)},
		{"data/preapproval_hints.dict", preApprovalHintCompiled, read(preApprovalHintWords)},
		{"data/banned_prefixes.dict", bannedPrefixCompiled, compileBannedPrefixes()},
		{"data/app_hot_names.dict", appHotCompiled, compileAppHotNames(read(appNameWords))},
		{"data/restricted.dict", restrictedCompiled, read(restrictedWords)},
	} {
		want, err := c.built.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(c.file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal([]byte(c.compiled), want) {
			t.Errorf("%s is not current: run go generate ./rules", c.file)
			continue
		}
		loaded, err := names.LoadDictionary(c.compiled)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if !reflect.DeepEqual(loaded.Words(), c.built.Words()) || !reflect.DeepEqual(loaded.Categories(), c.built.Categories()) {
			t.Errorf("%s: the words differ", c.file)
		}
		for _, w := range c.built.Words() {
			cat, _ := c.built.Category(w)
			src, _ := c.built.Source(w)
			if lc, _ := loaded.Category(w); lc != cat {
				t.Errorf("%s: %s: category %q, want %q", c.file, w, lc, cat)
			}
			if ls, _ := loaded.Source(w); ls != src {
				t.Errorf("%s: %s: source %q, want %q", c.file, w, ls, src)
			}
			spaced := strings.Join(strings.Split(w, ""), " ")
			for _, text := range []string{w, "中国" + w + "网", "示例" + w, spaced, "\uFDFA" + spaced, w + "1" + w} {
				if a, b := c.built.FindEvery(text), loaded.FindEvery(text); !reflect.DeepEqual(a, b) {
					t.Errorf("%s: %q: compiled finds %v, loaded %v", c.file, text, a, b)
				}
			}
		}
	}
}
