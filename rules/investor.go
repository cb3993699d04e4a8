package rules

import (
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/domain"
)

// Investor checks whom a unit's 投资者或上级主管单位 names.
//
// Where the investor_must_name fact says so, UCloud's province pages
// ask a unit's filing to name in that field:
//
//   - legal_representative (Ningxia: 投资者或上级主管单位需填写法定代表人
//     姓名): the legal representative. An investor field that names
//     someone else is INVESTOR_MISMATCH at subject.investor, with the
//     certain fix of the legal representative's name;
//   - superior_unit (Guangxi: 非企业类单位备案，投资者或上级主管单位需准确
//     填写上级单位名称; Fujian by Tencent's old page): for a unit that is
//     not an enterprise, its superior authority. An investor field that
//     names the unit itself or its legal representative is
//     INVESTOR_MISMATCH; which authority is superior the filing does not
//     say, so there is no fix;
//   - unit_name (Jilin, by Tencent's old page: 投资人或上级主管单位一项必须
//     填写单位名称), and enterprise_name for an enterprise alone (Fujian:
//     企业必须写企业全称): the unit's own name, the certain fix.
//
// The field may list several investors, separated by ";" (or "；", "、",
// "," as people type them); a name counts as written alike when only
// width, spaces, brackets and the middle dot differ (domain.SameName).
// An empty field (or one of white space and separators only) is not
// checked: consoles that do not collect it leave it empty.
var Investor = &Rule{
	Name:  "investor",
	Doc:   docInvestor,
	Codes: []Code{CodeInvestorMismatch},
	Run:   runInvestor,
}

// The values of the investor_must_name fact.
const (
	investorLegalRepresentative = "legal_representative"
	investorSuperiorUnit        = "superior_unit"
	investorUnitName            = "unit_name"
	investorEnterpriseName      = "enterprise_name"
)

func runInvestor(pass *Pass) error {
	fact := pass.Policy.InvestorMustName
	s := &pass.Filing.Subject
	if len(fact.Value) == 0 || !pass.unit() || !investorNamesAny(s.Investor) {
		return nil
	}
	for _, want := range fact.Value {
		switch want {
		case investorLegalRepresentative:
			checkInvestorIsLR(pass)
		case investorSuperiorUnit:
			if s.Nature != beian.NatureEnterprise {
				checkInvestorIsSuperior(pass)
			}
		case investorUnitName:
			checkInvestorIsUnit(pass)
		case investorEnterpriseName:
			if s.Nature == beian.NatureEnterprise {
				checkInvestorIsUnit(pass)
			}
		}
	}
	return nil
}

// checkInvestorIsLR reports an investor field that does not name the
// legal representative.
func checkInvestorIsLR(pass *Pass) {
	lr := strings.TrimSpace(pass.Filing.Subject.LegalRepresentative)
	checkInvestorNames(pass, lr, "subject.legal_representative", Text{"法定代表人姓名", "the legal representative's name"})
}

// checkInvestorIsUnit reports an investor field that does not name the
// unit itself.
func checkInvestorIsUnit(pass *Pass) {
	name := strings.TrimSpace(pass.Filing.Subject.Name)
	checkInvestorNames(pass, name, "subject.name", Text{"本单位名称", "the unit's own name"})
}

// checkInvestorNames reports an investor field that does not name want,
// the value of the field at related (what says what it is), with want as
// the certain fix. A blank want is the fields rule's to report.
func checkInvestorNames(pass *Pass, want string, related beian.Path, what Text) {
	s := &pass.Filing.Subject
	if blank(want) || investorNames(s.Investor, want) {
		return
	}
	fact := pass.Policy.InvestorMustName
	r := Rejection{
		Code: CodeInvestorMismatch, Severity: severityOf(fact.Certain), Field: "subject.investor",
		Related: pass.keepPaths(related),
		Args: pass.keepArgs([]Arg{provinceArg(pass), Str("investor", shortValue(s.Investor)),
			Arg{"want", Text{what.ZH + "「" + want + "」", what.EN + ", " + want}}}),
		Source: factSource(fact),
	}
	pass.Add(pass.withFix(r, Fix{Field: "subject.investor", Value: want,
		Title: Text{"填写" + what.ZH + "「" + want + "」", "Fill in " + what.EN + ", " + want}}))
}

// checkInvestorIsSuperior reports an investor field of a non-enterprise
// unit that names the unit itself or its legal representative instead of
// its superior authority.
func checkInvestorIsSuperior(pass *Pass) {
	s := &pass.Filing.Subject
	var named Text
	switch {
	case investorNames(s.Investor, s.Name):
		named = Text{"本单位名称", "the unit's own name"}
	case investorNames(s.Investor, s.LegalRepresentative):
		named = Text{"法定代表人姓名", "the legal representative's name"}
	default:
		return
	}
	fact := pass.Policy.InvestorMustName
	pass.Add(Rejection{
		Code: CodeInvestorMismatch, Severity: severityOf(fact.Certain), Field: "subject.investor",
		Args: pass.keepArgs([]Arg{provinceArg(pass), Str("investor", shortValue(s.Investor)),
			Arg{"want", Text{"上级主管单位的名称，而不是" + named.ZH, "the superior authority's name, not " + named.EN}}}),
		Source: factSource(fact),
	})
}

// investorNames reports whether one of the names listed in investor is
// name, written alike (domain.SameName).
func investorNames(investor, name string) bool {
	if blank(name) {
		return false
	}
	for part := range strings.FieldsFuncSeq(investor, investorSeparator) {
		if domain.SameName(part, name) {
			return true
		}
	}
	return false
}

// investorNamesAny reports whether investor lists a name: not only
// white space and separators.
func investorNamesAny(investor string) bool {
	for part := range strings.FieldsFuncSeq(investor, investorSeparator) {
		if !blank(part) {
			return true
		}
	}
	return false
}

// investorSeparator reports whether r separates the names of an investor
// field: the filing system's ";" and what people type for it.
func investorSeparator(r rune) bool {
	switch r {
	case ';', '；', '、', ',', '，', '\n':
		return true
	}
	return false
}
