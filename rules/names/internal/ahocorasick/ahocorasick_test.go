package ahocorasick

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// hit is one occurrence: the word and the index of its last rune.
type hit struct{ word, end int }

// scan returns every occurrence of a's words in text.
func scan(a *Automaton, text []rune) []hit {
	var out []hit
	s := int32(0)
	for i, r := range text {
		s = a.Next(s, r)
		w, next := a.Out(s)
		for {
			if w >= 0 {
				out = append(out, hit{int(w), i})
			}
			if next == 0 {
				break
			}
			w, next = a.Out(next)
		}
	}
	sortHits(out)
	return out
}

// naive finds the occurrences by comparing every word at every position;
// a repeated word counts under its first index.
func naive(words [][]rune, text []rune) []hit {
	var out []hit
	for i := range text {
		for w, word := range words {
			if len(word) == 0 || len(word) > i+1 || slices.IndexFunc(words[:w], func(x []rune) bool { return slices.Equal(x, word) }) >= 0 {
				continue
			}
			if slices.Equal(text[i+1-len(word):i+1], word) {
				out = append(out, hit{w, i})
			}
		}
	}
	sortHits(out)
	return out
}

func sortHits(h []hit) {
	slices.SortFunc(h, func(a, b hit) int {
		if a.end != b.end {
			return a.end - b.end
		}
		return a.word - b.word
	})
}

func runesOf(ss ...string) [][]rune {
	out := make([][]rune, len(ss))
	for i, s := range ss {
		out[i] = []rune(s)
	}
	return out
}

func TestMatches(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		text  string
		want  []hit
	}{
		{"the classic example", []string{"he", "she", "his", "hers"}, "ushers", []hit{{1, 3}, {0, 3}, {3, 5}}},
		{"Chinese words", []string{"赌博", "博彩", "六合彩"}, "赌博彩票六合彩", []hit{{0, 1}, {1, 2}, {2, 6}}},
		{"nested words", []string{"网络赌博", "赌博"}, "网络赌博网", []hit{{0, 3}, {1, 3}}},
		{"repeated word reported once, under its first index", []string{"色情", "色情"}, "色情", []hit{{0, 1}}},
		{"empty word ignored", []string{"", "ab"}, "ab", []hit{{1, 1}}},
		{"rune outside the alphabet resets", []string{"ab"}, "axb ab", []hit{{0, 5}}},
		{"overlapping occurrences", []string{"aa"}, "aaaa", []hit{{0, 1}, {0, 2}, {0, 3}}},
		{"no words", nil, "abc", nil},
		{"supplementary runes", []string{"𠀀𠀁"}, "x𠀀𠀁", []hit{{0, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Build(runesOf(tt.words...), nil)
			got := scan(a, []rune(tt.text))
			want := slices.Clone(tt.want)
			sortHits(want)
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// TestAgreesWithNaive compares the automaton with the naive matcher on
// random words and texts over a small alphabet, where words overlap a
// lot, and over a wide one, where nodes have many children.
func TestAgreesWithNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, alphabet := range []string{"ab", "abc中国", "赌博彩色情网站中国人民政府反腐廉政abcdefghijklmnopqrstuvwxyz0123456789"} {
		letters := []rune(alphabet)
		for round := 0; round < 300; round++ {
			words := make([][]rune, rng.IntN(40))
			for i := range words {
				words[i] = make([]rune, rng.IntN(5))
				for j := range words[i] {
					words[i][j] = letters[rng.IntN(len(letters))]
				}
			}
			text := make([]rune, rng.IntN(60))
			for j := range text {
				text[j] = letters[rng.IntN(len(letters))]
			}
			a := Build(words, nil)
			if got, want := scan(a, text), naive(words, text); !slices.Equal(got, want) {
				t.Fatalf("words %q, text %q: got %v, want %v", words, string(text), got, want)
			}
		}
	}
}

func FuzzAgreesWithNaive(f *testing.F) {
	f.Add("he\nshe\nhis\nhers", "ushers")
	f.Add("赌博\n博彩\n六合彩", "赌博彩票六合彩")
	f.Add("aa\na\n", "aaaa")
	f.Fuzz(func(t *testing.T, wordList, text string) {
		if !utf8.ValidString(wordList) || !utf8.ValidString(text) {
			return
		}
		words := runesOf(strings.Split(wordList, "\n")...)
		if len(words) > 64 {
			words = words[:64]
		}
		a := Build(words, nil)
		if got, want := scan(a, []rune(text)), naive(words, []rune(text)); !slices.Equal(got, want) {
			t.Fatalf("words %q, text %q: got %v, want %v", words, text, got, want)
		}
	})
}

func TestSizes(t *testing.T) {
	a := Build(runesOf("he", "she", "his", "hers"), nil)
	if a.Words() != 4 || a.States() != 10 {
		t.Errorf("%d words, %d states; want 4 and 10", a.Words(), a.States())
	}
	if a.Bytes() <= 0 {
		t.Error("Bytes is not positive")
	}
}

func ExampleAutomaton_Next() {
	words := [][]rune{[]rune("赌博"), []rune("博彩")}
	a := Build(words, nil)
	s := int32(0)
	for i, r := range []rune("赌博彩") {
		s = a.Next(s, r)
		for w, next := a.Out(s); ; w, next = a.Out(next) {
			if w >= 0 {
				fmt.Println(string(words[w]), "ends at", i)
			}
			if next == 0 {
				break
			}
		}
	}
	// Output:
	// 赌博 ends at 1
	// 博彩 ends at 2
}

func TestBuildWithFold(t *testing.T) {
	fold := func(r rune) rune {
		if r == '賭' {
			return '赌'
		}
		return r
	}
	a := Build(runesOf("赌博"), fold)
	if !a.FoldsCJK() || a.Symbol('賭') == 0 || a.Symbol('賭') != a.Symbol('赌') {
		t.Errorf("with a fold: FoldsCJK %v, Symbol(賭) %d, Symbol(赌) %d", a.FoldsCJK(), a.Symbol('賭'), a.Symbol('赌'))
	}
	if got := scan(a, []rune("賭博")); len(got) != 1 {
		t.Errorf("賭博 through the fold: %v", got)
	}
	a = Build(runesOf("赌博"), nil)
	if a.FoldsCJK() || a.Symbol('賭') != 0 {
		t.Error("without a fold, 賭 is no symbol")
	}
}
