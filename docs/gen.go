//go:build ignore

// gen writes the JSON Schemas to schema/ and openapi.yaml from
// openapi.in.yaml with the schemas in it (internal/schemagen). Run it with
// go generate ./docs.
package main

import (
	"log"
	"os"
	"path/filepath"

	"github.com/icpcheck/beian/internal/schemagen"
)

func main() {
	tmpl, err := os.ReadFile("openapi.in.yaml")
	if err != nil {
		log.Fatal(err)
	}
	files, err := schemagen.Files(tmpl)
	if err != nil {
		log.Fatal(err)
	}
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(name, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
