package main

import (
	"encoding/json"

	"github.com/icpcheck/beian/validate"
)

// encodeJSON returns the JSON of an answer. Reports encode themselves
// once (validate.Report.MarshalJSON): json.Marshal would check and compact
// each report's JSON again, which costs several times the encoding (see
// BENCHMARKS.md). Anything else goes through encoding/json.
func encodeJSON(v any) ([]byte, error) {
	switch v := v.(type) {
	case *validate.Report:
		if v != nil {
			return v.MarshalJSON()
		}
	case []*validate.Report:
		if v == nil {
			break
		}
		out := []byte{'['}
		for i, r := range v {
			if i > 0 {
				out = append(out, ',')
			}
			if r == nil {
				out = append(out, "null"...)
				continue
			}
			b, err := r.MarshalJSON()
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		}
		return append(out, ']'), nil
	}
	return json.Marshal(v)
}
