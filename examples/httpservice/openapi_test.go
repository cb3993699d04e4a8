package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOpenAPIRoute: GET /openapi.yaml answers the OpenAPI document, byte
// for byte, as YAML, when the service has one (openAPIDocument), and is
// the JSON 404 while it has none.
func TestOpenAPIRoute(t *testing.T) {
	url, _ := serve(t, testConfig(t), fakeRegistry{})
	resp, err := client.Get(url + "/openapi.yaml")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	doc := openAPIDocument()
	if len(doc) == 0 {
		assert.Equal(t, http.StatusNotFound, resp.StatusCode)
		assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
		return
	}
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/yaml; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, doc, body)
	assert.Contains(t, string(body), "openapi: 3.1")
	assert.Contains(t, string(body), "/v1/filings:validate")
}

// TestServeDocument: the handler behind /openapi.yaml sends the bytes
// with their type and length, and only the headers to HEAD.
func TestServeDocument(t *testing.T) {
	doc := []byte("openapi: 3.1.0\npaths:\n  /v1/filings:validate: {}\n")
	h := serveDocument(doc, "application/yaml; charset=utf-8")
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		rec := httptest.NewRecorder()
		h(rec, httptest.NewRequest(method, "/openapi.yaml", nil))
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Equal(t, "application/yaml; charset=utf-8", rec.Header().Get("Content-Type"))
		assert.Equal(t, strconv.Itoa(len(doc)), rec.Header().Get("Content-Length"))
		if method == http.MethodGet {
			assert.Equal(t, doc, rec.Body.Bytes())
		} else {
			assert.Empty(t, rec.Body.Bytes())
		}
	}
}
