package probe_test

import (
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/validate/probe"
)

// FuzzParsePage: any bytes parse without panic into bounded, valid text.
func FuzzParsePage(f *testing.F) {
	f.Add([]byte(footerPage))
	f.Add([]byte(`<a href="//beian.miit.gov.cn"><img alt="京ICP备12345678号"></a><title>x`))
	f.Add([]byte("<title>\xff\xfe</title><a href=https://beian.miit.gov.cn>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := probe.ParsePage(b)
		if len(p.MIITLinks) > probe.MaxLinks || len(p.Title) > 1024 {
			t.Fatalf("unbounded: %d links, title %d bytes", len(p.MIITLinks), len(p.Title))
		}
		for _, l := range append(p.MIITLinks, p.Title) {
			if len(l) > 1024 || (utf8.Valid(b) && !utf8.ValidString(l)) {
				t.Fatalf("text %q", l)
			}
		}
	})
}
