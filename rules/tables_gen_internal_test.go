package rules

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"go/format"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
)

// The source tables documents_table.go and profiles_table.go are compiled
// from.
var (
	//go:embed data/documents.csv
	documentsCSV string
	//go:embed data/profiles.csv
	profilesCSV string
)

// TestCompiledTables checks that documents_table.go and profiles_table.go
// are data/documents.csv and data/profiles.csv compiled (with -update,
// that is, go generate, it writes them). Reading the CSV files and
// writing the Go source takes milliseconds, so it runs in every test run.
//
//go:generate go test -run ^TestCompiledTables$ -update
func TestCompiledTables(t *testing.T) {
	reqs, err := parseDocumentRequirements(documentsCSV)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := documentsSource(reqs)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parseProfiles(profilesCSV)
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := profilesSource(ps)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		src  []byte
	}{{"documents_table.go", docs}, {"profiles_table.go", profiles}} {
		if *update {
			if err := os.WriteFile(c.file, c.src, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(c.file)
		if err != nil || string(old) != string(c.src) {
			t.Errorf("%s is not current: run go generate ./rules", c.file)
		}
	}
	if *update {
		return // the package compiled holds the tables as they were
	}
	// What the package holds is what the CSV files say.
	if got := DocumentRequirements(); !slices.EqualFunc(got, reqs, func(a, b DocumentRequirement) bool {
		return a.Kind == b.Kind && a.Owner == b.Owner && a.Natures == b.Natures && slices.Equal(a.Provinces, b.Provinces) &&
			a.When == b.When && a.By == b.By && a.Certain == b.Certain && a.Source == b.Source
	}) {
		t.Errorf("DocumentRequirements() = %+v, the CSV says %+v", got, reqs)
	}
	for i := range documentTable {
		q := &documentTable[i]
		if int(q.kind) != docKindIndex(q.Kind) {
			t.Errorf("requirement %d: kind index %d for %s", i, q.kind, q.Kind)
		}
		when, count, _ := splitWhen(q.When)
		natures, listed, _ := splitNatures(q.Natures)
		if knownOwners[q.owner] != q.Owner || knownNatures[q.natures] != natures || q.listed != listed || knownWhen[q.when] != when || q.count != count {
			t.Errorf("requirement %d: enums %d %d %d for %q %q %q", i, q.owner, q.natures, q.when, q.Owner, q.Natures, q.When)
		}
		for b := range 100 {
			code := fmt.Sprintf("%02d", b)
			if q.provinces.has(code) != slices.Contains(q.Provinces, code) {
				t.Errorf("requirement %d: province set says %v for %s, the list %v", i, q.provinces.has(code), code, q.Provinces)
			}
		}
	}
	if fmt.Sprintf("%+v", *loadProfiles()) != fmt.Sprintf("%+v", *ps) {
		t.Errorf("profiles = %+v, the CSV says %+v", *loadProfiles(), *ps)
	}
}

// TestProvinceSet: a set holds exactly the codes added, two ASCII digits
// each; anything else is in no set.
func TestProvinceSet(t *testing.T) {
	var s provinceSet
	for _, c := range []string{"00", "11", "44", "63", "64", "99"} {
		b := provinceBit(c)
		s[b>>6] |= 1 << (b & 63)
	}
	for b := range 100 {
		c := fmt.Sprintf("%02d", b)
		want := slices.Contains([]string{"00", "11", "44", "63", "64", "99"}, c)
		if s.has(c) != want {
			t.Errorf("has(%s) = %v", c, !want)
		}
	}
	full := provinceSet{^uint64(0), ^uint64(0)}
	for _, c := range []string{"", "4", "044", "4a", "a4", " 44", "44 ", "４４", "\x00\x00", ":0", "0:", "/0"} {
		if full.has(c) || provinceBit(c) >= 0 {
			t.Errorf("%q is in a set", c)
		}
	}
}

// TestDocKindIndex: docKindIndex numbers the kinds beian declares in
// their order, and nothing else.
func TestDocKindIndex(t *testing.T) {
	kinds := beian.DocumentKinds()
	if len(kinds) != numDocKinds {
		t.Fatalf("beian declares %d kinds, numDocKinds is %d", len(kinds), numDocKinds)
	}
	for i, k := range kinds {
		if docKindIndex(k) != i {
			t.Errorf("docKindIndex(%s) = %d, want %d", k, docKindIndex(k), i)
		}
	}
	// Every kind with any one byte changed, and cut at every length: an
	// index only for a declared kind.
	for _, k := range kinds {
		for i := range len(k) {
			for c := range 256 {
				b := []byte(k)
				b[i] = byte(c)
				e := beian.DocumentKind(b)
				if got, want := docKindIndex(e), slices.Index(kinds, e); got != want {
					t.Fatalf("docKindIndex(%q) = %d, want %d", e, got, want)
				}
			}
			if docKindIndex(k[:i]) != -1 || docKindIndex(k+k[i:i+1]) != -1 {
				t.Fatalf("%q cut or grown at %d has an index", k, i)
			}
		}
	}
	for _, k := range []beian.DocumentKind{"", "SUBJECT_CERT", "subject_cert ", "photos", "主办者证件", "subject", "phota", "pre_approvax",
		"subject_cerx", "principal_cerx", "residence_permix", "verification_forx", "commitment_lettex", "site_principal_cerx",
		"domain_holder_proox", "authorization_lettex"} {
		if docKindIndex(k) >= 0 || k.Valid() {
			t.Errorf("%q: index %d, valid %v", k, docKindIndex(k), k.Valid())
		}
	}
}

// The names of the enums' constants, in the order of knownOwners,
// knownNatures and knownWhen.
var (
	ownerConsts   = []string{"reqSubject", "reqSubjectPrincipal", "reqSitePrincipal", "reqSite", "reqDomain", "reqAppPrincipal"}
	naturesConsts = []string{"naturesAny", "naturesPersonal", "naturesUnit", "naturesListed"}
	whenConsts    = []string{"whenAlways", "whenOwnSitePrincipal", "whenSitePrincipalNotLR", "whenPreApproval", "whenDomainHeldByLR", "whenCrossProvincePersonal", "whenPrincipalNotLR", "whenOwnAppPrincipal", "whenOwnMiniProgramPrincipal", "whenWebsitesAtLeast", "whenDomainNamesOver", "whenFilerUnderAge", "whenDomainsAtLeast", "whenFiledWebsitesOver"}
)

// splitNatures reads a Natures column: "*", "personal", "unit", or unit
// natures' wire names separated by ";", which it returns as the set of
// the naturesListed spelling ("listed").
func splitNatures(s string) (natures string, listed natureSet, err error) {
	if slices.Contains(knownNatures, s) && s != "listed" {
		return s, 0, nil
	}
	for _, name := range strings.Split(s, ";") {
		n := beian.Nature(name)
		i := slices.Index(natureOrder[:], n)
		if !n.IsUnit() || i < 0 || listed&(1<<i) != 0 {
			return "", 0, fmt.Errorf("natures %q", s)
		}
		listed |= 1 << i
	}
	return "listed", listed, nil
}

// countingWhen are the circumstances that have a threshold: their When
// holds it after a colon.
var countingWhen = []string{"websites_at_least", "domain_names_over", "filer_under_age", "domains_at_least", "filed_websites_over"}

// splitWhen splits a When column into the circumstance and, for one that
// counts, its threshold (a positive decimal number after a colon).
func splitWhen(w string) (when string, count int, err error) {
	when, n, counted := strings.Cut(w, ":")
	if !slices.Contains(knownWhen, when) || counted != slices.Contains(countingWhen, when) {
		return "", 0, fmt.Errorf("when %q", w)
	}
	if counted {
		if count, err = strconv.Atoi(n); err != nil || count < 1 || n != strconv.Itoa(count) {
			return "", 0, fmt.Errorf("when %q: the threshold is not a positive number", w)
		}
	}
	return when, count, nil
}

// csvVersion returns the edition a data file's "# version: " line names,
// up to the first comma.
func csvVersion(data string) string {
	for _, l := range strings.Split(data, "\n") {
		if v, ok := strings.CutPrefix(l, "# version: "); ok {
			v, _, _ = strings.Cut(v, ",")
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// documentsSource writes documents_table.go.
func documentsSource(reqs []DocumentRequirement) ([]byte, error) {
	var b strings.Builder
	b.WriteString("// Code generated by \"go test -run ^TestCompiledTables$ -update\"; DO NOT EDIT.\n")
	fmt.Fprintf(&b, "// Sources: data/documents.csv (version %s).\n\npackage rules\n\n", csvVersion(documentsCSV))
	b.WriteString("// documentTable is data/documents.csv compiled: each requirement with\n// its columns as the rule tests them.\n")
	b.WriteString("var documentTable = [...]docRequirement{\n")
	for _, q := range reqs {
		var set provinceSet
		for _, c := range q.Provinces {
			bit := provinceBit(c)
			if bit < 0 {
				return nil, fmt.Errorf("province %q is not two digits", c)
			}
			set[bit>>6] |= 1 << (bit & 63)
		}
		provs := "nil"
		if q.Provinces != nil {
			quoted := make([]string, len(q.Provinces))
			for i, c := range q.Provinces {
				quoted[i] = strconv.Quote(c)
			}
			provs = "[]string{" + strings.Join(quoted, ", ") + "}"
		}
		fmt.Fprintf(&b, "\t{\n\t\tDocumentRequirement: DocumentRequirement{\n")
		fmt.Fprintf(&b, "\t\t\tKind: %q, Owner: %q, Natures: %q, Provinces: %s,\n", q.Kind, q.Owner, q.Natures, provs)
		fmt.Fprintf(&b, "\t\t\tWhen: %q, By: %q, Certain: %v,\n", q.When, q.By, q.Certain)
		fmt.Fprintf(&b, "\t\t\tSource: %s,\n\t\t},\n", strconv.Quote(q.Source))
		k := docKindIndex(q.Kind)
		if k < 0 {
			return nil, fmt.Errorf("kind %q", q.Kind)
		}
		when, count, err := splitWhen(q.When)
		if err != nil {
			return nil, err
		}
		natures, listed, err := splitNatures(q.Natures)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "\t\tkind: %d, owner: %s, natures: %s, listed: %#x, when: %s, count: %d, provinces: provinceSet{%#x, %#x},\n\t},\n", k,
			ownerConsts[slices.Index(knownOwners, q.Owner)], naturesConsts[slices.Index(knownNatures, natures)], listed,
			whenConsts[slices.Index(knownWhen, when)], count, set[0], set[1])
	}
	b.WriteString("}\n")
	return format.Source([]byte(b.String()))
}

// profilesSource writes profiles_table.go.
func profilesSource(ps *profileSet) ([]byte, error) {
	var b strings.Builder
	b.WriteString("// Code generated by \"go test -run ^TestCompiledTables$ -update\"; DO NOT EDIT.\n")
	fmt.Fprintf(&b, "// Sources: data/profiles.csv (version %s).\n\npackage rules\n\n", csvVersion(profilesCSV))
	b.WriteString("import \"github.com/icpcheck/beian/provinces\"\n\n")
	b.WriteString("// profileTable is data/profiles.csv compiled.\n")
	b.WriteString("var profileTable = profileSet{\n\tdef: Profile")
	writeProfile(&b, ps.def)
	b.WriteString("\tbyName: []Profile{\n")
	for _, p := range ps.byName {
		b.WriteString("\t")
		writeProfile(&b, p)
	}
	b.WriteString("\t},\n\tnames: []string{")
	for i, n := range ps.names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(n))
	}
	b.WriteString("},\n}\n")
	return format.Source([]byte(b.String()))
}

// writeProfile writes p's fields and the closing brace; the caller
// writes what opens it.
func writeProfile(b *strings.Builder, p Profile) {
	fmt.Fprintf(b, "{\n\t\tName: %q,\n", p.Name)
	fmt.Fprintf(b, "\t\tAppDomainMaxLevel: provinces.Fact[int]{Value: %d, Certain: %v, Source: %s},\n", p.AppDomainMaxLevel.Value, p.AppDomainMaxLevel.Certain, strconv.Quote(p.AppDomainMaxLevel.Source))
	fmt.Fprintf(b, "\t\tVerificationWaitDays: provinces.Fact[int]{Value: %d, Certain: %v, Source: %s},\n", p.VerificationWaitDays.Value, p.VerificationWaitDays.Certain, strconv.Quote(p.VerificationWaitDays.Source))
	fmt.Fprintf(b, "\t\tEmergencyDistinct: provinces.Fact[bool]{Value: %v, Certain: %v, Source: %s},\n", p.EmergencyDistinct.Value, p.EmergencyDistinct.Certain, strconv.Quote(p.EmergencyDistinct.Source))
	fmt.Fprintf(b, "\t\tFilesMiniPrograms: provinces.Fact[bool]{Value: %v, Certain: %v, Source: %s},\n", p.FilesMiniPrograms.Value, p.FilesMiniPrograms.Certain, strconv.Quote(p.FilesMiniPrograms.Source))
	fmt.Fprintf(b, "\t\tPersonalWebsitesPerOrder: provinces.Fact[int]{Value: %d, Certain: %v, Source: %s},\n", p.PersonalWebsitesPerOrder.Value, p.PersonalWebsitesPerOrder.Certain, strconv.Quote(p.PersonalWebsitesPerOrder.Source))
	fmt.Fprintf(b, "\t\tUnitWebsitesPerOrder: provinces.Fact[int]{Value: %d, Certain: %v, Source: %s},\n", p.UnitWebsitesPerOrder.Value, p.UnitWebsitesPerOrder.Certain, strconv.Quote(p.UnitWebsitesPerOrder.Source))
	fmt.Fprintf(b, "\t\tResubmissionWindowDays: provinces.Fact[int]{Value: %d, Certain: %v, Source: %s},\n", p.ResubmissionWindowDays.Value, p.ResubmissionWindowDays.Certain, strconv.Quote(p.ResubmissionWindowDays.Source))
	fmt.Fprintf(b, "\t\tknown: %v,\n\t},\n", p.known)
}

// parseDocumentRequirements reads data/documents.csv.
func parseDocumentRequirements(data string) ([]DocumentRequirement, error) {
	r := csv.NewReader(strings.NewReader(data))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, errors.New("documents.csv: no requirements")
	}
	var out []DocumentRequirement
	for i, row := range rows[1:] {
		if len(row) != 8 {
			return nil, fmt.Errorf("documents.csv: line %d: want 8 columns", i+2)
		}
		q := DocumentRequirement{Kind: beian.DocumentKind(row[0]), Owner: row[1], Natures: row[2], When: row[4], By: row[5], Source: row[7]}
		if _, _, err := splitWhen(q.When); err != nil {
			return nil, fmt.Errorf("documents.csv: line %d: %v", i+2, err)
		}
		if _, _, err := splitNatures(q.Natures); err != nil {
			return nil, fmt.Errorf("documents.csv: line %d: %v", i+2, err)
		}
		if !q.Kind.Valid() || !slices.Contains(knownOwners, q.Owner) || q.Source == "" {
			return nil, fmt.Errorf("documents.csv: line %d: bad requirement %q", i+2, row)
		}
		switch row[6] {
		case "HIGH", "MED":
			q.Certain = true
		case "LOW":
		default:
			return nil, fmt.Errorf("documents.csv: line %d: confidence %q", i+2, row[6])
		}
		if row[3] != "*" {
			q.Provinces = strings.Split(row[3], ";")
		}
		out = append(out, q)
	}
	return out, nil
}

