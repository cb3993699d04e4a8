package main

import (
	"net/url"
	"strings"
	"unicode"
)

// A PostgreSQL DSN comes in two forms, and carries secrets in both:
//
//	postgres://user:PASSWORD@host:5432/db?password=PASSWORD&sslpassword=PASSPHRASE
//	host=h user=u password=PASSWORD sslpassword='PASS PHRASE' dbname=db
//
// redact writes a DSN for the logs and /readyz without them; a scrubber
// removes them from error text that quotes the DSN or its parts (the
// driver's errors may: pgx masks a URL's userinfo password, not its
// ?password=).

const masked = "***"

// isPostgres reports whether spec is a PostgreSQL DSN: a postgres:// or
// postgresql:// URL, or libpq's key=value form starting with one of its
// usual keywords (host=…, dbname=…, user=…).
func isPostgres(spec string) bool {
	if strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://") {
		return true
	}
	key, _, ok := strings.Cut(strings.TrimLeftFunc(spec, unicode.IsSpace), "=")
	if !ok {
		return false
	}
	switch strings.TrimRightFunc(key, unicode.IsSpace) {
	case "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service", "sslmode", "connect_timeout", "application_name":
		return true
	}
	return false
}

// secretKey reports whether a DSN parameter holds a secret, or the path
// of one: password, sslpassword, passfile, sslkey, and anything named
// for a password, secret or token.
func secretKey(key string) bool {
	k := strings.ToLower(key)
	return k == "sslkey" || strings.Contains(k, "pass") || strings.Contains(k, "secret") || strings.Contains(k, "token")
}

// redact returns dsn with every secret replaced by ***: a URL's userinfo
// password, the values of its secret query parameters and its fragment,
// or the secret values of the key=value form (quoted or not). A URL that
// does not parse keeps its scheme only; a key=value string that does not
// parse is masked from where it stops parsing. Anything else (a records
// file's name) is returned as it is.
func redact(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		out, _ := redactURL(dsn)
		return out
	}
	if isPostgres(dsn) {
		out, _ := redactKeyValue(dsn)
		return out
	}
	return dsn
}

// redactURL redacts a URL DSN and returns the secrets it held.
func redactURL(dsn string) (string, []string) {
	scheme, rest, _ := strings.Cut(dsn, "://")
	u, err := url.Parse(dsn)
	if err != nil {
		// The driver cannot use it either; keep nothing that might be
		// a secret, and scrub what lies between the scheme and the last
		// @ (the userinfo, if any).
		var secrets []string
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if _, pw, ok := strings.Cut(rest[:at], ":"); ok && pw != "" {
				secrets = append(secrets, pw)
			}
		}
		return scheme + "://" + masked + " (not a URL)", secrets
	}
	var secrets []string
	var b strings.Builder
	b.WriteString(scheme + "://")
	if u.User != nil {
		b.WriteString(url.PathEscape(u.User.Username()))
		if pw, ok := u.User.Password(); ok {
			if pw != "" {
				secrets = append(secrets, pw)
				b.WriteString(":" + masked)
			} else {
				b.WriteString(":")
			}
		}
		b.WriteByte('@')
	}
	b.WriteString(u.Host)
	b.WriteString(u.EscapedPath())
	if u.RawQuery != "" || u.ForceQuery {
		b.WriteByte('?')
		for i, param := range strings.Split(u.RawQuery, "&") {
			if i > 0 {
				b.WriteByte('&')
			}
			rawKey, rawValue, hasValue := strings.Cut(param, "=")
			key, err := url.QueryUnescape(rawKey)
			if err != nil || secretKey(key) {
				if v, err := url.QueryUnescape(rawValue); err == nil && v != "" {
					secrets = append(secrets, v)
				}
				if rawValue != "" {
					secrets = append(secrets, rawValue)
				}
				if err != nil {
					rawKey = masked
				}
				b.WriteString(rawKey + "=" + masked)
				continue
			}
			b.WriteString(rawKey)
			if hasValue {
				b.WriteString("=" + rawValue)
			}
		}
	}
	if u.Fragment != "" {
		secrets = append(secrets, u.Fragment, u.EscapedFragment())
		b.WriteString("#" + masked)
	}
	return b.String(), secrets
}

