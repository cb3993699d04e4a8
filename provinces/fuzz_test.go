package provinces_test

import (
	"strings"
	"testing"

	"github.com/icpcheck/beian/provinces"
)

// FuzzFromAddress checks that FromAddress never panics and that
// the province it finds is named at the start of the address.
func FuzzFromAddress(f *testing.F) {
	for _, s := range []string{"广东省深圳市南山区", "中国 内蒙古呼和浩特市", "吉安市", "新疆维吾尔自治区", "", "\xff\xfe广东"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := provinces.FromAddress(s)
		if !ok {
			if !p.IsZero() {
				t.Fatalf("%q: not found but %v returned", s, p)
			}
			return
		}
		if !strings.Contains(s, p.Short) {
			t.Fatalf("%q: found %s, which it does not name", s, p.Name)
		}
	})
}
