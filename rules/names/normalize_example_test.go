package names_test

import (
	"fmt"

	"github.com/icpcheck/beian/rules/names"
)

// Normalize sees through the disguises a name is typed in: invisible
// characters, look-alike letters from other scripts, accents, small
// capitals, variant and Japanese forms of ideographs and CJK radicals.
func ExampleNormalize_disguises() {
	for _, s := range []string{
		"赌\u2065博\U000E0041网",  // a reserved default-ignorable and a tag character
		"cаsino",               // Cyrillic а
		"CASÌNO ᴄᴀsɪɴᴏ casıno", // accent, small capitals, dotless i
		"百家楽 仿真鎗 人⺠",           // Japanese form, a variant, a CJK radical
	} {
		fmt.Println(names.Normalize(s))
	}
	// Output:
	// 赌博网
	// casino
	// casino casino casino
	// 百家乐仿真枪人民
}

// A Class tells a matcher what it may read a word across: separators,
// and fillers such as the iteration mark 々 and kana.
func ExampleClassOf() {
	for _, r := range "赌々の2·" {
		c := names.ClassOf(r)
		fmt.Printf("%c %v\n", r, c.Skippable())
	}
	// Output:
	// 赌 false
	// 々 true
	// の true
	// 2 false
	// · true
}
