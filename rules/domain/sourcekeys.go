package domain

import (
	"slices"
	"strings"

	"github.com/icpcheck/beian/rules/sources"
)

// SuffixesSourceKey is the source key (package rules/sources, SOURCES.md)
// of the authority on filable suffixes, MIIT's 域名行业管理信息公示
// ([MIITSuffixSite]). No copy of it could be read: the built-in list cites,
// entry by entry, the copies it was compiled from ([SuffixList.SourceKeys]).
const SuffixesSourceKey = "miit-domain-list"

// Keys returns the keys of the pages the source stands for: the key list
// its Text starts with ("tencent-province-faq: Tencent Cloud FAQ …"); nil
// when the source has no page, or its Text is free text.
func (s Source) Keys() []string { return sources.Keys(s.Text) }

// SourceKeys returns the keys of the pages behind an entry of the list:
// those of the list's sources the entry names, in order, each once.
// Sources without a page are left out; the result is nil when none has
// one (or the entry names no source of this list).
func (l *SuffixList) SourceKeys(s Suffix) []string {
	var keys []string
	for _, id := range strings.Fields(s.Sources) {
		for _, src := range l.sources {
			if src.ID != id {
				continue
			}
			for _, k := range src.Keys() {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}
