package rules

import "github.com/icpcheck/beian/rules/domain"

// parsedDomains remembers the domains one pass has parsed: several rules
// (domain, domainholder) read the same website domains and records, and
// parsing one costs a public-suffix lookup. A few are kept in place, more
// in a map, so that the cost stays linear in the filing's size.
type parsedDomains struct {
	small [8]parsedDomain
	n     int
	more  map[string]parsedDomain
}

type parsedDomain struct {
	raw string
	d   domain.Domain
	err error
}

// ParseDomain returns domain.Parse(raw), parsed once per pass.
func (p *Pass) ParseDomain(raw string) (domain.Domain, error) {
	c := &p.domains
	for i := range c.small[:c.n] {
		if e := &c.small[i]; e.raw == raw {
			return e.d, e.err
		}
	}
	if e, ok := c.more[raw]; ok {
		return e.d, e.err
	}
	d, err := domain.Parse(raw)
	e := parsedDomain{raw, d, err}
	if c.n < len(c.small) {
		c.small[c.n] = e
		c.n++
	} else {
		if c.more == nil {
			c.more = make(map[string]parsedDomain)
		}
		c.more[raw] = e
	}
	return d, err
}

// hostParses reports whether domain.Parse accepts host, read once per
// pass (ParseDomain): contact.ParseEmailHosts asks it of an address's
// plain domain.
func (p *Pass) hostParses(host string) bool {
	_, err := p.ParseDomain(host)
	return err == nil
}
