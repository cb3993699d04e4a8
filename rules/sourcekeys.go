package rules

import (
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/sources"
)

// SourceKeys returns the keys of the pages the requirement comes from
// (package rules/sources, SOURCES.md): the key list its Source starts
// with, "ucloud-henan" for Henan's 网站备案承诺书.
func (q DocumentRequirement) SourceKeys() []string { return sources.Keys(q.Source) }

// personalWordSourceKeys returns the keys of the pages behind a category
// of the words a personal site's name must not use (data/personal.txt):
// "national" is UCloud's, QingCloud's and xinnet's naming rules.
func personalWordSourceKeys(category string) []string {
	return sources.Keys(names.CategoryCitation(personalWords, category))
}

// preApprovalHintSourceKeys returns the keys of the pages behind a
// category of the pre-approval hint words (data/preapproval_hints.txt),
// by content category wire name: "finance" is UCloud's and Tencent's
// keyword lists.
func preApprovalHintSourceKeys(category string) []string {
	return sources.Keys(names.CategoryCitation(preApprovalHintWords, category))
}

// appNameSourceKeys returns the keys of the pages behind a category of
// the words an App's name may not be made of (data/app_names.txt):
// "generic" and each "hot:…" category are Huawei's App naming rule.
func appNameSourceKeys(category string) []string {
	return sources.Keys(names.CategoryCitation(appNameWords, category))
}

// restrictedSourceKeys returns the keys of the pages behind a category of
// the words of licensed trades and banned goods (data/restricted.txt).
func restrictedSourceKeys(category string) []string {
	return sources.Keys(names.CategoryCitation(restrictedWords, category))
}
