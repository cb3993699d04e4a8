package contact

import (
	"strings"
	"testing"
)

var fastCorpus = []string{
	"a@b.cn", "zhangsan@shilikeji.cn", "a.b-c_d+e@mail.163.com", "12345678@qq.com", "a@1.cn", "a@b.123",
	"a@b-c.cn", "a@-b.cn", "a@b-.cn", "a@ab--cd.cn", "a@xn--fiqs8s.cn", "a@B.cn", "a@b..cn", "a@.b.cn", "a@b.cn.",
	"a@b", ".a@b.cn", "a.@b.cn", "a..b@b.cn", "a b@c.cn", "a@b c.cn", "\"a\"@b.cn", "a@[1.2.3.4]", "a@1.2.3.4",
	"a@b_c.cn", "a@@b.cn", "@b.cn", "a@", strings.Repeat("a", 64) + "@b.cn", strings.Repeat("a", 65) + "@b.cn",
	"a@" + strings.Repeat("b", 63) + ".cn", "a@" + strings.Repeat("b", 64) + ".cn", "a{b}@c.cn", "a'b@c.cn", "a@例子.中国",
	"a@b.test", "a@b.local", "a@b.zzz", "a@com.cn", "a@b.onion", "a@x.in-addr.arpa",
}

// TestPlainEmailAgreesWithParse holds the fast path to the full parser:
// whatever it accepts, parseEmail accepts with the same result.
func TestPlainEmailAgreesWithParse(t *testing.T) {
	fast := 0
	for _, s := range fastCorpus {
		checkFast(t, s)
		if _, ok := plainEmail(s); ok {
			fast++
		}
	}
	if fast < 10 {
		t.Errorf("the fast path took only %d of the corpus", fast)
	}
	// one allocation: the public suffix look-up of the domain's shared
	// reading (domain.ParseHost)
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseEmail("zhangsan@shilikeji.cn") }); n > 1 {
		t.Errorf("ParseEmail of a plain address: %v allocations", n)
	}
}

func checkFast(t *testing.T, s string) {
	t.Helper()
	e, ok := plainEmail(s)
	if !ok {
		return
	}
	slow, err := parseEmail(s)
	if err != nil || slow != e {
		t.Errorf("plainEmail(%q) = %+v; parseEmail = %+v, %v", s, e, slow, err)
	}
}

func FuzzPlainEmail(f *testing.F) {
	for _, s := range fastCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFast(t, s) })
}
