package rules

import (
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/certnum"
)

// CrossProvince checks that the subject files in its certificate's province.
//
// A unit files where its certificate was issued (tencent-subject-info): the
// province comes from the division code of a credit code or an old
// registration number, and from the province the certificate address
// starts with when the number carries no region (organisation codes, other
// certificates) or was issued nationally (CROSS_PROVINCE). A person whose ID
// card another province issued files here only where the province's policy
// allows it (CROSS_PROVINCE_PERSONAL): "allowed" accepts any ID card;
// "forbidden" none; "residence_permit" needs the residence-permit province
// to be the filing province and, once documents are uploaded, a
// residence_permit document; "proof" accepts a residence_permit document of
// any kind (居住证, 社保, 房产证 …) or a local residence permit, and while
// documents are not uploaded yet (documents null) it only warns that the
// proof will be needed; a proof uploaded beside a stated residence permit
// of another province is a warning (the proof must be of the filing
// province, which a permit of another is not). Where the filing states a
// residence permit of the filing province and the documents uploaded lack
// it, what is missing is the document: DOCUMENT_MISSING at "documents",
// the subject's residence_permit, as rule "documents" reports the others.
// Residence permits of Hong Kong, Macao and Taiwan residents name no
// mainland province and are not compared.
var CrossProvince = &Rule{
	Name:  "crossprovince",
	Doc:   docCrossProvince,
	Codes: []Code{CodeCrossProvince, CodeCrossProvincePersonal, CodeDocumentMissing},
	Run:   runCrossProvince,
}

func runCrossProvince(pass *Pass) error {
	if pass.Province.IsZero() {
		return nil // PROVINCE_UNKNOWN or FIELD_REQUIRED says why
	}
	s := &pass.Filing.Subject
	switch {
	case s.Nature == beian.NaturePersonal:
		checkPersonalProvince(pass, s)
	case pass.unit():
		checkUnitProvince(pass, s)
	}
	return nil
}

// checkUnitProvince reports a unit certificate of another province.
func checkUnitProvince(pass *Pass, s *beian.Subject) {
	var (
		prov  provinces.Province
		field beian.Path = "subject.cert_number"
	)
	switch certnum.Kind(s.CertType, s.CertNumber) {
	case beian.CertUSCC:
		u, err := pass.parseUSCC(s.CertNumber)
		if err != nil {
			return // CERT_NUMBER_INVALID
		}
		if !u.National && u.Code[2:4] == pass.Province.Code {
			return // the usual case: u.Province() is the province of code u.Code[2:4]
		}
		if !u.National {
			prov = u.Province()
		}
	case beian.CertBusinessLicense:
		r, err := certnum.ParseRegistrationNumber(s.CertNumber)
		if err != nil {
			return
		}
		if !r.National {
			prov = r.Province()
		}
	case beian.CertIDCard, "":
		return // CERT_TYPE_NOT_ALLOWED or FIELD_REQUIRED
	}
	if prov.IsZero() {
		var ok bool
		if prov, ok = provinces.FromAddress(s.CertAddress); !ok {
			pass.Skip(CodeCrossProvince, Text{
				"证件号码不含地区，证件住所也未以省份开头，无法判断是否跨省",
				"the certificate number carries no region and the certificate address does not start with a province",
			})
			return
		}
		field = "subject.cert_address"
	}
	if prov.Code == pass.Province.Code {
		return
	}
	pass.Add(Rejection{
		Code: CodeCrossProvince, Severity: defaultSeverity(CodeCrossProvince), Field: field,
		Related: pass.keepPaths("province"),
		Args:    pass.keepArgs([]Arg{provinceNameArg("cert_province", prov), provinceArg(pass)}),
	})
}

