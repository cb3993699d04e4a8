package contact_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"github.com/icpcheck/beian/rules/contact"
	"github.com/icpcheck/beian/rules/domain"
)

func TestParseEmailValid(t *testing.T) {
	cases := []struct{ in, local, domain, ascii string }{
		{"a@b.cn", "a", "b.cn", "b.cn"},
		{"  zhang.san+icp@example.com.cn ", "zhang.san+icp", "example.com.cn", "example.com.cn"},
		{"Admin@EXAMPLE.CN", "Admin", "example.cn", "example.cn"},
		{"12345678@qq.com", "12345678", "qq.com", "qq.com"},
		{"a_b-c@mail.163.com", "a_b-c", "mail.163.com", "mail.163.com"},
		{"webmaster@例子.中国", "webmaster", "例子.中国", "xn--fsqu00a.xn--fiqs8s"},
		{"webmaster@xn--fsqu00a.xn--fiqs8s", "webmaster", "例子.中国", "xn--fsqu00a.xn--fiqs8s"},
		{"info@例子.公司", "info", "例子.公司", "xn--fsqu00a.xn--55qx5d"},
		{strings.Repeat("a", 64) + "@b.cn", strings.Repeat("a", 64), "b.cn", "b.cn"},
	}
	for _, c := range cases {
		e, err := contact.ParseEmail(c.in)
		if err != nil || e.Local != c.local || e.Domain != c.domain || e.ASCIIDomain != c.ascii {
			t.Errorf("ParseEmail(%q) = %+v, %v; want %s @ %s (%s)", c.in, e, err, c.local, c.domain, c.ascii)
			continue
		}
		if e.String() != c.local+"@"+c.domain || e.Key() != strings.ToLower(c.local)+"@"+c.ascii {
			t.Errorf("ParseEmail(%q): String %q Key %q", c.in, e, e.Key())
		}
		// The parsed form parses to the same address.
		if again, err := contact.ParseEmail(e.String()); err != nil || again != e {
			t.Errorf("ParseEmail(%q) = %+v, %v", e.String(), again, err)
		}
	}
}

func TestParseEmailInvalid(t *testing.T) {
	cases := []struct {
		in   string
		want contact.EmailReason
	}{
		{"", contact.EmailEmpty},
		{"   ", contact.EmailEmpty},
		{strings.Repeat("a", 250) + "@b.cn", contact.EmailTooLong},
		{strings.Repeat("a", 65) + "@b.cn", contact.EmailTooLong},
		{"abc", contact.EmailSyntax},
		{"a@", contact.EmailSyntax},
		{"@b.cn", contact.EmailSyntax},
		{"a@@b.cn", contact.EmailSyntax},
		{"a b@c.cn", contact.EmailSyntax},
		{"a＠b.cn", contact.EmailFullWidth},
		{"a@b。cn", contact.EmailFullWidth}, // a dot in IDNA, but not as the filing system takes it
		{"ａ＠ｂ．ｃｎ", contact.EmailFullWidth},
		{"张＠b.cn", contact.EmailSyntax},
		{"a＠＠b.cn", contact.EmailSyntax},
		{"a＠b.test", contact.EmailSyntax},
		{"a@b.cn\xff", contact.EmailSyntax},
		{"a(x)@b.cn", contact.EmailSyntax},
		{"张三 <a@b.cn>", contact.EmailDisplayName},
		{"<a@b.cn>", contact.EmailDisplayName},
		{"\"Zhang\" <a@b.cn>", contact.EmailDisplayName},
		{"a@b.cn, c@d.cn", contact.EmailMultiple},
		{"a@b.cn;c@d.cn", contact.EmailMultiple},
		{"\"a b\"@c.cn", contact.EmailBadLocal},
		{"用户@例子.中国", contact.EmailBadLocal},
		{".a@b.cn", contact.EmailBadLocal},
		{"a.@b.cn", contact.EmailBadLocal},
		{"a..b@c.cn", contact.EmailBadLocal},
		{"a@localhost", contact.EmailNoDot},
		{"a@cn", contact.EmailNoDot},
		{"a@xn--fiqs8s", contact.EmailNoDot},
		{"a@[10.0.0.1]", contact.EmailBadDomain},
		{"a@1.2.3.4", contact.EmailBadDomain},
		{"a@-b.cn", contact.EmailBadDomain},
		{"a@b-.cn", contact.EmailBadDomain},
		{"a@b_c.cn", contact.EmailBadDomain},
		{"a@" + strings.Repeat("b", 64) + ".cn", contact.EmailBadDomain},
		{"a@xn--zz.cn", contact.EmailBadDomain},
	}
	for _, c := range cases {
		e, err := contact.ParseEmail(c.in)
		var ee *contact.EmailError
		if !errors.As(err, &ee) || ee.Reason != c.want {
			t.Errorf("ParseEmail(%.40q) = %+v, %v; want %v", c.in, e, err, c.want)
			continue
		}
		if e != (contact.Email{}) || len(ee.Input) > 64 || contact.EmailReasonOf(err) != c.want {
			t.Errorf("ParseEmail(%.40q): %+v %+v", c.in, e, ee)
		}
	}
}

