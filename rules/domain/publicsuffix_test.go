package domain

import (
	"bufio"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"

	"github.com/icpcheck/beian/internal/gentool"
)

// xnetICANNSuffix is what split used before the list was ours: the
// longest ICANN suffix by golang.org/x/net/publicsuffix, stepping past
// private suffixes one label at a time.
func xnetICANNSuffix(host string) (string, bool) {
	s := host
	for {
		suffix, icann := publicsuffix.PublicSuffix(s)
		if icann {
			return suffix, true
		}
		i := strings.IndexByte(suffix, '.')
		if i < 0 {
			return "", false
		}
		s = suffix[i+1:]
	}
}

// xnetPrivateLeak reports whether x/net's answer for host is a private
// suffix that x/net calls ICANN, and returns the answer the list gives
// instead. x/net's generator marks a node that is only the parent of
// other rules as ICANN, so a private rule's suffix reached through such a
// node (vps-host.net in jelastic.vps-host.net, whose rules are
// vps-host.net and atl.jelastic.vps-host.net …) comes back with
// icann = true, although x/net itself gives (vps-host.net, false) for
// vps-host.net. The list holds the ICANN section only, so it steps past
// such a suffix as it does past any private one.
func xnetPrivateLeak(host string) (string, bool, bool) {
	s := host
	leaked := false
	for {
		suffix, icann := publicsuffix.PublicSuffix(s)
		if icann {
			if alone, icannAlone := publicsuffix.PublicSuffix(suffix); alone != suffix || icannAlone {
				return suffix, true, leaked
			}
			leaked = true
		}
		i := strings.IndexByte(suffix, '.')
		if i < 0 {
			return "", false, leaked
		}
		s = suffix[i+1:]
	}
}

// xnetSuffixOnly is split's old test of a single label: a public suffix
// by itself (com, 中国) rather than a name without one (localhost).
func xnetSuffixOnly(label string) bool {
	_, icann := publicsuffix.PublicSuffix(label)
	return icann
}

func suffixOnly(label string) bool {
	s, ok := icannSuffix(label)
	return ok && len(s) == len(label)
}

// leaks counts the hosts compareWithXNet found answered differently
// because of x/net's private suffixes marked ICANN (xnetPrivateLeak).
var leaks int

// compareWithXNet fails t when the list's answer for host differs from
// x/net's, for the suffix and, when host is one label, for split's
// single-label test.
func compareWithXNet(t *testing.T, host string) {
	t.Helper()
	got, gotOK := icannSuffix(host)
	want, wantOK := xnetICANNSuffix(host)
	if got != want || gotOK != wantOK {
		fixed, fixedOK, leaked := xnetPrivateLeak(host)
		if !leaked || got != fixed || gotOK != fixedOK {
			t.Errorf("icannSuffix(%q) = %q, %v; x/net gives %q, %v", host, got, gotOK, want, wantOK)
		}
		leaks++
	}
	if !strings.Contains(host, ".") {
		if g, w := suffixOnly(host), xnetSuffixOnly(host); g != w {
			t.Errorf("single label %q: suffix only %v; x/net says %v", host, g, w)
		}
	}
}

