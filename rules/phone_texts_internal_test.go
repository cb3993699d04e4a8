package rules

import (
	"testing"

	"github.com/icpcheck/beian/provinces"
)

// TestLocalTextsTable: the table built once gives each province its own
// texts, and a province outside it (the zero one) gets texts built for
// it.
func TestLocalTextsTable(t *testing.T) {
	for _, p := range append(provinces.All(), provinces.Province{}, provinces.Province{Code: "44", Short: "别处"}) {
		if got, want := *localTextsOf(p), buildLocalTexts(p); got != want {
			t.Errorf("%q %s: %v, want %v", p.Code, p.Short, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { localTextsOf(provinces.All()[0]) }); n != 0 {
		t.Errorf("%v allocations for a province of the table", n)
	}
}
