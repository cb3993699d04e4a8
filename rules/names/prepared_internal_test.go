package names

import (
	"reflect"
	"strings"
	"testing"
)

// preparedTexts are texts of every reading: Chinese, ASCII, full-width,
// and the normaliser's (other scripts, compatibility characters, numeral
// symbols, invisible characters), normalised or not.
var preparedTexts = []string{
	"", "示例科技官网", "网络赌博平台", "赌 博", "赌1博", "赌6合彩", "紫色情怀", "onlinecasino", "c@sino",
	strings.Repeat("\uFDFA", 33), Normalize(strings.Repeat("\uFDFA", 33)) + "赌博",
	"Ⅵ合彩", "⑥合彩", "⑹合彩", "陆合彩", "賭博", "ｃａｓｉｎｏ", "赌\u200b博", "赌々博", "p0rn", "色x情",
	"ЅЕХ", "赌ⓑ博", "反腐蚀", "金博彩印", "中·国移动", "㍿赌博", "二○一八赌博",
}

// TestPreparedAsText checks that finding in a prepared text finds what
// finding in the text does, for the default dictionary and others, over
// the texts above and every word of the default dictionary disguised.
func TestPreparedAsText(t *testing.T) {
	def := DefaultDictionary()
	texts := append(textsOf(t, def), preparedTexts...)
	for _, d := range []*Dictionary{def, def.Allow("金博"), NewDictionary("casino", "六合彩", "!反腐蚀", "反腐")} {
		for _, text := range texts {
			p := Prepare(text)
			if p.Text() != text {
				t.Fatalf("%q: Text %q", text, p.Text())
			}
			if a, b := d.FindEvery(text), d.FindEveryIn(&p); !reflect.DeepEqual(a, b) {
				t.Errorf("%q: FindEvery %v, FindEveryIn %v", text, a, b)
			}
			if a, b := d.FindAll(text), d.FindAllIn(&p); !reflect.DeepEqual(a, b) {
				t.Errorf("%q: FindAll %v, FindAllIn %v", text, a, b)
			}
			m1, ok1 := d.Find(text)
			m2, ok2 := d.FindIn(&p)
			if m1 != m2 || ok1 != ok2 {
				t.Errorf("%q: Find %v %v, FindIn %v %v", text, m1, ok1, m2, ok2)
			}
			w1, w2 := 0, 0
			d.find(text, nil, nil, true, &w1)
			d.findPrepared(&p, nil, nil, true, &w2)
			if w1 != w2 {
				t.Errorf("%q: work %d, prepared %d", text, w1, w2)
			}
		}
	}
}

// TestPrepareAllocs checks that a text the quick path reads is prepared
// and scanned without allocating.
func TestPrepareAllocs(t *testing.T) {
	d := DefaultDictionary()
	if n := testing.AllocsPerRun(100, func() {
		p := Prepare("示例科技官网ｗｗｗ")
		d.FindEveryIn(&p)
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// FuzzPrepared checks that a prepared text finds what the text does.
func FuzzPrepared(f *testing.F) {
	for _, s := range preparedTexts {
		f.Add(s)
	}
	d := DefaultDictionary()
	f.Fuzz(func(t *testing.T, text string) {
		p := Prepare(text)
		if a, b := d.FindEvery(text), d.FindEveryIn(&p); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: FindEvery %v, FindEveryIn %v", text, a, b)
		}
	})
}

func BenchmarkPrepared(b *testing.B) {
	d := DefaultDictionary()
	hints := NewDictionary("彩票", "医疗", "新闻", "视频")
	text := Normalize(strings.Repeat("\uFDFA", 33))
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			d.FindEvery(text)
			hints.FindAll(text)
		}
	})
	b.Run("prepared", func(b *testing.B) {
		for b.Loop() {
			p := Prepare(text)
			d.FindEveryIn(&p)
			hints.FindAllIn(&p)
		}
	})
}

// TestPrepareNormalAsPrepareNormalize: PrepareNormal is Prepare of
// Normalize for every name of memoTexts (every class of the corpora),
// each also typed in traditional characters, full width, spaced and with
// invisible characters.
func TestPrepareNormalAsPrepareNormalize(t *testing.T) {
	n := 0
	for _, text := range memoTexts(t) {
		for _, s := range []string{text, " " + text + " ", text + "\u200b網", "ＡＢ" + text, strings.Join(strings.Split(text, ""), " "), text + "\xff"} {
			n++
			if got, want := PrepareNormal(s), Prepare(Normalize(s)); !reflect.DeepEqual(got, want) {
				t.Fatalf("PrepareNormal(%q) = %+v; Prepare(Normalize) %+v", s, got, want)
			}
		}
	}
	t.Logf("%d names", n)
}

func FuzzPrepareNormal(f *testing.F) {
	for _, s := range []string{"示例科技官网", "賭 博\u200b網", "ＡＢＣ", "casìno", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := PrepareNormal(s), Prepare(Normalize(s)); !reflect.DeepEqual(got, want) {
			t.Fatalf("PrepareNormal(%q) = %+v; Prepare(Normalize) %+v", s, got, want)
		}
	})
}