// icannList is data/public_suffix_icann.txt, which publicsuffix_table.go
// is generated from.
var icannList = func() string {
	b, err := os.ReadFile("data/public_suffix_icann.txt")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// listRules returns the rules of data/public_suffix_icann.txt.
func listRules(t testing.TB) []string {
	var rules []string
	for line := range strings.Lines(icannList) {
		line = strings.TrimSuffix(line, "\n")
		if line != "" && line[0] != '#' {
			rules = append(rules, line)
		}
	}
	if len(rules) < 6000 {
		t.Fatalf("the list has %d rules", len(rules))
	}
	return rules
}

// hostsAround returns hosts that exercise a rule's name: the name, each
// of its suffixes, and the name under one, two and three more labels
// (one of them a label that is a rule's name elsewhere).
func hostsAround(name string) []string {
	hosts := []string{name, "a." + name, "www." + name, "b.a." + name, "c.b.a." + name, "com." + name, "city." + name}
	for rest := name; ; {
		i := strings.IndexByte(rest, '.')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		hosts = append(hosts, rest, "x."+rest)
	}
	return hosts
}

// TestICANNSuffixAsXNet compares the list with x/net's tables over every
// rule of the list, each with labels prepended and its parents, wildcard
// and exception rules with their matches and non-matches.
func TestICANNSuffixAsXNet(t *testing.T) {
	rules := listRules(t)
	before := leaks
	defer func() {
		if leaks != before {
			t.Errorf("%d hosts under the list's own rules differ from x/net", leaks-before)
		}
	}()
	var wildcards, exceptions int
	for _, r := range rules {
		name := strings.TrimPrefix(strings.TrimPrefix(r, "*."), "!")
		switch {
		case strings.HasPrefix(r, "*."):
			wildcards++
		case r[0] == '!':
			exceptions++
		}
		for _, h := range hostsAround(name) {
			compareWithXNet(t, h)
		}
	}
	if wildcards == 0 || exceptions == 0 {
		t.Fatalf("%d wildcard and %d exception rules", wildcards, exceptions)
	}
}

// TestICANNSuffixCases pins answers that show each part of the algorithm,
// and checks them against x/net too.
func TestICANNSuffixCases(t *testing.T) {
	for _, c := range []struct {
		host, suffix string
		ok           bool
	}{
		{"com", "com", true},
		{"example.com.cn", "com.cn", true},
		{"www.example.com.cn", "com.cn", true},
		{"example.cn", "cn", true},
		{"xn--fiqs8s", "xn--fiqs8s", true},              // 中国
		{"xn--fsq270a.xn--fiqs8s", "xn--fiqs8s", true},  // 示例.中国
		{"xn--55qx5d.cn", "xn--55qx5d.cn", true},        // 公司.cn
		{"a.xn--55qx5d.cn", "xn--55qx5d.cn", true},      // 公司.cn
		{"a.xn--55qx5d.xn--fiqs8s", "xn--fiqs8s", true}, // 公司.中国 is no rule
		{"za", "za", true},                              // only the parent of ac.za …: the implicit rule
		{"example.za", "za", true},
		{"example.co.za", "co.za", true},
		{"jelastic.vps-host.net", "net", true}, // x/net: vps-host.net, ICANN (xnetPrivateLeak)
		{"user.github.io", "io", true},         // private suffixes are skipped
		{"x.s3.amazonaws.com", "com", true},
		{"a.b.compute.amazonaws.com", "com", true},
		{"ck", "", false},           // only *.ck and !www.ck: ck itself is no rule
		{"a.ck", "a.ck", true},      // *.ck
		{"b.a.ck", "a.ck", true},    // *.ck
		{"www.ck", "ck", true},      // !www.ck
		{"a.www.ck", "ck", true},    // !www.ck
		{"kawasaki.jp", "jp", true}, // *.kawasaki.jp does not match kawasaki.jp
		{"x.kawasaki.jp", "x.kawasaki.jp", true},
		{"city.kawasaki.jp", "kawasaki.jp", true}, // !city.kawasaki.jp
		{"a.city.kawasaki.jp", "kawasaki.jp", true},
		{"example.zzz", "", false},
		{"zzz", "", false},
		{"", "", false},
		{"com.", "", false},
		{"a..com", "com", true},
		{".com", "com", true},
		{"COM", "", false}, // bytes: hosts come lower case
	} {
		s, ok := icannSuffix(c.host)
		if s != c.suffix || ok != c.ok {
			t.Errorf("icannSuffix(%q) = %q, %v; want %q, %v", c.host, s, ok, c.suffix, c.ok)
		}
		compareWithXNet(t, c.host)
	}
}

// TestICANNSuffixPrivate compares hosts under private suffixes, which
// the list leaves out and x/net holds: the private rules of the system's
// copy of the list when there is one, and a sample otherwise.
func TestICANNSuffixPrivate(t *testing.T) {
	names := []string{"github.io", "blogspot.com", "blogspot.com.br", "appspot.com", "herokuapp.com", "netlify.app", "vercel.app",
		"pages.dev", "workers.dev", "compute.amazonaws.com", "s3.amazonaws.com", "cn-north-1.amazonaws.com.cn",
		"compute.amazonaws.com.cn", "myqcloud.com", "oss-cn-hangzhou.aliyuncs.com", "cloudfront.net", "azurewebsites.net",
		"r.appspot.com", "user.fm", "co.uk.com", "dyndns.org", "no-ip.org", "nom.za", "barsy.bg", "ddnsfree.com",
		"kawasaki.jp.net", "ck.ua", "co.com", "digitaloceanspaces.com", "githubusercontent.com", "glitch.me",
		"sandcats.io", "platform.sh", "onrender.com", "run.app", "fly.dev", "web.app", "firebaseapp.com"}
	if f, err := os.Open("/usr/share/publicsuffix/public_suffix_list.dat"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "//") {
				continue
			}
			line = strings.TrimPrefix(strings.TrimPrefix(line, "*."), "!")
			if ascii, err := profile.ToASCII(line); err == nil {
				names = append(names, ascii)
			}
		}
		f.Close()
		t.Logf("%d names, with those of the system's public_suffix_list.dat", len(names))
	}
	before := leaks
	for _, n := range names {
		for _, h := range hostsAround(n) {
			compareWithXNet(t, h)
		}
	}
	t.Logf("%d hosts answered past a private suffix that x/net calls ICANN", leaks-before)
}

