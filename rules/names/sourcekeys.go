package names

import (
	"strings"

	"github.com/icpcheck/beian/rules/sources"
)

// CategoryCitation returns what a word list in the format of
// [ReadDictionary] writes after a category's name on its "## name" line,
// without the parentheses around it: by convention a citation of the
// pages the words come from ("tencent-reject-reasons; ucloud-site-naming:
// note", see package rules/sources). It is "" when the category is not in
// the list or its line has nothing after the name. The list is read line
// by line and not otherwise checked.
func CategoryCitation(list, category string) string {
	for line := range strings.Lines(list) {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "##")
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		name, after, _ := strings.Cut(rest, " ")
		if name != category {
			continue
		}
		after = strings.TrimSpace(after)
		if strings.HasPrefix(after, "(") && strings.HasSuffix(after, ")") {
			after = strings.TrimSpace(after[1 : len(after)-1])
		}
		return after
	}
	return ""
}

// SourceKeys returns the keys (package rules/sources, SOURCES.md) of the
// pages behind a category of the built-in list of [DefaultDictionary]:
// SourceKeys("gambling") is the providers' naming rules that refuse such
// names. It is nil for a category without a page (the library's own
// choice of words) and for one that is not in the list.
func SourceKeys(category string) []string {
	return sources.Keys(CategoryCitation(sensitiveWords, category))
}
