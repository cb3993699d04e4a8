package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// webDir writes a small site: an index, a script, a wasm file with its
// gzip sibling, and a symbolic link out of the directory.
func webDir(t *testing.T) (dir string, wasm, wasmGz []byte) {
	t.Helper()
	parent := t.TempDir()
	dir = filepath.Join(parent, "site")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "beian"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>page</title>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.js"), []byte("export {};\n"), 0o644))
	wasm = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("beian "), 1000)...)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(wasm)
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "beian", "beian.wasm"), wasm, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "beian", "beian.wasm.gz"), gz.Bytes(), 0o644))
	secret := filepath.Join(parent, "secret.txt")
	require.NoError(t, os.WriteFile(secret, []byte("secret"), 0o644))
	if err := os.Symlink(secret, filepath.Join(dir, "link.txt")); err != nil {
		t.Logf("no symbolic link: %v", err)
	}
	return dir, wasm, gz.Bytes()
}

func get(t *testing.T, method, url string, header http.Header) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	// Setting Accept-Encoding ourselves keeps the transport from
	// decompressing: the test sees the bytes sent.
	if req.Header.Get("Accept-Encoding") == "" {
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

// jsonError decodes the service's error body and returns its status.
func jsonError(t *testing.T, resp *http.Response, body []byte) int {
	t.Helper()
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var b errorBody
	require.NoError(t, json.Unmarshal(body, &b), "%s", body)
	assert.NotEmpty(t, b.Error.RequestID)
	return b.Error.Status
}

func TestStaticSite(t *testing.T) {
	dir, wasm, wasmGz := webDir(t)
	base, _ := serve(t, testConfig(t, "--web", dir), fakeRegistry{})

	resp, body := get(t, "GET", base+"/", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "'wasm-unsafe-eval'")
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
	assert.Contains(t, string(body), "<title>page</title>")

	resp, _ = get(t, "GET", base+"/app.js", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript"), resp.Header.Get("Content-Type"))

	// The wasm: compressed to a client that takes gzip, plain otherwise.
	resp, body = get(t, "GET", base+"/beian/beian.wasm", http.Header{"Accept-Encoding": {"br, gzip"}})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"))
	assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"))
	assert.Equal(t, wasmGz, body)
	resp, body = get(t, "GET", base+"/beian/beian.wasm", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, resp.Header.Get("Content-Encoding"))
	assert.Equal(t, wasm, body)
	resp, body = get(t, "GET", base+"/beian/beian.wasm", http.Header{"Accept-Encoding": {"gzip;q=0"}})
	assert.Empty(t, resp.Header.Get("Content-Encoding"))
	assert.Equal(t, wasm, body)
	resp, body = get(t, "HEAD", base+"/beian/beian.wasm", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, body)

	// What is not a file of the site is the service's JSON 404.
	for _, p := range []string{"/missing.js", "/beian/", "/beian", "/beian/beian.wasm.gz", "/link.txt", "/%2e%2e/secret.txt", "/v1/unknown"} {
		resp, body = get(t, "GET", base+p, nil)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, p)
		assert.Equal(t, http.StatusNotFound, jsonError(t, resp, body), p)
		assert.NotContains(t, string(body), "secret", p)
	}
	// A method the site does not take is the service's JSON 405.
	resp, body = get(t, "POST", base+"/index.html", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, http.StatusMethodNotAllowed, jsonError(t, resp, body))
	assert.Contains(t, resp.Header.Get("Allow"), "GET")
	// The endpoints are unchanged.
	resp, _ = get(t, "GET", base+"/healthz", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	resp, body = get(t, "GET", base+"/v1/filings:validate", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, http.StatusMethodNotAllowed, jsonError(t, resp, body))
}

func TestStaticSiteOffByDefault(t *testing.T) {
	base, _ := serve(t, testConfig(t), fakeRegistry{})
	resp, body := get(t, "GET", base+"/", nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Equal(t, http.StatusNotFound, jsonError(t, resp, body))
}

func TestWebFlagNeedsADirectory(t *testing.T) {
	var stderr bytes.Buffer
	_, status := parseFlags([]string{"--web", filepath.Join(t.TempDir(), "none")}, &stderr)
	assert.Equal(t, 2, status)
	assert.Contains(t, stderr.String(), "--web")
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"": false, "gzip": true, "GZIP": true, "br, gzip;q=0.5": true, "gzip;q=0": false,
		"gzip; q=0": false, "deflate": false, "x-gzip": false, "identity": false,
	} {
		r, _ := http.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", header)
		assert.Equal(t, want, acceptsGzip(r), "%q", header)
	}
}

// TestStaticSiteDirectoriesAndDotFiles: a directory with an index.html
// named without its slash is sent to it (301, the query kept), as
// net/http's FileServer does, and served with it; a dot file or a file in
// a dot directory is the service's JSON 404 (outsider12's F6 and its
// doubt on .hidden). Made to fail by leaving out the redirect (404) or
// hidden (200).
func TestStaticSiteDirectoriesAndDotFiles(t *testing.T) {
	dir, _, _ := webDir(t)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, ".git"), 0o755))
	for _, f := range []string{"sub/index.html", "sub/deeper/index.html", ".env", ".git/config", "sub/.hidden"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte("<title>"+f+"</title>"), 0o644))
	}
	base, _ := serve(t, testConfig(t, "--web", dir), fakeRegistry{})
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for p, want := range map[string]string{"/sub": "/sub/", "/sub/deeper": "/sub/deeper/", "/sub?lang=en": "/sub/?lang=en"} {
		resp, err := noRedirect.Get(base + p)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode, p)
		assert.Equal(t, want, resp.Header.Get("Location"), p)
	}
	for p, title := range map[string]string{"/sub": "sub/index.html", "/sub/": "sub/index.html", "/sub/deeper": "sub/deeper/index.html"} {
		resp, body := get(t, "GET", base+p, nil)
		assert.Equal(t, http.StatusOK, resp.StatusCode, p)
		assert.Contains(t, string(body), title, p)
	}
	for _, p := range []string{"/.env", "/.git/config", "/sub/.hidden", "/.git/", "/%2egit/config"} {
		resp, body := get(t, "GET", base+p, nil)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, p)
		assert.Equal(t, http.StatusNotFound, jsonError(t, resp, body), p)
	}
}
