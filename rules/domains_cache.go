package rules

import (
	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/domain"
)

// parsedDomains remembers the domains one pass has parsed: several rules
// (domain, domainholder) read the same website domains and records, and
// parsing one costs a public-suffix lookup. A few are kept in place, more
// in a list found through a map, so that the cost stays linear in the
// filing's size: the map holds an index for each (its slots sized for
// every domain of the filing, most of which are listed twice, by a
// website and by its record), and the list grows with what is parsed.
type parsedDomains struct {
	small [8]parsedDomain
	n     int
	more  map[string]int32 // raw → index in list
	list  []parsedDomain
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
	if k, ok := c.more[raw]; ok {
		e := &c.list[k]
		return e.d, e.err
	}
	d, err := domain.Parse(raw)
	e := parsedDomain{raw, d, err}
	if c.n < len(c.small) {
		c.small[c.n] = e
		c.n++
	} else {
		if c.more == nil {
			// Sized for every domain of the filing, so that a filing of
			// many websites does not grow the map through a dozen copies.
			c.more = make(map[string]int32, max(filingDomains(p.Filing)-len(c.small), 0))
		}
		c.more[raw] = int32(len(c.list))
		c.list = append(c.list, e)
	}
	return d, err
}

// filingDomains returns how many domains f lists: its websites', its
// apps' platforms' and its domain records (the domains ParseDomain is
// asked of, most of them more than once).
func filingDomains(f *beian.Filing) int {
	if f == nil {
		return 0
	}
	n := len(f.Domains)
	for i := range f.Websites {
		n += len(f.Websites[i].Domains)
	}
	for i := range f.Apps {
		for j := range f.Apps[i].Platforms {
			n += len(f.Apps[i].Platforms[j].Domains)
		}
	}
	return n
}

// hostParses reports whether domain.Parse accepts host, read once per
// pass (ParseDomain): contact.ParseEmailHosts asks it of an address's
// plain domain.
func (p *Pass) hostParses(host string) bool {
	_, err := p.ParseDomain(host)
	return err == nil
}
