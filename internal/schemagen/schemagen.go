// Package schemagen writes the JSON Schemas (draft 2020-12) of the wire
// formats from the Go types: the filing (beian.Filing, as beian's decoder
// reads it), the report (validate.Report's JSON) and the records file
// (validate/records). docs/gen.go writes them to docs/schema and into
// docs/openapi.yaml; a test in package docs checks that the files are
// current.
package schemagen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/records"
)

// BaseURI is where the schemas' $id values point: the files in the
// repository.
const BaseURI = "https://github.com/icpcheck/beian/blob/main/docs/schema/"

// An Object is a JSON object that keeps its keys in the order given.
type Object []Member

// A Member is one key and value of an [Object].
type Member struct {
	Key   string
	Value any
}

// MarshalJSON writes the members in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Encode writes a schema as indented JSON with a final newline.
func Encode(schema Object) ([]byte, error) {
	raw, err := marshal(schema)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	// Spaces other than ASCII's are escaped, for readers and for YAML,
	// in which U+0085 may break a line.
	var out bytes.Buffer
	for _, r := range b.String() {
		if r > unicode.MaxASCII && unicode.IsSpace(r) {
			fmt.Fprintf(&out, "\\u%04x", r)
			continue
		}
		out.WriteRune(r)
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Limits the filing decoder enforces that a schema cannot express; the
// agreement test leaves out the inputs that reach them, by these rules.
const filingLimits = `Limits of beian's decoder that this schema cannot express: ` +
	`a member given twice in one object is refused (duplicate keys); ` +
	`the input is at most 4 MiB (beian.DefaultMaxBytes, DecodeOptions.MaxBytes); ` +
	`a number in an integer field is written without fraction or exponent (1, not 1.0 or 1e0); ` +
	`an enumeration name or a date is at most 1024 bytes. ` +
	`Lists hold at most 10000 elements (beian.DefaultMaxItems; DecodeOptions.MaxItems may change it). ` +
	`Every member may be absent or null (the zero value: an empty string, false, 0, no list), ` +
	`so this schema checks the shape and the enumerations; the rules check the rest.`

// Filing returns the schema of a filing as beian.DecodeFiling reads it.
func Filing() Object {
	g := &gen{maxItems: beian.DefaultMaxItems}
	body := g.schema(reflect.TypeFor[beian.Filing](), false)
	return append(Object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", BaseURI + "filing.schema.json"},
		{"title", "ICP filing (beian.Filing)"},
		{"description", "One ICP filing in the wire format of github.com/icpcheck/beian. " + filingLimits},
	}, body...)
}

// gen builds schemas of model types by reflection.
type gen struct {
	maxItems int
	// enums overrides the schema of a string type (records want the
	// wire names only).
	enums map[reflect.Type]Object
}

// nullable adds "null" to a type.
func nullable(t string, null bool) any {
	if null {
		return []string{t, "null"}
	}
	return t
}

var (
	dateType       = reflect.TypeFor[beian.Date]()
	enumNamesByTyp = map[reflect.Type]func() []enumName{
		reflect.TypeFor[beian.FilingType]():      func() []enumName { return names(beian.FilingTypes()) },
		reflect.TypeFor[beian.Nature]():          func() []enumName { return names(beian.Natures()) },
		reflect.TypeFor[beian.CertType]():        func() []enumName { return names(beian.CertTypes()) },
		reflect.TypeFor[beian.ContentCategory](): func() []enumName { return names(beian.ContentCategories()) },
		reflect.TypeFor[beian.DocumentKind]():    func() []enumName { return names(beian.DocumentKinds()) },
		reflect.TypeFor[beian.AppType]():         func() []enumName { return names(beian.AppTypes()) },
		reflect.TypeFor[beian.Platform]():        func() []enumName { return names(beian.Platforms()) },
	}
)

// An enumName is one value of an enumeration with every spelling its
// parser takes.
type enumName struct {
	value  string
	exact  []string // the Chinese label, compared as it is
	folded []string // the value, the English label and the aliases, compared ignoring case
}

func names[T beian.Enum](vs []T) []enumName {
	out := make([]enumName, len(vs))
	for i, v := range vs {
		s := beian.Spellings(v) // the value, the Chinese label, the English label, the aliases
		out[i] = enumName{value: string(v), exact: s[1:2], folded: append([]string{s[0]}, s[2:]...)}
	}
	return out
}

func (g *gen) schema(t reflect.Type, null bool) Object {
	if o, ok := g.enums[t]; ok {
		return o
	}
	if t == dateType {
		return dateSchema(null)
	}
	if f, ok := enumNamesByTyp[t]; ok {
		return enumSchema(f(), null)
	}
	switch t.Kind() {
	case reflect.String:
		return Object{{"type", nullable("string", null)}}
	case reflect.Bool:
		return Object{{"type", nullable("boolean", null)}}
	case reflect.Int:
		return Object{{"type", nullable("integer", null)}, {"minimum", 0}, {"maximum", 1<<31 - 1}}
	case reflect.Int64:
		return Object{{"type", nullable("integer", null)}, {"minimum", 0}, {"maximum", int64(1<<63 - 1)}}
	case reflect.Pointer:
		return g.schema(t.Elem(), true)
	case reflect.Slice:
		o := Object{{"type", nullable("array", null)}, {"items", g.schema(t.Elem(), true)}}
		if g.maxItems > 0 {
			o = append(o, Member{"maxItems", g.maxItems})
		}
		return o
	case reflect.Struct:
		var props Object
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props = append(props, Member{name, g.schema(f.Type, true)})
		}
		return Object{{"type", nullable("object", null)}, {"properties", props}, {"additionalProperties", false}}
	}
	panic(fmt.Sprintf("schemagen: no schema for %s", t))
}

