package provinces_test

import (
	"fmt"

	"github.com/icpcheck/beian/provinces"
)

func ExampleLookup() {
	for _, s := range []string{"44", "粤", "Guangdong", "广东省", "川", "火星"} {
		p, ok := provinces.Lookup(s)
		fmt.Println(s, "→", p.Code, p.Name, ok)
	}
	// Output:
	// 44 → 44 广东省 true
	// 粤 → 44 广东省 true
	// Guangdong → 44 广东省 true
	// 广东省 → 44 广东省 true
	// 川 → 51 四川省 true
	// 火星 →   false
}

func ExamplePolicies_Override() {
	ps, err := provinces.DefaultPolicies().Override([]byte(`{
		"湖南": {"mobile_must_be_local": {"value": false, "certain": true, "source": "湘管局 notice of 2026-10"}}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := ps.For("43")
	fmt.Println(p.MobileMustBeLocal.Value, p.MobileMustBeLocal.Source)
	// Output: false 湘管局 notice of 2026-10
}

func ExampleFromAddress() {
	p, ok := provinces.FromAddress("中国广东省深圳市龙岗区坂田")
	fmt.Println(p.Short, ok)
	_, ok = provinces.FromAddress("深圳市南山区")
	fmt.Println(ok)
	// Output:
	// 广东 true
	// false
}
