package validate_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/workday"
	"github.com/icpcheck/beian/validate"
)

// TestWithCalendar: a calendar loaded by the caller (here the 2028
// National Day, which the built-in table does not know) changes the
// verification wait.
func TestWithCalendar(t *testing.T) {
	cal, err := workday.Load(strings.NewReader("edition,2027-11-01\nyear,2028,2027-11-01,,LOW,test\n" +
		"off,2028-10-02,国庆节\noff,2028-10-03,国庆节\noff,2028-10-04,国庆节\noff,2028-10-05,国庆节\noff,2028-10-06,国庆节\n"))
	require.NoError(t, err)
	f := load(t, "clean_enterprise.json")
	f.Domains[0].VerifiedAt = beian.NewDate(2028, 9, 29)
	f.SubmittedAt = beian.NewDate(2028, 10, 9)

	assert.False(t, validate.New().Validate(context.Background(), f).Has(rules.CodeDomainVerificationPending),
		"weekends only: five working days have passed")
	assert.True(t, validate.New(validate.WithCalendar(cal)).Validate(context.Background(), f).Has(rules.CodeDomainVerificationPending),
		"with the holiday, none has")
}
