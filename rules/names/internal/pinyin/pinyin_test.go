package pinyin_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/rules/names/internal/pinyin"
)

func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func readings(r rune) []string {
	rs := pinyin.Of(r)
	out := []string{}
	for i := range rs.Len() {
		out = append(out, rs.At(i))
	}
	return out
}

// TestReadings holds characters of the built-in sensitive words, and
// the polyphones their words need, to Unihan's readings.
func TestReadings(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want []string
	}{
		{'赌', []string{"du"}},
		{'博', []string{"bo"}},
		{'彩', []string{"cai"}},
		{'乐', []string{"le", "yue"}},    // 百家乐 reads le
		{'藏', []string{"cang", "zang"}}, // 藏独 reads zang
		{'女', []string{"nv"}},           // ü written v
		{'绿', []string{"lv", "lu"}},
		{'轮', []string{"lun"}},
		{'功', []string{"gong"}},
		{'〇', []string{}}, // outside the block
		{'A', []string{}}, // not Chinese
		{'𠀀', []string{}}, // an extension block
	} {
		assert.Equal(t, c.want, readings(c.r), "%c", c.r)
	}
}

// TestEveryReadingASyllable: every reading of the table is lower-case
// ASCII, and every standard character of the block has one.
func TestEveryReadingASyllable(t *testing.T) {
	n := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		rs := pinyin.Of(r)
		if rs.Len() > 0 {
			n++
		}
		for i := range rs.Len() {
			s := rs.At(i)
			assert.NotEmpty(t, s)
			for _, b := range []byte(s) {
				assert.True(t, 'a' <= b && b <= 'z', "%c: %q", r, s)
			}
		}
	}
	assert.Equal(t, 7832, n, "the standard characters of U+4E00..U+9FFF")
}

func ExampleOf() {
	rs := pinyin.Of('藏')
	for i := range rs.Len() {
		fmt.Println(rs.At(i))
	}
	// Output:
	// cang
	// zang
}