// profileProviders are the providers a profile can be selected for.
var profileProviders = []string{"aliyun", "huawei", "tencent"}

// parseProfiles reads data/profiles.csv.
func parseProfiles(text string) (*profileSet, error) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, "#") && strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "profile,fact,value,confidence,source" {
		return nil, fmt.Errorf("no header")
	}
	rows := map[string]map[string][]string{}
	for _, r := range recs[1:] {
		if r[0] != "*" && !slices.Contains(profileProviders, r[0]) {
			return nil, fmt.Errorf("unknown profile %q", r[0])
		}
		if rows[r[0]] == nil {
			rows[r[0]] = map[string][]string{}
		}
		rows[r[0]][r[1]] = r
	}
	build := func(name string) (Profile, error) {
		p := Profile{Name: name}
		get := func(fact string) (value, conf, source string, err error) {
			if r, ok := rows[name][fact]; ok && name != "*" {
				return r[2], r[3], r[4], nil
			}
			r, ok := rows["*"][fact]
			if !ok {
				return "", "", "", fmt.Errorf("no default for %s", fact)
			}
			if name != "*" {
				// Inherited: the strictest sourced value, uncertain for
				// this provider.
				return r[2], "LOW", r[4] + " (no page found for " + name + ": the strictest sourced value)", nil
			}
			return r[2], r[3], r[4], nil
		}
		certain := func(conf string) bool { return conf == "HIGH" || conf == "MED" }
		intFact := func(fact string, dst *provinces.Fact[int]) error {
			v, c, s, err := get(fact)
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%s: %v", fact, err)
			}
			*dst = provinces.Fact[int]{Value: n, Certain: certain(c), Source: s}
			return nil
		}
		boolFact := func(fact string, dst *provinces.Fact[bool]) error {
			v, c, s, err := get(fact)
			if err != nil {
				return err
			}
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("%s: %v", fact, err)
			}
			*dst = provinces.Fact[bool]{Value: b, Certain: certain(c), Source: s}
			return nil
		}
		for _, err := range []error{
			intFact("app_domain_max_level", &p.AppDomainMaxLevel),
			intFact("verification_wait_days", &p.VerificationWaitDays),
			boolFact("emergency_distinct", &p.EmergencyDistinct),
			boolFact("files_mini_programs", &p.FilesMiniPrograms),
			intFact("personal_websites_per_order", &p.PersonalWebsitesPerOrder),
			intFact("unit_websites_per_order", &p.UnitWebsitesPerOrder),
			intFact("resubmission_window_days", &p.ResubmissionWindowDays),
		} {
			if err != nil {
				return p, err
			}
		}
		if name == "*" {
			p.Name = ""
		}
		p.known = true
		return p, nil
	}
	ps := &profileSet{names: profileProviders}
	var err2 error
	if ps.def, err2 = build("*"); err2 != nil {
		return nil, err2
	}
	for _, n := range profileProviders {
		p, err := build(n)
		if err != nil {
			return nil, err
		}
		ps.byName = append(ps.byName, p)
	}
	return ps, nil
}

