package main

import (
	"net/http"
	"strconv"
)

// openAPIDocument returns the service's OpenAPI document (docs/openapi.yaml),
// which newService serves at GET /openapi.yaml when it is not empty. The
// document is package github.com/icpcheck/beian/docs's (embedded bytes);
// until that package is in the library, the hook returns nothing and the
// route is not there (the JSON 404). With it, the body becomes the
// package's bytes, e.g. "return docs.OpenAPI".
func openAPIDocument() []byte { return nil }

// serveDocument answers GET (and HEAD) with doc as contentType.
func serveDocument(doc []byte, contentType string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Length", strconv.Itoa(len(doc)))
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = w.Write(doc)
		}
	}
}
