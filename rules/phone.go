package rules

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/phonenum"
)

// Phone checks that every principal's phone numbers are usable mainland
// numbers.
//
// The mobile, the office phone and the emergency phone of the subject's
// principal and of each website's and App's principal of their own are
// parsed as people type them (package phonenum); the emergency phone may be
// a mobile or a landline and has no locality rule. A number that is no
// mainland mobile or landline, a service number, or a landline in a
// mobile field is PHONE_INVALID, with the reason. A valid mobile, office
// or emergency phone typed otherwise than in its filing form (a mobile's
// 11 digits; a landline's area code with its trunk 0, then the local
// number, with or without a hyphen between: 0755-26888888) is PHONE_INVALID
// as a warning whose certain fix is the number in that form: full-width
// digits, spaces inside, a country code ("+86 139 0221 2345"), separators
// or brackets ("139-0221-2345", "(0755)26888888"), a mobile typed with the
// trunk 0 before it ("013902212345"), a landline without the trunk 0 of its
// area code ("755-26888888"). White space around a number is not a
// typing; an extension's separator is free. Every field that holds a
// phone, a certificate number or a filed domain is held to this one class
// of typing (rules certificate and domain).
//
// A number whose segment or area code belongs to another province than the
// filing's is PHONE_NOT_LOCAL, at a severity from the province's
// mobile_must_be_local fact: an error where the rule is certain (Hunan), a
// warning where only an old source states it, a notice where a current
// source says there is no such rule (Guangdong, Jiangxi) or none states one
// (Tencent: a province without a rule takes any province's number; the
// providers still advise a local one); for a landline never more than a
// warning. A valid mobile whose segment has no known province is
// PHONE_REGION_UNKNOWN (a warning, a notice where there is no locality
// rule): a segment table given with validate.WithPhoneSegments supplies it.
//
// Virtual-operator segments (170x, 171, 162, 165, 167, or as the segment
// table says) and data-card, IoT and satellite numbers, which may not
// receive the MIIT 12381 verification SMS, are PHONE_VIRTUAL_SEGMENT (the
// emergency phone's as the mobile's): an
// error where the province's virtual_mobile_allowed fact certainly forbids
// virtual segments, a warning otherwise; virtual segments are not reported
// where the province certainly allows them.
var Phone = &Rule{
	Name:  "phone",
	Doc:   docPhone,
	Codes: []Code{CodePhoneInvalid, CodePhoneNotLocal, CodePhoneRegionUnknown, CodePhoneVirtualSegment},
	Run:   runPhone,
}

// PhoneHolder checks that no principal's mobile is on another subject's
// filing.
//
// Each principal's valid mobile is looked up in the Registry
// (MobileHolders): a mobile another subject (another certificate) has
// filed with is PHONE_USED_BY_OTHER_SUBJECT. Without a Registry the check
// is skipped; a Registry that fails or does not answer in time gives
// CHECK_UNAVAILABLE.
var PhoneHolder = &Rule{
	Name:  "phoneholder",
	Doc:   docPhoneHolder,
	Codes: []Code{CodePhoneUsedByOtherSubject},
	Needs: NeedsRegistry,
	Run:   runPhoneHolder,
}

// eachPrincipal calls fn with the subject's principal (i = -1), with
// each website principal of its own (i the website's index), and with
// each App principal of its own (i = -2 - the App's index), skipping
// those marked as having the subject's principal.
func eachPrincipal(f *beian.Filing, fn func(i int, p *beian.Principal)) {
	for n := range principalSlots(f) {
		i := principalID(f, n)
		if p := principalAt(f, i); p != nil {
			fn(i, p)
		}
	}
}

// principalSlots is how many principals f may have: the subject's, one per
// website and one per App.
func principalSlots(f *beian.Filing) int { return 1 + len(f.Websites) + len(f.Apps) }

// principalID returns the number eachPrincipal gives slot n.
func principalID(f *beian.Filing, n int) int {
	switch w := len(f.Websites); {
	case n == 0:
		return -1
	case n <= w:
		return n - 1
	default:
		return -2 - (n - 1 - w)
	}
}

