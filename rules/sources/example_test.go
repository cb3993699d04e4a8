package sources_test

import (
	"fmt"

	"github.com/icpcheck/beian/rules/sources"
)

// A policy fact cites its sources; each key resolves to a public page.
func Example() {
	fact := "ucloud-hubei; huawei-province-rules: personal filers may use a Hubei residence permit [MED]"
	for _, key := range sources.Keys(fact) {
		s, ok := sources.Lookup(key)
		fmt.Println(ok, s.Key, s.Edition, s.URL)
	}
	// Output:
	// true ucloud-hubei 2024-04-01 https://github.com/UCloudDoc-Team/beian1/blob/HEAD/rule/rule5/hubei.md
	// true huawei-province-rules 2025-12-31 https://github.com/huaweicloud/huaweicloud-skills/blob/master/skills/cdi/assist/huawei-cloud-icp-process-guidance/kb/topics/备案管局咨询.md
}

func ExampleParse() {
	keys, note := sources.Parse("tencent-subject-info: the office phone must differ from the principal's mobile [MED]")
	fmt.Println(keys, "|", note)
	keys, note = sources.Parse("桂管局 2026")
	fmt.Println(keys == nil, "|", note)
	// Output:
	// [tencent-subject-info] | the office phone must differ from the principal's mobile [MED]
	// true | 桂管局 2026
}
