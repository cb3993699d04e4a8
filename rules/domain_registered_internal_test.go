package rules

import (
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/domain"
)

// registeredByScan is registered as first written: every byte of raw read
// for a URL's characters.
func registeredByScan(d domain.Domain, raw string) bool {
	if d.IsSubdomain() {
		return false
	}
	return !strings.ContainsAny(raw, "/:@?#")
}

// TestRegisteredAsScan holds registered's shortcut (raw as it is parsed)
// to the scan of every byte, for every field domain.Parse accepts among
// the combinations of a scheme, user information, a host (plain, a
// sub-domain, upper case, full-width, IDN in either form, with a
// trailing dot or spaces), a port and a path, query or fragment; and
// requires that the shortcut is taken where a field is typed as parsed.
func TestRegisteredAsScan(t *testing.T) {
	schemes := []string{"", "http://", "https://", "HTTP://", "//"}
	users := []string{"", "user@", "a:b@"}
	hosts := []string{"shilikeji.cn", "www.shilikeji.cn", "SHILIKEJI.CN", "shilikeji.cn.", "ｓｈｉｌｉｋｅｊｉ.cn", "示例.中国",
		"xn--fsqu00a.xn--fiqs8s", "shilikeji.com.cn", "a.b.shilikeji.com.cn", " shilikeji.cn ", "shi-li.cn", "127.0.0.1", "[::1]", "cn", "shilikeji。cn"}
	ports := []string{"", ":80", ":", ":x"}
	paths := []string{"", "/", "/a", "?q", "#f", "/a?b#c", "#", "?"}
	checked, taken := 0, 0
	for _, s := range schemes {
		for _, u := range users {
			for _, h := range hosts {
				for _, p := range ports {
					for _, q := range paths {
						raw := s + u + h + p + q
						d, err := domain.Parse(raw)
						if err != nil {
							continue
						}
						checked++
						if raw == d.ASCII() {
							taken++
						}
						if got, want := registered(d, raw), registeredByScan(d, raw); got != want {
							t.Errorf("registered(%q) = %v, want %v", raw, got, want)
						}
					}
				}
			}
		}
	}
	if taken == 0 || checked < 100 {
		t.Fatalf("%d fields parsed, %d as parsed: the class holds no shortcut", checked, taken)
	}
	t.Logf("%d fields, %d typed as parsed", checked, taken)
}
