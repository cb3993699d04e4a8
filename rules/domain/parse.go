package domain

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/ipaddr"
	"golang.org/x/net/idna"
)

// A Domain is a parsed domain: the host that was typed, reduced to ASCII
// (punycode) lower case, and the registrable domain (the public suffix
// plus one label) inside it. The zero Domain is not a domain; a Domain
// holds no pointer into the caller's data.
//
// Two Domains name the same registrable domain when their ASCII methods
// return the same string.
type Domain struct {
	host string // ASCII, lower case, no trailing dot
	reg  int    // start of the registrable domain in host
	suf  int    // start of the public suffix in host
}

// ASCII returns the registrable domain in ASCII (punycode) form:
// "example.cn", "xn--fiqs8s" for a label of 中国.
func (d Domain) ASCII() string { return d.host[d.reg:] }

// String returns the registrable domain in ASCII form, as ASCII does.
func (d Domain) String() string { return d.ASCII() }

// Unicode returns the registrable domain with internationalised labels in
// their Unicode form: "示例.中国".
func (d Domain) Unicode() string { return toUnicode(d.ASCII()) }

// Host returns the whole host that was typed, in ASCII form: the same as
// ASCII unless a sub-domain such as www was given.
func (d Domain) Host() string { return d.host }

// IsSubdomain reports whether the typed host was a sub-domain of the
// registrable domain (www.example.cn for example.cn).
func (d Domain) IsSubdomain() bool { return d.reg > 0 }

// Suffix returns the public suffix of the domain in ASCII form, without a
// leading dot: "cn", "com.cn", "xn--fiqs8s".
func (d Domain) Suffix() string { return d.host[d.suf:] }

// UnicodeSuffix returns the public suffix in Unicode form: "中国".
func (d Domain) UnicodeSuffix() string { return toUnicode(d.Suffix()) }

// Label returns the registrable domain's own label, the part before the
// public suffix, in ASCII form: "example" for www.example.com.cn.
func (d Domain) Label() string {
	if d.suf == 0 {
		return ""
	}
	return d.host[d.reg : d.suf-1]
}

// IsZero reports whether d is the zero Domain.
func (d Domain) IsZero() bool { return d.host == "" }

// Reason says why a string is not a domain.
type Reason uint8

// The reasons a string is not a domain.
const (
	// ReasonEmpty: nothing but white space (or a URL without a host).
	ReasonEmpty Reason = iota + 1
	// ReasonTooLong: more than 253 characters in ASCII form.
	ReasonTooLong
	// ReasonCharacter: a character no domain may hold (space, underscore,
	// punctuation, a symbol).
	ReasonCharacter
	// ReasonEmptyLabel: two dots in a row, or a leading dot.
	ReasonEmptyLabel
	// ReasonLabelTooLong: a label of more than 63 characters in ASCII form.
	ReasonLabelTooLong
	// ReasonHyphen: a label starts or ends with a hyphen, or has two in
	// its third and fourth places without being punycode.
	ReasonHyphen
	// ReasonIDNA: an internationalised label that IDNA rejects (bad
	// punycode, a disallowed character, mixed directions).
	ReasonIDNA
	// ReasonIPAddress: an IP address, not a domain.
	ReasonIPAddress
	// ReasonSingleLabel: one label without a suffix ("localhost").
	ReasonSingleLabel
	// ReasonUnknownTLD: the top-level domain is not in the public suffix
	// list (".local", ".zzz").
	ReasonUnknownTLD
	// ReasonSuffixOnly: a public suffix alone ("com.cn"), nothing to
	// register under it.
	ReasonSuffixOnly
	// ReasonSpecialUse: a name under a special-use top-level domain of
	// IANA's Special-Use Domain Names registry (RFC 6761 and after):
	// .test, .localhost, .invalid, .example, .local, .onion, .alt and the
	// infrastructure domain .arpa. No one can register or file such a
	// name, and no mail or web server is reached under it.
	ReasonSpecialUse
)

