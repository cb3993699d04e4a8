package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// SiteName checks that website names follow the naming rules.
//
// Every check reads the name normalised (see names.Normalize): full-width
// letters, traditional characters, upper case, invisible characters and
// spaces between Chinese characters do not change the outcome.
//
// A name needs three or more Chinese characters (SITE_NAME_TOO_SHORT), and
// one of only Latin letters and digits is refused (SITE_NAME_NOT_CHINESE).
// Symbols and punctuation are refused (SITE_NAME_SPECIAL_CHARS, one per
// character). Both are judged on the characters as typed: ㍿ is one symbol,
// not the four characters NFKC makes of it, and ™ ① ㊥ 🈶 are symbols; parentheses and the hyphen, which one secondary source says
// reviewers tolerate, are a warning; the middle dot of foreign names (达·芬奇)
// and spaces between words are accepted. A name that is one of the filing's
// domains, or shaped like any domain, is SITE_NAME_IS_DOMAIN.
//
// Names starting with 中国, 中华, 中央, 人民, 人大, 国家, 全国, 反腐, 纪检,
// 监察, 信访, 维权 or 投诉, however disguised (中·国, 中-国, 中(国), 中_国), are
// for national units only (SITE_NAME_BANNED_PREFIX), also with each of
// their characters repeated (中中国国); a longer ordinary word
// (反腐蚀) is no prefix. The filing has no national-level mark: a unit
// whose registered name starts with the same word is taken as entitled to it,
// as is a government body to the state-function words 反腐, 纪检, 监察, 信访.
//
// SITE_NAME_SENSITIVE reports each word of the sensitive-word dictionary the
// name holds (the built-in one of gambling, pornography, drugs, fraud,
// weapons, anti-corruption, other illegal-trade and misleading words, plus
// the caller's), however disguised. Where the words around it take its
// characters (紫色情怀 reads 紫色/情怀) it is a warning whose argument
// read_as gives that reading; a word of a grave category (gambling,
// pornography, drugs, fraud) stays an error unless common words, place
// names or persons' names take all its characters (赌博物馆 is refused;
// see names.Dictionary.FindEvery). So is a word of three characters or
// more written with each character repeated (六六合合彩彩, 法法轮轮功功):
// its own characters only and every one repeated, so that an ordinary
// reduplication (天天, 嘟嘟) beside other words reads as before.
// Government bodies may use the anti-corruption words (a 纪委's 廉政网).
// The words of licensed trades and banned goods that the dictionary
// leaves out (毒品, 大麻, 彩票, 炸药, 办证 …: data/restricted.txt) are
// SITE_NAME_SENSITIVE as a warning, where their own characters are
// written however separated (not as homophones nor pinyin), except in a
// government body's names: such a site may be
// lawful, and a reviewer may still take the word for a sensitive one.
//
// A personal site's name must not use the words of the national list
// (博客, 论坛, 工作室, 网站 …), enterprise, national and public-affairs words,
// organisation words (协会, 俱乐部, 联盟, 事务所 …), nor the province's own
// words (SITE_NAME_PERSONAL_RESTRICTED). A place name it is read as
// (杭州, 内蒙古, 乌鲁木齐; not 中山 of 中山装, nor a district's short form
// such as 和平) is the same code as a warning: UCloud and xinnet forbid
// 地点名称 in personal names, and the reading can be wrong. So is an
// idiom it is read as (一帆风顺, 画蛇添足: jieba's four-character idioms,
// less the ordinary compounds it tags so, such as 精神文明): UCloud
// forbids 成语 too, xinnet does not. Where the
// province fixes the forms a personal name may take (Jiangsu: 某某的个人博客,
// 某某的个人主页), the name
// must take one of them instead, with a person as its 某某, not a company
// or an organisation.
//
// The rule reads a name's first 116 characters (the field's limit and a
// margin): the text rule reports a longer one.
//
// A unit's site whose name is otherwise acceptable but shares no two
// consecutive characters with the unit's name (its region and legal form
// left aside), and whose remark does not name the site, gets the notice
// SITE_NAME_NEEDS_REMARK: providers ask for the remark "XX为本公司的项目/产品".
var SiteName = &Rule{
	Name: "sitename",
	Doc:  docSiteName,
	Codes: []Code{
		CodeSiteNameTooShort, CodeSiteNameNotChinese, CodeSiteNameSpecialChars,
		CodeSiteNameBannedPrefix, CodeSiteNameIsDomain, CodeSiteNameSensitive,
		CodeSiteNamePersonalRestricted, CodeSiteNameNeedsRemark,
	},
	Run: runSiteName,
}