// redactKeyValue redacts libpq's key=value form (keywords and values
// separated by white space; a value quoted in single quotes or not, a
// backslash escaping the next character) and returns the secrets it
// held.
func redactKeyValue(dsn string) (string, []string) {
	var (
		b       strings.Builder
		secrets []string
		i       int
	)
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	rest := func() (string, []string) {
		// Unparsable from i on: mask the rest, and scrub its words.
		b.WriteString(masked)
		for _, w := range strings.FieldsFunc(dsn[i:], func(r rune) bool { return r == ' ' || r == '=' || r == '\'' }) {
			secrets = append(secrets, strings.Trim(w, `\`))
		}
		return b.String(), secrets
	}
	for {
		start := i
		for i < len(dsn) && isSpace(dsn[i]) {
			i++
		}
		b.WriteString(dsn[start:i])
		if i == len(dsn) {
			return b.String(), secrets
		}
		k := i
		for i < len(dsn) && dsn[i] != '=' && !isSpace(dsn[i]) {
			i++
		}
		key := dsn[k:i]
		for i < len(dsn) && isSpace(dsn[i]) {
			i++
		}
		if i == len(dsn) || dsn[i] != '=' {
			i = k
			return rest()
		}
		i++
		for i < len(dsn) && isSpace(dsn[i]) {
			i++
		}
		b.WriteString(dsn[k:i]) // the key, "=" and the spaces
		v := i
		var value strings.Builder
		if i < len(dsn) && dsn[i] == '\'' {
			i++
			closed := false
			for i < len(dsn) {
				c := dsn[i]
				if c == '\\' && i+1 < len(dsn) {
					value.WriteByte(dsn[i+1])
					i += 2
					continue
				}
				i++
				if c == '\'' {
					closed = true
					break
				}
				value.WriteByte(c)
			}
			if !closed {
				i = v
				return rest()
			}
		} else {
			for i < len(dsn) && !isSpace(dsn[i]) {
				if dsn[i] == '\\' && i+1 < len(dsn) {
					i++
				}
				value.WriteByte(dsn[i])
				i++
			}
		}
		if secretKey(key) {
			if value.Len() > 0 {
				secrets = append(secrets, value.String(), dsn[v:i])
			}
			b.WriteString(masked)
		} else {
			b.WriteString(dsn[v:i])
		}
	}
}

// A scrubber removes a DSN's secrets from text: the DSN itself, quoted
// whole, becomes its redacted form, and each secret value left becomes
// ***.
type scrubber struct {
	dsn, redacted string
	secrets       []string
}

// newScrubber returns the scrubber of dsn (a records file's name has no
// secret: its scrubber changes nothing).
func newScrubber(dsn string) scrubber {
	s := scrubber{dsn: dsn, redacted: dsn}
	switch {
	case strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://"):
		s.redacted, s.secrets = redactURL(dsn)
	case isPostgres(dsn):
		s.redacted, s.secrets = redactKeyValue(dsn)
	}
	return s
}

// scrub returns text without the DSN's secrets: each whole, then each of
// their words of four bytes or more (an error may quote a secret cut
// where another program's redaction stopped).
func (s scrubber) scrub(text string) string {
	if s.dsn != "" && s.dsn != s.redacted {
		text = strings.ReplaceAll(text, s.dsn, s.redacted)
	}
	for _, secret := range s.secrets {
		if secret != "" {
			text = strings.ReplaceAll(text, secret, masked)
		}
	}
	for _, secret := range s.secrets {
		for _, w := range strings.Fields(secret) {
			if len(w) >= 4 {
				text = strings.ReplaceAll(text, w, masked)
			}
		}
	}
	return text
}
