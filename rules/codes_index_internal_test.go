package rules

import "testing"

// TestCodeIndexSpread: the index of the declared codes finds them in few
// probes on average, and each at its own description (made to fail by
// hashing the code's length alone).
func TestCodeIndexSpread(t *testing.T) {
	codes := make([]string, len(descriptions))
	for i := range descriptions {
		codes[i] = string(descriptions[i].Code)
	}
	if p := descriptionIndex().Probes(codes); p > 1.5 {
		t.Errorf("%.2f probes a code on average, want at most 1.5", p)
	}
	for i := range descriptions {
		if d := describe(descriptions[i].Code); d != &descriptions[i] {
			t.Errorf("%s: describe gives %v", descriptions[i].Code, d)
		}
		if got, want := defaultsOf(descriptions[i].Code), (codeDefault{descriptions[i].Severity, sourceOf(sourceKeysOf(descriptions[i].Code), true)}); got != want {
			t.Errorf("%s: defaults %+v, want %+v", descriptions[i].Code, got, want)
		}
	}
	if d := describe("NOT_A_CODE"); d != nil {
		t.Errorf("an undeclared code is described: %v", d)
	}
}