func runSiteName(pass *Pass) error {
	f := pass.Filing
	subject := &f.Subject
	dict := pass.Config.SensitiveDictionary()
	// The core of the unit's name, for the notice to a name that is
	// otherwise fine: found on first use (a rejected name needs none).
	unitNamed := subject.Nature.IsUnit() && !blank(subject.Name)
	for i := range f.Websites {
		w := &f.Websites[i]
		if blank(w.Name) {
			continue // the fields rule reports it
		}
		// The path is built only to report, once: a clean name costs no
		// allocation.
		var path beian.Path
		at := func() beian.Path {
			if path == "" {
				path = websiteNamePath(i)
			}
			return path
		}
		raw := boundedName(w.Name)
		prepared := pass.SiteNamePrepared(i)
		name := prepared.Text() // names.Normalize(raw), once for every rule

		reported := false
		// span is where the problem is in raw; none when span[1] is 0
		// (a word found is never empty).
		report := func(code Code, sev Severity, span [2]int, args ...Arg) {
			r := pass.Reject(at(), code, args...)
			r.Severity = sev
			if span[1] > 0 {
				// raw is the start of the field's clean value.
				r.Span = pass.Span(at(), w.Name, span[0], span[1])
			}
			if code == CodeSiteNameSpecialChars {
				if fixed, ok := nameWithoutSymbols(pass, w, raw, dict); ok {
					r = r.WithFix(Fix{Field: at(), Value: fixed, Title: Text{"删除符号：" + fixed, "Remove the symbols: " + fixed}})
				}
			}
			pass.Add(r)
			reported = true
		}
		checkNameForm(raw, name, w.Domains, report)
		// The dictionaries' finds in the name share its segmentation
		// through the pass's memo.
		memo := pass.nameMemo()
		// The name as typed, read where a word's span in it is wanted:
		// its characters are the name's, so that its finds share the
		// memo's answers and readings.
		var rawPrepared *names.Prepared
		rawPre := func() *names.Prepared {
			if rawPrepared == nil {
				p := names.Prepare(raw)
				rawPrepared = &p
			}
			return rawPrepared
		}
		if word, exempt, span := bannedPrefixOf(pass, name, prepared, memo); word != "" && !exempt {
			if raw != name {
				span = bannedPrefixSpan(raw, rawPre, memo) // where it is typed
			}
			report(CodeSiteNameBannedPrefix, Error, span, Str("prefix", word))
		} else if word == "" {
			if word, exempt := repeatedPrefix(pass, name); word != "" && !exempt {
				report(CodeSiteNameBannedPrefix, Error, [2]int{}, Str("prefix", word)) // 中中国国
			}
		}
		// FindEvery allocates nothing when it finds nothing.
		var hitBuf [4]names.Match
		hits := memo.AppendEvery(hitBuf[:0], dict, prepared)
		typed := typedSpans{raw: raw, name: name, find: func() []names.Match { return memo.FindEvery(dict, rawPre()) }}
		for _, m := range hits {
			if m.Category == "clean_government" && subject.Nature == beian.NatureGovernment {
				continue
			}
			span := typed.of(m)
			if m.ReadAs != "" {
				// The words around it take its characters (紫色情怀):
				// a reviewer may still read it, so it is not dropped
				// silently.
				report(CodeSiteNameSensitive, Warning, span, Str("word", m.Word), Str("read_as", m.ReadAs), readAsReading(m.ReadAs))
				continue
			}
			if weakHomophone(m) {
				report(CodeSiteNameSensitive, Warning, span, Str("word", m.Word), homophoneReading(stretch(name, m), m.Word))
				continue
			}
			report(CodeSiteNameSensitive, Error, span, Str("word", m.Word))
		}
		for _, m := range repeatedWords(dict, name, hits) {
			if m.Category == "clean_government" && subject.Nature == beian.NatureGovernment {
				continue
			}
			report(CodeSiteNameSensitive, Error, [2]int{}, Str("word", m.Word), repeatedReading)
		}
		if subject.Nature != beian.NatureGovernment {
			// The words of licensed trades and banned goods (毒品, 彩票):
			// a warning, where the name as typed holds them; not to a
			// government body.
			reportRestricted(memo, raw, name, prepared, rawPre, func(span [2]int, word string) {
				report(CodeSiteNameSensitive, Warning, span, Str("word", word), restrictedReading)
			})
		}
		switch {
		case subject.Nature == beian.NaturePersonal:
			checkPersonalName(pass, at, prepared)
		case unitNamed && !reported:
			// The notice is advice for a name that is otherwise fine.
			if core := pass.subjectCore(); core != "" && !relatesToCore(name, core) && !explainedByRemark(w.Remark, name) {
				pass.Report(at(), CodeSiteNameNeedsRemark, Str("name", w.Name))
			}
		}
	}
	return nil
}

