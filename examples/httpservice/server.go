package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// server answers the service's endpoints.
type server struct {
	cfg config
	v   *validate.Validator // --profile's
	// profiles holds a validator for each provider profile, chosen by a
	// request's ?profile=.
	profiles map[string]*validate.Validator
	reg      registry
	log      *slog.Logger // its handler adds the request's id (requestLogHandler)
	secrets  scrubber     // the registry DSN's secrets, kept out of the logs
	m        *metrics     // nil with --metrics off
}

// newServer returns the service's handler: its endpoints, JSON errors for
// unknown paths and methods, request ids, access logs, metrics.
func newServer(cfg config, reg registry, logger *slog.Logger) http.Handler {
	h, _ := newService(cfg, reg, logger)
	return h
}

// newService returns the service's handler and its metrics (nil with
// --metrics off). With --metrics on, the handler serves them at GET
// /metrics; with --metrics ADDR, run serves them there.
func newService(cfg config, reg registry, logger *slog.Logger) (http.Handler, *metrics) {
	var m *metrics
	if cfg.metrics != metricsOff {
		m = newMetrics(logger)
		reg = instrument(reg, m)
	}
	profiles := map[string]*validate.Validator{}
	for _, name := range rules.ProfileNames() {
		profiles[name] = validate.New(validate.WithRegistry(reg), validate.WithProfile(name))
	}
	v := validate.New(validate.WithRegistry(reg))
	if cfg.profile != "" {
		v = profiles[rules.ProfileKey(cfg.profile)]
	}
	s := &server{
		cfg:      cfg,
		v:        v,
		profiles: profiles,
		reg:      reg,
		log:      slog.New(requestLogHandler{logger.Handler()}),
		secrets:  newScrubber(cfg.registry),
		m:        m,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/filings:validate", s.validate)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	if cfg.metrics == metricsOn {
		mux.Handle("GET /metrics", m.handler)
	}
	if doc := openAPIDocument(); len(doc) > 0 {
		mux.Handle("GET /openapi.yaml", serveDocument(doc, "application/yaml; charset=utf-8"))
	}
	var site *staticSite
	if cfg.web != "" {
		// The demo page and its WebAssembly checks (examples/web).
		var err error
		if site, err = openStatic(s, cfg.web); err != nil {
			logger.Error("opening --web", "dir", cfg.web, "err", err)
		}
	}
	return s.middleware(s.route(mux, site)), m
}

// route serves mux, answering in JSON where the mux itself would answer
// in plain text: 404 for an unknown path, 405 (with Allow) for a method
// the path does not take. Its redirects to clean paths stay as they are.
// A path of no endpoint goes to site, when there is one (--web): the
// endpoints keep their answers, whatever files the directory holds.
func (s *server) route(mux *http.ServeMux, site *staticSite) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		ai := info(r)
		if pattern != "" {
			ai.route = pattern
			if !strings.Contains(pattern, "{") {
				// No wildcard, so no path value to set: the handler
				// mux.Handler found is called directly, not found
				// again by mux.ServeHTTP.
				r.Pattern = pattern
				h.ServeHTTP(w, r)
				return
			}
			mux.ServeHTTP(w, r)
			return
		}
		ai.route = routeUnknown
		c := &captureHeader{header: http.Header{}}
		h.ServeHTTP(c, r)
		switch c.status {
		case http.StatusNotFound:
			if site != nil {
				ai.route = routeStatic
				site.ServeHTTP(w, r)
				return
			}
			s.fail(w, r, http.StatusNotFound, "no such endpoint")
		case http.StatusMethodNotAllowed:
			allow := c.header.Get("Allow")
			w.Header().Set("Allow", allow)
			s.fail(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; allowed: "+allow)
		default:
			mux.ServeHTTP(w, r)
		}
	})
}

// captureHeader is a ResponseWriter that keeps the header and status and
// drops the body.
type captureHeader struct {
	header http.Header
	status int
}

func (c *captureHeader) Header() http.Header { return c.header }
func (c *captureHeader) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}

func (c *captureHeader) Write(b []byte) (int, error) {
	c.WriteHeader(http.StatusOK)
	return len(b), nil
}

// languages are the report languages, the default first.
var languages = language.NewMatcher([]language.Tag{language.SimplifiedChinese, language.English})

