package main

import (
	"net/http"
	"strconv"

	"github.com/icpcheck/beian/docs"
)

// openAPIDocument returns the service's OpenAPI 3.1 document
// (docs/openapi.yaml, embedded by package github.com/icpcheck/beian/docs),
// which newService serves at GET /openapi.yaml.
func openAPIDocument() []byte { return docs.OpenAPI }

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
