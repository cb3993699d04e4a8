package docs_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/docs"
	"github.com/icpcheck/beian/internal/schemagen"
	"github.com/icpcheck/beian/rules"
)

// TestGeneratedCurrent: the schemas and openapi.yaml are what go generate
// ./docs writes from the Go types now.
func TestGeneratedCurrent(t *testing.T) {
	tmpl, err := os.ReadFile("openapi.in.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files, err := schemagen.Files(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("docs/%s is not current: run go generate ./docs", name)
		}
	}
	embedded, err := fs.ReadFile(docs.Schemas, "filing.schema.json")
	if err != nil || !bytes.Equal(embedded, files["schema/filing.schema.json"]) {
		t.Errorf("docs.Schemas does not hold the filing schema: %v", err)
	}
	if !bytes.Equal(docs.OpenAPI, files["openapi.yaml"]) {
		t.Error("docs.OpenAPI is not openapi.yaml")
	}
}

// compile compiles one of the schemas, with format assertions on (the
// dates are checked by "format": "date" and "date-time").
func compile(t testing.TB, name string) *jsonschema.Schema {
	t.Helper()
	data, err := fs.ReadFile(docs.Schemas, name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := schemagen.BaseURI + name
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// excluded says why an input is left out of the agreement between the
// schema and the decoder, or "" when it is in. The rules, which the filing
// schema's description states as the decoder's limits a schema cannot
// express:
//
//  1. not JSON (json.Valid): the schema speaks of JSON values;
//  2. over 4 MiB (beian.DefaultMaxBytes);
//  3. a member name given twice in one object;
//  4. a number written with a fraction or an exponent, anywhere (the
//     decoder takes an integer field's number as written: 1, not 1.0);
//  5. a string longer than 1024 bytes, anywhere (the decoder reads no
//     longer enumeration name or date).
func excluded(data []byte) string {
	if !json.Valid(data) {
		return "not JSON"
	}
	if len(data) > beian.DefaultMaxBytes {
		return "over 4 MiB"
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next string is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return "not JSON"
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		isKey := top != nil && top.object && top.key
		if top != nil && top.object {
			top.key = !top.key
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				stack = append(stack, &frame{object: true, keys: map[string]bool{}, key: true})
			case '[':
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
			}
		case string:
			if isKey {
				if top.keys[v] {
					return "a member given twice"
				}
				top.keys[v] = true
			}
			if len(v) > 1024 {
				return "a string over 1024 bytes"
			}
		case json.Number:
			if strings.ContainsAny(string(v), ".eE") {
				return "a number with a fraction or exponent"
			}
		}
	}
}

// agree checks one input: the decoder accepts it exactly when the schema
// does. It reports whether the input was in the agreement (not excluded).
func agree(t testing.TB, s *jsonschema.Schema, name string, data []byte) bool {
	t.Helper()
	if excluded(data) != "" {
		return false
	}
	_, derr := beian.ParseFiling(data)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	serr := s.Validate(inst)
	if (derr == nil) != (serr == nil) {
		t.Errorf("%s: decoder says %v, schema says %v\n%s", name, derr, serr, cut(data))
	}
	return true
}

func cut(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

func exampleFilings(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example filings: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = data
	}
	return out
}

// TestFilingSchemaAgreesWithDecoder: over every example filing and a
// corpus of mutations of them, the schema accepts exactly what
// beian.ParseFiling accepts (less the inputs the rules of excluded leave
// out).
func TestFilingSchemaAgreesWithDecoder(t *testing.T) {
	s := compile(t, "filing.schema.json")
	examples := exampleFilings(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range examples {
			if !yield(n) {
				return
			}
		}
	})
	accepted := 0
	for _, n := range names {
		if !agree(t, s, n, examples[n]) {
			t.Errorf("%s is excluded: %s", n, excluded(examples[n]))
		}
		if _, err := beian.ParseFiling(examples[n]); err == nil {
			accepted++
		}
	}
	if accepted < 30 {
		t.Errorf("only %d example filings decode", accepted)
	}
	perFiling := 150
	if testing.Short() {
		perFiling = 20
	}
	if os.Getenv("BEIAN_EXHAUSTIVE") != "" {
		perFiling = 3000
	}
	var in, ok, refused int
	rng := rand.New(rand.NewPCG(23, 1))
	for _, n := range names {
		var doc any
		if err := json.Unmarshal(examples[n], &doc); err != nil {
			continue
		}
		for i := range perFiling {
			data := mutate(rng, doc)
			if agree(t, s, fmt.Sprintf("%s mutation %d", n, i), data) {
				in++
				if _, err := beian.ParseFiling(data); err == nil {
					ok++
				} else {
					refused++
				}
			}
		}
	}
	t.Logf("%d mutations in the agreement: %d accepted, %d refused", in, ok, refused)
	if ok < in/10 || refused < in/10 {
		t.Errorf("the corpus is lopsided: %d accepted, %d refused", ok, refused)
	}

	// The list limit, which the schema states as maxItems.
	for _, n := range []int{beian.DefaultMaxItems, beian.DefaultMaxItems + 1} {
		list := strings.TrimSuffix(strings.Repeat(`"",`, n), ",")
		agree(t, s, fmt.Sprintf("%d content categories", n), []byte(`{"websites":[{"content_categories":[`+list+`]}]}`))
	}
}