// reportLanguage chooses the report language: ?lang= first
// (validate.ParseLanguage: zh or en, any region or script; another is an
// error, which the handler answers with 400 before reading the body), then
// Accept-Language, a negotiation; Chinese by default.
func reportLanguage(r *http.Request) (language.Tag, error) {
	if r.URL.RawQuery == "" {
		// Nothing to parse (URL.Query makes a map even then).
	} else if q := r.URL.Query().Get("lang"); q != "" {
		return validate.ParseLanguage(q)
	}
	return acceptedLanguage(r), nil
}

// acceptedLanguage is the report language Accept-Language asks for:
// English when it prefers English to Chinese, else Chinese (also when it
// names neither: the matcher's guess from a script, French for English,
// is no preference).
func acceptedLanguage(r *http.Request) language.Tag {
	if h := headerValue(r.Header, hdrAcceptLanguage); h != "" {
		if tags, _, err := language.ParseAcceptLanguage(h); err == nil && len(tags) > 0 {
			_, i, conf := languages.Match(tags...)
			if i == 1 && conf != language.No {
				return language.English
			}
		}
	}
	return language.SimplifiedChinese
}

// A problem is one reason a request body is unusable, as the decoder
// says it.
type problem struct {
	Index   *int   `json:"index,omitempty"` // the filing's index in an array
	Field   string `json:"field"`           // the field path, empty for the document
	Problem string `json:"problem"`
}

// errorBody is every error answer's body.
type errorBody struct {
	Error struct {
		Status    int       `json:"status"`
		Message   string    `json:"message"`
		RequestID string    `json:"request_id"`
		Problems  []problem `json:"problems,omitempty"`
	} `json:"error"`
}

// fail answers an error: status, a message for the client (never internal
// detail: that goes to the log under the request id) and the problems of
// the body.
func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, msg string, problems ...problem) {
	var b errorBody
	ai := info(r)
	b.Error.Status, b.Error.Message, b.Error.RequestID, b.Error.Problems = status, msg, ai.requestID, problems
	ai.problem = msg
	writeJSON(w, status, b)
}

// A failure is why a request body cannot be used: the answer's status,
// message and problems, and the detail for the log.
type failure struct {
	status   int
	msg      string
	problems []problem
	detail   error
}

// reason is the failure's reason in beian_decode_failures_total.
func (fl *failure) reason() string {
	switch {
	case fl.status == http.StatusRequestEntityTooLarge:
		return decodeTooLarge
	case fl.status == http.StatusRequestTimeout:
		return decodeTimeout
	case fl.detail != nil:
		return decodeUnread
	}
	return decodeInvalid
}

// writeJSON writes v as the answer, with its Content-Length (so that a
// failed write is known before the access log is written: see
// middleware).
func writeJSON(w http.ResponseWriter, status int, v any) {
	bp := answerBuffers.Get().(*[]byte)
	data, err := appendJSON((*bp)[:0], v)
	if err != nil {
		status = http.StatusInternalServerError
		data = append(data[:0], `{"error":{"status":500,"message":"encoding the answer failed"}}`...)
	}
	data = append(data, '\n')
	h := w.Header()
	h["Content-Type"] = contentTypeJSON
	h["Content-Length"] = []string{strconv.Itoa(len(data))}
	w.WriteHeader(status)
	if rec, ok := w.(*recorder); ok && rec.conn != nil {
		rec.writeAnswer(data)
	} else {
		_, _ = w.Write(data)
	}
	if cap(data) <= maxPooledAnswer {
		*bp = data[:0]
		answerBuffers.Put(bp)
	}
}

// The headers a request reads and its answer sets, in canonical form
// (http.CanonicalHeaderKey), so that they are read and set as the map
// keys they are, without Header.Get's and Header.Set's canonicalizing of
// the key at each request (TestHeaderKeysCanonical).
const (
	hdrAcceptLanguage  = "Accept-Language"
	hdrContentType     = "Content-Type"
	hdrContentLanguage = "Content-Language"
	hdrVary            = "Vary"
	hdrRequestID       = "X-Request-Id"
)

// headerValue is h.Get(key) for a key in canonical form.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// varyAcceptLanguage is the answers' Vary, one slice for all (see
// contentTypeJSON).
var varyAcceptLanguage = []string{hdrAcceptLanguage}

// contentTypeJSON is the answers' Content-Type, one slice for all (a
// header value is never changed in place: Header.Add appends to a full
// slice, which copies it).
var contentTypeJSON = []string{"application/json; charset=utf-8"}

