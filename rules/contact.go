package rules

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/contact"
)

// Contact checks that e-mails are valid and principals' contacts are their
// own.
//
// Every principal's e-mail must be one plain address with a domain that has
// a dot, internationalised domains included (EMAIL_INVALID, with the
// reason; package contact). An address typed with full-width characters
// (＠, full-width letters, 。 for a dot), as a Chinese input method in
// full-width mode types it, is EMAIL_INVALID as a warning whose certain fix
// is the address in ASCII. Principals who are different people (different
// certificate numbers) must not share a mobile or an e-mail: the reviewers
// want each principal's contacts one-to-one (CONTACT_NOT_DISTINCT, at the
// later principal's field). Where the province's
// office_phone_differs_from_mobile fact says so (Beijing, Liaoning, Jilin),
// a principal's office phone must not be the same number as their mobile
// (CONTACT_NOT_DISTINCT at the office phone; a warning where the fact is
// uncertain).
//
// Every principal's emergency phone (应急联系电话) must differ from every
// principal's mobile, their own included (huawei-reject-reasons: the
// principals' mobiles and emergency numbers may not repeat;
// aliyun-ask-emergency): CONTACT_NOT_DISTINCT at the emergency phone, at
// the severity of the provider profile's emergency_distinct fact. Two
// principals who are different people may not give the same emergency
// phone either (huawei-reject-reasons; Chongqing wants two emergency
// contacts: CONTACT_NOT_DISTINCT at the later one's, at the same
// severity), and an emergency phone that is the principal's own office
// phone is CONTACT_NOT_DISTINCT as a warning. A principal without an
// emergency phone has the check listed as skipped: consoles often
// collect it at a later step. In a filing with a WeChat mini-program,
// whose filing API takes an emergency contact for the subject principal
// and the mini-program's principal (wechat-apply-icp-filing), their empty
// emergency phones are FIELD_REQUIRED as a warning.
//
// Where the province's emergency_remark_required fact says so (Tianjin),
// the remark of each website and App whose principal gives an emergency
// phone must say whose it is ("应急联系电话使用人为…"): a remark that does
// not mention 应急 is EMERGENCY_REMARK_MISSING (a warning where the fact is
// uncertain); one that mentions it but gives no relation (a unit's
// employee; a person's relative, friend, or 本人 for the principal's other
// number) or no name is EMERGENCY_REMARK_MISSING as a warning, the reading
// of the wording being a heuristic.
var Contact = &Rule{
	Name:  "contact",
	Doc:   docContact,
	Codes: []Code{CodeEmailInvalid, CodeContactNotDistinct, CodeEmergencyRemarkMissing, CodeFieldRequired},
	Run:   runContact,
}

// contactOf is what the rule compares of one principal.
type contactOf struct {
	i       int // as eachPrincipal numbers principals
	p       *beian.Principal
	email   contact.Email
	emailOK bool
	mobile  string // national number, once parsed; "" when not valid
	// emergency is the emergency phone's national number, once parsed;
	// "" when not valid or not given.
	emergency string
	// emergencyTaken says the emergency phone is a principal's mobile,
	// reported by checkEmergencyDistinct: the principal is not reported
	// again for sharing it.
	emergencyTaken bool
}

