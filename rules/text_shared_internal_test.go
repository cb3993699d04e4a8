package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
)

// fieldAt returns the k-th text field walkText visits in f, and its spec.
func fieldAt(f *beian.Filing, k int) (*string, textSpec) {
	var field *string
	var spec textSpec
	i := 0
	walkText(f, func(_ textLoc, s *string, sp textSpec) {
		if i == k {
			field, spec = s, sp
		}
		i++
	})
	return field, spec
}

// checkShared holds CleanTextShared(f) to CleanText(f): the same filing,
// f itself when CleanText returns f, and f unchanged (a field of what the
// copy shares with f is never written).
func checkShared(t *testing.T, f *beian.Filing, what string) {
	t.Helper()
	before := f.Clone()
	want := CleanText(f)
	got := CleanTextShared(f)
	if (got == f) != (want == f) {
		t.Fatalf("%s: CleanTextShared returned f %v, CleanText %v", what, got == f, want == f)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: CleanTextShared\n%+v\nCleanText\n%+v", what, got, want)
	}
	if !reflect.DeepEqual(f, before) {
		t.Fatalf("%s: CleanTextShared changed the filing", what)
	}
}

// TestCleanTextSharedAsCleanText holds CleanTextShared to CleanText: in
// a filing with two of every repeated part and every principal, each text
// field in turn, and each pair of fields a prime step apart, holds the
// values of TestTextDirtyAsWalkText (over the limit, control, invisible
// and invalid characters, or clean); and every example filing as it is.
// Made to fail by sharing the domain records always, and the platforms'
// domains. Writing back a value that did not change is caught by
// validate's TestConcurrentUse under -race (made to fail so).
func TestCleanTextSharedAsCleanText(t *testing.T) {
	values := func(spec textSpec) []string {
		return []string{
			"x", strings.Repeat("a", spec.limit), strings.Repeat("a", spec.limit+1), strings.Repeat("中", spec.limit+1),
			"a\nb", "a\tb", "a\x00b", "a\xffb", "a\u200bb", "\ufeff", "a\u2028b",
		}
	}
	n := 0
	walkText(fullFiling(), func(textLoc, *string, textSpec) { n++ })
	checkShared(t, fullFiling(), "the full filing")
	for k := range n {
		for _, step := range []int{0, 1, 7, 23} {
			f := fullFiling()
			a, spec := fieldAt(f, k)
			for _, v := range values(spec) {
				*a = v
				if step > 0 {
					b, bspec := fieldAt(f, (k+step)%n)
					*b = values(bspec)[int(k)%len(values(bspec))]
				}
				checkShared(t, f, fmt.Sprintf("field %d (and %d) = %.20q", k, (k+step)%n, v))
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
		if f, err := beian.ParseFiling(data); err == nil {
			checkShared(t, f, file)
		}
	}
}

// TestCleanTextSharedWritesOnlyCopies: every field CleanTextShared writes
// is in a list it copied, never in f's memory, and a list with nothing to
// clean is shared: one dirty website name among 100 websites, domain
// records and documents copies the websites only.
func TestCleanTextSharedWritesOnlyCopies(t *testing.T) {
	f := &beian.Filing{Province: "广东"}
	for range 100 {
		f.Websites = append(f.Websites, beian.Website{Name: "示例网", Domains: []string{"a.cn"}})
		f.Domains = append(f.Domains, beian.DomainRecord{Domain: "a.cn"})
		f.Documents = append(f.Documents, beian.Document{Owner: "subject"})
	}
	f.Websites[7].Name = "示例\u200b网"
	c := CleanTextShared(f)
	if c.Websites[7].Name != "示例网" || f.Websites[7].Name != "示例\u200b网" {
		t.Fatalf("cleaned %q, the filing's %q", c.Websites[7].Name, f.Websites[7].Name)
	}
	if &c.Websites[0] == &f.Websites[0] {
		t.Error("the websites are shared")
	}
	if &c.Domains[0] != &f.Domains[0] || &c.Documents[0] != &f.Documents[0] || &c.Websites[0].Domains[0] != &f.Websites[0].Domains[0] {
		t.Error("a list with nothing to clean was copied")
	}
	if n := testing.AllocsPerRun(20, func() { CleanTextShared(f) }); n > 3 {
		t.Errorf("%.0f allocations, want at most 3 (the filing, its websites, the cleaned name)", n)
	}
}
