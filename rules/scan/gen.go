//go:build ignore

// Gen writes tables.go from data/limits.csv: the image limits of each
// profile, per document kind.
//
//	go run gen.go            # rewrite tables.go
//	go run gen.go -check     # exit 1 when tables.go is not current
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
)

type fact struct{ value, confidence, source string }

var limitFields = []struct{ csv, goName string }{
	{"max_bytes", "MaxBytes"},
	{"min_short_side", "MinShortSide"},
	{"min_long_side", "MinLongSide"},
	{"min_sharpness", "MinSharpness"},
}

var formatNames = map[string]string{"jpeg": "FormatJPEG", "png": "FormatPNG"}

var kinds = map[string]bool{"*": true, "subject_cert": true, "principal_cert": true, "site_principal_cert": true,
	"verification_form": true, "authorization_letter": true, "residence_permit": true, "pre_approval": true,
	"domain_holder_proof": true, "photo": true, "commitment_letter": true, "construction_plan": true, "employment_proof": true}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")

	raw, err := os.ReadFile("data/limits.csv")
	if err != nil {
		log.Fatal(err)
	}
	version := ""
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "# version: "); ok {
			version = strings.TrimSpace(v)
		}
	}
	if version == "" {
		log.Fatal("data/limits.csv: no version line")
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	// facts[profile][kind][limit]
	facts := map[string]map[string]map[string]fact{}
	for _, row := range rows[1:] {
		if len(row) != 6 {
			log.Fatalf("want 6 columns, got %q", row)
		}
		prof, kind, limit := row[0], row[1], row[2]
		if !kinds[kind] {
			log.Fatalf("unknown document kind %q", kind)
		}
		switch row[4] {
		case "HIGH", "MED", "LOW":
		default:
			log.Fatalf("%s/%s/%s: confidence %q is not HIGH, MED or LOW", prof, kind, limit, row[4])
		}
		if facts[prof] == nil {
			facts[prof] = map[string]map[string]fact{}
		}
		if facts[prof][kind] == nil {
			facts[prof][kind] = map[string]fact{}
		}
		if _, dup := facts[prof][kind][limit]; dup {
			log.Fatalf("%s/%s/%s given twice", prof, kind, limit)
		}
		facts[prof][kind][limit] = fact{row[3], row[4], row[5]}
	}

	var b bytes.Buffer
	b.WriteString(gentool.Header("scan", "data/limits.csv"))
	fmt.Fprintf(&b, "// LimitsVersion names the edition of the limits data (data/limits.csv).\nconst LimitsVersion = %q\n\n", version)
	b.WriteString("var limitTable = [...]limitEntry{\n")
	profs := sortedKeys(facts)
	for _, p := range profs {
		base := facts[p]["*"]
		if base == nil {
			log.Fatalf("profile %s has no * lines", p)
		}
		for _, k := range sortedKeys(facts[p]) {
			get := func(limit string) fact {
				if f, ok := facts[p][k][limit]; ok {
					return f
				}
				f, ok := base[limit]
				if !ok {
					log.Fatalf("profile %s: no %s limit", p, limit)
				}
				return f
			}
			fmt.Fprintf(&b, "\t{profile: %q, kind: %q, limits: Limits{\n", p, k)
			ff := get("formats")
			var names []string
			for _, n := range strings.Split(ff.value, ";") {
				g, ok := formatNames[n]
				if !ok {
					log.Fatalf("profile %s: format %q cannot be decoded", p, n)
				}
				names = append(names, g)
			}
			fmt.Fprintf(&b, "\t\tFormats: FormatLimit{Allowed: []Format{%s}, Certain: %t, Source: %q},\n", strings.Join(names, ", "), ff.confidence != "LOW", ff.source)
			for _, lf := range limitFields {
				f := get(lf.csv)
				if _, err := strconv.ParseFloat(f.value, 64); err != nil {
					log.Fatalf("profile %s kind %s: %s: %v", p, k, lf.csv, err)
				}
				fmt.Fprintf(&b, "\t\t%s: Limit{Value: %s, Certain: %t, Source: %q},\n", lf.goName, f.value, f.confidence != "LOW", f.source)
			}
			b.WriteString("\t}},\n")
		}
	}
	b.WriteString("}\n")
	out.Finish(b.Bytes(), "go generate ./rules/scan")
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		// "*" first, then by name
		if (ks[i] == "*") != (ks[j] == "*") {
			return ks[i] == "*"
		}
		return ks[i] < ks[j]
	})
	return ks
}
