package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// TestInvestor: UCloud's province pages ask a unit to name its legal
// representative as 投资者或上级主管单位 in Ningxia (投资者或上级主管单位需
// 填写法定代表人姓名), and a unit that is not an enterprise its superior
// authority in Guangxi (非企业类单位备案，投资者或上级主管单位需准确填写上级
// 单位名称); Tencent's old page asks Jilin's units for their own name
// and Fujian's enterprises for theirs and its other units for their
// superior authority (warnings: one old source); no other province's page
// says what the field holds. Every
// province × every nature × investor fields typed as people type them;
// the fix of a Ningxia rejection, applied, is accepted.
func TestInvestor(t *testing.T) {
	const (
		unit  = "深圳市示例科技有限公司"
		lr    = "张三"
		other = "李四"
		boss  = "深圳市南山区教育局"
	)
	type names int
	const (
		namesLR       names = iota // the legal representative, alone or among others
		namesUnit                  // the unit itself, and not the legal representative
		namesOther                 // someone else: another person or a superior authority
		namesUnitLR                // both the unit itself and its legal representative
		namesUnitBoss              // the unit itself among its superior authorities
	)
	investors := []struct {
		value string
		names names
	}{
		{lr, namesLR},
		{"张 三", namesLR},
		{"　张三　", namesLR},
		{"张三;深圳市示例投资有限公司", namesLR},
		{"深圳市示例投资有限公司；张三", namesLR},
		{"深圳市示例投资有限公司、张三", namesLR},
		{unit, namesUnit},
		{"深圳市示例科技 有限公司", namesUnit},
		{other, namesOther},
		{boss, namesOther},
		{"深圳市示例投资有限公司;李四", namesOther},
		{"张三丰", namesOther},
		{unit + ";" + lr, namesUnitLR},
		{boss + "；" + unit, namesUnitBoss},
	}
	for _, p := range provinces.All() {
		for _, nature := range beian.Natures() {
			for _, inv := range investors {
				f := cleanFiling()
				f.Province = p.Code
				f.Subject.Nature = nature
				f.Subject.Investor = inv.value
				rs := run(t, rules.Investor, f)
				wantFix := ""
				want := false
				severity := rules.Error
				namesUnitItself := inv.names == namesUnit || inv.names == namesUnitLR || inv.names == namesUnitBoss
				superiorWrong := inv.names == namesLR || namesUnitItself
				switch {
				case !nature.IsUnit():
				case p.Code == "64": // Ningxia: the legal representative
					want = inv.names != namesLR && inv.names != namesUnitLR
					wantFix = lr
				case p.Code == "45" && nature != beian.NatureEnterprise: // Guangxi: the superior authority
					want = superiorWrong
				case p.Code == "22": // Jilin (TC-old): the unit itself
					want, wantFix, severity = !namesUnitItself, unit, rules.Warning
				case p.Code == "35" && nature == beian.NatureEnterprise: // Fujian (TC-old): an enterprise itself
					want, wantFix, severity = !namesUnitItself, unit, rules.Warning
				case p.Code == "35": // Fujian (TC-old): another unit its superior authority
					want, severity = superiorWrong, rules.Warning
				}
				if !want {
					wantFix = ""
				}
				msg := []any{"%s %s %q", p.Code, nature, inv.value}
				if !want {
					assert.Empty(t, rs, msg...)
					continue
				}
				if !assert.Len(t, rs, 1, msg...) {
					continue
				}
				r := rs[0]
				assert.Equal(t, rules.CodeInvestorMismatch, r.Code, msg...)
				assert.Equal(t, beian.Path("subject.investor"), r.Field, msg...)
				assert.Equal(t, severity, r.Severity, msg...)
				if wantFix == "" {
					assert.Empty(t, r.Fixes, msg...)
					continue
				}
				require.Len(t, r.Fixes, 1, msg...)
				assert.Equal(t, rules.Fix{Field: "subject.investor", Value: wantFix, Title: r.Fixes[0].Title}, r.Fixes[0], msg...)
				fixed, err := rules.ApplyFix(f, r.Fixes[0])
				require.NoError(t, err)
				assert.Empty(t, run(t, rules.Investor, fixed), msg...)
				assert.Equal(t, inv.value, f.Subject.Investor, "the fix modified the caller's filing")
			}
		}
	}
}

// TestInvestorEmpty: an empty field, or one of white space only, is not
// checked (consoles that do not collect it leave it empty), nor is the
// field where the legal representative is unknown (the fields rule
// reports that).
func TestInvestorEmpty(t *testing.T) {
	for _, code := range []string{"64", "45"} {
		for _, nature := range []beian.Nature{beian.NatureEnterprise, beian.NatureGovernment, beian.NatureInstitution} {
			for _, value := range []string{"", " ", "　", ";"} {
				f := cleanFiling()
				f.Province, f.Subject.Nature, f.Subject.Investor = code, nature, value
				assert.Empty(t, run(t, rules.Investor, f), "%s %s %q", code, nature, value)
			}
			f := cleanFiling()
			f.Province, f.Subject.Nature, f.Subject.Investor, f.Subject.LegalRepresentative = code, nature, "李四", ""
			f.Subject.Principal.IsLegalRepresentative = false
			if code == "64" {
				assert.Empty(t, run(t, rules.Investor, f), "%s %s: no legal representative", code, nature)
			}
		}
	}
}

// TestInvestorFactValues: every province's investor_must_name holds only
// the words the rule reads.
func TestInvestorFactValues(t *testing.T) {
	for _, p := range provinces.All() {
		pol, ok := provinces.DefaultPolicies().For(p.Code)
		require.True(t, ok, p.Code)
		for _, w := range pol.InvestorMustName.Value {
			assert.Contains(t, []string{"legal_representative", "superior_unit", "unit_name", "enterprise_name"}, w, p.Code)
		}
	}
}
