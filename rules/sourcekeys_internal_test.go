package rules

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/sources"
)

// TestDocumentSourcesDefined: every requirement of data/documents.csv
// cites at least one source key, and each is defined in rules/sources.
func TestDocumentSourcesDefined(t *testing.T) {
	reqs := DocumentRequirements()
	require.NotEmpty(t, reqs)
	for i, q := range reqs {
		keys := q.SourceKeys()
		if assert.NotEmpty(t, keys, "requirement %d (%s of %s): %q", i, q.Kind, q.Owner, q.Source) {
			for _, k := range keys {
				_, ok := sources.Lookup(k)
				assert.True(t, ok, "requirement %d (%s of %s) cites %q, which rules/sources does not define", i, q.Kind, q.Owner, k)
			}
		}
	}
	// Henan's commitment letter rests on UCloud's Henan page.
	for _, q := range reqs {
		if q.Kind == "commitment_letter" && len(q.Provinces) == 1 && q.Provinces[0] == "41" {
			assert.Equal(t, []string{"ucloud-henan"}, q.SourceKeys())
		}
	}
}

var headingRE = regexp.MustCompile(`(?m)^##\s*(\S+)`)

// TestWordListSourcesDefined: every category of data/personal.txt and
// data/preapproval_hints.txt cites at least one source key, and each is
// defined in rules/sources.
func TestWordListSourcesDefined(t *testing.T) {
	for name, l := range map[string]struct {
		data string
		keys func(string) []string
	}{
		"personal.txt":          {personalWords, personalWordSourceKeys},
		"preapproval_hints.txt": {preApprovalHintWords, preApprovalHintSourceKeys},
		"app_names.txt":         {appNameWords, appNameSourceKeys},
		"restricted.txt":        {restrictedWords, restrictedSourceKeys},
	} {
		cats := headingRE.FindAllStringSubmatch(l.data, -1)
		require.NotEmpty(t, cats, name)
		for _, m := range cats {
			keys := l.keys(m[1])
			if assert.NotEmpty(t, keys, "%s: category %s cites no source", name, m[1]) {
				for _, k := range keys {
					_, ok := sources.Lookup(k)
					assert.True(t, ok, "%s: category %s cites %q, which rules/sources does not define", name, m[1], k)
				}
			}
		}
	}
	assert.Equal(t, []string{"ucloud-site-naming", "qingcloud-site-name", "xinnet-site-name"}, personalWordSourceKeys("national"))
	assert.Nil(t, preApprovalHintSourceKeys("no_such_category"))
}
