package validate

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// skippedAsBefore returns the skipped checks of v validating f as the
// engine found them before New sorted the missing help's once: every
// rule in order, its checks skipped when its help is missing, then the
// report's sort.
func skippedAsBefore(v *Validator, f *beian.Filing) []rules.Skip {
	clean := rules.CleanText(f)
	today := f.SubmittedAt
	if today.IsZero() {
		today = beian.DateOf(v.clock())
	}
	pass := rules.NewPass(context.Background(), f, clean, &v.cfg, today)
	for _, r := range v.rules {
		pass.Rule = r
		if missing := v.missing(r.Needs); missing != (rules.Text{}) {
			for _, c := range r.Codes {
				pass.Skip(c, missing)
			}
			continue
		}
		run(pass, r)
	}
	pass.Finish()
	return newReport(pass.Rejections(), pass.Skipped(), v.lang).Skipped
}

// TestSkippedAsBefore checks, for every example filing, offline and with
// outside help, that the skipped checks are what they were when each
// validation sorted them all.
func TestSkippedAsBefore(t *testing.T) {
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	if err != nil || len(files) < 10 {
		t.Fatalf("%d files: %v", len(files), err)
	}
	validators := map[string]*Validator{
		"offline":  New(),
		"registry": New(WithRegistry(emptyRegistry{})),
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := beian.ParseFiling(data)
		if err != nil {
			continue // the examples of decoding errors
		}
		for name, v := range validators {
			got := v.Validate(context.Background(), f).Skipped
			want := skippedAsBefore(v, f)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: skipped\n%v\nwant\n%v", file, name, got, want)
			}
		}
	}
}

// emptyRegistry knows no records.
type emptyRegistry struct{}

func (emptyRegistry) MobileHolders(context.Context, string) ([]beian.SubjectID, error) {
	return nil, nil
}

func (emptyRegistry) Subject(context.Context, beian.SubjectID) (beian.SubjectStatus, error) {
	return beian.SubjectStatus{}, nil
}

func (emptyRegistry) Domain(context.Context, string) (beian.DomainStatus, error) {
	return beian.DomainStatus{}, nil
}

// TestMergeSkipsAsRuleOrder holds mergeSkips to the list it replaces:
// each rule's checks skipped for want of help, then those it skipped as
// it ran, in rule order, sorted and one per code by newReport. Random
// rule sets share codes among rules that lack help and rules that run
// and skip, so that one code comes both ways, in either order.
func TestMergeSkipsAsRuleOrder(t *testing.T) {
	codes := []rules.Code{"A", "B", "C", "D", "E", "F", "G", "H"}
	rng := rand.New(rand.NewPCG(3, 4))
	merged := 0
	for trial := range 20000 {
		nrules := 1 + rng.IntN(12)
		v := &Validator{}
		rs := make([]*rules.Rule, nrules)
		for i := range rs {
			r := &rules.Rule{Name: fmt.Sprint("r", i)}
			if rng.IntN(3) == 0 {
				r.Needs = rules.NeedsRegistry
			}
			for range 1 + rng.IntN(3) {
				r.Codes = append(r.Codes, codes[rng.IntN(len(codes))])
			}
			rs[i] = r
		}
		v.rules = rs
		v.skips = v.missingSkips(nil)
		slices.SortStableFunc(v.skips, compareSkips)
		v.skips = slices.Clip(slices.CompactFunc(v.skips, sameSkipCode))
		v.skipRules = missingRules(v.rules, v.skips, v.lacks)
		// The running rules skip some of their codes (or others), with a
		// reason of their own.
		var skipped []rules.Skip
		var ends []int
		var inOrder []rules.Skip
		for i, r := range rs {
			inOrder = v.appendMissing(inOrder, r)
			if !v.lacks(r.Needs) {
				for range rng.IntN(4) {
					s := rules.Skip{Code: codes[rng.IntN(len(codes))], Rule: r.Name, Reason: rules.Text{ZH: fmt.Sprint(trial, i), EN: "ran"}}
					skipped = append(skipped, s)
					inOrder = append(inOrder, s)
				}
			}
			ends = append(ends, len(skipped))
		}
		want := newReport(nil, inOrder, v.lang).Skipped
		got, ok := mergeSkips(v.skips, v.skipRules, skipped, ends)
		if !ok {
			t.Fatalf("trial %d: %d skipped, refused", trial, len(skipped))
		}
		if len(skipped) > 0 {
			merged++
		}
		if !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Fatalf("trial %d: rules %v\nskipped %v\ngot  %v\nwant %v", trial, rs, skipped, got, want)
		}
	}
	if merged < 10000 {
		t.Errorf("only %d trials had skipped checks to merge", merged)
	}
	long := make([]rules.Skip, 65)
	if _, ok := mergeSkips(nil, nil, long, []int{65}); ok {
		t.Error("65 skipped checks: merged, over the buffer")
	}
}

// TestReportSkippingAsNewReport holds newReportSkipping, the report of a
// validation whose rules skipped nothing, to newReport over sorted skip
// lists of every length from none to 16, with and
// without rejections: the same report, and one that does not share the
// validator's skips.
func TestReportSkippingAsNewReport(t *testing.T) {
	var codes []rules.Code
	for _, r := range rules.All() {
		codes = append(codes, r.Codes...)
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	if len(codes) < 16 {
		t.Fatalf("only %d codes", len(codes))
	}
	rejections := func() []rules.Rejection {
		return []rules.Rejection{
			{Code: rules.CodeFieldRequired, Severity: rules.Error, Field: "subject.name"},
			{Code: rules.CodeFieldRequired, Severity: rules.Error, Field: "province"},
			{Code: rules.CodeFieldRequired, Severity: rules.Warning, Field: "province"},
		}
	}
	for n := 0; n <= 16; n++ {
		own := make([]rules.Skip, n)
		for i := range own {
			own[i] = rules.Skip{Code: codes[i*len(codes)/(n+1)], Rule: "r", Reason: rules.Text{ZH: "无", EN: "none"}}
		}
		if !slices.IsSortedFunc(own, compareSkips) {
			t.Fatalf("%d: test skips not sorted", n)
		}
		kept := slices.Clone(own)
		for _, rs := range [][]rules.Rejection{nil, rejections()} {
			// As Validate did: the pass's (nil) skips with the validator's appended.
			want := newReport(slices.Clone(rs), append([]rules.Skip(nil), own...), language.English)
			got := newReportSkipping(slices.Clone(rs), own, language.English)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%d skips, %d rejections:\n%+v\nwant\n%+v", n, len(rs), got, want)
			}
			if n > 0 {
				got.Skipped[0].Code = "CHANGED"
				got.Skipped = append(got.Skipped, rules.Skip{Code: "MORE"})
			}
			if !reflect.DeepEqual(own, kept) {
				t.Fatalf("%d skips: the report shares the validator's skips", n)
			}
		}
	}
}
