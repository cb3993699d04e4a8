//go:build ignore

// Gen writes special.go from IANA's IPv4 and IPv6 Special-Purpose Address
// Registries (data/iana-ipv4-special-registry-1.csv and
// data/iana-ipv6-special-registry-1.csv, as IANA publishes them, with an
// edition comment on top): every address block of both, with its name,
// RFC and Globally Reachable flag.
//
//	go run gen.go            # rewrite special.go
//	go run gen.go -check     # exit 1 when special.go is not current
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"net/netip"
	"os"
	"regexp"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
)

var footnote = regexp.MustCompile(`\s*\[\d+\]`)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("special.go")
	var src bytes.Buffer
	src.WriteString(gentool.Header("probe", "data/iana-ipv4-special-registry-1.csv", "data/iana-ipv6-special-registry-1.csv"))
	var editions []string
	var rows bytes.Buffer
	for _, file := range []string{"data/iana-ipv4-special-registry-1.csv", "data/iana-ipv6-special-registry-1.csv"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			log.Fatal(err)
		}
		edition := ""
		for _, line := range strings.Split(string(raw), "\n") {
			if v, ok := strings.CutPrefix(line, "# edition: "); ok {
				edition = strings.TrimSpace(v)
			}
		}
		if edition == "" {
			log.Fatalf("%s: no edition line", file)
		}
		editions = append(editions, fmt.Sprintf("%s: %s", strings.TrimSuffix(strings.TrimPrefix(file, "data/"), "-1.csv"), edition))
		r := csv.NewReader(bytes.NewReader(raw))
		r.Comment = '#'
		recs, err := r.ReadAll()
		if err != nil {
			log.Fatalf("%s: %v", file, err)
		}
		if len(recs) < 2 || strings.Join(recs[0], ",") != "Address Block,Name,RFC,Allocation Date,Termination Date,Source,Destination,Forwardable,Globally Reachable,Reserved-by-Protocol" {
			log.Fatalf("%s: not IANA's columns", file)
		}
		v6 := strings.Contains(file, "ipv6")
		for _, rec := range recs[1:] {
			name := rec[1]
			rfc := strings.Join(strings.Fields(footnote.ReplaceAllString(rec[2], "")), " ")
			reach := strings.TrimSpace(footnote.ReplaceAllString(rec[8], ""))
			switch reach {
			case "True", "False", "N/A", "": // "" for terminated blocks
			default:
				log.Fatalf("%s: %s: Globally Reachable %q", file, rec[0], rec[8])
			}
			if rec[4] != "N/A" && reach == "" {
				reach = "terminated " + rec[4]
			}
			for _, block := range strings.Split(footnote.ReplaceAllString(rec[0], ""), ",") {
				p, err := netip.ParsePrefix(strings.TrimSpace(block))
				if err != nil || p != p.Masked() || p.Addr().Is6() != v6 {
					log.Fatalf("%s: block %q: %v", file, block, err)
				}
				a := p.Addr().AsSlice()
				lit := "netip.AddrFrom4([4]byte{"
				if v6 {
					lit = "netip.AddrFrom16([16]byte{"
				}
				for i, b := range a {
					if i > 0 {
						lit += ", "
					}
					lit += fmt.Sprint(b)
				}
				lit += "})"
				fmt.Fprintf(&rows, "\t{netip.PrefixFrom(%s, %d), %q, %q, %q}, // %s\n", lit, p.Bits(), name, rfc, reach, p)
			}
		}
	}
	src.WriteString("import \"net/netip\"\n\n")
	src.WriteString("// SpecialPurposeEdition names the editions of IANA's special-purpose\n// address registries the prober's table comes from.\n")
	fmt.Fprintf(&src, "const SpecialPurposeEdition = %q\n\n", strings.Join(editions, "; "))
	src.WriteString("var specialPurpose = [...]SpecialBlock{\n")
	src.Write(rows.Bytes())
	src.WriteString("}\n")
	out.Finish(src.Bytes(), "go generate ./validate/probe")
}
