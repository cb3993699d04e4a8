package jsonscan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/jsonscan"
)

// walk reads the whole input token by token, and returns a trace: each
// token, a key or a scalar after the path to it, and the error it stopped
// at.
func walk(s *jsonscan.Scanner) (string, error) {
	var b strings.Builder
	var scratch []byte
	for {
		k, err := s.Peek()
		if err != nil {
			return b.String(), err
		}
		if k == jsonscan.End {
			return b.String(), nil
		}
		var tok string
		switch k {
		case jsonscan.BeginObject, jsonscan.BeginArray, jsonscan.EndObject, jsonscan.EndArray:
			_, err = s.ReadDelim()
			tok = string(rune(k))
		case jsonscan.Key:
			var key []byte
			key, err = s.ReadKey()
			tok = strconv.Quote(string(key)) + ":"
		case jsonscan.String:
			scratch, _, err = s.ReadString(scratch[:0], -1)
			tok = strconv.Quote(string(scratch))
		case jsonscan.Number:
			var n int
			scratch, n, err = s.ReadNumber(scratch[:0])
			tok = string(scratch)
			if n > len(scratch) {
				tok += "…"
			}
		default:
			k, err = s.ReadLiteral()
			tok = map[jsonscan.Kind]string{jsonscan.True: "true", jsonscan.False: "false", jsonscan.Null: "null"}[k]
		}
		if err != nil {
			return b.String(), err
		}
		if len(tok) == 1 && strings.Contains("{}[]", tok) {
			b.WriteString(tok + " ")
		} else {
			fmt.Fprintf(&b, "%s=%s ", path(s), tok)
		}
	}
}

// path renders the scanner's path: .key for an object's member, [i] for
// an array's element.
func path(s *jsonscan.Scanner) string {
	var b strings.Builder
	for i := range s.Depth() {
		if key, index, object := s.Step(i); object {
			b.WriteString("." + string(key))
		} else {
			fmt.Fprintf(&b, "[%d]", index)
		}
	}
	return b.String()
}

// readers are the ways TestReadersAgree and the fuzz target read an input:
// from memory, and through readers that return few bytes at a time.
var readers = []struct {
	name string
	wrap func([]byte) io.Reader
}{
	{"one byte", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }},
	{"half", func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) }},
	{"data with EOF", func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) }},
	{"length unknown", func(b []byte) io.Reader { return io.MultiReader(bytes.NewReader(b)) }},
	{"bytes.Reader", func(b []byte) io.Reader { return bytes.NewReader(b) }},
}

