package names

import (
	"strings"
	"testing"
)

// BenchmarkNewDictionaryDefault compiles the built-in list
// (ReadDictionary of data/sensitive.txt): what a program pays that reads
// a list of its own of that size, the tables NewDictionary builds with
// the automata included.
func BenchmarkNewDictionaryDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDictionary(strings.NewReader(sensitiveWords)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHomophoneQuickIndex is the cost of building the default
// dictionary's homophone quick test (homQuickIndex), once per dictionary
// at its first name with a Chinese character; the tables the
// dictionaries share are built before.
func BenchmarkHomophoneQuickIndex(b *testing.B) {
	d := DefaultDictionary().Homophones(true)
	d.homQuickIndex()
	b.ReportAllocs()
	for b.Loop() {
		d.hom = homState{}
		d.homQuickIndex()
	}
}
