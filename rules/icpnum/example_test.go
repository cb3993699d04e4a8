package icpnum_test

import (
	"errors"
	"fmt"

	"github.com/icpcheck/beian/rules/icpnum"
)

func ExampleParse() {
	n, err := icpnum.Parse("粤ICP备2023012345号-3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Province.Code, n.Province.Short, n.Year, n.Serial, n.Site, n.Kind)
	fmt.Println(n.SubjectNumber())
	// Output:
	// 44 广东 2023 12345 3 website
	// 粤ICP备2023012345号
}

// Numbers are accepted as users paste them and written back canonically.
func ExampleParse_asTyped() {
	n, _ := icpnum.Parse("川 icp 备 ０９１５００８４ 号－２ａ")
	fmt.Println(n, n.Province.Short, n.Year, n.Kind)
	// Output: 川ICP备09150084号-2A 四川 2009 app
}

// What looks like a filing number but is not gets a typed reason.
func ExampleParse_notAFilingNumber() {
	for _, s := range []string{"沪B1.B2-20100001", "京公网安备11010802020088号", "贵ICP备2021001234号"} {
		_, err := icpnum.Parse(s)
		var e *icpnum.Error
		if errors.As(err, &e) {
			fmt.Println(e.Province.Short, e.Reason)
		}
	}
	// Output:
	// 上海 is a value-added telecom licence that numbers no filing
	// 北京 is a public-security filing number (公网安备), not an ICP filing number
	// 贵州 uses a province short name that filing numbers do not use
}

// The records of a licence holder are numbered with its licence.
func ExampleParse_licence() {
	for _, s := range []string{"京ICP证030173号-1", "粤B2-20090059-1626X"} {
		n, err := icpnum.Parse(s)
		fmt.Println(n, n.Kind, n.Province.Short, n.Licence == icpnum.NoLicence, err)
	}
	// Output:
	// 京ICP证030173号-1 website 北京 false <nil>
	// 粤B2-20090059-1626X mini program 广东 false <nil>
}

func ExampleFind() {
	footer := `© 2026 示例科技 <a href="https://beian.miit.gov.cn/">粤ICP备2023012345号-3</a> 京公网安备11010802020088号`
	for _, n := range icpnum.Find(footer) {
		fmt.Println(n)
	}
	// Output: 粤ICP备2023012345号-3
}