func TestTokensAndPaths(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{}`, `{ } `},
		{` [ ] `, `[ ] `},
		{`{"a": 1, "b": [true, false, null, "x"]}`, `{ .a="a": .a=1 .b="b": [ .b[0]=true .b[1]=false .b[2]=null .b[3]="x" ] } `},
		{`[{"k": {"l": []}}, {"k": -1.5e+3}]`, `[ { [0].k="k": { [0].k.l="l": [ ] } } { [1].k="k": [1].k=-1.5e+3 } ] `},
		{`"s"`, `="s" `},
		{"\t\r\n 7 \n", `=7 `},
		{`{"\u0077idth": "a\ud800b\ud83d\ude00"}`, `{ .width="width": .width="a\xed\xa0\x80b😀" } `},
		{`[` + strings.Repeat("9", 100) + `]`, `[ [0]=` + strings.Repeat("9", jsonscan.MaxNumberText) + `… ] `},
	}
	for _, tt := range tests {
		var s jsonscan.Scanner
		s.Reset([]byte(tt.in))
		got, err := walk(&s)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

// TestKeyKeptForPath checks that the path keeps MaxKey bytes of a long
// key, and that ReadString keeps what it is asked to.
func TestKeyKeptForPath(t *testing.T) {
	long := strings.Repeat("k", 1000)
	var s jsonscan.Scanner
	s.Reset([]byte(`{"` + long + `": "` + long + `"}`))
	_, err := s.ReadDelim()
	require.NoError(t, err)
	key, err := s.ReadKey()
	require.NoError(t, err)
	assert.Equal(t, long[:jsonscan.MaxKey], string(key))
	got, whole, err := s.ReadString(nil, 10)
	require.NoError(t, err)
	assert.False(t, whole)
	assert.Equal(t, long[:10], string(got))
	k, _ := s.Peek()
	assert.Equal(t, jsonscan.EndObject, k)
}

// TestZeroScanner checks that the zero Scanner reads an empty input, as
// its doc says, where it once waited for ever for more.
func TestZeroScanner(t *testing.T) {
	done := make(chan error, 1)
	go func() {
		var s jsonscan.Scanner
		k, err := s.Peek()
		if err == nil && k != jsonscan.End {
			err = fmt.Errorf("token %q", k)
		}
		done <- err
	}()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Peek of the zero Scanner does not return")
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", " \n\t "} {
		var s jsonscan.Scanner
		s.Reset([]byte(in))
		k, err := s.Peek()
		assert.NoError(t, err)
		assert.Equal(t, jsonscan.End, k)
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
	}{
		{`{"a" 1}`, 1, 6},
		{`{"a": 1 "b": 2}`, 1, 9},
		{`[1 2]`, 1, 4},
		{`{,}`, 1, 2},
		{`{"a": 1,}`, 1, 9},
		{`[1,]`, 1, 4},
		{`{} {}`, 1, 4},
		{`x`, 1, 1},
		{`tru3`, 1, 4},
		{`nul!`, 1, 4},
		{`01`, 1, 2},
		{`-`, 0, 0},
		{`1.x`, 1, 3},
		{`1e`, 0, 0},
		{"\"a\x01\"", 1, 3},
		{`"\x"`, 1, 3},
		{`"\u12G4"`, 1, 6},
		{"[\n\n  \"示例\" x]", 3, 8},
		{`[1, 2`, 0, 0}, // the end, not a syntax error
		{`{"a"`, 0, 0},
		{`"abc`, 0, 0},
	}
	for _, tt := range tests {
		var s jsonscan.Scanner
		s.Reset([]byte(tt.in))
		_, err := walk(&s)
		require.Error(t, err, tt.in)
		assert.Equal(t, err, s.Err(), "the error stays")
		var se *jsonscan.SyntaxError
		if tt.line == 0 {
			assert.ErrorIs(t, err, jsonscan.ErrUnexpectedEnd, tt.in)
			continue
		}
		require.ErrorAs(t, err, &se, tt.in)
		assert.Equal(t, []int{tt.line, tt.col}, []int{se.Line, se.Column}, tt.in)
		// encoding/json finds the same byte wrong.
		var v any
		jerr := json.Unmarshal([]byte(tt.in), &v)
		var jse *json.SyntaxError
		require.ErrorAs(t, jerr, &jse, tt.in)
		assert.Equal(t, jse.Offset-1, se.Offset, tt.in)
	}
}

// TestDepth checks the nesting limit: MaxDepth containers read, and
// MaxDepth containers open around the innermost value of a skipped one
// (which may be an empty container: the decoder has always let a skipped
// value nest one deeper than the containers read).
func TestDepth(t *testing.T) {
	deep := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	read := func(in []byte) error {
		var s jsonscan.Scanner
		s.Reset(in)
		for {
			k, err := s.Peek()
			if err != nil || k == jsonscan.End {
				return err
			}
			if _, err := s.ReadDelim(); err != nil {
				return err
			}
		}
	}
	skip := func(in []byte) error {
		var s jsonscan.Scanner
		s.Reset(in)
		return s.Skip()
	}
	var se *jsonscan.SyntaxError
	assert.NoError(t, read(deep(jsonscan.MaxDepth)))
	assert.ErrorAs(t, read(deep(jsonscan.MaxDepth+1)), &se)
	assert.NoError(t, skip(deep(jsonscan.MaxDepth+1)))
	assert.ErrorAs(t, skip(deep(jsonscan.MaxDepth+2)), &se)
	assert.NoError(t, skip([]byte(strings.Repeat("[", jsonscan.MaxDepth)+"1"+strings.Repeat("]", jsonscan.MaxDepth))))
	assert.ErrorAs(t, skip([]byte(strings.Repeat("[", jsonscan.MaxDepth+1)+"1"+strings.Repeat("]", jsonscan.MaxDepth+1))), &se)
}

func TestMisuse(t *testing.T) {
	calls := map[string]func(*jsonscan.Scanner) error{
		"ReadKey on a value":      func(s *jsonscan.Scanner) error { _, err := s.ReadKey(); return err },
		"ReadString on a number":  func(s *jsonscan.Scanner) error { _, _, err := s.ReadString(nil, -1); return err },
		"ReadNumber on a literal": func(s *jsonscan.Scanner) error { s.Reset([]byte(`true`)); _, _, err := s.ReadNumber(nil); return err },
		"ReadLiteral on a string": func(s *jsonscan.Scanner) error { s.Reset([]byte(`"x"`)); _, err := s.ReadLiteral(); return err },
		"ReadDelim on a number":   func(s *jsonscan.Scanner) error { _, err := s.ReadDelim(); return err },
		"Skip at the end":         func(s *jsonscan.Scanner) error { s.Reset([]byte(` `)); return s.Skip() },
	}
	for name, call := range calls {
		var s jsonscan.Scanner
		s.Reset([]byte(`1`))
		assert.ErrorIs(t, call(&s), jsonscan.ErrMisuse, name)
		// The token Peek had found is forgotten: the error stays.
		_, err := s.Peek()
		assert.ErrorIs(t, err, jsonscan.ErrMisuse, name)
	}
}

func TestReadersAgree(t *testing.T) {
	inputs := []string{
		`{"a": [1, "x", {"b": null}], "c": "\ud800\u00e9"}`,
		"{\n  \"a\": 1,\n  \"b\" 2}",
		`{"a": "\u12"}`,
		`[` + strings.Repeat(`"示例", `, 20_000) + `0]`,
		strings.Repeat("\n", 50_000) + `{"a": 4 4}`,
		`"` + strings.Repeat("示例", 40_000) + `" x`,
	}
	for _, in := range inputs {
		var s jsonscan.Scanner
		s.Reset([]byte(in))
		want, werr := walk(&s)
		for _, r := range readers {
			s.ResetReader(r.wrap([]byte(in)), -1)
			got, err := walk(&s)
			assert.Equal(t, want, got, r.name)
			assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(err), r.name)
		}
	}
}

