//go:build !icpcheck_noprobe

package main

import (
	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/probe"
)

// withProber is true in the default build: --probe works. Built with
// -tags icpcheck_noprobe, the program leaves package validate/probe out,
// and with it net/http and crypto/tls (noprober.go).
const withProber = true

// newProber returns the prober --probe configures.
func newProber() beian.Prober { return probe.New() }
