package icpnum_test

import (
	"regexp"
	"testing"

	"github.com/icpcheck/beian/rules/icpnum"
)

var sinkNumber icpnum.Number

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		sinkNumber, _ = icpnum.Parse("粤ICP备2023012345号-3")
	}
}

func BenchmarkParseFullWidth(b *testing.B) {
	for b.Loop() {
		sinkNumber, _ = icpnum.Parse("粤ICP备２０２３０１２３４５号－３")
	}
}

// BenchmarkParseRegexp is the peer: the usual regular expression, which
// only matches (no fields, no reasons, no full-width forms).
func BenchmarkParseRegexp(b *testing.B) {
	re := regexp.MustCompile(`^[\p{Han}]ICP备(\d{8}|\d{10})号(-\d{1,3}[AXK]?)?$`)
	var ok bool
	for b.Loop() {
		ok = re.MatchString("粤ICP备2023012345号-3")
	}
	_ = ok
}
