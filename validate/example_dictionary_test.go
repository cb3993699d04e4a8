package validate_test

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/validate"
)

func ExampleWithDictionary() {
	// A console compiles its own list once, on top of the built-in words,
	// and shares it among its validators.
	words := names.DefaultDictionary().With("私服", "外挂")
	v := validate.New(validate.WithDictionary(words), validate.WithLanguage(language.English))

	data, err := os.ReadFile("../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		panic(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		panic(err)
	}
	f.Websites[0].Name = "示例傳奇私服"
	for _, r := range v.Validate(context.Background(), f).Rejections {
		fmt.Println(r.Code, r.Message(language.English))
	}
	// Output:
	// SITE_NAME_SENSITIVE The website name contains the sensitive word 私服
}
