package beian_test

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
)

func TestPathBuild(t *testing.T) {
	assert.Equal(t, beian.Path("websites[1].domains[0]"), beian.Path("websites").Index(1).Field("domains").Index(0))
	assert.Equal(t, beian.Path("subject.principal.mobile"), beian.Path("").Field("subject").Field("principal").Field("mobile"))
}

func TestPathCompare(t *testing.T) {
	want := []beian.Path{
		"",
		"domains[0].domain",
		"province",
		"subject",
		"subject.name",
		"subject.principal",
		"subject.principal.mobile",
		"subject_x",
		"websites",
		"websites[2]",
		"websites[2].domains[1]",
		"websites[2].domains[10]",
		"websites[2].name",
		"websites[10].name",
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, beian.Path.Compare)
	assert.Equal(t, want, got)
	for i := range want {
		assert.Equal(t, 0, want[i].Compare(want[i]))
	}
}

// TestIndexAsItoa: Index writes the number as strconv.Itoa does, for
// every index up to 2,000, powers of ten and the ends of int; below 1,000
// a path and a member of it take one allocation, where Itoa's string was
// a second one from 100 on.
func TestIndexAsItoa(t *testing.T) {
	ns := []int{math.MinInt, -1, math.MaxInt}
	for i := range 2001 {
		ns = append(ns, i)
	}
	for p := 1; p < math.MaxInt/10; p *= 10 {
		ns = append(ns, p-1, p, p+1)
	}
	for _, p := range []beian.Path{"", "websites", "apps[3].platforms"} {
		for _, i := range ns {
			if got, want := p.Index(i), p+"["+beian.Path(strconv.Itoa(i))+"]"; got != want {
				t.Fatalf("%q.Index(%d) = %q, want %q", p, i, got, want)
			}
		}
	}
	for _, i := range []int{5, 512, 999} {
		if n := testing.AllocsPerRun(100, func() { _ = beian.Path("websites").Index(i).Field("name") }); n > 1 {
			t.Errorf("Index(%d).Field: %.0f allocations, want 1", i, n)
		}
	}
}
