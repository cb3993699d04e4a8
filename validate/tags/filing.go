package tags

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// A FilingForm is a caller's form struct that converts to a filing. A
// form type registered with [RegisterFiling] gets the whole filing check
// when validator/v10 validates it (gin's ShouldBind included).
//
// Filing may return nil when the form is too incomplete to convert; the
// check then reports FIELD_REQUIRED on the form as a whole.
type FilingForm interface {
	Filing() *beian.Filing
}

// A FieldMapper is a [FilingForm] that says itself which of its fields
// holds which field of the filing, for the rare form that [RegisterFiling]
// cannot map on its own (see there). The keys are filing field paths
// ("subject.principal.mobile") or path prefixes ("subject.principal",
// "websites"); the values are paths of Go field names in the form
// ("Contact.Mobile", "Sites"), with indexes where they apply. A
// rejection's field is looked up whole first, then by its longest mapped
// prefix, the rest of the path being matched by JSON names below the
// mapped field.
type FieldMapper interface {
	FilingFields() map[beian.Path]string
}

// FilingOptions configure [RegisterFiling].
type FilingOptions struct {
	// Validator runs the check; nil means validate.New() with its
	// defaults (every offline rule).
	Validator *validate.Validator
	// MinSeverity is the mildest rejection reported as a field error;
	// the zero value means rules.Error, so that a form that may be
	// submitted passes. rules.Warning adds the warnings.
	MinSeverity rules.Severity
	// TagNameFunc names a form field in the errors; nil means
	// [FieldName] (the json tag, else the form tag, else the Go name),
	// the names [Register] gives the validator. A caller who gave the
	// validator another RegisterTagNameFunc gives the same one here.
	TagNameFunc validator.TagNameFunc
	// ReportUnmapped reports the rejections of filing fields that no
	// field of the form holds, with the filing path as their field name.
	// By default they are left out: a form that covers part of a filing
	// is checked on the fields it has, not told that the fields it does
	// not ask for are missing.
	ReportUnmapped bool
}

// FieldName names a struct field as a form posts it: its json tag's name,
// else its form tag's name (gin's form binding), else its Go name. It is
// the validator.TagNameFunc [Register] installs, so that field errors name
// the fields as the client sent them.
func FieldName(f reflect.StructField) string {
	for _, key := range [...]string{"json", "form"} {
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		if name == "-" {
			return ""
		}
		if name != "" {
			return name
		}
	}
	return f.Name
}

