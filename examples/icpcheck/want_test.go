package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules"
)

// A want is one line of a want file: a rejection the example filing must
// get, as FIELD CODE SEVERITY [NAME=VALUE ...].
type want struct {
	field    string // "-" for the filing as a whole
	code     rules.Code
	severity rules.Severity
	args     []string // NAME=VALUE, in the rejection's order
}

// String returns the line: the value of an argument is quoted (Go syntax)
// when it is empty or holds a space, a quote, a '#' or a character that
// does not print.
func (w want) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", w.field, w.code, w.severity)
	for _, a := range w.args {
		b.WriteString(" " + a)
	}
	return b.String()
}

func formatArg(name, value string) string {
	plain := value != "" && utf8.ValidString(value) && !strings.ContainsFunc(value, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '#' || !unicode.IsPrint(r)
	})
	if plain {
		return name + "=" + value
	}
	return name + "=" + strconv.Quote(value)
}

// wantOf returns the line of a rejection: its field, code, severity and
// the arguments written the same in both languages (a number, a domain, a
// word as typed). Arguments worded per language (a province's name, a
// reason) are the text table's business, not the filing's, and are left
// out.
func wantOf(r rules.Rejection) want {
	w := want{field: string(r.Field), code: r.Code, severity: r.Severity}
	if w.field == "" {
		w.field = "-"
	}
	for _, a := range r.Args {
		if a.Value.ZH == a.Value.EN {
			w.args = append(w.args, formatArg(a.Name, a.Value.ZH))
		}
	}
	return w
}

// parseWants reads a want file: one rejection a line, blank lines and
// lines starting with '#' ignored. It returns the wants and the comment
// lines at the top of the file, which -update keeps.
func parseWants(r io.Reader) (wants []want, header []string, err error) {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			if len(wants) == 0 {
				header = append(header, sc.Text())
			}
			continue
		}
		w, err := parseWant(line)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %v", n, err)
		}
		wants = append(wants, w)
	}
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
	}
	return wants, header, sc.Err()
}

func parseWant(line string) (want, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 {
		return want{}, fmt.Errorf("want FIELD CODE SEVERITY [NAME=VALUE ...], got %q", line)
	}
	w := want{field: fields[0], code: rules.Code(fields[1])}
	if !slices.Contains(rules.Codes(), w.code) {
		return want{}, fmt.Errorf("unknown code %s", w.code)
	}
	if err := w.severity.UnmarshalText([]byte(fields[2])); err != nil {
		return want{}, err
	}
	// The arguments, whose quoted values may hold spaces.
	rest := strings.TrimSpace(line)
	for range 3 {
		rest = strings.TrimSpace(strings.TrimLeftFunc(rest, func(r rune) bool { return !unicode.IsSpace(r) }))
	}
	for rest != "" {
		name, value, ok := strings.Cut(rest, "=")
		if !ok || name == "" || strings.ContainsFunc(name, unicode.IsSpace) {
			return want{}, fmt.Errorf("want NAME=VALUE, got %q", rest)
		}
		if strings.HasPrefix(value, `"`) {
			q, err := strconv.QuotedPrefix(value)
			if err != nil {
				return want{}, fmt.Errorf("argument %s: %v", name, err)
			}
			value = value[len(q):]
			q, _ = strconv.Unquote(q)
			w.args = append(w.args, formatArg(name, q))
		} else {
			end := strings.IndexFunc(value, unicode.IsSpace)
			if end < 0 {
				end = len(value)
			}
			w.args = append(w.args, formatArg(name, value[:end]))
			value = value[end:]
		}
		if value != "" && !unicode.IsSpace(rune(value[0])) {
			return want{}, fmt.Errorf("argument %s: a space must follow the value", name)
		}
		rest = strings.TrimSpace(value)
	}
	return w, nil
}

