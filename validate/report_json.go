package validate

import (
	"io"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/jsonstr"
	"github.com/icpcheck/beian/internal/keyindex"
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
	if n := r.sizeHint(); n > maxPooledBuffer {
		// A report the small buffers' pool would not keep: encoded into
		// a large buffer used again from one such report to the next
		// (warm memory, cleared once), then copied into an array of its
		// exact size, which append leaves uncleared: the report's bytes
		// are written once into fresh memory, where an array of
		// sizeHint's room was cleared, then written, and 40 % larger.
		// (Written flushAt at a time, as WriteJSON does, into an array
		// made at the first piece with the room it gave reason to
		// expect, the report of 1,000 websites cost 10 % more
		// instructions, the array's clearing, and 15–50 % more misses
		// of the first-level cache.)
		bp := largeBuffer(n)
		b := r.AppendJSON((*bp)[:0])
		out := append([]byte(nil), b...)
		putLargeBuffer(bp, b)
		return out, nil
	}
	bp := jsonBuffers.Get().(*[]byte)
	pooled := *bp
	// Encoded into a pooled buffer and copied once into a slice of its
	// size: no guess of the size to outgrow. A report that outgrew the
	// buffer was written into arrays of its own as it grew: the last one
	// is returned as it is, and the pooled buffer, untouched, goes back.
	b := r.AppendJSON(pooled[:0])
	if cap(b) != cap(pooled) {
		putJSONBuffer(bp, pooled)
		return b[:len(b):len(b)], nil
	}
	out := append([]byte(nil), b...)
	putJSONBuffer(bp, b)
	return out, nil
}

