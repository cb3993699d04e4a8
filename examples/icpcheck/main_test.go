package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runCapture runs the program and returns its status, stdout and stderr.
func runCapture(t *testing.T, stdin string, color bool, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errOut, color)
	return status, out.String(), errOut.String()
}

// golden compares got with testdata/golden/name, or rewrites the file
// with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/icpcheck -update to create it")
	assert.Equal(t, string(want), got, "%s differs; if the change is intended, run go test ./examples/icpcheck -update", path)
}

// goldens are the few example outputs kept whole, as a reader sees them:
// three in Chinese, three in English, and one report in JSON. What every
// example filing gets is checked by TestWant, code by code; these show
// the wording and the layout, so a change to them is a change of text.
var goldens = []struct{ name, mode string }{
	{"rejected_enterprise", "zh"},
	{"warning_phone_virtual_guangdong", "zh"},
	{"clean_enterprise", "zh"},
	{"rejected_enterprise", "en"},
	{"documents_unclear", "en"}, // with --documents
	{"personal_site", "en"},
	{"rejected_enterprise", "json"},
}

// TestGolden runs the filings of goldens and compares the output with
// testdata/golden/NAME.MODE.txt.
func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name+"."+g.mode, func(t *testing.T) {
			file := filepath.Join("testdata", g.name+".json")
			var args []string
			switch g.mode {
			case "zh":
				args = []string{"--lang", "zh", file}
			case "en":
				args = []string{file, "--lang", "en"} // flags may follow the files
			case "json":
				args = []string{"--json", "--lang", "en", file}
			}
			args = append(exampleArgs(t, g.name), args...)
			status, out, errOut := runCapture(t, "", false, args...)
			assert.Empty(t, errOut)
			golden(t, g.name+"."+g.mode+".txt", fmt.Sprintf("$ icpcheck %s\n%s(exit %d)\n", strings.Join(args, " "), out, status))
		})
	}
}

// TestUnusableInput checks that an unknown field, a bad date and broken
// JSON give status 2 and a message naming the problem.
func TestUnusableInput(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"testdata/unusable/unknown_field.json", "subject.nickname: unknown field"},
		{"testdata/unusable/bad_date.json", `submitted_at: invalid date "2026-13-45"`},
		{"testdata/unusable/broken.json", "the input ends in the middle of the filing"},
		{"testdata/unusable/no_such_file.json", "no such file"},
	}
	for _, tt := range tests {
		status, out, errOut := runCapture(t, "", false, tt.file)
		assert.Equal(t, exitUnusable, status, tt.file)
		assert.Empty(t, out)
		assert.Contains(t, errOut, tt.file+": ")
		assert.Contains(t, errOut, tt.want)
	}
	// An unusable input wins over a rejected one, and the others are still checked.
	status, out, _ := runCapture(t, "", false, "testdata/rejected_enterprise.json", "testdata/unusable/broken.json")
	assert.Equal(t, exitUnusable, status)
	assert.Contains(t, out, "rejected_enterprise.json")
}