// datePattern is a calendar day, YYYY-MM-DD, February 29 in leap years
// only: the day of an RFC 3339 time.
const datePattern = `[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))` +
	`|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29`

// timePattern is the time beian.ParseDate reads after an RFC 3339 day:
// what time.Parse(time.RFC3339) takes (an hour of one or two digits, a
// fraction of a second after "." or ","), with a lower-case t or a space
// for the T, a lower-case z and a leap second's :60 as RFC 3339 allows,
// and an offset "Z" or ±hh:mm no later than 23:59 as it requires.
const timePattern = `[Tt ](?:[01]?[0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:[.,][0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])`

// yearFirstPattern is the other layouts beian.ParseDate reads: a day
// written YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 (日 optional) or
// YYYYMMDD, digits and separators ASCII or full width, and an optional
// local time after a space, an ideographic space or "T".
var yearFirstPattern = func() string {
	// d is a class of the digits in set (ranges allowed), ASCII or full width.
	d := func(set string) string {
		full := []rune(set)
		for i, r := range full {
			if '0' <= r && r <= '9' {
				full[i] = r - '0' + '０'
			}
		}
		return "[" + set + string(full) + "]"
	}
	digit := d("0-9")
	leap := `(?:` + digit + `{2}(?:` + d("0") + d("48") + `|` + d("2468") + d("048") + `|` + d("13579") + d("26") + `)|(?:` +
		d("02468") + d("048") + `|` + d("13579") + d("26") + `)` + d("0") + d("0") + `)`
	// days returns year, month and day joined by s1 and s2 (s3 after the
	// day), the month and day with a leading zero optional unless padded.
	days := func(s1, s2, s3 string, padded bool) string {
		z := d("0") + "?"
		if padded {
			z = d("0")
		}
		m31 := `(?:` + z + d("13578") + `|` + d("1") + d("02") + `)`
		m30 := `(?:` + z + d("469") + `|` + d("1") + d("1") + `)`
		feb := z + d("2")
		d31 := `(?:` + z + d("1-9") + `|` + d("12") + digit + `|` + d("3") + d("01") + `)`
		d30 := `(?:` + z + d("1-9") + `|` + d("12") + digit + `|` + d("3") + d("0") + `)`
		d28 := `(?:` + z + d("1-9") + `|` + d("1") + digit + `|` + d("2") + d("0-8") + `)`
		return `(?:` + digit + `{4}` + s1 + `(?:` + m31 + s2 + d31 + `|` + m30 + s2 + d30 + `|` + feb + s2 + d28 + `)` +
			`|` + leap + s1 + feb + s2 + d("2") + d("9") + `)` + s3
	}
	colon := `[:：]`
	clock := "(?:[ \u3000T](?:" + d("01") + `?` + digit + `|` + d("2") + d("0-3") + `)` + colon + d("0-5") + digit +
		`(?:` + colon + d("0-5") + digit + `(?:[.．]` + digit + `+)?)?)?`
	return `(?:` + days(`[-－]`, `[-－]`, "", false) + `|` + days(`[/／]`, `[/／]`, "", false) + `|` +
		days(`[.．]`, `[.．]`, "", false) + `|` + days("年", "月", "日?", false) + `|` + days("", "", "", true) + `)` + clock
}()