func runContact(pass *Pass) error {
	var buf [4]contactOf
	cs := buf[:0]
	if n := principalSlots(pass.Filing); n > len(buf) {
		// One allocation for a filing of many principals, not a dozen
		// as append doubles the list.
		cs = make([]contactOf, 0, n)
	}
	for n := range principalSlots(pass.Filing) {
		i := principalID(pass.Filing, n)
		p := principalAt(pass.Filing, i)
		if p == nil {
			continue
		}
		c := contactOf{i: i, p: p}
		if p.Email != "" {
			// The domain is most often a website's, read by rule domains
			// already: its reading in the pass answers (ParseEmailHosts).
			e, err := contact.ParseEmailHosts(p.Email, pass.hostParses)
			if err != nil {
				path := principalPath(i, "email")
				reason := contact.EmailReasonOf(err)
				r := pass.Reject(path, CodeEmailInvalid, Str("value", p.Email), Arg{"problem", emailProblem(reason)})
				if addr, ok := bareAddress(p.Email, reason); ok {
					r = pass.withFix(r, Fix{Field: path, Value: addr, Title: Text{"只保留地址" + addr, "Keep the address " + addr + " alone"}})
				}
				if want := fullWidthAddress(err); want != "" {
					r.Severity = Warning
					r = pass.withFix(r, Fix{Field: path, Value: want, Title: Text{"改为" + want, "Write it as " + want}})
					// The address it is read as (certain) is compared with
					// the other principals'.
					if e, err := contact.ParseEmail(want); err == nil {
						c.email, c.emailOK = e, true
					}
				}
				pass.Add(r)
			} else {
				c.email, c.emailOK = e, true
			}
		}
		cs = append(cs, c)
	}
	if fact := pass.Policy.OfficePhoneDiffersFromMobile; fact.Value && !pass.Province.IsZero() {
		for k := range cs {
			checkOfficePhone(pass, &cs[k], factSource(fact))
		}
	}
	for k := range cs {
		if n, ok := pass.national(cs[k].p.Mobile); ok {
			cs[k].mobile = n
		}
		if e := cs[k].p.EmergencyPhone; !blank(e) {
			if n, ok := pass.national(e); ok {
				cs[k].emergency = n
			}
		}
	}
	checkEmergencyDistinct(pass, cs)
	checkEmergencyShared(pass, cs)
	checkEmergencyRequired(pass)
	if fact := pass.Policy.EmergencyRemarkRequired; fact.Value && !pass.Province.IsZero() {
		checkEmergencyRemarks(pass, fact)
	}
	if len(cs) < 2 {
		return nil
	}
	// Each later principal sharing a contact with an earlier one who is
	// another person is reported once per contact, against the earliest
	// such principal.
	sharedContacts(cs, func(k int) (string, bool) { return cs[k].mobile, cs[k].mobile != "" },
		func(i, j int) bool { return cs[i].mobile != "" && cs[i].mobile == cs[j].mobile },
		func(i, j int) { reportShared(pass, &cs[i], &cs[j], "mobile", Text{"手机号码", "mobile"}) })
	sharedContacts(cs, func(k int) (string, bool) { return cs[k].email.Key(), cs[k].emailOK },
		func(i, j int) bool { return cs[i].emailOK && cs[j].emailOK && cs[i].email.SameMailbox(cs[j].email) },
		func(i, j int) { reportShared(pass, &cs[i], &cs[j], "email", Text{"电子邮箱", "e-mail"}) })
	return nil
}

// noEmergencyReason says why CONTACT_NOT_DISTINCT is skipped for
// principal i (as eachPrincipal numbers them), who gave no emergency
// phone: for the subject's principal, the most common, a text built once.
func noEmergencyReason(i int) Text {
	if i == -1 {
		return subjectNoEmergencyReason()
	}
	return noEmergencyReasonBuilt(i)
}

// subjectNoEmergencyReason is noEmergencyReasonBuilt(-1), built once.
var subjectNoEmergencyReason = sync.OnceValue(func() Text { return noEmergencyReasonBuilt(-1) })

// noEmergencyReasonBuilt is noEmergencyReason, built for the call.
func noEmergencyReasonBuilt(i int) Text {
	label := FieldLabel(principalPath(i, "emergency_phone"))
	return joinText("未填写应急联系电话（", label.ZH, "），无法检查", "no emergency phone given (", label.EN, ") to check")
}

