package validate

import (
	"testing"

	"github.com/icpcheck/beian/internal/jsonstr"
)

// TestPlainReasons: the reasons Validator gives for the checks of a rule
// without its outside help are written as they are between quotes
// (plainReason says so of them, and of no other text of their lengths),
// so that the report's encoder need not escape them. Made to fail by a
// reason that needs an escape (a < in one), and by plainReason comparing
// lengths only.
func TestPlainReasons(t *testing.T) {
	for _, reason := range []string{reasonNoRegistry.ZH, reasonNoRegistry.EN, reasonNoProber.ZH, reasonNoProber.EN} {
		if got, want := string(jsonstr.Append(nil, reason)), `"`+reason+`"`; got != want {
			t.Errorf("%q is written %s, not as it is", reason, got)
		}
		if !plainReason(reason) {
			t.Errorf("plainReason(%q) = false", reason)
		}
		// The same length, another text: each byte changed in turn.
		for i := range len(reason) {
			other := []byte(reason)
			other[i] ^= 0x01
			if plainReason(string(other)) {
				t.Errorf("plainReason(%q) = true", other)
			}
		}
	}
	for _, s := range []string{"", "no Registry", "no Registry configured.", "未配置Registry"} {
		if plainReason(s) {
			t.Errorf("plainReason(%q) = true", s)
		}
	}
}