func TestEmailReasonNames(t *testing.T) {
	seen := map[string]bool{}
	for r := contact.EmailOK; r <= contact.EmailFullWidth; r++ {
		if seen[r.String()] || r.Text() == "" {
			t.Errorf("reason %d: %q %q", r, r, r.Text())
		}
		seen[r.String()] = true
	}
	if contact.EmailReason(99).String() != "reason(99)" || contact.EmailReasonOf(errors.New("x")) != contact.EmailOK {
		t.Error("out-of-range reason")
	}
}

func FuzzParseEmail(f *testing.F) {
	for _, s := range []string{"a@b.cn", "webmaster@例子.中国", "张三 <a@b.cn>", "a@b.cn, c@d.cn", "\"a b\"@c.cn", "a@[1.2.3.4]", "a@b。cn",
		"a@b.test", "a@mail.b.onion", "a@1.0.0.127.in-addr.arpa", "a@B.LOCAL", "a@ex©.cn", "a@例子。invalid", "a@b.alt",
		"a@" + strings.Repeat("中", 60) + ".cn", strings.Repeat("a", 64) + "@" + strings.Repeat("中国人民", 10) + ".cn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := contact.ParseEmail(s)
		if err != nil {
			if contact.EmailReasonOf(err) == contact.EmailOK {
				t.Fatalf("ParseEmail(%q): error without reason", s)
			}
			// an address typed in full width is one in ASCII
			var ee *contact.EmailError
			if errors.As(err, &ee) && (ee.Reason == contact.EmailFullWidth) != (ee.Want != "") {
				t.Fatalf("ParseEmail(%q): %+v", s, ee)
			}
			if ee != nil && ee.Want != "" {
				if _, err := contact.ParseEmail(ee.Want); err != nil {
					t.Fatalf("ParseEmail(%q) wants %q, which it refuses: %v", s, ee.Want, err)
				}
			}
			return
		}
		if e.Local == "" || e.Domain == "" || !strings.Contains(e.ASCIIDomain, ".") {
			t.Fatalf("ParseEmail(%q) = %+v", s, e)
		}
		if len(e.Local)+1+len(e.ASCIIDomain) > contact.MaxEmailLength {
			t.Fatalf("ParseEmail(%q): %d bytes in ASCII form", s, len(e.Local)+1+len(e.ASCIIDomain))
		}
		// the domain reads as package domain reads a host
		if d, err := domain.ParseHost(e.ASCIIDomain); err != nil || d.Host() != e.ASCIIDomain {
			t.Fatalf("ParseEmail(%q) = %+v; domain.ParseHost: %v", s, e, err)
		}
		again, err := contact.ParseEmail(e.String())
		if err != nil || again != e {
			t.Fatalf("ParseEmail(%q) = %+v; ParseEmail(%q) = %+v, %v", s, e, e.String(), again, err)
		}
	})
}

