package docs_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/docs"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// openAPI returns the document as JSON values (through YAML).
func openAPI(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(docs.OpenAPI, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func get(v any, path ...string) any {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

// TestOpenAPIDocument: the document is OpenAPI 3.1 with the service's
// endpoints, every answer declares X-Request-Id, and every example
// validates against its schema (the filing example also decodes, the
// report example also decodes into a Report).
func TestOpenAPIDocument(t *testing.T) {
	doc := openAPI(t)
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi = %v", doc["openapi"])
	}
	var paths []string
	for p := range doc["paths"].(map[string]any) {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	want := []string{"/healthz", "/metrics", "/openapi.yaml", "/readyz", "/v1/filings:validate"}
	if !slices.Equal(paths, want) {
		t.Errorf("paths %v, want %v", paths, want)
	}

	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const base = "https://example.invalid/openapi.json"
	if err := c.AddResource(base, res); err != nil {
		t.Fatal(err)
	}
	examples := 0
	for path, item := range doc["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			op := op.(map[string]any)
			where := strings.ToUpper(method) + " " + path
			if rb := get(op, "requestBody", "content", "application/json"); rb != nil {
				examples += checkExamples(t, c, base, fmt.Sprintf("#/paths/%s/%s/requestBody/content/application~1json/schema", escape(path), method), rb.(map[string]any), where+" request", func(v []byte) error {
					_, err := beian.ParseFiling(v)
					return err
				})
			}
			for status, r := range op["responses"].(map[string]any) {
				r := resolve(doc, r.(map[string]any))
				if get(r, "headers", "X-Request-Id") == nil {
					t.Errorf("%s %s: no X-Request-Id header", where, status)
				}
				for ct, media := range get(r, "content").(map[string]any) {
					if ct != "application/json" {
						continue
					}
					ptr := schemaPointer(path, method, status, op["responses"].(map[string]any)[status].(map[string]any))
					check := func([]byte) error { return nil }
					if status == "200" && path == "/v1/filings:validate" {
						check = func(v []byte) error {
							var rep validate.Report
							return json.Unmarshal(v, &rep)
						}
					}
					examples += checkExamples(t, c, base, ptr, media.(map[string]any), where+" "+status, check)
				}
			}
		}
	}
	if examples < 10 {
		t.Errorf("only %d examples checked", examples)
	}
}

func escape(p string) string { return strings.ReplaceAll(strings.ReplaceAll(p, "~", "~0"), "/", "~1") }

// schemaPointer is the JSON pointer of a response's JSON schema, through
// its $ref when it has one.
func schemaPointer(path, method, status string, r map[string]any) string {
	if ref, ok := r["$ref"].(string); ok {
		return ref + "/content/application~1json/schema"
	}
	return fmt.Sprintf("#/paths/%s/%s/responses/%s/content/application~1json/schema", escape(path), method, status)
}

func resolve(doc map[string]any, r map[string]any) map[string]any {
	ref, ok := r["$ref"].(string)
	if !ok {
		return r
	}
	var v any = doc
	for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		v = get(v, p)
	}
	return v.(map[string]any)
}

// checkExamples validates each example of a media type against the schema
// at ptr, and runs check on it; it returns how many it checked.
func checkExamples(t *testing.T, c *jsonschema.Compiler, base, ptr string, media map[string]any, where string, check func([]byte) error) int {
	t.Helper()
	s, err := c.Compile(base + ptr)
	if err != nil {
		t.Fatalf("%s: compiling %s: %v", where, ptr, err)
	}
	n := 0
	for name, ex := range get(media, "examples").(map[string]any) {
		v := get(ex, "value")
		data, _ := json.Marshal(v)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s example %s: %v", where, name, err)
		}
		if err := check(data); err != nil {
			t.Errorf("%s example %s: %v", where, name, err)
		}
		n++
	}
	return n
}

// TestOpenAPIProfiles: the profile parameter's names are the profiles
// there are (rules.ProfileNames), so that a profile added to
// rules/data/profiles.csv is documented.
func TestOpenAPIProfiles(t *testing.T) {
	doc := openAPI(t)
	var names []string
	for _, v := range get(doc, "components", "parameters", "Profile", "schema", "enum").([]any) {
		names = append(names, v.(string))
	}
	slices.Sort(names)
	if want := rules.ProfileNames(); !slices.Equal(names, want) {
		t.Errorf("the profile parameter names %v; the profiles are %v", names, want)
	}
}
