package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/domain"
)

// Domains checks that website domains are filable registrable domains.
//
// Every domain of websites[].domains and domains[].domain is parsed as
// people type it (package rules/domain: Unicode or punycode, any case,
// full-width dots, a trailing dot). One that is not a registrable domain is
// DOMAIN_INVALID; a sub-domain (www.example.cn) or a URL given where the
// registered domain belongs is a DOMAIN_INVALID warning naming the domain to
// write. A website's domain typed otherwise than filed (upper case, full
// width, an ideographic full stop, a trailing dot) is a DOMAIN_INVALID
// warning whose certain fix is the domain in lower-case half width, in the
// script it was typed in; white space around it is not a typing. A domain
// record holds what the registry has and is not submitted: only a URL or a
// sub-domain is reported there. A duplicate is reported as one only.
//
// The same registrable domain twice among the websites, or twice among the
// domain records, is DOMAIN_DUPLICATE (on the later one, related to the
// first). A website listing more than one domain is WEBSITE_MULTIPLE_DOMAINS
// (one domain per website since 2019).
//
// A website domain whose suffix is not on the list of filable suffixes
// (domain.DefaultSuffixes, or validate.WithSuffixes) is
// DOMAIN_TLD_NOT_FILABLE; where the sources disagree (.org, .asia, .tel) it
// is a warning asking to confirm on MIIT's site. A government body whose
// domain is not under .gov.cn or .政务, or a public institution (事业单位)
// whose domain is not under .cn or .公益, is DOMAIN_SUFFIX_NATURE_MISMATCH
// (《互联网政务应用安全管理规定》); so is, the other way round, a domain under
// a suffix MIIT reserves for bodies of another kind (.gov.cn, .mil.cn,
// .edu.cn, .ac.cn, .政务, .公益: 中国互联网域名体系), an error for a person,
// an enterprise or a law firm, a warning for a nature the suffix is
// registered to only in part (a foundation on .gov.cn).
//
// When the caller gave the approved registrars
// (validate.WithApprovedRegistrars), a domain record naming another is
// DOMAIN_REGISTRAR_NOT_APPROVED, names compared as holder names are;
// without the list the check is listed as skipped.
//
// The domains of native Apps (apps[].platforms[].domains) are parsed too
// (DOMAIN_INVALID), and their suffix checked as a website's. Apps use
// sub-domains (api.example.cn), filed at the level the App uses
// (huawei-app-filing; ucloud-app-knowledge): one deeper than the provider
// profile's app_domain_max_level (the strictest sourced value, level 3 with
// the registered domain as level 1, by default; level 4 for Huawei) is
// DOMAIN_INVALID, a warning where the profile's value is not sourced. A
// domain an App shares with a website or another platform is not a
// duplicate; the same host twice in one platform's list is
// DOMAIN_DUPLICATE. An App domain typed as a URL, with a port, in upper
// case, in full width or with a trailing dot is a DOMAIN_INVALID warning
// whose certain fix is the host to file. A mini-program's or quick app's
// domain is a DOMAIN_INVALID warning whose fix clears it: they file none.
//
// Work is linear in the number of domains: they are indexed, never compared
// pairwise.
var Domains = &Rule{
	Name: "domain",
	Doc:  docDomains,
	Codes: []Code{
		CodeDomainInvalid, CodeDomainDuplicate, CodeWebsiteMultipleDomains,
		CodeDomainTLDNotFilable, CodeDomainSuffixNatureMismatch, CodeDomainRegistrarNotApproved,
	},
	Run: runDomains,
}

// SuffixList returns the filable-suffix list of c: c.Suffixes, or the
// built-in list when it is nil (or c is).
func (c *Config) SuffixList() *domain.SuffixList {
	if c == nil || c.Suffixes == nil {
		return domain.DefaultSuffixes()
	}
	return c.Suffixes
}

// RegistrarSet returns the approved registrars of c compiled for lookup,
// and false when the caller gave none.
func (c *Config) RegistrarSet() (*domain.NameSet, bool) {
	switch {
	case c == nil || c.ApprovedRegistrars == nil && c.Registrars == nil:
		return nil, false
	case c.Registrars != nil:
		return c.Registrars, true
	}
	return domain.NewNameSet(c.ApprovedRegistrars...), true
}