// TestICANNSuffixRandom compares random hosts made of the list's labels,
// one to seven of them, and hostile ones: long, many labels, empty
// labels, characters of the list's syntax.
func TestICANNSuffixRandom(t *testing.T) {
	labelSet := map[string]bool{"": true, "*": true, "!www": true, "a": true, "xn--": true}
	for _, r := range listRules(t) {
		for _, l := range strings.Split(strings.TrimPrefix(strings.TrimPrefix(r, "*."), "!"), ".") {
			labelSet[l] = true
		}
	}
	labels := slices.Sorted(func(yield func(string) bool) {
		for l := range labelSet {
			if !yield(l) {
				return
			}
		}
	})
	rng := rand.New(rand.NewPCG(20, 21))
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	parts := make([]string, 0, 8)
	for range n {
		parts = parts[:0]
		for range 1 + rng.IntN(7) {
			parts = append(parts, labels[rng.IntN(len(labels))])
		}
		compareWithXNet(t, strings.Join(parts, "."))
	}
	long := strings.Repeat("a.", 126) + "com"
	for _, h := range []string{long, strings.Repeat("a", 300) + ".cn", strings.Repeat(".", 1000), strings.Repeat("a.", 5000) + "ck",
		"*.ck", "!www.ck", "www.ck.", ".", "..", "cn.", "1.2.3.4", "::1", "fe80::1%eth0.com", "a.b\x00.com", "a\n.com", "\xff.cn",
		strings.Repeat("x", 255), strings.Repeat("xn--fiqs8s.", 20) + "xn--fiqs8s"} {
		compareWithXNet(t, h)
	}
}

// TestParseWithoutXNet: split's answers, through Parse, over the names
// of the list: a suffix alone is ReasonSuffixOnly, a name under it gives
// it as the Domain's Suffix, as with x/net.
func TestParseWithoutXNet(t *testing.T) {
	for _, r := range listRules(t) {
		name := strings.TrimPrefix(strings.TrimPrefix(r, "*."), "!")
		if isSpecialUse(name) {
			continue
		}
		for _, h := range []string{name, "example." + name} {
			want, wantOK := xnetICANNSuffix(h)
			if !strings.Contains(h, ".") {
				wantOK = xnetSuffixOnly(h)
				want = h
			}
			d, err := Parse(h)
			switch {
			case !wantOK:
				if err == nil {
					t.Errorf("Parse(%q) = %v; x/net has no ICANN suffix", h, d)
				}
			case want == h:
				if e, ok := err.(*Error); !ok || e.Reason != ReasonSuffixOnly {
					t.Errorf("Parse(%q): %v; want ReasonSuffixOnly", h, err)
				}
			case err != nil:
				t.Errorf("Parse(%q): %v; x/net's suffix %q", h, err, want)
			case d.Suffix() != want:
				t.Errorf("Parse(%q).Suffix() = %q; x/net's %q", h, d.Suffix(), want)
			}
		}
	}
}

func FuzzICANNSuffix(f *testing.F) {
	for _, s := range []string{"example.com.cn", "a.www.ck", "b.a.ck", "city.kawasaki.jp", "user.github.io", "com", "ck", "", "a..cn",
		"x.compute.amazonaws.com", "xn--fsq270a.xn--fiqs8s", "1.2.3.4", "zzz", "co.uk", "a.b.c.d.e.f.g.h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, host string) {
		compareWithXNet(t, host)
	})
}

