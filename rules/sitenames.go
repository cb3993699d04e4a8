package rules

import (
	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// siteNames holds the normalised name of each website of a pass, computed
// on first use: the sitename and content rules both read them, and
// normalising costs more than either rule's own checks. A filing of a few
// websites keeps them in the Pass itself, without an allocation.
type siteNames struct {
	small [4]siteName
	list  []siteName
	// memo shares the lexicon answers of one name's segmentation among
	// the dictionaries that read it (banned prefixes, sensitive words,
	// personal sites' words, pre-approval hints). It is per pass: Reset
	// clears it with the pass, so that nothing learnt of one filing's
	// names serves another validation.
	memo names.Memo
}

type siteName struct {
	name names.Prepared // the normalised name, prepared for the dictionaries' scans
	done bool
}

// SiteName returns the normalised name (names.Normalize) of website i of
// pass.Filing, bounded as the sitename rule reads it, normalising it once
// per pass.
func (p *Pass) SiteName(i int) string { return p.SiteNamePrepared(i).Text() }

// SiteNamePrepared returns [Pass.SiteName] prepared for the scans of the
// word dictionaries (names.Prepare), once per pass: a name the scans'
// quick path cannot read is read through the normaliser once, not by
// each dictionary.
func (p *Pass) SiteNamePrepared(i int) *names.Prepared {
	c := &p.siteNames
	if c.list == nil {
		if n := len(p.Filing.Websites); n <= len(c.small) {
			c.list = c.small[:n]
		} else {
			c.list = make([]siteName, n)
		}
	}
	e := &c.list[i]
	if !e.done {
		e.name, e.done = names.PrepareNormal(boundedName(p.Filing.Websites[i].Name)), true
	}
	return &e.name
}

// nameMemo returns the pass's memo of the segmentation's lexicon answers
// (names.Memo), for the dictionaries' finds in website and App names.
func (p *Pass) nameMemo() *names.Memo { return &p.siteNames.memo }

// websiteNamePath returns the path of website i's name,
// websites[i].name: for the first websites without building it, so that
// a rejected name costs no allocation for its path.
func websiteNamePath(i int) beian.Path {
	if i >= 0 && i < len(websiteNamePaths) {
		return websiteNamePaths[i]
	}
	return beian.Path("websites").Index(i).Field("name")
}

// websiteNamePaths are the paths of the first websites' names
// (TestWebsiteNamePaths checks them).
var websiteNamePaths = [...]beian.Path{
	"websites[0].name", "websites[1].name", "websites[2].name", "websites[3].name",
	"websites[4].name", "websites[5].name", "websites[6].name", "websites[7].name",
}
