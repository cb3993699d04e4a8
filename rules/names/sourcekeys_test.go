package names

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules/sources"
)

var (
	headingRE = regexp.MustCompile(`(?m)^##\s*([^#\s]\S*)`)
	sourceRE  = regexp.MustCompile(`(?m)^###\s*(.+)$`)
)

// TestSensitiveSourcesDefined: every key a category of data/sensitive.txt
// cites is defined in package rules/sources, and the categories the
// providers' naming rules name have keys.
func TestSensitiveSourcesDefined(t *testing.T) {
	cited := 0
	for _, m := range headingRE.FindAllStringSubmatch(sensitiveWords, -1) {
		keys := SourceKeys(m[1])
		for _, k := range keys {
			_, ok := sources.Lookup(k)
			assert.True(t, ok, "category %s cites %q, which rules/sources does not define", m[1], k)
		}
		if keys != nil {
			cited++
		}
	}
	assert.Equal(t, 5, cited, "categories with a page")
	for _, c := range []string{"gambling", "pornography", "clean_government", "political", "misleading"} {
		assert.NotEmpty(t, SourceKeys(c), c)
	}
	assert.Nil(t, SourceKeys("illegal"), "the library's own list cites no page")
	assert.Nil(t, SourceKeys("no_such_category"))

	// The "###" citations of groups of words: every key defined, and the
	// words taken from konsheng-sensitive-lexicon cite it.
	keyed := 0
	for _, m := range sourceRE.FindAllStringSubmatch(sensitiveWords, -1) {
		for _, k := range sources.Keys(m[1]) {
			_, ok := sources.Lookup(k)
			assert.True(t, ok, "%q cites %q, which rules/sources does not define", m[1], k)
			keyed++
		}
	}
	assert.GreaterOrEqual(t, keyed, 6)
	src, _ := DefaultDictionary().Source("气枪")
	assert.Equal(t, []string{"konsheng-sensitive-lexicon"}, sources.Keys(src))
	src, _ = DefaultDictionary().Source("赌博")
	assert.Equal(t, SourceKeys("gambling"), sources.Keys(src), "a word without a ### line has its category's citation")
}

func TestCategoryCitation(t *testing.T) {
	list := "# comment\n## a (k-1; k-2: note (with parentheses))\nword\n##b\n## c plain text\n## d\n"
	assert.Equal(t, "k-1; k-2: note (with parentheses)", CategoryCitation(list, "a"))
	assert.Equal(t, "", CategoryCitation(list, "b"))
	assert.Equal(t, "plain text", CategoryCitation(list, "c"))
	assert.Equal(t, "", CategoryCitation(list, "d"))
	assert.Equal(t, "", CategoryCitation(list, "e"))
	assert.Equal(t, []string{"k-1", "k-2"}, sources.Keys(CategoryCitation(list, "a")))
}
