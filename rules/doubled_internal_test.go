package rules

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules/names"
)

// TestRepeatedWordsInnocent: ordinary reduplications (天天, 嘟嘟, 时时, 色色
// …) before, after and between the words of ordinary names raise no word
// that only reading the repeats once makes: 嘟嘟博客 is no 赌博 (嘟 sounds
// as 赌), 天天大黄片药材 no 黄片, 星星夜色情调 no 色情.
func TestRepeatedWordsInnocent(t *testing.T) {
	dict := (&Config{}).SensitiveDictionary()
	reds := strings.Fields("天天 人人 家家 常常 多多 好好 乐乐 宝宝 妈妈 哥哥 姐姐 星星 点点 滴滴 步步 事事 时时 日日 年年 明明 欢欢 贝贝 甜甜 果果 花花 朵朵 丁丁 当当 咚咚 叮叮 哈哈 嘟嘟 萌萌 彩彩 色色 发发 红红 火火 旺旺 顺顺 平平 安安 美美 大大 小小 慢慢 悠悠 长长 久久 合合 轮轮 功功")
	words := strings.Fields("科技 官网 商城 资讯 笔记 小店 工作室 乐园 书屋 花园 超市 情怀 色彩 博物 轮胎 功夫 合作 彩印 情报 博客 法律 大黄片药材 干洗钱包 舞台独白 夜色情调 六合 法轮")
	for _, r := range reds {
		for _, w := range words {
			for _, w2 := range words {
				for _, name := range []string{r + w, w + r, r + w + w2, w + r + w2, w + w2 + r} {
					n := names.Normalize(name)
					assert.Empty(t, repeatedWords(dict, n, dict.FindAll(n)), name)
				}
			}
		}
	}
}

// TestCollapseRepeats: runs of one Chinese character read once, with the
// bytes that stood in a run marked; other characters as they are.
func TestCollapseRepeats(t *testing.T) {
	for _, c := range []struct {
		in, want string
		marked   string // the characters of want marked as repeated
		ok       bool
	}{
		{"六合彩", "六合彩", "", false},
		{"六六合合彩彩", "六合彩", "六合彩", true},
		{"六六六合彩彩", "六合彩", "六彩", true},
		{"aa六合彩", "aa六合彩", "", false},
		{"示例法法轮轮功功资讯", "示例法轮功资讯", "法轮功", true},
		{"１１天天", "１１天", "天", true},
	} {
		got, repeated, ok := collapseRepeats(c.in)
		assert.Equal(t, c.ok, ok, c.in)
		assert.Equal(t, c.want, got, c.in)
		if !ok {
			continue
		}
		var marked strings.Builder
		for i, r := range got {
			if repeated[i] {
				marked.WriteRune(r)
			}
		}
		assert.Equal(t, c.marked, marked.String(), c.in)
		assert.Len(t, repeated, len(got), c.in)
	}
}

// TestHasRepeatedHanAsDecoded: the byte-level test is the rune-level one
// over names of every kind of character: Chinese in both planes, repeated
// or not, next to Latin, digits, symbols, invalid bytes and a character
// whose bytes repeat across a boundary (the last byte of one character
// and the first of the next).
func TestHasRepeatedHanAsDecoded(t *testing.T) {
	decoded := func(name string) bool {
		last := rune(-1)
		for _, r := range name {
			if r == last && r != utf8.RuneError && names.ClassOf(r) == names.Han {
				return true
			}
			last = r
		}
		return false
	}
	parts := []string{"示", "例", "𠀀", "𠀁", "a", "1", "·", "★", "\\xe4", "\\xf0", "\\xff", "，", "ā", "㐀"}
	for i := range parts {
		parts[i] = unquoteBytes(parts[i])
	}
	var walk func(prefix string, depth int)
	walk = func(prefix string, depth int) {
		assert.Equal(t, decoded(prefix), hasRepeatedHan(prefix), "%q", prefix)
		if depth == 0 {
			return
		}
		for _, p := range parts {
			walk(prefix+p, depth-1)
		}
	}
	walk("", 4)
}

// unquoteBytes turns a "\\xNN" escape of the test's parts into its byte.
func unquoteBytes(s string) string {
	if len(s) == 4 && strings.HasPrefix(s, "\\x") {
		var b byte
		for _, c := range s[2:] {
			b <<= 4
			switch {
			case '0' <= c && c <= '9':
				b |= byte(c - '0')
			default:
				b |= byte(c-'a') + 10
			}
		}
		return string([]byte{b})
	}
	return s
}