// validate answers POST /v1/filings:validate.
func (s *server) validate(w http.ResponseWriter, r *http.Request) {
	if msg := mediaTypeProblem(headerValue(r.Header, hdrContentType)); msg != "" {
		s.m.decodeFailed(decodeMediaType)
		s.refuseUnread(w, r, http.StatusUnsupportedMediaType, msg)
		return
	}
	tag, err := reportLanguage(r)
	if err != nil {
		s.refuseUnread(w, r, http.StatusBadRequest, err.Error())
		return
	}
	v := s.v
	if r.URL.RawQuery == "" {
		// No profile asked for (URL.Query makes a map even then).
	} else if name := rules.ProfileKey(r.URL.Query().Get("profile")); name != "" {
		if v = s.profiles[name]; v == nil {
			s.refuseUnread(w, r, http.StatusBadRequest, "no such provider profile "+strconv.Quote(name)+"; profiles: "+strings.Join(rules.ProfileNames(), ", "))
			return
		}
	}
	if r.ContentLength > s.cfg.maxBytes {
		s.m.decodeFailed(decodeTooLarge)
		s.refuseUnread(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", s.cfg.maxBytes))
		return
	}
	filings, many, fl := s.read(http.MaxBytesReader(w, r.Body, s.cfg.maxBytes))
	if fl != nil {
		s.m.decodeFailed(fl.reason())
		if fl.detail != nil {
			info(r).detail = fl.detail.Error()
		}
		if fl.status == http.StatusRequestTimeout || fl.status == http.StatusRequestEntityTooLarge {
			w.Header().Set("Connection", "close") // the rest of the body is not read
		}
		s.fail(w, r, fl.status, fl.msg, fl.problems...)
		return
	}
	lang, contentLanguage := languageName(tag)
	info(r).filings = len(filings)
	info(r).lang = lang
	ctx := r.Context()
	if _, ok := s.reg.(rules.NonBlocking); !ok {
		// The deadline bounds the outside calls, the only ones that can
		// wait; a registry that never blocks (records in memory) is
		// called directly, and needs no timer per request.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.cfg.timeout)
		defer cancel()
	}
	reports := make([]*validate.Report, len(filings))
	for i, f := range filings {
		start := time.Now()
		rep := v.Validate(ctx, f)
		s.m.validated(rep, time.Since(start))
		reports[i] = s.withoutInternalDetail(r, i, rep.In(tag))
	}
	h := w.Header()
	h[hdrContentLanguage] = contentLanguage
	h[hdrVary] = varyAcceptLanguage
	if many {
		writeJSON(w, http.StatusOK, reports)
		return
	}
	writeJSON(w, http.StatusOK, reports[0])
}

// languageName returns tag.String() and the answer's Content-Language
// for it: for the two languages the matcher gives, the same string and
// one shared slice each request, without building the tag's name again.
func languageName(tag language.Tag) (string, []string) {
	switch tag {
	case language.SimplifiedChinese:
		return nameChinese, contentLanguageChinese
	case language.English:
		return nameEnglish, contentLanguageEnglish
	}
	name := tag.String()
	return name, []string{name}
}

// The names of the report languages the matcher gives, and their
// Content-Language values (never changed in place: see contentTypeJSON).
var (
	nameChinese            = language.SimplifiedChinese.String()
	nameEnglish            = language.English.String()
	contentLanguageChinese = []string{nameChinese}
	contentLanguageEnglish = []string{nameEnglish}
)

// mediaTypeProblem says why a body of Content-Type ct is refused, or ""
// when it is JSON in UTF-8.
func mediaTypeProblem(ct string) string {
	if ct == "application/json" || ct == "application/json; charset=utf-8" {
		return "" // the common forms, without mime.ParseMediaType's map
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return "the body must be JSON (Content-Type: application/json)"
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return "the body must be JSON in UTF-8 (charset=" + strconv.Quote(cs) + " is not)"
	}
	return ""
}

// refuseUnread answers an error before the body is read, and closes the
// connection: without "Connection: close", net/http reads (up to 256 KB
// of) the body before it sends the answer, to reuse the connection. After
// the answer it still reads what of the body arrives within refuseGrace
// (so that closing does not reset the connection under a client still
// sending), then closes.
func (s *server) refuseUnread(w http.ResponseWriter, r *http.Request, status int, msg string) {
	w.Header().Set("Connection", "close")
	s.fail(w, r, status, msg)
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(refuseGrace))
}

