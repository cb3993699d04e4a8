package rules

import (
	"testing"

	"github.com/icpcheck/beian"
)

// TestElemPathsAsMethods holds elemField and elemFieldIndex, which build
// a path in one allocation, to the beian.Path methods they stand for:
// every index from 0 to 1,100 (one, two, three and four digits) of each
// list and field they are called with, a negative index, and a field long
// enough to outgrow the stack buffer.
//
// The fields include every field of builtPaths' lists, and a field of
// no list, so that the paths builtPaths gives for the first indices are
// held to the methods too; j runs over the first indices as well.
func TestElemPathsAsMethods(t *testing.T) {
	long := "principal_same_as_subject_principal_same_as_subject_principal"
	lfs := [][2]string{{"websites", "domains"}, {"domains", "domain"},
		{"websites", "principal_same_as_subject"}, {"apps", long}, {"apps", "name"}, {"websites", "holder_name"}, {"domains", "name"}}
	for _, f := range websiteFieldNames {
		lfs = append(lfs, [2]string{"websites", f})
	}
	for _, f := range recordFieldNames {
		lfs = append(lfs, [2]string{"domains", f})
	}
	for _, lf := range lfs {
		for _, i := range append([]int{-1}, seq(1100)...) {
			list, field := lf[0], lf[1]
			if got, want := elemField(list, i, field), beian.Path(list).Index(i).Field(field); got != want {
				t.Fatalf("elemField(%q, %d, %q) = %q, want %q", list, i, field, got, want)
			}
			for _, j := range []int{-1, 0, 1, 2, 3, 4, 9, 10, 99, 100, 999, 1000, i} {
				if got, want := elemFieldIndex(list, i, field, j), beian.Path(list).Index(i).Field(field).Index(j); got != want {
					t.Fatalf("elemFieldIndex(%q, %d, %q, %d) = %q, want %q", list, i, field, j, got, want)
				}
			}
		}
	}
}

func seq(n int) []int {
	out := make([]int, n+1)
	for i := range out {
		out[i] = i
	}
	return out
}

// TestStaticPaths: the paths of the first websites' and domain records'
// fields, of their domains and of the subject's principal's fields cost
// no allocation (builtPaths), and fieldOf is Path.Field for the
// principal's fields and others, at the subject's principal and
// elsewhere.
func TestStaticPaths(t *testing.T) {
	for _, f := range principalFieldNames {
		for _, at := range []beian.Path{"subject.principal", "websites[0].principal", "subject"} {
			if got, want := fieldOf(at, f), at.Field(f); got != want {
				t.Fatalf("fieldOf(%q, %q) = %q, want %q", at, f, got, want)
			}
		}
	}
	if got := fieldOf("subject.principal", "other"); got != "subject.principal.other" {
		t.Fatalf("fieldOf of another field: %q", got)
	}
	var sink beian.Path // the paths escape, as a rejection's do
	for name, f := range map[string]func(){
		"elemField websites":         func() { sink = elemField("websites", 3, "name") },
		"elemField domains":          func() { sink = elemField("domains", 0, "holder_cert_number") },
		"elemFieldIndex":             func() { sink = elemFieldIndex("websites", 0, "domains", 3) },
		"fieldOf":                    func() { sink = fieldOf("subject.principal", "email") },
		"textLoc websites[1].remark": func() { sink = textLoc{a: "websites", i: 1, c: "remark"}.path() },
	} {
		if n := testing.AllocsPerRun(10, f); n != 0 {
			t.Errorf("%s: %v allocations", name, n)
		}
	}
	if sink == "" {
		t.Fatal("no path")
	}
}

// TestTextLocPathsAsBuilt holds textLoc.path, which takes the paths of
// the first websites' and domain records' fields from builtPaths, to the
// path appendPath builds: for every text field of a filing with six of
// every repeated part (past staticElems), and for every textLoc of the
// lists, fields and indices below, each part present or not.
func TestTextLocPathsAsBuilt(t *testing.T) {
	fields := append(append(append([]string{"", "other"}, websiteFieldNames[:]...), recordFieldNames[:]...), principalFieldNames[:]...)
	for _, a := range []string{"", "websites", "domains", "apps", "subject"} {
		for _, b := range []string{"", "domains", "principal"} {
			for _, c := range fields {
				for _, d := range []string{"", "name"} {
					for _, i := range []int{0, 1, 3, 4, 10} {
						for _, hasJ := range []bool{false, true} {
							for _, hasK := range []bool{false, true} {
								l := textLoc{a: a, i: i, b: b, j: i + 1, c: c, d: d, hasJ: hasJ, k: 2, hasK: hasK}
								if got, want := l.path(), beian.Path(l.appendPath(nil)); got != want {
									t.Fatalf("%+v: path %q, built %q", l, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
	f := fullFiling()
	for len(f.Websites) < 6 {
		f.Websites = append(f.Websites, f.Websites...)
		f.Apps = append(f.Apps, f.Apps...)
		f.Domains = append(f.Domains, f.Domains...)
		f.Documents = append(f.Documents, f.Documents...)
	}
	n, static := 0, 0
	walkText(f, func(l textLoc, _ *string, _ textSpec) {
		n++
		got, want := l.path(), beian.Path(l.appendPath(nil))
		if got != want {
			t.Fatalf("%+v: path %q, built %q", l, got, want)
		}
		if _, ok := staticElemField(l.a, l.i, l.c); ok && !l.hasJ && !l.hasK && l.d == "" {
			static++
		}
	})
	if static < 10 {
		t.Errorf("%d of %d text fields' paths from builtPaths", static, n)
	}
	t.Logf("%d text fields, %d paths from builtPaths", n, static)
}
