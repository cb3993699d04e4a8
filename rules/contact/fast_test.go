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
	// one allocation: the public suffix look-up of the domain's shared
	// reading (domain.ParseHost)
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseEmail("zhangsan@shilikeji.cn") }); n > 1 {
		t.Errorf("ParseEmail of a plain address: %v allocations", n)
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
