package domain_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/icpcheck/beian/rules/domain"
)

func ExampleParse() {
	for _, typed := range []string{
		"https://WWW.Example.com.CN/index.html",
		"例子。中国",
		"xn--fsqu00a.xn--fiqs8s",
		"ｂｌｏｇ．ｅｘａｍｐｌｅ．ｃｎ．",
	} {
		d, err := domain.Parse(typed)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.ASCII(), d.Unicode(), d.Suffix(), d.IsSubdomain())
	}
	// Output:
	// example.com.cn example.com.cn com.cn true
	// xn--fsqu00a.xn--fiqs8s 例子.中国 xn--fiqs8s false
	// xn--fsqu00a.xn--fiqs8s 例子.中国 xn--fiqs8s false
	// example.cn example.cn cn true
}

func ExampleParse_errors() {
	for _, typed := range []string{"exa_mple.cn", "com.cn", "192.168.1.1", "example.zzz", "a..cn"} {
		_, err := domain.Parse(typed)
		var e *domain.Error
		if errors.As(err, &e) {
			fmt.Printf("%s: %v\n", typed, e.Reason)
		}
	}
	// Output:
	// exa_mple.cn: a character domains cannot hold
	// com.cn: a public suffix alone
	// 192.168.1.1: an IP address
	// example.zzz: an unknown top-level domain
	// a..cn: an empty label
}

func ExampleSuffixList_Lookup() {
	list := domain.DefaultSuffixes()
	for _, typed := range []string{"example.com.cn", "例子.公司", "example.org", "example.io", "example.de"} {
		d, _ := domain.Parse(typed)
		e := list.Lookup(d)
		fmt.Printf("%s: %s %v\n", typed, e.Unicode(), e.Status)
	}
	// Output:
	// example.com.cn: com.cn filable
	// 例子.公司: 公司 filable
	// example.org: org disputed
	// example.io: io not_filable
	// example.de: de unlisted
}

func ExampleParseSuffixList() {
	// A caller's own list, in the format of the built-in data file.
	list, err := domain.ParseSuffixList(strings.NewReader(`# version: 2027-03-01
# source M: checked on https://domain.miit.gov.cn on 2027-03-01
org,filable,M
io,not_filable,M,not approved
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := domain.Parse("www.example.org")
	fmt.Println(list.Version(), list.Len(), list.Lookup(d).Status)
	// Output: 2027-03-01 2 filable
}

func ExampleSuffixList_With() {
	// Extend the built-in list without a new release.
	list, err := domain.DefaultSuffixes().With(domain.Suffix{Name: "org", Status: domain.Filable, Sources: "M", Note: "confirmed on the MIIT site"})
	if err != nil {
		fmt.Println(err)
		return
	}
	org, _ := list.LookupName(".org")
	old, _ := domain.DefaultSuffixes().LookupName(".org")
	fmt.Println(org.Status, old.Status)
	// Output: filable disputed
}

func ExampleSameName() {
	fmt.Println(domain.SameName("腾讯科技（深圳）有限公司", "騰訊科技(深圳)有限公司"))
	fmt.Println(domain.SameName("ＪＯＨＮ　ＳＭＩＴＨ", "John Smith"))
	fmt.Println(domain.SameName("长沙市示例科技有限公司", "长沙示例科技有限公司"))
	fmt.Println(domain.SameName("示例科技有限公司", "示例科技有限责任公司"))
	// Output:
	// true
	// true
	// false
	// false
}

func ExampleNameSet() {
	approved := domain.NewNameSet("阿里云计算有限公司", "厦门三五互联科技股份有限公司")
	fmt.Println(approved.Contains("阿里雲計算有限公司"))
	fmt.Println(approved.Contains("GoDaddy.com, LLC"))
	// Output:
	// true
	// false
}

func ExampleNameKey() {
	fmt.Println(domain.NameKey("騰訊科技（深圳） 有限公司"))
	fmt.Println(domain.NameKey("ＡＢＣ Trading"))
	// Output:
	// 腾讯科技(深圳)有限公司
	// abctrading
}

// The registrable domain follows the ICANN rules of the Public Suffix
// List, edition PublicSuffixEdition: wildcard (*.ck) and exception
// (!www.ck) rules included, private suffixes (github.io) skipped.
func ExamplePublicSuffixEdition() {
	fmt.Println(strings.HasPrefix(domain.PublicSuffixEdition, "publicsuffix.org's public_suffix_list.dat, git revision "))
	for _, typed := range []string{"shop.example.co.uk", "a.b.ck", "www.ck", "user.github.io", "city.kawasaki.jp"} {
		d, err := domain.Parse(typed)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.ASCII(), d.Suffix())
	}
	// Output:
	// true
	// example.co.uk co.uk
	// a.b.ck b.ck
	// www.ck ck
	// github.io io
	// city.kawasaki.jp kawasaki.jp
}