func runDomains(pass *Pass) error {
	f := pass.Filing
	list := pass.Config.SuffixList()
	n := 0
	for i := range f.Websites {
		n += len(f.Websites[i].Domains)
	}
	var seen domainLocs // by registrable domain
	seen.reserve(n)
	for i := range f.Websites {
		w := &f.Websites[i]
		if len(w.Domains) > 1 {
			pass.Report(elemField("websites", i, "domains"), CodeWebsiteMultipleDomains, Int("count", len(w.Domains)))
		}
		for j, raw := range w.Domains {
			loc := domainLoc{i: int32(i), j: int32(j)}
			d, ok := parseDomainField(pass, loc, raw)
			if !ok {
				continue
			}
			if first, dup := seen.get(d.ASCII()); dup {
				reportDuplicate(pass, loc, first, d) // its fix removes it: its typing is moot
				continue
			}
			warnNotRegistered(pass, loc, d, raw)
			seen.add(d.ASCII(), loc)
			checkSuffix(pass, loc, d, list)
			checkSuffixNature(pass, loc, d)
		}
	}

	checkAppDomains(pass, &seen, list)

	var records domainLocs
	records.reserve(len(f.Domains))
	var registrars *domain.NameSet
	asked, have := false, false
	for i := range f.Domains {
		r := &f.Domains[i]
		loc := domainLoc{i: int32(i), record: true}
		// A website's or an App's domain is parsed once per pass
		// (Pass.ParseDomain): a record of it costs a lookup.
		if d, ok := parseDomainField(pass, loc, r.Domain); ok {
			if first, dup := records.get(d.ASCII()); dup {
				reportDuplicate(pass, loc, first, d)
			} else {
				warnNotRegistered(pass, loc, d, r.Domain)
				records.add(d.ASCII(), loc)
			}
		}
		if blank(r.Registrar) {
			continue
		}
		if !asked {
			asked = true
			if registrars, have = pass.Config.RegistrarSet(); !have {
				pass.Skip(CodeDomainRegistrarNotApproved, Text{"未配置工信部批准的域名注册商名单", "no list of approved registrars configured"})
			}
		}
		if have && !registrars.Contains(r.Registrar) {
			pass.Report(beian.Path("domains").Index(i).Field("registrar"), CodeDomainRegistrarNotApproved, Str("registrar", shortValue(r.Registrar)))
		}
	}
	return nil
}

// checkAppDomains checks the domains of native Apps: each must parse, be
// no deeper than the provider profile takes, and have a filable suffix
// that suits the subject (checked once per registrable domain, and not
// again for a website's). A sub-domain is what an App uses, and the same
// domain may serve several platforms and a website: neither is reported.
// A domain typed as a URL, with a port, in upper case or full width is a
// DOMAIN_INVALID warning whose certain fix is the host as filed; the same
// host twice in one platform's list is DOMAIN_DUPLICATE.
func checkAppDomains(pass *Pass, websites *domainLocs, list *domain.SuffixList) {
	f := pass.Filing
	var checked map[string]bool
	for i := range f.Apps {
		a := &f.Apps[i]
		if a.Type.IsHosted() {
			warnHostedDomains(pass, i, a)
			continue
		}
		for k := range a.Platforms {
			var hosts map[string]int // this platform's hosts, when it lists several
			if len(a.Platforms[k].Domains) > 1 {
				hosts = make(map[string]int, len(a.Platforms[k].Domains))
			}
			for j, raw := range a.Platforms[k].Domains {
				if blank(raw) {
					continue
				}
				loc := domainLoc{i: int32(i), j: int32(j), k: int32(k), app: true}
				d, err := pass.ParseDomain(raw)
				if err != nil {
					pass.Report(loc.path(), CodeDomainInvalid, Str("domain", shortValue(raw)), Arg{"problem", domainProblem(err)}, Arg{"remedy", appDomainRemedy})
					continue
				}
				if hosts != nil {
					if first, dup := hosts[d.Host()]; dup {
						pass.Add(Rejection{Code: CodeDomainDuplicate, Severity: defaultSeverity(CodeDomainDuplicate), Field: loc.path(),
							Related: pass.keepPaths(domainLoc{i: int32(i), j: int32(first), k: int32(k), app: true}.path()), Args: pass.keepArgs([]Arg{Str("domain", appHost(d, raw))})})
						continue
					}
					hosts[d.Host()] = j
				}
				warnAppDomainForm(pass, loc, d, raw)
				checkAppDomainLevel(pass, loc, d, raw)
				key := d.ASCII()
				if _, web := websites.get(key); web || checked[key] {
					continue
				}
				if checked == nil {
					checked = map[string]bool{}
				}
				checked[key] = true
				checkSuffix(pass, loc, d, list)
				checkSuffixNature(pass, loc, d)
			}
		}
	}
}