// refuseGrace is how long a connection whose body was refused unread
// stays open for the body to arrive (and be dropped).
const refuseGrace = 5 * time.Second

// withoutInternalDetail returns the report with the problem of each
// CHECK_UNAVAILABLE rejection (an outside source's error: socket paths,
// database users, SQL) replaced by a generic one giving the request id;
// the problem goes to the log under that id. The report is copied, not
// changed.
func (s *server) withoutInternalDetail(r *http.Request, index int, rep *validate.Report) *validate.Report {
	id := info(r).requestID
	var out *validate.Report
	for i, x := range rep.Rejections {
		if x.Code != rules.CodeCheckUnavailable {
			continue
		}
		if out == nil {
			c := *rep
			c.Rejections = slices.Clone(rep.Rejections)
			out = &c
		}
		args := make([]rules.Arg, len(x.Args))
		var check, detail string
		for j, a := range x.Args {
			switch a.Name {
			case "check":
				check = a.Value.EN
			case "problem":
				detail = a.Value.EN
				a.Value = genericProblem(detail, id)
			}
			args[j] = a
		}
		out.Rejections[i].Args = args
		s.log.LogAttrs(r.Context(), slog.LevelWarn, "check unavailable",
			slog.Int("filing", index), slog.String("check", check),
			slog.String("problem", s.secrets.scrub(detail)))
	}
	if out == nil {
		return rep
	}
	return out
}

// genericProblem is what a client is told of an outside check's failure:
// whether it ran out of time, else only that it failed, and the request
// id to find the detail in the log. A detail is a timeout when it is the
// context's deadline error or wraps it, or wraps validate.ErrNoAnswer (a
// call the validation's deadline abandoned or did not start:
// "Registry.MobileHolders: no answer before the deadline: …").
func genericProblem(detail, id string) rules.Text {
	if strings.HasSuffix(detail, context.DeadlineExceeded.Error()) || strings.Contains(detail, validate.ErrNoAnswer.Error()) {
		return rules.Text{ZH: "外部数据源未能及时应答（请求编号 " + id + "）", EN: "the outside source did not answer in time (request id " + id + ")"}
	}
	return rules.Text{ZH: "服务内部错误（请求编号 " + id + "）", EN: "an internal error (request id " + id + ")"}
}

// read reads the body: one filing (an object), decoded as it streams in,
// or several (an array), each decoded from its bytes. On failure it
// says what to answer.
func (s *server) read(body io.Reader) (filings []*beian.Filing, many bool, fl *failure) {
	br := bodyReaders.Get().(*bufio.Reader)
	br.Reset(body)
	defer func() {
		br.Reset(nil) // drops body
		bodyReaders.Put(br)
	}()
	first, err := firstByte(br)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, false, s.readFailure(err)
	}
	if first != '[' {
		f, err := s.options().Decode(br)
		if err != nil {
			if st := readStatus(err); st != http.StatusBadRequest {
				return nil, false, s.readFailure(err)
			}
			return nil, false, &failure{status: http.StatusBadRequest, msg: "the body is not a usable filing", problems: problemsOf(err, nil)}
		}
		return []*beian.Filing{f}, false, nil
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, true, s.readFailure(err)
	}
	return s.decode(data)
}

// utf8BOM is the byte order mark in UTF-8.
const utf8BOM = "\xef\xbb\xbf"

// bodyReaders are the buffers read reads the bodies through (4 KiB each,
// bufio's default), reused from one request to the next: the body is
// decoded as it streams in, within the buffer's call.
var bodyReaders = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

// firstByte returns the first byte that is not JSON white space, leaving
// it unread. A UTF-8 byte order mark at the start is read past, as
// icpcheck reads a file saved with one: the same bytes get the same
// report from both.
func firstByte(br *bufio.Reader) (byte, error) {
	if b, _ := br.Peek(len(utf8BOM)); string(b) == utf8BOM {
		_, _ = br.Discard(len(utf8BOM))
	}
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b, br.UnreadByte()
	}
}

// readStatus is the status for a failure to read or decode the body: 413
// for a body over the limit, 408 for one that did not arrive within the
// read timeout, 400 otherwise.
func readStatus(err error) int {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge) || errors.Is(err, beian.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, os.ErrDeadlineExceeded):
		return http.StatusRequestTimeout
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return http.StatusRequestTimeout
	}
	return http.StatusBadRequest
}

