package client

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/icpcheck/beian"
)

// stringAt returns the string at path ("websites[0].domains[1]") in the
// filing, by the wire format's JSON names.
func stringAt(f *beian.Filing, path beian.Path) (string, bool) {
	v := reflect.ValueOf(f).Elem()
	p := string(path)
	for p != "" {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return "", false
			}
			v = v.Elem()
		}
		switch {
		case p[0] == '.':
			p = p[1:]
		case p[0] == '[':
			end := strings.IndexByte(p, ']')
			if end < 0 || v.Kind() != reflect.Slice {
				return "", false
			}
			i, err := strconv.Atoi(p[1:end])
			if err != nil || i < 0 || i >= v.Len() {
				return "", false
			}
			v, p = v.Index(i), p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			if v.Kind() != reflect.Struct {
				return "", false
			}
			f, ok := fieldByJSONName(v.Type(), p[:end])
			if !ok {
				return "", false
			}
			v, p = v.FieldByIndex(f.Index), p[end:]
		}
	}
	if v.Kind() != reflect.String {
		return "", false
	}
	return v.String(), true
}

func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == name || (tag == "" && f.Name == name) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}
