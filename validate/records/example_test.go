package records_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/icpcheck/beian/validate/records"
)

const file = `{"subjects": [
  {"name": "张三", "cert_type": "id_card", "cert_number": "11010519491231002X",
   "icp_number": "京ICP备2020000001号", "mobiles": ["13902212345"]},
  {"name": "深圳市示例科技有限公司", "cert_type": "uscc", "cert_number": "91440300MA5F000001",
   "mobiles": ["+86 139 0221 2345"], "order_in_progress": true}]}`

// A registry read from a records file answers the validator's questions.
func ExampleReadRegistry() {
	r, err := records.ReadRegistry(strings.NewReader(file))
	if err != nil {
		panic(err)
	}
	holders, _ := r.MobileHolders(context.Background(), "139-0221-2345")
	for _, h := range holders {
		fmt.Println(h.Name)
	}
	// Output:
	// 张三
	// 深圳市示例科技有限公司
}

// A Reader streams a large file one subject at a time.
func ExampleReader() {
	rd := records.NewReader(strings.NewReader(file))
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s.CertType, s.Name)
	}
	fmt.Println(rd.Count(), "subjects")
	// Output:
	// id_card 张三
	// uscc 深圳市示例科技有限公司
	// 2 subjects
}

// An error names the value concerned.
func ExampleRead_error() {
	_, err := records.Read(strings.NewReader(`{"subjects": [{"name": "x", "cert_type": "licence"}]}`))
	fmt.Println(err)
	// Output:
	// records: subjects[0].cert_type: unknown certificate type "licence"
}
