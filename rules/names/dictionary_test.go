package names_test

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules/names"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"already normal", "示例科技官网", "示例科技官网"},
		{"traditional", "示例科技官網", "示例科技官网"},
		{"full-width and upper case", "ＡＢＣ科技", "abc科技"},
		{"spaces between Chinese removed", "示例 科技　官网", "示例科技官网"},
		{"space next to Latin kept", "ABC 科技", "abc 科技"},
		{"zero-width removed", "示例\u200b科技", "示例科技"},
		{"trimmed", "  示例科技  ", "示例科技"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, names.Normalize(tt.in))
		})
	}
}

func TestNormalizeDoesNotAllocateWhenNormal(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { names.Normalize("深圳市示例科技有限公司官网") })
	assert.Zero(t, allocs)
}

func TestDictionaryFind(t *testing.T) {
	d := names.NewDictionary("赌博", "六合彩", "casino", "!反腐蚀", "反腐", "★", "")
	tests := []struct {
		name, text string
		word       string // "" when nothing is found
		source     string // text[Start:End]
	}{
		{"plain", "赌博资讯网", "赌博", "赌博"},
		{"position in the original text", "示例賭 博網", "赌博", "賭 博"},
		{"zero-width inside", "六\u200b合彩", "六合彩", "六\u200b合彩"},
		{"Latin whole word", "Best Casino 888", "casino", "Casino"},
		{"Latin inside a word", "Casinova咖啡", "", ""},
		{"Latin next to Chinese is a whole word", "澳门casino娱乐", "casino", "casino"},
		{"exception around the word", "反腐蚀涂料", "", ""},
		{"word beside its exception", "反腐倡廉", "反腐", "反腐"},
		{"nothing", "示例科技官网", "", ""},
		{"empty text", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := d.Find(tt.text)
			if tt.word == "" {
				assert.False(t, ok, "found %+v", m)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.word, m.Word)
			assert.Equal(t, tt.source, tt.text[m.Start:m.End])
		})
	}
	assert.Equal(t, 4, d.Len(), "the symbol-only and empty words are ignored, the exception not counted")
	assert.Equal(t, []string{"赌博", "六合彩", "casino", "反腐"}, d.Words())
}

func TestDictionaryFindAll(t *testing.T) {
	d := names.NewDictionary("网络赌博", "赌博", "博彩", "彩票")
	var got []string
	for _, m := range d.FindAll("网络赌博彩票") {
		got = append(got, m.Word)
	}
	assert.Equal(t, []string{"网络赌博", "彩票"}, got, "赌博 lies inside 网络赌博; 博彩 straddles 赌博 and 彩票, both meant")
	got = got[:0]
	for _, m := range d.FindAll("博彩彩票网络赌博") {
		got = append(got, m.Word)
	}
	assert.Equal(t, []string{"博彩", "彩票", "网络赌博"}, got, "every word meant, by position")
	assert.Nil(t, d.FindAll("示例"))
}

func TestDictionaryWith(t *testing.T) {
	base := names.NewDictionary("赌博")
	more := base.With("私服", "外挂")
	assert.Equal(t, 1, base.Len(), "With leaves the receiver alone")
	assert.Equal(t, 3, more.Len())
	_, ok := more.Find("传奇私服")
	assert.True(t, ok)
	_, ok = base.Find("传奇私服")
	assert.False(t, ok)
}

func TestReadDictionary(t *testing.T) {
	d, err := names.ReadDictionary(strings.NewReader("# comment\n## gambling\n赌博\n\n## other\n!特色\n色情\n"))
	require.NoError(t, err)
	m, ok := d.Find("赌博")
	require.True(t, ok)
	assert.Equal(t, "gambling", m.Category)
	m, ok = d.Find("色情网")
	require.True(t, ok)
	assert.Equal(t, "other", m.Category)
	_, ok = d.Find("特色情侣")
	assert.False(t, ok)

	// Sources: a "###" heading names the source of the words after it,
	// until the next heading of either kind.
	d, err = names.ReadDictionary(strings.NewReader("## a\n### list one, read 2026\n甲乙\n### list two\n丙丁\n## b\n戊己\n"))
	require.NoError(t, err)
	for w, want := range map[string]string{"甲乙": "list one, read 2026", "丙丁": "list two", "戊己": ""} {
		src, ok := d.Source(w)
		assert.True(t, ok, w)
		assert.Equal(t, want, src, w)
	}

	for _, bad := range []string{"##\n", "赌博\n★★\n", "###\n"} {
		_, err := names.ReadDictionary(strings.NewReader(bad))
		assert.Error(t, err, "%q", bad)
	}
}