// mutate returns a copy of doc, changed in one to three places, as JSON.
func mutate(rng *rand.Rand, doc any) []byte {
	c := clone(doc)
	for range 1 + rng.IntN(3) {
		c = mutateAt(rng, c, 0)
	}
	data, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return data
}

func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = clone(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = clone(e)
		}
		return s
	}
	return v
}

// replacements are values put in place of others: every JSON type, the
// spellings enumerations and dates take and some they do not.
var replacements = []any{
	nil, true, false, 0.0, 7.0, -1.0, 2147483648.0, "", " ", "x",
	"enterprise", "ENTERPRISE", " Enterprise ", "企业", "company", "enterprize", "personal", "个人",
	"uscc", "USCC", "id_card", "身份证", "ﬃ",
	"new", "NEW", "首次备案", "change", "news", "新闻", "android", "Android", "wechat", "app", "mini_program",
	"2026-11-20", "2026-02-30", "2026-13-01", "2026-1-02", "2026-11-20T10:00:00Z", "2026-11-20T10:00:00+08:00",
	"2026-11-20T25:00:00Z", "20261120", "2026/11/20", "2026-11-20 10:00:00",
	"2026-11-20t10:00:00z", "2026-11-20T10:00:60Z", "2026-12-31T23:59:60Z", "2026-11-20T10:00:00.5Z", "2026-11-20T10:00:00,5Z",
	"2026-11-20T10:00:00+24:00", "2026-11-20T10:00Z", "0000-01-01", "2024-02-29", "2023-02-29", "２０２６-11-20",
	"\u212a", "ſ", "INDIVIDUAL", "Personal\u0085", "\u00a0enterprise", "\u200benterprise",
	map[string]any{}, []any{}, []any{"x"}, []any{nil}, map[string]any{"unknown": 1.0},
}

func mutateAt(rng *rand.Rand, v any, depth int) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 || rng.IntN(6) == 0 {
			switch rng.IntN(3) {
			case 0:
				x["unknown_field"] = "x"
			case 1:
				for k := range x {
					delete(x, k)
					break
				}
			default:
				return pick(rng)
			}
			return x
		}
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range x {
				if !yield(k) {
					return
				}
			}
		})
		k := keys[rng.IntN(len(keys))]
		x[k] = mutateAt(rng, x[k], depth+1)
		return x
	case []any:
		if len(x) == 0 || rng.IntN(5) == 0 {
			switch rng.IntN(3) {
			case 0:
				return append(x, pick(rng))
			case 1:
				if len(x) > 0 {
					return x[:len(x)-1]
				}
			}
			return pick(rng)
		}
		i := rng.IntN(len(x))
		x[i] = mutateAt(rng, x[i], depth+1)
		return x
	}
	if s, ok := v.(string); ok && rng.IntN(3) == 0 {
		switch rng.IntN(3) {
		case 0:
			return strings.ToUpper(s)
		case 1:
			return " " + s + "\u3000"
		default:
			return s + "x"
		}
	}
	return pick(rng)
}