// TestPublicSuffixEdition: the edition is the same in the constant, the
// data file's header and the x/net version go.mod requires (after an
// upgrade of x/net, go generate ./rules/domain and update the constant).
func TestPublicSuffixEdition(t *testing.T) {
	var header string
	for line := range strings.Lines(icannList) {
		if v, ok := strings.CutPrefix(line, "# version: "); ok {
			header = strings.TrimSpace(v)
			break
		}
	}
	if header != PublicSuffixEdition {
		t.Errorf("data/public_suffix_icann.txt has version %q; PublicSuffixEdition is %q", header, PublicSuffixEdition)
	}
	if x := publicsuffix.List.String(); x != PublicSuffixEdition {
		t.Errorf("golang.org/x/net/publicsuffix has %q; PublicSuffixEdition is %q: run go generate ./rules/domain", x, PublicSuffixEdition)
	}
}

// TestTablesCurrent: regenerating data/public_suffix_icann.txt from the
// x/net module gives the same bytes (exhaustive run only).
func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

// TestSuffixTable checks the generated table against the lines of the
// data file: every rule has its bit, every name's parents are known,
// names not in the list have none, and a host's labels past the table's
// deepest rule are not read.
func TestSuffixTable(t *testing.T) {
	lookup := func(name string) uint32 { return icannTable.lookup(name, suffixHash(hashOffset, name)) }
	names := map[string]bool{}
	for _, r := range listRules(t) {
		var name string
		var bit uint32
		switch {
		case strings.HasPrefix(r, "*."):
			name, bit = r[2:], ruleWildcard
		case r[0] == '!':
			name, bit = r[1:], ruleException
		default:
			name, bit = r, ruleNormal
		}
		names[name] = true
		if lookup(name)&bit == 0 {
			t.Errorf("rule %q: bit %b not set", r, bit)
		}
		if n := strings.Count(name, ".") + 1; n > icannMaxLabels {
			t.Errorf("rule %q has %d labels, icannMaxLabels is %d", r, n, icannMaxLabels)
		}
		for rest := name; strings.Contains(rest, "."); {
			rest = rest[strings.IndexByte(rest, '.')+1:]
			names[rest] = true
			if lookup(rest)&ruleParent == 0 {
				t.Errorf("rule %q: %q not marked a parent", r, rest)
			}
		}
	}
	// The table holds these names and no other.
	count := 0
	for e := icannEntries; len(e) > 0; count++ {
		n := int(e[0])
		if !names[e[2:2+n]] {
			t.Errorf("the table holds %q, not in the list", e[2:2+n])
		}
		e = e[2+n:]
	}
	if count != len(names) {
		t.Errorf("the table has %d names, the list %d", count, len(names))
	}
	for _, n := range []string{"", "zzz", "example.com", "example.com.cn", strings.Repeat("a", 300), "*.ck", "!www.ck"} {
		if b := lookup(n); b != 0 {
			t.Errorf("lookup(%q) = %b", n, b)
		}
	}
	// suffixHash extends label by label as publicSuffix uses it.
	if a, b := suffixHash(suffixHash(suffixHash(hashOffset, "cn"), "."), "com"), suffixHash(hashOffset, "com.cn"); a != b {
		t.Errorf("suffixHash by parts %x, whole %x", a, b)
	}
}

// TestICANNSuffixAllocs: looking a suffix up allocates nothing.
func TestICANNSuffixAllocs(t *testing.T) {
	for _, h := range []string{"www.example.com.cn", "a.www.ck", "user.github.io", "example.zzz"} {
		if a := testing.AllocsPerRun(100, func() { icannSuffix(h) }); a != 0 {
			t.Errorf("icannSuffix(%q): %v allocs", h, a)
		}
	}
}

func BenchmarkICANNSuffix(b *testing.B) {
	hosts := []string{"example.cn", "www.example.com.cn", "xn--fsq270a.xn--fiqs8s", "user.github.io", "a.b.city.kawasaki.jp"}
	for _, impl := range []struct {
		name string
		f    func(string) (string, bool)
	}{{"list", icannSuffix}, {"x-net", xnetICANNSuffix}} {
		b.Run(impl.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, h := range hosts {
					sinkString, sinkBool = impl.f(h)
				}
			}
		})
	}
}
