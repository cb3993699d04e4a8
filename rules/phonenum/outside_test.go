package phonenum_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	files, err := filepath.Glob(filepath.Join("testdata", "outside_*.txt"))
	require.NoError(t, err)
	require.Len(t, files, 3)
	seen := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		line := 0
		for sc.Scan() {
			line++
			text := sc.Text()
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			fields := strings.Split(text, "\t")
			require.GreaterOrEqual(t, len(fields), 2, "%s:%d", name, line)
			key := filepath.Base(name) + "|" + fields[0]
			parts := map[string]string{}
			if len(fields) > 2 {
				for _, kv := range strings.Fields(fields[2]) {
					k, v, ok := strings.Cut(kv, "=")
					require.True(t, ok, "%s:%d", name, line)
					parts[k] = v
				}
			}
			t.Run(key, func(t *testing.T) {
				n, err := phonenum.Parse(fields[0])
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
				switch fields[1] {
				case "invalid":
					assert.Error(t, err, "%s:%d asserts invalid", name, line)
					return
				case "notkind":
					if err == nil {
						assert.NotEqual(t, parts["kind"], n.Kind.String(), "%s:%d", name, line)
					}
					return
				case "valid":
				default:
					t.Fatalf("%s:%d: verdict %q", name, line, fields[1])
				}
				require.NoError(t, err, "%s:%d asserts valid", name, line)
				if k, ok := parts["kind"]; ok {
					assert.Equal(t, k, n.Kind.String(), "kind")
				}
				if o, ok := parts["operator"]; ok {
					op, known := outsideOperators[o]
					require.True(t, known, "operator %q", o)
					assert.Equal(t, op, n.Operator, "operator")
				}
				if v, ok := parts["virtual"]; ok {
					assert.Equal(t, v == "true", n.Virtual, "virtual")
				}
			})
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	for key := range outsidePhoneDifferences {
		assert.True(t, seen[key], "difference %s names no vector", key)
	}
}