// sizeHint estimates the length of r's JSON from its counts: a rejection
// of the typical reports takes 450–600 bytes, a skipped check under 150.
func (r *Report) sizeHint() int {
	return 64 + 640*len(r.Rejections) + 160*len(r.Skipped)
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
// filing's report (6.2 KB in Chinese) without growing; a larger report
// grows it to flushAt and a rejection, and no further.
var jsonBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// maxPooledBuffer is the largest buffer jsonBuffers keeps: room for
// flushAt and a rejection of up to 32 KB (a larger one is written whole,
// growing the buffer, which is then dropped).
const maxPooledBuffer = 64 << 10

// flushAt is the length at which WriteJSON hands what it has written to
// its writer: a report of up to
// some 60 rejections is written at once, a larger one in pieces of this
// size, written and read again while they are in the cache.
const flushAt = 32 << 10

// jsonFlusher takes the pieces of a report's JSON as appendJSON hands
// them over, for w.
type jsonFlusher struct {
	w   io.Writer
	err error
}

// flush writes b to f.w and returns b[:0] to go on with.
func (f *jsonFlusher) flush(b []byte) []byte {
	_, f.err = f.w.Write(b)
	return b[:0]
}

// WriteJSON writes the report's JSON and a newline to w: the bytes
// json.NewEncoder(w).Encode(r) writes, encoded once. encoding/json checks
// and compacts whatever a MarshalJSON method returns, which costs several
// times the encoding itself (see BENCHMARKS.md); services and tools that
// write reports should call WriteJSON, or AppendJSON to a buffer of their
// own. A report of up to some 60 rejections (flushAt, 32 KB) is written
// in one write; a larger one in writes of about that size, as it is
// encoded, so that its bytes are written once into memory that stays in
// the cache, however large the report. It writes from a buffer it uses
// again for the next report (an io.Writer keeps nothing of what it is
// given): no allocation, once warm. On an error of w it returns that
// error, having written part of the report.
func (r *Report) WriteJSON(w io.Writer) error {
	if err := r.checkSeverities(); err != nil {
		return err
	}
	bp := jsonBuffers.Get().(*[]byte)
	f := jsonFlusher{w: w}
	b := r.appendJSON((*bp)[:0], &f)
	if f.err == nil {
		b = append(b, '\n')
		_, f.err = w.Write(b)
	}
	putJSONBuffer(bp, b)
	return f.err
}

// largeJSONBuffers are MarshalJSON's buffers for the reports too large
// for jsonBuffers (over maxPooledBuffer): a filing of a hundred websites
// and more, whose report a service encodes again and again. A buffer of
// up to maxLargeBuffer is kept; like any pooled memory, it goes when
// unused through two collections.
var largeJSONBuffers sync.Pool

// maxLargeBuffer is the largest buffer largeJSONBuffers keeps: the room
// of some 13,000 rejections.
const maxLargeBuffer = 8 << 20

// largeBuffer returns a buffer of largeJSONBuffers with room for n bytes,
// a new one when the pool has none that large.
func largeBuffer(n int) *[]byte {
	if bp, _ := largeJSONBuffers.Get().(*[]byte); bp != nil && cap(*bp) >= n {
		return bp
	}
	b := make([]byte, 0, n)
	return &b
}

// putLargeBuffer gives b, grown from *bp, back to largeJSONBuffers unless
// it has grown too large to keep.
func putLargeBuffer(bp *[]byte, b []byte) {
	if cap(b) <= maxLargeBuffer {
		*bp = b[:0]
		largeJSONBuffers.Put(bp)
	}
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
// reflection and without allocating. The words of each code's message
// and remedy templates are written as they were escaped once for the
// process, at the code's first report (see [jsonTables]), and so are the
// sources of package sources; code, severity and doc page need no
// escaping; the rest (field paths, arguments, field labels, other
// sources, fixes, skipped reasons) is escaped as it is written, except
// what the report wrote before and copies: a rejection's argument values
// in its remedy, a field's label, a fix's field that is the rejection's,
// a skipped reason among the last four written.
func (r *Report) AppendJSON(dst []byte) []byte {
	return r.appendJSON(dst, nil)
}

// appendJSON is AppendJSON, handing what it has written to flush (when
// not nil) whenever that reaches flushAt bytes between two rejections,
// and going on from dst[:0]: the report is then written in pieces of
// flushAt and a rejection, in a buffer that stays in the cache, however
// large. It stops, with what it has, once flush has failed.
func (r *Report) appendJSON(dst []byte, flush *jsonFlusher) []byte {
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
	tables := encodingTables()
	e := rejectionEncoder{tables: tables, lang: r.Language}
	if beian.IsChinese(r.Language) {
		e.zh = 1
	}
	for i := range r.Rejections {
		if i > 0 {
			dst = append(dst, ',')
		}
		if flush != nil && len(dst) >= flushAt {
			if dst = flush.flush(dst); flush.err != nil {
				return dst
			}
			// What the encoder copies from dst is gone: only the
			// label outlives a rejection.
			e.labelAt.rej = 0
		}
		dst = e.append(dst, &r.Rejections[i])
	}
	dst = append(dst, `],"skipped":[`...)
	// Where each skipped code's JSON starts in dst, for skipped_reasons
	// to copy it rather than find and write it again (a report skips a
	// dozen checks or so: more are written twice).
	var codeAtBuf [33]int
	var codeAt []int // nil when there are too many for the buffer
	if len(r.Skipped) < len(codeAtBuf) {
		codeAt = codeAtBuf[:len(r.Skipped)+1]
	}
	for i := range r.Skipped {
		if i > 0 {
			dst = append(dst, ',')
		}
		if codeAt != nil {
			codeAt[i] = len(dst)
		}
		dst = tables.appendCode(dst, r.Skipped[i].Code)
	}
	if codeAt != nil {
		codeAt[len(r.Skipped)] = len(dst) + 1 // after a comma, as the others
	}
	dst = append(dst, ']')
	if len(r.Skipped) > 0 {
		// Skipped is sorted by code without duplicates: the order
		// encoding/json gives a map's keys.
		dst = append(dst, `,"skipped_reasons":{`...)
		// Checks skipped for one reason share its text (no Registry, no
		// Prober, a domain without its record): a reason written before
		// is copied, not escaped again, and the reasons of validate's own
		// are written as they are.
		var seenBuf [4]placedText
		seen := seenBuf[:0]
		next := 0 // the slot a reason takes once seen is full
	skipped:
		for i := range r.Skipped {
			s := &r.Skipped[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			if codeAt != nil {
				dst = append(dst, dst[codeAt[i]:codeAt[i+1]-1]...)
			} else {
				dst = tables.appendCode(dst, s.Code)
			}
			dst = append(dst, ':')
			reason := e.in(s.Reason)
			for k := range seen {
				if p := &seen[k]; len(p.text) == len(reason) && p.text == reason {
					dst = append(dst, dst[p.from:p.to]...)
					continue skipped
				}
			}
			if plainReason(reason) {
				dst = append(dst, '"')
				dst = append(dst, reason...)
				dst = append(dst, '"')
				continue
			}
			from := len(dst)
			dst = jsonstr.Append(dst, reason)
			if p := (placedText{reason, from, len(dst)}); len(seen) < cap(seen) {
				seen = append(seen, p)
			} else {
				seen[next] = p
				next = (next + 1) % len(seen)
			}
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
	// labelAt is where label's JSON content was last written in this
	// report, while it holds (labelAt.rej != 0).
	labelAt placed
	// fieldFrom and fieldTo are where the current rejection's field was
	// written, as a JSON string with its quotes: a fix of that field
	// copies it.
	fieldFrom, fieldTo int
	// rej counts the rejections written: argAt[k] is where the content
	// of the current one's argument k went (while argAt[k].rej == rej),
	// so that its remedy copies what its message escaped.
	rej   uint32
	argAt [8]placed
}

// placedText is a text written as a JSON string, quotes included, at
// dst[from:to].
type placedText struct {
	text     string
	from, to int
}

// plainReason reports whether reason is one of the reasons Validator
// gives for the checks of a rule without its outside help, whose JSON is
// the text between quotes (TestPlainReasons).
func plainReason(reason string) bool {
	switch len(reason) {
	case len(reasonNoRegistry.ZH), len(reasonNoRegistry.EN), len(reasonNoProber.ZH), len(reasonNoProber.EN):
		return reason == reasonNoRegistry.ZH || reason == reasonNoRegistry.EN || reason == reasonNoProber.ZH || reason == reasonNoProber.EN
	}
	return false
}

// placed is where some JSON content was written in dst, dst[from:to],
// for the rejection counted rej (0: nowhere).
type placed struct {
	from, to int
	rej      uint32
}

// in returns t in the report's language: t.In(e.lang), without asking
// the tag again.
func (e *rejectionEncoder) in(t rules.Text) string {
	if e.zh == 1 {
		return t.ZH
	}
	return t.EN
}

// append appends x's JSON object to dst.
func (e *rejectionEncoder) append(dst []byte, x *rules.Rejection) []byte {
	e.rej++
	c := e.tables.code(x.Code)
	if c != nil {
		dst = c.appendHead(dst, x)
	} else {
		dst = append(dst, `{"code":`...)
		dst = jsonstr.Append(dst, string(x.Code))
		dst = append(dst, `,"severity":`...)
		dst = jsonstr.Append(dst, x.Severity.String())
		dst = append(dst, `,"field":`...)
	}
	e.fieldFrom = len(dst)
	dst = jsonstr.Append(dst, string(x.Field))
	e.fieldTo = len(dst)
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
			if f.Field == x.Field {
				dst = append(dst, dst[e.fieldFrom:e.fieldTo]...)
			} else {
				dst = jsonstr.Append(dst, string(f.Field))
			}
			dst = append(dst, `,"value":`...)
			dst = jsonstr.Append(dst, f.Value)
			dst = append(dst, `,"title":`...)
			dst = jsonstr.Append(dst, e.in(f.Title))
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if !x.Source.IsZero() {
		dst = e.tables.appendSource(dst, &x.Source)
	}
	if c != nil {
		return c.appendDoc(dst)
	}
	// "doc": rules.DocPath(x.Code), written without building the string.
	var scratch [128]byte
	dst = append(dst, `,"doc":`...)
	dst = jsonstr.Append(dst, append(append(append(scratch[:0], "docs/codes/"...), x.Code...), ".md"...))
	return append(dst, '}')
}

// appendCode appends code as a JSON string: a declared code, found by
// the index, as it is between quotes (see plainCode).
func (t *jsonTables) appendCode(dst []byte, code rules.Code) []byte {
	if c := t.code(code); c != nil && c.plain {
		dst = append(dst, '"')
		dst = append(dst, code...)
		return append(dst, '"')
	}
	return appendCode(dst, code)
}

// appendCode appends code as a JSON string.
func appendCode(dst []byte, code rules.Code) []byte {
	if plainCode(code) {
		dst = append(dst, '"')
		dst = append(dst, code...)
		return append(dst, '"')
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
// letter upper-cased. A value already written for x's message (an
// argument) or for the report (the label) is copied from where it was
// written. It reports false when a value is not valid UTF-8 (which rules
// renders whole, so that an invalid value may join with the next into a
// valid sequence): the caller then renders it as rules does, and what
// render wrote is forgotten.
func (e *rejectionEncoder) render(dst []byte, t []piece, x *rules.Rejection) ([]byte, bool) {
	from := len(dst)
	for i := range t {
		p := &t[i]
		if !p.placeholder {
			dst = append(dst, p.text...)
			continue
		}
		v, k, ok := e.value(p.name, x)
		if !ok {
			if !p.optional {
				dst = append(dst, p.text...)
			}
			continue
		}
		var at *placed
		var none placed // for an argument past argAt: never copied
		switch {
		case k < 0:
			at = &e.labelAt
		case k < len(e.argAt):
			if at = &e.argAt[k]; at.rej != e.rej {
				at.rej = 0
			}
		default:
			at = &none
		}
		if at.rej != 0 {
			dst = append(dst, dst[at.from:at.to]...)
			continue
		}
		start := len(dst)
		var valid bool
		if dst, valid = jsonstr.AppendContent(dst, v); !valid {
			e.forget(from)
			return dst, false
		}
		*at = placed{from: start, to: len(dst), rej: e.rej}
	}
	if from < len(dst) && 'a' <= dst[from] && dst[from] <= 'z' {
		dst[from] -= 'a' - 'A'
		// The value written there is not as escaped any more.
		e.forget(from)
	}
	return dst, true
}

// forget drops what e holds of the values written at dst[from:] and
// after.
func (e *rejectionEncoder) forget(from int) {
	if e.labelAt.to > from {
		e.labelAt.rej = 0
	}
	for k := range e.argAt {
		if e.argAt[k].to > from {
			e.argAt[k].rej = 0
		}
	}
}

// value returns the value of the placeholder name for x: its argument of
// that name in the report's language, and its index in x.Args, or the
// label of its field for "field", and -1; false when there is none.
func (e *rejectionEncoder) value(name string, x *rules.Rejection) (string, int, bool) {
	for i := range x.Args {
		if a := &x.Args[i]; a.Name == name {
			if e.zh == 1 {
				return a.Value.ZH, i, true
			}
			return a.Value.EN, i, true
		}
	}
	if name != "field" {
		return "", 0, false
	}
	if !e.hasLabel || e.labelField != string(x.Field) {
		e.label, e.labelField, e.hasLabel = e.in(rules.FieldLabel(x.Field)), string(x.Field), true
		e.labelAt.rej = 0
	}
	return e.label, -1, true
}

// jsonTables are the parts of reports' JSON that do not change from one
// report to the next, by code and by source, each escaped the first time
// a report needs it (a process that writes reports of a few codes
// escapes only theirs).
type jsonTables struct {
	// codes are the declared codes' JSON, found by codeIndex: a few
	// instructions where a map hashes the whole code.
	codes     []codeJSON
	codeIndex *keyindex.Index
	// sources are the JSON of the sources of package sources, found by
	// sourceIndex from their keys.
	sources     []sourceJSON
	sourceIndex *keyindex.Index
}

// encodingTables returns the tables, made on first use (their entries
// are compiled on their own first use).
var encodingTables = sync.OnceValue(func() *jsonTables {
	codes := rules.Codes()
	t := &jsonTables{codes: make([]codeJSON, len(codes))}
	names := make([]string, len(codes))
	for k, code := range codes {
		t.codes[k].code, t.codes[k].plain = code, plainCode(code)
		names[k] = string(code)
	}
	t.codeIndex = keyindex.New(names)
	all := sources.All()
	t.sources = make([]sourceJSON, len(all))
	keys := make([]string, len(all))
	for k, s := range all {
		t.sources[k].key, t.sources[k].url, t.sources[k].edition = s.Key, s.URL, s.Edition
		keys[k] = s.Key
	}
	t.sourceIndex = keyindex.New(keys)
	return t
})

// code returns the JSON of a declared code, nil for another.
func (t *jsonTables) code(code rules.Code) *codeJSON {
	if k := t.codeIndex.Find(string(code)); k >= 0 {
		return &t.codes[k]
	}
	return nil
}

// plainCode reports whether code is written in JSON as it is, between
// quotes (A–Z, 0–9 and _, as every declared code is).
func plainCode(code rules.Code) bool {
	for i := 0; i < len(code); i++ {
		if c := code[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// codeJSON is what the JSON of a code's rejections shares.
type codeJSON struct {
	code  rules.Code
	plain bool // see plainCode
	once  sync.Once
	// text holds the message (0) and remedy (1) templates, in English (0)
	// and Chinese (1), compiled on first use; nil for a template to be
	// rendered as rules does.
	text [2][2][]piece
}

// template returns the message (which 0) or remedy (1) template in
// English (zh 0) or Chinese (1), nil when c is nil or has none to use.
func (c *codeJSON) template(which, zh int) []piece {
	if c == nil {
		return nil
	}
	c.once.Do(c.compile)
	return c.text[which][zh]
}

// compile escapes the code's message and remedy templates.
func (c *codeJSON) compile() {
	d, _ := rules.Describe(c.code)
	var text [2][2][]piece
	for which, t := range []rules.Text{d.Message, d.Remedy} {
		text[which][0] = compileTemplate(t.EN)
		text[which][1] = compileTemplate(t.ZH)
	}
	c.text = text
}

// appendHead appends `{"code":"CODE","severity":"…","field":` for x.
func (c *codeJSON) appendHead(dst []byte, x *rules.Rejection) []byte {
	if c.plain {
		dst = append(dst, `{"code":"`...)
		dst = append(dst, c.code...)
		dst = append(dst, '"')
	} else {
		dst = append(dst, `{"code":`...)
		dst = jsonstr.Append(dst, string(c.code))
	}
	switch x.Severity {
	case rules.Notice:
		return append(dst, `,"severity":"notice","field":`...)
	case rules.Warning:
		return append(dst, `,"severity":"warning","field":`...)
	case rules.Error:
		return append(dst, `,"severity":"error","field":`...)
	}
	dst = append(dst, `,"severity":`...)
	dst = jsonstr.Append(dst, x.Severity.String())
	return append(dst, `,"field":`...)
}

// appendDoc appends `,"doc":"docs/codes/CODE.md"}`.
func (c *codeJSON) appendDoc(dst []byte) []byte {
	if c.plain {
		dst = append(dst, `,"doc":"docs/codes/`...)
		dst = append(dst, c.code...)
		return append(dst, `.md"}`...)
	}
	var scratch [128]byte
	dst = append(dst, `,"doc":`...)
	dst = jsonstr.Append(dst, append(append(append(scratch[:0], "docs/codes/"...), c.code...), ".md"...))
	return append(dst, '}')
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

// sourceJSON is the JSON of one source of package sources.
type sourceJSON struct {
	key, url, edition string
	once              sync.Once
	// head is `,"source":{"key":…,"url":…,"edition":…`, escaped on
	// first use.
	head string
}

// appendSource appends `,"source":{…}` for s: a source of package
// sources as it was escaped once for the process, another escaped as it
// is written (appendSourceAsIs).
func (t *jsonTables) appendSource(dst []byte, s *rules.Source) []byte {
	if k := t.sourceIndex.Find(s.Key); k >= 0 {
		if j := &t.sources[k]; j.url == s.URL && j.edition == s.Edition {
			j.once.Do(j.escape)
			dst = append(dst, j.head...)
			if s.Certain {
				return append(dst, `,"certain":true}`...)
			}
			return append(dst, `,"certain":false}`...)
		}
	}
	return appendSource(dst, s)
}

// escape sets j.head.
func (j *sourceJSON) escape() {
	b := appendSource(nil, &rules.Source{Key: j.key, URL: j.url, Edition: j.edition})
	j.head = string(b[:len(b)-len(`,"certain":false}`)])
}

// appendSource appends `,"source":{…}` for s, each string escaped as it
// is written.
func appendSource(dst []byte, s *rules.Source) []byte {
	dst = append(dst, `,"source":{"key":`...)
	dst = jsonstr.Append(dst, s.Key)
	dst = append(dst, `,"url":`...)
	dst = jsonstr.Append(dst, s.URL)
	dst = append(dst, `,"edition":`...)
	dst = jsonstr.Append(dst, s.Edition)
	if s.Certain {
		return append(dst, `,"certain":true}`...)
	}
	return append(dst, `,"certain":false}`...)
}

// compileTemplate returns the pieces of a message or remedy template,
// reading it as rules does: a placeholder runs from a { to the next }. It
// returns nil for a template that is not valid UTF-8, which is then
// rendered as rules does.
func compileTemplate(t string) []piece {
	pieces := []piece{}
	valid := true
	var buf [256]byte
	escape := func(s string) string {
		b, ok := jsonstr.AppendContent(buf[:0], s)
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
