package beian_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
)

func TestDecodeDuplicateFields(t *testing.T) {
	tests := []struct {
		input string
		path  beian.Path
	}{
		{`{"province": "99", "province": "44"}`, "province"},
		{`{"subject": {"principal": {"mobile": "1", "name": "x", "mobile": "2"}}}`, "subject.principal.mobile"},
		{`{"websites": [{}, {"name": "a", "name": "a"}]}`, "websites[1].name"},
		{`{"websites": [], "websites": []}`, "websites"},
		{`{"subject": {}, "subject": null}`, "subject"},
		{`{"documents": [{"width": 1, "\u0077idth": 2}]}`, "documents[0].width"}, // the same key escaped
	}
	for _, tt := range tests {
		t.Run(string(tt.path), func(t *testing.T) {
			f, err := beian.ParseFiling([]byte(tt.input))
			require.Error(t, err)
			assert.Nil(t, f)
			var de *beian.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.path, de.Path)
			assert.Contains(t, err.Error(), "duplicate field")
		})
	}
}

// TestDecodeKeepsInvalidText checks that invalid UTF-8 and unpaired
// surrogate escapes reach the filing unreplaced and that validation then
// reports TEXT_INVALID at their field.
func TestDecodeKeepsInvalidText(t *testing.T) {
	tests := []struct {
		name, json, want string
		invalid          bool
	}{
		{"invalid byte", "a\xffb", "a\xffb", true},
		{"truncated sequence", "示\xe4\xb8", "示\xe4\xb8", true},
		{"lone high surrogate", `a\ud800b`, "a\xed\xa0\x80b", true},
		{"lone low surrogate", `a\udc00`, "a\xed\xb0\x80", true},
		{"high surrogate before a non-surrogate escape", `\ud800\u0041`, "\xed\xa0\x80A", true},
		{"high surrogate at the end", `x\udbff`, "x\xed\xaf\xbf", true},
		{"two high surrogates", `\ud800\ud800`, "\xed\xa0\x80\xed\xa0\x80", true},
		{"surrogate pair", `\ud83d\ude00`, "😀", false},
		{"escaped Han", `\u4e2d\u6587`, "中文", false},
		{"literal U+FFFD stays", "\uFFFD", "\uFFFD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := `{"subject": {"name": "` + tt.json + `"}}`
			f, err := beian.ParseFiling([]byte(input))
			require.NoError(t, err)
			assert.Equal(t, []byte(tt.want), []byte(f.Subject.Name))

			rep := validate.New().Validate(context.Background(), f)
			invalid := false
			for _, r := range rep.ForField("subject.name") {
				if r.Code == "TEXT_INVALID" {
					invalid = true
				}
			}
			assert.Equal(t, tt.invalid, invalid, "TEXT_INVALID at subject.name")
		})
	}
}

// TestDecodeQuotesLittle checks that no error message quotes more than a
// few dozen characters of the input, however long the input's keys and
// values are.
func TestDecodeQuotesLittle(t *testing.T) {
	long := strings.Repeat("长", 100_000)
	var keys strings.Builder
	keys.WriteString("{")
	for i := range 20 {
		fmt.Fprintf(&keys, `"%d%s": 1,`, i, strings.Repeat("k", 2<<20))
	}
	keys.WriteString(`"x": 1}`)
	tests := map[string]string{
		"20 unknown 2 MB keys":       keys.String(),
		"long enum name":             `{"subject": {"nature": "` + long + `"}}`,
		"long date":                  `{"submitted_at": "` + long + `"}`,
		"long number":                `{"documents": [{"width": ` + strings.Repeat("9", 1<<20) + `}]}`,
		"long number for text":       `{"province": ` + strings.Repeat("1", 1<<20) + `}`,
		"long key with a dot":        `{"a.` + long + `": 1}`,
		"long top-level value":       strings.Repeat("7", 1<<20),
		"syntax after a long string": `{"subject": {"name": "` + long + `" "x"}}`,
	}
	for name, input := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := beian.DecodeOptions{MaxBytes: -1}.Parse([]byte(input))
			require.Error(t, err)
			msg := err.Error()
			// 21 errors at most, each a prefix, a path and a short message.
			assert.Less(t, len(msg), 21*200, msg[:min(len(msg), 400)])
			for _, line := range strings.Split(msg, "\n") {
				assert.Less(t, len([]rune(line)), 200, line[:min(len(line), 400)])
			}
		})
	}
}