// dateSchema is a day as beian.ParseDate reads it: empty, 长期 or 长期有效,
// a year-first day with an optional local time, or an RFC 3339 time as
// Go's time package reads it, with spaces around. A pattern, not
// "format": "date-time", which validators need not assert and which
// differs from Go's (lower-case t and z, leap seconds, offsets).
func dateSchema(null bool) Object {
	sp := "[" + regexClass(spaces()) + "]*"
	return Object{
		{"type", nullable("string", null)},
		{"description", "a day written year first: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 or YYYYMMDD, optionally with a local time (2026-10-05 14:30); or an RFC 3339 time, whose day in China is taken; empty means not given, and so does 长期 (or 长期有效), a certificate's validity without end"},
		{"pattern", "^" + sp + "(?:|长期|长期有效|" + yearFirstPattern + "|(?:" + datePattern + ")(?:" + timePattern + "))" + sp + "$"},
	}
}

// spaces are the characters strings.TrimSpace removes (unicode.IsSpace).
func spaces() string {
	var b strings.Builder
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// enumSchema accepts what the enumeration's UnmarshalText accepts: the
// empty string, or, around spaces, the wire name or an English label or
// alias in any case, or the Chinese label as written.
func enumSchema(vals []enumName, null bool) Object {
	var alts []string
	var wire []string
	for _, v := range vals {
		wire = append(wire, v.value)
		add := func(alt string) {
			if alt != "" && !slices.Contains(alts, alt) {
				alts = append(alts, alt)
			}
		}
		for _, s := range v.folded {
			add(caseless(s))
		}
		for _, s := range v.exact {
			add(regexClass(s))
		}
	}
	ws := "[" + regexClass(spaces()) + "]*"
	return Object{
		{"type", nullable("string", null)},
		{"description", "one of " + strings.Join(wire, ", ") + " (the wire names; the decoder also takes the Chinese and English labels and aliases, in any case, with spaces around; empty means not given)"},
		{"examples", wire},
		{"pattern", "^(?:|" + ws + "(?:" + strings.Join(alts, "|") + ")" + ws + ")$"},
	}
}

// caseless writes s as a regular expression that matches it under
// strings.EqualFold: each letter as the class of its case folds.
func caseless(s string) string {
	var b strings.Builder
	for _, r := range s {
		orbit := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			orbit = append(orbit, f)
		}
		if len(orbit) == 1 {
			b.WriteString(regexChar(r))
			continue
		}
		slices.Sort(orbit)
		b.WriteString("[")
		for _, o := range orbit {
			b.WriteString(regexChar(o))
		}
		b.WriteString("]")
	}
	return b.String()
}

