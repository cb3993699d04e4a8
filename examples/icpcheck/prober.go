//go:build icpcheck_probe

package main

import (
	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/probe"
)

// withProber is true in a build with -tags icpcheck_probe: --probe works,
// and the program links package validate/probe, and with it net/http and
// crypto/tls.
const withProber = true

// newProber returns the prober --probe configures.
func newProber() beian.Prober { return probe.New() }
