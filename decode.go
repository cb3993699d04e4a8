package beian

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxDecodeErrors bounds how many field errors one decode reports.
const maxDecodeErrors = 20

// DecodeFiling reads one filing in the wire format from r. Unlike
// [encoding/json], it refuses unknown fields, values of the wrong JSON type,
// unknown enumeration names and malformed dates, and says where: every
// problem is a [*DecodeError] naming the field's path. Several problems are
// joined (see [errors.Join]); [errors.As] finds the first.
func DecodeFiling(r io.Reader) (*Filing, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("beian: reading filing: %w", err)
	}
	return ParseFiling(data)
}

// ParseFiling is [DecodeFiling] for a filing already in memory.
func ParseFiling(data []byte) (*Filing, error) {
	if !json.Valid(data) {
		var v any
		return nil, syntaxError(data, json.Unmarshal(data, &v))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, syntaxError(data, err)
	}
	if _, ok := tree.(map[string]any); !ok {
		return nil, &DecodeError{Err: fmt.Errorf("want a JSON object, got %s", jsonKind(tree))}
	}
	var f Filing
	d := decoder{}
	d.value("", tree, reflect.ValueOf(&f).Elem())
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	return &f, nil
}

// A DecodeError reports one problem in a filing's JSON.
type DecodeError struct {
	Path Path  // where; empty for the document as a whole
	Err  error // what
}

// Error returns "beian: decoding filing: path: problem".
func (e *DecodeError) Error() string {
	if e.Path == "" {
		return "beian: decoding filing: " + e.Err.Error()
	}
	return fmt.Sprintf("beian: decoding filing: %s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

type decoder struct {
	errs []error
}

func (d *decoder) fail(p Path, format string, args ...any) {
	d.failErr(p, fmt.Errorf(format, args...))
}

func (d *decoder) failErr(p Path, err error) {
	if len(d.errs) < maxDecodeErrors {
		d.errs = append(d.errs, &DecodeError{Path: p, Err: err})
	}
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// value stores the JSON value v (as decoded into any with UseNumber) into
// dst, whose type is one of the filing model's.
func (d *decoder) value(p Path, v any, dst reflect.Value) {
	if v == nil { // null leaves the zero value
		return
	}
	if dst.Addr().Type().Implements(textUnmarshalerType) {
		s, ok := v.(string)
		if !ok {
			d.fail(p, "want a string, got %s", jsonKind(v))
			return
		}
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.failErr(p, stripPrefix(err))
		}
		return
	}
	switch dst.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			d.fail(p, "want a string, got %s", jsonKind(v))
			return
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.fail(p, "want true or false, got %s", jsonKind(v))
			return
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			d.fail(p, "want a number, got %s", jsonKind(v))
			return
		}
		i, err := n.Int64()
		if err != nil || i < 0 || (dst.Kind() == reflect.Int && i > math.MaxInt32) {
			d.fail(p, "want a whole number from 0, got %s", n)
			return
		}
		dst.SetInt(i)
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			d.fail(p, "want an array, got %s", jsonKind(v))
			return
		}
		s := reflect.MakeSlice(dst.Type(), len(arr), len(arr))
		for i, e := range arr {
			d.value(p.Index(i), e, s.Index(i))
		}
		dst.Set(s)
	case reflect.Pointer:
		n := reflect.New(dst.Type().Elem())
		d.value(p, v, n.Elem())
		dst.Set(n)
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			d.fail(p, "want an object, got %s", jsonKind(v))
			return
		}
		d.object(p, obj, dst)
	default:
		// The model holds no other kinds; a new field of another kind must
		// be taught here, and the tests decode every field.
		d.fail(p, "cannot decode into %s", dst.Type())
	}
}

func (d *decoder) object(p Path, obj map[string]any, dst reflect.Value) {
	t := dst.Type()
	known := make(map[string]bool, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		name := jsonName(t.Field(i))
		known[name] = true
		if v, ok := obj[name]; ok {
			d.value(p.Field(name), v, dst.Field(i))
		}
	}
	var unknown []string
	for k := range obj {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		d.fail(p.Field(k), "unknown field")
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

func jsonKind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "the number " + v.String()
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// stripPrefix removes the "beian: " prefix of the model's own errors, as
// the DecodeError around them carries it already.
func stripPrefix(err error) error {
	var ee *EnumError
	var de *DateError
	switch {
	case errors.As(err, &ee):
		return fmt.Errorf("unknown %s %q", ee.Enum, ee.Value)
	case errors.As(err, &de):
		return fmt.Errorf("invalid date %q (want YYYY-MM-DD)", de.Value)
	}
	return err
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return &DecodeError{Err: errors.New("no filing: the input is empty")}
	case errors.As(err, &se) && se.Offset >= int64(len(data)):
		return &DecodeError{Err: errors.New("invalid JSON: the input ends in the middle of the filing")}
	case errors.As(err, &se):
		// Offset counts the bytes read, the offending one included.
		return &DecodeError{Err: fmt.Errorf("invalid JSON at %s: %s", lineCol(data, se.Offset-1), se.Error())}
	}
	return &DecodeError{Err: fmt.Errorf("invalid JSON: %w", err)}
}

// lineCol returns "line L, column C" (columns count characters) for byte
// offset off of data.
func lineCol(data []byte, off int64) string {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}
