package domain_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/domain"
)

// outsidePSLDifferences are the vectors of the Public Suffix List's
// test_psl.txt on which Parse deliberately answers otherwise, with what it
// answers: a Reason, or the registrable domain it gives.
var outsidePSLDifferences = map[string]struct {
	reason domain.Reason
	got    string
	why    string
}{
	// .example is a special-use TLD (RFC 6761 §6.5; ReasonSpecialUse's
	// doc): nobody can register or file a name under it. The PSL's test
	// uses it as "a TLD not in the list", where the default rule * applies.
	"example.example":     {reason: domain.ReasonSpecialUse, why: "RFC 6761 special-use TLD"},
	"b.example.example":   {reason: domain.ReasonSpecialUse, why: "RFC 6761 special-use TLD"},
	"a.b.example.example": {reason: domain.ReasonSpecialUse, why: "RFC 6761 special-use TLD"},
	// uk.com is in the list's PRIVATE section (CentralNic). Parse reads the
	// ICANN section only (Parse's doc: private suffixes are not
	// registries), so the domain registered at a registry is uk.com.
	"uk.com":             {got: "uk.com", why: "PRIVATE-section suffix, ICANN section only"},
	"example.uk.com":     {got: "uk.com", why: "PRIVATE-section suffix, ICANN section only"},
	"b.example.uk.com":   {got: "uk.com", why: "PRIVATE-section suffix, ICANN section only"},
	"a.b.example.uk.com": {got: "uk.com", why: "PRIVATE-section suffix, ICANN section only"},
}

// TestOutsidePSLVectors runs the Public Suffix List's own test vectors
// (testdata/outside_psl.txt: input, then the registrable domain or null)
// through Parse.
func TestOutsidePSLVectors(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "outside_psl.txt"))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	seen := map[string]bool{}
	n, count := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		require.True(t, ok, "line %d", n)
		count++
		t.Run(in, func(t *testing.T) {
			d, err := domain.Parse(in)
			if diff, ok := outsidePSLDifferences[in]; ok {
				seen[in] = true
				if diff.reason != 0 {
					var e *domain.Error
					require.ErrorAs(t, err, &e, diff.why)
					assert.Equal(t, diff.reason, e.Reason, diff.why)
					return
				}
				require.NoError(t, err, diff.why)
				assert.Equal(t, diff.got, d.ASCII(), diff.why)
				return
			}
			if want == "null" {
				assert.Error(t, err, "line %d: test_psl.txt gives no registrable domain", n)
				return
			}
			require.NoError(t, err, "line %d", n)
			if strings.HasPrefix(want, "xn--") || strings.Contains(want, ".xn--") || !hasNonASCII(want) {
				assert.Equal(t, want, d.ASCII(), "line %d", n)
			} else {
				assert.Equal(t, want, d.Unicode(), "line %d", n)
			}
		})
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, 77, count, "vectors in outside_psl.txt")
	for in := range outsidePSLDifferences {
		assert.True(t, seen[in], "difference %q names no vector", in)
	}
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// TestOutsideIDNAVectors runs golang.org/x/net/idna's own test vectors
// (testdata/outside_xnet_idna.txt: input, then the ASCII and Unicode host,
// or error) through Parse: the host Parse keeps is x/net's lookup mapping.
func TestOutsideIDNAVectors(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "outside_xnet_idna.txt"))
	require.NoError(t, err)
	count := 0
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		count++
		t.Run(f[0], func(t *testing.T) {
			d, err := domain.Parse(f[0])
			if f[1] == "error" {
				assert.Error(t, err, "line %d", i+1)
				return
			}
			require.GreaterOrEqual(t, len(f), 3, "line %d", i+1)
			prefix := ""
			if len(f) == 4 {
				require.Equal(t, "suffix-only", f[3], "line %d", i+1)
				var e *domain.Error
				require.ErrorAs(t, err, &e, "line %d", i+1)
				assert.Equal(t, domain.ReasonSuffixOnly, e.Reason, "line %d", i+1)
				prefix = "www."
				d, err = domain.Parse(prefix + f[0])
			}
			require.NoError(t, err, "line %d", i+1)
			assert.Equal(t, prefix+f[1], d.Host(), "line %d: ASCII host", i+1)
			assert.Equal(t, prefix+f[2], d.UnicodeHost(), "line %d: Unicode host", i+1)
		})
	}
	assert.Equal(t, 16, count, "vectors in outside_xnet_idna.txt")
}
