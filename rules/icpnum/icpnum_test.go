package icpnum_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/icpnum"
)

var suffixes = []struct {
	text string
	site int
	kind icpnum.Kind
}{
	{"", 0, icpnum.Subject},
	{"-1", 1, icpnum.Website},
	{"-3", 3, icpnum.Website},
	{"-12", 12, icpnum.Website},
	{"-999", 999, icpnum.Website},
	{"-2A", 2, icpnum.App},
	{"-3X", 3, icpnum.MiniProgram},
	{"-4K", 4, icpnum.QuickApp},
}

var bodies = []struct {
	text         string
	year, serial int
	digits       int
}{
	{"2023012345", 2023, 12345, 10},
	{"2021003158", 2021, 3158, 10},
	{"12014244", 2012, 14244, 8},
	{"05000001", 2005, 1, 8},
}

// TestEveryProvince parses every abbreviation of every province with every
// body form and every suffix, and writes it back.
func TestEveryProvince(t *testing.T) {
	for _, p := range provinces.All() {
		for _, abbr := range p.ICPAbbrs() {
			for _, b := range bodies {
				for _, s := range suffixes {
					in := abbr + "ICP备" + b.text + "号" + s.text
					n, err := icpnum.Parse(in)
					if err != nil {
						t.Errorf("Parse(%q): %v", in, err)
						continue
					}
					want := icpnum.Number{Province: p, Abbr: abbr, Year: b.year, Serial: b.serial, Digits: b.digits, Site: s.site, Kind: s.kind}
					if n != want {
						t.Errorf("Parse(%q) = %+v, want %+v", in, n, want)
					}
					if n.String() != in {
						t.Errorf("Parse(%q).String() = %q", in, n.String())
					}
					if sub := n.SubjectNumber(); sub.Kind != icpnum.Subject || sub.String() != abbr+"ICP备"+b.text+"号" {
						t.Errorf("SubjectNumber of %q = %q", in, sub)
					}
				}
			}
		}
	}
}

// TestWithoutHao: every filing number of every province, body and
// suffix, typed without its 号 (as footers often show it), is NoHao with
// the Number it is with 号, whose String is the canonical form; with
// something other than a suffix after the body it is NoHao with no
// Number; and Find, which reads page text, finds it as it always has.
func TestWithoutHao(t *testing.T) {
	count := 0
	for _, p := range provinces.All() {
		for _, abbr := range p.ICPAbbrs() {
			for _, b := range bodies {
				for _, s := range suffixes {
					full := abbr + "ICP备" + b.text + "号" + s.text
					in := abbr + "ICP备" + b.text + s.text
					want, err := icpnum.Parse(full)
					if err != nil {
						t.Fatalf("Parse(%q): %v", full, err)
					}
					n, err := icpnum.Parse(in)
					var e *icpnum.Error
					if !errors.As(err, &e) || e.Reason != icpnum.NoHao || n != want || n.String() != full {
						t.Errorf("Parse(%q) = %+v, %v; want %+v with NoHao", in, n, err, want)
					}
					if got := icpnum.Find("备案号：" + in + " 版权所有"); len(got) != 1 || got[0] != want {
						t.Errorf("Find in a number without 号: %v, want %v", got, want)
					}
					count++
				}
			}
			for _, tail := range []string{"版权所有", "X", "号号"} {
				in := abbr + "ICP备12345678" + tail
				n, err := icpnum.Parse(in)
				if n != (icpnum.Number{}) || err == nil {
					t.Errorf("Parse(%q) = %+v, %v; want no Number", in, n, err)
				}
			}
		}
	}
	if count < 200 {
		t.Errorf("%d numbers", count)
	}
	n, err := icpnum.Parse("京ICP证030173")
	var e *icpnum.Error
	if !errors.As(err, &e) || e.Reason != icpnum.NoHao || n.String() != "京ICP证030173号" {
		t.Errorf("Parse(京ICP证030173) = %q, %v", n, err)
	}
}

