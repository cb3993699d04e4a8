package validate_test

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian/validate"
)

// pathWord matches the names of the filing model's parts as a path writes
// them: a Chinese message names fields by their labels, and the path is
// what the rejection's field is for.
var pathWord = regexp.MustCompile(`(?i)\b(subject|websites?|domains?|documents?|principal|cert_[a-z]+|holder_[a-z]+|[a-z]+\[\d+\])\b`)

// TestMessagesNameFieldsByLabel: no Chinese message or remedy of any
// example filing's report carries a field path.
func TestMessagesNameFieldsByLabel(t *testing.T) {
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	v := validate.New()
	for _, file := range files {
		rep := v.Validate(t.Context(), load(t, filepath.Base(file)))
		for _, r := range rep.Rejections {
			for _, text := range []string{r.Message(language.Chinese), r.Remedy(language.Chinese)} {
				for _, loc := range pathWord.FindAllStringIndex(text, -1) {
					if inURL(text, loc[0], loc[1]) {
						continue
					}
					t.Errorf("%s: %s at %s: the Chinese text names %q: %s", filepath.Base(file), r.Code, r.Field, text[loc[0]:loc[1]], text)
				}
			}
		}
	}
}

// inURL reports whether text[i:j] is part of a host or URL (a dot or a
// slash next to it).
func inURL(text string, i, j int) bool {
	return i > 0 && (text[i-1] == '.' || text[i-1] == '/') || j < len(text) && text[j] == '.'
}