// checkEmergencyDistinct reports emergency phones equal to a principal's
// mobile, and lists the check as skipped for a principal without one.
func checkEmergencyDistinct(pass *Pass, cs []contactOf) {
	fact := pass.Config.ProfileOf().EmergencyDistinct
	if !fact.Value {
		return
	}
	// The first principal (index in cs) with a mobile: pair by pair for a
	// few principals, through a map for many.
	var mobiles map[string]int
	if len(cs) > searchedContacts {
		mobiles = make(map[string]int, len(cs))
		for k := range cs {
			if m := cs[k].mobile; m != "" {
				if _, ok := mobiles[m]; !ok {
					mobiles[m] = k
				}
			}
		}
	}
	holder := func(national string) (int, bool) {
		if mobiles != nil {
			j, ok := mobiles[national]
			return j, ok
		}
		for j := range cs {
			if cs[j].mobile == national {
				return j, true
			}
		}
		return 0, false
	}
	skipped := false
	for k := range cs {
		c := &cs[k]
		if blank(c.p.EmergencyPhone) {
			if !skipped {
				skipped = true
				pass.Skip(CodeContactNotDistinct, noEmergencyReason(c.i))
			}
			continue
		}
		if c.emergency == "" {
			continue // PHONE_INVALID
		}
		j, ok := holder(c.emergency)
		if !ok {
			checkEmergencyOwnPhone(pass, c, fact)
			continue
		}
		c.emergencyTaken = true
		other := principalPath(cs[j].i, "mobile")
		problem := Text{"应急联系电话不能与负责人的手机号码相同", "the emergency phone may not be a principal's mobile"}
		if j == k {
			problem = Text{"应急联系电话不能是本人的手机号码", "the emergency phone may not be the principal's own mobile"}
		}
		pass.Add(Rejection{
			Code: CodeContactNotDistinct, Severity: severityOf(fact.Certain), Field: principalPath(c.i, "emergency_phone"),
			Related: pass.keepPaths(other), Source: factSource(fact),
			Args: pass.keepArgs([]Arg{
				{"other", FieldLabel(other)},
				{"problem", problem},
				{"remedy", Text{"填写另一人（如家人或同事）的号码作为应急联系电话", "Give another person's number (a relative or colleague) as the emergency phone"}},
			}),
		})
	}
}

// checkEmergencyRequired reports the empty emergency phones of a filing
// with a WeChat mini-program: WeChat's filing API takes an emergency
// contact for the subject principal and for the mini-program's principal
// (wechat-apply-icp-filing). FIELD_REQUIRED as a warning, a console
// possibly collecting it at a later step.
func checkEmergencyRequired(pass *Pass) {
	f := pass.Filing
	subject := false
	for i := range f.Apps {
		a := &f.Apps[i]
		if a.Type != beian.AppMiniProgram || !slices.ContainsFunc(a.Platforms, func(p beian.AppPlatform) bool { return p.Platform == beian.PlatformWeChat }) {
			continue
		}
		if p := principalAt(f, -2-i); p != nil && blank(p.EmergencyPhone) {
			reportEmergencyRequired(pass, -2-i)
		}
		subject = true
	}
	if subject && blank(f.Subject.Principal.EmergencyPhone) {
		reportEmergencyRequired(pass, -1)
	}
}

func reportEmergencyRequired(pass *Pass, i int) {
	pass.Add(Rejection{Code: CodeFieldRequired, Severity: Warning, Field: principalPath(i, "emergency_phone"),
		Source: sourceOf([]string{"wechat-apply-icp-filing"}, false)})
}

// checkEmergencyOwnPhone reports an emergency phone that is the same
// principal's own office phone: the emergency phone is to reach someone
// when the principal cannot be reached, so the reviewers want another
// number (app-filing-facts §5, "must differ from the principal's own
// numbers"). The sources name the mobile; the office phone is read into
// them, so it is a warning.
func checkEmergencyOwnPhone(pass *Pass, c *contactOf, fact provinces.Fact[bool]) {
	if blank(c.p.Phone) || !pass.mayBeNational(c.p.Phone, c.emergency) {
		return
	}
	phone, ok := pass.Config.PhoneSegments.National(c.p.Phone)
	if !ok || phone != c.emergency {
		return
	}
	other := principalPath(c.i, "phone")
	src := factSource(fact)
	src.Certain = false
	pass.Add(Rejection{
		Code: CodeContactNotDistinct, Severity: Warning, Field: principalPath(c.i, "emergency_phone"),
		Related: pass.keepPaths(other), Source: src,
		Args: pass.keepArgs([]Arg{
			{"other", FieldLabel(other)},
			{"problem", Text{"应急联系电话是负责人本人的办公电话，负责人无法联系时它也无法接通", "the emergency phone is the principal's own office phone, which does not help when the principal cannot be reached"}},
			{"remedy", Text{"填写另一人（如家人或同事）的号码作为应急联系电话", "Give another person's number (a relative or colleague) as the emergency phone"}},
		}),
	})
}