func TestAlternativeAbbreviations(t *testing.T) {
	for _, c := range []struct {
		in, code string
	}{
		{"川ICP备09150084号", "51"},
		{"蜀ICP备12014244号", "51"},
		{"川ICP备10200063号-1", "51"},
		{"黔ICP备2021001234号", "52"},
		{"滇ICP备2021001234号", "53"},
		{"陇ICP备2021003158号-1", "62"},
	} {
		n, err := icpnum.Parse(c.in)
		if err != nil || n.Province.Code != c.code {
			t.Errorf("Parse(%q) = %v, %v; want province %s", c.in, n.Province.Code, err, c.code)
		}
	}
	// The usual short names are not used in filing numbers: a typed
	// reason, the province, and the number written the right way.
	for _, c := range []struct {
		in, code, want string
	}{
		{"贵ICP备2021001234号", "52", "黔ICP备2021001234号"},
		{"云ICP备2021001234号-2", "53", "滇ICP备2021001234号-2"},
		{"甘ICP备2021003158号-1", "62", "陇ICP备2021003158号-1"},
	} {
		n, err := icpnum.Parse(c.in)
		var e *icpnum.Error
		if !errors.As(err, &e) || e.Reason != icpnum.AbbrNotUsed || e.Province.Code != c.code {
			t.Errorf("Parse(%q): %v, want AbbrNotUsed for %s", c.in, err, c.code)
		}
		if n.String() != c.want {
			t.Errorf("Parse(%q) number = %q, want %q", c.in, n, c.want)
		}
	}
}

// TestAsTyped: full-width characters, spaces, lower case and dash variants
// are folded, and the canonical form is the same.
func TestAsTyped(t *testing.T) {
	const want = "粤ICP备2023012345号-3"
	for _, in := range []string{
		"粤ICP备２０２３０１２３４５号－３",
		"粤ＩＣＰ备2023012345号-3",
		"粤icp备2023012345号-3",
		" 粤 ICP 备 2023012345 号 - 3 ",
		"粤ICP备\u30002023012345号\u3000-3",
		"粤ICP备2023012345号—3",
		"粤ICP备2023012345号–3",
		"\ufeff粤ICP备2023012345号\u200b-3",
	} {
		n, err := icpnum.Parse(in)
		if err != nil || n.String() != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, n, err, want)
		}
	}
	n, err := icpnum.Parse("粤ICP备2023012345号-2ａ")
	if err != nil || n.Kind != icpnum.App || n.String() != "粤ICP备2023012345号-2A" {
		t.Errorf("full-width lower-case app suffix: %q, %v", n, err)
	}
}

// TestLicenceNumbers: the records of licence holders are numbered with
// their ICP licence or B2 licence (real records: 京ICP证030173号-1, a
// website; 粤B2-20090059-1626X, a WeChat mini-program).
func TestLicenceNumbers(t *testing.T) {
	for _, c := range []struct {
		in      string
		licence icpnum.Licence
		kind    icpnum.Kind
		site    int
		prov    string
		canon   string
	}{
		{"京ICP证030173号-1", icpnum.ICPLicence, icpnum.Website, 1, "11", "京ICP证030173号-1"},
		{"京ICP证030173号", icpnum.ICPLicence, icpnum.Subject, 0, "11", "京ICP证030173号"},
		{"京ICP证150476号-2A", icpnum.ICPLicence, icpnum.App, 2, "11", "京ICP证150476号-2A"},
		{"粤B2-20090059-1626X", icpnum.B2Licence, icpnum.MiniProgram, 1626, "44", "粤B2-20090059-1626X"},
		{"粤B2-20090059", icpnum.B2Licence, icpnum.Subject, 0, "44", "粤B2-20090059"},
		{"粤b2－20090059－1626x", icpnum.B2Licence, icpnum.MiniProgram, 1626, "44", "粤B2-20090059-1626X"},
		{"粤B2-20090059号-3K", icpnum.B2Licence, icpnum.QuickApp, 3, "44", "粤B2-20090059-3K"},
	} {
		n, err := icpnum.Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if n.Licence != c.licence || n.Kind != c.kind || n.Site != c.site || n.Province.Code != c.prov || n.String() != c.canon {
			t.Errorf("Parse(%q) = %+v (%s), want licence %d kind %s site %d province %s %s", c.in, n, n, c.licence, c.kind, c.site, c.prov, c.canon)
		}
	}
}