// warnHostedDomains reports each domain of a mini-program or quick app:
// they file none (the MIIT form collects no domain list for them,
// app-filing-facts §1.2), as their signature and key (rule apps). A
// warning whose fix clears it.
func warnHostedDomains(pass *Pass, i int, a *beian.App) {
	for k := range a.Platforms {
		for j, raw := range a.Platforms[k].Domains {
			if blank(raw) {
				continue
			}
			at := platformPath(i, k).Field("domains").Index(j)
			r := pass.Reject(at, CodeDomainInvalid, Str("domain", shortValue(raw)),
				Loc("problem", "小程序和快应用备案不填写域名，应删除", "mini-programs and quick apps file no domains; remove it"),
				Loc("remedy", "删除小程序或快应用的域名", "Remove the domains of the mini-program or quick app"))
			r.Severity = Warning
			pass.Add(pass.withFix(r, Fix{Field: at, Value: "", Title: Text{"清空此项", "Clear it"}}))
		}
	}
}

// DOMAIN_INVALID's remedies: a website files its registered domain, an
// App the host it reaches its back end through.
var (
	siteDomainRemedy = Text{"填写注册的主域名，不带http://、www或路径，如example.cn", "Give the registered domain without http://, www or a path, such as example.cn"}
	appDomainRemedy  = Text{"填写App访问的主机名（可为子域名，如api.example.cn），不带http://、端口或路径", "Give the host the App reaches (a sub-domain such as api.example.cn is fine), without http://, a port or a path"}
)

// appHost returns the host of an App domain in the form to file it: the
// parsed host in lower-case ASCII, with the registrable domain in Unicode
// when raw was typed in Unicode (示例.中国 stays Chinese; full-width
// letters become ASCII).
func appHost(d domain.Domain, raw string) string {
	if !typedInUnicode(raw) {
		return d.Host()
	}
	sub := d.Host()[:len(d.Host())-len(d.ASCII())]
	return sub + d.Unicode()
}

// warnAppDomainForm reports an App domain not written as the host to
// file: a URL (a scheme, a path, a port, user information), upper case,
// full-width characters or a trailing dot. The host is certain, and is the
// fix; a warning, as for a website's URL, for the value names a domain.
func warnAppDomainForm(pass *Pass, loc domainLoc, d domain.Domain, raw string) {
	want := appHost(d, raw)
	if strings.TrimSpace(raw) == want {
		return
	}
	problem, title := joinTexts("App域名填写所用的主机名", "，不带http://、端口或路径，使用小写半角字符", "file the host the App uses, ", ", without http://, a port or a path, in lower-case half-width characters",
		"改为", "", "Use ", "", want, want)
	reportDomainForm(pass, loc.path(), raw, want, problem, title, appDomainRemedy, Warning)
}

// reportDomainForm reports the domain raw at path, not typed as filed, as
// DOMAIN_INVALID at sev whose certain fix is value.
func reportDomainForm(pass *Pass, path beian.Path, raw, value string, problem, title, remedy Text, sev Severity) {
	r := pass.Reject(path, CodeDomainInvalid, Str("domain", shortValue(raw)),
		Arg{"problem", problem}, Arg{"remedy", remedy})
	r.Severity = sev
	pass.Add(pass.withFix(r, Fix{Field: path, Value: value, Title: title}))
}

