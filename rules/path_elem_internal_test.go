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
func TestElemPathsAsMethods(t *testing.T) {
	long := "principal_same_as_subject_principal_same_as_subject_principal"
	for _, lf := range [][2]string{{"websites", "domains"}, {"domains", "domain"},
		{"websites", "principal_same_as_subject"}, {"apps", long}} {
		for _, i := range append([]int{-1}, seq(1100)...) {
			list, field := lf[0], lf[1]
			if got, want := elemField(list, i, field), beian.Path(list).Index(i).Field(field); got != want {
				t.Fatalf("elemField(%q, %d, %q) = %q, want %q", list, i, field, got, want)
			}
			for _, j := range []int{0, 9, 10, 99, 100, 999, 1000, i} {
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
