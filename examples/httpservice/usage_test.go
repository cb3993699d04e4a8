package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/examples/httpservice/internal/pgtest"
)

// readme is the repository's README, from this package's directory.
func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	return string(data)
}

// shellWords splits a command line as sh would for what the README
// writes: words separated by blanks, '…' and "…" quotes, a comment
// from a # after a blank; it reports false for a word with a
// substitution ($), which only the shell can expand.
func shellWords(line string) (words []string, plain bool) {
	plain = true
	var w strings.Builder
	inWord, quote := false, byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			if c == '$' && quote == '"' {
				plain = false
			}
			w.WriteByte(c)
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			return words, plain
		default:
			if c == '$' {
				plain = false
			}
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, plain
}

// TestREADMECommands: every command of the README (and the web
// example's) that runs the service gives flags the service takes, and
// every file or directory it names is there, from the directory the
// command runs in: examples/httpservice for go -C examples/httpservice
// run ., the repository root for the built ./httpservice. So the
// README's commands work as written from the root.
func TestREADMECommands(t *testing.T) {
	docs := readme(t)
	web, err := os.ReadFile("../web/README.md")
	require.NoError(t, err)
	docs += "\n" + string(web)
	var n int
	for _, line := range strings.Split(docs, "\n") {
		words, plain := shellWords(line)
		var args []string
		var dir string
		switch {
		case len(words) >= 5 && words[0] == "go" && words[1] == "-C" && words[2] == "examples/httpservice" && words[3] == "run" && words[4] == ".":
			args, dir = words[5:], "."
		case len(words) >= 1 && words[0] == "./httpservice":
			args, dir = words[1:], "../.."
		default:
			continue
		}
		n++
		t.Run(strings.Join(words, " "), func(t *testing.T) {
			cfg, status := parseFlags(args, io.Discard)
			require.Equal(t, -1, status, "the flags of %q", line)
			if !plain {
				return // "$BEIAN_TEST_POSTGRES": only the shell knows
			}
			for _, f := range []struct{ flag, path string }{{"--load-records", cfg.loadRecords}, {"--web", cfg.web}, {"--registry", cfg.registry}} {
				if f.path == "" || (f.flag == "--registry" && isPostgres(f.path)) {
					continue
				}
				_, err := os.Stat(filepath.Join(dir, f.path))
				assert.NoError(t, err, "%s %s from %s", f.flag, f.path, dir)
			}
		})
	}
	assert.GreaterOrEqual(t, n, 6, "the README's service commands")
	assert.NotContains(t, docs, "go run ./examples/httpservice", "the service is a module of its own: go run from the root cannot reach it")
}

// TestREADMEFlagTable: the README's table of flags lists every flag
// with its default, and no flag that does not exist.
func TestREADMEFlagTable(t *testing.T) {
	row := regexp.MustCompile("(?m)^\\| `--([a-z-]+)` \\| ([^|]*) \\|")
	rows := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(readme(t), -1) {
		rows[m[1]] = strings.TrimSpace(m[2])
	}
	var help bytes.Buffer
	_, status := parseFlags([]string{"-h"}, &help)
	require.Equal(t, 0, status)
	seen := 0
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(help.String(), -1) {
		name := m[1]
		seen++
		def, ok := rows[name]
		if !assert.True(t, ok, "--%s is not in the README's table", name) {
			continue
		}
		// The default as --help prints it, or none.
		want := "none"
		if d := regexp.MustCompile(`(?m)^  -` + regexp.QuoteMeta(name) + `\b[^\n]*\n[^\n]*\(default "?([^")]*)"?\)`).FindStringSubmatch(help.String()); d != nil {
			want = "`" + d[1] + "`"
		}
		if name == "registry" {
			want = "`$BEIAN_REGISTRY`, else the built-in example records"
		}
		assert.Equal(t, want, def, "--%s's default", name)
		delete(rows, name)
	}
	assert.GreaterOrEqual(t, seen, 13)
	assert.Empty(t, rows, "rows of flags the service does not have")
}

// TestMissingRecordsFile: a records file that is not there stops the
// service with an error that names the flag, the path as given and where
// it was looked for, and points to the example file.
func TestMissingRecordsFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var logs syncBuffer
	require.Equal(t, 1, run(context.Background(), []string{"--registry", "records.json"}, &logs, nil))
	line := logLines(t, &logs, "opening the registry")
	require.Len(t, line, 1, logs.String())
	msg := line[0]["err"].(string)
	assert.Contains(t, msg, "--registry records.json")
	assert.Contains(t, msg, filepath.Join(dir, "records.json"))
	assert.Contains(t, msg, "examples/httpservice/records.json")

	_, err := openRecords("--load-records", "nope/records.json")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "--load-records nope/records.json")
	assert.Contains(t, err.Error(), filepath.Join(dir, "nope/records.json"))
}

// TestRegistryFromEnvironment: without --registry, BEIAN_REGISTRY gives
// it; --registry wins over it; --help does not print its value (a DSN's
// password).
func TestRegistryFromEnvironment(t *testing.T) {
	abs, err := filepath.Abs("records.json")
	require.NoError(t, err)
	t.Setenv(envRegistry, abs)
	s := start(t, nil)
	resp, err := client.Get(s.url + "/readyz")
	require.NoError(t, err)
	var ready map[string]string
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&ready))
	resp.Body.Close()
	assert.Equal(t, abs, ready["registry"])

	cfg, status := parseFlags([]string{"--registry", "other.json"}, io.Discard)
	require.Equal(t, -1, status)
	assert.Equal(t, "other.json", cfg.registry)

	t.Setenv(envRegistry, "postgres://beian:hunter2secret@db.internal/beian")
	var help bytes.Buffer
	_, status = parseFlags([]string{"--help"}, &help)
	require.Equal(t, 0, status)
	assert.NotContains(t, help.String(), "hunter2secret")
	assert.Contains(t, help.String(), envRegistry)
	assert.Contains(t, help.String(), "PGHOST")
}

// TestRegistryFromPGVariables: --registry postgres:// takes the whole
// address from libpq's PG* variables, as the README says.
func TestRegistryFromPGVariables(t *testing.T) {
	_, dsn := pgtest.Open(t)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	q := u.Query()
	require.NotEmpty(t, q.Get("host"), "the test cluster listens on a socket: %s", dsn)
	t.Setenv("PGHOST", q.Get("host"))
	t.Setenv("PGUSER", u.User.Username())
	t.Setenv("PGDATABASE", strings.TrimPrefix(u.Path, "/"))
	t.Setenv("PGSSLMODE", "disable")
	if p := u.Port(); p != "" {
		t.Setenv("PGPORT", p)
	}
	s := start(t, nil, "--registry", "postgres://")
	resp, err := client.Get(s.url + "/readyz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, s.logs.String())
}