// domainLevel returns the level of d's host, the registrable domain being
// level 1 (api.example.cn is 2), as consoles count App domains.
func domainLevel(d domain.Domain) int {
	return strings.Count(d.Host(), ".") - strings.Count(d.ASCII(), ".") + 1
}

// checkAppDomainLevel reports an App domain deeper than the provider
// profile's app_domain_max_level.
func checkAppDomainLevel(pass *Pass, loc domainLoc, d domain.Domain, raw string) {
	fact := pass.Config.ProfileOf().AppDomainMaxLevel
	level := domainLevel(d)
	if fact.Value <= 0 || level <= fact.Value {
		return
	}
	maxLevel := strconv.Itoa(fact.Value)
	pass.Add(Rejection{
		Code: CodeDomainInvalid, Severity: severityOf(fact.Certain), Field: loc.path(), Source: factSource(fact),
		Args: pass.keepArgs([]Arg{Str("domain", shortValue(raw)), Loc("problem",
			"是"+strconv.Itoa(level)+"级域名，App域名最多填到"+maxLevel+"级（以注册的主域名为1级）",
			"is a level-"+strconv.Itoa(level)+" domain; App domains are filed down to level "+maxLevel+" (the registered domain being level 1)"),
			{"remedy", appDomainRemedy}}),
	})
}

// domainLocs maps registrable domains to where each was first seen, as a
// map would: a few in place (a filing has one or two), more in a map, so
// that the rule's time stays linear in the filing's size.
// TestDomainLocsAsMap holds it to a map.
type domainLocs struct {
	keys [4]string
	locs [4]domainLoc
	n    int
	more map[string]domainLoc
}

// reserve sizes the map for n domains when they will not fit in place.
func (s *domainLocs) reserve(n int) {
	if n > len(s.keys) && s.more == nil {
		s.more = make(map[string]domainLoc, n-len(s.keys))
	}
}

func (s *domainLocs) get(key string) (domainLoc, bool) {
	for i, k := range s.keys[:s.n] {
		if k == key {
			return s.locs[i], true
		}
	}
	loc, ok := s.more[key]
	return loc, ok
}

// add records where key is; key must not be there yet.
func (s *domainLocs) add(key string, loc domainLoc) {
	if s.n < len(s.keys) {
		s.keys[s.n], s.locs[s.n] = key, loc
		s.n++
		return
	}
	if s.more == nil {
		s.more = map[string]domainLoc{}
	}
	s.more[key] = loc
}

// A domainLoc is where a domain is in the filing: websites[i].domains[j],
// or domains[i].domain for a record. Its path is built only to report.
type domainLoc struct {
	// Indexes as int32, so that a large filing's maps of locations
	// (domainLocs) hold 16 bytes a domain, not 32: no filing in memory
	// holds 2³¹ websites, Apps or domains.
	i, j, k int32
	record  bool
	app     bool // apps[i].platforms[k].domains[j]
}

func (l domainLoc) path() beian.Path {
	if l.record {
		return elemField("domains", int(l.i), "domain")
	}
	if l.app {
		return platformPath(int(l.i), int(l.k)).Field("domains").Index(int(l.j))
	}
	return elemFieldIndex("websites", int(l.i), "domains", int(l.j))
}

func reportDuplicate(pass *Pass, loc, first domainLoc, d domain.Domain) {
	pass.Add(Rejection{Code: CodeDomainDuplicate, Severity: defaultSeverity(CodeDomainDuplicate), Field: loc.path(),
		Related: pass.keepPaths(first.path()), Args: pass.keepArgs([]Arg{domainArg(d)})})
}