// checkPersonalName checks a personal site's normalised name against the
// words personal sites must not use, or the forms the province allows.
func checkPersonalName(pass *Pass, at func() beian.Path, prepared *names.Prepared) {
	name := prepared.Text()
	province := pass.Province.Name
	if forms := pass.Policy.PersonalNameForms; len(forms.Value) > 0 {
		for _, form := range forms.Value {
			if form = names.Normalize(form); form != "" && strings.HasSuffix(name, form) && len(name) > len(form) {
				checkPersonalOwner(pass, at, strings.TrimSuffix(name, form))
				return
			}
		}
		examples := strings.Join(forms.Value, "」「某某")
		pass.ReportFact(at(), CodeSiteNamePersonalRestricted, factSource(forms),
			Loc("problem", "在"+province+"只能采用「某某"+examples+"」的形式",
				"can only take the form 某某"+strings.Join(forms.Value, " or 某某")+" in "+pass.Province.English),
			Loc("remedy", "将名称改为「张三"+forms.Value[0]+"」这样的形式，并在备注中说明网站内容",
				"Rename it like 张三"+forms.Value[0]+" and describe the content in the remark"))
		return
	}
	reported := func(string) bool { return false }
	var words []string
	if found := pass.nameMemo().FindAll(personalDictionary(), prepared); len(found) > 0 {
		for _, m := range found {
			words = append(words, m.Word)
			if m.Category == "trade" {
				// An industry's word, from an older list: a warning.
				pass.ReportAt(at(), CodeSiteNamePersonalRestricted, Warning,
					Loc("problem", "不宜使用行业词「"+m.Word+"」", "should not use the industry word "+m.Word),
					personalRemedy(m.Word))
				continue
			}
			pass.Report(at(), CodeSiteNamePersonalRestricted,
				Loc("problem", "不能使用「"+m.Word+"」", "cannot use "+m.Word),
				personalRemedy(m.Word))
		}
		reported = func(w string) bool {
			for _, x := range words {
				if strings.Contains(x, w) {
					return true
				}
			}
			return false
		}
	}
	places, idioms := personalPlaceNames(name)
	for _, w := range places {
		if reported(w) {
			continue
		}
		// A warning: the segmentation that finds the place can be wrong,
		// and only two providers state the rule.
		pass.ReportAt(at(), CodeSiteNamePersonalRestricted, Warning,
			Loc("problem", "不宜使用地名「"+w+"」", "should not use the place name "+w),
			personalRemedy(w))
	}
	reportPersonalIdioms(pass, at, idioms, reported)
	banned := pass.Policy.PersonalNameBannedWords
	for _, w := range banned.Value {
		if w = names.Normalize(w); w == "" || !strings.Contains(name, w) || reported(w) {
			continue
		}
		pass.ReportFact(at(), CodeSiteNamePersonalRestricted, factSource(banned),
			Loc("problem", "不能使用「"+w+"」（"+province+"管局）", "cannot use "+w+" ("+pass.Province.English+")"),
			personalRemedy(w))
	}
}

// checkPersonalOwner checks the 某某 of a name in a prescribed personal
// form (张三的个人博客): a person, not a company, an organisation or the
// state (示例科技有限公司的个人博客 is a unit's site in disguise).
func checkPersonalOwner(pass *Pass, at func() beian.Path, owner string) {
	reported := false
	for _, m := range personalDictionary().FindAll(owner) {
		sev := defaultSeverity(CodeSiteNamePersonalRestricted)
		switch m.Category {
		case "national", "bulletin":
			continue // the form itself is a blog or a home page
		case "trade":
			sev = Warning // an industry's word, from an older list
		}
		reported = reported || sev == Error
		pass.ReportAt(at(), CodeSiteNamePersonalRestricted, sev,
			Loc("problem", "「某某」处不能使用「"+m.Word+"」：应为个人的名字", "cannot use "+m.Word+" where the form wants a person's name"),
			personalRemedy(m.Word))
	}
	if !reported && !names.PersonName(owner) {
		// A business's name without an organisation word (示例彩印的个人博客).
		pass.Report(at(), CodeSiteNamePersonalRestricted,
			Loc("problem", "「某某」处应为个人的名字，「"+owner+"」不像人名", "wants a person's name where the form has 某某, and "+owner+" is not one"),
			Loc("remedy", "将「"+owner+"」改为网站负责人的姓名", "Replace "+owner+" with the name of the person who runs the site"))
	}
}

