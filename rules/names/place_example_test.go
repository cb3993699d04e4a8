package names_test

import (
	"fmt"

	"github.com/icpcheck/beian/rules/names"
)

func ExamplePlaceWords() {
	for _, name := range []string{"杭州美食日记", "我在乌鲁木齐的生活", "张三的中山装收藏", "李四的读书笔记"} {
		fmt.Println(name, names.PlaceWords(names.Normalize(name)))
	}
	// Output:
	// 杭州美食日记 [杭州]
	// 我在乌鲁木齐的生活 [乌鲁木齐]
	// 张三的中山装收藏 []
	// 李四的读书笔记 []
}
