package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules"
)

// shownByTestsOnly are the codes no shipped filing can show, each with the
// reason; the tests of their rules show them.
var shownByTestsOnly = map[rules.Code]string{
	rules.CodeSiteOnlineBeforeApproval: "needs a live site: shown by the Prober tests on loopback",
	rules.CodeSiteFooterMissing:        "needs a live site: shown by the Prober tests on loopback",
	rules.CodeSiteTitleMismatch:        "needs a live site: shown by the Prober tests on loopback",
	rules.CodeValueUnknown:             "a Go caller's unknown enum value; JSON input with one is refused by the decoder",
	rules.CodeCheckUnavailable:         "an outside call that fails: shown by the engine's tests with failing and blocking fakes",
}

// TestEveryCodeShown requires, as go/types does of its error codes, that
// every code a rule reports is shown by a shipped example filing: its want
// file (testdata/NAME.want, checked by TestWant) lists the code.
func TestEveryCodeShown(t *testing.T) {
	shown := map[rules.Code]bool{}
	for _, name := range exampleFilings(t) {
		data, err := os.ReadFile(filepath.Join("testdata", name+".want"))
		require.NoError(t, err)
		wants, _, err := parseWants(bytes.NewReader(data))
		require.NoError(t, err, name)
		for _, w := range wants {
			shown[w.code] = true
		}
	}
	for _, c := range rules.Codes() {
		if _, ok := shownByTestsOnly[c]; ok {
			continue
		}
		if !shown[c] {
			t.Errorf("no shipped example filing shows %s: add one under testdata/ with its want file (see testdata/README.md)", c)
		}
	}
}
