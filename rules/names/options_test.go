package names_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/names"
)

func words(ms []names.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Word)
	}
	return out
}

// A console tunes the built-in list: its own brand allowed, a word it
// does not want removed, only some categories kept.
func ExampleDictionary_Allow() {
	d := names.DefaultDictionary().
		Allow("金博").     // the console's brand: 金博彩印 is no 博彩
		Without("红十字会"). // a console for charities
		OnlyCategories("gambling", "pornography", "drugs", "fraud", "violence")
	for _, name := range []string{"金博彩印", "赌博资讯", "红十字会", "反腐倡廉网"} {
		fmt.Println(name, words(d.FindAll(name)))
	}
	// Output:
	// 金博彩印 []
	// 赌博资讯 [赌博]
	// 红十字会 []
	// 反腐倡廉网 []
}

// FindEvery tells which words FindAll leaves out and why.
func ExampleDictionary_FindEvery() {
	d := names.DefaultDictionary()
	for _, name := range []string{"紫色情怀", "赌博物馆", "淄博彩印有限公司"} {
		for _, m := range d.FindEvery(name) {
			fmt.Printf("%s: %s (%s) read as %q\n", name, m.Word, m.Category, m.ReadAs)
		}
	}
	// Output:
	// 紫色情怀: 色情 (pornography) read as "紫色/情怀"
	// 赌博物馆: 赌博 (gambling) read as ""
	// 淄博彩印有限公司: 博彩 (gambling) read as "淄博/彩印"
}

func TestAllow(t *testing.T) {
	d := names.DefaultDictionary().Allow("金博", "casino royale", "六合彩印")
	tests := []struct {
		name string
		want []string
	}{
		{"金博彩印", nil},               // overlapping the allowed word
		{"金 博 彩 印", nil},            // disguised as a listed word would be
		{"金博彩印赌博网", []string{"赌博"}}, // other words still reported
		{"博彩网", []string{"博彩"}},     // elsewhere 博彩 is reported
		{"Casino Royale 影评", nil},   // a Latin allowed phrase
		{"casino 888", []string{"casino"}},
		{"六合彩印厂", nil},
		{"六合彩开奖", []string{"六合彩"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, words(d.FindAll(tt.name)), tt.name)
		assert.Equal(t, tt.want, words(d.FindEvery(tt.name)), "FindEvery %s", tt.name)
	}
	// An allowed word that is a listed word removes it.
	d = names.DefaultDictionary().Allow("代孕")
	_, ok := d.Category("代孕")
	assert.False(t, ok)
	assert.Equal(t, names.DefaultDictionary().Len()-1, d.Len())
	assert.Empty(t, d.FindAll("代孕咨询"))
	// The default dictionary is not changed.
	assert.Equal(t, []string{"代孕"}, words(names.DefaultDictionary().FindAll("代孕咨询")))
}

func TestWithout(t *testing.T) {
	base := names.DefaultDictionary()
	d := base.Without("赌博", "賭場", "CASINO", "不是词")
	assert.Equal(t, base.Len()-3, d.Len())
	for _, w := range []string{"赌博", "赌场", "casino"} {
		_, ok := d.Category(w)
		assert.False(t, ok, w)
	}
	assert.Equal(t, []string{"网络赌博"}, words(d.With("网络赌博").FindAll("网络赌博")))
	assert.Empty(t, d.FindAll("赌博 赌场 casino"))
	assert.Equal(t, []string{"博彩"}, words(d.FindAll("博彩网")))
	// Exceptions stay: 反腐蚀 still holds no 反腐.
	assert.Empty(t, base.Without("色情").FindAll("反腐蚀涂料"))
}

func TestOnlyCategories(t *testing.T) {
	base := names.DefaultDictionary()
	cats := base.Categories()
	for _, c := range []string{"gambling", "pornography", "drugs", "fraud", "violence", "clean_government", "illegal", "political", "misleading"} {
		assert.Contains(t, cats, c)
	}
	d := base.OnlyCategories("gambling")
	assert.Equal(t, []string{"gambling"}, d.Categories())
	assert.Equal(t, []string{"赌博"}, words(d.FindAll("赌博色情反腐")))
	assert.Equal(t, 0, base.OnlyCategories().Len())
	assert.Equal(t, 0, base.OnlyCategories("no such category").Len())
	total := 0
	for _, c := range cats {
		total += base.OnlyCategories(c).Len()
	}
	assert.Equal(t, base.Len(), total, "every word has one category")
}

// TestEveryBuiltInWordHasACategoryAndASource: the built-in list's words
// each carry a category and where they come from.
func TestEveryBuiltInWordHasACategoryAndASource(t *testing.T) {
	d := names.DefaultDictionary()
	require.Greater(t, d.Len(), 150)
	for _, w := range d.Words() {
		c, ok := d.Category(w)
		require.True(t, ok, w)
		assert.NotEmpty(t, c, "%s has no category", w)
		s, _ := d.Source(w)
		assert.NotEmpty(t, s, "%s has no source", w)
	}
	s, ok := d.Source("气枪")
	assert.True(t, ok)
	assert.Contains(t, s, "konsheng-sensitive-lexicon")
	_, ok = d.Source("不是词")
	assert.False(t, ok)
	assert.True(t, slices.Equal(names.GraveCategories, []string{"gambling", "pornography", "drugs", "fraud"}))
}
