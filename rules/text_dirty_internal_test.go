package rules

import (
	"github.com/icpcheck/beian/rules/internal/bytecases"

	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian"
)

// dirtyByWalk is textDirty as CleanText found it before: walkText over
// every field, with the quick check.
func dirtyByWalk(f *beian.Filing) bool {
	dirty := false
	walkText(f, func(_ textLoc, s *string, spec textSpec) {
		if !dirty && (!cleanText(*s, spec) || tooLong(*s, spec.limit)) {
			dirty = true
		}
	})
	return dirty
}

// fullFiling returns a filing with two of every repeated part and every
// principal, its text fields "x".
func fullFiling() *beian.Filing {
	p := func() beian.Principal {
		return beian.Principal{Name: "x", CertNumber: "x", Mobile: "x", Phone: "x", Email: "x", EmergencyPhone: "x"}
	}
	f := &beian.Filing{Province: "x", ICPNumber: "x"}
	f.Subject = beian.Subject{Name: "x", CertNumber: "x", CertAddress: "x", ResidencePermitProvince: "x", LegalRepresentative: "x", Principal: p()}
	for range 2 {
		wp, ap := p(), p()
		f.Websites = append(f.Websites, beian.Website{Name: "x", Remark: "x", Domains: []string{"x", "x"},
			PreApprovals: []beian.PreApproval{{Number: "x"}, {Number: "x"}}, Principal: &wp})
		pl := beian.AppPlatform{Package: "x", PublicKey: "x", Signature: "x", Domains: []string{"x", "x"}}
		f.Apps = append(f.Apps, beian.App{Name: "x", Remark: "x", Platforms: []beian.AppPlatform{pl, pl},
			PreApprovals: []beian.PreApproval{{Number: "x"}, {Number: "x"}}, Principal: &ap})
		f.Apps[len(f.Apps)-1].Platforms[1].Domains = []string{"x", "x"} // not shared with [0]
		f.Domains = append(f.Domains, beian.DomainRecord{Domain: "x", HolderName: "x", HolderCertNumber: "x", Registrar: "x"})
		f.Documents = append(f.Documents, beian.Document{Owner: "x", Format: "x", Path: "x"})
	}
	return f
}

// TestTextDirtyAsWalkText holds textDirty to walkText's check field by
// field: in a filing with two of every repeated part, each text field in
// turn holds text at its limit and one character over it (ASCII and
// Chinese), a line break, a tab, a control character, invalid UTF-8 and
// invisible characters, the others staying clean; and every example
// filing as it is.
func TestTextDirtyAsWalkText(t *testing.T) {
	values := func(spec textSpec) []string {
		return []string{
			"", "x", strings.Repeat("a", spec.limit), strings.Repeat("a", spec.limit+1),
			strings.Repeat("中", spec.limit), strings.Repeat("中", spec.limit+1), strings.Repeat("中", spec.limit-1) + "ab",
			"a\nb", "a\r\nb", "a\tb", "a\x00b", "a\x7fb", "a\xffb", "a\u200bb", "中\u3164文", "\ufeff", "a\u2028b", "a\ufffdb",
		}
	}
	n := 0
	walkText(fullFiling(), func(textLoc, *string, textSpec) { n++ })
	if n < 80 {
		t.Fatalf("the full filing has %d text fields", n)
	}
	if f := fullFiling(); textDirty(f) || dirtyByWalk(f) {
		t.Fatal("the full filing is dirty")
	}
	for k := range n {
		f := fullFiling()
		var field *string
		var spec textSpec
		var loc textLoc
		i := 0
		walkText(f, func(l textLoc, s *string, sp textSpec) {
			if i == k {
				field, spec, loc = s, sp, l
			}
			i++
		})
		for _, v := range values(spec) {
			*field = v
			if got, want := textDirty(f), dirtyByWalk(f); got != want {
				t.Fatalf("%s = %.40q: textDirty %v, walkText %v", loc.path(), v, got, want)
			}
		}
	}
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	if err != nil || len(files) < 10 {
		t.Fatalf("%d files: %v", len(files), err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := beian.ParseFiling(data)
		if err != nil {
			continue // the examples of decoding errors
		}
		if got, want := textDirty(f), dirtyByWalk(f); got != want {
			t.Errorf("%s: textDirty %v, walkText %v", file, got, want)
		}
	}
}

// cleanTextByBytes is cleanText without its eight-byte steps.
func cleanTextByBytes(s string, spec textSpec) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return cleanRunes(s[i:], spec)
		}
		if c < 0x20 || c == 0x7f {
			if !(spec.multiline && (c == '\n' || c == '\r' || c == '\t')) {
				return false
			}
		}
	}
	return true
}

// TestCleanTextWordsAsBytes holds cleanText's eight-byte steps to reading
// byte by byte: every byte value, and every pair of the bytes at the edges
// of the test (0x00, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF and the line
// breaks), at every position of ASCII text 1 to 24 bytes long, before
// Chinese text and not, single- and multi-line.
func TestCleanTextWordsAsBytes(t *testing.T) {
	edges := []byte{0x00, '\t', '\n', '\r', 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xC0, 0xE4, 0xFF}
	for _, spec := range []textSpec{specName, specRemark} {
		for n := 1; n <= 24; n++ {
			for _, tail := range []string{"", "示例", "\u200b"} {
				bytecases.Each([]byte(strings.Repeat("a", n)), edges, func(b []byte) {
					s := string(b) + tail
					if got, want := cleanText(s, spec), cleanTextByBytes(s, spec); got != want {
						t.Fatalf("cleanText(%q, multiline=%v) = %v, want %v", s, spec.multiline, got, want)
					}
				})
			}
		}
	}
}

// FuzzCleanTextWords holds cleanText to reading byte by byte on any text.
func FuzzCleanTextWords(f *testing.F) {
	for _, s := range []string{"", "shilikeji.cn", "zhangsan@shilikeji.cn\x7f", "0755-26888888\n", "示例\u200b科技", "abcdefgh\x80ijklmnop"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		spec := textSpec{limit: 100, multiline: multiline}
		if got, want := cleanText(s, spec), cleanTextByBytes(s, spec); got != want {
			t.Fatalf("cleanText(%q, multiline=%v) = %v, want %v", s, multiline, got, want)
		}
	})
}
