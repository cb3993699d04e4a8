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

// ids returns the reading numbers of rs, in order.
func ids(rs pinyin.Readings) []int {
	out := []int{}
	for i := range rs.Len() {
		out = append(out, rs.ID(i))
	}
	return out
}

// TestSetAsOf holds Set and EachSet to Of for every rune: a rune's set
// number is below Sets, 0 exactly when it has no reading, and the set's
// readings (EachSet, which names each number once) are the rune's, in
// order.
func TestSetAsOf(t *testing.T) {
	sets := map[int][]int{}
	pinyin.EachSet(func(set int, rs pinyin.Readings) {
		if _, ok := sets[set]; ok || set <= 0 || set >= pinyin.Sets || rs.Len() == 0 {
			t.Fatalf("EachSet: set %d (of %d) again, out of range or empty: %v", set, pinyin.Sets, ids(rs))
		}
		sets[set] = ids(rs)
	})
	for r := rune(-1); r <= 0x10FFFF+1; r++ {
		set, want := pinyin.Set(r), ids(pinyin.Of(r))
		if set == 0 && len(want) == 0 {
			continue
		}
		if got, ok := sets[set]; !ok || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%c (%U): set %d of readings %v (listed %v), Of gives %v", r, r, set, got, ok, want)
		}
	}
}

// TestAppendSetsAsSet holds AppendSets to Set over ranges across the
// table's ends and beyond them, after what dst holds.
func TestAppendSetsAsSet(t *testing.T) {
	bounds := []rune{-1, 0, 0x3400, 0x4DFF, 0x4E00, 0x4E01, 0x6000, 0x9FFE, 0x9FFF, 0xA000, 0x10FFFF}
	for _, lo := range bounds {
		for _, hi := range bounds {
			want := []uint16{7}
			for r := lo; r <= hi; r++ {
				want = append(want, uint16(pinyin.Set(r)))
			}
			if got := pinyin.AppendSets([]uint16{7}, lo, hi); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("AppendSets([7], %U, %U): %d sets, not Set's %d", lo, hi, len(got), len(want))
			}
		}
	}
}