func TestDecodeSizeLimit(t *testing.T) {
	pad := func(n int) []byte { // a valid filing of exactly n bytes
		b := []byte(`{"province": "44"}`)
		return append(b, bytes.Repeat([]byte(" "), n-len(b))...)
	}
	tests := []struct {
		name  string
		opts  beian.DecodeOptions
		size  int
		large bool
	}{
		{"default, at the limit", beian.DecodeOptions{}, beian.DefaultMaxBytes, false},
		{"default, one byte over", beian.DecodeOptions{}, beian.DefaultMaxBytes + 1, true},
		{"small limit, at it", beian.DecodeOptions{MaxBytes: 100}, 100, false},
		{"small limit, over", beian.DecodeOptions{MaxBytes: 100}, 101, true},
		{"no limit", beian.DecodeOptions{MaxBytes: -1}, 2 * beian.DefaultMaxBytes, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := pad(tt.size)
			r := &countingReader{r: bytes.NewReader(data)}
			f, err := tt.opts.Decode(r)
			g, perr := tt.opts.Parse(data)
			if !tt.large {
				require.NoError(t, err)
				require.NoError(t, perr)
				assert.Equal(t, "44", f.Province)
				assert.Equal(t, f, g)
				return
			}
			assert.Nil(t, f)
			assert.Nil(t, g)
			for _, err := range []error{err, perr} {
				assert.ErrorIs(t, err, beian.ErrTooLarge)
				var de *beian.DecodeError
				assert.ErrorAs(t, err, &de)
			}
			limit := tt.opts.MaxBytes
			if limit == 0 {
				limit = beian.DefaultMaxBytes
			}
			assert.LessOrEqual(t, r.n, limit+1, "read past the limit")
		})
	}
}

// TestDecodeStopsReadingAtTheLimit feeds an endless reader.
func TestDecodeStopsReadingAtTheLimit(t *testing.T) {
	r := &countingReader{r: endless{}}
	_, err := beian.DecodeOptions{MaxBytes: 1 << 20}.Decode(io.MultiReader(strings.NewReader(`{"subject": {"name": "`), r))
	assert.ErrorIs(t, err, beian.ErrTooLarge)
	assert.LessOrEqual(t, r.n, int64(1<<20+1))
}

func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := beian.DecodeFiling(io.MultiReader(strings.NewReader(`{"province": "4`), iotest.ErrReader(boom)))
	assert.ErrorIs(t, err, boom)
	var de *beian.DecodeError
	assert.False(t, errors.As(err, &de), "a reader's failure is no decoding error")
	assert.Contains(t, err.Error(), "beian: reading filing: ")

	_, err = beian.DecodeFiling(iotest.ErrReader(nil)) // (0, nil) for ever
	assert.ErrorIs(t, err, io.ErrNoProgress)
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// decodeAll decodes input from memory and through readers that return
// few bytes at a time, and checks that all agree, errors included.
func decodeAll(t testing.TB, input []byte) (*beian.Filing, error) {
	t.Helper()
	opts := beian.DecodeOptions{MaxBytes: -1, MaxItems: -1}
	f, err := opts.Parse(input)
	for _, r := range []io.Reader{
		iotest.OneByteReader(bytes.NewReader(input)),
		iotest.HalfReader(bytes.NewReader(input)),
		iotest.DataErrReader(bytes.NewReader(input)),
		bytes.NewReader(input),
	} {
		g, gerr := opts.Decode(r)
		if fmt.Sprint(err) != fmt.Sprint(gerr) {
			t.Fatalf("Parse says %v, Decode through %T says %v", err, r, gerr)
		}
		if !assert.ObjectsAreEqual(f, g) {
			t.Fatalf("Parse and Decode through %T differ:\n%+v\n%+v", r, f, g)
		}
	}
	return f, err
}