// exampleFilings returns the example filings' names: testdata/NAME.json.
func exampleFilings(t *testing.T) []string {
	files, err := filepath.Glob("testdata/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	return names
}

// exampleArgs returns the flags an example filing comes with, from
// testdata/NAME.args (one line of space-separated words), if it exists.
func exampleArgs(t *testing.T, name string) []string {
	b, err := os.ReadFile(filepath.Join("testdata", name+".args"))
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	return strings.Fields(string(b))
}

// TestWant checks every example filing against its want file, as
// analysistest checks a package against its "// want" comments:
// testdata/NAME.json, checked with the flags of testdata/NAME.args if
// there is one, gets exactly the rejections testdata/NAME.want lists: each
// at its field, with its code, severity and language-neutral arguments
// (see wantOf), none missing and none more. The order of the lines does
// not matter. testdata/README.md describes the format.
//
// Filings named clean… get nothing; warning… pass with a warning; all
// others are rejected.
//
// go test ./examples/icpcheck -run TestWant -update rewrites the want
// files from what the filings get, keeping their comments at the top:
// review the diff, line by line, before committing it.
func TestWant(t *testing.T) {
	for _, name := range exampleFilings(t) {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", name+".json")
			cfg, status := configure(append(exampleArgs(t, name), file), io.Discard, io.Discard)
			require.NotNil(t, cfg, "the flags of %s.args (status %d)", name, status)
			f, err := readFiling(file, nil)
			require.NoError(t, err)
			rep := cfg.v.Validate(context.Background(), f)
			var got []string
			for _, r := range rep.Rejections {
				got = append(got, wantOf(r).String())
			}

			wantFile := filepath.Join("testdata", name+".want")
			data, err := os.ReadFile(wantFile)
			if !*update {
				require.NoError(t, err, "run go test ./examples/icpcheck -run TestWant -update to create it")
			}
			wants, header, err := parseWants(bytes.NewReader(data))
			require.NoError(t, err, wantFile)
			if *update {
				out := ""
				if lines := append(header, got...); len(lines) > 0 {
					out = strings.Join(lines, "\n") + "\n"
				}
				require.NoError(t, os.WriteFile(wantFile, []byte(out), 0o644))
				return
			}
			var lines []string
			for _, w := range wants {
				lines = append(lines, w.String())
			}
			missing, unexpected := diffLines(lines, got)
			for _, l := range missing {
				t.Errorf("%s: missing: %s", wantFile, l)
			}
			for _, l := range unexpected {
				t.Errorf("%s: unexpected: %s", wantFile, l)
			}

			switch {
			case strings.HasPrefix(name, "clean"):
				assert.Empty(t, rep.Rejections, "a clean… filing gets nothing")
			case strings.HasPrefix(name, "warning"):
				assert.True(t, rep.OK(), "a warning… filing passes")
				assert.True(t, slices.ContainsFunc(rep.Rejections, func(r rules.Rejection) bool { return r.Severity == rules.Warning }), "a warning… filing gets a warning")
			default:
				assert.False(t, rep.OK(), "the filing is rejected")
			}
		})
	}
}

// diffLines returns the lines of want that got lacks and those of got
// that want lacks, counting repeats.
func diffLines(want, got []string) (missing, unexpected []string) {
	count := map[string]int{}
	for _, l := range got {
		count[l]++
	}
	for _, l := range want {
		if count[l] > 0 {
			count[l]--
		} else {
			missing = append(missing, l)
		}
	}
	for _, l := range got {
		if count[l] > 0 {
			count[l]--
			unexpected = append(unexpected, l)
		}
	}
	return missing, unexpected
}

// TestWantFormat checks the reading and writing of want lines.
func TestWantFormat(t *testing.T) {
	good := []struct{ in, canonical string }{
		{"websites[0].name SITE_NAME_SENSITIVE error word=博彩", "websites[0].name SITE_NAME_SENSITIVE error word=博彩"},
		{"  -   TEXT_INVALID   warning  ", "- TEXT_INVALID warning"},
		{`subject.name TEXT_INVALID error char="a b" n=2`, `subject.name TEXT_INVALID error char="a b" n=2`},
		{`subject.name TEXT_INVALID error char="x"`, `subject.name TEXT_INVALID error char=x`},
		{`subject.name TEXT_INVALID error char=""`, `subject.name TEXT_INVALID error char=""`},
		{`subject.name TEXT_INVALID error char="\u200b"`, `subject.name TEXT_INVALID error char="\u200b"`},
	}
	for _, tt := range good {
		w, err := parseWant(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.canonical, w.String())
		again, err := parseWant(w.String())
		require.NoError(t, err)
		assert.Equal(t, w, again, "a line reads back as written")
	}
	for _, bad := range []string{
		"websites[0].name SITE_NAME_SENSITIVE",            // no severity
		"websites[0].name NO_SUCH_CODE error",             // unknown code
		"websites[0].name SITE_NAME_SENSITIVE fatal",      // unknown severity
		"websites[0].name SITE_NAME_SENSITIVE error word", // no value
		`websites[0].name SITE_NAME_SENSITIVE error word="x`,
		`websites[0].name SITE_NAME_SENSITIVE error word="x"y`,
	} {
		_, err := parseWant(bad)
		assert.Error(t, err, bad)
	}
	missing, unexpected := diffLines([]string{"a", "a", "b"}, []string{"a", "c"})
	assert.Equal(t, []string{"a", "b"}, missing)
	assert.Equal(t, []string{"c"}, unexpected)
}
