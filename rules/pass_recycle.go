package rules

import "github.com/icpcheck/beian"

// Recycle clears p for a pool of passes, as *p = Pass{} would, but keeps
// the memory of its skipped checks, cleared, for the passes after the
// next Reset to record theirs in, and leaves Province and Policy, which
// Reset sets (they hold the province table's and the policies', no
// filing's). The caller must no longer hold the slice Skipped returned
// (an engine that copied it into its report); the slice of Rejections is
// left to whoever holds it.
//
// Clearing writes each pointer of what it clears through the garbage
// collector's write barrier while a collection marks: the parts of the
// pass with room for many entries (website names, domains, the names'
// memo: some 2 KB), of which a validation uses a few, are cleared as far
// as it used them. TestRecycleClearsAll holds it to *p = Pass{}.
func (p *Pass) Recycle() {
	spare := p.skipped
	if spare == nil {
		spare = p.spareSkips
	}
	if cap(spare) > maxSpareSkips {
		spare = nil // a pool keeps no large filing's memory
	}
	clear(spare) // what the rules skipped holds no filing in the pool
	last, units, lastArgs := len(p.rejections), filingUnits(p.Filing), p.argCount
	lastPaths, lastFixes := p.paths.count, p.fixes.count
	p.Rule, p.Filing, p.Raw, p.Config, p.Today = nil, nil, nil, nil, beian.Date{}
	p.passState = passState{}
	p.siteNames.clearUsed()
	p.domains.clearUsed()
	p.spareSkips, p.lastCount, p.lastUnits, p.lastArgs, p.recycled = spare[:0], last, units, lastArgs, true
	p.paths.last, p.fixes.last = lastPaths, lastFixes
}

// clearUsed makes c the zero siteNames, clearing the names it holds in
// place (small, when list is a slice of it) and the memo as far as they
// were written.
func (c *siteNames) clearUsed() {
	if len(c.list) <= len(c.small) {
		clear(c.small[:len(c.list)])
	}
	c.list = nil
	c.memo.Clear()
}

// clearUsed makes c the zero parsedDomains, clearing the n domains it
// holds in place.
func (c *parsedDomains) clearUsed() {
	clear(c.small[:c.n])
	c.n, c.more, c.list = 0, nil, nil
}
