package contact

import (
	"fmt"

	"net/mail"
	"strings"
	"testing"
)

// parseEmailNetMail is parseEmail with net/mail's grammar, as it was
// before address.go: the reference the reader is held to.
func parseEmailNetMail(s string) (Email, error) {
	return parseEmailWith(s, func(s string) (string, bool) {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return "", false
		}
		return a.Address, true
	}, func(s string) (int, bool) {
		list, err := mail.ParseAddressList(s)
		return len(list), err == nil
	})
}

// checkAsNetMail compares the reader with net/mail on s: ParseAddress's
// acceptance and Address, ParseAddressList's acceptance and length, and
// parseEmail's whole answer with the one net/mail gave.
func checkAsNetMail(t *testing.T, s string) {
	t.Helper()
	spec, ok := parseOneAddress(s)
	a, err := mail.ParseAddress(s)
	if ok != (err == nil) || ok && spec != a.Address {
		t.Errorf("parseOneAddress(%q) = %q, %v; net/mail %+v, %v", s, spec, ok, a, err)
	}
	n, ok := countAddresses(s)
	list, err := mail.ParseAddressList(s)
	if ok != (err == nil) || ok && n != len(list) {
		t.Errorf("countAddresses(%q) = %d, %v; net/mail %d, %v", s, n, ok, len(list), err)
	}
	got, gerr := parseEmail(s)
	want, werr := parseEmailNetMail(s)
	if got != want || EmailReasonOf(gerr) != EmailReasonOf(werr) || (gerr == nil) != (werr == nil) {
		t.Errorf("parseEmail(%q) = %+v, %v; with net/mail %+v, %v", s, got, gerr, want, werr)
	}
}

// addressCorpus builds addresses by class: local parts, domains, display
// names (atoms, quoted strings, encoded words in each charset and
// encoding, valid and not, decoding to nothing), comments (nested,
// escaped, unclosed), angle-addrs, groups and lists, with spaces.
func addressCorpus() []string {
	locals := []string{"a", "a.b", ".a", "a.", "a..b", "张三", "a+b", `"a"`, `"a b"`, `"a\"b"`, `""`, `"a`, `"\\"`, "a\xffb", `"a\xff"`, "a(b)", "a b", "!#$%&'*+-/=?^_`{|}~"}
	domains := []string{"b.cn", "例子.中国", "b", "b..cn", ".b.cn", "b.cn.", "[1.2.3.4]", "[::1]", "[fe80::1%eth0]", "[1.2.3.04]", "[a]", "[1.2.3.4", "[]", "[::ffff:1.2.3.4]", "b.cn(c)", " b.cn"}
	names := []string{"", "Zhang", "Zhang San", `"Zhang San"`, "张三", "a.b", "=?utf-8?q?Zhang?=", "=?UTF-8?B?5byg5LiJ?=", "=?gbk?b?1cXI/Q==?=", "=?gbk?q?abc?=",
		"=?x?q?=4?=", "=?x?b?YQ?=", "=?utf-8?q??=", "=?utf-8?q??= =?utf-8?q??=", "=?iso-8859-1?q?a?= =?us-ascii?q?b?=", "=?utf-8?q?a?= (c) x", "=?uſ-ascii?q?a?=",
		"=?utf-8?x?a?=", "=?utf-8?q?a_b=C3=A9?=", "=?utf-8?b?YWJj?= (c)", "a (c) b", "a (c", "(c) a", `"a`, "a\xff", "=?gbk?b?YQ==?= b", "b =?gbk?b?YQ==?="}
	comments := []string{"", " (c)", "(c)", " (a (b) c)", " (a \\) b)", " (c", " (=?gbk?q?a?=)", " (=?utf-8?q?a?= =?x?b?YQ==?=)", " ((c)"}
	var out []string
	for _, l := range locals {
		for _, d := range domains {
			spec := l + "@" + d
			out = append(out, spec, " "+spec+" ", l+" @"+d, l+"@ "+d)
			for _, c := range comments {
				out = append(out, spec+c)
			}
		}
	}
	for _, n := range names {
		for _, spec := range []string{"a@b.cn", "a.b@例子.中国", `"a"@b.cn`, "a@[1.2.3.4]", "a@b", ".a@b.cn", "a"} {
			for _, c := range comments[:4] {
				out = append(out, n+" <"+spec+">"+c, n+"<"+spec+">", n+" < "+spec+" >", n+" <"+spec, n+": "+spec+";", n+":;", n+": "+spec+", b@c.cn;"+c, n+c+" <"+spec+">")
			}
		}
	}
	for _, sep := range []string{",", ";", ", ", " ,", ",,", ", ,"} {
		for _, pair := range [][2]string{{"a@b.cn", "c@d.cn"}, {"A <a@b.cn>", "c@d.cn"}, {"a@b.cn", ""}, {"", "a@b.cn"}, {"g: a@b.cn, c@d.cn;", ""}, {"g:;", "a@b.cn"}, {"a@b.cn (c)", "d"}, {"a", "b"}} {
			out = append(out, pair[0]+sep+pair[1], sep+pair[0]+sep+pair[1]+sep)
		}
	}
	return append(out, "", " ", ",", ";", "<>", "<a@b.cn>", "a@b.cn>", "g: a@b.cn", "g: h: a@b.cn;;", "a@b.cn,", "\t a@b.cn \t")
}

// TestAddressAsNetMail holds the reader to net/mail over the corpus by
// class, and parseEmail to its answers with net/mail.
func TestAddressAsNetMail(t *testing.T) {
	corpus := addressCorpus()
	for _, s := range corpus {
		checkAsNetMail(t, s)
		checkAsNetMail(t, strings.ReplaceAll(s, ";", ","))
	}
	if len(corpus) < 3000 {
		t.Errorf("the corpus has %d addresses", len(corpus))
	}
}

func FuzzAddressAsNetMail(f *testing.F) {
	for _, s := range addressCorpus() {
		f.Add(s)
	}
	f.Fuzz(checkAsNetMail)
}

func ExampleAddressOf() {
	fmt.Println(AddressOf("张三 <zhangsan@example.cn>"))
	fmt.Println(AddressOf("zhangsan@example.cn (张三)"))
	fmt.Println(AddressOf("张三"))
	// Output:
	// zhangsan@example.cn true
	// zhangsan@example.cn true
	//  false
}
