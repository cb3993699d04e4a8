package validate_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// sensitive returns the words SITE_NAME_SENSITIVE reports for a filing
// whose first website is named name, with their severity.
func sensitive(t *testing.T, v *validate.Validator, name string) []string {
	t.Helper()
	f := load(t, "clean_enterprise.json")
	f.Websites[0].Name = name
	var out []string
	for _, r := range v.Validate(context.Background(), f).Rejections {
		if r.Code != rules.CodeSiteNameSensitive {
			continue
		}
		for _, a := range r.Args {
			if a.Name == "word" {
				out = append(out, a.Value.In(language.English)+" "+r.Severity.String())
			}
		}
	}
	return out
}

func TestWithAllowedWords(t *testing.T) {
	v := validate.New(validate.WithAllowedWords("金博"), validate.WithAllowedWords("代孕"))
	assert.Empty(t, sensitive(t, v, "金博彩印资讯"))
	assert.Empty(t, sensitive(t, v, "代孕咨询网"), "an allowed listed word is removed")
	assert.Equal(t, []string{"博彩 error"}, sensitive(t, v, "博彩资讯网"))
	// Without the option: a warning (金博 may be a person's name).
	assert.Equal(t, []string{"博彩 warning"}, sensitive(t, validate.New(), "金博彩印资讯"))
	// The caller's own words are allowed too when listed both ways.
	v = validate.New(validate.WithSensitiveWords("私服"), validate.WithAllowedWords("私服"))
	assert.Empty(t, sensitive(t, v, "传奇私服网"))
}

func TestWithoutBuiltinWords(t *testing.T) {
	v := validate.New(validate.WithoutBuiltinWords("红十字会", "賭博"), validate.WithSensitiveWords("外挂"))
	assert.Empty(t, sensitive(t, v, "红十字会志愿者网"))
	assert.Empty(t, sensitive(t, v, "赌博资讯网"))
	assert.Equal(t, []string{"外挂 error"}, sensitive(t, v, "游戏外挂网"))
	assert.Equal(t, []string{"赌博 error"}, sensitive(t, validate.New(), "赌博资讯网"))
}

func TestWithSensitiveCategories(t *testing.T) {
	v := validate.New(validate.WithSensitiveCategories("gambling"), validate.WithSensitiveCategories("drugs"), validate.WithSensitiveWords("外挂"))
	assert.Equal(t, []string{"赌博 error"}, sensitive(t, v, "赌博资讯网"))
	assert.Equal(t, []string{"冰毒 error"}, sensitive(t, v, "冰毒资讯网"))
	assert.Empty(t, sensitive(t, v, "色情资讯网"))
	assert.Equal(t, []string{"外挂 error"}, sensitive(t, v, "游戏外挂网"), "the caller's own words are kept")
	// No category at all: only the caller's words.
	v = validate.New(validate.WithSensitiveCategories(), validate.WithSensitiveWords("外挂"))
	assert.Empty(t, sensitive(t, v, "赌博资讯网"))
	assert.Equal(t, []string{"外挂 error"}, sensitive(t, v, "游戏外挂网"))
}

// A dropped word is a warning naming the reading, never silence.
func TestSensitiveWarningReadAs(t *testing.T) {
	f := load(t, "clean_enterprise.json")
	f.Websites[0].Name = "紫色情怀摄影"
	var found bool
	for _, r := range validate.New().Validate(context.Background(), f).Rejections {
		if r.Code == rules.CodeSiteNameSensitive {
			found = true
			assert.Equal(t, rules.Warning, r.Severity)
			assert.Contains(t, r.Args, rules.Str("read_as", "紫色/情怀"))
		}
	}
	assert.True(t, found)
}

// A console tunes the built-in list: its own brand never reported, a word
// it does not want, and only the categories it reviews.
func ExampleWithAllowedWords() {
	v := validate.New(
		validate.WithAllowedWords("金博"),
		validate.WithoutBuiltinWords("红十字会"),
		validate.WithSensitiveCategories("gambling", "pornography", "drugs", "fraud", "violence"),
		validate.WithLanguage(language.English),
	)
	data, err := os.ReadFile("../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		panic(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"金博彩印资讯", "红十字会志愿者", "廉政文化建设", "博彩资讯"} {
		f.Websites[0].Name = name
		n := 0
		for _, r := range v.Validate(context.Background(), f).Rejections {
			if r.Code == rules.CodeSiteNameSensitive {
				fmt.Println(name, r.Severity, r.Message(language.English))
				n++
			}
		}
		if n == 0 {
			fmt.Println(name, "no sensitive word")
		}
	}
	// Output:
	// 金博彩印资讯 no sensitive word
	// 红十字会志愿者 no sensitive word
	// 廉政文化建设 no sensitive word
	// 博彩资讯 error The website name contains the sensitive word 博彩
}