// specialUseTLDs are the top-level domains of IANA's Special-Use Domain
// Names registry (iana.org/assignments/special-use-domain-names, rows of
// 2026: RFC 6761 test, localhost, invalid, example; RFC 6762 local; RFC
// 7686 onion; RFC 9476 alt) and arpa (RFC 3172), whose every name is for
// the infrastructure (in-addr.arpa, ip6.arpa, home.arpa of RFC 8375 …).
// The registry's second-level entries example.com, example.net and
// example.org are not refused: they are registered, resolvable names.
var specialUseTLDs = [...]string{"alt", "arpa", "example", "invalid", "local", "localhost", "onion", "test"}

// isSpecialUse reports whether the ASCII host is under a special-use
// top-level domain.
func isSpecialUse(host string) bool {
	tld := host[strings.LastIndexByte(host, '.')+1:]
	for _, s := range specialUseTLDs {
		if tld == s {
			return true
		}
	}
	return false
}

var reasonText = [...]string{
	ReasonEmpty:        "empty",
	ReasonTooLong:      "longer than 253 characters",
	ReasonCharacter:    "a character domains cannot hold",
	ReasonEmptyLabel:   "an empty label",
	ReasonLabelTooLong: "a label longer than 63 characters",
	ReasonHyphen:       "a misplaced hyphen",
	ReasonIDNA:         "an invalid internationalised label",
	ReasonIPAddress:    "an IP address",
	ReasonSingleLabel:  "no suffix",
	ReasonUnknownTLD:   "an unknown top-level domain",
	ReasonSuffixOnly:   "a public suffix alone",
	ReasonSpecialUse:   "a special-use name (.test, .local, .onion …)",
}

// String returns a short English description of r.
func (r Reason) String() string {
	if int(r) < len(reasonText) && reasonText[r] != "" {
		return reasonText[r]
	}
	return fmt.Sprintf("Reason(%d)", uint8(r))
}

// An Error says why Parse rejected its input.
type Error struct {
	// Input is the string given to Parse.
	Input string
	// Reason is what is wrong with it.
	Reason Reason
}

// Error returns "domain: QUOTED INPUT: REASON", the input cut to 64 bytes.
func (e *Error) Error() string {
	in := e.Input
	if len(in) > 64 {
		in = in[:64]
		for len(in) > 0 && !utf8.ValidString(in) {
			in = in[:len(in)-1]
		}
		in += "…"
	}
	return fmt.Sprintf("domain: %q: %s", in, e.Reason)
}

// Limits of the DNS (RFC 1035) and of what Parse reads.
const (
	// MaxLength is the longest domain in ASCII form, without the final dot.
	MaxLength = 253
	// MaxLabelLength is the longest label in ASCII form.
	MaxLabelLength = 63
	// maxHostBytes bounds the Unicode host handed to IDNA: an ASCII form
	// of 253 characters never needs more (each punycode character encodes
	// at most one code point of four bytes).
	maxHostBytes = 4 * MaxLength
)

// profile maps and validates labels as a browser looking a name up does
// (UTS #46 non-transitional: width, case, the ideographic full stop), with
// the Bidi rule and the DNS length limits.
var profile = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.BidiRule(), idna.VerifyDNSLength(true))

func toUnicode(ascii string) string {
	if !strings.Contains(ascii, "xn--") {
		return ascii
	}
	u, err := profile.ToUnicode(ascii)
	if err != nil { // not reached for a Domain's parts: they were validated
		return ascii
	}
	return u
}

// Parse reads a domain as people type it into a filing form and returns
// it with its registrable domain found.
//
// Parse accepts the Unicode and punycode forms of internationalised
// domains (示例.中国, xn--fsq270a.xn--fiqs8s), upper case, full-width
// letters and the full-width dots 。．｡, one trailing dot, white space
// around it, a sub-domain (www.example.cn gives example.cn) and a URL
// pasted instead of a domain (https://www.example.cn:8443/path?q gives
// example.cn). The registrable domain is found with the ICANN section of
// the public suffix list ([PublicSuffixEdition]): private suffixes such as
// github.io are not registries, so user.github.io files as github.io.
//
// Anything else returns an *Error with its Reason. Parse never panics, and
// its time is linear in the length of s.
func Parse(s string) (Domain, error) {
	host := s
	if !plainHost(s) {
		var reason Reason
		if host, reason = extractHost(s); reason != 0 {
			return Domain{}, &Error{Input: s, Reason: reason}
		}
	}
	ascii, reason := toASCII(host)
	if reason != 0 {
		return Domain{}, &Error{Input: s, Reason: reason}
	}
	d, reason := split(ascii)
	if reason != 0 {
		return Domain{}, &Error{Input: s, Reason: reason}
	}
	return d, nil
}