// RegisterFiling makes v run the whole filing check on each of the forms'
// types, as a struct-level validation. Each form field gets at most one
// error: the field's own tags first (a field failing cn_mobile is not
// also told PHONE_INVALID), else the gravest rejection of the filing
// fields it holds, as one validator.FieldError:
//
//   - Field() and Namespace() name the form's own field, by
//     opts.TagNameFunc ([FieldName] by default); StructField() and
//     StructNamespace() give the Go names;
//   - Tag() is the code ("PHONE_NOT_LOCAL"): switch on it as on any tag;
//   - Param() is the filing field path ("subject.principal.mobile");
//   - Value() is the [rules.Rejection] itself, for its severity, remedy,
//     arguments, span (the characters to underline), certain fixes and
//     source.
//
// Which form field holds which filing field is found without help in the
// common cases: a form that mirrors the wire format (its JSON names are the
// filing's) is matched by name, and any other form by trying its Filing
// method: each string field of the form is set to a marker in turn, and
// the filing fields in which the marker shows up are that form field's. A
// rejection lands on the form field that holds its field (or, for a
// rejection of a list or object, the field below it; else one of its
// related fields). A rejection of a filing field the form does not hold is
// left out unless opts.ReportUnmapped: a form is checked on the fields it
// has. A form whose Filing does more than copy its values (a field that
// selects a template, say) can say where its fields go with
// [FieldMapper].
//
// To know which fields fail their own tags, the check validates the form a
// second time with the filing check off, when the filing check has
// something to report: the form's other struct-level validations then run
// twice, and should have no side effects (validator's own rule).
//
// Translate gives the rejection's message in the translator's language
// when [Register] registered the translations on that translator. Pass
// one value of each form type (a nil pointer of the type is fine). Like
// validator's own registrations, RegisterFiling must run before v is
// used.
func RegisterFiling(v *validator.Validate, opts FilingOptions, forms ...FilingForm) error {
	fv := opts.Validator
	if fv == nil {
		fv = validate.New()
	}
	min := opts.MinSeverity
	if min == 0 {
		min = rules.Error
	}
	tagName := opts.TagNameFunc
	if tagName == nil {
		tagName = FieldName
	}
	m := &mapper{tagName: tagName}
	types := make([]any, 0, len(forms))
	for _, f := range forms {
		t := reflect.TypeOf(f)
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return fmt.Errorf("tags: RegisterFiling: form %T is not a struct or a pointer to one", f)
		}
		types = append(types, reflect.New(t).Elem().Interface())
	}
	v.RegisterStructValidationCtx(func(ctx context.Context, sl validator.StructLevel) {
		if ctx.Value(nestedKey{}) != nil {
			return // the field pass below, asking which fields fail their tags
		}
		cur := sl.Current()
		form, ok := filingForm(cur)
		if !ok {
			return
		}
		rep := fv.Validate(ctx, form.Filing())
		var fields map[beian.Path]string
		if fm, ok := form.(FieldMapper); ok {
			fields = fm.FilingFields()
		}
		p := placer{m: m, t: cur.Type(), form: cur, fields: fields}
		type placed struct {
			r            rules.Rejection
			name, goName string
		}
		byField := map[string]int{} // goName → index in out
		var out []placed
		for _, r := range rep.Rejections {
			if r.Severity < min {
				continue
			}
			name, goName, ok := p.place(r)
			if !ok {
				if !opts.ReportUnmapped {
					continue
				}
				name, goName = string(r.Field), string(r.Field)
			}
			if i, seen := byField[goName]; seen {
				if r.Severity > out[i].r.Severity {
					out[i].r = r
				}
				continue
			}
			byField[goName] = len(out)
			out = append(out, placed{r: r, name: name, goName: goName})
		}
		if len(out) == 0 {
			return
		}
		failing := tagFailures(ctx, sl.Validator(), cur)
		for _, x := range out {
			if failing[x.goName] {
				continue
			}
			sl.ReportError(x.r, x.name, x.goName, string(x.r.Code), string(x.r.Field))
		}
	}, types...)
	return nil
}

// nestedKey marks the context of the field pass tagFailures runs, in which
// the filing check does not run again.
type nestedKey struct{}

// tagFailures returns the Go paths (below the form) of the form's fields
// that fail their own tags, by validating the form again with the filing
// check turned off.
func tagFailures(ctx context.Context, v *validator.Validate, form reflect.Value) map[string]bool {
	err := v.StructCtx(context.WithValue(ctx, nestedKey{}, true), form.Interface())
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return nil
	}
	out := make(map[string]bool, len(verrs))
	for _, fe := range verrs {
		_, rest, _ := strings.Cut(fe.StructNamespace(), ".") // less the form's type name
		out[rest] = true
	}
	return out
}

// filingForm returns the form behind a struct value, by value or pointer
// receiver.
func filingForm(v reflect.Value) (FilingForm, bool) {
	if v.CanInterface() {
		if f, ok := v.Interface().(FilingForm); ok {
			return f, true
		}
	}
	if v.CanAddr() {
		if f, ok := v.Addr().Interface().(FilingForm); ok {
			return f, true
		}
	}
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	f, ok := p.Interface().(FilingForm)
	return f, ok
}

// A mapper finds the form field of a filing path. It caches nothing that
// depends on a form's values, only per-type lookups by JSON name, and is
// safe for concurrent use.
type mapper struct {
	tagName validator.TagNameFunc
	cache   sync.Map // resolveKey → resolved
}

type resolveKey struct {
	t    reflect.Type
	path beian.Path
}

type resolved struct {
	name, goName string
	ok           bool
}

// byJSONName returns the form field whose chain of JSON names is path.
func (m *mapper) byJSONName(t reflect.Type, path beian.Path) (name, goName string, ok bool) {
	if r, hit := m.cache.Load(resolveKey{t, path}); hit {
		r := r.(resolved)
		return r.name, r.goName, r.ok
	}
	name, goName, ok = m.walk(t, splitPath(string(path)), nil, nil)
	m.cache.Store(resolveKey{t, path}, resolved{name, goName, ok})
	return name, goName, ok
}

