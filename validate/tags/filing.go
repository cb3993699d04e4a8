package tags

import (
	"context"
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

// A FieldMapper is a [FilingForm] that says which of its fields holds
// which field of the filing, for forms whose JSON names differ from the
// wire format's. The keys are filing field paths ("subject.principal.mobile")
// or path prefixes ("subject.principal", "websites"); the values are paths
// of Go field names in the form ("Contact.Mobile", "Sites"), with indexes
// where they apply. A rejection's field is looked up whole first, then by
// its longest mapped prefix, the rest of the path being matched by JSON
// names below the mapped field.
//
// A form without the method, or a path the map does not hold, is matched
// by JSON names: a filing path names the form field whose chain of JSON
// names (the json tag, else the Go name) is the same path, so a form that
// mirrors the wire format needs no map.
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
	// TagNameFunc names a form field in the errors, as the function the
	// caller gave the validator's RegisterTagNameFunc does (give the same
	// one); nil uses the Go field names, as validator does without one.
	TagNameFunc validator.TagNameFunc
}

// RegisterFiling makes v run the whole filing check on each of the forms'
// types, as a struct-level validation. Each rejection becomes one
// validator.FieldError:
//
//   - Field() and Namespace() name the form's own field that holds the
//     rejected filing field (see [FieldMapper]), named by
//     opts.TagNameFunc; StructField() and StructNamespace() give the Go
//     names. A rejection whose field the form does not hold is reported
//     with the filing path as its field name;
//   - Tag() is the code ("PHONE_NOT_LOCAL"): switch on it as on any tag;
//   - Param() is the filing field path ("subject.principal.mobile");
//   - Value() is the [rules.Rejection] itself, for its severity, remedy,
//     arguments, span (the characters to underline), certain fixes and
//     source.
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
	m := &mapper{tagName: opts.TagNameFunc}
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
		form, ok := filingForm(sl.Current())
		if !ok {
			return
		}
		rep := fv.Validate(ctx, form.Filing())
		var fields map[beian.Path]string
		if fm, ok := form.(FieldMapper); ok {
			fields = fm.FilingFields()
		}
		for _, r := range rep.Rejections {
			if r.Severity < min {
				continue
			}
			name, goName := m.resolve(sl.Current().Type(), r.Field, fields)
			sl.ReportError(r, name, goName, string(r.Code), string(r.Field))
		}
	}, types...)
	return nil
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
// depends on a form's values, only per-type lookups, and is safe for
// concurrent use.
type mapper struct {
	tagName validator.TagNameFunc
	cache   sync.Map // resolveKey → resolved
}

type resolveKey struct {
	t    reflect.Type
	path beian.Path
}

type resolved struct{ name, goName string }

// resolve returns the tag-name and Go-name paths of the form field
// holding path, or the path itself twice when the form has none.
func (m *mapper) resolve(t reflect.Type, path beian.Path, fields map[beian.Path]string) (name, goName string) {
	if path == "" {
		return "", ""
	}
	if len(fields) == 0 {
		if r, ok := m.cache.Load(resolveKey{t, path}); ok {
			r := r.(resolved)
			return r.name, r.goName
		}
	}
	name, goName, ok := m.resolveMapped(t, path, fields)
	if !ok {
		name, goName, ok = m.walk(t, splitPath(string(path)), nil, nil)
	}
	if !ok {
		name, goName = string(path), string(path)
	}
	if len(fields) == 0 {
		m.cache.Store(resolveKey{t, path}, resolved{name, goName})
	}
	return name, goName
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
