package beian

// Clone returns a deep copy of f: changing the copy leaves f as it was.
//
// The lists inside the websites and apps (their domains, content
// categories, pre-approvals, platforms and principals) are copied into one
// backing array per kind for the whole filing, each a sub-slice whose
// capacity is its length: a filing of 1,000 websites takes a handful of
// allocations instead of one per website and list, and appending to one
// website's list reallocates it as before, never writing over the next.
func (f *Filing) Clone() *Filing {
	c := *f
	c.Websites = cloneSlice(f.Websites)
	c.Apps = cloneSlice(f.Apps)
	c.Domains = cloneSlice(f.Domains)
	c.Documents = cloneSlice(f.Documents)

	// How much each backing array holds.
	var nDomains, nCategories, nApprovals, nPrincipals, nPlatforms int
	for i := range c.Websites {
		w := &c.Websites[i]
		nDomains += len(w.Domains)
		nCategories += len(w.ContentCategories)
		nApprovals += len(w.PreApprovals)
		if w.Principal != nil {
			nPrincipals++
		}
	}
	for i := range c.Apps {
		a := &c.Apps[i]
		nPlatforms += len(a.Platforms)
		for k := range a.Platforms {
			nDomains += len(a.Platforms[k].Domains)
		}
		nCategories += len(a.ContentCategories)
		nApprovals += len(a.PreApprovals)
		if a.Principal != nil {
			nPrincipals++
		}
	}
	domains := backing[string]{n: nDomains}
	categories := backing[ContentCategory]{n: nCategories}
	approvals := backing[PreApproval]{n: nApprovals}
	principals := backing[Principal]{n: nPrincipals}
	platforms := backing[AppPlatform]{n: nPlatforms}

	for i := range c.Websites {
		w := &c.Websites[i]
		w.Domains = domains.copy(w.Domains)
		w.ContentCategories = categories.copy(w.ContentCategories)
		w.PreApprovals = approvals.copy(w.PreApprovals)
		w.Principal = principals.copyOne(w.Principal)
	}
	for i := range c.Apps {
		a := &c.Apps[i]
		a.Platforms = platforms.copy(a.Platforms)
		for k := range a.Platforms {
			a.Platforms[k].Domains = domains.copy(a.Platforms[k].Domains)
		}
		a.ContentCategories = categories.copy(a.ContentCategories)
		a.PreApprovals = approvals.copy(a.PreApprovals)
		a.Principal = principals.copyOne(a.Principal)
	}
	return &c
}

// cloneSlice copies s, keeping the difference between nil and empty.
func cloneSlice[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(make(S, 0, len(s)), s...)
}

// backing hands out copies of slices from one array of n elements,
// allocated at the first copy: each copy a sub-slice whose capacity is its
// length. Copies of nil stay nil, and of empty slices empty (not nil).
type backing[E any] struct {
	buf []E
	n   int
}

func (b *backing[E]) copy(s []E) []E {
	if s == nil {
		return nil
	}
	if b.buf == nil {
		b.buf = make([]E, b.n)
	}
	n := copy(b.buf, s)
	c := b.buf[:n:n]
	b.buf = b.buf[n:]
	return c
}

func (b *backing[E]) copyOne(p *E) *E {
	if p == nil {
		return nil
	}
	if b.buf == nil {
		b.buf = make([]E, b.n)
	}
	c := &b.buf[0]
	*c = *p
	b.buf = b.buf[1:]
	return c
}
