package validatetest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/icpcheck/beian/validate/validatetest"
)

// The registry's tests are those of package validate/records, whose
// Registry validatetest's is.

func ExampleRegistry() {
	r, err := validatetest.LoadRegistry(strings.NewReader(`{"subjects": [
	  {"name": "张三", "cert_type": "id_card", "cert_number": "11010519491231002X",
	   "icp_number": "京ICP备2020000001号", "mobiles": ["13902212345"]}]}`))
	if err != nil {
		panic(err)
	}
	holders, _ := r.MobileHolders(context.Background(), "+86 139 0221 2345")
	fmt.Println(holders[0].Name)
	// Output:
	// 张三
}
