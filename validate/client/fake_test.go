package client_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/docs"
	"github.com/icpcheck/beian/validate"
)

// fake is a stand-in for the service (examples/httpservice, a module of
// its own that this module cannot import), built from what the OpenAPI
// document says: the endpoints, the request id rule, the error bodies of
// the document's examples, and real reports from the library. A request
// with X-Fake-Status answers that status's example of the document.
type fake struct {
	v      map[bool]*validate.Validator // by Chinese or not
	n      atomic.Int64
	mu     sync.Mutex
	seen   []*http.Request
	errors map[string]map[string]any // status → example body, from the document
	ready  map[string]any            // the 503 example of /readyz
}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

func newFake() *fake {
	f := &fake{
		v: map[bool]*validate.Validator{
			true:  validate.New(validate.WithLanguage(language.SimplifiedChinese)),
			false: validate.New(validate.WithLanguage(language.English)),
		},
		errors: map[string]map[string]any{},
	}
	var doc map[string]any
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		panic(err)
	}
	dig := func(v any, path ...string) any {
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		return v
	}
	responses := dig(doc, "paths", "/v1/filings:validate", "post", "responses").(map[string]any)
	for status, r := range responses {
		if status == "200" {
			continue
		}
		ref := r.(map[string]any)["$ref"].(string)
		resp := dig(doc, strings.Split(strings.TrimPrefix(ref, "#/"), "/")...)
		for _, ex := range dig(resp, "content", "application/json", "examples").(map[string]any) {
			f.errors[status] = dig(ex, "value").(map[string]any)
		}
	}
	for _, ex := range dig(doc, "paths", "/readyz", "get", "responses", "503", "content", "application/json", "examples").(map[string]any) {
		f.ready = dig(ex, "value").(map[string]any)
	}
	return f
}

func (f *fake) requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.seen...)
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.seen = append(f.seen, r.Clone(r.Context()))
	f.mu.Unlock()
	id := r.Header.Get("X-Request-Id")
	if !requestIDPattern.MatchString(id) {
		id = "fake-" + strconv.FormatInt(f.n.Add(1), 10)
	}
	w.Header().Set("X-Request-Id", id)
	writeJSON := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(v)
	}
	fail := func(status int, msg string, problems ...map[string]any) {
		body := map[string]any{"status": status, "message": msg, "request_id": id}
		if len(problems) > 0 {
			body["problems"] = problems
		}
		writeJSON(status, map[string]any{"error": body})
	}
	if s := r.Header.Get("X-Fake-Status"); s != "" {
		if r.URL.Path == "/readyz" && s == "503" {
			body := map[string]any{}
			for k, v := range f.ready {
				body[k] = v
			}
			body["request_id"] = id
			writeJSON(http.StatusServiceUnavailable, body)
			return
		}
		ex, ok := f.errors[s]
		if !ok {
			panic("the document has no example for status " + s)
		}
		e := map[string]any{}
		for k, v := range ex["error"].(map[string]any) {
			e[k] = v
		}
		e["request_id"] = id
		status, _ := strconv.Atoi(s)
		writeJSON(status, map[string]any{"error": e})
		return
	}
	switch r.Method + " " + r.URL.Path {
	case "POST /v1/filings:validate":
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			fail(http.StatusUnsupportedMediaType, "the body must be JSON (Content-Type: application/json)")
			return
		}
		body, _ := io.ReadAll(r.Body)
		zh := r.URL.Query().Get("lang") != "en"
		tag := language.English
		if zh {
			tag = language.SimplifiedChinese
		}
		var raws []json.RawMessage
		many := len(bytes.TrimSpace(body)) > 0 && bytes.TrimSpace(body)[0] == '['
		if many {
			if err := json.Unmarshal(body, &raws); err != nil {
				fail(http.StatusBadRequest, "the body is not usable JSON")
				return
			}
		} else {
			raws = []json.RawMessage{body}
		}
		var reports []*validate.Report
		for i, raw := range raws {
			filing, err := beian.ParseFiling(raw)
			if err != nil {
				var de *beian.DecodeError
				p := map[string]any{"field": "", "problem": err.Error()}
				if errors.As(err, &de) {
					p["field"], p["problem"] = string(de.Path), de.Err.Error()
				}
				if many {
					p["index"] = i
				}
				fail(http.StatusBadRequest, "the body is not a usable filing", p)
				return
			}
			reports = append(reports, f.v[zh].Validate(r.Context(), filing))
		}
		w.Header().Set("Content-Language", tag.String())
		if many {
			writeJSON(http.StatusOK, reports)
			return
		}
		writeJSON(http.StatusOK, reports[0])
	case "GET /healthz":
		writeJSON(http.StatusOK, map[string]string{"status": "ok"})
	case "GET /readyz":
		writeJSON(http.StatusOK, map[string]string{"status": "ready", "registry": "fake"})
	case "GET /metrics":
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		fmt.Fprintln(w, "# TYPE beian_validations_total counter")
		fmt.Fprintln(w, `beian_validations_total{code="SITE_NAME_TOO_SHORT",severity="error"} 1`)
	case "GET /openapi.yaml":
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write(docs.OpenAPI)
	default:
		fail(http.StatusNotFound, "no such endpoint")
	}
}
