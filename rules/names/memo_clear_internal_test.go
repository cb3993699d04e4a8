package names

import (
	"reflect"
	"slices"
	"testing"
)

// TestMemoClearAsZero: Clear makes the zero Memo of a memo that read one
// name of the corpora with every dictionary, and of one that read every
// name before it too (holding answers past its current name's characters,
// and readings bind no longer counts); the memo cleared then reads the
// next name as a new one does.
func TestMemoClearAsZero(t *testing.T) {
	dicts := memoDictionaries()
	var carried Memo // kept from one text to the next
	stale, kept := 0, 0
	for _, text := range memoTexts(t) {
		p := Prepare(text)
		var alone Memo
		for _, d := range dicts {
			alone.FindEvery(d, &p)
			carried.FindEvery(d, &p)
		}
		if carried.maxN > carried.n {
			stale++
		}
		if carried.kept > carried.nread {
			kept++
		}
		for _, m := range []Memo{alone, carried} {
			m.Clear()
			if !reflect.DeepEqual(m, Memo{}) {
				t.Fatalf("%q: Clear left %+v", text, m)
			}
		}
	}
	if stale == 0 || kept == 0 {
		t.Errorf("no memo held answers past its name (%d) or readings it no longer counts (%d): the test shows nothing", stale, kept)
	}
}

// TestMemoFieldsCleared: Clear knows every field of a Memo; a new one
// must be cleared by it (and added here).
func TestMemoFieldsCleared(t *testing.T) {
	var got []string
	for f := range reflect.TypeFor[Memo]().Fields() {
		got = append(got, f.Name)
	}
	if want := []string{"n", "stream", "at", "nread", "readings", "maxN", "kept"}; !slices.Equal(got, want) {
		t.Errorf("Memo's fields are %v, Clear clears %v", got, want)
	}
}