// A placer places one form value's rejections on its fields.
type placer struct {
	m      *mapper
	t      reflect.Type
	form   reflect.Value
	fields map[beian.Path]string // the form's FilingFields
	probed bool
	probes []probeHit // filing path → form field, in the form's field order
}

// A probeHit says that the form field (names, goNames) fed the filing
// field at path.
type probeHit struct {
	path         string
	name, goName string
}

// place returns the form field of the rejection: its field's, else one of
// its related fields'.
func (p *placer) place(r rules.Rejection) (name, goName string, ok bool) {
	if name, goName, ok = p.resolve(r.Field); ok {
		return name, goName, true
	}
	for _, rel := range r.Related {
		if name, goName, ok = p.resolve(rel); ok {
			return name, goName, true
		}
	}
	return "", "", false
}

// resolve finds the form field of a filing path: by the form's own map,
// by JSON names, then by probing the form's Filing method.
func (p *placer) resolve(path beian.Path) (name, goName string, ok bool) {
	if path == "" {
		return "", "", false
	}
	if name, goName, ok = p.m.resolveMapped(p.t, path, p.fields); ok {
		return name, goName, true
	}
	if name, goName, ok = p.m.byJSONName(p.t, path); ok {
		return name, goName, true
	}
	if !p.probed {
		p.probed = true
		p.probes = p.m.probe(p.form)
	}
	s := string(path)
	for _, h := range p.probes {
		if h.path == s {
			return h.name, h.goName, true
		}
	}
	for _, h := range p.probes { // a rejection of a list or object: the field below it
		if strings.HasPrefix(h.path, s) && (h.path[len(s)] == '.' || h.path[len(s)] == '[') {
			return h.name, h.goName, true
		}
	}
	return "", "", false
}

// probe finds which filing fields each string field of the form feeds: it
// sets the field to a marker on a copy of the form, converts the copy, and
// looks for the marker in the filing's strings. A field whose marker makes
// Filing return nil feeds nothing that can be seen.
func (m *mapper) probe(form reflect.Value) []probeHit {
	var hits []probeHit
	var fields [][]int
	stringFields(form.Type(), nil, &fields)
	for i, index := range fields {
		c := reflect.New(form.Type()).Elem()
		c.Set(form)
		f, ok := fieldByIndex(c, index)
		if !ok {
			continue
		}
		marker := probeMarker(i)
		f.SetString(marker)
		ff, ok := filingForm(c)
		if !ok {
			continue
		}
		filing := ff.Filing()
		if filing == nil {
			continue
		}
		var names, goNames []string
		t := form.Type()
		for _, j := range index {
			sf := deref(t).Field(j)
			names, goNames = append(names, m.nameOf(sf)), append(goNames, sf.Name)
			t = sf.Type
		}
		walkStrings(reflect.ValueOf(filing).Elem(), "", func(path beian.Path, s string) {
			if strings.Contains(strings.ToLower(s), marker) {
				hits = append(hits, probeHit{path: string(path), name: join(names), goName: join(goNames)})
			}
		})
	}
	return hits
}

// probeMarker is the i-th marker: letters only, of one length, none inside
// another, and unlike anything a form holds.
func probeMarker(i int) string {
	b := []byte("qzjxprobe")
	for range 4 {
		b = append(b, byte('a'+i%26))
		i /= 26
	}
	return string(b)
}

// stringFields lists the index paths of the settable string fields of
// struct type t, looking into struct fields (not pointers, lists or maps).
func stringFields(t reflect.Type, prefix []int, out *[][]int) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		index := append(append([]int(nil), prefix...), i)
		switch f.Type.Kind() {
		case reflect.String:
			*out = append(*out, index)
		case reflect.Struct:
			stringFields(f.Type, index, out)
		}
	}
}

// fieldByIndex follows an index path of struct fields.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for _, i := range index {
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		v = v.Field(i)
	}
	return v, v.CanSet()
}

// walkStrings calls fn with the path and value of every string in v, a
// value of the filing model, named by the wire format's JSON names.
func walkStrings(v reflect.Value, path beian.Path, fn func(beian.Path, string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), path.Index(i), fn)
		}
	case reflect.Struct:
		t := v.Type()
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
			walkStrings(v.Field(i), path.Field(name), fn)
		}
	}
}

