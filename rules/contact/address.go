package contact

import (
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/internal/ipaddr"
)

// The reader below accepts exactly what net/mail's ParseAddress and
// ParseAddressList accept (Go 1.26) and gives the addr-spec each address
// ends with, which is all parseEmail asks of them: the RFC 5322 grammar
// as net/mail reads it (addr-spec first, then a phrase with an angle-addr
// or a group, comments, quoted strings, domain literals that must be IP
// addresses, UTF-8 in atoms) and, of RFC 2047, the one way an encoded
// word makes net/mail fail (a well-formed word in a charset other than
// UTF-8, ISO-8859-1 and US-ASCII) and how encoded words change what a
// display name counts as words. It replaces net/mail so that the
// WebAssembly build does not link net/mail, mime, net and log.
// TestAddressAsNetMail and FuzzAddressAsNetMail hold it to net/mail.

// addrReader reads an address or a list of them from the start of s.
type addrReader struct{ s string }

// AddressOf returns the address net/mail's ParseAddress returns for s:
// the addr-spec of the one mailbox s holds, whatever display name,
// angle brackets, comments or group of one are around it
// ("张三 <zhangsan@example.cn>" gives "zhangsan@example.cn"); false where
// ParseAddress fails. A quoted local part comes without its quotes, as
// net/mail gives it. It does not check the address as ParseEmail does.
func AddressOf(s string) (string, bool) { return parseOneAddress(s) }

// parseOneAddress reports whether net/mail.ParseAddress accepts s, and
// the Address it returns.
func parseOneAddress(s string) (spec string, ok bool) {
	r := addrReader{s}
	specs, ok := r.address(true)
	if !ok || !r.skipCFWS() || r.s != "" || len(specs) != 1 {
		return "", false
	}
	return specs[0], true
}

// countAddresses reports whether net/mail.ParseAddressList accepts s,
// and how many addresses the list it returns holds.
func countAddresses(s string) (n int, ok bool) {
	r := addrReader{s}
	for {
		r.skipWSP()
		if r.eat(',') {
			continue // an empty entry
		}
		specs, ok := r.address(true)
		if !ok {
			return 0, false
		}
		n += len(specs)
		if !r.skipCFWS() {
			return 0, false
		}
		if r.s == "" {
			return n, true
		}
		if r.s[0] != ',' {
			return 0, false
		}
		for r.eat(',') {
			r.skipWSP()
		}
		if r.s == "" {
			return n, true
		}
	}
}

// address reads a mailbox, or with groups a group, and returns the
// addr-specs it holds.
func (r *addrReader) address(groups bool) ([]string, bool) {
	r.skipWSP()
	if r.s == "" {
		return nil, false
	}
	// A bare addr-spec, perhaps with a comment after it.
	if spec, ok := r.addrSpec(); ok {
		r.skipWSP()
		if r.eat('(') {
			text, ok := r.comment()
			if !ok {
				return nil, false
			}
			for _, w := range strings.FieldsFunc(text, func(c rune) bool { return c == ' ' || c == '\t' }) {
				if _, _, unsupported := decodeWord(w); unsupported {
					return nil, false
				}
			}
		}
		return []string{spec}, true
	}
	// A display name, then an angle-addr or a group's colon.
	if r.s[0] != '<' && !r.phrase() {
		return nil, false
	}
	r.skipWSP()
	if groups && r.eat(':') {
		return r.group()
	}
	if !r.eat('<') {
		return nil, false
	}
	spec, ok := r.addrSpec()
	if !ok || !r.eat('>') {
		return nil, false
	}
	return []string{spec}, true
}

// group reads a group's list after its colon, to the semicolon.
func (r *addrReader) group() ([]string, bool) {
	var specs []string
	r.skipWSP()
	if r.eat(';') {
		return specs, r.skipCFWS()
	}
	for {
		r.skipWSP()
		a, ok := r.address(false)
		if !ok || !r.skipCFWS() {
			return nil, false
		}
		specs = append(specs, a...)
		if r.eat(';') {
			return specs, r.skipCFWS()
		}
		if !r.eat(',') {
			return nil, false
		}
	}
}