// parseDomainField parses the domain at field, reporting DOMAIN_INVALID
// when it is not one (an error); the caller reports its form
// (warnNotRegistered) unless it is a duplicate. A blank field is
// FIELD_REQUIRED's and gives false without a report.
func parseDomainField(pass *Pass, loc domainLoc, raw string) (domain.Domain, bool) {
	if blank(raw) {
		return domain.Domain{}, false
	}
	d, err := pass.ParseDomain(raw)
	if err != nil {
		pass.Report(loc.path(), CodeDomainInvalid, Str("domain", shortValue(raw)), Arg{"problem", domainProblem(err)}, Arg{"remedy", siteDomainRemedy})
		return domain.Domain{}, false
	}
	return d, true
}

// warnNotRegistered reports a domain not written in its filing form, with
// that form as its fix: the registered domain in lower case and half
// width, without a trailing dot, in the script it was typed in (示例.中国
// stays Chinese, punycode stays punycode). A warning for the registered
// domain pasted with www., as a URL, in upper case, full width or with a
// trailing dot; an error for a sub-domain of any other label
// (blog.example.cn), which cannot be filed by itself: only the registered
// domain is, and it covers its sub-domains (huawei-filing-rules). White
// space around the value is not a typing (a form trims it), as in the
// phone and certificate fields and an App's domains. A domain record
// (domains[]) is what the registry holds, compared by meaning and not
// submitted as typed: only a URL or a sub-domain is reported there.
func warnNotRegistered(pass *Pass, loc domainLoc, d domain.Domain, raw string) {
	if raw == d.ASCII() {
		return // the usual field: typed as filed
	}
	// The registrable domain is certain; it is given in the form the
	// caller typed it (Unicode or punycode).
	value := d.ASCII()
	if typedInUnicode(raw) {
		value = d.Unicode()
	}
	if !registered(d, raw) {
		u := d.Unicode()
		problem, title := joinTexts("备案填写注册的主域名", "，不带www、http://或路径", "file the registered domain ", ", without www, http:// or a path",
			"改为注册的主域名", "", "Use the registered domain ", "", u, u)
		sev := Warning
		if sub := subdomainLabels(d); sub != "" && sub != "www" {
			sev = Error
		}
		reportDomainForm(pass, loc.path(), raw, value, problem, title, siteDomainRemedy, sev)
		return
	}
	if !loc.record && strings.TrimSpace(raw) != value {
		problem, title := joinTexts("域名应写作", "，使用小写半角字符，末尾不带点", "file it as ", ", in lower-case half-width characters without a trailing dot",
			"改为", "", "Use ", "", value, value)
		reportDomainForm(pass, loc.path(), raw, value, problem, title, siteDomainRemedy, Warning)
	}
}

// typedInUnicode reports whether the domain raw was typed in Unicode
// (示例.中国) rather than in ASCII or punycode: whether it holds a character
// that is neither ASCII nor a full-width form of one, nor an ideographic
// full stop (ｓｈｉｌｉｋｅｊｉ。ｃｎ is typed in ASCII, in full width).
func typedInUnicode(raw string) bool {
	for _, r := range raw {
		if r >= utf8.RuneSelf && !(r >= 0xFF01 && r <= 0xFF5E) && r != '。' && r != '｡' && r != '\u3000' {
			return true
		}
	}
	return false
}

// subdomainLabels returns the labels of d's host before its registered
// domain, in ASCII: "blog" for blog.example.cn, "" for example.cn.
func subdomainLabels(d domain.Domain) string {
	h, reg := d.Host(), d.ASCII()
	if len(h) <= len(reg)+1 {
		return ""
	}
	return h[:len(h)-len(reg)-1]
}

// registered reports whether raw, parsed as d, was written as the
// registered domain itself: not a sub-domain, not a URL.
func registered(d domain.Domain, raw string) bool {
	if d.IsSubdomain() {
		return false
	}
	if raw == d.ASCII() {
		// As it is parsed (the usual field): a domain holds none of a
		// URL's characters (TestRegisteredAsScan).
		return true
	}
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '/', ':', '@', '?', '#':
			return false
		}
	}
	return true
}

// validDomain reports whether s is a registrable domain written as a
// filing wants it (the check of tag icp_domain): a domain that
// domain.Parse accepts, in any case or width and with IDN labels in either
// form, that is not a sub-domain and not a URL.
func validDomain(s string) bool {
	d, err := domain.Parse(s)
	return err == nil && registered(d, s)
}

