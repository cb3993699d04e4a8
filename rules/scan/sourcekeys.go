package scan

import (
	"slices"

	"github.com/icpcheck/beian/rules/sources"
)

// SourceKeys returns the keys of the pages the limit comes from (package
// rules/sources, SOURCES.md): the key list its Source starts with; nil
// when no page was found for it or its Source is free text.
func (f Limit) SourceKeys() []string { return sources.Keys(f.Source) }

// SourceKeys is [Limit.SourceKeys] for the format limit.
func (f FormatLimit) SourceKeys() []string { return sources.Keys(f.Source) }

// SourceKeys returns the keys of the pages behind the limit the problem
// breaks, as [Limit.SourceKeys].
func (p Problem) SourceKeys() []string { return sources.Keys(p.Source) }

// ProfileSourceKeys returns the keys of the pages behind a profile's
// limits (data/limits.csv), each once, in the order of the table: for
// "default" Huawei Cloud's and Tencent Cloud's material pages. It is nil
// for an unknown profile.
func ProfileSourceKeys(profile string) []string {
	var keys []string
	for i := range limitTable {
		e := &limitTable[i]
		if e.profile != profile {
			continue
		}
		l := &e.limits
		for _, src := range []string{l.Formats.Source, l.MaxBytes.Source, l.MinShortSide.Source, l.MinLongSide.Source, l.MinSharpness.Source} {
			for _, k := range sources.Keys(src) {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}