// addrSpec reads local@domain, leaving the reader where it was when it
// fails.
func (r *addrReader) addrSpec() (string, bool) {
	start := r.s
	r.skipWSP()
	var local, domain string
	ok := r.s != ""
	if ok {
		if r.s[0] == '"' {
			local, ok = r.quoted()
			ok = ok && local != ""
		} else {
			local, ok = r.atom(false)
		}
	}
	ok = ok && r.eat('@')
	if ok {
		r.skipWSP()
		switch {
		case r.s == "":
			ok = false
		case r.s[0] == '[':
			domain, ok = r.domainLiteral()
		default:
			domain, ok = r.atom(false)
		}
	}
	if !ok {
		r.s = start
		return "", false
	}
	return local + "@" + domain, true
}

// phrase reads a display name as net/mail's consumePhrase does: words
// (atoms, dots allowed, or quoted strings) with spaces, and comments
// after the first word it keeps. Encoded words that decode are gathered
// into one word, kept when another word follows or the phrase ends and
// only if they decoded to some text; until then, no comment is skipped.
// A word that cannot be read ends the phrase, and fails it if none was
// kept; an encoded word in an unsupported charset ends it too, once read.
// A comment that does not close after a kept word fails it.
func (r *addrReader) phrase() bool {
	kept, pending := 0, false
	failed := false
	for {
		if kept > 0 && !r.skipCFWS() {
			return false
		}
		r.skipWSP()
		if r.s == "" {
			break
		}
		encoded, text := false, false
		if r.s[0] == '"' {
			_, failed = r.quoted()
			failed = !failed
		} else if w, ok := r.atom(true); !ok {
			failed = true
		} else {
			var unsupported bool
			encoded, text, unsupported = decodeWord(w)
			failed = unsupported
		}
		if failed {
			break
		}
		switch {
		case encoded:
			pending = pending || text
		case pending:
			kept, pending = kept+2, false
		default:
			kept++
		}
	}
	if pending {
		kept++
	}
	return !failed || kept > 0
}

// atom reads a run of atext and dots (net/mail reads dot-atoms
// everywhere); strict, it refuses a leading, trailing or doubled dot.
// Invalid UTF-8 in the run fails it.
func (r *addrReader) atom(permissive bool) (string, bool) {
	i := 0
	for i < len(r.s) {
		c, size := utf8.DecodeRuneInString(r.s[i:])
		if c == utf8.RuneError && size == 1 {
			return "", false
		}
		if !atextRune(c) {
			break
		}
		i += size
	}
	if i == 0 {
		return "", false
	}
	a := r.s[:i]
	r.s = r.s[i:]
	if !permissive && (a[0] == '.' || a[len(a)-1] == '.' || strings.Contains(a, "..")) {
		return "", false
	}
	return a, true
}

// atextRune: a visible ASCII character other than the specials, a dot,
// or any non-ASCII character (RFC 6532).
func atextRune(c rune) bool {
	if strings.ContainsRune(`()<>[]:;@\,"`, c) {
		return false
	}
	return vchar(c)
}

func vchar(c rune) bool { return '!' <= c && c <= '~' || c >= utf8.RuneSelf }

// quoted reads a quoted string and returns its contents, escapes
// removed.
func (r *addrReader) quoted() (string, bool) {
	var b []byte
	escaped := false
	for i := 1; ; {
		c, size := utf8.DecodeRuneInString(r.s[i:])
		switch {
		case size == 0, c == utf8.RuneError && size == 1:
			return "", false
		case escaped:
			if !vchar(c) && c != ' ' && c != '\t' {
				return "", false
			}
			escaped = false
		case c == '"':
			r.s = r.s[i+1:]
			return string(b), true
		case c == '\\':
			escaped = true
			i += size
			continue
		case !vchar(c) && c != ' ' && c != '\t':
			return "", false
		}
		b = utf8.AppendRune(b, c)
		i += size
	}
}

// domainLiteral reads [dtext] whose text is an IP address without a
// zone (net.ParseIP).
func (r *addrReader) domainLiteral() (string, bool) {
	rest := r.s[1:]
	i := 0
	for {
		if i == len(rest) {
			return "", false
		}
		if rest[i] == ']' {
			break
		}
		c, size := utf8.DecodeRuneInString(rest[i:])
		if c == utf8.RuneError && size == 1 || c == '[' || c == '\\' || !vchar(c) {
			return "", false
		}
		i += size
	}
	text := rest[:i]
	if ok, zoned := ipaddr.Parse(text); !ok || zoned {
		return "", false
	}
	r.s = rest[i+1:]
	return "[" + text + "]", true
}

