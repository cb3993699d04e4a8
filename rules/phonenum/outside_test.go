package phonenum_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/internal/vectors"
	"github.com/icpcheck/beian/rules/phonenum"
)

var outsideOperators = map[string]phonenum.Operator{
	"cmcc":      phonenum.ChinaMobile,
	"cucc":      phonenum.ChinaUnicom,
	"ctcc":      phonenum.ChinaTelecom,
	"maritime":  phonenum.MaritimeSatellite,
	"emergency": phonenum.EmergencyNetwork,
}

// A phoneDifference is what Parse deliberately answers for an outside
// vector whose project says otherwise: a Reason, or the Kind of a number it
// accepts.
type phoneDifference struct {
	reason phonenum.Reason
	kind   phonenum.Kind
	why    string
}

const (
	whyServiceNumber = "a service number (ReasonService's doc): no person answers it, a filing's contact cannot be one"
	whyLocalFirst1   = "a local number never starts with 0 or 1 (ReasonBadLocalNumber's doc; 010-123xx are hotlines, MIIT numbering plan)"
	whyEightDigits   = "Guangzhou's and Shenzhen's local numbers have 8 digits (libphonenumber agrees); Hutool's isTel checks the form only"
	whyAllocatedLate = "allocated after the project's test_data.json (MIIT: 162 virtual operators, 172/195/197 China Mobile, 190/193 China Telecom, 192 China Broadnet, 196 China Unicom, 1441 China Mobile IoT); phonenumbers and data/special.csv know them"
)

// outsidePhoneDifferences are keyed by file and input.
var outsidePhoneDifferences = map[string]phoneDifference{
	"outside_libphonenumber.txt|+86 10 1234 5678":           {reason: phonenum.ReasonBadLocalNumber, why: whyLocalFirst1},
	"outside_libphonenumber.txt|+86 800 123 4567":           {reason: phonenum.ReasonService, why: whyServiceNumber},
	"outside_libphonenumber.txt|+86 16812345":               {reason: phonenum.ReasonService, why: whyServiceNumber},
	"outside_libphonenumber.txt|+86 400 123 4567":           {reason: phonenum.ReasonService, why: whyServiceNumber},
	"outside_hutool.txt|010-12345678":                       {reason: phonenum.ReasonBadLocalNumber, why: whyLocalFirst1},
	"outside_hutool.txt|020-9999999":                        {reason: phonenum.ReasonBadLocalNumber, why: whyEightDigits},
	"outside_hutool.txt|0755-7654321":                       {reason: phonenum.ReasonBadLocalNumber, why: whyEightDigits},
	"outside_chinamobilephonenumberregex.txt|1441977308761": {kind: phonenum.IoT, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|16240231027":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|17262215361":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|19029089087":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|19245057809":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|19352708756":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|19551999536":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|19617102473":   {kind: phonenum.Mobile, why: whyAllocatedLate},
	"outside_chinamobilephonenumberregex.txt|19742406942":   {kind: phonenum.Mobile, why: whyAllocatedLate},
}

// TestOutsideVectors runs other projects' test vectors
// (testdata/outside_*.txt: input<TAB>verdict[<TAB>parts]) through Parse
// and asserts each project's verdict, but for the differences listed.
func TestOutsideVectors(t *testing.T) {
	vs, err := vectors.Read(filepath.Join("testdata", "outside_*.txt"), 2)
	require.NoError(t, err)
	files := map[string]bool{}
	seen := map[string]bool{}
	for _, v := range vs {
		files[v.File] = true
		input, verdict, parts := v.Fields[0], v.Fields[1], v.Parts
		key := v.File + "|" + input
		t.Run(key, func(t *testing.T) {
			n, err := phonenum.Parse(input)
			if d, ok := outsidePhoneDifferences[key]; ok {
				seen[key] = true
				if d.reason != phonenum.ReasonNone {
					assert.Equal(t, d.reason, phonenum.ReasonOf(err), d.why)
				} else {
					require.NoError(t, err, d.why)
					assert.Equal(t, d.kind, n.Kind, d.why)
				}
				return
			}
			switch verdict {
			case "invalid":
				assert.Error(t, err, "%s asserts invalid", v)
				return
			case "notkind":
				if err == nil {
					assert.NotEqual(t, parts["kind"], n.Kind.String(), "%s", v)
				}
				return
			case "valid":
			default:
				t.Fatalf("%s: verdict %q", v, verdict)
			}
			require.NoError(t, err, "%s asserts valid", v)
			if k, ok := parts["kind"]; ok {
				assert.Equal(t, k, n.Kind.String(), "kind")
			}
			if o, ok := parts["operator"]; ok {
				op, known := outsideOperators[o]
				require.True(t, known, "operator %q", o)
				assert.Equal(t, op, n.Operator, "operator")
			}
			if val, ok := parts["virtual"]; ok {
				assert.Equal(t, val == "true", n.Virtual, "virtual")
			}
		})
	}
	assert.Len(t, files, 3)
	for key := range outsidePhoneDifferences {
		assert.True(t, seen[key], "difference %s names no vector", key)
	}
}
