package contact

import (
	"slices"
	"strings"
	"testing"

	dom "github.com/icpcheck/beian/rules/domain"
)

var fastCorpus = []string{
	"a@b.cn", "zhangsan@shilikeji.cn", "a.b-c_d+e@mail.163.com", "12345678@qq.com", "a@1.cn", "a@b.123",
	"a@b-c.cn", "a@-b.cn", "a@b-.cn", "a@ab--cd.cn", "a@xn--fiqs8s.cn", "a@B.cn", "a@b..cn", "a@.b.cn", "a@b.cn.",
	"a@b", ".a@b.cn", "a.@b.cn", "a..b@b.cn", "a b@c.cn", "a@b c.cn", "\"a\"@b.cn", "a@[1.2.3.4]", "a@1.2.3.4",
	"a@b_c.cn", "a@@b.cn", "@b.cn", "a@", strings.Repeat("a", 64) + "@b.cn", strings.Repeat("a", 65) + "@b.cn",
	"a@" + strings.Repeat("b", 63) + ".cn", "a@" + strings.Repeat("b", 64) + ".cn", "a{b}@c.cn", "a'b@c.cn", "a@例子.中国",
	"a@b.test", "a@b.local", "a@b.zzz", "a@com.cn", "a@b.onion", "a@x.in-addr.arpa",
}

// TestPlainEmailAgreesWithParse holds the fast path to the full parser:
// whatever it accepts, parseEmail accepts with the same result.
func TestPlainEmailAgreesWithParse(t *testing.T) {
	fast := 0
	for _, s := range fastCorpus {
		checkFast(t, s)
		if _, ok := plainEmail(s); ok {
			fast++
		}
	}
	if fast < 10 {
		t.Errorf("the fast path took only %d of the corpus", fast)
	}
	// Every byte in the local part and in the domain: plainSyntax reads
	// bytes by their classes in emailBytes as plainSyntaxAsTests does by
	// their values.
	for c := range 256 {
		b := string([]byte{byte(c)})
		for _, s := range append([]string{"a" + b + "b@c.cn", b + "@c.cn", "a@b" + b + "c.cn", "a@" + b + ".cn", "a@b.c" + b, "a@1" + b + ".cn", "a@1" + b + ".2"}, fastCorpus...) {
			checkFast(t, s)
			l, d, ok := plainSyntax(s)
			wl, wd, wok := plainSyntaxAsTests(s)
			if l != wl || d != wd || ok != wok {
				t.Fatalf("plainSyntax(%q) = %q, %q, %v; want %q, %q, %v", s, l, d, ok, wl, wd, wok)
			}
		}
	}
}

func checkFast(t *testing.T, s string) {
	t.Helper()
	e, ok := plainEmail(s)
	if !ok {
		return
	}
	slow, err := parseEmail(s)
	if err != nil || slow != e {
		t.Errorf("plainEmail(%q) = %+v; parseEmail = %+v, %v", s, e, slow, err)
	}
}

func FuzzPlainEmail(f *testing.F) {
	for _, s := range fastCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFast(t, s) })
}

// parseOK is the hostOK a caller gives ParseEmailHosts: whether
// domain.Parse, which reads a website's domain, accepts host.
func parseOK(host string) bool {
	_, err := dom.Parse(host)
	return err == nil
}

// hostLabels are the labels of the hosts TestParseEmailHostsAsParseEmail
// builds: top-level domains known and unknown, special-use and
// infrastructure names, digits, hyphens and punycode.
var hostLabels = []string{"b", "com", "cn", "net", "org", "gov", "edu", "xn--fiqs8s", "test", "local", "localhost",
	"invalid", "example", "onion", "arpa", "in-addr", "home", "corp", "lan", "internal", "zzz", "1", "123", "0", "1a",
	"a1", "a-b", "163", "qq", "shilikeji", "xn--55qx5d", "co", "uk", "jp", "hk", "tw", "mo", "io", "app", "dev", "ai", "top", "xyz"}

// TestParseEmailHostsAsParseEmail: with the domain read as domain.Parse
// reads it, ParseEmailHosts answers every address as ParseEmail does:
// the corpus of the fast path, and a local part at hosts of two and
// three labels from hostLabels.
func TestParseEmailHostsAsParseEmail(t *testing.T) {
	inputs := slices.Clone(fastCorpus)
	for _, a := range hostLabels {
		for _, b := range hostLabels {
			inputs = append(inputs, "a@"+a+"."+b, "a@"+a+"."+b+".cn", "a@x."+a+"."+b)
		}
	}
	asked := 0
	for _, s := range inputs {
		checkHosts(t, s, func(h string) bool { asked++; return parseOK(h) })
	}
	if asked < len(hostLabels)*len(hostLabels) {
		t.Errorf("hostOK asked %d times for %d inputs", asked, len(inputs))
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseEmailHosts("zhangsan@shilikeji.cn", parseOK) }); n > 1 {
		t.Errorf("ParseEmailHosts of a plain address: %v allocations", n)
	}
}

func checkHosts(t *testing.T, s string, hostOK func(string) bool) {
	t.Helper()
	e, err := ParseEmailHosts(s, hostOK)
	want, werr := ParseEmail(s)
	if e != want || (err == nil) != (werr == nil) || (err != nil && (err.Error() != werr.Error() || EmailReasonOf(err) != EmailReasonOf(werr))) {
		t.Errorf("ParseEmailHosts(%q) = %+v, %v; ParseEmail = %+v, %v", s, e, err, want, werr)
	}
}

func FuzzParseEmailHosts(f *testing.F) {
	for _, s := range fastCorpus {
		f.Add(s)
	}
	f.Add("a@b.c1")
	f.Add("a@x.in-addr.arpa")
	f.Fuzz(func(t *testing.T, s string) { checkHosts(t, s, parseOK) })
}

// plainSyntaxAsTests is plainSyntax written with the tests of each byte
// that emailBytes tabulates.
func plainSyntaxAsTests(s string) (local, domain string, ok bool) {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at > maxLocalLength || len(s) > MaxEmailLength {
		return "", "", false
	}
	local, domain = s[:at], s[at+1:]
	for i := 0; i < len(local); i++ {
		c := local[i]
		if c == '.' {
			if i == 0 || i == len(local)-1 || local[i-1] == '.' {
				return "", "", false
			}
		} else if !atext(c) {
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
			c := domain[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return "", "", false
			}
			if c < '0' || c > '9' {
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