// TestParseEmailFullWidth: every valid address of a class (local parts
// and domains of every kind the parser accepts) typed with a full-width
// ＠, with every character in full width, with 。 or ｡ for every dot,
// and with spaces around, is EmailFullWidth wanting the address in ASCII;
// the same typings of invalid addresses keep their own reason.
func TestParseEmailFullWidth(t *testing.T) {
	full := func(s string) string { return width.Widen.String(s) }
	typings := []func(string) string{
		func(s string) string { return strings.Replace(s, "@", "＠", 1) },
		full,
		func(s string) string { return strings.ReplaceAll(strings.Replace(s, "@", "＠", 1), ".", "。") },
		func(s string) string { return strings.ReplaceAll(full(s), "．", "｡") },
		func(s string) string { return "\u3000" + strings.Replace(s, "@", "＠", 1) + " " },
		// Only the domain typed wide, the @ in ASCII: IDNA would read it.
		func(s string) string {
			l, d, _ := strings.Cut(s, "@")
			return l + "@" + strings.ReplaceAll(d, ".", "。")
		},
		func(s string) string { l, d, _ := strings.Cut(s, "@"); return l + "@" + full(d) },
		func(s string) string {
			l, d, _ := strings.Cut(s, "@")
			return l + "@" + strings.ReplaceAll(d, ".", "｡")
		},
	}
	hosts := []string{"b.cn", "shilikeji.com.cn", "mail.example.com", "xn--fiqs8s.xn--fiqs8s", "a-b.net", "例子.中国"}
	n := 0
	for _, local := range []string{"a", "zhang.san", "Zhang_San-01", "x+tag", "a!#$%&'*/=?^`{|}~b", "0"} {
		for _, host := range hosts {
			addr := local + "@" + host
			if _, err := contact.ParseEmail(addr); err != nil {
				t.Fatalf("%s: %v", addr, err)
			}
			for _, typed := range typings {
				in := typed(addr)
				_, err := contact.ParseEmail(in)
				var ee *contact.EmailError
				if !errors.As(err, &ee) || ee.Reason != contact.EmailFullWidth || ee.Want != addr {
					t.Errorf("ParseEmail(%q) = %v; want full width, %q", in, err, addr)
				}
				n++
			}
		}
	}
	for _, bad := range []struct {
		addr string
		want contact.EmailReason
	}{{"a@@b.cn", contact.EmailSyntax}, {"a@b.test", contact.EmailSpecialUse}, {"a..b@c.cn", contact.EmailBadLocal}, {"a@localhost", contact.EmailNoDot}} {
		for _, typed := range typings {
			in := typed(bad.addr)
			if r := contact.EmailReasonOf(func() error { _, err := contact.ParseEmail(in); return err }()); r == contact.EmailFullWidth || r == contact.EmailOK {
				t.Errorf("ParseEmail(%q): %v", in, r)
			}
		}
	}
	if n != 6*len(hosts)*len(typings) {
		t.Fatal("not every typing was tried")
	}
}

func ExampleParseEmail() {
	e, err := contact.ParseEmail("webmaster@例子.中国")
	fmt.Println(e.Local, e.Domain, e.ASCIIDomain, err)
	_, err = contact.ParseEmail("张三 <zhangsan@example.cn>")
	fmt.Println(contact.EmailReasonOf(err))
	_, err = contact.ParseEmail("zhangsan@localhost")
	fmt.Println(err)
	// Output:
	// webmaster 例子.中国 xn--fsqu00a.xn--fiqs8s <nil>
	// display_name
	// contact: "zhangsan@localhost": the domain has no dot
}
