package pgregistry

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
)

// TestQuerySubjectUnitTypes: the certificate types the subject query
// looks for namesakes among are exactly those beian.CertType.IsUnit
// names (persons are never matched by name).
func TestQuerySubjectUnitTypes(t *testing.T) {
	m := regexp.MustCompile(`s\.cert_type IN \(([^)]*)\)`).FindStringSubmatch(querySubject)
	require.NotNil(t, m, "the query restricts namesakes to units")
	var inQuery []string
	for _, q := range strings.Split(m[1], ",") {
		inQuery = append(inQuery, strings.Trim(strings.TrimSpace(q), "'"))
	}
	var units []string
	for _, ct := range []beian.CertType{beian.CertIDCard, beian.CertUSCC, beian.CertOrgCode, beian.CertBusinessLicense, beian.CertHKMacaoPermit, beian.CertTaiwanPermit, beian.CertPassport, beian.CertForeignPermanentResidence, beian.CertOther} {
		if ct.IsUnit() {
			units = append(units, string(ct))
		}
	}
	assert.ElementsMatch(t, units, inQuery)
}