func TestLimit(t *testing.T) {
	in := []byte(`{"a": "` + strings.Repeat("x", 100_000) + `"}`)
	for _, limit := range []int64{0, 10, 5000, int64(len(in)) - 1, int64(len(in)), -1} {
		for _, r := range readers {
			c := &countingReader{r: r.wrap(in)}
			var s jsonscan.Scanner
			s.ResetReader(c, limit)
			_, err := walk(&s)
			if limit < 0 || limit >= int64(len(in)) {
				assert.NoError(t, err, r.name)
				continue
			}
			assert.ErrorIs(t, err, jsonscan.ErrTooLarge, r.name)
			assert.Equal(t, limit+1, c.n, "%s: reads exactly one byte past the limit", r.name)
		}
	}
}

func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	var s jsonscan.Scanner
	s.ResetReader(io.MultiReader(strings.NewReader(`{"a": "x`), iotest.ErrReader(boom)), -1)
	_, err := walk(&s)
	var re *jsonscan.ReadError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, boom)

	s.ResetReader(iotest.ErrReader(nil), -1) // (0, nil) for ever
	_, err = walk(&s)
	assert.ErrorIs(t, err, io.ErrNoProgress)
}

// TestWindow checks the window's size: that of the input when the reader
// tells it, else growing from a few kilobytes while the input goes on,
// and kept across resets.
func TestWindow(t *testing.T) {
	small := []byte(`{"a": 1}`)
	r := bytes.NewReader(small)
	var bytesPer float64
	if n := testing.AllocsPerRun(10, func() {
		r.Reset(small)
		var s jsonscan.Scanner
		s.ResetReader(r, -1)
		if err := s.Skip(); err != nil {
			t.Fatal(err)
		}
		bytesPer = float64(cap(s.Window())) / float64(len(small))
	}); n > 2 {
		t.Errorf("%v allocations to read %d bytes", n, len(small))
	}
	assert.Less(t, bytesPer, 10.0, "a window of the input's size")

	var s jsonscan.Scanner
	big := []byte(`[` + strings.Repeat(`1,`, 100_000) + `1]`)
	s.ResetReader(io.MultiReader(bytes.NewReader(big)), -1)
	require.NoError(t, s.Skip())
	assert.Equal(t, 32<<10, cap(s.Window()), "grown to the most")
	if n := testing.AllocsPerRun(10, func() {
		s.ResetReader(io.MultiReader(bytes.NewReader(big)), -1)
		if err := s.Skip(); err != nil {
			t.Fatal(err)
		}
	}); n > 3 { // the readers
		t.Errorf("%v allocations reading again", n)
	}
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

func FuzzScanner(f *testing.F) {
	for _, in := range []string{
		`{"a": [1, "x", {"b": null}], "c": "\ud800\u00e9"}`,
		`[1, 2`, `{} {}`, `"\u12"`, "\"\xff\"", `-0.5e-3`, `[[[[]]]]`, `{"a" 1}`, ``,
	} {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var s jsonscan.Scanner
		s.Reset(in)
		trace, err := walk(&s)
		s.Reset(in)
		k, serr := s.Peek()
		if serr == nil && k != jsonscan.End {
			if serr = s.Skip(); serr == nil {
				_, serr = s.Peek()
			}
		}
		// The scanner accepts exactly what encoding/json accepts (which
		// does not check UTF-8 either), but for the empty input.
		valid := json.Valid(in)
		if len(in) > 2*jsonscan.MaxDepth {
			return // TestDepth checks the limits of nesting
		}
		if len(bytes.TrimLeft(in, " \t\r\n")) == 0 {
			valid = true
			if k, _ := s.Peek(); k != jsonscan.End {
				t.Fatal("an empty input with a token")
			}
		}
		if (err == nil) != valid || (serr == nil) != valid {
			t.Fatalf("walk: %v, skip: %v; json.Valid: %v", err, serr, valid)
		}
		var se *jsonscan.SyntaxError
		if errors.As(err, &se) {
			var v any
			var jse *json.SyntaxError
			if errors.As(json.Unmarshal(in, &v), &jse) && jse.Offset-1 != se.Offset && !strings.Contains(se.Msg, "depth") {
				t.Fatalf("%v at %d, encoding/json: %v at %d", err, se.Offset, jse, jse.Offset-1)
			}
		}
		// Every reader reads the same.
		for _, r := range readers {
			s.ResetReader(r.wrap(in), -1)
			got, gerr := walk(&s)
			if got != trace || fmt.Sprint(gerr) != fmt.Sprint(err) {
				t.Fatalf("%s: %s, %v\nfrom memory: %s, %v", r.name, got, gerr, trace, err)
			}
		}
		// Valid text decodes as encoding/json decodes it.
		if err == nil && len(bytes.TrimLeft(in, " \t\r\n")) > 0 {
			s.Reset(in)
			got, ok, err := build(&s)
			if err != nil {
				t.Fatal(err)
			}
			d := json.NewDecoder(bytes.NewReader(in))
			d.UseNumber()
			var want any
			if err := d.Decode(&want); err != nil {
				t.Fatal(err)
			}
			if ok && !assert.ObjectsAreEqual(want, got) {
				t.Fatalf("got %#v, encoding/json %#v", got, want)
			}
		}
	})
}