// principalAt returns principal i as eachPrincipal numbers them: the
// subject's for -1, website i's own, App -2-i's own, or nil when the
// website or App has none of its own. A loop over it keeps the loop's
// state off the heap, where a closure passed to eachPrincipal would move
// it.
func principalAt(f *beian.Filing, i int) *beian.Principal {
	switch {
	case i == -1:
		return &f.Subject.Principal
	case i < -1:
		if a := &f.Apps[-2-i]; !a.PrincipalSameAsSubject && a.Principal != nil {
			return a.Principal
		}
		return nil
	}
	if w := &f.Websites[i]; !w.PrincipalSameAsSubject && w.Principal != nil {
		return w.Principal
	}
	return nil
}

// principalPath returns the path of a principal's field: principal i as
// eachPrincipal numbers them, field "mobile", "phone" or "email" ("" for
// the principal itself). The subject principal's paths are constants.
func principalPath(i int, field string) beian.Path {
	if i == -1 {
		switch field {
		case "":
			return "subject.principal"
		case "mobile":
			return "subject.principal.mobile"
		case "phone":
			return "subject.principal.phone"
		case "email":
			return "subject.principal.email"
		case "emergency_phone":
			return "subject.principal.emergency_phone"
		}
		return beian.Path("subject.principal").Field(field)
	}
	var p beian.Path
	if i < -1 {
		p = beian.Path("apps").Index(-2 - i).Field("principal")
	} else {
		p = beian.Path("websites").Index(i).Field("principal")
	}
	if field == "" {
		return p
	}
	return p.Field(field)
}

func runPhone(pass *Pass) error {
	eachPrincipal(pass.Filing, func(i int, p *beian.Principal) {
		if p.Mobile != "" {
			checkPhone(pass, i, "mobile", p.Mobile, true)
		}
		if p.Phone != "" {
			checkPhone(pass, i, "phone", p.Phone, false)
		}
		if p.EmergencyPhone != "" {
			checkEmergencyPhone(pass, i, p.EmergencyPhone)
		}
	})
	return nil
}

// checkEmergencyPhone checks an emergency phone (应急联系电话): a mobile or
// a landline of the mainland. No source says it must be a mobile or
// local, so neither is checked; a virtual-operator, data-card, IoT or
// satellite number is reported as it is in the principal's mobile.
func checkEmergencyPhone(pass *Pass, i int, value string) {
	if f, ok := checkFiled(pass, value); ok {
		pass.keepValidMobile(value) // for the contact rule, as checkPhone does
		if !specialSegment(f.Kind, f.Virtual) {
			return // valid, typed plainly
		}
	}
	n, err := pass.Config.PhoneSegments.Parse(strings.TrimSpace(value)) // a form trims what is around it
	if err != nil {
		pass.Report(principalPath(i, "emergency_phone"), CodePhoneInvalid, Str("number", value), Arg{"problem", phoneProblem(phonenum.ReasonOf(err))})
		return
	}
	warnPhoneTyping(pass, principalPath(i, "emergency_phone"), value, &n)
	if specialSegment(n.Kind, n.Virtual) {
		checkSegmentKind(pass, principalPath(i, "emergency_phone"), n)
	}
}

// specialSegment reports whether a number of kind k is one checkSegmentKind
// looks at: a virtual operator's mobile, a data card, IoT or satellite.
func specialSegment(k phonenum.Kind, virtual bool) bool {
	return virtual || k == phonenum.DataCard || k == phonenum.IoT || k == phonenum.Satellite
}

// checkPhone checks one number: principal i's field, a mobile field or
// an office phone. It allocates nothing unless it reports.
func checkPhone(pass *Pass, i int, field, value string, mobile bool) {
	if f, ok := checkFiled(pass, value); ok {
		if mobile {
			pass.keepValidMobile(value) // for the contact rule
		} else if f.Kind == phonenum.Landline {
			pass.keepCheckedLandline(value) // for the contact rule
		}
		if !phoneQuiet(pass, f, mobile) {
			checkPhoneChecked(pass, i, field, value, f, mobile)
		}
		return
	}
	checkPhoneParsed(pass, i, field, value, mobile)
}

