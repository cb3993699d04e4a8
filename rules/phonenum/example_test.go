package phonenum_test

import (
	"fmt"
	"strings"

	"github.com/icpcheck/beian/rules/phonenum"
)

func ExampleParse() {
	n, err := phonenum.Parse("+86 139-0221-2345")
	if err != nil {
		panic(err)
	}
	fmt.Println(n.Kind, n.National, n.Segment)
	fmt.Println(n.Province.Short, n.City, n.Operator)
	// Output:
	// mobile 13902212345 1390221
	// 广东 广州市 中国移动
}

func ExampleParse_landline() {
	n, _ := phonenum.Parse("(0755) 8601 3388 转 801")
	fmt.Println(n.Kind, n.AreaCode, n.Local(), n.Extension)
	fmt.Println(n.Province.Short, n.City)
	fmt.Println(n)
	// Output:
	// landline 755 86013388 801
	// 广东 深圳市
	// 0755-86013388转801
}

func ExampleParse_special() {
	for _, s := range []string{"170 0123 4567", "14901234567", "1440012345678", "17400123456"} {
		n, _ := phonenum.Parse(s)
		fmt.Println(n.National, n.Kind, n.Operator, "virtual:", n.Virtual, "sms:", n.ReceivesSMS())
	}
	// Output:
	// 17001234567 mobile 中国电信 virtual: true sms: true
	// 14901234567 data_card 中国电信 virtual: false sms: false
	// 1440012345678 iot 中国移动 virtual: false sms: false
	// 17400123456 satellite 中国电信 virtual: false sms: false
}

func ExampleParse_invalid() {
	for _, s := range []string{"1390221234", "15412345678", "+852 6123 4567", "86013388", "95588", "139abc"} {
		_, err := phonenum.Parse(s)
		fmt.Println(phonenum.ReasonOf(err))
	}
	// Output:
	// too_short
	// unknown_segment
	// not_chinese
	// missing_area_code
	// service_number
	// bad_character
}

func ExampleTable_Parse() {
	// 199 blocks have no province in phonenumbers' data; a console's own
	// table supplies it.
	n, _ := phonenum.Parse("19912345678")
	fmt.Printf("built-in: %q %s\n", n.Province.Short, n.Operator)

	tab, err := phonenum.LoadCSV(strings.NewReader("prefix,province,operator\n1991234,湖南,电信\n"))
	if err != nil {
		panic(err)
	}
	n, _ = tab.Parse("19912345678")
	fmt.Println("with table:", n.Province.Short, n.Operator, n.FromTable)
	// Output:
	// built-in: "" 中国电信
	// with table: 湖南 中国电信 true
}

func ExampleLoad() {
	// Load tells a phone.dat file from a CSV file by its content.
	_, err := phonenum.Load(strings.NewReader("1991234,Atlantis\n"))
	fmt.Println(err)
	// Output:
	// phonenum: csv line 1: "Atlantis" is not a province
}
