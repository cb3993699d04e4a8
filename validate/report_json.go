package validate

import (
	"io"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/jsonstr"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/sources"
)

// MarshalJSON writes the report in the wire format, with messages,
// remedies and fix titles in the report's language:
//
//	{"ok": false, "complete": true,
//	 "rejections": [{"code": "SITE_NAME_SENSITIVE", "severity": "error", "field": "websites[0].name", "message": "…", "remedy": "…",
//	   "span": {"start": 2, "end": 5},
//	   "fixes": [{"field": "websites[0].name", "value": "…", "title": "…"}],
//	   "source": {"key": "…", "url": "https://…", "edition": "2026-12-01", "certain": true},
//	   "doc": "docs/codes/SITE_NAME_SENSITIVE.md"}],
//	 "skipped": ["PHONE_USED_BY_OTHER_SUBJECT"],
//	 "skipped_reasons": {"PHONE_USED_BY_OTHER_SUBJECT": "no Registry configured"}}
//
// "span" is in UTF-16 code units of the field's value as sent (what a
// browser's setSelectionRange takes); "related", "span", "fixes" and
// "source" appear only when the rejection has them.
//
// json.Marshal and json.Encoder check and compact again what MarshalJSON
// returns, which costs several times the encoding (about 5 ns a byte:
// 30 µs for a report of 6 KB); [Report.WriteJSON] and [Report.AppendJSON]
// write the same bytes without that.
func (r *Report) MarshalJSON() ([]byte, error) {
	if err := r.checkSeverities(); err != nil {
		return nil, err
	}
	// Encoded into a pooled buffer and copied once into a slice of its
	// size: no guess of the size to outgrow.
	bp := jsonBuffers.Get().(*[]byte)
	b := r.AppendJSON((*bp)[:0])
	out := append([]byte(nil), b...)
	putJSONBuffer(bp, b)
	return out, nil
}

// checkSeverities returns the error encoding/json gives for a rejection
// of no known severity.
func (r *Report) checkSeverities() error {
	for i := range r.Rejections {
		if sev := r.Rejections[i].Severity; sev < rules.Notice || sev > rules.Error {
			_, err := sev.MarshalText()
			return err
		}
	}
	return nil
}

// jsonBuffers are WriteJSON's and MarshalJSON's buffers: a writer must
// not keep what it is given, and MarshalJSON returns a copy, so that one
// is used again once written. A new one holds the typical rejected
// filing's report (6.2 KB in Chinese) without growing.
var jsonBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// maxPooledBuffer is the largest buffer WriteJSON keeps for another
// report: the JSON of some 100 rejections.
const maxPooledBuffer = 64 << 10

// WriteJSON writes the report's JSON and a newline to w: the bytes
// json.NewEncoder(w).Encode(r) writes, encoded once. encoding/json checks
// and compacts whatever a MarshalJSON method returns, which costs several
// times the encoding itself (see BENCHMARKS.md); services and tools that
// write reports should call WriteJSON, or AppendJSON to a buffer of their
// own. It makes one write, into a buffer it uses again for the next
// report (an io.Writer keeps nothing of what it is given): no
// allocation, once warm, for a report of up to about 100 rejections.
func (r *Report) WriteJSON(w io.Writer) error {
	if err := r.checkSeverities(); err != nil {
		return err
	}
	bp := jsonBuffers.Get().(*[]byte)
	b := append(r.AppendJSON((*bp)[:0]), '\n')
	_, err := w.Write(b)
	putJSONBuffer(bp, b)
	return err
}

// putJSONBuffer gives b, grown from *bp, back to jsonBuffers unless it
// has grown too large to keep.
func putJSONBuffer(bp *[]byte, b []byte) {
	if cap(b) <= maxPooledBuffer {
		*bp = b[:0]
		jsonBuffers.Put(bp)
	}
}