func TestDecodeFromReadersAgrees(t *testing.T) {
	inputs := []string{
		sample,
		`{"province" "44"}`,
		`{} {}`,
		"{\n  \"a\": 1,\n  \"b\" 2}",
		`{"subject": {"name": "a\ud800\ud83d\ude00"}}`,
		`{"websites": [1, "x", {}, {"name": 5}]}`,
		"{\"subject\": {\"name\": \"示\xff\"}}",
		`{"a": [[[[1, 2, {"b": [true, false, null, -1.5e+3]}]]]]}`,
		`nul`,
		`{"a": "\u12"}`,
	}
	for _, in := range inputs {
		decodeAll(t, []byte(in))
	}
	// A syntax error after more than one window, on a long line and on a
	// later line, reported at the same line and column.
	long := `{"subject": {"name": "` + strings.Repeat("示例", 40_000) + `", "cert_address": "a" "b"}}`
	_, err := decodeAll(t, []byte(long))
	assert.ErrorContains(t, err, fmt.Sprintf("line 1, column %d", utf8.RuneCountInString(long[:strings.LastIndex(long, `"b"`)])+1))
	multi := strings.Repeat("\n", 50_000) + `{"province": 4 4}`
	_, err = decodeAll(t, []byte(multi))
	assert.ErrorContains(t, err, "line 50001, column 16")
}

