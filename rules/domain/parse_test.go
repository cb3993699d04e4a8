package domain

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// bases are registrable domains of every suffix class, in the form Parse
// must return: ASCII, its Unicode form, and its public suffix.
var bases = []struct{ ascii, unicode, suffix string }{
	{"example.cn", "example.cn", "cn"},
	{"example.com", "example.com", "com"},
	{"example.com.cn", "example.com.cn", "com.cn"},
	{"example.gov.cn", "example.gov.cn", "gov.cn"},
	{"example.bj.cn", "example.bj.cn", "bj.cn"},
	{"xn--fsqu00a.xn--fiqs8s", "例子.中国", "xn--fiqs8s"},
	{"xn--fsqu00a.xn--zfr164b", "例子.政务", "xn--zfr164b"},
	{"xn--fsqu00a.cn", "例子.cn", "cn"},
	{"my-site2.xn--55qw42g", "my-site2.公益", "xn--55qw42g"},
	{"a1.top", "a1.top", "top"},
	{"github.io", "github.io", "io"}, // a private suffix is not a registry
}

// variants are ways people type a domain d (given in Unicode form), each
// of which must parse to d.
var variants = []struct {
	name string
	f    func(d string) string
}{
	{"as is", func(d string) string { return d }},
	{"upper case", strings.ToUpper},
	{"title case", func(d string) string {
		_, n := utf8.DecodeRuneInString(d)
		return strings.ToUpper(d[:n]) + d[n:]
	}},
	{"trailing dot", func(d string) string { return d + "." }},
	{"ideographic full stop", func(d string) string { return strings.ReplaceAll(d, ".", "。") }},
	{"full-width full stop", func(d string) string { return strings.ReplaceAll(d, ".", "．") }},
	{"half-width ideographic full stop", func(d string) string { return strings.ReplaceAll(d, ".", "｡") }},
	{"full-width letters", fullWidth},
	{"www", func(d string) string { return "www." + d }},
	{"deep sub-domain", func(d string) string { return "a.b-c.www." + d }},
	{"spaces around", func(d string) string { return "  " + d + "\t\n" }},
	{"ideographic space", func(d string) string { return "\u3000" + d + "\u3000" }},
	{"http URL", func(d string) string { return "http://" + d }},
	{"https URL with www and slash", func(d string) string { return "https://www." + d + "/" }},
	{"URL with port, path, query, fragment", func(d string) string { return "HTTPS://www." + d + ":8443/a/b.html?x=1#top" }},
	{"URL with user", func(d string) string { return "ftp://user:pw@" + d + "/" }},
	{"scheme-relative URL", func(d string) string { return "//" + d + "/x" }},
	{"path without scheme", func(d string) string { return d + "/index.html" }},
	{"port without scheme", func(d string) string { return d + ":80" }},
	{"full-width URL", func(d string) string { return fullWidth("https://www." + d + "/") }},
	{"trailing full-width dot", func(d string) string { return d + "。" }},
}

// fullWidth writes the ASCII characters of s in their full-width forms.
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestParseVariants(t *testing.T) {
	for _, base := range bases {
		for _, form := range []string{base.unicode, base.ascii} {
			for _, v := range variants {
				for _, w := range []struct {
					name string
					f    func(string) string
				}{{"", func(s string) string { return s }}, {"+www", func(s string) string { return "www." + s }}, {"+upper", strings.ToUpper}} {
					in := v.f(w.f(form))
					t.Run(base.ascii+"/"+v.name+w.name, func(t *testing.T) {
						d, err := Parse(in)
						if err != nil {
							t.Fatalf("Parse(%q): %v", in, err)
						}
						if d.ASCII() != base.ascii || d.Unicode() != base.unicode || d.Suffix() != base.suffix {
							t.Fatalf("Parse(%q) = %q %q suffix %q, want %q %q suffix %q", in, d.ASCII(), d.Unicode(), d.Suffix(), base.ascii, base.unicode, base.suffix)
						}
						if got := d.UnicodeSuffix(); got != toUnicode(base.suffix) {
							t.Errorf("UnicodeSuffix = %q", got)
						}
						if !strings.HasSuffix(d.Host(), d.ASCII()) {
							t.Errorf("Host %q does not end in %q", d.Host(), d.ASCII())
						}
						if d.IsSubdomain() != (d.Host() != d.ASCII()) {
							t.Errorf("IsSubdomain = %v for host %q", d.IsSubdomain(), d.Host())
						}
						if d.Label()+"."+d.Suffix() != d.ASCII() {
							t.Errorf("Label %q + Suffix %q != %q", d.Label(), d.Suffix(), d.ASCII())
						}
					})
				}
			}
		}
	}
}

func TestParseSubdomainHost(t *testing.T) {
	d, err := Parse("https://WWW.Shop.Example.COM.cn:443/")
	if err != nil {
		t.Fatal(err)
	}
	if d.Host() != "www.shop.example.com.cn" || d.ASCII() != "example.com.cn" || !d.IsSubdomain() || d.Label() != "example" {
		t.Fatalf("got host %q ascii %q sub %v label %q", d.Host(), d.ASCII(), d.IsSubdomain(), d.Label())
	}
	if d, _ := Parse("example.cn"); d.IsSubdomain() {
		t.Fatal("example.cn is not a sub-domain")
	}
	if (Domain{}).IsZero() != true {
		t.Fatal("zero Domain not IsZero")
	}
}