// mayBeSameNumber reports whether typed, a phone number as typed, may
// have national as its national number, without parsing it (which
// allocates for a landline): false when typed holds only ASCII digits
// and the separators "-+() ", its last group after a dash is longer than
// an extension (0755-26888888-801 ends with one), and its last seven
// digits are not national's. Anything else (full-width digits, an
// extension written 转801) may be, and is parsed.
// TestMayBeSameNumberAsNational holds it to Table.National.
func mayBeSameNumber(typed, national string) bool {
	const n = 7
	var a, b [n]byte
	ka, kb := n, n
	digits, dashSeen := 0, false
	for i := len(typed) - 1; i >= 0; i-- {
		switch c := typed[i]; {
		case c >= '0' && c <= '9':
			digits++
			if ka > 0 {
				ka--
				a[ka] = c
			}
		case c == '-':
			if !dashSeen && digits <= 6 {
				return true // an extension, perhaps
			}
			dashSeen = true
		case c == '+' || c == '(' || c == ')' || c == ' ':
		default:
			return true
		}
	}
	for i := len(national) - 1; i >= 0 && kb > 0; i-- {
		if c := national[i]; c >= '0' && c <= '9' {
			kb--
			b[kb] = c
		}
	}
	return ka != 0 || kb != 0 || a == b
}

// checkEmergencyShared reports an emergency phone shared by principals who
// are different people (different certificate numbers): the providers
// want the principals' mobiles and emergency numbers not to repeat
// (huawei-reject-reasons), and Chongqing two emergency contacts where the
// subject's and the website's principals differ (ucloud-chongqing). At the
// later principal's emergency phone, at the severity of the provider
// profile's emergency_distinct fact.
func checkEmergencyShared(pass *Pass, cs []contactOf) {
	fact := pass.Config.ProfileOf().EmergencyDistinct
	if !fact.Value || len(cs) < 2 {
		return
	}
	sharedContacts(cs, func(k int) (string, bool) { return cs[k].emergency, cs[k].emergency != "" },
		func(i, j int) bool { return cs[i].emergency != "" && cs[i].emergency == cs[j].emergency },
		func(i, j int) {
			if cs[j].emergencyTaken {
				return // a principal's mobile: reported as such
			}
			other := principalPath(cs[i].i, "emergency_phone")
			pass.Add(Rejection{
				Code: CodeContactNotDistinct, Severity: severityOf(fact.Certain), Field: principalPath(cs[j].i, "emergency_phone"),
				Related: pass.keepPaths(other), Source: factSource(fact),
				Args: pass.keepArgs([]Arg{
					{"other", FieldLabel(other)},
					{"problem", Text{
						"两位负责人不是同一人（证件号码不同），应急联系电话不能相同",
						"the two principals are different people (different certificate numbers) and may not give the same emergency phone",
					}},
					{"remedy", Text{"为每位负责人填写各自的应急联系电话", "Give each principal an emergency phone of their own"}},
				}),
			})
		})
}

// checkEmergencyRemarks reports the remarks of websites and Apps that do
// not say whose their principal's emergency phone is.
func checkEmergencyRemarks(pass *Pass, fact provinces.Fact[bool]) {
	f := pass.Filing
	example := Text{"应急联系电话使用人为本单位员工张三", "应急联系电话使用人为本单位员工张三 (the emergency phone's user is 张三, an employee of the unit)"}
	if f.Subject.Nature == beian.NaturePersonal {
		example = Text{"应急联系电话使用人为负责人张三的父亲张某", "应急联系电话使用人为负责人张三的父亲张某 (the emergency phone's user is 张某, the principal 张三's father)"}
	}
	policy := Text{pass.Province.Short + "管局要求在备注中写明应急联系电话的使用人及其与单位或负责人的关系", pass.Province.English + " wants the remark to name the emergency phone's user and their relation to the unit or principal"}
	personal := f.Subject.Nature == beian.NaturePersonal
	check := func(path func() beian.Path, remark string, p *beian.Principal) {
		sev := severityOf(fact.Certain)
		if strings.Contains(remark, "应急") {
			if remarkSaysWhose(remark, personal, f.Subject.Name, f.Subject.Principal.Name, p.Name) {
				return
			}
			sev = Warning // the reading of the wording is a heuristic
		}
		src := factSource(fact)
		if sev == Warning {
			src.Certain = false
		}
		pass.Add(Rejection{Code: CodeEmergencyRemarkMissing, Severity: sev, Field: path(), Source: src,
			Args: pass.keepArgs([]Arg{{"policy", policy}, {"example", example}})})
	}
	for i := range f.Websites {
		if p := f.WebsitePrincipal(i); p != nil && !blank(p.EmergencyPhone) {
			check(func() beian.Path { return beian.Path("websites").Index(i).Field("remark") }, f.Websites[i].Remark, p)
		}
	}
	for i := range f.Apps {
		if p := f.AppPrincipal(i); p != nil && !blank(p.EmergencyPhone) {
			check(func() beian.Path { return beian.Path("apps").Index(i).Field("remark") }, f.Apps[i].Remark, p)
		}
	}
}

