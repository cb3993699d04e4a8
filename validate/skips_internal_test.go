package validate

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
