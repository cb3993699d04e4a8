package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/domain"
	"github.com/icpcheck/beian/rules/names"
)

// minHan is the fewest Chinese characters a website name may have.
const minHan = 3

// A nameReport receives what the checks of one name find: at is the byte
// range of raw the problem covers, zero for the whole name (a problem in
// the name covers a character or more: at[1] is not 0).
type nameReport func(code Code, sev Severity, at [2]int, args ...Arg)

// checkNameForm checks a website name on its own: its length in Chinese
// characters, that it is not only Latin letters and digits, that it holds
// no symbols, and that it is not a domain (domains are the filing's
// domains it must not equal). raw is the name as typed, name its
// normalised form. A domain typed with its dots is reported as
// SITE_NAME_IS_DOMAIN only: its dots and missing Chinese are the same
// mistake. A name that is a filing domain's name without its dots
// (shilikeji for shilikeji.cn) is that domain and, on its own, a name of
// Latin letters: both are reported.
//
// Symbols are judged and Chinese characters counted on the characters as
// typed: ㍿ is one symbol, not the four characters 株式会社 it decomposes
// to, and ™ ℡ ㎡ ² ① Ⓐ ㊣ ㈱ 🈶 are symbols although NFKC turns them into
// letters, digits or ideographs. Full-width letters and punctuation are
// judged as their ordinary forms.
func checkNameForm(raw, name string, domains []string, report nameReport) {
	// A dot NFKC made (⒈ → 1.) is no domain's dot.
	if isDomainName(domainReading(name, domains), domains) {
		dotted := strings.ContainsAny(raw, ".．。｡")
		if dotted || !strings.Contains(name, ".") {
			report(CodeSiteNameIsDomain, Error, [2]int{}, Str("name", name))
		}
		if dotted {
			return
		}
	}
	han, latin := 0, 0
	var specials [8]rune
	var at [8][2]int // where each special is first typed
	n := 0
	for i, size := 0, 0; i < len(raw); i += size {
		r, ok := threeByteAt(raw, i)
		if size = 3; !ok {
			r, size = utf8.DecodeRuneInString(raw[i:])
		}
		if hanRune(r) {
			han++ // the commonest rune, settled first
			continue
		}
		typed := r
		if 0xFF01 <= r && r <= 0xFF5E {
			r -= 0xFF01 - '!' // full-width ASCII: its ordinary form
		}
		if names.Invisible(r) {
			continue
		}
		switch names.ClassOf(r) {
		case names.Han:
			han++
			continue
		case names.Space:
			continue
		case names.Word:
			if r < utf8.RuneSelf || unicode.Is(unicode.Latin, r) || unicode.IsDigit(r) {
				latin++
				continue
			}
		}
		if nameDot(r) {
			continue
		}
		if n < len(specials) && !containsRune(specials[:n], r) {
			specials[n] = r
			at[n] = [2]int{i, i + utf8.RuneLen(typed)}
			n++
		}
	}
	switch {
	case han == 0 && latin > 0:
		report(CodeSiteNameNotChinese, Error, [2]int{})
	case han < minHan:
		report(CodeSiteNameTooShort, Error, [2]int{}, Int("count", han))
	}
	for k, r := range specials[:n] {
		sev := Error
		if maybeTolerated(r) {
			sev = Warning
		}
		// A span of its own: at stays on the stack for a name without
		// symbols.
		report(CodeSiteNameSpecialChars, sev, [2]int{at[k][0], at[k][1]}, Str("char", string(r)))
	}
}

// hanRune reports whether r is a CJK unified ideograph of U+4E00–U+9FFF,
// none of which is invisible and all of which are of class names.Han
// (TestHanRuneClass): checkNameForm counts them without asking.
func hanRune(r rune) bool { return 0x4E00 <= r && r <= 0x9FFF }