// remarkSaysWhose reports whether a remark that mentions the emergency
// phone (应急) says whose it is as Tianjin wants (ucloud-tianjin): for a
// unit, the user's relation to the unit (员工 …) and their name; for a
// person, the user's relation to the principal (父亲 …, or 本人 for the
// principal's other number) and a name. A name is what is left, two Han
// characters or more, once the wording's usual words, the relation words
// and punctuation are taken out, and the names the filing gives already
// (the subject's, its principal's, the service principal's):
// "应急联系电话使用人为本单位员工" names no one, "应急联系人：李明" gives no
// relation. A person's remark that the number is the principal's own
// (本人) needs no other name.
func remarkSaysWhose(remark string, personal bool, known ...string) bool {
	relations := unitRelations
	if personal {
		relations = personRelations
	}
	related := false
	for _, w := range relations {
		if strings.Contains(remark, w) {
			related = true
			break
		}
	}
	if !related {
		return false
	}
	if personal && strings.Contains(remark, "本人") {
		return true
	}
	rest := remark
	for _, k := range known {
		if k = strings.TrimSpace(k); len(k) > 0 {
			rest = strings.ReplaceAll(rest, k, " ")
		}
	}
	rest = remarkWording.Replace(rest)
	for _, w := range relations {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	run := 0
	for _, r := range rest {
		if unicode.Is(unicode.Han, r) {
			if run++; run >= 2 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// unitRelations are the words that relate an emergency phone's user to a
// unit; personRelations to a person (the principal's relatives, friends,
// colleagues, or the principal themselves for another number of theirs).
var (
	unitRelations   = []string{"员工", "职员", "职工", "雇员", "工作人员", "同事", "法定代表人", "法人", "股东", "经理", "主管", "管理员", "单位", "公司"}
	personRelations = []string{"父亲", "母亲", "爸爸", "妈妈", "父", "母", "配偶", "妻子", "丈夫", "爱人", "老公", "老婆", "儿子", "女儿", "子女",
		"哥哥", "姐姐", "弟弟", "妹妹", "兄", "姐", "弟", "妹", "祖父", "祖母", "爷爷", "奶奶", "外公", "外婆", "叔叔", "阿姨", "舅舅", "姑姑",
		"亲属", "亲戚", "家人", "家属", "朋友", "同学", "同事", "本人"}
)

// remarkWording takes out of a remark the words of the wording itself
// (the emergency phone, its user, the principal, the principal's other
// number), leaving the names.
var remarkWording = strings.NewReplacer(
	"应急联系电话", " ", "应急联系人", " ", "应急电话", " ", "应急手机", " ", "应急", " ",
	"联系电话", " ", "手机号码", " ", "手机号", " ", "手机", " ", "电话", " ", "号码", " ",
	"使用人", " ", "使用者", " ", "联系人", " ", "负责人", " ", "主体", " ", "网站", " ",
	"另一个", " ", "另一", " ", "其他", " ", "备用", " ", "本单位", " ", "本公司", " ", "我单位", " ", "我公司", " ",
	"中", " ", "的", " ", "为", " ", "是", " ", "系", " ", "其", " ", "之", " ", "与", " ", "和", " ", "及", " ", "该", " ", "本", " ", "我", " ", "个", " ",
)

// searchedContacts is the most principals sharedContacts compares pair by
// pair; more are grouped by their contact first, so that a filing of many
// websites costs time linear in their number.
const searchedContacts = 8

// sharedContacts calls report(i, j) for each principal cs[j] that shares
// a contact with an earlier principal cs[i] who is another person, i being
// the earliest such. Short lists are compared pair by pair (no
// allocation); longer ones are grouped by key, where two principals share
// the contact when their keys are equal. The functions take indexes into
// cs, not pointers, so that cs can stay on its caller's stack.
func sharedContacts(cs []contactOf, key func(k int) (string, bool), same func(i, j int) bool, report func(i, j int)) {
	if len(cs) <= searchedContacts {
		for j := range cs {
			for i := 0; i < j; i++ {
				if same(i, j) && differentPeople(cs[i].p.CertNumber, cs[j].p.CertNumber) {
					report(i, j)
					break
				}
			}
		}
		return
	}
	// In each group, the earliest principal with a certificate number
	// (anchor) and the earliest whose number differs from the anchor's
	// (second): a principal differs from the anchor, or is the anchor's
	// person and differs from the second. Numbers without one never
	// differ from anyone.
	type group struct{ anchor, second int }
	groups := make(map[string]*group)
	for j := range cs {
		b := &cs[j]
		k, ok := key(j)
		if !ok || blank(b.p.CertNumber) {
			continue
		}
		g := groups[k]
		switch {
		case g == nil:
			groups[k] = &group{anchor: j, second: -1}
		case differentPeople(cs[g.anchor].p.CertNumber, b.p.CertNumber):
			report(g.anchor, j)
			if g.second < 0 {
				g.second = j
			}
		case g.second >= 0:
			report(g.second, j)
		}
	}
}

// differentPeople reports whether two certificate numbers are both given
// and differ once read as the parsers read them (certnum.Normalize: case,
// full width, and the spaces and hyphens typed between groups ignored):
// 4403-0519-9001-0112-3X is the person of 44030519900101123X.
func differentPeople(a, b string) bool {
	return !blank(a) && !blank(b) && !sameNumber(a, b)
}

func reportShared(pass *Pass, a, b *contactOf, field string, what Text) {
	other := principalPath(a.i, field)
	pass.Add(Rejection{
		Code: CodeContactNotDistinct, Severity: defaultSeverity(CodeContactNotDistinct),
		Field: principalPath(b.i, field), Related: pass.keepPaths(other),
		Args: pass.keepArgs([]Arg{
			{"other", FieldLabel(other)},
			{"problem", Text{
				"两位负责人不是同一人（证件号码不同），联系方式需一一对应",
				"the two principals are different people (different certificate numbers) and each needs contacts of their own",
			}},
			{"remedy", Text{"为每位负责人填写其本人的" + what.ZH, "Give each principal their own " + what.EN}},
		}),
	})
}

// checkOfficePhone reports an office phone equal to the same principal's
// mobile, in a province that forbids it.
func checkOfficePhone(pass *Pass, c *contactOf, fact Source) {
	if c.p.Phone == "" || c.p.Mobile == "" {
		return
	}
	phone, err1 := pass.Config.PhoneSegments.Parse(c.p.Phone)
	mobile, err2 := pass.Config.PhoneSegments.Parse(c.p.Mobile)
	if err1 != nil || err2 != nil || phone.National != mobile.National {
		return
	}
	p := pass.Province
	mobilePath := principalPath(c.i, "mobile")
	sev := defaultSeverity(CodeContactNotDistinct)
	if !fact.Certain {
		sev = Warning
	}
	pass.Add(Rejection{
		Code: CodeContactNotDistinct, Severity: sev, Field: principalPath(c.i, "phone"), Related: pass.keepPaths(mobilePath),
		Source: fact,
		Args: pass.keepArgs([]Arg{
			{"other", FieldLabel(mobilePath)},
			{"problem", Text{p.Short + "管局要求办公电话与负责人手机号码不同", p.English + " requires the office phone to differ from the principal's mobile"}},
			{"remedy", Text{"办公电话填写固定电话或另一个号码", "Give a landline or another number as the office phone"}},
		}),
	})
}

// fullWidthAddress returns, for an address typed with full-width
// characters (contact.EmailFullWidth), the address in ASCII: the certain
// fix; "" for any other error.
func fullWidthAddress(err error) string {
	if e, ok := err.(*contact.EmailError); ok && e.Reason == contact.EmailFullWidth {
		return e.Want
	}
	return ""
}

// bareAddress returns the address of an e-mail field that wraps one valid
// address in a display name or angle brackets ("张三 <a@example.cn>"): the
// certain fix.
func bareAddress(value string, reason contact.EmailReason) (string, bool) {
	if reason != contact.EmailDisplayName {
		return "", false
	}
	addr, ok := contact.AddressOf(strings.TrimSpace(value)) // as net/mail.ParseAddress reads it
	if !ok {
		return "", false
	}
	if _, err := contact.ParseEmail(addr); err != nil {
		return "", false
	}
	return addr, true
}