// ParseHost reads a host name exactly as a protocol carries it, the
// domain of an e-mail address for one: no white space, URL, port, user
// information or trailing dot, which [Parse] tolerates in what people
// type, are accepted. The rest is Parse's reading (UTS #46 mapping, the
// letters, marks and digits registries take, label syntax and lengths,
// special-use names refused, the ICANN public suffix), so that a domain
// reads the same in a website and in an e-mail address. The Domain's Host
// is the whole name (mail.example.cn).
func ParseHost(s string) (Domain, error) {
	switch {
	case s == "":
		return Domain{}, &Error{Input: s, Reason: ReasonEmpty}
	case len(s) > maxHostBytes:
		return Domain{}, &Error{Input: s, Reason: ReasonTooLong}
	}
	if strings.ContainsAny(s, " \t/\\?#@:[]") {
		return Domain{}, &Error{Input: s, Reason: ReasonCharacter}
	}
	if last := s[len(s)-1]; '0' <= last && last <= '9' { // no TLD ends in a digit
		if ok, _ := ipaddr.Parse(s); ok {
			return Domain{}, &Error{Input: s, Reason: ReasonIPAddress}
		}
	}
	ascii, reason := toASCII(s)
	if reason != 0 {
		return Domain{}, &Error{Input: s, Reason: reason}
	}
	d, reason := split(ascii)
	if reason != 0 {
		return Domain{}, &Error{Input: s, Reason: reason}
	}
	return d, nil
}

// UnicodeHost returns the whole host with internationalised labels in
// their Unicode form: "邮件.示例.中国".
func (d Domain) UnicodeHost() string { return toUnicode(d.host) }

// extractHost returns the host part of s: the text between a URL's scheme
// and its path, with white space trimmed, full-width forms narrowed, the
// port, user information and one trailing dot removed.
func extractHost(s string) (string, Reason) {
	s = strings.TrimFunc(s, isTrimmed)
	s = Narrow(s)
	if i := strings.Index(s, "://"); i >= 0 && isScheme(s[:i]) {
		s = s[i+3:]
	} else {
		s = strings.TrimPrefix(s, "//")
	}
	if i := pathStart(s); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "[") { // [::1]:80
		return "", ReasonIPAddress
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && allDigits(s[i+1:]) && strings.IndexByte(s[:i], ':') < 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	switch {
	case s == "":
		return "", ReasonEmpty
	case len(s) > maxHostBytes:
		return "", ReasonTooLong
	}
	if last := s[len(s)-1]; '0' <= last && last <= '9' || strings.IndexByte(s, ':') >= 0 {
		if ok, _ := ipaddr.Parse(s); ok { // no TLD ends in a digit
			return "", ReasonIPAddress
		}
	}
	return s, 0
}

// plainHost reports whether s is a host name as most are typed (ASCII
// letters, digits, hyphens and dots, ending in a letter, within
// maxHostBytes), which extractHost returns as it is: no white space,
// scheme, path, user information, port or trailing dot to take off, and
// no IP address. TestPlainHostExtractsItself holds it to extractHost.
func plainHost(s string) bool {
	if s == "" || len(s) > maxHostBytes {
		return false
	}
	if last := s[len(s)-1] | 0x20; last < 'a' || last > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.', 'A' <= c && c <= 'Z':
		default:
			return false
		}
	}
	return true
}

// pathStart returns the index of the first '/', '?', '#' or '\\' in s, or
// -1: where a URL's path, query or fragment begins.
func pathStart(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/', '?', '#', '\\':
			return i
		}
	}
	return -1
}