// withoutSymbols returns raw with every character checkNameForm reports as
// a symbol removed, and the spaces that leaves doubled or at the ends.
func withoutSymbols(raw string) string {
	var b strings.Builder
	for _, r := range raw {
		c := r
		if 0xFF01 <= c && c <= 0xFF5E {
			c -= 0xFF01 - '!'
		}
		switch cl := names.ClassOf(c); {
		case names.Invisible(c), cl == names.Han, cl == names.Space, nameDot(c),
			cl == names.Word && (c < utf8.RuneSelf || unicode.Is(unicode.Latin, c) || unicode.IsDigit(c)):
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// nameDot reports whether r is a middle dot or a look-alike of one
// (names.NameDot), which names of people and places from other languages
// use (达·芬奇, 达・芬奇, 达･芬奇): it is not reported.
func nameDot(r rune) bool { return names.NameDot(r) }

// maybeTolerated reports whether r is one of the symbols a secondary
// source says reviewers tolerate (parentheses and the hyphen; a
// secondary page whose address was not found, LOW): reported as a warning
// rather than an error.
func maybeTolerated(r rune) bool { return r == '(' || r == ')' || r == '-' }

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// domainReading returns a normalised name with its ideographic full stops
// (。, and ｡ which NFKC makes 。) read as the dots of a domain typed with a
// Chinese input method (shilikeji。cn), where the name is then a domain
// of ASCII or one of the filing's domains (示例。中国 for 示例.中国);
// otherwise the name as it is: 。 ends a Chinese sentence too.
func domainReading(name string, domains []string) string {
	if !strings.Contains(name, "。") {
		return name
	}
	dotted := strings.ReplaceAll(name, "。", ".")
	if isASCII(dotted) {
		return dotted
	}
	for _, d := range domains {
		d = strings.TrimSpace(strings.TrimSuffix(d, "."))
		if dotted == names.Normalize(d) || dotted == names.Normalize(strings.TrimPrefix(d, "www.")) {
			return dotted
		}
	}
	return name
}

// isDomainName reports whether a normalised name is a domain: one of the
// filing's domains (with or without www., or its first label alone, such
// as "example" for example.cn), or any domain-shaped string, with or
// without http:// and a final slash.
func isDomainName(name string, domains []string) bool {
	s := name
	dotted := strings.IndexByte(s, '.') >= 0
	if dotted {
		for _, p := range [...]string{"https://", "http://"} {
			s = strings.TrimPrefix(s, p)
		}
		s = strings.TrimPrefix(strings.TrimSuffix(s, "/"), "www.")
	}
	// A name without a dot that starts with a character of U+4000–U+9FFF
	// (no case, so no ASCII letter folds to it) is none of the ASCII
	// domains, nor their first label: only a domain of other characters
	// needs comparing.
	hanFirst := !dotted && len(s) > 0 && 0xE4 <= s[0] && s[0] <= 0xE9
	for _, d := range domains {
		d = strings.TrimSpace(strings.TrimSuffix(d, "."))
		if hanFirst && isASCII(d) {
			continue
		}
		if len(d) > 4 && strings.EqualFold(d[:4], "www.") {
			d = d[4:]
		}
		label, _, _ := strings.Cut(d, ".")
		switch {
		case d == "":
		case strings.EqualFold(s, label):
			return true
		case dotted && (strings.EqualFold(s, d) || s == names.Normalize(d)):
			return true
		case !dotted && !isASCII(d) && s == names.Normalize(label):
			return true
		}
	}
	return dotted && domainShaped(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// domainShaped reports whether s looks like a domain: two or more labels
// of letters, digits, hyphens or Chinese characters, the last one letters
// only (cn, com), punycode (xn--…) or a Chinese top-level domain of the
// public suffix list (中国, 公司).
func domainShaped(s string) bool {
	if !strings.Contains(s, ".") {
		return false
	}
	labels := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if !(r == '-' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || names.ClassOf(r) == names.Han) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(tld, "xn--") {
		return true
	}
	letters, han := 0, 0
	for _, r := range tld {
		switch {
		case 'a' <= r && r <= 'z':
			letters++
		case names.ClassOf(r) == names.Han:
			han++
		default:
			return false
		}
	}
	if han >= 1 && letters == 0 {
		// A Chinese last label is a top-level domain only if a registry
		// runs it (中国, 公司, 网络 …): 示例科技.官网 is a name with a dot in
		// it, a symbol, not a domain.
		_, err := domain.Parse(s)
		return err == nil
	}
	return letters >= 2 && han == 0
}

// validSiteName reports whether name passes the naming rules that need
// nothing but the name: three or more Chinese characters, not only Latin
// letters and digits, no symbol (the parentheses and hyphen some
// reviewers tolerate pass), not a domain, no word of the built-in
// sensitive-word dictionary, written so or with its characters
// repeated. It is the check of the icp_site_name tag. The rules that
// depend on the subject (banned prefixes for non-national units,
// personal-site words, the remark) are left to the filing's validation.
func validSiteName(raw string) bool {
	raw = boundedName(raw)
	name := names.Normalize(raw)
	if name == "" {
		return false
	}
	ok := true
	checkNameForm(raw, name, nil, func(_ Code, sev Severity, _ [2]int, _ ...Arg) {
		if sev == Error {
			ok = false
		}
	})
	if !ok {
		return false
	}
	dict := names.DefaultDictionary()
	if _, found := dict.Find(name); found {
		return false
	}
	return len(repeatedWords(dict, name, nil)) == 0 // 六六合合彩彩
}