// resolveMapped looks path, then its prefixes, up in the form's map.
func (m *mapper) resolveMapped(t reflect.Type, path beian.Path, fields map[beian.Path]string) (string, string, bool) {
	if len(fields) == 0 {
		return "", "", false
	}
	segs := splitPath(string(path))
	for k := len(segs); k > 0; k-- {
		target, ok := fields[renderPath(segs[:k])]
		if !ok {
			continue
		}
		names, goNames, ft, ok := m.goPath(t, target)
		if !ok {
			return "", "", false
		}
		if k == len(segs) {
			return join(names), join(goNames), true
		}
		return m.walk(ft, segs[k:], names, goNames)
	}
	return "", "", false
}

// renderPath writes segments back as a filing path.
func renderPath(segs []segment) beian.Path {
	var p beian.Path
	for _, s := range segs {
		if s.name == "" {
			p = p.Index(s.index)
		} else {
			p = p.Field(s.name)
		}
	}
	return p
}

// A segment is one step of a path: a member name, or an index when name
// is empty.
type segment struct {
	name  string
	index int
}

// splitPath splits "websites[1].name" into websites, [1], name.
func splitPath(p string) []segment {
	var out []segment
	for p != "" {
		switch p[0] {
		case '.':
			p = p[1:]
		case '[':
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return append(out, segment{name: p})
			}
			n, err := strconv.Atoi(p[1:end])
			if err != nil {
				out = append(out, segment{name: p[:end+1]})
			} else {
				out = append(out, segment{index: n})
			}
			p = p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			out = append(out, segment{name: p[:end]})
			p = p[end:]
		}
	}
	return out
}

// goPath follows a path of Go field names ("Contact.Mobile",
// "Sites[1].Name") in t and returns the tag names, the Go names and the
// type it ends at.
func (m *mapper) goPath(t reflect.Type, p string) (names, goNames []string, end reflect.Type, ok bool) {
	for _, s := range splitPath(p) {
		t = deref(t)
		if s.name == "" {
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				return nil, nil, nil, false
			}
			idx := "[" + strconv.Itoa(s.index) + "]"
			names, goNames = appendIndex(names, idx), appendIndex(goNames, idx)
			t = t.Elem()
			continue
		}
		if t.Kind() != reflect.Struct {
			return nil, nil, nil, false
		}
		f, found := t.FieldByName(s.name)
		if !found {
			return nil, nil, nil, false
		}
		names, goNames = append(names, m.nameOf(f)), append(goNames, f.Name)
		t = f.Type
	}
	return names, goNames, t, true
}

// walk follows filing path segments in t by JSON names, after the names
// already found.
func (m *mapper) walk(t reflect.Type, segs []segment, names, goNames []string) (string, string, bool) {
	names, goNames = append([]string(nil), names...), append([]string(nil), goNames...)
	for _, s := range segs {
		t = deref(t)
		if s.name == "" {
			if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
				// A form holding one value for a list (one domain
				// field for websites[0].domains) takes the rejection.
				continue
			}
			idx := "[" + strconv.Itoa(s.index) + "]"
			names, goNames = appendIndex(names, idx), appendIndex(goNames, idx)
			t = t.Elem()
			continue
		}
		if t.Kind() != reflect.Struct {
			return "", "", false
		}
		f, found := fieldByJSONName(t, s.name)
		if !found {
			return "", "", false
		}
		names, goNames = append(names, m.nameOf(f)), append(goNames, f.Name)
		t = f.Type
	}
	if len(names) == 0 {
		return "", "", false
	}
	return join(names), join(goNames), true
}

func appendIndex(parts []string, idx string) []string {
	if len(parts) == 0 {
		return []string{idx}
	}
	parts[len(parts)-1] += idx
	return parts
}

func join(parts []string) string { return strings.Join(parts, ".") }

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldByJSONName finds the exported field of struct type t whose JSON
// name is name, looking into embedded structs as encoding/json does.
func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == "-" {
			continue
		}
		if f.Anonymous && tag == "" && deref(f.Type).Kind() == reflect.Struct {
			if g, ok := fieldByJSONName(deref(f.Type), name); ok {
				return g, true
			}
			continue
		}
		if tag == name || (tag == "" && f.Name == name) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// nameOf names a field as the caller's validator does.
func (m *mapper) nameOf(f reflect.StructField) string {
	if m.tagName != nil {
		if n := m.tagName(f); n != "" && n != "-" {
			return n
		}
	}
	return f.Name
}
