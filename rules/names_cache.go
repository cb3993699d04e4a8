package rules

import "github.com/icpcheck/beian/rules/names"

// subjectNames holds the subject's name as the naming rules read it,
// each form made on first use in a pass and read by every rule after:
//   - its normal form (names.Normalize): the site-name rule's subject
//     core and banned-prefix entitlement, the App rules' hot-App owner;
//   - that form, bounded as a name field is read (boundedName), prepared
//     for the dictionaries' scans (names.PrepareNormal): the unit name's
//     pre-approval hint scan;
//   - its core (subjectCore), for the notice to a site name unrelated
//     to it.
//
// A name within the bound is normalised once, by PrepareNormal, whose
// text is its normal form. It is a part of the pass, cleared with it:
// nothing is shared between validations.
type subjectNames struct {
	normalDone, preparedDone, coreDone bool
	normal                             string
	prepared                           names.Prepared
	core                               string
}

// subjectNormal returns names.Normalize of the subject's name, once per
// pass.
func (p *Pass) subjectNormal() string {
	c := &p.subject
	if !c.normalDone {
		if name := p.Filing.Subject.Name; len(boundedName(name)) == len(name) {
			c.normal = p.subjectPrepared().Text()
		} else {
			c.normal = names.Normalize(name)
		}
		c.normalDone = true
	}
	return c.normal
}

// subjectPrepared returns names.PrepareNormal of the subject's name
// bounded as a name field, once per pass.
func (p *Pass) subjectPrepared() *names.Prepared {
	c := &p.subject
	if !c.preparedDone {
		c.prepared, c.preparedDone = names.PrepareNormal(boundedName(p.Filing.Subject.Name)), true
	}
	return &c.prepared
}

// subjectCore returns the core of the subject's name (coreOfSubject),
// once per pass.
func (p *Pass) subjectCore() string {
	c := &p.subject
	if !c.coreDone {
		c.core, c.coreDone = subjectCore(p.subjectNormal()), true
	}
	return c.core
}
