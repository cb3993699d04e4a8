package validate_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

func TestWithPhoneSegments(t *testing.T) {
	f := load(t, "warning_phone_region_unknown.json") // Hunan, 199 mobile
	rep := validate.New().Validate(context.Background(), f)
	assert.True(t, rep.Has(rules.CodePhoneRegionUnknown))

	csv, err := os.Open("../examples/icpcheck/testdata/tables/segments.csv")
	require.NoError(t, err)
	defer csv.Close()
	local, err := phonenum.Load(csv)
	require.NoError(t, err)
	rep = validate.New(validate.WithPhoneSegments(local)).Validate(context.Background(), f)
	assert.False(t, rep.Has(rules.CodePhoneRegionUnknown))
	assert.True(t, rep.OK())

	dat, err := os.ReadFile("../examples/icpcheck/testdata/tables/segments.dat")
	require.NoError(t, err)
	beijing, err := phonenum.ParsePhoneDat(dat)
	require.NoError(t, err)
	rep = validate.New(validate.WithPhoneSegments(beijing)).Validate(context.Background(), f)
	require.True(t, rep.Has(rules.CodePhoneNotLocal))
	assert.False(t, rep.OK(), "Hunan certainly wants a local mobile")

	// Nil keeps the built-in data.
	rep = validate.New(validate.WithPhoneSegments(nil)).Validate(context.Background(), f)
	assert.True(t, rep.Has(rules.CodePhoneRegionUnknown))
}

// slowRegistry answers nothing until ctx is done.
type slowRegistry struct{}

func (slowRegistry) MobileHolders(ctx context.Context, _ string) ([]beian.SubjectID, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func (slowRegistry) Subject(ctx context.Context, _ beian.SubjectID) (beian.SubjectStatus, error) {
	<-ctx.Done()
	return beian.SubjectStatus{}, ctx.Err()
}

func (slowRegistry) Domain(ctx context.Context, _ string) (beian.DomainStatus, error) {
	<-ctx.Done()
	return beian.DomainStatus{}, ctx.Err()
}

// unsupportedRegistry answers no question.
type unsupportedRegistry struct{}

func (unsupportedRegistry) MobileHolders(context.Context, string) ([]beian.SubjectID, error) {
	return nil, errors.ErrUnsupported
}

func (unsupportedRegistry) Subject(context.Context, beian.SubjectID) (beian.SubjectStatus, error) {
	return beian.SubjectStatus{}, errors.ErrUnsupported
}

// Domain does not answer either: were it slow, the validation's one
// deadline would pass before the phone rule asks its question.
func (unsupportedRegistry) Domain(context.Context, string) (beian.DomainStatus, error) {
	return beian.DomainStatus{}, errors.ErrUnsupported
}

func TestPhoneUsedByOtherSubject(t *testing.T) {
	f := load(t, "phone_used_by_other_subject.json")
	has := func(rep *validate.Report, code rules.Code) bool { return rep.Has(code) }
	skipped := func(rep *validate.Report) bool {
		for _, s := range rep.Skipped {
			if s.Code == rules.CodePhoneUsedByOtherSubject {
				return true
			}
		}
		return false
	}

	// Without a Registry the check is skipped.
	rep := validate.New().Validate(context.Background(), f)
	assert.True(t, skipped(rep))
	assert.False(t, has(rep, rules.CodePhoneUsedByOtherSubject))

	// With the records file of the example.
	rf, err := os.Open("../examples/icpcheck/testdata/tables/records.json")
	require.NoError(t, err)
	defer rf.Close()
	reg, err := validatetest.LoadRegistry(rf)
	require.NoError(t, err)
	rep = validate.New(validate.WithRegistry(reg)).Validate(context.Background(), f)
	assert.False(t, skipped(rep))
	require.Len(t, rep.ForField("subject.principal.mobile"), 1)
	assert.Equal(t, rules.CodePhoneUsedByOtherSubject, rep.ForField("subject.principal.mobile")[0].Code)

	// A slow Registry: CHECK_UNAVAILABLE within the timeout, not a lost
	// validation.
	start := time.Now()
	rep = validate.New(validate.WithRegistry(slowRegistry{}), validate.WithTimeout(20*time.Millisecond)).Validate(context.Background(), f)
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.True(t, has(rep, rules.CodeCheckUnavailable))
	assert.False(t, has(rep, rules.CodePhoneUsedByOtherSubject))
	assert.True(t, rep.OK(), "CHECK_UNAVAILABLE is a warning")

	// A Registry that does not answer the question: skipped.
	rep = validate.New(validate.WithRegistry(unsupportedRegistry{}), validate.WithTimeout(20*time.Millisecond)).Validate(context.Background(), f)
	assert.True(t, skipped(rep))
}
