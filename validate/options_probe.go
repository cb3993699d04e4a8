package validate

import "github.com/icpcheck/beian/validate/probe"

// WithDefaultProber lets the validator look at live sites with the
// default prober of package validate/probe: the system resolver, HTTPS
// then HTTP, redirects within the domain, a 1 MiB page limit and no
// connections to non-public addresses. Like [WithProber], it makes the
// validator go on the network: leave it out where that is not wanted.
func WithDefaultProber() Option {
	return WithProber(probe.New())
}