// regexChar escapes a character for a pattern (ECMA-262 and RE2 alike).
func regexChar(r rune) string {
	if strings.ContainsRune(`\^$.|?*+()[]{}/-`, r) {
		return `\` + string(r)
	}
	return string(r)
}

func regexClass(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(regexChar(r))
	}
	return b.String()
}

// Report returns the schema of validate.Report's JSON (Report.MarshalJSON,
// WriteJSON, the service's answers).
func Report() Object {
	var codes []string
	for _, c := range rules.Codes() {
		codes = append(codes, string(c))
	}
	var severities []string
	for s := rules.Notice; s <= rules.Error; s++ {
		severities = append(severities, s.String())
	}
	str := Object{{"type", "string"}}
	path := Object{{"type", "string"}, {"description", "a field path with the wire format's JSON names, websites[0].name; empty for the filing as a whole"}}
	// Codes and fields are open: RELEASING.md lets a minor release add a
	// code or a report field, and a consumer must accept them, so the
	// schema names this version's codes (examples) without closing the set.
	code := Object{
		{"type", "string"},
		{"pattern", "^[A-Z][A-Z0-9_]*$"},
		{"description", "a stable code, explained at docs/codes/CODE.md; examples lists this version's codes, and a later minor version may add others"},
		{"examples", codes},
	}
	offset := Object{{"type", "integer"}, {"minimum", 0}}
	rejection := Object{
		{"type", "object"},
		{"required", []string{"code", "severity", "field", "message", "remedy", "doc"}},
		{"properties", Object{
			{"code", code},
			{"severity", Object{{"type", "string"}, {"enum", severities}}},
			{"field", path},
			{"message", Object{{"type", "string"}, {"description", "what is wrong, in the report's language"}}},
			{"remedy", Object{{"type", "string"}, {"description", "what to do, in the report's language"}}},
			{"related", Object{{"type", "array"}, {"items", path}, {"minItems", 1}}},
			{"span", Object{
				{"type", "object"},
				{"description", "where in the field's value as sent the problem lies, [start, end) in UTF-16 code units"},
				{"required", []string{"start", "end"}},
				{"properties", Object{{"start", offset}, {"end", offset}}},
			}},
			{"fixes", Object{{"type", "array"}, {"minItems", 1}, {"items", Object{
				{"type", "object"},
				{"required", []string{"field", "value", "title"}},
				{"properties", Object{
					{"field", Object{{"type", "string"}, {"description", "the text field to set, a field path with the wire format's JSON names (websites[0].name); the field may be absent or null in the filing as sent, which the fix then sets"}}},
					{"value", Object{{"type", "string"}, {"description", "the field's whole new value"}}},
					{"title", str}}},
			}}}},
			{"source", Object{
				{"type", "object"},
				{"required", []string{"key", "url", "edition", "certain"}},
				{"properties", Object{{"key", str}, {"url", str}, {"edition", str}, {"certain", Object{{"type", "boolean"}}}}},
			}},
			{"doc", Object{{"type", "string"}, {"pattern", "^docs/codes/[A-Z0-9_]+\\.md$"}}},
		}},
	}
	return Object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", BaseURI + "report.schema.json"},
		{"title", "Validation report (validate.Report)"},
		{"description", "The report of one filing, as validate.Report.MarshalJSON writes it and the service answers it. " +
			"Rejections are sorted by field path, then code. ok is false when a rejection is an error; complete is false when a check could not run (a CHECK_UNAVAILABLE rejection). " +
			"Open for what a later minor version may add (RELEASING.md): a code this version does not list, a property it does not name."},
		{"type", "object"},
		{"required", []string{"ok", "complete", "rejections", "skipped"}},
		{"properties", Object{
			{"ok", Object{{"type", "boolean"}}},
			{"complete", Object{{"type", "boolean"}}},
			{"rejections", Object{{"type", "array"}, {"items", rejection}}},
			{"skipped", Object{{"type", "array"}, {"items", code}, {"uniqueItems", true}}},
			{"skipped_reasons", Object{{"type", "object"}, {"propertyNames", code}, {"additionalProperties", str}}},
		}},
	}
}

// Records returns the schema of a records file (validate/records).
func Records() Object {
	var certTypes []string
	for _, c := range beian.CertTypes() {
		certTypes = append(certTypes, string(c))
	}
	g := &gen{maxItems: -1, enums: map[reflect.Type]Object{
		reflect.TypeFor[beian.CertType](): {{"type", "string"}, {"enum", certTypes}},
	}}
	subject := g.schema(reflect.TypeFor[records.Subject](), false)
	subject = append(subject[:1], append(Object{{"required", []string{"cert_type"}}}, subject[1:]...)...)
	return Object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", BaseURI + "records.schema.json"},
		{"title", "Records file (validate/records)"},
		{"description", "The records a console keeps of its subjects, read by records.Read, records.Reader and records.ReadRegistry (the in-memory beian.Registry) and loaded into PostgreSQL by the service's --load-records. " +
			"Beyond this schema, the reader refuses \"subjects\" given twice and data after the object; like encoding/json, it matches member names ignoring case."},
		{"type", "object"},
		{"properties", Object{
			{"subjects", Object{{"type", []string{"array", "null"}}, {"items", subject}}},
		}},
		{"additionalProperties", false},
	}
}

// Files returns the generated files of docs/ by their paths there: the
// three schemas under schema/ and openapi.yaml, made from the template
// openapi.in.yaml, whose lines "$include: NAME" become the schema of that
// file name and whose "version: $version" becomes beian.Version.
func Files(openapiTemplate []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	schemas := map[string]Object{
		"filing.schema.json":  Filing(),
		"report.schema.json":  Report(),
		"records.schema.json": Records(),
	}
	for name, s := range schemas {
		data, err := Encode(s)
		if err != nil {
			return nil, fmt.Errorf("schemagen: %s: %w", name, err)
		}
		out["schema/"+name] = data
	}
	var b bytes.Buffer
	b.WriteString("# Code generated by go generate ./docs from openapi.in.yaml; DO NOT EDIT.\n")
	head := true
	for _, line := range strings.SplitAfter(string(openapiTemplate), "\n") {
		if head && strings.HasPrefix(line, "#") {
			continue // the template's own comment
		}
		head = false
		line = strings.Replace(line, "version: $version", "version: "+strconv.Quote(beian.Version), 1)
		trimmed := strings.TrimSpace(line)
		name, ok := strings.CutPrefix(trimmed, "$include: ")
		if !ok {
			b.WriteString(line)
			continue
		}
		data, ok := out["schema/"+name]
		if !ok {
			return nil, fmt.Errorf("schemagen: openapi.in.yaml includes %q, which is no schema", name)
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		for _, l := range strings.SplitAfter(strings.TrimRight(string(data), "\n"), "\n") {
			b.WriteString(indent + l)
		}
		b.WriteString("\n")
	}
	out["openapi.yaml"] = b.Bytes()
	return out, nil
}