// AppendJSON appends the report's JSON (see [Report.MarshalJSON]) to dst.
// It writes what encoding/json would, byte for byte, without its
// reflection and without allocating. What does not change from one
// report to the next is written as it was escaped once for the process
// (see [jsonTables]): the head of each code's rejection and its doc
// page, the words of its message and remedy templates in each language,
// and the sources of package sources; only the filing's own values (field
// paths, arguments, fixes) are escaped as they are written.
func (r *Report) AppendJSON(dst []byte) []byte {
	if r.OK() {
		dst = append(dst, `{"ok":true,`...)
	} else {
		dst = append(dst, `{"ok":false,`...)
	}
	if r.Complete() {
		dst = append(dst, `"complete":true,"rejections":[`...)
	} else {
		dst = append(dst, `"complete":false,"rejections":[`...)
	}
	e := rejectionEncoder{tables: encodingTables(), lang: r.Language}
	if beian.IsChinese(r.Language) {
		e.zh = 1
	}
	for i := range r.Rejections {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = e.append(dst, &r.Rejections[i])
	}
	dst = append(dst, `],"skipped":[`...)
	// The codes' quoted forms, looked up once for both lists.
	var quotedBuf [32]string
	quoted := quotedBuf[:0]
	for i := range r.Skipped {
		if i > 0 {
			dst = append(dst, ',')
		}
		q := ""
		if c := e.tables.codes[r.Skipped[i].Code]; c != nil {
			q = c.quoted
			dst = append(dst, q...)
		} else {
			dst = jsonstr.Append(dst, string(r.Skipped[i].Code))
		}
		if i < len(quotedBuf) {
			quoted = append(quoted, q)
		}
	}
	dst = append(dst, ']')
	if len(r.Skipped) > 0 {
		// Skipped is sorted by code without duplicates: the order
		// encoding/json gives a map's keys.
		dst = append(dst, `,"skipped_reasons":{`...)
		// Checks skipped for one reason share its text (no Registry, no
		// Prober, a domain without its record): a reason the same as the
		// one before is copied, not escaped again.
		prev, from, to := "", 0, 0
		for i := range r.Skipped {
			s := &r.Skipped[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			if i < len(quoted) && quoted[i] != "" {
				dst = append(dst, quoted[i]...)
			} else {
				dst = e.appendCode(dst, s.Code)
			}
			dst = append(dst, ':')
			reason := s.Reason.In(r.Language)
			if i > 0 && reason == prev {
				dst = append(dst, dst[from:to]...)
				continue
			}
			prev, from = reason, len(dst)
			dst = jsonstr.Append(dst, reason)
			to = len(dst)
		}
		dst = append(dst, '}')
	}
	return append(dst, '}')
}

// rejectionEncoder writes the rejections of one report.
type rejectionEncoder struct {
	tables *jsonTables
	lang   language.Tag
	zh     int // 1 for Chinese, 0 for English: the index of codeJSON.text
	// label is the label of the field labelField in the report's
	// language, once a template has asked for one: rejections of one
	// field follow one another.
	label, labelField string
	hasLabel          bool
}

// append appends x's JSON object to dst.
func (e *rejectionEncoder) append(dst []byte, x *rules.Rejection) []byte {
	c := e.tables.codes[x.Code]
	if c != nil && rules.Notice <= x.Severity && x.Severity <= rules.Error {
		dst = append(dst, c.head[x.Severity-rules.Notice]...)
	} else {
		dst = append(dst, `{"code":`...)
		dst = jsonstr.Append(dst, string(x.Code))
		dst = append(dst, `,"severity":`...)
		dst = jsonstr.Append(dst, x.Severity.String())
		dst = append(dst, `,"field":`...)
	}
	dst = jsonstr.Append(dst, string(x.Field))
	dst = append(dst, `,"message":`...)
	dst = e.appendText(dst, c, 0, x)
	dst = append(dst, `,"remedy":`...)
	dst = e.appendText(dst, c, 1, x)
	if len(x.Related) > 0 {
		dst = append(dst, `,"related":[`...)
		for j, p := range x.Related {
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = jsonstr.Append(dst, string(p))
		}
		dst = append(dst, ']')
	}
	if !x.Span.IsZero() {
		dst = append(dst, `,"span":{"start":`...)
		dst = strconv.AppendInt(dst, int64(x.Span.Start16), 10)
		dst = append(dst, `,"end":`...)
		dst = strconv.AppendInt(dst, int64(x.Span.End16), 10)
		dst = append(dst, '}')
	}
	if len(x.Fixes) > 0 {
		dst = append(dst, `,"fixes":[`...)
		for j := range x.Fixes {
			f := &x.Fixes[j]
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"field":`...)
			dst = jsonstr.Append(dst, string(f.Field))
			dst = append(dst, `,"value":`...)
			dst = jsonstr.Append(dst, f.Value)
			dst = append(dst, `,"title":`...)
			dst = jsonstr.Append(dst, f.Title.In(e.lang))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if !x.Source.IsZero() {
		if s, ok := e.tables.sources[x.Source.Key]; ok && s.url == x.Source.URL && s.edition == x.Source.Edition {
			dst = append(dst, s.json...)
		} else {
			dst = append(dst, `,"source":{"key":`...)
			dst = jsonstr.Append(dst, x.Source.Key)
			dst = append(dst, `,"url":`...)
			dst = jsonstr.Append(dst, x.Source.URL)
			dst = append(dst, `,"edition":`...)
			dst = jsonstr.Append(dst, x.Source.Edition)
			dst = append(dst, `,"certain":`...)
		}
		if x.Source.Certain {
			dst = append(dst, "true}"...)
		} else {
			dst = append(dst, "false}"...)
		}
	}
	if c != nil {
		return append(dst, c.doc...)
	}
	// "doc": rules.DocPath(x.Code), written without building the string.
	var scratch [128]byte
	dst = append(dst, `,"doc":`...)
	dst = jsonstr.Append(dst, append(append(append(scratch[:0], "docs/codes/"...), x.Code...), ".md"...))
	return append(dst, '}')
}

// appendCode appends code as a JSON string.
func (e *rejectionEncoder) appendCode(dst []byte, code rules.Code) []byte {
	if c := e.tables.codes[code]; c != nil {
		return append(dst, c.quoted...)
	}
	return jsonstr.Append(dst, string(code))
}

// appendText appends x's message (which 0) or remedy (1) as a JSON
// string: from the code's escaped template when x has one, else as
// rules renders it.
func (e *rejectionEncoder) appendText(dst []byte, c *codeJSON, which int, x *rules.Rejection) []byte {
	mark := len(dst)
	if t := c.template(which, e.zh); t != nil && x.Text == nil {
		if out, ok := e.render(append(dst, '"'), t, x); ok {
			return append(out, '"')
		}
		dst = dst[:mark]
	}
	var scratch [512]byte
	var s []byte
	if which == 0 {
		s = x.AppendMessage(scratch[:0], e.lang)
	} else {
		s = x.AppendRemedy(scratch[:0], e.lang)
	}
	return jsonstr.Append(dst, s)
}

// render appends the content of the JSON string of t rendered for x, as
// rules renders a template (see rules.Description): each placeholder's
// argument, the field's label for {field}, nothing for an optional one
// without a value, the placeholder itself for another; a leading ASCII
// letter upper-cased. It reports false when a value is not valid UTF-8
// (which rules renders whole, so that an invalid value may join with the
// next into a valid sequence): the caller then renders it as rules does.
func (e *rejectionEncoder) render(dst []byte, t []piece, x *rules.Rejection) ([]byte, bool) {
	from := len(dst)
	for i := range t {
		p := &t[i]
		if !p.placeholder {
			dst = append(dst, p.text...)
			continue
		}
		v, ok := e.value(p.name, x)
		if !ok {
			if !p.optional {
				dst = append(dst, p.text...)
			}
			continue
		}
		var valid bool
		if dst, valid = jsonstr.AppendContent(dst, v); !valid {
			return dst, false
		}
	}
	if from < len(dst) && 'a' <= dst[from] && dst[from] <= 'z' {
		dst[from] -= 'a' - 'A'
	}
	return dst, true
}

// value returns the value of the placeholder name for x: its argument of
// that name in the report's language, or the label of its field for
// "field"; false when there is none.
func (e *rejectionEncoder) value(name string, x *rules.Rejection) (string, bool) {
	for i := range x.Args {
		if a := &x.Args[i]; a.Name == name {
			if e.zh == 1 {
				return a.Value.ZH, true
			}
			return a.Value.EN, true
		}
	}
	if name != "field" {
		return "", false
	}
	if !e.hasLabel || e.labelField != string(x.Field) {
		e.label, e.labelField, e.hasLabel = rules.FieldLabel(x.Field).In(e.lang), string(x.Field), true
	}
	return e.label, true
}

// jsonTables are the parts of reports' JSON that do not change from one
// report to the next, escaped once: by code and by source key.
type jsonTables struct {
	codes   map[rules.Code]*codeJSON
	sources map[string]sourceJSON
}

// codeJSON is the JSON of what a code's rejections share.
type codeJSON struct {
	head   [3]string // `{"code":"CODE","severity":"notice","field":`, for Notice, Warning and Error
	doc    string    // `,"doc":"docs/codes/CODE.md"}`
	quoted string    // `"CODE"`
	// text holds the message (0) and remedy (1) templates, in English (0)
	// and Chinese (1).
	text [2][2][]piece
}

// template returns the message (which 0) or remedy (1) template in
// English (zh 0) or Chinese (1), nil when c is nil or has none to use.
func (c *codeJSON) template(which, zh int) []piece {
	if c == nil {
		return nil
	}
	return c.text[which][zh]
}

// A piece is part of a template: escaped text, or a placeholder.
type piece struct {
	// text is the escaped text; for a placeholder, the placeholder as it
	// stands in the template ("{name}"), written when it has no value.
	text        string
	name        string // a placeholder's name, without the ? of an optional one
	placeholder bool
	optional    bool // {?name}: nothing when there is no value
}

// sourceJSON is a source of package sources in JSON.
type sourceJSON struct {
	url, edition string // what a rejection's source must have to be written as json
	json         string // `,"source":{"key":"…","url":"…","edition":"…","certain":`
}

// encodingTables returns the tables, built on first use.
var encodingTables = sync.OnceValue(func() *jsonTables {
	t := &jsonTables{codes: make(map[rules.Code]*codeJSON), sources: make(map[string]sourceJSON)}
	for _, code := range rules.Codes() {
		d, _ := rules.Describe(code)
		c := &codeJSON{quoted: string(jsonstr.Append(nil, string(code)))}
		for i, sev := range []rules.Severity{rules.Notice, rules.Warning, rules.Error} {
			c.head[i] = `{"code":` + c.quoted + `,"severity":` + string(jsonstr.Append(nil, sev.String())) + `,"field":`
		}
		c.doc = `,"doc":` + string(jsonstr.Append(nil, rules.DocPath(code))) + "}"
		for which, text := range []rules.Text{d.Message, d.Remedy} {
			c.text[which][0] = compileTemplate(text.EN)
			c.text[which][1] = compileTemplate(text.ZH)
		}
		t.codes[code] = c
	}
	for _, s := range sources.All() {
		b := append([]byte(`,"source":{"key":`), jsonstr.Append(nil, s.Key)...)
		b = append(append(b, `,"url":`...), jsonstr.Append(nil, s.URL)...)
		b = append(append(b, `,"edition":`...), jsonstr.Append(nil, s.Edition)...)
		b = append(b, `,"certain":`...)
		t.sources[s.Key] = sourceJSON{url: s.URL, edition: s.Edition, json: string(b)}
	}
	return t
})

// compileTemplate splits a message or remedy template into its pieces,
// reading it as rules does: a placeholder runs from a { to the next }. It
// returns nil for a template that is not valid UTF-8, which is then
// rendered as rules does.
func compileTemplate(t string) []piece {
	pieces := []piece{}
	valid := true
	escape := func(s string) string {
		b, ok := jsonstr.AppendContent(nil, s)
		valid = valid && ok
		return string(b)
	}
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			break
		}
		if i > 0 {
			pieces = append(pieces, piece{text: escape(t[:i])})
		}
		p := piece{placeholder: true, name: t[i+1 : i+j], text: escape(t[i : i+j+1])}
		for strings.HasPrefix(p.name, "?") {
			p.name, p.optional = p.name[1:], true
		}
		pieces = append(pieces, p)
		t = t[i+j+1:]
	}
	if t != "" {
		pieces = append(pieces, piece{text: escape(t)})
	}
	if !valid {
		return nil
	}
	return pieces
}
