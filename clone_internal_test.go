package beian

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// cloneReference is Clone as it was before the backing arrays: every list
// of every website and app copied on its own.
func cloneReference(f *Filing) *Filing {
	c := *f
	c.Websites = cloneSlice(f.Websites)
	for i := range c.Websites {
		w := &c.Websites[i]
		w.Domains = cloneSlice(w.Domains)
		w.ContentCategories = cloneSlice(w.ContentCategories)
		w.PreApprovals = cloneSlice(w.PreApprovals)
		if w.Principal != nil {
			p := *w.Principal
			w.Principal = &p
		}
	}
	c.Apps = cloneSlice(f.Apps)
	for i := range c.Apps {
		a := &c.Apps[i]
		a.Platforms = cloneSlice(a.Platforms)
		for k := range a.Platforms {
			a.Platforms[k].Domains = cloneSlice(a.Platforms[k].Domains)
		}
		a.ContentCategories = cloneSlice(a.ContentCategories)
		a.PreApprovals = cloneSlice(a.PreApprovals)
		if a.Principal != nil {
			p := *a.Principal
			a.Principal = &p
		}
	}
	c.Domains = cloneSlice(f.Domains)
	c.Documents = cloneSlice(f.Documents)
	return &c
}

// randomList returns nil, an empty list or one of 1–3 elements made by
// elem.
func randomList[E any](rng *rand.Rand, elem func(int) E) []E {
	switch rng.IntN(4) {
	case 0:
		return nil
	case 1:
		return []E{}
	}
	s := make([]E, 1+rng.IntN(3))
	for i := range s {
		s[i] = elem(i)
	}
	return s
}

func randomFiling(rng *rand.Rand) *Filing {
	str := func(p string) func(int) string { return func(i int) string { return fmt.Sprint(p, i, rng.IntN(100)) } }
	cat := func(i int) ContentCategory { return ContentCategory(fmt.Sprint("c", i)) }
	appr := func(i int) PreApproval { return PreApproval{Category: cat(i), Number: fmt.Sprint(i)} }
	principal := func() *Principal {
		if rng.IntN(2) == 0 {
			return nil
		}
		return &Principal{Name: fmt.Sprint("p", rng.IntN(100)), Mobile: "13800138000"}
	}
	f := &Filing{Province: "广东"}
	f.Websites = randomList(rng, func(i int) Website {
		return Website{Name: fmt.Sprint("w", i), Domains: randomList(rng, str("d")), ContentCategories: randomList(rng, cat),
			PreApprovals: randomList(rng, appr), Principal: principal()}
	})
	f.Apps = randomList(rng, func(i int) App {
		return App{Name: fmt.Sprint("a", i), Platforms: randomList(rng, func(k int) AppPlatform {
			return AppPlatform{Package: fmt.Sprint("pkg", k), Domains: randomList(rng, str("ad"))}
		}), ContentCategories: randomList(rng, cat), PreApprovals: randomList(rng, appr), Principal: principal()}
	})
	f.Domains = randomList(rng, func(i int) DomainRecord { return DomainRecord{Domain: fmt.Sprint("r", i)} })
	f.Documents = randomList(rng, func(i int) Document { return Document{Owner: fmt.Sprint("o", i)} })
	return f
}

// lists returns every list of f that Clone copies, as reflect values, in
// one order.
func lists(f *Filing) []reflect.Value {
	out := []reflect.Value{reflect.ValueOf(f.Websites), reflect.ValueOf(f.Apps), reflect.ValueOf(f.Domains), reflect.ValueOf(f.Documents)}
	for _, w := range f.Websites {
		out = append(out, reflect.ValueOf(w.Domains), reflect.ValueOf(w.ContentCategories), reflect.ValueOf(w.PreApprovals))
	}
	for _, a := range f.Apps {
		out = append(out, reflect.ValueOf(a.Platforms), reflect.ValueOf(a.ContentCategories), reflect.ValueOf(a.PreApprovals))
		for _, p := range a.Platforms {
			out = append(out, reflect.ValueOf(p.Domains))
		}
	}
	return out
}

