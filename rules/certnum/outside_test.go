package certnum_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/internal/vectors"
)

// An outsideVector is one line of a testdata/outside_<project>.txt file:
// a number from another project's test suite and the verdict that project
// asserts.
type outsideVector struct {
	file, kind, number string
	valid              bool
	parts              map[string]string
	line               int
}

// readOutsideVectors reads every testdata/outside_*.txt file. Lines are
// kind<TAB>verdict<TAB>number[<TAB>key=value …]; # starts a comment.
func readOutsideVectors(t *testing.T) []outsideVector {
	t.Helper()
	lines, err := vectors.Read(filepath.Join("testdata", "outside_*.txt"), 3)
	require.NoError(t, err)
	vs := make([]outsideVector, 0, len(lines))
	for _, l := range lines {
		require.Contains(t, []string{"valid", "invalid"}, l.Fields[1], "%s", l)
		vs = append(vs, outsideVector{file: l.File, kind: l.Fields[0], number: l.Fields[2], valid: l.Fields[1] == "valid", line: l.Line, parts: l.Parts})
	}
	return vs
}

// outsideDifferences are the vectors on which this package deliberately
// disagrees with the project that wrote them, keyed by file and number,
// with the reason this package gives and why it is right.
var outsideDifferences = map[string]struct {
	reason certnum.Reason
	why    string
}{
	// Hutool accepts a first-generation 15-digit number; this package
	// refuses it as ReasonLegacyIDCard (documented there): the 15-digit
	// cards were replaced by 18-digit ones (GB 11643-1999, exchange
	// completed 2013) and a filing takes the 18-digit number.
	"outside_hutool.txt|150102880730303": {certnum.ReasonLegacyIDCard, "15-digit first-generation number"},
	// util-helpers checks the mod-31 check character only; GB 32100-2015
	// makes characters 9 to 17 the subject's GB 11714 organisation code,
	// and 5JLR20JR's GB 11714 check character is 1, not 6
	// (ReasonEmbeddedOrgCode's doc). python-stdnum checks the same way
	// and asserts nothing about this code.
	"outside_util-helpers.txt|911101005JLR20JR60": {certnum.ReasonEmbeddedOrgCode, "embedded organisation code fails GB 11714"},
}

func TestOutsideVectors(t *testing.T) {
	vs := readOutsideVectors(t)
	seen := map[string]bool{}
	for _, v := range vs {
		key := v.file + "|" + v.number
		t.Run(key, func(t *testing.T) {
			var err error
			switch v.kind {
			case "uscc":
				_, err = certnum.ParseUSCC(v.number)
			case "orgcode":
				_, err = certnum.ParseOrgCode(v.number)
			case "regnumber":
				_, err = certnum.ParseRegistrationNumber(v.number)
			case "idcard":
				var id certnum.IDCard
				id, err = certnum.ParseIDCard(v.number)
				if err == nil {
					if b, ok := v.parts["birth"]; ok {
						assert.Equal(t, b, id.Birth().String(), "birth")
					}
					if d, ok := v.parts["division"]; ok {
						assert.Equal(t, d, id.Division(), "division")
					}
					if s, ok := v.parts["sex"]; ok {
						assert.Equal(t, s, id.Sex.String(), "sex")
					}
				}
			default:
				t.Fatalf("%s:%d: unknown kind %q", v.file, v.line, v.kind)
			}
			if d, ok := outsideDifferences[key]; ok {
				seen[key] = true
				require.Error(t, err, "listed as a deliberate difference (%s) but accepted", d.why)
				var e *certnum.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, d.reason, e.Reason, d.why)
				return
			}
			if v.valid {
				assert.NoError(t, err, "%s:%d asserts valid", v.file, v.line)
			} else {
				assert.Error(t, err, "%s:%d asserts invalid", v.file, v.line)
			}
		})
	}
	for key := range outsideDifferences {
		assert.True(t, seen[key], "difference %s names no vector", key)
	}
}