func TestParseInvalid(t *testing.T) {
	long63 := strings.Repeat("a", 63)
	cases := map[Reason][]string{
		ReasonEmpty:        {"", "   ", "\u3000", "http://", "https:///path", ".", "。"},
		ReasonTooLong:      {strings.Repeat(long63+".", 4) + "cn", strings.Repeat("例", 2000) + ".cn"},
		ReasonCharacter:    {"exa mple.cn", "ex_ample.cn", "exam!ple.cn", "example.cn:port", "例子😀.cn", "xn--e28h.cn", "a★b.cn", "例子，公司.cn", "a$b.com"},
		ReasonEmptyLabel:   {"a..cn", ".example.cn", "example..cn", "www..example.cn", "a。。cn"},
		ReasonLabelTooLong: {long63 + "a.cn", distinctHan(40) + ".cn"},
		ReasonHyphen:       {"-example.cn", "example-.cn", "ab--cd.cn", "www.-a.cn"},
		ReasonIDNA:         {"xn--zz.cn", "xn--a.cn", "xn--ls8h-.cn", "a\u200Db.cn"},
		ReasonIPAddress:    {"1.2.3.4", "http://10.0.0.1:8080/", "::1", "http://[::1]/", "[2001:db8::1]"},
		ReasonSingleLabel:  {"localhost", "example", "http://intranet/"},
		ReasonUnknownTLD:   {"example.zzz", "example.internal", "a.b.invalidtld", "example.123"},
		ReasonSpecialUse:   {"example.local", "www.shop.test", "x.onion", "1.0.0.127.in-addr.arpa", "a.invalid", "a.localhost", "a.example", "a.alt"},
		ReasonSuffixOnly:   {"cn", "com.cn", "中国", "xn--fiqs8s", "gov.cn"},
	}
	for want, inputs := range cases {
		for _, in := range inputs {
			t.Run(want.String()+"/"+in, func(t *testing.T) {
				d, err := Parse(in)
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Parse(%q) = %q, %v; want reason %v", in, d.ASCII(), err, want)
				}
				if e.Reason != want {
					t.Fatalf("Parse(%q): reason %v, want %v", in, e.Reason, want)
				}
				if e.Input != in || !strings.HasPrefix(e.Error(), "domain: ") {
					t.Fatalf("error %q input %q", e.Error(), e.Input)
				}
				if !d.IsZero() {
					t.Fatalf("non-zero Domain with an error")
				}
			})
		}
	}
}

// distinctHan returns n different ideographs, whose punycode does not
// compress as a repeated one does.
func distinctHan(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteRune(rune(0x4E00 + 37*i))
	}
	return b.String()
}

func TestReasonStrings(t *testing.T) {
	seen := map[string]bool{}
	for r := ReasonEmpty; r <= ReasonSuffixOnly; r++ {
		s := r.String()
		if s == "" || strings.HasPrefix(s, "Reason(") || seen[s] {
			t.Errorf("reason %d: %q", r, s)
		}
		seen[s] = true
	}
	if Reason(200).String() != "Reason(200)" {
		t.Error(Reason(200).String())
	}
}

func TestErrorTruncatesInput(t *testing.T) {
	in := strings.Repeat("例", 100) + " x"
	_, err := Parse(in)
	if err == nil || len(err.Error()) > 300 {
		t.Fatalf("error %v", err)
	}
}

func TestParseDoesNotKeepInput(t *testing.T) {
	// A Domain from a long URL holds only the host.
	in := "https://www.example.cn/" + strings.Repeat("p", 1<<16)
	d, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Host()) != len("www.example.cn") {
		t.Fatalf("host %q", d.Host())
	}
}

func TestParseLinear(t *testing.T) {
	// Hostile inputs: long, full of dots or of characters IDNA must map.
	for _, in := range []string{
		strings.Repeat(".", 1<<20),
		strings.Repeat("a.", 1<<19),
		strings.Repeat("Ａ", 1<<18),
		strings.Repeat("\u0301", 1<<18),
		"https://" + strings.Repeat("@", 1<<20),
		strings.Repeat("例", 1<<18) + ".cn",
	} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse of %d bytes succeeded", len(in))
		}
	}
}

// TestParseAllocs: a plain ASCII domain costs no allocation (x/net's
// publicsuffix.PublicSuffix made one, the error of its IP-address test).
func TestParseAllocs(t *testing.T) {
	if a := testing.AllocsPerRun(100, func() { _, _ = Parse("example.cn") }); a > 0 {
		t.Errorf("Parse(example.cn): %v allocs", a)
	}
	if a := testing.AllocsPerRun(100, func() { _, _ = Parse("www.example.com.cn") }); a > 0 {
		t.Errorf("Parse(www.example.com.cn): %v allocs", a)
	}
}
