// Package contact checks the contact details of a filing's principals
// that are not phone numbers: today, e-mail addresses.
//
// [ParseEmail] accepts what a filing system takes: one plain address
// (name@example.cn) without a display name, an ASCII local part, and a
// domain with at least one dot, internationalised domains (webmaster@例子.中国)
// included, read as package domain reads a website's domain
// (domain.ParseHost: IDNA, a known top-level domain, no special-use name
// such as .test or .local), and at most 254 bytes with the domain in
// ASCII form. Anything else gets an [*EmailError] with a typed
// [EmailReason]. The package is safe for concurrent use and has no state.
package contact

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	dom "github.com/icpcheck/beian/rules/domain"
)

// MaxEmailLength is the longest address accepted, in bytes (RFC 5321's
// limit on a path, less the angle brackets).
const MaxEmailLength = 254

// maxLocalLength is RFC 5321's limit on the local part.
const maxLocalLength = 64

// An Email is a parsed e-mail address.
type Email struct {
	// Local is the part before the @, as given.
	Local string
	// Domain is the domain in Unicode, lower case: "例子.中国",
	// "example.cn".
	Domain string
	// ASCIIDomain is the domain in its ASCII (punycode) form:
	// "xn--fsqu00a.xn--fiqs8s", "example.cn".
	ASCIIDomain string
}

// String returns Local@Domain.
func (e Email) String() string { return e.Local + "@" + e.Domain }

// Key returns the address as two addresses of the same mailbox compare:
// the local part in lower case, @, the ASCII domain. Mail systems in
// China treat local parts without regard to case.
func (e Email) Key() string { return strings.ToLower(e.Local) + "@" + e.ASCIIDomain }

// SameMailbox reports whether e and o name the same mailbox: the local
// parts equal without regard to case (as mail systems in China treat
// them), the domains equal.
func (e Email) SameMailbox(o Email) bool {
	return strings.EqualFold(e.Local, o.Local) && e.ASCIIDomain == o.ASCIIDomain
}

// An EmailReason says why a string is not a usable address.
type EmailReason uint8

// The reasons. The values are stable.
const (
	// EmailOK is the zero EmailReason.
	EmailOK EmailReason = iota
	// EmailEmpty: nothing but spaces.
	EmailEmpty
	// EmailTooLong: longer than MaxEmailLength bytes once the domain is in
	// its ASCII (punycode) form, or a local part longer than 64.
	EmailTooLong
	// EmailSyntax: not an address at all (no @, stray characters …).
	EmailSyntax
	// EmailDisplayName: a name or angle brackets around the address
	// ("张三 <a@b.cn>"); the form wants the address alone.
	EmailDisplayName
	// EmailMultiple: more than one address.
	EmailMultiple
	// EmailBadLocal: a local part that is quoted, not ASCII, or has
	// leading, trailing or doubled dots.
	EmailBadLocal
	// EmailNoDot: a domain without a dot ("a@localhost").
	EmailNoDot
	// EmailBadDomain: a domain that is no valid host name, IDN rules
	// included (a symbol such as © that IDNA2008 disallows), an address
	// literal ("a@[10.0.0.1]"), or under no known top-level domain.
	EmailBadDomain
	// EmailSpecialUse: a domain under a special-use name (RFC 6761, RFC
	// 7686: .test, .invalid, .local, .localhost, .example, .onion, .alt,
	// .arpa), where no mail is delivered.
	EmailSpecialUse
	// EmailFullWidth: an address typed with full-width characters (＠, a
	// full-width letter or digit, 。 for a dot), as a Chinese input method
	// in full-width mode types it; written in ASCII it is a usable address,
	// which the error's Want holds.
	EmailFullWidth
	numEmailReasons
)

var emailReasonNames = [numEmailReasons]string{
	"ok", "empty", "too_long", "syntax", "display_name", "multiple", "bad_local", "no_dot", "bad_domain", "special_use",
	"full_width",
}

var emailReasonText = [numEmailReasons]string{
	"no error", "empty", "too long", "not an e-mail address", "a display name or angle brackets around the address",
	"more than one address", "the part before @ is quoted, not ASCII or has misplaced dots",
	"the domain has no dot", "the domain is not a valid host name", "the domain is a special-use name",
	"typed with full-width characters",
}