func (r *addrReader) skipWSP() { r.s = strings.TrimLeft(r.s, " \t") }

func (r *addrReader) eat(c byte) bool {
	if r.s != "" && r.s[0] == c {
		r.s = r.s[1:]
		return true
	}
	return false
}

// skipCFWS skips spaces and comments; it fails on a comment that does
// not close.
func (r *addrReader) skipCFWS() bool {
	r.skipWSP()
	for r.eat('(') {
		if _, ok := r.comment(); !ok {
			return false
		}
		r.skipWSP()
	}
	return true
}

// comment reads a comment after its opening parenthesis, nested ones
// included, to the closing one, and returns its text (without the
// closing parenthesis; a backslash takes the next byte as it is).
func (r *addrReader) comment() (string, bool) {
	var b []byte
	depth := 1
	i := 0
	for i < len(r.s) && depth > 0 {
		c := r.s[i]
		switch {
		case c == '\\' && len(r.s)-i > 1:
			i++
			c = r.s[i]
		case c == '(':
			depth++
		case c == ')':
			depth--
		}
		if depth > 0 {
			b = append(b, c)
		}
		i++
	}
	r.s = r.s[i:]
	return string(b), depth == 0
}

// decodeWord reads w as mime.WordDecoder reads an RFC 2047 encoded word
// (=?charset?B or Q?text?=): encoded when it decodes, text when it
// decodes to something, unsupported when it is well formed but in a
// charset the decoder has no reader for (anything but UTF-8, ISO-8859-1
// and US-ASCII), which net/mail takes as an error. Anything else is no
// encoded word, and net/mail keeps it as it is.
func decodeWord(w string) (encoded, text, unsupported bool) {
	if len(w) < 8 || !strings.HasPrefix(w, "=?") || !strings.HasSuffix(w, "?=") || strings.Count(w, "?") != 4 {
		return false, false, false
	}
	charset, rest, _ := strings.Cut(w[2:len(w)-2], "?")
	encoding, content, _ := strings.Cut(rest, "?")
	if charset == "" || len(encoding) != 1 {
		return false, false, false
	}
	switch encoding[0] {
	case 'B', 'b':
		content = strings.NewReplacer("\r", "", "\n", "").Replace(content)
		if !validBase64(content) {
			return false, false, false
		}
	case 'Q', 'q':
		if !validQ(content) {
			return false, false, false
		}
	default:
		return false, false, false
	}
	if !strings.EqualFold(charset, "utf-8") && !strings.EqualFold(charset, "iso-8859-1") && !strings.EqualFold(charset, "us-ascii") {
		return false, false, true
	}
	return true, content != "", false
}

// validBase64 reports whether encoding/base64's StdEncoding decodes s
// (its carriage returns and line feeds removed): whole quanta of four,
// padding only at the end.
func validBase64(s string) bool {
	if len(s)%4 != 0 {
		return false
	}
	alpha := func(c byte) bool {
		return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/'
	}
	for i := 0; i < len(s); i += 4 {
		q, last := s[i:i+4], i+4 == len(s)
		if !alpha(q[0]) || !alpha(q[1]) {
			return false
		}
		switch {
		case alpha(q[2]) && alpha(q[3]):
		case alpha(q[2]) && q[3] == '=' && last:
		case q[2] == '=' && q[3] == '=' && last:
		default:
			return false
		}
	}
	return true
}

// validQ reports whether mime's Q decoding reads s: printable ASCII, tab,
// CR, LF, and = with two hexadecimal digits.
func validQ(s string) bool {
	hex := func(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' || 'a' <= c && c <= 'f' }
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '=':
			if i+2 >= len(s) || !hex(s[i+1]) || !hex(s[i+2]) {
				return false
			}
			i += 2
		case ' ' <= c && c <= '~', c == '\n', c == '\r', c == '\t':
		default:
			return false
		}
	}
	return true
}
