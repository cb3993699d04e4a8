package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// runTextByWalk is the text rule as it was before walkChanged: every text
// field of the raw filing read, and the fix's text stripped anew. It is
// the reference TestWalkChangedAsWalkText holds runText to.
func runTextByWalk(pass *Pass) {
	if pass.Raw == pass.Filing {
		return
	}
	walkText(pass.Raw, func(l textLoc, s *string, spec textSpec) {
		if cleanText(*s, spec) && !tooLong(*s, spec.limit) {
			return
		}
		problem, start, end, ok := textProblem(*s, spec)
		if !ok {
			return
		}
		path := l.path()
		r := pass.Reject(path, CodeTextInvalid, Arg{"problem", problem}).At(SpanOf(*s, start, end))
		if clean := stripInvalid(*s, spec); clean != *s && !tooLong(clean, spec.limit) {
			r = r.WithFix(Fix{Field: path, Value: clean, Title: Text{"删除不可见字符和无效字符", "Remove the invisible and invalid characters"}})
		}
		pass.Add(r)
	})
}

// textRejections returns what run reports of raw given clean.
func textRejections(raw, clean *beian.Filing, run func(*Pass)) []Rejection {
	pass := NewPass(context.Background(), raw, clean, &Config{Policies: provinces.DefaultPolicies()}, beian.NewDate(2026, 1, 2))
	pass.Rule = TextFields
	run(pass)
	return pass.Rejections()
}

// checkChanged holds runText, given CleanTextShared(f) and CleanText(f),
// to runTextByWalk: the same rejections in the same order, fixes
// included.
func checkChanged(t *testing.T, f *beian.Filing, what string) {
	t.Helper()
	want := textRejections(f, CleanText(f), runTextByWalk)
	for _, clean := range []*beian.Filing{CleanTextShared(f), CleanText(f)} {
		got := textRejections(f, clean, func(p *Pass) { _ = runText(p) })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: runText\n%+v\nby walkText\n%+v", what, got, want)
		}
	}
}

// TestWalkChangedAsWalkText holds the text rule, which reads only the
// fields whose cleaned copy differs (walkChanged) and takes the fix's
// text from the copy when it was not cut (strippedText), to the rule that
// reads every field and strips anew: in a filing with two of every
// repeated part and every principal, each text field in turn, and each
// pair of fields a prime step apart, holds each of the values below
// (clean, over the limit, control, invisible and invalid characters, and
// text that is at, under or over the limit once stripped); every example
// filing; and copies of another shape (a list of another length), where
// every field of the list is read. Made to fail by reusing the copy's
// text at the limit (< → <= in strippedText), and by skipping an
// element's principal when the copy has none.
func TestWalkChangedAsWalkText(t *testing.T) {
	values := func(spec textSpec) []string {
		return []string{
			"x", strings.Repeat("a", spec.limit), strings.Repeat("a", spec.limit+1), strings.Repeat("中", spec.limit+1),
			"a\nb", "a\tb", "a\x00b", "a\xffb", "a\u200bb", "\ufeff", "a\u2028b",
			strings.Repeat("a", spec.limit-1) + "\u200b", strings.Repeat("a", spec.limit) + "\u200b",
			"\u200b" + strings.Repeat("中", spec.limit+1), strings.Repeat("a", spec.limit-2) + "\xff\x00b",
		}
	}
	n := 0
	walkText(fullFiling(), func(textLoc, *string, textSpec) { n++ })
	checkChanged(t, fullFiling(), "the full filing")
	for k := range n {
		for _, step := range []int{0, 1, 7, 23} {
			f := fullFiling()
			a, spec := fieldAt(f, k)
			for _, v := range values(spec) {
				*a = v
				if step > 0 {
					b, bspec := fieldAt(f, (k+step)%n)
					*b = values(bspec)[k%len(values(bspec))]
				}
				checkChanged(t, f, fmt.Sprintf("field %d (and %d) = %.20q", k, (k+step)%n, v))
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
			checkChanged(t, f, file)
		}
	}

	// Copies of another shape: each list of the cleaned copy one element
	// short, or a principal missing. Every field of that list is read.
	for k := range n {
		f := fullFiling()
		a, spec := fieldAt(f, k)
		*a = values(spec)[8] // an invisible character
		want := textRejections(f, CleanText(f), runTextByWalk)
		for ci, cut := range []func(c *beian.Filing){
			func(c *beian.Filing) { c.Websites = c.Websites[:1] },
			func(c *beian.Filing) { c.Apps = c.Apps[:1] },
			func(c *beian.Filing) { c.Domains = c.Domains[:1] },
			func(c *beian.Filing) { c.Documents = c.Documents[:1] },
			func(c *beian.Filing) { c.Websites[0].Domains = nil; c.Websites[1].PreApprovals = nil },
			func(c *beian.Filing) { c.Apps[0].Platforms = c.Apps[0].Platforms[:1]; c.Apps[1].PreApprovals = nil },
			func(c *beian.Filing) { c.Apps[0].Platforms[1].Domains = nil },
			func(c *beian.Filing) { c.Websites[0].Principal, c.Apps[1].Principal = nil, nil },
		} {
			clean := CleanText(f)
			cut(clean)
			got := textRejections(f, clean, func(p *Pass) { _ = runText(p) })
			// What the shorter copy lacks is read in full; what it has is
			// compared, so the rejections are the reference's, as long as
			// the copy's fields are cleaned ones.
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("field %d, a copy of another shape (%d): runText\n%+v\nby walkText\n%+v", k, ci, got, want)
			}
		}
	}
}

// TestWalkChangedSkipsShared: runText given CleanTextShared's copy of a
// filing of 100 websites with one dirty name reads that website's fields
// and the fields outside the lists, not the lists the copy shares.
func TestWalkChangedSkipsShared(t *testing.T) {
	f := &beian.Filing{Province: "广东"}
	for range 100 {
		f.Websites = append(f.Websites, beian.Website{Name: "示例网", Domains: []string{"a.cn"}})
		f.Domains = append(f.Domains, beian.DomainRecord{Domain: "a.cn"})
	}
	f.Websites[7].Name = "示例\u200b网"
	var visited []string
	walkChanged(f, CleanTextShared(f), func(l textLoc, _ *string, v string, known bool, _ textSpec) {
		visited = append(visited, fmt.Sprintf("%s=%q %v", l.path(), v, known))
	})
	if want := []string{`websites[7].name="示例网" true`}; !slices.Equal(visited, want) {
		t.Errorf("visited %q, want %q", visited, want)
	}
}
