package names_test

import (
	"fmt"

	"github.com/icpcheck/beian/rules/names"
)

// A website name read by two dictionaries, the banned prefixes' and the
// sensitive words', through one memo: the second find segments the name
// with what the first learnt of its characters, and answers as it would
// alone.
func ExampleMemo() {
	prefixes := names.NewDictionary("中国", "中华", "国家", "!反腐蚀")
	sensitive := names.DefaultDictionary()
	name := names.Prepare(names.Normalize("中国博彩资讯网"))

	var memo names.Memo // one per validation
	if m, ok := memo.Find(prefixes, &name); ok && m.Start == 0 {
		fmt.Println("prefix:", m.Word)
	}
	for _, m := range memo.FindEvery(sensitive, &name) {
		fmt.Println("sensitive:", m.Word, m.Category)
	}
	// Output:
	// prefix: 中国
	// sensitive: 博彩 gambling
}
