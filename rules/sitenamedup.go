package rules

// SiteNameDuplicate checks that a filing's websites have names of their own.
//
// Shaanxi refuses a website named as a website already filed
// (site_names_distinct: UCloud's page, 网站名称不能和已备案网站的名称相同).
// The filing holds only its own websites: two of them with one name,
// read as the site-name rules read names (width, case, traditional forms
// and spaces do not count), will be once either is filed. The later one
// is SITE_NAME_DUPLICATE at its name, related to the first's, as a
// warning, for the source speaks of websites filed before; those are
// for the console to compare.
var SiteNameDuplicate = &Rule{
	Name:  "sitenamedup",
	Doc:   docSiteNameDuplicate,
	Codes: []Code{CodeSiteNameDuplicate},
	Run:   runSiteNameDuplicate,
}

func runSiteNameDuplicate(pass *Pass) error {
	fact := pass.Policy.SiteNamesDistinct
	ws := pass.Filing.Websites
	if !fact.Value || len(ws) < 2 {
		return nil
	}
	first := make(map[string]int, len(ws)) // the first website of each name
	for i := range ws {
		if blank(ws[i].Name) {
			continue // the fields rule reports it
		}
		name := pass.SiteNamePrepared(i).Text()
		if name == "" {
			continue
		}
		j, seen := first[name]
		if !seen {
			first[name] = i
			continue
		}
		pass.Add(Rejection{
			Code: CodeSiteNameDuplicate, Severity: Warning, Field: websiteNamePath(i),
			Related: pass.keepPaths(websiteNamePath(j)),
			Args:    pass.keepArgs([]Arg{provinceArg(pass), Str("name", shortValue(ws[i].Name)), Int("first", j+1)}),
			Source:  factSource(fact),
		})
	}
	return nil
}