func pick(rng *rand.Rand) any { return clone(replacements[rng.IntN(len(replacements))]) }

// FuzzFilingSchema: for any input, the decoder and the schema agree (less
// the inputs the rules of excluded leave out).
func FuzzFilingSchema(f *testing.F) {
	for _, data := range exampleFilings(f) {
		f.Add(data)
	}
	f.Add([]byte(`{"subject":{"nature":" ENTERPRISE "}}`))
	f.Add([]byte(`{"submitted_at":"2026-02-29"}`))
	s := compile(f, "filing.schema.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, s, "input", data)
	})
}

// TestExcluded: the rules that leave inputs out of the agreement.
func TestExcluded(t *testing.T) {
	for _, tt := range []struct {
		in, why string
	}{
		{`{"province":"44"}`, ""},
		{`{"province":"44"`, "not JSON"},
		{`{"province":"44","province":"11"}`, "a member given twice"},
		{`{"subject":{"name":"a"},"websites":[{"name":"a"}],"x":{"name":1}}`, ""},
		{`{"x":1.0}`, "a number with a fraction or exponent"},
		{`{"x":1e3}`, "a number with a fraction or exponent"},
		{`{"x":"` + strings.Repeat("a", 1025) + `"}`, "a string over 1024 bytes"},
	} {
		if got := excluded([]byte(tt.in)); got != tt.why {
			t.Errorf("excluded(%.40s) = %q, want %q", tt.in, got, tt.why)
		}
	}
}

