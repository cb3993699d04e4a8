package main

import (
	"io"
	"log/slog"
	"sync"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/icpcheck/beian/rules"
)

// TestRejectionCounters: the counter metrics.rejection gives for a code
// and severity is the series beian_rejections_total{code,severity} of
// that code and severity, over the whole class: every declared code (found
// by its index) at every severity, an undeclared code, and severities out
// of range (found in the sync.Map), each asked from several goroutines
// at once, the first time and again. Made to fail by indexing a code's
// counters by the severity itself (out of range for Error), and by
// giving a code's counter another severity's label.
func TestRejectionCounters(t *testing.T) {
	m := newMetrics(slog.New(slog.NewTextHandler(io.Discard, nil)))
	codes := append(rules.Codes(), "UNDECLARED_CODE")
	sevs := []rules.Severity{rules.Notice, rules.Warning, rules.Error, 0, rules.Error + 1}
	for round := range 2 {
		var wg sync.WaitGroup
		got := make([][][]prometheus.Counter, 4)
		for g := range got {
			got[g] = make([][]prometheus.Counter, len(codes))
			wg.Go(func() {
				for i, code := range codes {
					for _, sev := range sevs {
						got[g][i] = append(got[g][i], m.rejection(code, sev))
					}
				}
			})
		}
		wg.Wait()
		for i, code := range codes {
			for k, sev := range sevs {
				want := m.rejections.WithLabelValues(string(code), sev.String())
				for g := range got {
					if c := got[g][i][k]; c != want {
						t.Fatalf("round %d: %s %v: not the series of its labels (%v)", round, code, sev, labels(c))
					}
				}
			}
		}
	}
}

// labels returns the label pairs of a counter.
func labels(c prometheus.Counter) []*dto.LabelPair {
	var d dto.Metric
	if err := c.Write(&d); err != nil {
		return nil
	}
	return d.GetLabel()
}
