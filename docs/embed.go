// Package docs holds the service's machine-readable contract, embedded so
// that a program can serve it: the OpenAPI 3.1 document of the HTTP
// service (examples/httpservice) and the JSON Schemas (draft 2020-12) of
// the wire formats, generated from the Go types by go generate ./docs
// (internal/schemagen) and kept current by a test.
package docs

import (
	"embed"
	"io/fs"
)

//go:generate go run gen.go

// OpenAPI is docs/openapi.yaml, the OpenAPI 3.1 document of the service,
// with the schemas below written into its components.
//
//go:embed openapi.yaml
var OpenAPI []byte

//go:embed schema/*.schema.json
var schemaFiles embed.FS

// Schemas holds the JSON Schemas by file name: filing.schema.json (a filing
// as beian.DecodeFiling reads it), report.schema.json (validate.Report's
// JSON) and records.schema.json (a records file of validate/records).
var Schemas fs.FS = mustSub(schemaFiles, "schema")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // a constant directory of the embedded files
	}
	return sub
}