func personalRemedy(word string) Arg {
	return Loc("remedy",
		"删除「"+word+"」：个人网站的名称应体现个人网站的特点，不涉及企业、行业、产品、地名或国家等信息",
		"Remove "+word+": a personal site's name should describe a personal site, without enterprise, industry, product, place or national information")
}

// nameMargin is how many runes past its field's limit a name the rules
// read may have: the text rule reports the excess, and the naming rules
// judge the name's start, in time bounded whatever its length.
const nameMargin = 16

// boundedName returns s cut after the limit of a name field and
// nameMargin runes more.
func boundedName(s string) string { return boundedRunes(s, specName.limit+nameMargin) }

// boundedRunes returns s cut after its first limit runes.
func boundedRunes(s string, limit int) string {
	if len(s) <= limit {
		return s // no more runes than bytes
	}
	n := 0
	for i := range s {
		if n == limit {
			return s[:i]
		}
		n++
	}
	return s
}

// typedSpans finds where the words a dictionary finds in a name,
// normalised, are typed in the name as sent (raw): the words found are
// raw's own bytes when normalising changed nothing; otherwise the k-th
// find of a word is its k-th find in raw, whose finds find reads once,
// when first needed.
type typedSpans struct {
	raw, name string
	find      func() []names.Match
	hits      []names.Match  // find's answer
	seen      map[string]int // the finds of each word so far
}

// of returns where m, a find in the normalised name, is typed in raw.
func (t *typedSpans) of(m names.Match) [2]int {
	if t.raw == t.name {
		return [2]int{m.Start, m.End}
	}
	if t.seen == nil {
		t.seen = map[string]int{}
		t.hits = t.find()
	}
	span := wordSpan(t.hits, m.Word, t.seen[m.Word])
	t.seen[m.Word]++
	return span
}

// wordSpan returns where the k-th occurrence of the dictionary word word
// is typed in raw, given the dictionary's matches in raw (it reads raw as
// it reads the normalised name, disguises included); nil when it is not
// found there.
func wordSpan(rawHits []names.Match, word string, k int) [2]int {
	for _, m := range rawHits {
		if m.Word != word {
			continue
		}
		if k == 0 {
			return [2]int{m.Start, m.End}
		}
		k--
	}
	return [2]int{}
}

// bannedPrefixSpan returns where a banned prefix is typed at the start of
// raw, with the separators of its disguise (中·国); nil when it is not
// found there. pre returns raw prepared (names.Prepare), read through
// memo when raw starts with no separator.
func bannedPrefixSpan(raw string, pre func() *names.Prepared, memo *names.Memo) [2]int {
	start := len(raw) - len(strings.TrimLeftFunc(raw, func(r rune) bool { return names.ClassOf(r).Separator() }))
	var m names.Match
	var ok bool
	if start == 0 {
		m, ok = memo.Find(bannedPrefixDictionary(), pre())
	} else {
		m, ok = bannedPrefixDictionary().Find(raw[start:])
	}
	if !ok || m.Start != 0 {
		return [2]int{}
	}
	return [2]int{start + m.Start, start + m.End}
}

