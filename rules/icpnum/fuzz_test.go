package icpnum_test

import (
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/icpnum"
)

// FuzzParse: no panic; an accepted number's canonical form parses to the
// same number, and is its own canonical form.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"粤ICP备2023012345号", "粤ICP备2023012345号-3", "蜀ICP备12014244号", "川ICP备10200063号-1",
		"京ICP备2021000001号-2A", "沪ICP备2021000001号-3X", "浙ICP备2021000001号-4K",
		"粤ICP备２０２３０１２３４５号－３", "京ICP证150476号", "粤B2-20090059", "京公网安备11010802020088号",
		"贵ICP备2021001234号", "粤ICP备2023012345-3", "京ICP证150476", "", "粤ICP备", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := icpnum.Parse(s)
		if err != nil {
			if _, ok := err.(*icpnum.Error); !ok {
				t.Fatalf("Parse(%q): error of type %T", s, err)
			}
			if n.Kind == 0 {
				return
			}
			// AbbrNotUsed, NoHao: the number is given written the
			// right way.
		}
		c := n.String()
		m, err := icpnum.Parse(c)
		if err != nil || m != n {
			t.Fatalf("Parse(%q) = %+v; Parse(%q) = %+v, %v", s, n, c, m, err)
		}
		if m.String() != c || !utf8.ValidString(c) {
			t.Fatalf("canonical form of %q not stable: %q, %q", s, c, m.String())
		}
		if sub, err := icpnum.Parse(n.SubjectNumber().String()); err != nil || sub != n.SubjectNumber() {
			t.Fatalf("subject number of %q: %v", s, err)
		}
	})
}

// FuzzFind: no panic, and every number found is a valid one.
func FuzzFind(f *testing.F) {
	f.Add(`<p>粤ICP备2023012345号-3 京公网安备11010802020088号</p>`)
	f.Add("粤ICP备2023012345-3X ICP备 川ICP备10200063号-1")
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range icpnum.Find(s) {
			if m, err := icpnum.Parse(n.String()); err != nil || m != n {
				t.Fatalf("Find(%q) found %+v, which does not parse back: %v", s, n, err)
			}
		}
	})
}
