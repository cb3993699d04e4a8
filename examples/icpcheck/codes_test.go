package main

import (
	"os"
	"path/filepath"
	"strings"
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
// every code a rule reports is shown by a shipped example filing: its
// golden output (the --json run) carries the code.
func TestEveryCodeShown(t *testing.T) {
	goldens, err := filepath.Glob("testdata/golden/*.txt")
	require.NoError(t, err)
	var all strings.Builder
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		require.NoError(t, err)
		all.Write(b)
	}
	text := all.String()
	for _, c := range rules.Codes() {
		if _, ok := shownByTestsOnly[c]; ok {
			continue
		}
		if !strings.Contains(text, `"code":"`+string(c)+`"`) {
			t.Errorf("no shipped example filing shows %s: add one under testdata/ and run go test ./examples/icpcheck -update", c)
		}
	}
}