// nameWithoutSymbols returns website w's name with its symbols removed,
// and whether that is a certain fix: the name left passes every naming
// rule that needs only the name and the subject (three Chinese
// characters, no symbol, no banned prefix, no sensitive word, the limits
// of personal sites). A name that needs more than its symbols removed gets
// no fix.
func nameWithoutSymbols(pass *Pass, w *beian.Website, raw string, dict *names.Dictionary) (string, bool) {
	fixed := withoutSymbols(raw)
	if fixed == "" || fixed == raw || len(raw) < len(w.Name) {
		return "", false // nothing left, nothing removed, or a name cut at its limit
	}
	// A name that holds a sensitive or restricted word as typed needs
	// rewording, whatever its symbols: a symbol may be a character of the
	// word (Ⅵ合彩, ⑥合彩: 六合彩), whose removal would leave a name that
	// passes without saying anything else.
	if typed := names.Normalize(raw); len(dict.FindEvery(typed)) > 0 || len(restrictedDictionary().FindAll(typed)) > 0 {
		return "", false
	}
	name := names.Normalize(fixed)
	ok := true
	checkNameForm(fixed, name, w.Domains, func(_ Code, sev Severity, _ [2]int, _ ...Arg) {
		if sev >= Warning {
			ok = false
		}
	})
	s := &pass.Filing.Subject
	if word, exempt := nameBannedPrefix(pass, name); !ok || word != "" && !exempt {
		return "", false
	}
	if len(dict.FindEvery(name)) > 0 || len(restrictedDictionary().FindAll(name)) > 0 {
		return "", false
	}
	if s.Nature == beian.NaturePersonal {
		if forms := pass.Policy.PersonalNameForms.Value; len(forms) > 0 {
			// The province's form (某某的个人博客) with a person's name.
			for _, form := range forms {
				if form = names.Normalize(form); form != "" && strings.HasSuffix(name, form) && len(name) > len(form) {
					owner := strings.TrimSuffix(name, form)
					if names.PersonName(owner) && len(personalDictionary().FindAll(owner)) == 0 {
						return fixed, true
					}
				}
			}
			return "", false
		}
		if len(personalDictionary().FindAll(name)) > 0 {
			return "", false
		}
		for _, word := range pass.Policy.PersonalNameBannedWords.Value {
			if word = names.Normalize(word); word != "" && strings.Contains(name, word) {
				return "", false
			}
		}
	}
	return fixed, true
}

// reportRestricted calls report with each word of data/restricted.txt
// that name (raw normalised, prepared) holds and where raw has it;
// rawPre returns raw prepared.
func reportRestricted(memo *names.Memo, raw, name string, prepared *names.Prepared, rawPre func() *names.Prepared, report func(span [2]int, word string)) {
	if !mayHoldRestricted(name) {
		return
	}
	restricted := restrictedDictionary()
	typed := typedSpans{raw: raw, name: name, find: func() []names.Match { return memo.FindAll(restricted, rawPre()) }}
	for _, m := range memo.FindAll(restricted, prepared) {
		if writtenInHan(name, m) {
			report(typed.of(m), m.Word)
		}
	}
}

// writtenInHan reports whether each character of m's word is written as
// a Chinese character in text (with separators or inserted characters
// between them, 毒·品), not as pinyin or letters (dama for 大麻).
func writtenInHan(text string, m names.Match) bool {
	n := 0
	for _, r := range stretch(text, m) {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n >= utf8.RuneCountInString(m.Word)
}

// restrictedReading is the reading argument of a word of
// data/restricted.txt, which a name may hold lawfully.
var restrictedReading = Loc("reading", "（该词多见于持证经营的行业或违禁物品，审核时可能被视为敏感词；如为合法经营，请在备注中说明并准备许可证明）",
	" (a word of licensed trades or banned goods: a reviewer may take it for a sensitive word; if the site is lawful, explain it in the remark with the licence it holds)")

// weakHomophone reports whether m is a listed word of two characters
// written with one of them replaced by a character of the same reading
// (睹博 for 赌博): a warning, not an error. Two-character stretches that
// sound as a listed word are common in innocent names where the lexicon
// has no word for them (读博, to study for a doctorate; 交换器, a network
// switch, sounds as 换妻), while three or more characters so written
// (六和彩, 法仑功) are the disguise.
func weakHomophone(m names.Match) bool {
	return m.Homophone && utf8.RuneCountInString(m.Word) <= 2
}

// readAsReading is the reading argument of a word whose characters the
// words around it take (紫色情怀 reads 紫色/情怀): a reviewer may still
// read the word.
func readAsReading(readAs string) Arg {
	return Loc("reading", "（也可读作「"+readAs+"」，审核时仍可能被视为敏感词）",
		" (it also reads as "+readAs+"; a reviewer may still take it for the word)")
}

// homophoneReading is the reading argument of a weak homophone: what was
// typed and the word it sounds as.
func homophoneReading(typed, word string) Arg {
	return Loc("reading", "（「"+typed+"」与「"+word+"」同音，审核时可能被视为敏感词）",
		" ("+typed+" sounds as "+word+"; a reviewer may take it for the word)")
}

// stretch returns the text m was found in, text[m.Start:m.End], or the
// word itself when m's offsets are not text's.
func stretch(text string, m names.Match) string {
	if 0 <= m.Start && m.Start <= m.End && m.End <= len(text) {
		return text[m.Start:m.End]
	}
	return m.Word
}
