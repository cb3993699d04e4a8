package bench

import (
	"unicode/utf8"

	"github.com/icpcheck/beian"
)

// Floor reads every string of f once, decoding it as UTF-8, and returns
// how many characters it read: the least any validation of f must do,
// which the suite measures beside the validation (issue 20's "floor").
func Floor(f *beian.Filing) int {
	n := runes(string(f.FilingType)) + runes(f.Province) + runes(f.ICPNumber)
	s := &f.Subject
	n += runes(string(s.Nature)) + runes(s.Name) + runes(string(s.CertType)) + runes(s.CertNumber) +
		runes(s.CertAddress) + runes(s.ResidencePermitProvince) + runes(s.LegalRepresentative) +
		principal(&s.Principal)
	for i := range f.Websites {
		w := &f.Websites[i]
		n += runes(w.Name) + runes(w.Remark)
		for _, d := range w.Domains {
			n += runes(d)
		}
		for _, c := range w.ContentCategories {
			n += runes(string(c))
		}
		for _, a := range w.PreApprovals {
			n += runes(string(a.Category)) + runes(a.Number)
		}
		if w.Principal != nil {
			n += principal(w.Principal)
		}
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		n += runes(string(a.Type)) + runes(a.Name) + runes(a.Remark)
		for j := range a.Platforms {
			p := &a.Platforms[j]
			n += runes(string(p.Platform)) + runes(p.Package) + runes(p.PublicKey) + runes(p.Signature)
			for _, d := range p.Domains {
				n += runes(d)
			}
		}
		for _, c := range a.ContentCategories {
			n += runes(string(c))
		}
		for _, pa := range a.PreApprovals {
			n += runes(string(pa.Category)) + runes(pa.Number)
		}
		if a.Principal != nil {
			n += principal(a.Principal)
		}
	}
	for i := range f.Domains {
		d := &f.Domains[i]
		n += runes(d.Domain) + runes(d.HolderName) + runes(string(d.HolderCertType)) + runes(d.HolderCertNumber) + runes(d.Registrar)
	}
	for i := range f.Documents {
		d := &f.Documents[i]
		n += runes(string(d.Kind)) + runes(d.Owner) + runes(d.Format) + runes(d.Path)
	}
	return n
}

func principal(p *beian.Principal) int {
	return runes(p.Name) + runes(string(p.CertType)) + runes(p.CertNumber) + runes(p.Mobile) + runes(p.Phone) + runes(p.Email) +
		runes(p.EmergencyPhone)
}

// runes decodes s and counts its characters.
func runes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
		n++
	}
	return n
}