// String returns the reason's stable name: "no_dot", "display_name" …
func (r EmailReason) String() string {
	if r < numEmailReasons {
		return emailReasonNames[r]
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// Text returns a short English description of the reason.
func (r EmailReason) Text() string {
	if r < numEmailReasons {
		return emailReasonText[r]
	}
	return r.String()
}

// An EmailError says why [ParseEmail] did not accept a string.
type EmailError struct {
	// Input is the string given, cut to its first 64 bytes.
	Input string
	// Reason is why it is not a usable address.
	Reason EmailReason
	// Want is, for EmailFullWidth, the address written in ASCII, which
	// ParseEmail accepts; empty for the other reasons.
	Want string
}

// Error returns "contact: " followed by the quoted input and the reason.
func (e *EmailError) Error() string {
	return "contact: " + strconv.Quote(e.Input) + ": " + e.Reason.Text()
}

// EmailReasonOf returns the reason of an error ParseEmail returned, and
// EmailOK for nil or any other error.
func EmailReasonOf(err error) EmailReason {
	var e *EmailError
	if errors.As(err, &e) {
		return e.Reason
	}
	return EmailOK
}

func emailError(s string, r EmailReason) error {
	if len(s) > 64 {
		cut := 64
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return &EmailError{Input: s, Reason: r}
}

// maxInputLength bounds the bytes read before the domain is converted:
// a domain of 253 ASCII characters is at most four bytes a character in
// Unicode.
const maxInputLength = maxLocalLength + 1 + 4*253

// ParseEmail parses one e-mail address as a filing form takes it:
// surrounding spaces are ignored; the address must be alone, without a
// display name; the local part must be ASCII dot-atom text (no quotes) of
// at most 64 bytes; the domain must have a dot and be a host name as
// package domain reads it (domain.ParseHost: IDNA, a known top-level
// domain, no special-use name), the same reading as a website's domain;
// the address is at most MaxEmailLength bytes with the domain in ASCII
// form. It reads the syntax as net/mail does (address.go).
func ParseEmail(s string) (Email, error) {
	if e, ok := plainEmail(s); ok {
		return e, nil
	}
	return parseEmail(s)
}

// ParseEmailHosts is [ParseEmail] with the domain of a plain address
// (name@example.cn: ASCII, lower case, letters, digits and hyphens, two
// labels or more) checked by hostOK instead of read again: a caller that
// has read the same host as a website's domain with domain.Parse (which
// reads such a host as domain.ParseHost does) gives that answer, so that
// the host is read once. hostOK must report whether domain.Parse accepts
// host; it is called with plain hosts only, and the result is
// ParseEmail's.
func ParseEmailHosts(s string, hostOK func(host string) bool) (Email, error) {
	if local, domain, ok := plainSyntax(s); ok {
		if hostOK(domain) {
			return Email{Local: local, Domain: domain, ASCIIDomain: domain}, nil
		}
		return parseEmail(s) // the full parser says what is wrong
	}
	return parseEmail(s)
}

// atext reports whether c may appear in a dot-atom local part (RFC 5322).
func atext(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+/=?^_`{|}~-", c) >= 0
}

// The classes of emailBytes.
const (
	byteAtext = 1 << iota // atext
	byteLDH               // a lower-case ASCII letter, a digit or a hyphen
	byteDigit             // an ASCII digit
)

// emailBytes gives each byte its classes, for plainSyntax.
var emailBytes = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		if atext(b) {
			t[c] |= byteAtext
		}
		if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '-' {
			t[c] |= byteLDH
		}
		if '0' <= b && b <= '9' {
			t[c] |= byteDigit
		}
	}
	return t
}()

// plainEmail is the fast path of ParseEmail for the usual address: ASCII,
// no spaces, a dot-atom local part, a lower-case LDH domain without
// punycode labels. It accepts only what parseEmail accepts, with the same
// result (a test holds it to that), and allocates nothing.
func plainEmail(s string) (Email, bool) {
	local, domain, ok := plainSyntax(s)
	if !ok {
		return Email{}, false
	}
	if _, err := dom.ParseHost(domain); err != nil {
		return Email{}, false
	}
	return Email{Local: local, Domain: domain, ASCIIDomain: domain}, true
}

// plainSyntax splits the usual address into its local part and domain:
// ASCII, no spaces, a dot-atom local part, a lower-case LDH domain of two
// labels or more without punycode labels and not all digits. Whether the
// domain is a host name (a known top-level domain, no special-use name)
// is the caller's to check.
func plainSyntax(s string) (local, domain string, ok bool) {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at > maxLocalLength || len(s) > MaxEmailLength {
		return "", "", false
	}
	local, domain = s[:at], s[at+1:]
	for i := 0; i < len(local); i++ {
		c := local[i]
		if emailBytes[c]&byteAtext != 0 {
			continue
		}
		if c != '.' || i == 0 || i == len(local)-1 || local[i-1] == '.' {
			return "", "", false
		}
	}
	if len(domain) == 0 || len(domain) > 253 {
		return "", "", false
	}
	labels, start := 0, 0
	allDigits := true
	for i := 0; i <= len(domain); i++ {
		if i < len(domain) && domain[i] != '.' {
			switch emailBytes[domain[i]] & (byteLDH | byteDigit) {
			case 0:
				return "", "", false
			case byteLDH:
				allDigits = false
			}
			continue
		}
		l := domain[start:i]
		if len(l) == 0 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' || (len(l) >= 4 && l[2] == '-' && l[3] == '-') {
			return "", "", false
		}
		labels++
		if i < len(domain) {
			start, allDigits = i+1, true
		}
	}
	if labels < 2 || allDigits {
		return "", "", false
	}
	return local, domain, true
}

func parseEmail(s string) (Email, error) {
	return parseEmailWith(s, parseOneAddress, countAddresses)
}

// fullWidthEmail returns the error for s when s, which parseEmail refused
// with err, is an address once its full-width characters are narrowed
// (x/text/width: ＠ to @, ａ to a, ．to .) and an ideographic full stop
// (。, ｡) is read as a dot; otherwise err.
func fullWidthEmail(s string, err error, parse func(string) (Email, error)) error {
	t := strings.TrimSpace(s)
	if isASCII(t) || len(t) > maxInputLength {
		return err
	}
	n := strings.NewReplacer("。", ".", "｡", ".").Replace(width.Narrow.String(t))
	if n == t {
		return err
	}
	if _, perr := parse(n); perr != nil {
		return err
	}
	return &EmailError{Input: emailError(s, EmailFullWidth).(*EmailError).Input, Reason: EmailFullWidth, Want: n}
}

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// parseEmailWith is parseEmail with the address grammar given: one reports
// whether s is one address as net/mail.ParseAddress reads it and the
// address it gives, count how many addresses a list holds as
// net/mail.ParseAddressList reads it. The tests give net/mail's own.
func parseEmailWith(s string, one func(string) (string, bool), count func(string) (int, bool)) (Email, error) {
	e, err := parseEmailStrict(s, one, count)
	if err != nil {
		err = fullWidthEmail(s, err, func(n string) (Email, error) { return parseEmailStrict(n, one, count) })
	}
	return e, err
}

// parseEmailStrict is parseEmailWith without the full-width reading.
func parseEmailStrict(s string, one func(string) (string, bool), count func(string) (int, bool)) (Email, error) {
	in := s
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Email{}, emailError(in, EmailEmpty)
	case len(s) > maxInputLength:
		return Email{}, emailError(in, EmailTooLong)
	case !utf8.ValidString(s):
		return Email{}, emailError(in, EmailSyntax)
	}
	if strings.ContainsAny(s, "<>") {
		if _, ok := one(s); ok {
			return Email{}, emailError(in, EmailDisplayName)
		}
	}
	if strings.ContainsAny(s, ",;") {
		if n, ok := count(strings.ReplaceAll(s, ";", ",")); ok && n > 1 {
			return Email{}, emailError(in, EmailMultiple)
		}
	}
	spec, ok := one(s)
	if !ok {
		if at := strings.LastIndexByte(s, '@'); at > 0 {
			if l := s[:at]; l[0] == '.' || l[len(l)-1] == '.' || strings.Contains(l, "..") {
				return Email{}, emailError(in, EmailBadLocal)
			}
		}
		return Email{}, emailError(in, EmailSyntax)
	}
	if spec != s {
		// A display name, a comment or a quoted local part (net/mail
		// would give a Name, or an Address other than s).
		if strings.HasPrefix(s, "\"") || strings.Contains(s, "\"@") {
			return Email{}, emailError(in, EmailBadLocal)
		}
		return Email{}, emailError(in, EmailDisplayName)
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], s[at+1:]
	if len(local) > maxLocalLength {
		return Email{}, emailError(in, EmailTooLong)
	}
	for i := 0; i < len(local); i++ {
		if c := local[i]; c >= utf8.RuneSelf || c == '"' || c == '\\' {
			return Email{}, emailError(in, EmailBadLocal)
		}
	}
	if strings.HasPrefix(domain, "[") {
		return Email{}, emailError(in, EmailBadDomain)
	}
	if !strings.ContainsAny(domain, ".。．｡") {
		return Email{}, emailError(in, EmailNoDot)
	}
	d, err := dom.ParseHost(domain)
	if err != nil {
		var de *dom.Error
		if errors.As(err, &de) && de.Reason == dom.ReasonSpecialUse {
			return Email{}, emailError(in, EmailSpecialUse)
		}
		return Email{}, emailError(in, EmailBadDomain)
	}
	if dom.Narrow(domain) != domain {
		// IDNA maps a full-width letter or an ideographic full stop to its
		// ASCII form, but the filing system takes the address as typed:
		// refused here, and read as typed in full width (fullWidthEmail).
		return Email{}, emailError(in, EmailBadDomain)
	}
	ascii := d.Host()
	if len(local)+1+len(ascii) > MaxEmailLength {
		return Email{}, emailError(in, EmailTooLong)
	}
	uni := d.UnicodeHost()
	return Email{Local: local, Domain: uni, ASCIIDomain: ascii}, nil
}
