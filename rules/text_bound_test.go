package rules_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules"
)

// TestCleanTextBoundsLength: text over its field's limit makes CleanText
// copy the filing (so that TEXT_INVALID reports it) and is cut at the
// limit for the other rules; cleaning the copy again gives it back; the
// caller's filing is left as it was.
func TestCleanTextBoundsLength(t *testing.T) {
	const limit = 100 // names
	for _, n := range []int{limit - 1, limit, limit + 1, limit + 16, 10 * limit, 100_000} {
		f := cleanFiling()
		name := strings.Repeat("网", n)
		f.Websites[0].Name = name
		c := rules.CleanText(f)
		assert.Equal(t, name, f.Websites[0].Name, "the caller's filing is not modified")
		if n <= limit {
			assert.Same(t, f, c, "%d characters: nothing to clean", n)
			assert.Empty(t, foundIn(run(t, rules.TextFields, f)))
			continue
		}
		assert.NotSame(t, f, c, n)
		assert.Equal(t, limit, utf8.RuneCountInString(c.Websites[0].Name), n)
		assert.Same(t, c, rules.CleanText(c), "%d characters: the copy is clean", n)
		assert.Equal(t, []found{{"websites[0].name", rules.CodeTextInvalid}}, foundIn(run(t, rules.TextFields, f)), n)
	}
}
