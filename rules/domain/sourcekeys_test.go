package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/sources"
)

// TestSuffixSourcesDefined: every key the built-in list's sources cite is
// defined in rules/sources, every source but chinaweld's (whose address
// was not found) has one, and every entry rests on at least one page.
func TestSuffixSourcesDefined(t *testing.T) {
	_, ok := sources.Lookup(SuffixesSourceKey)
	assert.True(t, ok, SuffixesSourceKey)
	l := DefaultSuffixes()
	for _, s := range l.Sources() {
		keys := s.Keys()
		if s.ID == "E" {
			assert.Nil(t, keys, "chinaweld's FAQ has no page")
			continue
		}
		if assert.Len(t, keys, 1, "source %s: %q", s.ID, s.Text) {
			_, ok := sources.Lookup(keys[0])
			assert.True(t, ok, "source %s cites %q, which rules/sources does not define", s.ID, keys[0])
		}
	}
	for _, e := range l.Entries() {
		assert.NotEmpty(t, l.SourceKeys(e), e.Name)
	}
	org, ok := l.LookupName("org")
	require.True(t, ok)
	assert.Equal(t, []string{"tencent-province-faq", "tencent-province-reqs-old", "goplus-builder-468"}, l.SourceKeys(org))
}
