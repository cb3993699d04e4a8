package validate

import (
	"testing"

	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/sources"
)

// TestSourceJSONAsEscaped holds the sources escaped once for the process
// (jsonTables.appendSource) to appendSource, which escapes each string
// as it writes it, over the whole class: every source of package
// sources, certain or not, as the tables give it; each with its URL or
// its edition changed (a report read back from another version), and
// each key with another source's URL and edition, which must be written
// as they are, not as the table has them; and sources the tables do not
// hold. Made to fail by taking a known key's JSON without comparing its
// URL and edition, and by writing every source as certain.
func TestSourceJSONAsEscaped(t *testing.T) {
	tables := encodingTables()
	all := sources.All()
	var cases []rules.Source
	for k, s := range all {
		other := all[(k+1)%len(all)]
		for _, certain := range []bool{true, false} {
			cases = append(cases,
				rules.Source{Key: s.Key, URL: s.URL, Edition: s.Edition, Certain: certain},
				rules.Source{Key: s.Key, URL: s.URL + "#x", Edition: s.Edition, Certain: certain},
				rules.Source{Key: s.Key, URL: s.URL, Edition: s.Edition + "<", Certain: certain},
				rules.Source{Key: s.Key, URL: other.URL, Edition: other.Edition, Certain: certain},
				rules.Source{Key: s.Key + "-x", URL: s.URL, Edition: s.Edition, Certain: certain},
			)
		}
	}
	cases = append(cases, rules.Source{URL: "https://example.cn/政策?a=1&b=<2>"}, rules.Source{Key: "\xff", Certain: true})
	for _, s := range cases {
		// Twice: the first use escapes, the second copies.
		for range 2 {
			want := appendSource([]byte("x"), &s)
			if got := tables.appendSource([]byte("x"), &s); string(got) != string(want) {
				t.Fatalf("%+v:\n got %s\nwant %s", s, got, want)
			}
		}
	}
}

// TestCodeJSONAsEscaped holds jsonTables.appendCode (a declared code
// found by the index, written between quotes) to appendCode, which checks
// each byte, for every declared code and for codes that are not: made to
// fail by writing any code the index does not find between quotes as it
// is, or every code so.
func TestCodeJSONAsEscaped(t *testing.T) {
	tables := encodingTables()
	cases := rules.Codes()
	for _, c := range rules.Codes() {
		cases = append(cases, c+"_X", c[:len(c)-1], c+"<", "\""+c)
	}
	cases = append(cases, "", "a\\b", "代码", "\xff")
	for _, c := range cases {
		want := appendCode([]byte("x"), c)
		if got := tables.appendCode([]byte("x"), c); string(got) != string(want) {
			t.Fatalf("%q: got %s, want %s", c, got, want)
		}
		if got, want := tables.code(c) != nil, isDeclared(c); got != want {
			t.Fatalf("%q: found %v, declared %v", c, got, want)
		}
	}
}

// isDeclared reports whether code is one of rules.Codes.
func isDeclared(code rules.Code) bool {
	_, ok := rules.Describe(code)
	return ok
}