// checkFiled is Table.Check for a number typed in its filing form
// (warnPhoneTyping): Check takes a landline's dashes anywhere
// (0755-2688-8888), which the parsed path reports.
func checkFiled(pass *Pass, value string) (phonenum.Facts, bool) {
	f, ok := pass.Config.PhoneSegments.Check(value)
	if ok && f.Kind == phonenum.Landline {
		dashes := strings.Count(value, "-")
		ok = dashes == 0 || dashes == 1 && len(value) > 1+f.AreaCodeLen && value[1+f.AreaCodeLen] == '-'
	}
	return f, ok
}

// checkPhoneChecked is checkPhoneParsed for a number Table.Check answers
// with facts f, without Table.Parse: a number typed plainly is never
// typed loosely nor a mobile with the trunk 0, and what the reports need
// of the Number (its kind, province, operator, segment and text) comes
// from f and value. TestCheckPhoneCheckedAsParsed holds it to
// checkPhoneParsed.
func checkPhoneChecked(pass *Pass, i int, field, value string, f phonenum.Facts, mobile bool) {
	if mobile && f.Kind == phonenum.Landline {
		reportLandlineAsMobile(pass, i, field, value)
		return
	}
	n := phonenum.Number{Kind: f.Kind, Operator: f.Operator, Virtual: f.Virtual, FromTable: f.FromTable}
	if f.Province != "" {
		n.Province, _ = provinces.ByCode(f.Province)
	}
	text := value
	if f.Kind == phonenum.Landline {
		text = landlineText(value, f.AreaCodeLen)
	} else {
		// Table.Check's mobile-network number is its 11 digits.
		n.National, n.Segment = value, value[:7]
	}
	checkPhoneFacts(pass, i, field, value, &n, text)
}