// readFailure is the answer to a failure to read the body. Its message
// names no address or internal error: the detail is for the log.
func (s *server) readFailure(err error) *failure {
	switch st := readStatus(err); st {
	case http.StatusRequestEntityTooLarge:
		return &failure{status: st, msg: fmt.Sprintf("the body is larger than %d bytes", s.cfg.maxBytes)}
	case http.StatusRequestTimeout:
		return &failure{status: st, msg: fmt.Sprintf("the body did not arrive within %v", s.cfg.readTimeout), detail: err}
	}
	return &failure{status: http.StatusBadRequest, msg: "the body could not be read", detail: err}
}

// options are the decoder's: the service's size limit.
func (s *server) options() beian.DecodeOptions {
	return beian.DecodeOptions{MaxBytes: s.cfg.maxBytes}
}

// decode decodes an array of filings already read. On failure it says
// what to answer.
func (s *server) decode(data []byte) (filings []*beian.Filing, many bool, fl *failure) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		f, err := s.options().Parse(data)
		if err != nil {
			if st := readStatus(err); st != http.StatusBadRequest {
				return nil, false, s.readFailure(err)
			}
			return nil, false, &failure{status: http.StatusBadRequest, msg: "the body is not a usable filing", problems: problemsOf(err, nil)}
		}
		return []*beian.Filing{f}, false, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		// The decoder says where the JSON breaks.
		_, derr := s.options().Parse(data)
		if derr == nil {
			derr = err
		}
		return nil, true, &failure{status: http.StatusBadRequest, msg: "the body is not usable JSON", problems: problemsOf(derr, nil)}
	}
	switch {
	case len(raws) == 0:
		return nil, true, &failure{status: http.StatusBadRequest, msg: "the array holds no filing"}
	case len(raws) > s.cfg.maxFilings:
		return nil, true, &failure{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("%d filings; at most %d in one request", len(raws), s.cfg.maxFilings)}
	}
	filings = make([]*beian.Filing, len(raws))
	var problems []problem
	for i, raw := range raws {
		f, err := s.options().Parse(raw)
		if err != nil {
			problems = append(problems, problemsOf(err, &i)...)
			continue
		}
		filings[i] = f
	}
	if len(problems) > 0 {
		return nil, true, &failure{status: http.StatusBadRequest, msg: "some filings are not usable", problems: problems}
	}
	return filings, true, nil
}

// problemsOf lists the decoder's errors, each with its field path.
func problemsOf(err error, index *int) []problem {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]problem, 0, len(errs))
	for _, e := range errs {
		p := problem{Problem: e.Error()}
		if index != nil {
			i := *index
			p.Index = &i
		}
		var de *beian.DecodeError
		if errors.As(e, &de) {
			p.Field, p.Problem = string(de.Path), de.Err.Error()
		}
		out = append(out, p)
	}
	return out
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when the Registry answers its questions within
// --ready-timeout (2 s: less than the validator's bound on one outside
// call, validate.DefaultTimeout, 3 s, so that a registry too slow for the
// validations is not ready), else 503 with the request id (the error
// goes to the log under it).
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.readyTimeout)
	defer cancel()
	if err := s.reg.Ready(ctx); err != nil {
		ai := info(r)
		ai.problem = errNotReady.Error()
		s.log.LogAttrs(r.Context(), slog.LevelWarn, "not ready",
			slog.String("err", s.secrets.scrub(err.Error())))
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": errNotReady.Error(), "request_id": ai.requestID})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "registry": s.reg.Describe()})
}

// accessInfo is what the middleware and the handler note of a request
// for its access-log line.
type accessInfo struct {
	requestID string
	route     string // the label of beian_http_requests_total
	filings   int
	lang      string
	problem   string // what the client was told
	detail    string // what it was not (internal detail)
}

type infoKey struct{}

// requestState is what middleware allocates for a request.
type requestState struct {
	info accessInfo
	rec  recorder
	id   [1]string // the answer's X-Request-Id
}

func info(r *http.Request) *accessInfo {
	if i, ok := r.Context().Value(infoKey{}).(*accessInfo); ok {
		return i
	}
	return &accessInfo{}
}

