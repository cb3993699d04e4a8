package domain

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// Typed sinks, so that storing a result does not allocate.
var (
	sinkString string
	sinkBool   bool
	sinkStatus Status
	sinkList   *SuffixList
)

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{"example.cn", "www.example.com.cn", "https://WWW.Example.CN/index.html", "例子.中国", "xn--fsqu00a.xn--fiqs8s", "ｗｗｗ。例子。公司"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, _ := Parse(in)
				sinkString = d.host
			}
		})
	}
}

// BenchmarkParsePeer is the straightforward composition of the same
// libraries, as a peer for BenchmarkParse: idna.Lookup.ToASCII then
// publicsuffix.EffectiveTLDPlusOne (which, unlike Parse, neither reads
// URLs nor skips private suffixes nor says why a string is refused).
func BenchmarkParsePeer(b *testing.B) {
	for _, in := range []string{"example.cn", "www.example.com.cn", "例子.中国", "xn--fsqu00a.xn--fiqs8s"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ascii, err := idna.Lookup.ToASCII(strings.TrimSuffix(in, "."))
				if err == nil {
					ascii, err = publicsuffix.EffectiveTLDPlusOne(ascii)
				}
				sinkString = ascii
			}
		})
	}
}

func BenchmarkLookup(b *testing.B) {
	l := DefaultSuffixes()
	d, _ := Parse("www.example.sh.cn")
	b.ReportAllocs()
	for b.Loop() {
		sinkStatus = l.Lookup(d).Status
	}
}

func BenchmarkParseSuffixList(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		l, err := ParseSuffixList(bytes.NewReader(suffixesFile))
		if err != nil {
			b.Fatal(err)
		}
		sinkList = l
	}
}

func BenchmarkSameName(b *testing.B) {
	for i, p := range [][2]string{
		{"长沙市星辰科技有限公司", "长沙市星辰科技有限公司"},
		{"长沙市星辰科技有限公司", "长沙星辰科技有限公司"},
		{"腾讯科技（深圳）有限公司", "騰訊科技(深圳)有限公司"},
		{"John Smith", "JOHN SMITH"},
	} {
		b.Run(strconv.Itoa(i)+"/"+p[0]+"/"+p[1], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkBool = SameName(p[0], p[1])
			}
		})
	}
}

func BenchmarkNameSetContains(b *testing.B) {
	s := NewNameSet("阿里云计算有限公司", "厦门三五互联科技股份有限公司", "北京新网数码信息技术有限公司", "成都西维数码科技有限公司")
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = s.Contains("北京新網數碼信息技術有限公司")
	}
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = normalize("长沙市星辰科技有限公司")
	}
}
