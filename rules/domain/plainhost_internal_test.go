package domain

import (
	"errors"
	"strings"
	"testing"
)

// parseGeneral is Parse without its plainHost shortcut.
func parseGeneral(s string) (Domain, error) {
	host, reason := extractHost(s)
	if reason != 0 {
		return Domain{}, &Error{Input: s, Reason: reason}
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

// samePlainHost fails t unless extractHost returns s as it is when
// plainHost(s), and Parse answers s as parseGeneral does.
func samePlainHost(t testing.TB, s string) {
	t.Helper()
	if plainHost(s) {
		if host, reason := extractHost(s); host != s || reason != 0 {
			t.Fatalf("plainHost(%q), but extractHost gives %q, %v", s, host, reason)
		}
	}
	d, err := Parse(s)
	gd, gerr := parseGeneral(s)
	var e, ge *Error
	if d != gd || (err == nil) != (gerr == nil) || err != nil && (!errors.As(err, &e) || !errors.As(gerr, &ge) || *e != *ge) {
		t.Fatalf("Parse(%q) = %+v, %v; the general path %+v, %v", s, d, err, gd, gerr)
	}
}

// TestPlainHostExtractsItself holds Parse's shortcut for a plain host to
// the general path: every string of up to five characters from an
// alphabet of letters of both cases, digits, the host's punctuation and
// the characters extractHost takes off or stops at; hosts at and past the
// length limit; and typical domains with each kind of decoration.
func TestPlainHostExtractsItself(t *testing.T) {
	alphabet := []string{"a", "Z", "0", "9", "-", ".", " ", "/", ":", "@", "[", "_", "\u3002", "ａ"}
	var gen func(prefix string, n int)
	count := 0
	gen = func(prefix string, n int) {
		samePlainHost(t, prefix)
		count++
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(prefix+c, n-1)
		}
	}
	gen("", 4)
	for _, base := range []string{"shilikeji.cn", "a.b", "xn--fiqs8s.cn", "example.com.cn", "192.168.0.1", "1.cn", "a-.cn", "-a.cn", "a..cn", "sub.shilikeji.cn"} {
		for _, s := range []string{base, strings.ToUpper(base), base + ".", " " + base, base + " ", "http://" + base, base + "/x", base + ":80", "u@" + base, base + "1"} {
			samePlainHost(t, s)
			count++
		}
	}
	for _, n := range []int{62, 63, 64, 252, 253, 254, maxHostBytes - 1, maxHostBytes, maxHostBytes + 1} {
		s := strings.Repeat("a", n-3) + ".cn"
		samePlainHost(t, s)
		samePlainHost(t, strings.Repeat("ab.", n/3)+"cn")
		count += 2
	}
	t.Logf("%d inputs", count)
}

// FuzzPlainHost: Parse, with its plain-host shortcut, answers any input as
// the general path does.
func FuzzPlainHost(f *testing.F) {
	for _, s := range []string{"shilikeji.cn", "SHILIKEJI.CN", "a.b", "1.2.3.4", "xn--fiqs8s.cn", "a.cn.", "http://a.cn/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { samePlainHost(t, s) })
}