// TestTrimSpace holds trimSpace to strings.TrimSpace with every rune (and
// every byte that starts no rune) at the start, at the end and at both
// ends of a Chinese name, alone, and after a continuation byte.
func TestTrimSpace(t *testing.T) {
	check := func(s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		for _, s := range []string{c, c + "张三", "张三" + c, c + "张三" + c, "\x80" + c, c + "\x80", "a" + c, c + "a"} {
			check(s)
		}
	}
	for b := range 256 {
		c := string([]byte{byte(b)})
		for _, s := range []string{c, c + "张三", "张三" + c, "张" + c + c + c, c + "\x80\x80\x80", "\xe3\x80" + c} {
			check(s)
		}
	}
	check("")
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", "张三", " 张三", "张三\u3000", "\u00a0a", "a\u0085", "\xe2\x80", "\x80\x80\x80\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestNatureOrder: natureOrder is beian's natures in its order, and a
// natureSet holds exactly the natures set in it.
func TestNatureOrder(t *testing.T) {
	if !slices.Equal(natureOrder[:], beian.Natures()) {
		t.Fatalf("natureOrder = %v, beian declares %v", natureOrder, beian.Natures())
	}
	for bits := range natureSet(1 << len(natureOrder)) {
		for i, n := range natureOrder {
			if bits.has(n) != (bits&(1<<i) != 0) {
				t.Fatalf("%b.has(%s) = %v", bits, n, bits.has(n))
			}
		}
		if bits.has("") || bits.has("Government") {
			t.Fatalf("%b has an undeclared nature", bits)
		}
	}
}

// TestSplitColumns: the counted When and listed Natures spellings the
// documents table takes, and those it refuses.
func TestSplitColumns(t *testing.T) {
	for _, w := range []string{"websites_at_least:30", "domain_names_over:5", "filer_under_age:18", "domains_at_least:1", "always", "pre_approval"} {
		if _, _, err := splitWhen(w); err != nil {
			t.Errorf("splitWhen(%q): %v", w, err)
		}
	}
	for _, w := range []string{"websites_at_least", "websites_at_least:", "websites_at_least:0", "websites_at_least:-3", "websites_at_least:030",
		"websites_at_least:3x", "always:3", "sometimes", "sometimes:3", ""} {
		if _, _, err := splitWhen(w); err == nil {
			t.Errorf("splitWhen(%q) accepted", w)
		}
	}
	if n, set, err := splitNatures("government;institution"); err != nil || n != "listed" || !set.has(beian.NatureGovernment) ||
		!set.has(beian.NatureInstitution) || set.has(beian.NatureEnterprise) {
		t.Errorf("splitNatures(government;institution) = %q %b %v", n, set, err)
	}
	for _, s := range []string{"listed", "personal;government", "government;government", "government;", "Government", "government; institution", ""} {
		if _, _, err := splitNatures(s); err == nil {
			t.Errorf("splitNatures(%q) accepted", s)
		}
	}
}