// recorder notes the status and size of an answer and the first error
// writing it. It unwraps for http.ResponseController.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	err    error
	conn   *answerConn // the request's connection, nil when not an answerConn
}

// writeAnswer writes a whole answer, its header already written, and
// sends it: in one write of the connection, headers and body together
// (see answerConn).
func (rec *recorder) writeAnswer(b []byte) {
	rec.conn.hold()
	_, _ = rec.Write(b)
	if rec.err == nil {
		if err := http.NewResponseController(rec.ResponseWriter).Flush(); err != nil {
			rec.err = err
		}
	}
	if err := rec.conn.release(); err != nil && rec.err == nil {
		rec.err = err
	}
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	n, err := rec.ResponseWriter.Write(b)
	rec.bytes += int64(n)
	if err != nil && rec.err == nil {
		rec.err = err
	}
	return n, err
}

func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// middleware gives each request its id (echoed in X-Request-Id), answers
// a panic with a JSON 500, sends the answer before logging it, and writes
// one structured access-log line with what was sent: status and bytes,
// or the error that kept the answer from the client (bytes is then 0:
// at most part of it arrived).
func (s *server) middleware(next http.Handler) http.Handler {
	// The access-log line names its request's id itself: adding it in
	// requestLogHandler would copy the record.
	access := s.log
	if h, ok := s.log.Handler().(requestLogHandler); ok {
		access = slog.New(h.Handler)
	}
	// The service's own handler's lines are written without it (see
	// jsonLog).
	var out *logOutput
	if h, ok := access.Handler().(jsonLog); ok {
		out = h.out
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		// The request's notes, its recorder and its X-Request-Id value
		// in one allocation.
		st := &requestState{}
		ai, rec := &st.info, &st.rec
		ai.requestID = requestID(r)
		st.id[0] = ai.requestID
		w.Header()[hdrRequestID] = st.id[:]
		rec.ResponseWriter, rec.conn = w, connOf(r)
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, ai))
		func() {
			defer func() {
				if e := recover(); e != nil {
					if e == http.ErrAbortHandler {
						panic(e)
					}
					s.log.LogAttrs(r.Context(), slog.LevelError, "panic",
						slog.String("panic", s.secrets.scrub(fmt.Sprint(e))), slog.String("stack", string(debug.Stack())))
					if rec.status == 0 {
						s.fail(rec, r, http.StatusInternalServerError, "an internal error")
					}
				}
			}()
			next.ServeHTTP(rec, r)
		}()
		if rec.status == 0 {
			rec.WriteHeader(http.StatusOK)
		}
		if rec.err == nil {
			// Send what is buffered now, to learn whether it went.
			if err := http.NewResponseController(rec.ResponseWriter).Flush(); err != nil {
				rec.err = err
			}
		}
		attrs := make([]slog.Attr, 0, 12)
		attrs = append(attrs,
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
		)
		if rec.err != nil {
			attrs = append(attrs, slog.Int64("bytes", 0), slog.String("write_error", rec.err.Error()))
		} else {
			attrs = append(attrs, slog.Int64("bytes", rec.bytes))
		}
		attrs = append(attrs,
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		)
		if ai.filings > 0 {
			attrs = append(attrs, slog.Int("filings", ai.filings), slog.String("lang", ai.lang))
		}
		if ai.problem != "" {
			attrs = append(attrs, slog.String("problem", ai.problem))
		}
		if ai.detail != "" {
			attrs = append(attrs, slog.String("detail", s.secrets.scrub(ai.detail)))
		}
		route := ai.route
		if route == "" { // a panic before route, or a handler without it (tests)
			route = routeUnknown
		}
		// Counted before the access-log line is written: once the line is
		// there, so is the count.
		s.m.answered(route, rec.status, time.Since(start))
		attrs = append(attrs, slog.String("request_id", ai.requestID))
		now := time.Now()
		if out != nil && out.writeLogLine(now, slog.LevelInfo, "request", attrs) {
			return
		}
		// The record is given to the handler as access.LogAttrs gives it,
		// without the caller's program counter, which LogAttrs finds by
		// unwinding the stack at each request and which only a handler
		// with AddSource writes (the service's has none).
		if h := access.Handler(); h.Enabled(r.Context(), slog.LevelInfo) {
			line := slog.NewRecord(now, slog.LevelInfo, "request", 0)
			line.AddAttrs(attrs...)
			_ = h.Handle(r.Context(), line)
		}
	})
}