// TestCloneAsReference: Clone, with its backing arrays, equals the clone
// of every list on its own over 3,000 random filings (nil, empty and full
// lists, with and without principals): the same values, nil where nil,
// each list's capacity its length; and after appending to every list of
// the clone and writing over every element and principal of it, the
// original is unchanged and so is every other list of the clone.
func TestCloneAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 20))
	for n := range 3000 {
		f := randomFiling(rng)
		orig := cloneReference(f)
		c, want := f.Clone(), cloneReference(f)
		if !reflect.DeepEqual(c, want) {
			t.Fatalf("filing %d: clone\n%+v\nwant\n%+v", n, c, want)
		}
		for i, l := range lists(c) {
			w := lists(want)[i]
			if l.IsNil() != w.IsNil() || l.Cap() != w.Cap() {
				t.Fatalf("filing %d, list %d: nil %v cap %d, want nil %v cap %d", n, i, l.IsNil(), l.Cap(), w.IsNil(), w.Cap())
			}
		}
		// Append to each list of the clone in turn: no other list of
		// the clone, nor the original, changes.
		for i := range c.Websites {
			ws := &c.Websites[i]
			ws.Domains = append(ws.Domains, "x")
			ws.ContentCategories = append(ws.ContentCategories, "x")
			ws.PreApprovals = append(ws.PreApprovals, PreApproval{Number: "x"})
			want.Websites[i].Domains = append(want.Websites[i].Domains, "x")
			want.Websites[i].ContentCategories = append(want.Websites[i].ContentCategories, "x")
			want.Websites[i].PreApprovals = append(want.Websites[i].PreApprovals, PreApproval{Number: "x"})
		}
		for i := range c.Apps {
			a := &c.Apps[i]
			for k := range a.Platforms {
				a.Platforms[k].Domains = append(a.Platforms[k].Domains, "x")
				want.Apps[i].Platforms[k].Domains = append(want.Apps[i].Platforms[k].Domains, "x")
			}
			a.ContentCategories = append(a.ContentCategories, "x")
			a.PreApprovals = append(a.PreApprovals, PreApproval{Number: "x"})
			want.Apps[i].ContentCategories = append(want.Apps[i].ContentCategories, "x")
			want.Apps[i].PreApprovals = append(want.Apps[i].PreApprovals, PreApproval{Number: "x"})
		}
		if !reflect.DeepEqual(c, want) {
			t.Fatalf("filing %d: appending to the clone's lists\n%+v\nwant\n%+v", n, c, want)
		}
		// Write over every element and principal of the clone.
		for i := range c.Websites {
			w := &c.Websites[i]
			for j := range w.Domains {
				w.Domains[j] = "y"
			}
			for j := range w.ContentCategories {
				w.ContentCategories[j] = "y"
			}
			for j := range w.PreApprovals {
				w.PreApprovals[j].Number = "y"
			}
			if w.Principal != nil {
				w.Principal.Name = "y"
			}
		}
		for i := range c.Apps {
			a := &c.Apps[i]
			for k := range a.Platforms {
				a.Platforms[k].Package = "y"
				for j := range a.Platforms[k].Domains {
					a.Platforms[k].Domains[j] = "y"
				}
			}
			if a.Principal != nil {
				a.Principal.Name = "y"
			}
		}
		if !reflect.DeepEqual(f, orig) {
			t.Fatalf("filing %d: writing over the clone changed the original", n)
		}
	}
}

// TestCloneAllocations: a filing of 100 websites, each with a domain,
// a content category and a principal, clones in a handful of allocations
// (made to fail by one per website).
func TestCloneAllocations(t *testing.T) {
	f := &Filing{}
	for i := range 100 {
		f.Websites = append(f.Websites, Website{Domains: []string{fmt.Sprint("d", i)}, ContentCategories: []ContentCategory{"c"}, Principal: &Principal{Name: "p"}})
	}
	if n := testing.AllocsPerRun(20, func() { f.Clone() }); n > 5 {
		t.Errorf("%.0f allocations to clone 100 websites", n)
	}
}
