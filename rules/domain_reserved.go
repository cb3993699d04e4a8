package rules

import (
	"slices"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/domain"
)

// A reservedSuffix is a suffix MIIT's domain system reserves for some
// natures of subject (中国互联网域名体系, MIIT announcement 2018 No. 7,
// miit-domain-system-2018): under .CN, GOV for government bodies, MIL for
// defence, EDU for education and AC for research institutions; the
// top-level .政务 for the Party, government and mass organisations'
// bodies and .公益 for non-profits. (The announcement's 政务.cn and 公益.cn
// are not on the public suffix list: a name under them reads as a
// sub-domain of 政务.cn, not judged here.)
//
// A subject of a nature the suffix is never registered to (a person, an
// enterprise, a law firm: the registries of these suffixes ask for the
// certificate of a body of the suffix's kind) is refused for certain, an
// error; a nature the suffix is registered to only in part of its cases
// (a foundation or a private non-enterprise unit on .gov.cn, and a public
// institution there, which the rules for government sites send to .cn or
// .公益 unless it performs a government body's functions) is a warning;
// a nature some of whose bodies are of the suffix's kind (an institution
// on .edu.cn, a military academy on .edu.cn) is not judged.
// Government bodies and public institutions are judged by
// checkSuffixNature's rule instead, which names the suffixes they must use.
type reservedSuffix struct {
	suffix   string // as domain.Domain.Suffix gives it (punycode)
	name     string // as written to the user
	holders  Text   // whom the suffix is for
	certain  []beian.Nature
	doubtful []beian.Nature
}

var (
	natureNeverPublic = []beian.Nature{beian.NaturePersonal, beian.NatureEnterprise, beian.NatureLawFirm}
	reservedSuffixes  = [...]reservedSuffix{
		{"gov.cn", ".gov.cn", Text{"政府机构", "government bodies"}, natureNeverPublic,
			[]beian.Nature{beian.NatureInstitution, beian.NaturePrivateNonEnterprise, beian.NatureFoundation, beian.NatureOther}},
		{"mil.cn", ".mil.cn", Text{"国防机构", "defence bodies"}, natureNeverPublic,
			[]beian.Nature{beian.NatureSocialGroup, beian.NaturePrivateNonEnterprise, beian.NatureFoundation, beian.NatureOther}},
		{"edu.cn", ".edu.cn", Text{"教育机构", "educational institutions"}, natureNeverPublic, nil},
		{"ac.cn", ".ac.cn", Text{"科研机构", "research institutions"},
			[]beian.Nature{beian.NaturePersonal, beian.NatureLawFirm}, []beian.Nature{beian.NatureEnterprise}},
		{"xn--zfr164b", ".政务", Text{"党政群机关等政务部门", "Party, government and mass organisations' bodies"}, natureNeverPublic,
			[]beian.Nature{beian.NaturePrivateNonEnterprise, beian.NatureFoundation, beian.NatureOther}},
		{"xn--55qw42g", ".公益", Text{"非营利性机构", "non-profit bodies"}, natureNeverPublic, nil},
	}
)

// checkReservedSuffix reports a domain under a suffix reserved for other
// natures of subject than the filing's (see reservedSuffix).
func checkReservedSuffix(pass *Pass, loc domainLoc, d domain.Domain, nature beian.Nature) {
	s := d.Suffix()
	for k := range reservedSuffixes {
		r := &reservedSuffixes[k]
		if r.suffix != s {
			continue
		}
		var sev Severity
		switch {
		case slices.Contains(r.certain, nature):
			sev = Error
		case slices.Contains(r.doubtful, nature):
			sev = Warning
		default:
			return
		}
		pass.Add(Rejection{Code: CodeDomainSuffixNatureMismatch, Severity: sev,
			Field: loc.path(), Related: pass.keepPaths("subject.nature"),
			Args: pass.keepArgs([]Arg{labelArg("nature", nature), Str("suffixes", r.name),
				{"verdict", Text{"不能以" + r.name + "结尾：该后缀仅供" + r.holders.ZH + "注册", "cannot use a domain under " + r.name + ": the suffix is reserved for " + r.holders.EN}},
				{"remedy", reservedRemedy(nature)}}),
		}.From(sourceOf([]string{"miit-domain-system-2018"}, sev == Error)))
		return
	}
}

// reservedRemedy says which domain to use instead of one under a
// reserved suffix: a public institution's must end in .cn or .公益
// (checkSuffixNature), anyone else's under a suffix open to all.
func reservedRemedy(nature beian.Nature) Text {
	if nature == beian.NatureInstitution {
		en := strings.ReplaceAll(suffixInstName, "、", " or ")
		return Text{"改用以" + suffixInstName + "结尾、不限于政府机构注册的域名", "Use a domain ending in " + en + " that is not reserved for government bodies"}
	}
	return Text{"改用.cn、.com等不限注册者的后缀的域名", "Use a domain under .cn, .com or another suffix open to every registrant"}
}