func TestDefaultDictionary(t *testing.T) {
	d := names.DefaultDictionary()
	assert.Same(t, d, names.DefaultDictionary(), "built once and shared")
	assert.Greater(t, d.Len(), 60)
	for _, w := range d.Words() {
		assert.Greater(t, len([]rune(w)), 1, "single characters are not dictionary words: %s", w)
		assert.Equal(t, w, names.Normalize(w), "the data file writes words normalised")
	}
	for _, w := range []string{"赌博", "色情", "反腐", "廉政"} {
		m, ok := d.Find(w)
		require.True(t, ok, "the reference's examples are in the default dictionary: %s", w)
		assert.Equal(t, w, m.Word)
	}
}

// readCorpus reads a corpus file of testdata/names: one entry a line,
// fields separated by tabs, comments starting with #.
func readCorpus(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("testdata/corpus/" + name)
	require.NoError(t, err)
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	require.NoError(t, sc.Err())
	return out
}

// TestEvasionCorpus requires every disguised word of the corpus to be
// found, and found as what it is.
func TestEvasionCorpus(t *testing.T) {
	d := names.DefaultDictionary()
	entries := readCorpus(t, "evasion.txt")
	require.Greater(t, len(entries), 50)
	caught := 0
	for _, e := range entries {
		require.Len(t, e, 2, "%q", e)
		name, err := strconv.Unquote(e[0])
		require.NoError(t, err, e[0])
		var words []string
		for _, m := range d.FindAll(name) {
			words = append(words, m.Word)
		}
		if assert.Contains(t, words, e[1], "%s", e[0]) {
			caught++
		}
	}
	t.Logf("caught %d of %d disguised words", caught, len(entries))
}

// TestInnocentCorpus requires no ordinary name of the corpus to be
// flagged.
func TestInnocentCorpus(t *testing.T) {
	d := names.DefaultDictionary()
	entries := readCorpus(t, "innocent.txt")
	require.Greater(t, len(entries), 150)
	for _, e := range entries {
		if m, ok := d.Find(e[0]); ok {
			t.Errorf("%s: flagged for %s", e[0], m.Word)
		}
	}
	t.Logf("%d innocent names, none flagged", len(entries))
}

func ExampleDictionary_Find() {
	d := names.DefaultDictionary()
	name := "澳門賭\u200b 博資訊"
	if m, ok := d.Find(name); ok {
		fmt.Printf("%s (%s) written %q\n", m.Word, m.Category, name[m.Start:m.End])
	}
	_, ok := d.Find("特色情侣酒店")
	fmt.Println(ok)
	// Output:
	// 赌博 (gambling) written "賭\u200b 博"
	// false
}

func ExampleNormalize() {
	fmt.Println(names.Normalize("ＡＢＣ 網絡\u200b科技"))
	// Output: abc 网络科技
}

func ExampleDictionary_With() {
	// Build once, share among validators (validate.WithDictionary).
	d := names.DefaultDictionary().With("私服", "外挂")
	m, _ := d.Find("传奇私服发布站")
	fmt.Println(m.Word, d.Len() == names.DefaultDictionary().Len()+2)
	// Output: 私服 true
}

func ExampleDictionary_FindAll() {
	d := names.DefaultDictionary()
	for _, name := range []string{
		"日本色情", // 日本/色情: meant
		"紫色情怀", // 紫色/情怀: the words around take 色情's characters
		"赌1博⑥合彩",
		"赌6合彩", // 赌 started, then 6 starts 六合彩
		"onlinecasino888",
		"Casinova咖啡", // not an English compound: no word
	} {
		var words []string
		for _, m := range d.FindAll(name) {
			words = append(words, m.Word)
		}
		fmt.Println(name, words)
	}
	// Output:
	// 日本色情 [色情]
	// 紫色情怀 []
	// 赌1博⑥合彩 [赌博 六合彩]
	// 赌6合彩 [六合彩]
	// onlinecasino888 [casino]
	// Casinova咖啡 []
}