// build returns the value that comes next as encoding/json decodes it
// into an any with UseNumber, and false if it holds text encoding/json
// would change (invalid UTF-8, lone surrogates) or that the scanner cuts
// (long keys and numbers).
func build(s *jsonscan.Scanner) (any, bool, error) {
	k, err := s.Peek()
	if err != nil {
		return nil, false, err
	}
	switch k {
	case jsonscan.BeginObject:
		s.ReadDelim()
		m, ok := map[string]any{}, true
		for {
			if k, err := s.Peek(); err != nil || k == jsonscan.EndObject {
				_, err = s.ReadDelim()
				return m, ok, err
			}
			key, err := s.ReadKey()
			if err != nil {
				return nil, false, err
			}
			name := string(key)
			v, vok, err := build(s)
			if err != nil {
				return nil, false, err
			}
			m[name] = v
			ok = ok && vok && len(name) < jsonscan.MaxKey && utf8.ValidString(name)
		}
	case jsonscan.BeginArray:
		s.ReadDelim()
		a, ok := []any{}, true
		for {
			if k, err := s.Peek(); err != nil || k == jsonscan.EndArray {
				_, err = s.ReadDelim()
				return a, ok, err
			}
			v, vok, err := build(s)
			if err != nil {
				return nil, false, err
			}
			a = append(a, v)
			ok = ok && vok
		}
	case jsonscan.String:
		b, _, err := s.ReadString(nil, -1)
		return string(b), utf8.Valid(b), err
	case jsonscan.Number:
		b, n, err := s.ReadNumber(nil)
		return json.Number(b), n == len(b), err
	}
	k, err = s.ReadLiteral()
	switch k {
	case jsonscan.True:
		return true, true, err
	case jsonscan.False:
		return false, true, err
	}
	return nil, true, err
}

