package validate_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// recordingRegistry answers every question at once, recording the
// deadline of each call's context and whether the call ran on the
// goroutine of Validate.
type recordingRegistry struct {
	mu        sync.Mutex
	deadlines []time.Time
	direct    []bool
}

func (r *recordingRegistry) record(ctx context.Context) {
	d, ok := ctx.Deadline()
	buf := make([]byte, 64<<10)
	stack := string(buf[:runtime.Stack(buf, false)])
	r.mu.Lock()
	defer r.mu.Unlock()
	if ok {
		r.deadlines = append(r.deadlines, d)
	} else {
		r.deadlines = append(r.deadlines, time.Time{})
	}
	r.direct = append(r.direct, strings.Contains(stack, "validate.(*Validator).Validate"))
}

func (r *recordingRegistry) MobileHolders(ctx context.Context, _ string) ([]beian.SubjectID, error) {
	r.record(ctx)
	return nil, nil
}

func (r *recordingRegistry) Subject(ctx context.Context, _ beian.SubjectID) (beian.SubjectStatus, error) {
	r.record(ctx)
	return beian.SubjectStatus{}, nil
}

func (r *recordingRegistry) Domain(ctx context.Context, _ string) (beian.DomainStatus, error) {
	r.record(ctx)
	return beian.DomainStatus{}, nil
}

// inMemoryRegistry is a recordingRegistry that says it never blocks.
type inMemoryRegistry struct{ recordingRegistry }

func (*inMemoryRegistry) NeverBlocks() {}

var _ validate.NonBlocking = (*inMemoryRegistry)(nil)

// TestOutsideOneDeadline: every outside call of a validation (the
// registry rule's and the phone rule's) shares one deadline, within the
// timeout of the validation's start; a second validation has its own. A
// registry that never blocks gets the validation's context as it is
// (TestOutsideNonBlockingContext).
func TestOutsideOneDeadline(t *testing.T) {
	f := load(t, "phone_used_by_other_subject.json")
	for _, reg := range []interface {
		beian.Registry
		calls() ([]time.Time, []bool)
	}{&recordingRegistry{}} {
		v := validate.New(validate.WithRegistry(reg), validate.WithTimeout(time.Hour))
		start := time.Now()
		rep := v.Validate(context.Background(), f)
		require.False(t, rep.Has(rules.CodeCheckUnavailable), "%T:\n%s", reg, rep)
		deadlines, _ := reg.calls()
		require.GreaterOrEqual(t, len(deadlines), 3, "%T: the subject, a domain and a mobile asked", reg)
		for _, d := range deadlines {
			assert.Equal(t, deadlines[0], d, "%T: one deadline", reg)
		}
		assert.WithinRange(t, deadlines[0], start.Add(time.Hour), time.Now().Add(time.Hour))
		v.Validate(context.Background(), f)
		again, _ := reg.calls()
		assert.True(t, again[len(again)-1].After(deadlines[0]), "%T: a new deadline for the next validation", reg)
	}
}

// TestOutsideNonBlockingContext: a registry that never blocks is called
// with the validation's own context, not one bounded by the validator's
// timeout (whose timer cost more than the in-memory call): the caller's
// deadline, if any, and cancellation reach it; nothing else is made per
// call.
func TestOutsideNonBlockingContext(t *testing.T) {
	f := load(t, "phone_used_by_other_subject.json")
	reg := &inMemoryRegistry{}
	v := validate.New(validate.WithRegistry(reg), validate.WithTimeout(time.Hour))
	rep := v.Validate(context.Background(), f)
	require.False(t, rep.Has(rules.CodeCheckUnavailable), "%s", rep)
	deadlines, _ := reg.calls()
	require.GreaterOrEqual(t, len(deadlines), 3, "the subject, a domain and a mobile asked")
	for _, d := range deadlines {
		assert.True(t, d.IsZero(), "a deadline of the validator's timeout: %v", d)
	}
	mine := time.Now().Add(time.Minute)
	ctx, cancel := context.WithDeadline(context.Background(), mine)
	defer cancel()
	v.Validate(ctx, f)
	again, _ := reg.calls()
	for _, d := range again[len(deadlines):] {
		assert.True(t, d.Equal(mine), "the caller's deadline %v, got %v", mine, d)
	}
}

// TestOutsideNonBlockingDirect: a Registry that says it never blocks is
// called on the goroutine of Validate; any other in a goroutine of its
// own.
func TestOutsideNonBlockingDirect(t *testing.T) {
	f := load(t, "phone_used_by_other_subject.json")
	mem, other := &inMemoryRegistry{}, &recordingRegistry{}
	validate.New(validate.WithRegistry(mem)).Validate(context.Background(), f)
	validate.New(validate.WithRegistry(other)).Validate(context.Background(), f)
	_, direct := mem.calls()
	require.NotEmpty(t, direct)
	for _, d := range direct {
		assert.True(t, d, "called directly")
	}
	_, direct = other.calls()
	require.NotEmpty(t, direct)
	for _, d := range direct {
		assert.False(t, d, "called in a goroutine under the deadline")
	}
}

func (r *recordingRegistry) calls() ([]time.Time, []bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Time(nil), r.deadlines...), append([]bool(nil), r.direct...)
}

// panickingMemory says it never blocks, and panics.
type panickingMemory struct{}

func (panickingMemory) NeverBlocks() {}
func (panickingMemory) MobileHolders(context.Context, string) ([]beian.SubjectID, error) {
	panic("bug")
}
func (panickingMemory) Subject(context.Context, beian.SubjectID) (beian.SubjectStatus, error) {
	panic("bug")
}
func (panickingMemory) Domain(context.Context, string) (beian.DomainStatus, error) { panic("bug") }

// TestOutsideNonBlockingPanic: called directly, a panicking Registry is
// still a CHECK_UNAVAILABLE warning of each check that asked it.
func TestOutsideNonBlockingPanic(t *testing.T) {
	f := load(t, "phone_used_by_other_subject.json")
	rep := validate.New(validate.WithRegistry(panickingMemory{})).Validate(context.Background(), f)
	var checks []string
	for _, r := range rep.Rejections {
		if r.Code == rules.CodeCheckUnavailable {
			checks = append(checks, r.Rule)
		}
	}
	assert.ElementsMatch(t, []string{"phoneholder", "registry", "registry"}, checks, "the phone rule, and the registry rule's subject and domain:\n%s", rep)
}
