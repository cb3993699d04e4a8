package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
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

// TestOpenAPIAgreesWithTheService holds the OpenAPI document to the
// service, once the service has one: every path and method it lists is
// served (not the JSON 404 or 405), and every pattern it gives
// X-Request-Id accepts exactly the ids the service keeps
// (validRequestID).
func TestOpenAPIAgreesWithTheService(t *testing.T) {
	doc := string(openAPIDocument())
	if doc == "" {
		t.Skip("no OpenAPI document yet (openAPIDocument): package docs is not in the library")
	}
	url, _ := serve(t, testConfig(t), fakeRegistry{})
	lines := strings.Split(doc, "\n")
	pathLine := regexp.MustCompile(`^  (/\S+):$`)
	methodLine := regexp.MustCompile(`^    (get|post|put|delete|patch):$`)
	paths := 0
	for i, line := range lines {
		m := pathLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, next := range lines[i+1:] {
			mm := methodLine.FindStringSubmatch(next)
			if mm == nil {
				if strings.HasPrefix(next, "    ") {
					continue
				}
				break
			}
			paths++
			req, err := http.NewRequest(strings.ToUpper(mm[1]), url+m[1], strings.NewReader("{}"))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			resp, err := client.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.NotContains(t, []int{http.StatusNotFound, http.StatusMethodNotAllowed}, resp.StatusCode, "%s %s", mm[1], m[1])
		}
	}
	assert.GreaterOrEqual(t, paths, 5, "the document's operations")

	patternLine := regexp.MustCompile(`^\s+pattern: ("(?:[^"\\]|\\.)*")\s*$`)
	ids := []string{"", "a", "0b6f1a4e-7c39-4b4e-9f61-2d8c3f1e5a77", "gw:1.2_3", strings.Repeat("a", 64), strings.Repeat("a", 65),
		strings.Repeat("a", 128), "a/b", "a+b", "a=b", "a b", "请求", newRequestID()}
	patterns := 0
	for i, line := range lines {
		if !strings.Contains(line, "X-Request-Id") && strings.TrimSpace(line) != "RequestID:" {
			continue
		}
		for _, next := range lines[i+1 : min(i+9, len(lines))] {
			if strings.Contains(next, "$ref") {
				break
			}
			m := patternLine.FindStringSubmatch(next)
			if m == nil {
				continue
			}
			pattern, err := strconv.Unquote(m[1])
			require.NoError(t, err, next)
			re, err := regexp.Compile(pattern)
			require.NoError(t, err, pattern)
			patterns++
			for _, id := range ids {
				assert.Equal(t, validRequestID(id), re.MatchString(id), "the document's X-Request-Id pattern %s and the service disagree on %q", pattern, id)
			}
			break
		}
	}
	assert.NotZero(t, patterns, "the document gives X-Request-Id a pattern")
}

// TestOpenAPIExampleIsTheAnswer: the document's 200 example of
// POST /v1/filings:validate is what the service answers its request
// example with ?lang=en, on its default records: outsider12's F2 found a
// report of another filing there (1 rejection where the request gets 9).
// Made to fail by any change of the answer the example does not follow.
func TestOpenAPIExampleIsTheAnswer(t *testing.T) {
	doc := string(openAPIDocument())
	if doc == "" {
		t.Skip("no OpenAPI document yet (openAPIDocument)")
	}
	request, answer := openAPIValidateExamples(t, doc)
	reg, err := openRegistry(context.Background(), "", "", nil)
	require.NoError(t, err)
	url, _ := serve(t, testConfig(t), reg)
	req, err := http.NewRequest(http.MethodPost, url+"/v1/filings:validate?lang=en", strings.NewReader(request))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	require.NoError(t, err)
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", got)
	assert.JSONEq(t, answer, string(got))
}

// openAPIValidateExamples returns the values of the request example and
// of the 200 answer's example of POST /v1/filings:validate, each written
// on one line after "value: ".
func openAPIValidateExamples(t *testing.T, doc string) (request, answer string) {
	t.Helper()
	after := func(from, marker string) (string, string) {
		i := strings.Index(from, marker)
		require.GreaterOrEqual(t, i, 0, "the document has %q", marker)
		rest := from[i:]
		j := strings.Index(rest, "value: ")
		require.GreaterOrEqual(t, j, 0, "a value after %q", marker)
		line, tail, _ := strings.Cut(rest[j+len("value: "):], "\n")
		return line, tail
	}
	request, tail := after(doc, "summary: One filing whose website name is too short")
	answer, _ = after(tail, "summary: The report of the example filing, in English")
	return request, answer
}
