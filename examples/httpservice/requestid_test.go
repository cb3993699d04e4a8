package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/validatetest"
)

func TestValidRequestID(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want bool
	}{
		{"", false},
		{"a", true},
		{"0b6f1a4e-7c39-4b4e-9f61-2d8c3f1e5a77", true},
		{"gw:1234.req_5", true},
		{"ABCxyz019._:-", true},
		{strings.Repeat("Z", 64), true},
		{strings.Repeat("Z", 65), false},
		{"a b", false},
		{"a/b", false},
		{"a=b", false},
		{"a+b", false},
		{"a,b", false},
		{`a"b`, false},
		{"a\nb", false},
		{"a\x00b", false},
		{"ａ", false}, // full-width
		{"é", false},
	} {
		assert.Equal(t, tt.want, validRequestID(tt.id), "%q", tt.id)
	}
	for range 100 {
		id := newRequestID()
		assert.Regexp(t, generatedID, id)
		assert.True(t, validRequestID(id), "a generated id is valid: %q", id)
	}
}

// TestRequestLogHandler: a record logged with a request's context gets
// its id, once; one logged with another context gets none.
func TestRequestLogHandler(t *testing.T) {
	logs := &syncBuffer{}
	log := slog.New(requestLogHandler{slog.NewJSONHandler(logs, nil)})
	ctx := context.WithValue(context.Background(), infoKey{}, &accessInfo{requestID: "r-1"})
	log.InfoContext(ctx, "with", "k", 1)
	log.With("svc", "x").WarnContext(ctx, "with attrs")
	log.Info("without")
	log.InfoContext(context.Background(), "background")
	for _, msg := range []string{"with", "with attrs"} {
		lines := logLines(t, logs, msg)
		require.Len(t, lines, 1)
		assert.Equal(t, "r-1", lines[0]["request_id"], msg)
	}
	assert.Equal(t, 2, strings.Count(logs.String(), `"request_id"`), "once in each of the two lines:\n%s", logs)
	for _, msg := range []string{"without", "background"} {
		lines := logLines(t, logs, msg)
		require.Len(t, lines, 1)
		assert.NotContains(t, lines[0], "request_id", msg)
	}
}

// TestEveryLogLineHasTheRequestID: every line the service logs while it
// answers requests (access lines, outside checks that failed, readiness
// failures, static files) carries the id of the request it is about, the
// incoming one or the generated one.
func TestEveryLogLineHasTheRequestID(t *testing.T) {
	cfg := testConfig(t, "--web", t.TempDir())
	url, logs := serve(t, cfg, fakeRegistry{err: errInternalDetail})
	body := mustJSON(t, validatetest.NewFiling(t, "44", beian.NatureEnterprise))
	sent := map[string]bool{}
	for i, req := range []struct {
		method, path, body, id string
	}{
		{http.MethodPost, "/v1/filings:validate", string(body), "in-1"},
		{http.MethodPost, "/v1/filings:validate", "[" + string(body) + "," + string(body) + "]", ""},
		{http.MethodPost, "/v1/filings:validate", "{", "in-3"},
		{http.MethodGet, "/readyz", "", "in-4"},
		{http.MethodGet, "/healthz", "", "bad id with spaces"},
		{http.MethodGet, "/missing.html", "", "in-6"},
		{http.MethodDelete, "/healthz", "", ""},
	} {
		r, err := http.NewRequest(req.method, url+req.path, strings.NewReader(req.body))
		require.NoError(t, err)
		r.Header.Set("Content-Type", "application/json")
		if req.id != "" {
			r.Header.Set("X-Request-Id", req.id)
		}
		resp, err := client.Do(r)
		require.NoError(t, err, "request %d", i)
		resp.Body.Close()
		id := resp.Header.Get("X-Request-Id")
		if validRequestID(req.id) {
			assert.Equal(t, req.id, id, "request %d", i)
		} else {
			assert.Regexp(t, generatedID, id, "request %d", i)
		}
		sent[id] = true
	}
	require.Len(t, sent, 7)
	waitLogLines(t, logs, "request", 7)
	msgs := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		id, _ := m["request_id"].(string)
		assert.True(t, sent[id], "a line without the id of a request sent: %s", line)
		msgs[m["msg"].(string)]++
	}
	assert.Equal(t, 7, msgs["request"])
	assert.Equal(t, 1, msgs["not ready"])
	if registryRulesLanded() {
		assert.NotZero(t, msgs["check unavailable"], "the registry's failures are logged")
	}
}
