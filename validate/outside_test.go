package validate_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// fakeOutside is a Registry and a Prober whose behaviour is chosen by the
// mobile or domain it is asked about: "ok", "slow" (sleeps, ignoring its
// context), "fail", "panic", or "block" (waits for release, ignoring its
// context).
type fakeOutside struct {
	release chan struct{}
	mu      sync.Mutex
	calls   int
}

func (f *fakeOutside) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func newFakeOutside() *fakeOutside { return &fakeOutside{release: make(chan struct{})} }

func (f *fakeOutside) behave(key string) error {
	f.mu.Lock()
	f.calls++
	f.mu.Unlock()
	switch key {
	case "slow":
		time.Sleep(time.Millisecond)
	case "fail":
		return errors.New("registry down")
	case "panic":
		panic("fake registry bug")
	case "block":
		<-f.release
	}
	return nil
}

func (f *fakeOutside) MobileHolders(_ context.Context, mobile string) ([]beian.SubjectID, error) {
	if err := f.behave(mobile); err != nil {
		return nil, err
	}
	return []beian.SubjectID{{Name: "其他公司"}}, nil
}

func (f *fakeOutside) Subject(_ context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	return beian.SubjectStatus{}, f.behave(id.CertNumber)
}

func (f *fakeOutside) Domain(_ context.Context, domain string) (beian.DomainStatus, error) {
	return beian.DomainStatus{}, f.behave(domain)
}

func (f *fakeOutside) Probe(_ context.Context, domain string) (beian.ProbeResult, error) {
	return beian.ProbeResult{Reachable: true}, f.behave(domain)
}

// outsideRules call each outside method once; a call's error is the
// rule's, which the engine reports as CHECK_UNAVAILABLE.
var outsideRules = []*rules.Rule{
	{Name: "fake_mobile", Doc: "asks the registry about the mobile", Codes: []rules.Code{rules.CodePhoneUsedByOtherSubject}, Needs: rules.NeedsRegistry,
		Run: func(p *rules.Pass) error {
			holders, err := p.Config.Registry.MobileHolders(p.Context(), p.Filing.Subject.Principal.Mobile)
			if len(holders) > 0 {
				p.Report("subject.principal.mobile", rules.CodePhoneUsedByOtherSubject, rules.Str("number", "x"))
			}
			return err
		}},
	{Name: "fake_subject", Doc: "asks the registry about the subject", Codes: []rules.Code{rules.CodeMIITRecordExists}, Needs: rules.NeedsRegistry,
		Run: func(p *rules.Pass) error {
			_, err := p.Config.Registry.Subject(p.Context(), beian.SubjectID{CertNumber: p.Filing.Subject.Principal.Mobile})
			return err
		}},
	{Name: "fake_domain", Doc: "asks the registry about the domain", Codes: []rules.Code{rules.CodeFilingTypeWrong}, Needs: rules.NeedsRegistry,
		Run: func(p *rules.Pass) error {
			_, err := p.Config.Registry.Domain(p.Context(), p.Filing.Websites[0].Domains[0])
			return err
		}},
	{Name: "fake_probe", Doc: "probes the site", Codes: []rules.Code{rules.CodeSiteOnlineBeforeApproval}, Needs: rules.NeedsProber,
		Run: func(p *rules.Pass) error {
			_, err := p.Config.Prober.Probe(p.Context(), p.Filing.Websites[0].Domains[0])
			return err
		}},
}

func outsideFiling(registryKey, proberKey string) *beian.Filing {
	return &beian.Filing{
		Subject:  beian.Subject{Principal: beian.Principal{Mobile: registryKey}},
		Websites: []beian.Website{{Domains: []string{proberKey}}},
	}
}

// unavailable returns the rules reported as CHECK_UNAVAILABLE.
func unavailable(rep *validate.Report) map[string]bool {
	out := map[string]bool{}
	for _, r := range rep.Rejections {
		if r.Code == rules.CodeCheckUnavailable {
			out[r.Rule] = true
			for _, a := range r.Args {
				if a.Name == "check" {
					out[a.Value.EN] = true
				}
			}
		}
	}
	return out
}

