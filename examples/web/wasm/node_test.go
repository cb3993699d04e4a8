package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/examples/web/internal/wasmbuild"
	"github.com/icpcheck/beian/internal/testenv"
)

// buildPackage builds the WebAssembly checks as shipped and lays the JS
// package out around them in a temporary directory.
func buildPackage(t *testing.T) string { return buildPackageB(t) }

func buildPackageB(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	root, err := wasmbuild.ModuleRoot(ctx, ".")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, wasmbuild.Build(ctx, root, dir))
	for _, name := range []string{"index.js", "index.d.ts", "package.json"} {
		b, err := os.ReadFile(filepath.Join(root, "examples", "web", "static", "beian", name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
	return dir
}

type nodeLine struct {
	File   string          `json:"file"`
	ZH     string          `json:"zh"`
	EN     string          `json:"en"`
	Timing json.RawMessage `json:"timing"`
}

// runNode runs testdata/run.mjs over files with the package in dir.
func runNode(t testing.TB, dir string, files []string) (lines []nodeLine, timing json.RawMessage) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.SkipUnavailable(t, "node is not installed: the WebAssembly build's comparison with the native checks needs Node.js 20 or later")
	}
	script, err := filepath.Abs(filepath.Join("testdata", "run.mjs"))
	require.NoError(t, err)
	args := append([]string{script, dir, filepath.Join(dir, "beian.wasm")}, files...)
	cmd := exec.Command(node, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node: %s", stderr.String())
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var l nodeLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), "%s", sc.Bytes())
		if l.Timing != nil {
			timing = l.Timing
			continue
		}
		lines = append(lines, l)
	}
	require.NoError(t, sc.Err())
	return lines, timing
}

// runNodeLazy runs testdata/lazy.mjs: file's Chinese report before the
// word tables are handed over and after.
func runNodeLazy(t testing.TB, dir, file string) (before, after string) {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("testdata", "lazy.mjs"))
	require.NoError(t, err)
	cmd := exec.Command("node", script, dir, filepath.Join(dir, "beian.wasm"), filepath.Join(dir, wasmbuild.LexiconFile), file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node: %s", stderr.String())
	var l struct{ Before, After string }
	require.NoError(t, json.Unmarshal(out, &l), "%s", out)
	return l.Before, l.After
}

// codesOf lists an outcome's codes.
func codesOf(o outcome) []string {
	var codes []string
	for _, r := range o.Rejections {
		codes = append(codes, r.Code)
	}
	return codes
}

// outcome is what the comparison looks at: the codes with their fields
// (and severities, spans and fixes), the skipped checks, or the decoding
// problems' paths.
type outcome struct {
	OK         *bool `json:"ok"`
	Complete   *bool `json:"complete"`
	Rejections []struct {
		Code     string          `json:"code"`
		Severity string          `json:"severity"`
		Field    string          `json:"field"`
		Span     json.RawMessage `json:"span"`
		Fixes    []struct {
			Field string `json:"field"`
			Value string `json:"value"`
		} `json:"fixes"`
	} `json:"rejections"`
	Skipped  []string `json:"skipped"`
	Error    string   `json:"error"`
	Problems []struct {
		Path string `json:"path"`
	} `json:"problems"`
}

func parseOutcome(t *testing.T, s string) outcome {
	t.Helper()
	var o outcome
	require.NoError(t, json.Unmarshal([]byte(s), &o), "%s", s)
	return o
}