func isTrimmed(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

// Narrow maps full-width ASCII (U+FF01–U+FF5E) to ASCII and the
// ideographic and half-width full stops (。 ｡) to '.', as a Chinese input
// method types a host name or any dotted name: so that the URL syntax
// around a host is found, and a caller can tell a value typed so (Narrow(s)
// != s). It copies s only when something changes.
func Narrow(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	changed := false
	for j, r := range s[i:] {
		m := r
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			m = r - 0xFEE0
		case r == '\u3002' || r == '\uFF61':
			m = '.'
		}
		if m != r && !changed {
			changed = true
			b.Grow(len(s))
			b.WriteString(s[:i+j])
		}
		if changed {
			b.WriteRune(m)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}

func isScheme(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// toASCII returns host in lower-case ASCII form. Plain ASCII names take a
// path that does not call IDNA.
func toASCII(host string) (string, Reason) {
	if plain, upper := plainASCII(host); plain {
		if upper {
			host = strings.ToLower(host)
		}
		return host, checkLabels(host)
	}
	if !utf8.ValidString(host) {
		return "", ReasonCharacter
	}
	ascii, err := profile.ToASCII(host)
	if r := checkLabels(ascii); r != 0 {
		return "", r
	}
	if err != nil {
		return "", ReasonIDNA
	}
	// Punycode labels typed as such are decoded and checked again (the
	// lookup mapping lets through labels that the punycode checks refuse).
	var u string
	if hasACE(host) {
		if u, err = profile.ToUnicode(ascii); err != nil {
			return "", ReasonIDNA
		}
	} else if u, err = idna.Punycode.ToUnicode(ascii); err != nil { // the mapped text, decoded without checks
		return "", ReasonIDNA
	}
	// UTS #46 lets symbols such as emoji through, and maps others (¾, ™)
	// to text with symbols or to letters: registries take letters, marks
	// and digits only.
	for _, r := range u {
		if r >= utf8.RuneSelf && !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			return "", ReasonCharacter
		}
	}
	return ascii, 0
}

// hasACE reports whether host has a label starting with xn-- in any case.
func hasACE(host string) bool {
	for i := 0; i+4 <= len(host); i++ {
		if (i == 0 || host[i-1] == '.') && host[i]|0x20 == 'x' && host[i+1]|0x20 == 'n' && host[i+2] == '-' && host[i+3] == '-' {
			return true
		}
	}
	return false
}

// plainASCII reports whether host is made of letters, digits, hyphens and
// dots only, with no punycode label (which IDNA must check), and whether
// it has upper-case letters.
func plainASCII(host string) (plain, upper bool) {
	start := 0
	for i := 0; i < len(host); i++ {
		c := host[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-':
		case 'A' <= c && c <= 'Z':
			upper = true
		case c == '.':
			start = i + 1
			continue
		default:
			return false, false
		}
		if i == start+3 && c == '-' && host[i-1] == '-' {
			return false, false // xn-- or another ACE prefix
		}
	}
	return true, upper
}

// checkLabels checks the DNS syntax of an ASCII host: lengths, label
// characters and hyphens.
func checkLabels(host string) Reason {
	if len(host) > MaxLength {
		return ReasonTooLong
	}
	start := 0
	for i := 0; i <= len(host); i++ {
		if i < len(host) && host[i] != '.' {
			continue
		}
		label := host[start:i]
		start = i + 1
		switch {
		case label == "":
			return ReasonEmptyLabel
		case len(label) > MaxLabelLength:
			return ReasonLabelTooLong
		case label[0] == '-' || label[len(label)-1] == '-':
			return ReasonHyphen
		case len(label) >= 4 && label[2] == '-' && label[3] == '-' && !strings.HasPrefix(label, "xn--"):
			return ReasonHyphen
		}
		for j := 0; j < len(label); j++ {
			c := label[j]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return ReasonCharacter
			}
		}
	}
	return 0
}

// split finds the ICANN public suffix and the registrable domain of an
// ASCII host.
func split(host string) (Domain, Reason) {
	if strings.IndexByte(host, '.') < 0 {
		if suffix, icann := icannSuffix(host); icann && len(suffix) == len(host) {
			return Domain{}, ReasonSuffixOnly
		}
		return Domain{}, ReasonSingleLabel
	}
	if isSpecialUse(host) {
		return Domain{}, ReasonSpecialUse
	}
	suffix, ok := icannSuffix(host)
	switch {
	case !ok:
		return Domain{}, ReasonUnknownTLD
	case len(suffix) == len(host):
		return Domain{}, ReasonSuffixOnly
	}
	suf := len(host) - len(suffix)
	reg := strings.LastIndexByte(host[:suf-1], '.') + 1
	return Domain{host: host, reg: reg, suf: suf}, 0
}