func TestDecodeNesting(t *testing.T) {
	deep := func(n int) string {
		return `{"x": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
	}
	_, err := beian.ParseFiling([]byte(deep(10_000)))
	var de *beian.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, beian.Path("x"), de.Path, "unknown field, nesting allowed")
	for _, n := range []int{10_002, 20_000, 1_000_000} {
		_, err = beian.ParseFiling([]byte(deep(n)))
		assert.ErrorContains(t, err, "exceeded max depth", n)
	}
}

// A hostile shape builds an input of about n bytes.
type hostileShape struct {
	name  string
	build func(n int) []byte
	ok    bool // decodes without error (when MaxItems allows)
	// perByte bounds the bytes decoding allocates per input byte. A string
	// is copied once from a buffer that grew by doubling (at most 5). A
	// list of structs costs its elements' size, doubled while it grows:
	// "{"name": 1}," is 12 bytes of JSON and 120 of Website, 480 with the
	// doublings; MaxItems bounds how far that goes.
	perByte float64
}

const (
	stringCost = 6
	listCost   = 48
)

var hostileShapes = []hostileShape{
	{"many websites", func(n int) []byte {
		site := `{"name": "示例科技官网", "domains": ["shilikeji.cn"], "content_categories": ["news"], "principal_same_as_subject": true},`
		var b strings.Builder
		b.WriteString(`{"websites": [`)
		for b.Len() < n {
			b.WriteString(site)
		}
		b.WriteString(`{}]}`)
		return []byte(b.String())
	}, true, listCost},
	{"long Han site name", func(n int) []byte {
		return []byte(`{"websites": [{"name": "` + strings.Repeat("网", n/3) + `"}]}`)
	}, true, stringCost},
	{"escaped Han site name", func(n int) []byte {
		return []byte(`{"websites": [{"name": "` + strings.Repeat(`\u7f51`, n/6) + `"}]}`)
	}, true, stringCost},
	{"many content categories", func(n int) []byte {
		return []byte(`{"websites": [{"content_categories": [` + strings.Repeat(`"news",`, n/7) + `"other"]}]}`)
	}, true, listCost},
	{"many pre-approvals", func(n int) []byte {
		return []byte(`{"websites": [{"pre_approvals": [` + strings.Repeat(`{"category": "news"},`, n/21) + `{}]}]}`)
	}, true, listCost},
	{"many unknown keys", func(n int) []byte {
		var b strings.Builder
		b.WriteString("{")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, `"k%d": [1, {"a": "b"}],`, i)
		}
		b.WriteString(`"x": 0}`)
		return []byte(b.String())
	}, false, stringCost},
	{"one huge unknown key", func(n int) []byte {
		return []byte(`{"` + strings.Repeat("k", n) + `": 1}`)
	}, false, stringCost},
	{"huge unknown value", func(n int) []byte {
		return []byte(`{"x": [` + strings.Repeat(`"aaaaaaaa", `, n/12) + `1]}`)
	}, false, stringCost},
	{"many duplicate keys", func(n int) []byte {
		return []byte(`{"province": "44"` + strings.Repeat(`, "province": "44"`, n/18) + `}`)
	}, false, stringCost},
	{"many wrong types", func(n int) []byte {
		return []byte(`{"websites": [` + strings.Repeat(`{"name": 1},`, n/12) + `{}]}`)
	}, false, listCost},
	{"deep arrays", func(n int) []byte {
		n = min(n/2, 9_000)
		return []byte(`{"x": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`)
	}, false, stringCost},
	{"long number", func(n int) []byte {
		return []byte(`{"documents": [{"size_bytes": ` + strings.Repeat("1", n) + `}]}`)
	}, false, stringCost},
	{"unterminated string", func(n int) []byte {
		return []byte(`{"subject": {"name": "` + strings.Repeat("a", n))
	}, false, stringCost},
	{"white space", func(n int) []byte {
		return []byte(strings.Repeat(" \n\t\r", n/4) + "{}")
	}, true, stringCost},
}

// TestDecodeHostileShapes decodes each hostile shape at three sizes and
// checks that the bytes and allocations decoding takes grow no faster than
// the input: at most a small multiple of its size.
func TestDecodeHostileShapes(t *testing.T) {
	sizes := []int{10 << 10, 100 << 10, 1 << 20}
	if testing.Short() || raceSlowdown > 1 {
		sizes = []int{1 << 10, 10 << 10, 100 << 10}
	}
	for _, shape := range hostileShapes {
		t.Run(shape.name, func(t *testing.T) {
			for _, n := range sizes {
				input := shape.build(n)
				f, err := decodeAll(t, input)
				if shape.ok {
					require.NoError(t, err)
					require.NotNil(t, f)
				} else {
					require.Error(t, err)
					assert.Less(t, len(err.Error()), 21*200)
				}
				bytesPer, allocsPer := decodeCost(input)
				t.Logf("%7d bytes: %.2f bytes and %.4f allocations per input byte", len(input), bytesPer, allocsPer)
				// The constant term covers the window and the first
				// growth of each buffer.
				assert.Less(t, bytesPer, shape.perByte+float64(64<<10)/float64(len(input)), "bytes allocated per input byte")
				// One allocation per string or list at most: the shapes
				// have no element shorter than 7 bytes.
				assert.Less(t, allocsPer, 1/7.0+200/float64(len(input)), "allocations per input byte")
			}
		})
	}
}

// decodeCost returns the bytes and allocations per input byte that
// decoding input from a reader takes.
func decodeCost(input []byte) (bytesPer, allocsPer float64) {
	beian.ParseFiling([]byte(`{}`)) // build the model tables first
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	beian.DecodeOptions{MaxBytes: -1, MaxItems: -1}.Decode(bytes.NewReader(input))
	runtime.ReadMemStats(&after)
	n := float64(len(input))
	return float64(after.TotalAlloc-before.TotalAlloc) / n, float64(after.Mallocs-before.Mallocs) / n
}

func TestDecodeMaxItems(t *testing.T) {
	list := func(n int) string { return `{"websites": [` + strings.Repeat(`{},`, n-1) + `{}]}` }
	f, err := beian.ParseFiling([]byte(list(beian.DefaultMaxItems)))
	require.NoError(t, err)
	assert.Len(t, f.Websites, beian.DefaultMaxItems)

	_, err = beian.ParseFiling([]byte(list(beian.DefaultMaxItems + 1)))
	var de *beian.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, beian.Path("websites"), de.Path)
	assert.ErrorContains(t, err, "more than 10000 elements")

	opts := beian.DecodeOptions{MaxItems: 3}
	_, err = opts.Parse([]byte(`{"websites": [{"content_categories": ["news", "news", "news", "news"]}]}`))
	require.ErrorAs(t, err, &de)
	assert.Equal(t, beian.Path("websites[0].content_categories"), de.Path)
	_, err = opts.Parse([]byte(`{"websites": [{}, {}, {}, {]}`))
	assert.ErrorContains(t, err, "invalid JSON", "the skipped rest is still checked")
	f, err = beian.DecodeOptions{MaxItems: -1}.Parse([]byte(list(2 * beian.DefaultMaxItems)))
	require.NoError(t, err)
	assert.Len(t, f.Websites, 2*beian.DefaultMaxItems)
}

// TestPlainDatesAsParseDate checks the decoder's quick path for dates
// against ParseDate on every day of four years and on near misses.
func TestPlainDatesAsParseDate(t *testing.T) {
	var inputs []string
	for y := 2023; y <= 2026; y++ {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				inputs = append(inputs, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	inputs = append(inputs, "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "9999-12-31",
		"2026-1-01", "2026-01-1", "2026/01/01", "2026-01-01T00:00:00Z", "2026-01-01T20:00:00-08:00", "+026-01-01", " 2026-01-01")
	for _, in := range inputs {
		want, werr := beian.ParseDate(in)
		f, err := beian.ParseFiling([]byte(`{"submitted_at": "` + in + `"}`))
		if werr != nil {
			assert.Error(t, err, in)
			continue
		}
		require.NoError(t, err, in)
		assert.Equal(t, want, f.SubmittedAt, in)
	}
}