// TestWasmAnswersAsNative runs every example filing of icpcheck (and
// filings that cannot be decoded) through the WebAssembly build in Node
// and compares the reports with the native ones: codes, fields,
// severities, spans, fixes, skipped checks, and for the undecodable the
// decoder's paths. The JSON is compared whole as well: the same code
// gives the same bytes.
func TestWasmAnswersAsNative(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the WebAssembly checks and runs Node (about 10 s): not with -short")
	}
	if _, err := exec.LookPath("node"); err != nil {
		testenv.SkipUnavailable(t, "node is not installed: the WebAssembly build's comparison with the native checks needs Node.js 20 or later")
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "icpcheck", "testdata", "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 30, "the example filings")
	bad := t.TempDir()
	for name, content := range map[string]string{
		"truncated.json": `{"subject": {"name": "x"`,
		"wrongtype.json": `{"subject": {"principal": {"mobile": 13800138000}}, "websites": [{"domains": "a.cn"}]}`,
		"notobject.json": `[1, 2]`,
		"badenum.json":   `{"subject": {"nature": "company"}}`,
	} {
		p := filepath.Join(bad, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		files = append(files, p)
	}
	sort.Strings(files)

	dir := buildPackage(t)
	lines, timing := runNode(t, dir, files)
	require.Len(t, lines, len(files))
	t.Logf("node timing (ms): %s", timing)

	c := newChecker()
	decodeFailures := 0
	for _, l := range lines {
		data, err := os.ReadFile(l.File)
		require.NoError(t, err)
		for _, lang := range []string{"zh", "en"} {
			got := l.ZH
			if lang == "en" {
				got = l.EN
			}
			want := string(c.check(data, lang))
			native, wasm := parseOutcome(t, want), parseOutcome(t, got)
			if assert.Equal(t, native, wasm, "%s (%s): codes and paths", filepath.Base(l.File), lang) {
				assert.Equal(t, want, got, "%s (%s): the whole report", filepath.Base(l.File), lang)
			}
			if native.Error != "" {
				decodeFailures++
				assert.NotEmpty(t, native.Problems, l.File)
			}
		}
	}
	assert.Equal(t, 2*4, decodeFailures, "the undecodable filings are answered as decoding failures in both languages")

	// A clean filing whose site name hides 赌博 in traditional
	// characters.
	clean, err := os.ReadFile(filepath.Join("..", "..", "icpcheck", "testdata", "clean_enterprise.json"))
	require.NoError(t, err)
	var filing map[string]any
	require.NoError(t, json.Unmarshal(clean, &filing))
	filing["websites"].([]any)[0].(map[string]any)["name"] = "示例賭博资讯"
	sensitive := filepath.Join(t.TempDir(), "sensitive.json")
	b, err := json.Marshal(filing)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(sensitive, b, 0o644))
	native := parseOutcome(t, string(c.check(b, "zh")))
	nativeSensitive := false
	for _, r := range native.Rejections {
		nativeSensitive = nativeSensitive || r.Code == "SITE_NAME_SENSITIVE"
	}
	require.True(t, nativeSensitive, "natively, with the right tables, the name is rejected")

	// Word tables that arrive after the first answer (load does not wait
	// for them): a name holding a listed word gets CHECK_UNAVAILABLE, not
	// an answer without them, and the native answer once they are in.
	before, after := runNodeLazy(t, dir, sensitive)
	early := parseOutcome(t, before)
	require.NotNil(t, early.Complete, "%.300s", before)
	assert.False(t, *early.Complete, "before the word tables: %.300s", before)
	assert.Contains(t, codesOf(early), "CHECK_UNAVAILABLE")
	assert.NotContains(t, codesOf(early), "SITE_NAME_SENSITIVE")
	assert.Equal(t, string(c.check(b, "zh")), after, "once the word tables are in, the native answer")

	// The provider profile, through the package's validate: each as the
	// native check with that profile; none, "" and null are the default.
	app, _ := profileCase(t) // a fourth-level App domain: filed at Huawei only
	appFile := filepath.Join(t.TempDir(), "app.json")
	require.NoError(t, os.WriteFile(appFile, app, 0o644))
	script, err := filepath.Abs(filepath.Join("testdata", "profile.mjs"))
	require.NoError(t, err)
	cmd := exec.Command("node", script, dir, filepath.Join(dir, "beian.wasm"), appFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node: %s", stderr.String())
	profiles := map[string]string{"(none)": "", "": "", "(null)": "", "tencent": "tencent", "aliyun": "aliyun", "huawei": "huawei", "no-such-console": "no-such-console"}
	n := 0
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var l struct{ Profile, JSON string }
		require.NoError(t, json.Unmarshal(line, &l), "%s", line)
		profile, ok := profiles[l.Profile]
		require.True(t, ok, l.Profile)
		assert.Equal(t, string(c.checkProfile(app, "en", profile)), l.JSON, "profile %s", l.Profile)
		n++
	}
	assert.Equal(t, len(profiles), n)
	assert.NotEqual(t, string(c.checkProfile(app, "en", "")), string(c.checkProfile(app, "en", "huawei")), "the profiles differ on this filing")

	// Word tables other than the build's (one byte changed, same
	// edition): the checks that need them say they could not run
	// (CHECK_UNAVAILABLE, the report not complete) instead of answering
	// from the wrong tables.
	lex := filepath.Join(dir, wasmbuild.LexiconFile)
	b, err = os.ReadFile(lex)
	require.NoError(t, err)
	b[len(b)-1] ^= 1
	require.NoError(t, os.WriteFile(lex, b, 0o644))
	lines, _ = runNode(t, dir, []string{sensitive})
	require.Len(t, lines, 1)
	for _, got := range []string{lines[0].ZH, lines[0].EN} {
		var report struct {
			Complete   bool `json:"complete"`
			Rejections []struct {
				Code string `json:"code"`
			} `json:"rejections"`
		}
		require.NoError(t, json.Unmarshal([]byte(got), &report), got)
		assert.False(t, report.Complete, "%.300s", got)
		var codes []string
		for _, r := range report.Rejections {
			codes = append(codes, r.Code)
		}
		assert.Contains(t, codes, "CHECK_UNAVAILABLE")
		assert.NotContains(t, codes, "SITE_NAME_SENSITIVE", "answered from other word tables")
	}

	// A memory image other than the build's (its identity changed, the
	// rest the same), cut short, or not a memory image at all: load
	// refuses to start the program rather than start it with other
	// memory, and the same files with the build's own image start.
	data := filepath.Join(dir, wasmbuild.DataFile)
	own, err := os.ReadFile(data)
	require.NoError(t, err)
	other := bytes.Clone(own)
	other[len(wasmbuild.DataMagic)+3] ^= 0x40
	for name, bad := range map[string][]byte{
		"another build's": other,
		"cut short":       own[:len(own)-3],
		"no magic":        append([]byte("x"), own[1:]...),
		"empty":           nil,
	} {
		require.NoError(t, os.WriteFile(data, bad, 0o644))
		cmd := exec.Command("node", filepath.Join("testdata", "run.mjs"), dir, filepath.Join(dir, "beian.wasm"), sensitive)
		out, err := cmd.CombinedOutput()
		assert.Error(t, err, "%s: the program started: %.300s", name, out)
	}
	require.NoError(t, os.WriteFile(data, own, 0o644))
	lines, _ = runNode(t, dir, []string{sensitive})
	require.Len(t, lines, 1)
}