func TestNotFilingNumbers(t *testing.T) {
	for _, c := range []struct {
		in     string
		reason icpnum.Reason
		code   string // province when known
	}{
		{"", icpnum.Empty, ""},
		{"  \u3000 ", icpnum.Empty, ""},
		{strings.Repeat("粤", 100), icpnum.TooLong, ""},
		{"京ICP证15047号", icpnum.BadBody, "11"},
		{"京ICP证030173", icpnum.NoHao, "11"},
		{"粤B2-2009005", icpnum.BadBody, "44"},
		{"粤B2-20090059-01X", icpnum.BadSuffix, "44"},
		{"粤B2-20090059-12345X", icpnum.BadSuffix, "44"},
		{"粤A2-20090059", icpnum.TelecomLicence, "44"},
		{"沪B1.B2-20100001", icpnum.TelecomLicence, "31"},
		{"京公网安备11010802020088号", icpnum.PublicSecurity, "11"},
		{"粤公网安备44030502008569号", icpnum.PublicSecurity, "44"},
		{"港ICP备2023012345号", icpnum.UnknownProvince, ""},
		{"ICP备2023012345号", icpnum.NoProvince, ""},
		{"2023012345", icpnum.NoProvince, ""},
		{"粤备2023012345号", icpnum.NoICP, "44"},
		{"粤ICP2023012345号", icpnum.NoICP, "44"},
		{"粤ICP备号", icpnum.BadBody, "44"},
		{"粤ICP备1234567号", icpnum.BadBody, "44"},
		{"粤ICP备123456789号", icpnum.BadBody, "44"},
		{"粤ICP备20230123456号", icpnum.BadBody, "44"},
		{"粤ICP备1999012345号", icpnum.BadYear, "44"},
		{"粤ICP备2100012345号", icpnum.BadYear, "44"},
		{"粤ICP备2023012345", icpnum.NoHao, "44"},
		{"粤ICP备2023012345-3", icpnum.NoHao, "44"},
		{"粤ICP备2023012345号-", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号-0", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号-03", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号-1000", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号-2B", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号-2AX", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号3", icpnum.BadSuffix, "44"},
		{"粤ICP备2023012345号-3 版权所有", icpnum.BadSuffix, "44"},
	} {
		n, err := icpnum.Parse(c.in)
		var e *icpnum.Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want reason %v", c.in, n, c.reason)
			continue
		}
		if e.Reason != c.reason || e.Province.Code != c.code || e.Input != c.in {
			t.Errorf("Parse(%q): reason %v province %q, want %v %q", c.in, e.Reason, e.Province.Code, c.reason, c.code)
		}
		if n != (icpnum.Number{}) && e.Reason != icpnum.NoHao {
			t.Errorf("Parse(%q) returned %+v with %v", c.in, n, e.Reason)
		}
		if !strings.HasPrefix(err.Error(), "icpnum: ") {
			t.Errorf("error text %q", err)
		}
	}
}

func TestFind(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`<a href="https://beian.miit.gov.cn/">粤ICP备2023012345号-3</a>`, []string{"粤ICP备2023012345号-3"}},
		{"©2026 示例 粤ICP备2023012345号 京公网安备11010802020088号", []string{"粤ICP备2023012345号"}},
		{"粤ICP备２０２３０１２３４５号－３X | 京ICP证150476号 | 川ICP备10200063号-1", []string{"粤ICP备2023012345号-3X", "京ICP证150476号", "川ICP备10200063号-1"}},
		{"© 腾讯 粤B2-20090059-1626X 沪B1.B2-20100001", []string{"粤B2-20090059-1626X"}},
		{"粤ICP备2023012345-3", []string{"粤ICP备2023012345号-3"}},
		{"粤ICP备2023012345号-0", []string{"粤ICP备2023012345号"}},
		{"贵ICP备2021001234号 ICP备 港ICP备2023012345号 粤ICP备123号", nil},
		{"", nil},
		{"ICP备", nil},
	} {
		var got []string
		for _, n := range icpnum.Find(c.text) {
			got = append(got, n.String())
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("Find(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestStrings(t *testing.T) {
	if icpnum.MiniProgram.String() != "mini program" || icpnum.Kind(0).String() != "kind(0)" {
		t.Error("Kind.String")
	}
	if icpnum.LicenceNotUsed.String() == "" || icpnum.Reason(0).String() != "reason(0)" {
		t.Error("Reason.String")
	}
	if (icpnum.Number{}).String() != "" || (icpnum.Number{}).SubjectNumber() != (icpnum.Number{}) {
		t.Error("zero Number")
	}
}

func TestParseAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = icpnum.Parse("粤ICP备2023012345号-3") }); n > 0 {
		t.Errorf("Parse allocates %v times", n)
	}
}
