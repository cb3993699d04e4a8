package contact_test

import (
	"strings"
	"testing"

	"golang.org/x/net/idna"

	"github.com/icpcheck/beian/rules/contact"
	"github.com/icpcheck/beian/rules/domain"
)

// specialUse are the special-use top-level domains (RFC 6761: test,
// localhost, invalid, example; RFC 6762: local; RFC 7686: onion; RFC
// 9476: alt; and arpa).
var specialUse = []string{"test", "localhost", "invalid", "example", "local", "onion", "alt", "arpa"}

// TestEmailSpecialUse: an e-mail domain under any special-use name, in
// every form a domain takes (a name, a sub-domain, upper case, an
// internationalised label in Unicode and in punycode, a full-width dot),
// is EmailSpecialUse, and package domain refuses the same names for a
// website with ReasonSpecialUse: the two read a domain the same way
// (issue 19: contact accepted a@b.test while domain refused b.test).
func TestEmailSpecialUse(t *testing.T) {
	for _, tld := range specialUse {
		forms := []string{
			"shop." + tld,
			"mail.shop." + tld,
			"SHOP." + strings.ToUpper(tld),
			"例子." + tld,
			"xn--fsqu00a." + tld,
			"shop。" + tld,
			"a-b.c-d." + tld,
		}
		if tld == "arpa" {
			forms = append(forms, "1.0.0.127.in-addr.arpa", "router.home.arpa", "ipv4only.arpa")
		}
		for _, d := range forms {
			if _, err := contact.ParseEmail("webmaster@" + d); contact.EmailReasonOf(err) != contact.EmailSpecialUse {
				t.Errorf("e-mail at %s: %v, want %v", d, err, contact.EmailSpecialUse)
			}
			for name, parse := range map[string]func(string) (domain.Domain, error){"Parse": domain.Parse, "ParseHost": domain.ParseHost} {
				_, err := parse(d)
				var de *domain.Error
				if !errorsAs(err, &de) || de.Reason != domain.ReasonSpecialUse {
					t.Errorf("domain.%s(%q): %v, want %v", name, d, err, domain.ReasonSpecialUse)
				}
			}
			if _, err := domain.Parse("https://www." + d + ":8443/path"); !isReason(err, domain.ReasonSpecialUse) {
				t.Errorf("a URL under %s: %v", d, err)
			}
		}
	}
	// names that only look like them are accepted
	for _, d := range []string{"test.cn", "local.com.cn", "onion.net", "example.com.cn", "invalid.org", "arpa.cn", "shop.testing.cn"} {
		if _, err := contact.ParseEmail("webmaster@" + d); err != nil {
			t.Errorf("e-mail at %s: %v", d, err)
		}
	}
}

// TestEmailIDNA2008Symbols: a domain holding a symbol IDNA2008 disallows
// (UTS #46 lets ©, ®, ♥, emoji through its lookup mapping) is
// EmailBadDomain, in any label, as for a website's domain.
func TestEmailIDNA2008Symbols(t *testing.T) {
	for _, sym := range []string{"©", "®", "♥", "☃", "😀", "★", "→", "€", "½"} {
		for _, d := range []string{sym + ".cn", "ex" + sym + ".cn", "mail.ex" + sym + ".com.cn", "例子" + sym + ".中国"} {
			if _, err := contact.ParseEmail("a@" + d); contact.EmailReasonOf(err) != contact.EmailBadDomain {
				t.Errorf("a@%s: %v, want %v", d, err, contact.EmailBadDomain)
			}
			if _, err := domain.Parse(d); err == nil {
				t.Errorf("domain.Parse(%q) accepted", d)
			}
		}
	}
	// IDNA2008 letters and marks are accepted
	for _, d := range []string{"例子.中国", "müller.de", "пример.рф", "ไทย.th"} {
		if _, err := contact.ParseEmail("a@" + d); err != nil {
			t.Errorf("a@%s: %v", d, err)
		}
	}
}

// TestEmailLengthInASCII: the limit of 254 bytes applies to the address
// with its domain in ASCII form. Short labels of accented letters
// ("é", 2 bytes) take 7 characters in punycode ("xn--9ca"): an address
// of 64 + 1 + 3n + 2 bytes typed is 64 + 1 + 8n + 2 in ASCII, within the
// limit typed and over it in ASCII from n = 24 (the domain itself still
// under 253). Repeated Han characters, whose punycode is short, are
// accepted though the typed address is longer than 254 bytes.
func TestEmailLengthInASCII(t *testing.T) {
	ascii := func(d string) string {
		a, err := idna.Lookup.ToASCII(d)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	local := strings.Repeat("a", 64)
	over, within := 0, 0
	for n := 1; n <= 31; n++ {
		d := strings.Repeat("é.", n) + "cn"
		addr := local + "@" + d
		total := len(local) + 1 + len(ascii(d))
		_, err := contact.ParseEmail(addr)
		if len(addr) > contact.MaxEmailLength {
			t.Fatalf("n=%d: typed %d bytes", n, len(addr))
		}
		if total > contact.MaxEmailLength {
			over++
			if contact.EmailReasonOf(err) != contact.EmailTooLong {
				t.Errorf("n=%d: %d bytes typed, %d in ASCII: %v, want %v", n, len(addr), total, err, contact.EmailTooLong)
			}
		} else {
			within++
			if err != nil {
				t.Errorf("n=%d: %d bytes typed, %d in ASCII: %v", n, len(addr), total, err)
			}
		}
	}
	if over == 0 || within == 0 {
		t.Fatalf("%d over, %d within the limit", over, within)
	}
	// repeated characters: punycode shorter than UTF-8
	d := strings.Repeat(strings.Repeat("中", 30)+".", 3) + "cn"
	addr := strings.Repeat("a", 40) + "@" + d
	e, err := contact.ParseEmail(addr)
	if len(addr) <= contact.MaxEmailLength || err != nil || e.ASCIIDomain != ascii(d) {
		t.Errorf("%d bytes typed, %d in ASCII: %+v, %v", len(addr), 41+len(ascii(d)), e, err)
	}
}

func errorsAs(err error, target **domain.Error) bool {
	e, ok := err.(*domain.Error)
	if ok {
		*target = e
	}
	return ok
}

func isReason(err error, r domain.Reason) bool {
	var e *domain.Error
	return errorsAs(err, &e) && e.Reason == r
}