// checkPersonalProvince reports a personal ID card of another province
// without the proof the filing province's policy accepts.
func checkPersonalProvince(pass *Pass, s *beian.Subject) {
	if s.CertType != beian.CertIDCard {
		return
	}
	card, err := certnum.ParseIDCardOn(s.CertNumber, pass.Today)
	if err != nil || card.IsResidencePermit() {
		return
	}
	idProv := card.Province()
	here := pass.Province
	if idProv.Code == here.Code {
		return
	}
	fact := pass.Policy.PersonalCrossProvince
	if fact.Value == provinces.CrossProvinceAllowed {
		return
	}

	permit, permitStated := provinces.Lookup(s.ResidencePermitProvince)
	permitStated = permitStated || strings.TrimSpace(s.ResidencePermitProvince) != ""
	permitLocal := permitStated && permit.Code == here.Code
	docsKnown := pass.Filing.Documents != nil
	proofDoc := docsKnown && hasDocument(pass.Filing, beian.DocResidencePermit)

	elsewhere := Text{"或将备案地域改为" + idProv.Short, "or file in " + idProv.English}
	var remedy Text
	sev := Error
	switch fact.Value {
	case provinces.CrossProvinceForbidden:
		remedy = Text{"将备案地域改为" + idProv.Short, "File in " + idProv.English + " instead"}
	case provinces.CrossProvinceResidencePermit:
		switch {
		case permitStated && !permitLocal:
			remedy = Text{
				"所填居住证不是" + here.Short + "的：上传" + here.Short + "居住证，" + elsewhere.ZH,
				"The residence permit given is not " + here.English + "'s: upload a " + here.English + " residence permit, " + elsewhere.EN,
			}
		case docsKnown && proofDoc:
			return
		case docsKnown && permitLocal:
			reportPermitMissing(pass, fact)
			return
		case docsKnown:
			remedy = Text{
				"上传" + here.Short + "居住证（材料类型：居住证明），" + elsewhere.ZH,
				"Upload the " + here.English + " residence permit (document kind residence_permit), " + elsewhere.EN,
			}
		case permitLocal:
			return // the upload step will ask for the permit itself
		default:
			remedy = Text{
				"填写居住证所在省份为" + here.Short + "并在上传材料时提供居住证，" + elsewhere.ZH,
				"Give " + here.English + " as the residence permit province and upload the permit, " + elsewhere.EN,
			}
		}
	case provinces.CrossProvinceProof:
		switch {
		case proofDoc && permitStated && !permitLocal:
			// The proof uploaded may be a local social insurance record or
			// deed, but the permit the filing names is another province's:
			// what was uploaded must prove living here.
			sev = Warning
			remedy = Text{
				"所填居住证不是" + here.Short + "的：上传的居住证明须为" + here.Short + "的（居住证、社保缴纳记录或房产证），" + elsewhere.ZH,
				"The residence permit given is not " + here.English + "'s: the proof uploaded must be " + here.English + "'s (residence permit, social insurance record or property deed), " + elsewhere.EN,
			}
		case proofDoc, permitLocal && !docsKnown:
			return
		case permitLocal:
			reportPermitMissing(pass, fact)
			return
		case docsKnown:
			remedy = Text{
				"上传" + here.Short + "居住证或其他居住证明（如社保缴纳记录、房产证），" + elsewhere.ZH,
				"Upload a " + here.English + " residence permit or other proof of residence (social insurance record, property deed), " + elsewhere.EN,
			}
		default:
			// Not uploaded yet: the proof may still come.
			sev = Warning
			remedy = Text{
				"上传材料时需提供" + here.Short + "居住证或其他居住证明（如社保缴纳记录、房产证），" + elsewhere.ZH,
				"A " + here.English + " residence permit or other proof of residence will be needed at the upload step, " + elsewhere.EN,
			}
		}
	default:
		return
	}
	if !fact.Certain {
		sev = min(sev, Warning)
	}
	pass.Add(Rejection{
		Code: CodeCrossProvincePersonal, Severity: sev, Field: "subject.cert_number",
		Related: pass.keepPaths("province", "subject.residence_permit_province"),
		Args: pass.keepArgs([]Arg{
			provinceNameArg("cert_province", idProv), provinceArg(pass),
			{"policy", crossPolicyText(fact.Value)}, {"remedy", remedy},
		}),
		Source: factSource(fact),
	})
}

// reportPermitMissing reports the residence permit the filing states but
// did not upload: DOCUMENT_MISSING, as rule "documents" reports a
// document the filing lacks, on the cross-province policy's fact.
func reportPermitMissing(pass *Pass, fact provinces.Fact[provinces.CrossProvince]) {
	sev := defaultSeverity(CodeDocumentMissing)
	if !fact.Certain {
		sev = Warning
	}
	pass.Add(Rejection{
		Code: CodeDocumentMissing, Severity: sev, Field: "documents",
		Related: pass.keepPaths("subject"),
		Args:    pass.keepArgs([]Arg{documentArg(beian.DocResidencePermit, "subject"), Str("kind", string(beian.DocResidencePermit))}),
		Source:  factSource(fact),
	})
}

// crossPolicyText says what a cross-province policy demands, after the
// province's name.
func crossPolicyText(c provinces.CrossProvince) Text {
	switch c {
	case provinces.CrossProvinceForbidden:
		return Text{"只受理本省身份证备案", "accepts only its own ID cards"}
	case provinces.CrossProvinceResidencePermit:
		return Text{"要求外省身份证持有人提供本地居住证", "asks holders of other provinces' ID cards for a local residence permit"}
	}
	return Text{"要求外省身份证持有人提供本地居住证或其他居住证明", "asks holders of other provinces' ID cards for a local residence permit or other proof of residence"}
}

// hasDocument reports whether f has a document of kind.
func hasDocument(f *beian.Filing, kind beian.DocumentKind) bool {
	for i := range f.Documents {
		if f.Documents[i].Kind == kind {
			return true
		}
	}
	return false
}

// provinceNameArg returns an argument showing province p's name.
func provinceNameArg(name string, p provinces.Province) Arg {
	return Loc(name, p.Short, p.English)
}