// waitGoroutines waits until no more goroutines run than base.
func waitGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines left, %d before:\n%s", runtime.NumGoroutine(), base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestOutsideDeadlineKept: a Registry and a Prober that block, ignoring
// their context, cannot hold Validate past the timeout; their goroutines
// end once they return.
func TestOutsideDeadlineKept(t *testing.T) {
	base := runtime.NumGoroutine()
	fake := newFakeOutside()
	v := validate.New(validate.WithRules(outsideRules...), validate.WithRegistry(fake), validate.WithProber(fake),
		validate.WithTimeout(20*time.Millisecond))
	done := make(chan *validate.Report)
	go func() { done <- v.Validate(context.Background(), outsideFiling("block", "block")) }()
	var rep *validate.Report
	select {
	case rep = <-done:
	case <-time.After(30 * time.Second):
		close(fake.release)
		t.Fatal("Validate did not return while the registry blocked")
	}
	got := unavailable(rep)
	for _, r := range outsideRules {
		assert.True(t, got[r.Name], "%s not reported as CHECK_UNAVAILABLE", r.Name)
	}
	// The four abandoned calls still run: they end when the fakes return.
	assert.Greater(t, runtime.NumGoroutine(), base)
	close(fake.release)
	waitGoroutines(t, base)
}

// TestOutsideCallerDeadline: the validation's own context bounds the
// calls too, and an expired context makes no call at all.
func TestOutsideCallerDeadline(t *testing.T) {
	base := runtime.NumGoroutine()
	fake := newFakeOutside()
	v := validate.New(validate.WithRules(outsideRules...), validate.WithRegistry(fake), validate.WithProber(fake),
		validate.WithTimeout(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	rep := v.Validate(ctx, outsideFiling("block", "block"))
	assert.Len(t, unavailable(rep), len(outsideRules))
	calls := fake.count()

	expired, cancel2 := context.WithCancel(context.Background())
	cancel2()
	rep = v.Validate(expired, outsideFiling("ok", "ok"))
	assert.Len(t, unavailable(rep), len(outsideRules))
	assert.Equal(t, calls, fake.count(), "no call under an expired context")
	close(fake.release)
	waitGoroutines(t, base)
}

// TestOutsideConcurrent shares one validator among many goroutines whose
// fakes are slow, failing, panicking, blocking or fine; run it with -race.
func TestOutsideConcurrent(t *testing.T) {
	base := runtime.NumGoroutine()
	fake := newFakeOutside()
	v := validate.New(validate.WithRules(outsideRules...), validate.WithRegistry(fake), validate.WithProber(fake),
		validate.WithTimeout(500*time.Millisecond)) // time enough for "ok" and "slow" on a loaded machine
	keys := []string{"ok", "slow", "fail", "panic", "block"}
	var wg sync.WaitGroup
	errs := make(chan error, 64*len(keys))
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range len(keys) {
				reg, prob := keys[(g+i)%len(keys)], keys[(g+2*i)%len(keys)]
				rep := v.Validate(context.Background(), outsideFiling(reg, prob))
				got := unavailable(rep)
				wantReg := reg != "ok" && reg != "slow"
				wantProbe := prob != "ok" && prob != "slow"
				if got["fake_mobile"] != wantReg || got["fake_probe"] != wantProbe {
					errs <- fmt.Errorf("registry %s, prober %s: unavailable %v", reg, prob, got)
				}
				if reg == "ok" && !rep.Has(rules.CodePhoneUsedByOtherSubject) {
					errs <- fmt.Errorf("registry ok: the answer was lost")
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	close(fake.release)
	waitGoroutines(t, base)
}

// TestOutsidePanicIsUnavailable: a panicking Registry is a warning with
// the panic's text, not a crash.
func TestOutsidePanicIsUnavailable(t *testing.T) {
	fake := newFakeOutside()
	v := validate.New(validate.WithRules(outsideRules[0]), validate.WithRegistry(fake))
	rep := v.Validate(context.Background(), outsideFiling("panic", "ok"))
	require.True(t, rep.Has(rules.CodeCheckUnavailable))
	assert.True(t, rep.OK(), "CHECK_UNAVAILABLE is a warning")
	assert.Contains(t, rep.Rejections[0].Message(language.English), "panicked")
}
