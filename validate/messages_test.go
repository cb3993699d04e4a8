package validate_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/sources"
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
			for _, text := range []string{r.Message(language.English), r.Remedy(language.English)} {
				if strings.ContainsAny(text, "{}") {
					t.Errorf("%s: %s at %s: a placeholder is left unfilled: %s", filepath.Base(file), r.Code, r.Field, text)
				}
			}
			for _, text := range []string{r.Message(language.Chinese), r.Remedy(language.Chinese)} {
				if strings.ContainsAny(text, "{}") {
					t.Errorf("%s: %s at %s: a placeholder is left unfilled: %s", filepath.Base(file), r.Code, r.Field, text)
				}
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

// TestRejectionSources: every source a rejection of an example filing
// names resolves in package sources to a public page, and the rejections
// that rest on a published fact (a province's policy, the documents
// table, the suffix list, the calendar, a segment table, a naming rule)
// all carry one.
func TestRejectionSources(t *testing.T) {
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	needSource := map[rules.Code]bool{
		rules.CodeCrossProvince: true, rules.CodeCrossProvincePersonal: true, rules.CodePrincipalNotLegalRepresentative: true,
		rules.CodePhoneNotLocal: true, rules.CodePhoneVirtualSegment: true, rules.CodeAgeBelowMinimum: true,
		rules.CodeDocumentMissing: true, rules.CodeDomainTLDNotFilable: true, rules.CodeDomainVerificationPending: true,
		rules.CodeSiteNameSensitive: true, rules.CodeSiteNameBannedPrefix: true, rules.CodeSiteNamePersonalRestricted: true,
		rules.CodeSiteNameTooShort: true, rules.CodeSiteNameSpecialChars: true, rules.CodeContentPreApprovalRequired: true,
	}
	v := validate.New()
	seen := map[rules.Code]bool{}
	for _, file := range files {
		rep := v.Validate(t.Context(), load(t, filepath.Base(file)))
		for _, r := range rep.Rejections {
			if r.Source.IsZero() {
				if needSource[r.Code] {
					t.Errorf("%s: %s at %s has no source", filepath.Base(file), r.Code, r.Field)
				}
				continue
			}
			seen[r.Code] = true
			s, ok := sources.Lookup(r.Source.Key)
			switch {
			case !ok:
				t.Errorf("%s: %s at %s cites %q, which package sources does not know", filepath.Base(file), r.Code, r.Field, r.Source.Key)
			case s.URL != r.Source.URL || !strings.HasPrefix(s.URL, "http"):
				t.Errorf("%s: %s at %s: source %s has URL %q", filepath.Base(file), r.Code, r.Field, r.Source.Key, r.Source.URL)
			}
		}
	}
	for c := range needSource {
		if !seen[c] && c != rules.CodeAgeBelowMinimum && c != rules.CodePhoneVirtualSegment {
			t.Logf("no example filing shows %s with a source", c)
		}
	}
}
