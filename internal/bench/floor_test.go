package bench_test

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/bench"
)

// reflectRunes counts the characters of every string reachable from v.
func reflectRunes(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		return utf8.RuneCountInString(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return reflectRunes(v.Elem())
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += reflectRunes(v.Field(i))
		}
		return n
	case reflect.Slice, reflect.Array:
		n := 0
		for i := range v.Len() {
			n += reflectRunes(v.Index(i))
		}
		return n
	}
	return 0
}

// TestFloorReadsEveryString: the floor benchmark reads every string of a
// filing (a field added to the model and not to Floor fails here).
func TestFloorReadsEveryString(t *testing.T) {
	for _, name := range []string{"clean_enterprise.json", "rejected_enterprise.json", "personal_site.json"} {
		f := load(t, name)
		for _, n := range []int{1, 3} {
			g := withWebsites(f, n)
			if got, want := bench.Floor(g), reflectRunes(reflect.ValueOf(g)); got != want || want == 0 {
				t.Errorf("%s, %d websites: Floor read %d characters, the filing has %d", name, n, got, want)
			}
		}
	}
}
