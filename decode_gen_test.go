package beian_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
)

// sameAsReflective fails t when the generated decoder and the reflective
// one (its reference) give data different filings or errors, from memory
// or through a reader that returns a few bytes at a time.
func sameAsReflective(t testing.TB, data []byte, opts beian.DecodeOptions) {
	t.Helper()
	f, err := opts.Parse(data)
	rf, rerr := opts.ParseReflective(data)
	if fmt.Sprint(err) != fmt.Sprint(rerr) || !equalFilings(f, rf) {
		t.Fatalf("input %q, %+v\ngenerated:  %v\n%+v\nreflective: %v\n%+v", data, opts, err, f, rerr, rf)
	}
	g, gerr := opts.Decode(iotest.HalfReader(bytes.NewReader(data)))
	rg, rgerr := opts.DecodeReflective(iotest.HalfReader(bytes.NewReader(data)))
	if fmt.Sprint(gerr) != fmt.Sprint(rgerr) || !equalFilings(g, rg) {
		t.Fatalf("input %q, %+v, through a reader\ngenerated:  %v\n%+v\nreflective: %v\n%+v", data, opts, gerr, g, rgerr, rg)
	}
}

// equalFilings is reflect.DeepEqual, which tells a nil slice from an
// empty one, as the decoders do.
func equalFilings(a, b *beian.Filing) bool { return reflect.DeepEqual(a, b) }

// replacements are the values TestGeneratedDecoderAsReflective puts in
// place of each value of a filing: every JSON type, wire names and labels,
// dates good and bad, numbers in and out of range.
var replacements = []string{
	`null`, `true`, `false`, `0`, `-0`, `-1`, `1.5`, `1e3`, `2147483647`, `2147483648`,
	`9223372036854775807`, `9223372036854775808`, `123456789012345678`, `1234567890123456789`,
	`""`, `"x"`, `"new"`, `"enterprise"`, `"企业"`, `"uscc"`, `"news"`, `"subject_cert"`, `"app"`, `"android"`,
	`"2026-02-29"`, `"2028-02-29"`, `"2026-13-01"`, `"2026/01/01"`, `"\u0032026-01-01"`,
	`"` + strings.Repeat("长", 400) + `"`, `"\ud800"`, "\"\xff\"",
	`[]`, `[null]`, `[1, "a"]`, `["news", "other", "x"]`, `{}`, `{"name": 1}`, `{"x": 1, "x": 2}`,
}

// TestGeneratedDecoderAsReflective compares the generated decoder with the
// reflective one on the shipped filings, the sample and the hostile shapes,
// and on the sample with each of its values replaced by each of the
// replacements, each of its keys repeated or misspelt, and cut short at
// every byte.
func TestGeneratedDecoderAsReflective(t *testing.T) {
	inputs := [][]byte{[]byte(sample), []byte(`{}`), []byte(``), []byte(` `), []byte(`[]`), []byte(`null`), []byte(`{"x": 1} 2`)}
	files, err := filepath.Glob("examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		inputs = append(inputs, data)
	}
	for _, shape := range hostileShapes {
		inputs = append(inputs, shape.build(2<<10))
	}
	var tree any
	d := json.NewDecoder(strings.NewReader(sample))
	d.UseNumber()
	require.NoError(t, d.Decode(&tree))
	for n := 0; ; n++ {
		var put []any
		for _, r := range replacements {
			put = append(put, json.RawMessage(r))
		}
		variants, found := mutate(tree, n, put)
		if !found {
			break
		}
		for _, v := range variants {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			inputs = append(inputs, b)
		}
	}
	for i := range len(sample) {
		inputs = append(inputs, []byte(sample[:i]))
	}
	for _, opts := range []beian.DecodeOptions{{}, {MaxItems: 1}, {MaxBytes: 1000}} {
		for _, in := range inputs {
			sameAsReflective(t, in, opts)
		}
	}
	t.Logf("%d inputs", len(inputs))
}

// mutate returns copies of tree with its node n (counted in preorder)
// replaced by each of put, and, when the node is an object's member, with
// the member also repeated and misspelt. It reports false when tree has
// fewer nodes.
func mutate(tree any, n int, put []any) ([]any, bool) {
	var out []any
	count := 0
	var walk func(v any, set func(any) any) bool
	walk = func(v any, set func(any) any) bool {
		if count == n {
			for _, p := range put {
				out = append(out, set(p))
			}
			return true
		}
		count++
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				if count == n {
					// The member itself: repeat and misspell its key.
					out = append(out, set(rawObject(v, k, `"`+k+`": `+raw(v[k])+`, "`+k+`": `+raw(v[k]))))
					out = append(out, set(rawObject(v, k, `"`+k+`x": `+raw(v[k]))))
				}
				if count == n {
					count++
					return true
				}
				count++
				if walk(v[k], func(x any) any {
					c := make(map[string]any, len(v))
					for kk, vv := range v {
						c[kk] = vv
					}
					c[k] = x
					return set(c)
				}) {
					return true
				}
			}
		case []any:
			for i := range v {
				if walk(v[i], func(x any) any {
					c := slices.Clone(v)
					c[i] = x
					return set(c)
				}) {
					return true
				}
			}
		}
		return false
	}
	found := walk(tree, func(x any) any { return x })
	return out, found
}

// rawObject writes the object v with its member k written as member.
func rawObject(v map[string]any, k, member string) json.RawMessage {
	var b strings.Builder
	b.WriteString("{")
	keys := make([]string, 0, len(v))
	for kk := range v {
		keys = append(keys, kk)
	}
	slices.Sort(keys)
	for i, kk := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		if kk == k {
			b.WriteString(member)
		} else {
			b.WriteString(`"` + kk + `": ` + raw(v[kk]))
		}
	}
	b.WriteString("}")
	return json.RawMessage(b.String())
}

func raw(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// FuzzGeneratedAsReflective compares the generated decoder with the
// reflective one on random inputs, with a random limit of list items.
func FuzzGeneratedAsReflective(f *testing.F) {
	f.Add([]byte(sample), uint8(0))
	f.Add([]byte(`{"websites": [{"principal": null, "domains": ["a.cn"]}], "documents": []}`), uint8(1))
	f.Add([]byte(`{"submitted_at": "2026-02-29", "subject": {"nature": "企业"}}`), uint8(0))
	f.Add([]byte(`{"subject": {"name": "a\ud800\ud83d\ude00\u00e9"}, "province": "44", "province": 1}`), uint8(0))
	f.Add([]byte("{\"subject\": {\"name\": \"\xff\"}, \"x\": [[{\"y\": -1.5e3}]], \"websites\": [1, {}]}"), uint8(2))
	f.Add([]byte("{\n\t\"documents\": [{\"width\": 99999999999999999999, \"height\": -0, \"size_bytes\": 2147483648}]\n} {"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, items uint8) {
		sameAsReflective(t, data, beian.DecodeOptions{MaxBytes: -1, MaxItems: int(items)})
	})
}
