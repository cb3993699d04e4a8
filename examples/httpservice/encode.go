package main

import (
	"encoding/json"
	"slices"
	"sync"

	"github.com/icpcheck/beian/validate"
)

// encodeJSON returns the JSON of an answer (see appendJSON).
func encodeJSON(v any) ([]byte, error) { return appendJSON(nil, v) }

// appendJSON appends the JSON of an answer to dst. Reports encode
// themselves once (validate.Report.AppendJSON): json.Marshal would check
// and compact each report's JSON again, which costs several times the
// encoding (see BENCHMARKS.md). Anything else goes through encoding/json.
func appendJSON(dst []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case *validate.Report:
		if v != nil {
			return v.AppendJSON(growForReport(dst, v)), nil
		}
	case []*validate.Report:
		if v == nil {
			break
		}
		dst = append(dst, '[')
		for i, r := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			if r == nil {
				dst = append(dst, "null"...)
				continue
			}
			dst = r.AppendJSON(dst)
		}
		return append(dst, ']'), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return dst, err
	}
	return append(dst, b...), nil
}

// growForReport returns dst with room for about r's JSON when r is larger
// than a pooled answer buffer holds (a filing of hundreds of websites):
// one allocation of about its size, where appending would grow the
// buffer a quarter at a time through some five times its size. A
// rejection takes 450–600 bytes of JSON, a skipped check under 150 (as
// validate.Report.MarshalJSON reckons).
func growForReport(dst []byte, r *validate.Report) []byte {
	if n := 64 + 640*len(r.Rejections) + 160*len(r.Skipped); n > cap(dst)-len(dst) && n > maxPooledAnswer/2 {
		return slices.Grow(dst, n)
	}
	return dst
}

// answerBuffers hold the answers' bytes between requests: an answer is
// encoded into one and written in one Write, so that a report costs no
// allocation of its size. A buffer is put back once written (net/http
// keeps no reference to what Write is given) and dropped when it grew
// over maxPooledAnswer, so that one large answer does not stay held.
var answerBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// maxPooledAnswer is the largest buffer answerBuffers keeps.
const maxPooledAnswer = 256 << 10