// walkAt is walk with where it stopped: the offset, line and column of a
// syntax error.
func walkAt(s *jsonscan.Scanner) string {
	trace, err := walk(s)
	var se *jsonscan.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s; %v at %d", trace, err, se.Offset)
	}
	return fmt.Sprintf("%s; %v", trace, err)
}

// TestOneStepsAsOneByte holds the scanner's one-step paths from memory
// (a token found without a call for white space, a key's colon and its
// value found in ReadKey, a string or number read in one step) to the
// paths a reader that gives one byte at a time takes, where the window
// never holds what they need: the same tokens, paths, errors and error
// offsets for every byte value at every place of documents holding every
// kind of token, compact and pretty, and for every run of white space (up
// to three of ' ', '\t', '\n', '\r', and indentations) in every gap
// between two tokens, where the tokens read also as they do compact (and
// a byte after the document fails at the same line and column).
func TestOneStepsAsOneByte(t *testing.T) {
	tokens := []string{`{`, `"key"`, `:`, `"text"`, `,`, `"n"`, `:`, `-12`, `,`, `"esc\n"`, `:`, `[`, `true`, `,`, `null`,
		`,`, `0.5e1`, `,`, `false`, `,`, `{`, `}`, `,`, `[`, `]`, `,`, `"示例 long text"`, `]`, `,`, `"z"`, `:`, `7`, `}`}
	var s jsonscan.Scanner
	check := func(in []byte) string {
		s.Reset(in)
		want := walkAt(&s)
		s.ResetReader(iotest.OneByteReader(bytes.NewReader(in)), -1)
		if got := walkAt(&s); got != want {
			t.Fatalf("%q: one byte at a time %s\nfrom memory %s", in, got, want)
		}
		return want
	}
	compact := strings.Join(tokens, "")
	s.Reset([]byte(compact))
	clean, err := walk(&s)
	require.NoError(t, err)
	pretty := strings.Join(tokens, " ")
	for _, doc := range []string{compact, pretty, pretty + "          "} {
		in := []byte(doc)
		for p := range in {
			for v := range 256 {
				in[p] = byte(v)
				check(in)
			}
			in[p] = doc[p]
		}
	}
	runs := []string{"\n  ", "\n    ", "\n" + strings.Repeat(" ", 17), strings.Repeat(" ", 9)}
	var grow func(prefix string)
	grow = func(prefix string) {
		runs = append(runs, prefix)
		if len(prefix) < 3 {
			for _, c := range []string{" ", "\t", "\n", "\r"} {
				grow(prefix + c)
			}
		}
	}
	grow("")
	for _, sep := range []string{"", " "} {
		for g := 0; g <= len(tokens); g++ {
			for _, ws := range runs {
				var b strings.Builder
				for i, tok := range tokens {
					if i == g {
						b.WriteString(ws)
					} else if i > 0 {
						b.WriteString(sep)
					}
					b.WriteString(tok)
				}
				if g == len(tokens) {
					b.WriteString(ws)
				}
				if got := check([]byte(b.String())); got != clean+"; <nil>" {
					t.Fatalf("%q: %s, want %s", b.String(), got, clean)
				}
				b.WriteString("x") // an error's line and column after the white space
				check([]byte(b.String()))
			}
		}
	}
}