// TestReportSchema: every example filing's report, in both languages,
// validates against report.schema.json; a report without "ok" or with a
// code that is not one in form does not. The schema is open where a minor
// release may add (RELEASING.md): a member it does not name and a code of
// the right form it does not list pass, and it lists every code of this
// version.
func TestReportSchema(t *testing.T) {
	s := compile(t, "report.schema.json")
	n := 0
	for name, data := range exampleReports(t) {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		n++
	}
	if n < 60 {
		t.Errorf("only %d reports", n)
	}
	for _, bad := range []string{
		`{"complete":true,"rejections":[],"skipped":[]}`,
		`{"ok":false,"complete":true,"rejections":[{"code":"not a code","severity":"error","field":"","message":"","remedy":"","doc":"docs/codes/X.md"}],"skipped":[]}`,
		`{"ok":false,"complete":true,"rejections":[{"code":7,"severity":"error","field":"","message":"","remedy":"","doc":"docs/codes/X.md"}],"skipped":[]}`,
		`{"ok":true,"complete":true,"rejections":[],"skipped":["lower_case"]}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if s.Validate(inst) == nil {
			t.Errorf("the schema takes %s", bad)
		}
	}
	for _, later := range []string{
		`{"ok":true,"complete":true,"rejections":[],"skipped":[],"added_later":1}`,
		`{"ok":false,"complete":true,"rejections":[{"code":"A_CODE_ADDED_LATER","severity":"error","field":"","message":"","remedy":"","doc":"docs/codes/A_CODE_ADDED_LATER.md","added_later":{}}],"skipped":["A_CODE_ADDED_LATER"]}`,
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(later))
		if err := s.Validate(inst); err != nil {
			t.Errorf("the schema refuses what a later minor release may send, %s: %v", later, err)
		}
	}

	var doc struct {
		Properties struct {
			Skipped struct {
				Items struct {
					Examples []string `json:"examples"`
				} `json:"items"`
			} `json:"skipped"`
		} `json:"properties"`
	}
	raw, err := os.ReadFile("schema/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range rules.Codes() {
		want = append(want, string(c))
	}
	if got := doc.Properties.Skipped.Items.Examples; !slices.Equal(got, want) {
		t.Errorf("the schema lists the codes %v, rules.Codes() is %v", got, want)
	}
}

// TestRecordsSchema: the records files of the repository validate; the
// reader and the schema agree on a few broken ones.
func TestRecordsSchema(t *testing.T) {
	s := compile(t, "records.schema.json")
	files, _ := filepath.Glob("../examples/icpcheck/testdata/*/records.json")
	files = append(files, "../examples/httpservice/records.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{`{"subjects":[{"name":"a","cert_type":"uscc","cert_number":"1"}]}`, true},
		{`{"subjects":null}`, true},
		{`{"subjects":[{"name":"a","cert_type":"licence"}]}`, false},
		{`{"subjects":[{"name":"a"}]}`, false},
		{`{"subjects":[],"more":1}`, false},
	} {
		inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(tt.in))
		if got := s.Validate(inst) == nil; got != tt.ok {
			t.Errorf("%s: schema says %v, want %v", tt.in, got, tt.ok)
		}
		_, rerr := readRecords(tt.in)
		if got := rerr == nil; got != tt.ok {
			t.Errorf("%s: records.Read says %v, want %v", tt.in, rerr, tt.ok)
		}
	}
}

// TestDatePatternAgreesWithParseDate: the schema's pattern for dates takes
// exactly what beian.ParseDate takes, over combinations of the parts of a
// day and a time, valid and not.
func TestDatePatternAgreesWithParseDate(t *testing.T) {
	s := compile(t, "filing.schema.json")
	days := []string{"2026-11-20", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0000-02-29", "2026-04-31",
		"2026-12-31", "2026-13-01", "2026-00-10", "2026-1-20", "2026-11-2", "20261120", "99999-01-01", "2026-11-20 ", "",
		"长期", "长期有效", "长期 ", "长", "长期长期", "永久",
		"2026/11/20", "2026/1/2", "2024/2/29", "2023/2/29", "2026/4/31", "2026/04/30", "2026.11.20", "2026.1.02",
		"2026年11月20日", "2026年1月2", "2026年2月29日", "2024年2月29日", "2026年11月20日日", "2026年11-20", "2026/11-20",
		"２０２６／１１／２０", "２０２６年１１月２０日", "２０２６－１１－２０", "2026－11-20", "20261120", "20240229", "20230229",
		"2026112", "202611200", "2026-013-01", "2026/001/01", "\u30002026-11-20", "20/11/2026", "11/20/2026", "26-11-20"}
	times := []string{"", "T10:00:00Z", "t10:00:00z", "T1:00:00Z", "T24:00:00Z", "T23:59:60Z", "T10:0:00Z", "T10:00:00.5Z",
		"T10:00:00,5Z", "T10:00:00.Z", "T10:00:00+08:00", "T10:00:00+24:60", "T10:00:00+25:00", "T10:00:00+08:61",
		"T10:00:00+24:00", "T10:00:00+23:59", "T10:00:00+14:60", "T10:00:00-24:00", "T23:59:60+08:00", "T10:00:61Z", " 23:59:60z",
		"T10:00:00+0800", "T10:00:00", " 10:00:00Z", "T10:00:00-00:00",
		" 10:00", " 9:05", "T10:00", " 10:00:00", " 10:00:00.123", " 10:00:00.", "\u300010:00", "  10:00", " 24:00", " 10:60",
		" 10:00:60", " 10：00", " １０：００", "10:00", " 10", " 10:0", " 10:00:00,5"}
	n := 0
	for _, d := range days {
		for _, tm := range times {
			v := d + tm
			_, perr := beian.ParseDate(v)
			data, _ := json.Marshal(map[string]string{"submitted_at": v})
			inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			serr := s.Validate(inst)
			if (perr == nil) != (serr == nil) {
				t.Errorf("%q: ParseDate says %v, the schema %v", v, perr, serr)
			}
			n++
		}
	}
	if n != len(days)*len(times) {
		t.Fatal("not every combination was tried")
	}
}

// TestEnumPatternsAgreeWithDecoder: for every spelling of every value of
// every enumeration (the decoder's own tables, through beian.Spellings),
// in several cases and between several kinds of space, and for near
// misses, the schema accepts exactly what the decoder accepts.
func TestEnumPatternsAgreeWithDecoder(t *testing.T) {
	s := compile(t, "filing.schema.json")
	type enum struct {
		wrap      string // the filing, %s the value as JSON
		spellings []string
	}
	all := func(vs ...[]string) []string { return slices.Concat(vs...) }
	spell := func(get func() [][]string) []string { return all(get()...) }
	enums := []enum{
		{`{"filing_type":%s}`, spell(func() (o [][]string) {
			for _, v := range beian.FilingTypes() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
		{`{"subject":{"nature":%s}}`, spell(func() (o [][]string) {
			for _, v := range beian.Natures() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
		{`{"subject":{"principal":{"cert_type":%s}}}`, spell(func() (o [][]string) {
			for _, v := range beian.CertTypes() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
		{`{"websites":[{"content_categories":[%s]}]}`, spell(func() (o [][]string) {
			for _, v := range beian.ContentCategories() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
		{`{"documents":[{"kind":%s}]}`, spell(func() (o [][]string) {
			for _, v := range beian.DocumentKinds() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
		{`{"apps":[{"type":%s}]}`, spell(func() (o [][]string) {
			for _, v := range beian.AppTypes() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
		{`{"apps":[{"platforms":[{"platform":%s}]}]}`, spell(func() (o [][]string) {
			for _, v := range beian.Platforms() {
				o = append(o, beian.Spellings(v))
			}
			return
		})},
	}
	variants := func(sp string) []string {
		return []string{sp, strings.ToUpper(sp), strings.ToLower(sp), " " + sp, sp + "\t", "\u3000" + sp + "\u0085",
			"\u200b" + sp, sp + "x", "x" + sp, strings.ReplaceAll(sp, "k", "\u212a"), strings.ReplaceAll(sp, "s", "\u017f"),
			strings.ReplaceAll(sp, "_", " "), strings.ReplaceAll(sp, " ", "_")}
	}
	n := 0
	for _, e := range enums {
		if len(e.spellings) == 0 {
			t.Fatalf("%s: no spellings", e.wrap)
		}
		for _, sp := range append(e.spellings, "", " ", "unknown") {
			for _, v := range variants(sp) {
				q, _ := json.Marshal(v)
				data := []byte(fmt.Sprintf(e.wrap, q))
				agree(t, s, string(data), data)
				n++
			}
		}
	}
	t.Logf("%d enumeration inputs", n)
}

// FuzzFilingSchemaMutations: the agreement over mutations of the example
// filings that the fuzzer steers by the seed of the mutation (FuzzFilingSchema
// mutates bytes, which rarely keeps an input JSON).
func FuzzFilingSchemaMutations(f *testing.F) {
	examples := exampleFilings(f)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range examples {
			if !yield(n) {
				return
			}
		}
	})
	docs := make([]any, 0, len(names))
	for _, n := range names {
		var doc any
		if err := json.Unmarshal(examples[n], &doc); err == nil {
			docs = append(docs, doc)
		}
	}
	f.Add(uint64(1), uint64(0), uint8(0))
	f.Add(uint64(23), uint64(5), uint8(17))
	s := compile(f, "filing.schema.json")
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64, which uint8) {
		rng := rand.New(rand.NewPCG(seed1, seed2))
		data := mutate(rng, docs[int(which)%len(docs)])
		agree(t, s, "mutation", data)
	})
}
