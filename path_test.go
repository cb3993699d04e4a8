package beian_test

import (
	"slices"
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
