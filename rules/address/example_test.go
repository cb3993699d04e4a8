package address_test

import (
	"fmt"

	"github.com/icpcheck/beian/rules/address"
)

func ExampleLocate() {
	fmt.Printf("%+v\n", address.Locate("河北省石家庄市长安区中山东路1号"))
	fmt.Printf("%+v\n", address.Locate("正定县示例路8号"))
	fmt.Printf("%+v\n", address.Locate("南山区科技园路1号")) // Shenzhen's, or Hegang's
	// Output:
	// {Province:130000 City:130100 County:130102}
	// {Province:130000 City:130100 County:130123}
	// {Province:0 City:0 County:0}
}

func ExampleSameCity() {
	cert := address.Locate("河南省郑州市金水区示例路1号")
	mail := address.Locate("河南省南阳市宛城区示例路2号")
	fmt.Println(address.SameCity(cert, mail))
	// Output: false true
}
