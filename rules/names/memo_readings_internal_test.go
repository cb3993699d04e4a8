package names

import (
	"bufio"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// typings returns text typed the ways a name is read again through a
// pass's memo (the name as typed after its normal form): with zero-width
// spaces between its characters, with spaces, in traditional characters
// where the text has 国/学/乐, and with a Latin letter at its end. Each
// has the Chinese characters of text, so that a memo keeps its answers
// and readings from one to the next.
func typings(text string) []string {
	rs := []rune(text)
	var zw, sp strings.Builder
	for i, r := range rs {
		if i > 0 {
			zw.WriteString("\u200b")
			sp.WriteString(" ")
		}
		zw.WriteRune(r)
		sp.WriteRune(r)
	}
	trad := strings.NewReplacer("国", "國", "学", "學", "乐", "樂").Replace(text)
	return []string{text, zw.String(), sp.String(), trad, text + "x"}
}

// readingTexts returns names with two or more words found within one
// segmentation window (so that the readings of one window must be told
// apart by the word, not by the words around it): pairs of listed words
// end to end and with one to three characters between, each pair also
// straddled (紫色情怀 beside a word); the innocent-straddle names of the
// corpus; and the names of the evasion corpus.
func readingTexts(t *testing.T) []string {
	t.Helper()
	listed := hanListed()
	between := []string{"", "网", "示例", "在线网"}
	straddles := []string{"紫色情怀", "恒博彩钢", "反腐蚀", "景色情调", "赌博物馆", "中国"}
	var texts []string
	for k := range listed {
		a := listed[k].word
		b := listed[(k*131+17)%len(listed)].word
		for _, m := range between {
			texts = append(texts, a+m+b)
		}
		s := straddles[k%len(straddles)]
		texts = append(texts, s+a, a+s, "中国"+a+"资讯网")
	}
	for _, name := range []string{"innocent.txt", "evasion.txt"} {
		f, err := os.Open("testdata/corpus/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			field, _, _ := strings.Cut(line, "\t")
			if u, err := strconv.Unquote(field); err == nil {
				field = u
			}
			texts = append(texts, field)
		}
		f.Close()
	}
	return texts
}

// TestMemoReadingsAsAlone: a memo keeps the readings of the last words it
// segmented (straddle), and gives one again for the same word of the same
// dictionary, in the same characters, with the same words found around
// it. Every text of readingTexts, typed every way (typings) one after the
// other through one memo, read by every dictionary of memoDictionaries in
// turn, gets what each dictionary says of it alone; and the readings are
// given again (the test would show nothing otherwise).
func TestMemoReadingsAsAlone(t *testing.T) {
	// Two dictionaries of the same words, one with exceptions: the same
	// word at the same place reads otherwise in each.
	dicts := append(memoDictionaries(), NewDictionary("色情", "赌博", "博彩", "援交"), NewDictionary("色情", "赌博", "博彩", "援交", "!紫色", "!博彩票", "!应援"))
	texts := readingTexts(t)
	if len(texts) < 1000 {
		t.Fatalf("only %d texts", len(texts))
	}
	var m Memo
	cases, reused := 0, 0
	for _, text := range texts {
		forms := typings(text)
		want := make([][]findings, len(forms))
		for f, form := range forms {
			p := Prepare(form)
			for _, d := range dicts {
				want[f] = append(want[f], unshared(d, &p))
			}
		}
		for f, form := range forms {
			p := Prepare(form)
			for k, d := range dicts {
				before := m.nread
				got := shared(&m, d, &p)
				if f > 0 && m.nread == before && len(want[f][k].every) > 0 {
					reused++
				}
				cases++
				if !reflect.DeepEqual(got, want[f][k]) {
					t.Errorf("%q typed %q, dictionary %d, through the memo of its other typings: %+v, alone %+v", text, form, k, got, want[f][k])
				}
			}
		}
	}
	// The same characters typed so that a word found in one typing is not
	// found in the other (too many letters inserted between its
	// characters): the words found around a word are part of its reading.
	// 情柳 found takes 色情's characters; unfound, 色情 reads 紫色/情.
	d := NewDictionary("色情", "情柳")
	for _, pair := range [][2]string{{"紫色情柳", "紫色情abcdefgh柳"}, {"紫色情abcdefgh柳", "紫色情柳"}} {
		var m Memo
		for _, form := range pair {
			p := Prepare(form)
			if got, want := shared(&m, d, &p), unshared(d, &p); !reflect.DeepEqual(got, want) {
				t.Errorf("%q after %q through one memo: %+v, alone %+v", form, pair[0], got, want)
			}
		}
	}
	if a, b := d.FindEvery("紫色情柳"), d.FindEvery("紫色情abcdefgh柳"); len(b) != 1 || b[0].Word != "色情" || reflect.DeepEqual(a, b) {
		t.Errorf("紫色情柳 (%+v) and its typing with letters inserted (%+v) do not read 色情 otherwise: the case shows nothing", a, b)
	}
	t.Logf("%d texts, %d finds, %d given again from the memo's readings", len(texts), cases, reused)
	if reused < len(texts) {
		t.Errorf("only %d finds given again from the memo's readings: the test shows little", reused)
	}
}
