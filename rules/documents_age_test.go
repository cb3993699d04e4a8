package rules_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/certnum"
)

// TestEmploymentProof: Jiangsu takes a person of 16 to 18 who files with a
// proof of employment or income (HW: under 16 refused, 16 to 18 with the
// proof): an error when it is missing; not asked of an adult, of one
// younger than 16 (AGE_BELOW_MINIMUM's), of a unit's principal, nor in
// another province. The person is the subject and its principal, so a
// proof uploaded as either's meets it. Every province × birthdays around
// the 16th and 18th × both natures × three uploads × two certificates.
func TestEmploymentProof(t *testing.T) {
	// born on (year, month, day): age on today (2026-11-20)
	births := []struct {
		y, m, d int
		age     int
	}{
		{2012, 11, 21, 13}, {2010, 11, 21, 15}, {2010, 11, 20, 16}, {2009, 6, 1, 17},
		{2008, 11, 21, 17}, {2008, 11, 20, 18}, {2000, 1, 1, 26},
	}
	for _, p := range provinces.All() {
		for _, b := range births {
			id := idCardBorn(t, p.Code+"0102", b.y, b.m, b.d)
			for _, personal := range []bool{true, false} {
				for _, upload := range []string{"", "subject", "subject.principal"} {
					for _, ct := range []beian.CertType{beian.CertIDCard, beian.CertPassport} {
						var f *beian.Filing
						if personal {
							f = personalFiling(p.Code, id)
							f.Subject.CertType, f.Subject.Principal.CertType = ct, ct
						} else {
							f = cleanFiling()
							f.Province = p.Code
							f.Subject.Principal.CertNumber = id
						}
						f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
						if upload != "" {
							f.Documents = append(f.Documents, doc(beian.DocEmploymentProof, upload))
						}
						var want []string
						if p.Code == "32" && personal && ct == beian.CertIDCard && b.age >= 16 && b.age < 18 && upload == "" {
							want = []string{"subject employment_proof error"}
						}
						got := missingKind(run(t, rules.Documents, f), beian.DocEmploymentProof)
						assert.Equal(t, want, got, "%s age %d personal=%v upload=%q %s", p.Code, b.age, personal, upload, ct)
					}
				}
			}
		}
	}
}

// idCardBorn returns a valid ID card number of the address code born on
// the day given.
func idCardBorn(t *testing.T, address string, y, m, d int) string {
	t.Helper()
	first := fmt.Sprintf("%s%04d%02d%02d123", address, y, m, d)
	c, ok := certnum.IDCheckChar(first)
	if !ok {
		t.Fatalf("no check character for %s", first)
	}
	return first + string(c)
}