// shortValue cuts a value shown in a message to 80 bytes.
func shortValue(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func domainArg(d domain.Domain) Arg { return Str("domain", d.Unicode()) }

// checkSuffix reports a suffix that is not filable, or disputed.
func checkSuffix(pass *Pass, loc domainLoc, d domain.Domain, list *domain.SuffixList) {
	e := list.Lookup(d)
	if e.Status == domain.Filable {
		return
	}
	suffix := Str("suffix", "."+d.UnicodeSuffix())
	keys := list.SourceKeys(e)
	if len(keys) == 0 {
		keys = []string{domain.SuffixesSourceKey}
	}
	if e.Status == domain.Disputed {
		r := pass.Reject(loc.path(), CodeDomainTLDNotFilable, suffix,
			Loc("verdict", "是否可以备案各方说法不一", "may not be filable: the sources disagree"),
			Loc("remedy", "提交前在工信部域名信息公示网站"+domain.MIITSuffixSite+"确认该后缀可以备案，否则改用.cn、.com等后缀的域名",
				"Confirm on MIIT's domain site "+domain.MIITSuffixSite+" that the suffix is approved before submitting, or use a domain under .cn, .com or another filable suffix"))
		r.Severity = Warning
		pass.Add(r.From(sourceOf(keys, false)))
		return
	}
	pass.Add(pass.Reject(loc.path(), CodeDomainTLDNotFilable, suffix,
		Loc("verdict", "不在工信部批准可备案的后缀之列", "is not among the suffixes MIIT approved for filing"),
		Loc("remedy", "改用.cn、.com等可备案后缀的域名（工信部批准的后缀见"+domain.MIITSuffixSite+"）",
			"Use a domain under .cn, .com or another filable suffix (MIIT's approved suffixes: "+domain.MIITSuffixSite+")")).From(sourceOf(keys, true)))
}

// Suffixes the natures of public bodies must use (《互联网政务应用安全管理规定》,
// quoted by Huawei for several provinces: huawei-province-rules).
const (
	suffixGovCN    = "gov.cn"
	suffixZhengwu  = "xn--zfr164b" // 政务
	suffixCN       = "cn"
	suffixGongyi   = "xn--55qw42g" // 公益
	suffixGovNames = ".gov.cn、.政务"
	suffixInstName = ".cn、.公益"
)

// checkSuffixNature reports a government body or public institution off
// the suffixes it must use.
func checkSuffixNature(pass *Pass, loc domainLoc, d domain.Domain) {
	nature := pass.Filing.Subject.Nature
	var ok bool
	var names string
	switch nature {
	case beian.NatureGovernment:
		ok = under(d, suffixGovCN) || under(d, suffixZhengwu)
		names = suffixGovNames
	case beian.NatureInstitution:
		ok = under(d, suffixCN) || under(d, suffixGongyi)
		names = suffixInstName
		if ok { // under .cn, and maybe under a suffix of another kind's (.gov.cn)
			checkReservedSuffix(pass, loc, d, nature)
			return
		}
	default:
		checkReservedSuffix(pass, loc, d, nature)
		return
	}
	if !ok {
		en := strings.ReplaceAll(names, "、", " or ")
		pass.Add(Rejection{Code: CodeDomainSuffixNatureMismatch, Severity: defaultSeverity(CodeDomainSuffixNatureMismatch),
			Field: loc.path(), Related: pass.keepPaths("subject.nature"),
			Args: pass.keepArgs([]Arg{labelArg("nature", nature), Loc("suffixes", names, en),
				Loc("verdict", "须以"+names+"结尾", "must use a domain ending in "+en),
				Loc("remedy", "改用以"+names+"结尾的域名", "Use a domain ending in "+en)})})
	}
}

// under reports whether d's registrable domain is under suffix.
func under(d domain.Domain, suffix string) bool {
	s := d.Suffix()
	return s == suffix || strings.HasSuffix(s, "."+suffix)
}