// landlineText is numberText of a landline typed plainly (ASCII digits
// and dashes, its trunk 0 first) whose area code has ac digits: value
// when it is typed so (0755-26888888), or built from its digits.
func landlineText(value string, ac int) string {
	dashes := strings.Count(value, "-")
	if dashes == 1 && len(value) > 1+ac && value[1+ac] == '-' {
		return value
	}
	b := make([]byte, 0, len(value)+1-dashes)
	b = append(b, '0')
	for j := 1; j < len(value); j++ {
		if c := value[j]; c != '-' {
			if len(b) == 1+ac {
				b = append(b, '-')
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// reportLandlineAsMobile reports a landline typed in a mobile field.
func reportLandlineAsMobile(pass *Pass, i int, field, value string) {
	pass.Report(principalPath(i, field), CodePhoneInvalid, Str("number", value), Loc("problem", "这是固定电话，此处需填写手机号码", "it is a landline, and a mobile is needed here"))
}

// phoneQuiet reports whether checkPhoneParsed reports nothing of a
// number typed plainly (Table.Check answers it: ASCII digits and dashes,
// never typed loosely) with facts f: the number fits the field, is of no
// special segment, and is of the filing's province or the province is
// unknown. TestCheckPhoneQuietAsParsed holds it to checkPhoneParsed.
func phoneQuiet(pass *Pass, f phonenum.Facts, mobile bool) bool {
	switch {
	case mobile && f.Kind == phonenum.Landline,
		f.Virtual || f.Kind == phonenum.DataCard || f.Kind == phonenum.IoT || f.Kind == phonenum.Satellite:
		return false
	case pass.Province.IsZero():
		return true
	case f.Province == "":
		return !f.Kind.IsMobileLike() // a mobile's unknown region is reported
	}
	return f.Province == pass.Province.Code
}

// checkPhoneParsed is checkPhone through Table.Parse, for every number.
func checkPhoneParsed(pass *Pass, i int, field, value string, mobile bool) {
	n, err := pass.Config.PhoneSegments.Parse(strings.TrimSpace(value)) // a form trims what is around it
	if err != nil {
		pass.Report(principalPath(i, field), CodePhoneInvalid, Str("number", value), Arg{"problem", phoneProblem(phonenum.ReasonOf(err))})
		return
	}
	if mobile && n.Kind == phonenum.Landline {
		reportLandlineAsMobile(pass, i, field, value)
		return
	}
	warnPhoneTyping(pass, principalPath(i, field), value, &n)
	checkPhoneFacts(pass, i, field, value, &n, "")
}

// warnPhoneTyping warns of a valid number n typed otherwise than in its
// filing form, which the filing system's form takes: PHONE_INVALID as a
// warning at path whose certain fix is the number in that form
// (n.String()). The filing form of a mobile is its 11 digits; of a
// landline, its area code with the trunk 0, a hyphen, and the local
// number (0755-26888888), or the same without the hyphen (075526888888),
// for the sources write both. Any other typing of a number read as one of
// these is the warning: full-width digits, spaces inside, a country code
// (+86, 0086, 86), separators or brackets (136-6012-3456, (0755)26888888),
// a mobile with the trunk 0 before it, a landline without it. White space
// around a value is not a typing: a form trims it, as it does a name's or
// a domain's. A number with an extension, whose form no source gives, is
// held only to the digits' typing (full width, spaces, the trunk 0). The
// mobile, office and emergency phones are held to it alike (one class of
// typing for every phone, certificate number and domain field).
func warnPhoneTyping(pass *Pass, path beian.Path, value string, n *phonenum.Number) {
	problem, ok := phoneTypingProblem(strings.TrimSpace(value), n)
	if !ok {
		return
	}
	canonical := n.String()
	problem.ZH += "，备案系统只接受" + canonical + "这样的写法"
	problem.EN += "; the filing system takes it as " + canonical
	r := pass.Reject(path, CodePhoneInvalid, Str("number", value), Arg{"problem", problem})
	r.Severity = Warning
	pass.Add(pass.withFix(r, Fix{Field: path, Value: canonical, Title: Text{"改为" + canonical, "Write it as " + canonical}}))
}

// phoneTypingProblem returns what is wrong with typed, a valid number read
// as n with white space around it dropped, against its filing form (see
// warnPhoneTyping), and false when it is typed so.
func phoneTypingProblem(typed string, n *phonenum.Number) (Text, bool) {
	switch {
	case mobileWithTrunk(typed, *n):
		return Text{"手机号码前多了长途字冠0", "is a mobile typed with the trunk 0 before it"}, true
	case landlineWithoutTrunk(typed, *n):
		return Text{"区号前缺少长途字冠0", "is a landline typed without the trunk 0 of its area code"}, true
	case phoneFilingForm(typed, n), n.Extension != "" && !phoneTypedLoosely(typed):
		return Text{}, false
	case phoneCountryCode(typed, n):
		return Text{"带有国家代码86", "is typed with the country code 86"}, true
	case phoneTypedLoosely(typed):
		return Text{"含有全角数字或空格", "is typed with full-width digits or spaces"}, true
	}
	return Text{"含有分隔符或括号", "is typed with separators or brackets"}, true
}

// phoneFilingForm reports whether typed is n in its filing form: n.String(),
// or for a landline the same without its hyphen.
func phoneFilingForm(typed string, n *phonenum.Number) bool {
	if n.Kind != phonenum.Landline {
		return typed == n.National
	}
	ac := len(n.AreaCode)
	if len(typed) != 1+len(n.National) && len(typed) != 2+len(n.National) || typed[0] != '0' || typed[1:1+ac] != n.AreaCode {
		return false
	}
	rest := typed[1+ac:]
	if len(rest) == len(n.National)-ac+1 {
		if rest[0] != '-' {
			return false
		}
		rest = rest[1:]
	}
	return rest == n.National[ac:]
}

// phoneCountryCode reports whether typed, read as n, carries the country
// code: its digits are more than n's national ones (the trunk 0 counted
// for a landline) and begin with 86, or with 0086.
func phoneCountryCode(typed string, n *phonenum.Number) bool {
	var digits [4]byte
	k, count := 0, 0
	for i := 0; i < len(typed); i++ {
		if c := typed[i]; c >= '0' && c <= '9' {
			if k < len(digits) {
				digits[k] = c
				k++
			}
			count++
		}
	}
	national := len(n.National)
	if n.Kind == phonenum.Landline {
		national++
	}
	return count > national && k >= 2 && (digits[0] == '8' && digits[1] == '6' || k == 4 && string(digits[:]) == "0086")
}

// checkPhoneFacts reports what checkPhoneParsed and checkPhoneChecked
// report of the segment and the province of n, the valid number value
// reads as: text is numberText(value, n), or "" for it to be found when
// a report needs it.
func checkPhoneFacts(pass *Pass, i int, field, value string, n *phonenum.Number, text string) {
	if n.Virtual || n.Kind == phonenum.DataCard || n.Kind == phonenum.IoT || n.Kind == phonenum.Satellite {
		checkSegmentKind(pass, principalPath(i, field), *n)
	}
	if pass.Province.IsZero() {
		return // PROVINCE_UNKNOWN says why
	}
	unknown := n.Province.IsZero() && n.Kind.IsMobileLike()
	other := !n.Province.IsZero() && n.Province.Code != pass.Province.Code
	if !unknown && !other {
		return
	}
	local := pass.Policy.MobileMustBeLocal
	sev := localSeverity(local)
	if n.Kind == phonenum.Landline {
		sev = min(sev, Warning) // no source states a landline rule
	}
	if text == "" {
		text = numberText(value, *n)
	}
	number := Str("number", text)
	path := principalPath(i, field)
	if unknown {
		source := Loc("source", "内置号段数据（phonenumbers "+phonenum.PhoneNumbersVersion+"）", "the built-in data (phonenumbers "+phonenum.PhoneNumbersVersion+")")
		if n.FromTable {
			source = Loc("source", "所加载的号段表", "the segment table loaded")
		}
		pass.Add(Rejection{
			Code: CodePhoneRegionUnknown, Severity: min(sev, Warning), Field: path,
			Args: pass.keepArgs([]Arg{number, Str("segment", n.Segment), source, provinceArg(pass)}),
		})
		return
	}
	pass.Add(Rejection{
		Code: CodePhoneNotLocal, Severity: sev, Field: path, Related: pass.keepPaths("province"), Source: pass.phoneLocal().source,
		Args: pass.keepArgs([]Arg{number, provinceNameArg("phone_province", n.Province), provinceArg(pass),
			{"policy", pass.phoneLocal().policy}, {"remedy", pass.phoneLocal().remedy}}),
	})
}

// numberText returns n.String() of n, the number value parses as: value
// itself when it is typed so (0755-26888888), without building it again.
// TestNumberTextAsString holds it to n.String().
func numberText(value string, n phonenum.Number) string {
	if n.Kind != phonenum.Landline {
		return n.String() // National itself, but for an extension
	}
	ac, rest := len(n.AreaCode), len(n.National)-len(n.AreaCode)
	if n.Extension == "" && rest >= 0 && len(value) == 2+ac+rest && value[0] == '0' && value[1+ac] == '-' &&
		value[1:1+ac] == n.AreaCode && value[2+ac:] == n.National[ac:] {
		return value
	}
	return n.String()
}

// phoneLocality is what a PHONE_NOT_LOCAL rejection says of the filing
// province's mobile_must_be_local fact: its source, and localPolicyText
// and localRemedy.
type phoneLocality struct {
	done           bool
	source         Source
	policy, remedy Text
}

// phoneLocal returns the province's phoneLocality, found once per pass:
// a principal's mobile and phone, and the other principals', are most
// often of one other province, and each would look the fact's source and
// texts up again (TestPhoneLocalOncePerPass).
func (p *Pass) phoneLocal() *phoneLocality {
	if !p.local.done {
		f := p.Policy.MobileMustBeLocal
		// The province's texts looked up once for both.
		t, c := localTextsOf(p.Province), localCase(f)
		p.local = phoneLocality{done: true, source: factSource(f), policy: t.policy[c], remedy: t.remedy[c]}
	}
	return &p.local
}

// localSeverity returns how grave another province's number is under the
// province's mobile_must_be_local fact.
func localSeverity(f provinces.Fact[bool]) Severity {
	switch {
	case f.Value && f.Certain:
		return Error
	case f.Value:
		return Warning
	}
	// No rule: a current source says so, or none names one, and Tencent
	// says a province without a rule takes any province's number
	// (tencent-subject-info); providers still advise a local one.
	return Notice
}

// localPolicyText says what the province's mobile_must_be_local fact
// says.
func localPolicyText(pass *Pass, f provinces.Fact[bool]) Text {
	return localTextsOf(pass.Province).policy[localCase(f)]
}

func localRemedy(pass *Pass, f provinces.Fact[bool]) Text {
	return localTextsOf(pass.Province).remedy[localCase(f)]
}

// localCase numbers the four states of a mobile_must_be_local fact.
func localCase(f provinces.Fact[bool]) int {
	switch {
	case f.Value && f.Certain:
		return 0
	case f.Value:
		return 1
	case f.Certain:
		return 2
	}
	return 3
}

// localTexts are localPolicyText and localRemedy of one province for
// each localCase.
type localTexts struct{ policy, remedy [4]Text }

// localTextsOf returns p's texts, from a table built once for the
// provinces (a rejection costs no concatenation), or built for p.
func localTextsOf(p provinces.Province) *localTexts {
	if t, ok := localTextTable()[p.Code]; ok && p == t.province {
		return &t.texts
	}
	t := buildLocalTexts(p)
	return &t
}

// provinceLocalTexts are the texts of one province of the table.
type provinceLocalTexts struct {
	province provinces.Province
	texts    localTexts
}

var localTextTable = sync.OnceValue(func() map[string]*provinceLocalTexts {
	m := map[string]*provinceLocalTexts{}
	for _, p := range provinces.All() {
		m[p.Code] = &provinceLocalTexts{p, buildLocalTexts(p)}
	}
	return m
})

func buildLocalTexts(p provinces.Province) localTexts {
	remedy := Text{"改用" + p.Short + "号段的号码", "Use a number of a " + p.English + " segment"}
	return localTexts{
		policy: [4]Text{
			{p.Short + "管局要求使用本省号码", p.English + " requires a number of the province"},
			{"据旧资料" + p.Short + "管局要求本省号码，目前未经证实", "an older source says " + p.English + " requires a local number; no current source confirms it"},
			{"目前资料显示" + p.Short + "管局没有归属地要求", "current sources say " + p.English + " has no such requirement"},
			{"未找到" + p.Short + "管局的归属地规定，服务商仍建议使用本省号码", "no rule of " + p.English + " was found, and providers still advise a local number"},
		},
		remedy: [4]Text{
			remedy,
			remedy,
			{"如管局仍要求本省号码，改用" + p.Short + "号段的号码", "If the administration still asks for a local number, use one of a " + p.English + " segment"},
			remedy,
		},
	}
}

// checkSegmentKind reports virtual-operator, data-card, IoT and satellite
// numbers.
func checkSegmentKind(pass *Pass, path beian.Path, n phonenum.Number) {
	allowed := pass.Policy.VirtualMobileAllowed
	var kind, problem Text
	sev := Warning
	switch {
	case n.Kind == phonenum.Mobile && n.Virtual:
		if allowed.Value && allowed.Certain {
			return
		}
		host := n.Operator.Name(true)
		hostEN := n.Operator.Name(false)
		if host == "" {
			kind = Text{"虚拟运营商号段", "a virtual operator's number"}
		} else {
			kind = Text{"虚拟运营商号段（基于" + host + "网络）", "a virtual operator's number (on the " + hostEN + " network)"}
		}
		if !allowed.Value && allowed.Certain {
			sev = Error
			problem = Text{pass.Province.Short + "管局不接受虚拟运营商号段", pass.Province.English + " does not accept virtual operators' numbers"}
		} else {
			problem = Text{"部分管局不接受虚拟运营商号段", "some administrations refuse virtual operators' numbers"}
		}
	case n.Kind == phonenum.DataCard:
		kind = Text{"上网卡（数据卡）号码", "a data-card number"}
		problem = Text{"可能无法接收工信部12381核验短信", "it may not receive the MIIT 12381 verification SMS"}
	case n.Kind == phonenum.IoT:
		kind = Text{"物联网卡号码", "an IoT number"}
		problem = Text{"无法接收工信部12381核验短信", "it cannot receive the MIIT 12381 verification SMS"}
	case n.Kind == phonenum.Satellite:
		kind = Text{"卫星或应急通信号码", "a satellite or emergency-network number"}
		problem = Text{"可能无法接收工信部12381核验短信", "it may not receive the MIIT 12381 verification SMS"}
	default:
		return
	}
	// The province's fact when it decides; the segment table otherwise.
	src := factSource(allowed)
	if !allowed.Certain || src.IsZero() {
		src = sourceOf([]string{phonenum.SpecialSourceKey}, allowed.Certain)
	}
	pass.Add(Rejection{Code: CodePhoneVirtualSegment, Severity: sev, Field: path, Source: src,
		Args: pass.keepArgs([]Arg{Str("number", n.String()), {"segment_kind", kind}, {"problem", problem}})})
}

func runPhoneHolder(pass *Pass) error {
	f := pass.Filing
	reg := pass.Config.Registry
	if reg == nil {
		pass.Skip(CodePhoneUsedByOtherSubject, Text{"未配置Registry（备案记录查询）", "no Registry configured"})
		return nil
	}
	self := beian.SubjectID{Name: f.Subject.Name, CertType: f.Subject.CertType, CertNumber: f.Subject.CertNumber}
	held := map[string]bool{} // national number: held by another subject
	var err error
	eachPrincipal(f, func(i int, p *beian.Principal) {
		n, perr := pass.Config.PhoneSegments.Parse(p.Mobile)
		if err != nil || perr != nil || !n.Kind.IsMobileLike() {
			return // PHONE_INVALID
		}
		other, asked := held[n.National]
		if !asked {
			ctx, cancel := callContext(pass, reg)
			var holders []beian.SubjectID
			holders, err = reg.MobileHolders(ctx, n.National)
			cancel()
			if err != nil {
				return
			}
			for _, h := range holders {
				other = other || !sameHolder(h, self)
			}
			held[n.National] = other
		}
		if other {
			pass.Report(principalPath(i, "mobile"), CodePhoneUsedByOtherSubject, Str("number", n.String()))
		}
	})
	return err
}

// sameHolder reports whether a and b are the same subject: the same
// certificate type and number, the number compared without spaces and
// case.
func sameHolder(a, b beian.SubjectID) bool {
	return a.CertType == b.CertType && !blank(a.CertNumber) && !differentPeople(a.CertNumber, b.CertNumber)
}

// mobileWithTrunk reports whether value, read as the mobile-network
// number n, was typed with the trunk 0 before it ("013660123456"): its
// first digit (ASCII or full width) is 0 and the next is not (00 is the
// international prefix).
func mobileWithTrunk(value string, n phonenum.Number) bool {
	if !n.Kind.IsMobileLike() {
		return false
	}
	var first [2]rune
	k := 0
	for _, r := range value {
		if r >= '０' && r <= '９' {
			r -= '０' - '0'
		}
		switch {
		case r >= '0' && r <= '9':
			first[k] = r
			if k++; k == 2 {
				return first[0] == '0' && first[1] != '0'
			}
		case r == '+':
			return false
		}
	}
	return false
}

// landlineWithoutTrunk reports whether value, which parses as landline
// n, is typed without the trunk 0 of its area code (755-26888888 for
// 0755-26888888): its digits, full-width ones too, are n's national
// digits less the 0, and no + stands before them (+86 755 … is the
// international form, 86-755-… has the country code).
func landlineWithoutTrunk(value string, n phonenum.Number) bool {
	if n.Kind != phonenum.Landline {
		return false
	}
	digits := 0
	for _, r := range value {
		if r >= '０' && r <= '９' {
			r -= '０' - '0'
		}
		switch {
		case r >= '0' && r <= '9':
			if digits == 0 && r == '0' {
				return false
			}
			digits++
		case r == '+' || r == '＋':
			if digits == 0 {
				return false
			}
		}
	}
	national := 0
	for _, c := range n.String() {
		if c >= '0' && c <= '9' {
			national++
		}
	}
	return digits == national-1
}

// phoneTypedLoosely reports whether a phone number holds a full-width
// character or white space.
func phoneTypedLoosely(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c >= utf8.RuneSelf && phoneLooseRune(s[i:]) {
			return true
		}
	}
	return false
}

func phoneLooseRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 || unicode.IsSpace(r)
}
