package domain

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, b := range bases {
		f.Add(b.ascii)
		f.Add(b.unicode)
	}
	for _, v := range variants {
		f.Add(v.f("例子.中国"))
	}
	for _, s := range []string{"", "a..cn", "xn--zz.cn", "1.2.3.4", "http://[::1]/", "com.cn", "ab--cd.cn", "ｗｗｗ。例子。公司", "faß.de", "a\u200Db.cn",
		"shop.test", "x.onion", "1.0.0.127.in-addr.arpa", "SHOP.LOCAL", "例子.invalid", "ex©.cn", "a.example", "b.alt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// ParseHost reads a subset of what Parse reads, the same way
		if h, err := ParseHost(s); err == nil {
			if d, err := Parse(s); err != nil || d != h {
				t.Fatalf("ParseHost(%q) = %+v; Parse = %+v, %v", s, h, d, err)
			}
		}
		d, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason == 0 || e.Input != s || !d.IsZero() {
				t.Fatalf("Parse(%q): bad error %#v", s, err)
			}
			return
		}
		ascii := d.ASCII()
		if ascii == "" || len(ascii) > MaxLength || !strings.HasSuffix(d.Host(), ascii) ||
			!strings.HasSuffix(ascii, "."+d.Suffix()) || d.Label()+"."+d.Suffix() != ascii {
			t.Fatalf("Parse(%q): inconsistent %q host %q suffix %q label %q", s, ascii, d.Host(), d.Suffix(), d.Label())
		}
		for i := 0; i < len(d.Host()); i++ {
			if c := d.Host()[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
				t.Fatalf("Parse(%q): host %q has byte %q", s, d.Host(), c)
			}
		}
		if isSpecialUse(d.Host()) {
			t.Fatalf("Parse(%q): special-use %q accepted", s, d.Host())
		}
		if h, err := ParseHost(d.Host()); err != nil || h != d {
			t.Fatalf("Parse(%q) = %+v; ParseHost(%q) = %+v, %v", s, d, d.Host(), h, err)
		}
		if !utf8.ValidString(d.Unicode()) {
			t.Fatalf("Parse(%q): Unicode %q not UTF-8", s, d.Unicode())
		}
		// Idempotent: every form of the result parses back to it.
		for _, again := range []string{ascii, d.Unicode(), d.Host(), strings.ToUpper(ascii), "https://" + d.Host() + "/"} {
			d2, err := Parse(again)
			if err != nil || d2.ASCII() != ascii || d2.Suffix() != d.Suffix() {
				t.Fatalf("Parse(%q) = %q; Parse(%q) = %q, %v", s, ascii, again, d2.ASCII(), err)
			}
		}
	})
}

func FuzzParseSuffixList(f *testing.F) {
	f.Add(suffixesFile)
	f.Add([]byte("# version: 1\n# source A: a\ncom,filable,A\n中国,disputed,A,note, more\n"))
	f.Add([]byte("# source A: a\ncom,filable,A B\n"))
	f.Add([]byte("x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseSuffixList(bytes.NewReader(data))
		if err != nil {
			if l != nil {
				t.Fatal("list and error")
			}
			return
		}
		for _, e := range l.Entries() {
			if e.Status == Unlisted || e.Status > Disputed || e.Name == "" || e.Sources == "" {
				t.Fatalf("bad entry %+v", e)
			}
			if got, ok := l.LookupName(e.Name); !ok || got != e {
				t.Fatalf("LookupName(%q) = %+v, %v", e.Name, got, ok)
			}
		}
		// Round trip through the file format.
		again, err := ParseSuffixList(bytes.NewReader(writeList(l)))
		if err != nil {
			t.Fatalf("re-reading %q: %v", writeList(l), err)
		}
		if !slices.Equal(again.Entries(), l.Entries()) || !slices.Equal(again.Sources(), l.Sources()) || again.Version() != l.Version() {
			t.Fatalf("round trip changed the list")
		}
	})
}

func FuzzSameName(f *testing.F) {
	for _, b := range nameBases {
		f.Add(b, traditional(b))
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ka, kb := NameKey(a), NameKey(b)
		if SameName(a, b) != (ka != "" && ka == kb) || SameName(a, b) != SameName(b, a) {
			t.Fatalf("SameName(%q, %q) disagrees with keys %q %q", a, b, ka, kb)
		}
		if ka != "" && !SameName(a, a) {
			t.Fatalf("SameName(%q, itself) false", a)
		}
		if NameKey(ka) != ka {
			t.Fatalf("NameKey not idempotent: %q → %q → %q", a, ka, NameKey(ka))
		}
	})
}
