package names_test

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/icpcheck/beian/rules/names"
)

// hostileShapes are the input classes of issue 9's benchmarks, each a
// function of the size in bytes: plain text, combining marks,
// compatibility characters that decompose far (U+FDFA, U+337F), and many
// hits of one word, Chinese or Latin.
var hostileShapes = []struct {
	name string
	unit string
}{
	{"plain", "示例网络科技"},
	{"combining", "a\u0301"},
	{"FDFA", "\uFDFA"},
	{"337F", "\u337F"},
	{"hits-han", "赌博"},
	{"hits-han-disguised", "赌1博"},
	{"hits-latin", "casino "},
	{"hits-latin-glued", "onlinecasino"},
	{"hits-straddling", "紫色情怀"},
	{"hits-pinyin-mixed", "du博"},
	{"hits-pinyin-whole", "liuhecai "},
	{"pinyin-near-misses", "duodubo"},
}

func hostileText(unit string, size int) string {
	return strings.Repeat(unit, max(1, size/len(unit)))
}

// BenchmarkHostile runs Normalize and FindAll over each shape at 1 KB,
// 10 KB and 100 KB: the time per byte must stay flat (linear growth).
func BenchmarkHostile(b *testing.B) {
	d := names.DefaultDictionary()
	for _, shape := range hostileShapes {
		for _, size := range []int{1 << 10, 10 << 10, 100 << 10} {
			text := hostileText(shape.unit, size)
			b.Run(shape.name+"/"+strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					d.FindAll(names.Normalize(text))
				}
			})
		}
	}
}

// BenchmarkFindHit is the cost of a name with one word found, against a
// clean name of the same length: the difference is the segmentation's
// cost per hit.
func BenchmarkFindHit(b *testing.B) {
	d := names.DefaultDictionary()
	for _, x := range []struct{ name, text string }{
		{"clean", "深圳市示例网络科技有限公司官方网站"},
		{"hit-meant", "深圳市示例网络赌博有限公司官方网站"},
		{"hit-straddling", "深圳市示例紫色情怀有限公司官方网站"},
		{"hit-latin-glued", "深圳市示例onlinecasino官方网站"},
	} {
		b.Run(x.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Find(x.text)
			}
		})
	}
}

// TestManyHitsLinear checks that the work on many hits of one word grows
// linearly: the memory FindAll allocates per word found stays about the
// same from n to 10n hits (a quadratic resolution would show in time too;
// BenchmarkHostile measures that). A word written in pinyin (du博) is
// decided on the characters around each hit, not on the whole text.
func TestManyHitsLinear(t *testing.T) {
	d := names.DefaultDictionary()
	for _, c := range []struct {
		unit string
		n    int
	}{{"赌博", 10000}, {"du博 ", 2000}} {
		var perHit []float64
		for _, n := range []int{c.n, 10 * c.n} {
			text := strings.Repeat(c.unit, n)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got := len(d.FindAll(text))
			runtime.ReadMemStats(&after)
			if got != n {
				t.Fatalf("%d hits of %q: found %d", n, c.unit, got)
			}
			perHit = append(perHit, float64(after.TotalAlloc-before.TotalAlloc)/float64(n))
		}
		if perHit[1] > 1.5*perHit[0] {
			t.Errorf("%q: bytes allocated per hit grow with the hits: %v", c.unit, perHit)
		}
	}
}

// TestConcurrentFind shares one dictionary among goroutines (the lexicon's
// index and the dictionary's pinyin index are built by the first of
// them); run with -race.
func TestConcurrentFind(t *testing.T) {
	d := names.DefaultDictionary().With("私服")
	want := len(d.FindAll("日本色情紫色情怀赌1博onlinecasino传奇私服 du博"))
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 50 {
				n = len(d.FindAll("日本色情紫色情怀赌1博onlinecasino传奇私服 du博"))
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n != want {
			t.Errorf("a goroutine found %d words, want %d", n, want)
		}
	}
	if want != 5 {
		t.Errorf("found %d words, want 色情, 赌博, casino, 私服 and 赌博 in pinyin (du博)", want)
	}
}