func TestStdinAndSeveralFiles(t *testing.T) {
	data, err := os.ReadFile("testdata/clean_enterprise.json")
	require.NoError(t, err)
	status, out, _ := runCapture(t, string(data), false, "--lang", "en")
	assert.Equal(t, exitOK, status)
	assert.True(t, strings.HasPrefix(out, "<stdin>: OK"), out)

	status, out, _ = runCapture(t, string(data), false, "--json", "-", "testdata/unknown_province.json")
	assert.Equal(t, exitRejected, status)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	var first, second struct {
		File string `json:"file"`
		OK   bool   `json:"ok"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	assert.Equal(t, "-", first.File)
	assert.True(t, first.OK)
	assert.Equal(t, "testdata/unknown_province.json", second.File)
	assert.False(t, second.OK)

	status, _, _ = runCapture(t, "", false, "--", "--json")
	assert.Equal(t, exitUnusable, status, "after --, --json is a file name")
}

func TestFlags(t *testing.T) {
	status, _, errOut := runCapture(t, "", false, "--lang", "fr", "testdata/clean_enterprise.json")
	assert.Equal(t, exitUnusable, status)
	assert.Contains(t, errOut, `unknown report language "fr"`)
	for _, lang := range []string{"zh-TW", "en-US", "cn", "ZH"} {
		status, _, _ = runCapture(t, "", false, "--lang", lang, "testdata/clean_enterprise.json")
		assert.Equal(t, exitOK, status, lang)
	}

	status, _, errOut = runCapture(t, "", false, "--verbose")
	assert.Equal(t, exitUnusable, status)
	assert.Contains(t, errOut, "usage: icpcheck")

	status, _, _ = runCapture(t, "", false, "-h")
	assert.Equal(t, exitOK, status)
}

// TestVersionFlag: --version prints the module's version, checks nothing
// (the file named does not exist) and exits 0.
func TestVersionFlag(t *testing.T) {
	status, out, errOut := runCapture(t, "", false, "--version", "no-such-file.json")
	assert.Equal(t, exitOK, status)
	assert.Equal(t, "icpcheck "+beian.Version+"\n", out)
	assert.Empty(t, errOut)
}

func TestColourOnlyWhenAsked(t *testing.T) {
	_, plain, _ := runCapture(t, "", false, "testdata/rejected_enterprise.json")
	assert.NotContains(t, plain, "\x1b[")
	_, coloured, _ := runCapture(t, "", true, "testdata/rejected_enterprise.json")
	assert.Contains(t, coloured, "\x1b[31m")
	_, js, _ := runCapture(t, "", true, "--json", "testdata/rejected_enterprise.json")
	assert.NotContains(t, js, "\x1b[", "JSON is never coloured")
}

// TestHostileInput: icpcheck reads through the bounded decoder: a filing
// over the size limit, or one naming a field twice, is unusable input,
// and its message quotes little of it.
func TestHostileInput(t *testing.T) {
	huge := `{"subject": {"name": "` + strings.Repeat("长", beian.DefaultMaxBytes/3+1) + `"}}`
	status, out, errOut := runCapture(t, huge, false, "-")
	assert.Equal(t, exitUnusable, status)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "larger than the size limit")
	assert.Less(t, len(errOut), 400)

	status, _, errOut = runCapture(t, `{"province": "99", "province": "44"}`, false, "-")
	assert.Equal(t, exitUnusable, status)
	assert.Contains(t, errOut, "province: duplicate field")
}

// TestByteOrderMark: a filing saved with a UTF-8 byte order mark (as
// Windows editors save it) is read as the same filing, from a file and
// from standard input; a mark anywhere else is still invalid JSON.
func TestByteOrderMark(t *testing.T) {
	data, err := os.ReadFile("testdata/rejected_enterprise.json")
	require.NoError(t, err)
	_, want, _ := runCapture(t, "", false, "--json", "testdata/rejected_enterprise.json")
	withBOM := filepath.Join(t.TempDir(), "rejected_enterprise.json")
	require.NoError(t, os.WriteFile(withBOM, append([]byte("\xef\xbb\xbf"), data...), 0o600))

	status, got, _ := runCapture(t, "", false, "--json", withBOM)
	assert.Equal(t, exitRejected, status)
	assert.Equal(t, want, got)

	status, got, _ = runCapture(t, "\xef\xbb\xbf"+string(data), false, "--json", "-")
	assert.Equal(t, exitRejected, status)
	assert.Equal(t, want, got)

	status, _, _ = runCapture(t, " \xef\xbb\xbf"+string(data), false, "--json", "-")
	assert.Equal(t, exitUnusable, status, "a mark after the start is not skipped")
}

// TestProfileFlag: --profile applies a provider's sourced difference
// (testdata/profiles: an App domain of the fourth level is filed at
// Huawei; the default refuses it, its third-level limit being sourced;
// Tencent's and Aliyun's consoles have no source of their own, so the
// default's limit is a warning there), and an unknown name stops the
// command. The answers file holds an answer for every known profile.
func TestProfileFlag(t *testing.T) {
	data, want := profileCase(t)
	names := append([]string{""}, rules.ProfileNames()...)
	assert.ElementsMatch(t, names, slices.Collect(maps.Keys(want.Answers)), "an answer for each profile and the default")

	// reported returns the code and severity reported at the App domain.
	reported := func(out string) string {
		var rep struct {
			Rejections []struct {
				Code     string     `json:"code"`
				Severity string     `json:"severity"`
				Field    beian.Path `json:"field"`
			} `json:"rejections"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
		for _, r := range rep.Rejections {
			if r.Field == want.Field {
				return r.Code + " " + r.Severity
			}
		}
		return ""
	}
	for _, profile := range names {
		args := []string{"--json"}
		if profile != "" {
			args = append(args, "--profile", profile)
		}
		status, out, _ := runCapture(t, string(data), false, append(args, "-")...)
		wantStatus := exitOK
		if strings.HasSuffix(want.Answers[profile], " error") {
			wantStatus = exitRejected
		}
		assert.Equal(t, wantStatus, status, profile)
		assert.Equal(t, want.Answers[profile], reported(out), profile)
	}

	status, _, errOut := runCapture(t, string(data), false, "--profile", "huaweicloud", "-")
	assert.Equal(t, exitUnusable, status)
	assert.Contains(t, errOut, "--profile")
}

// profileAnswers is testdata/profiles/app_domain_fourth_level.answers.json:
// the field the case is about and, per profile ("" the default), the code
// and severity reported there ("" for none).
type profileAnswers struct {
	Field   beian.Path        `json:"field"`
	Answers map[string]string `json:"answers"`
}

// profileCase reads the filing whose answer differs by provider profile
// and its answers.
func profileCase(t *testing.T) ([]byte, profileAnswers) {
	t.Helper()
	data, err := os.ReadFile("testdata/profiles/app_domain_fourth_level.json")
	require.NoError(t, err)
	b, err := os.ReadFile("testdata/profiles/app_domain_fourth_level.answers.json")
	require.NoError(t, err)
	var want profileAnswers
	require.NoError(t, json.Unmarshal(b, &want))
	return data, want
}
