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
	"net/http"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
)

// server answers the service's endpoints.
type server struct {
	cfg config
	v   *validate.Validator
	reg registry
	log *slog.Logger
}

// newServer returns the service's handler, with access logs.
func newServer(cfg config, reg registry, logger *slog.Logger) http.Handler {
	s := &server{
		cfg: cfg,
		v:   validate.New(validate.WithRegistry(reg)),
		reg: reg,
		log: logger,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/filings:validate", s.validate)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	return s.accessLog(mux)
}

// languages are the report languages, the default first.
var languages = language.NewMatcher([]language.Tag{language.SimplifiedChinese, language.English})

// reportLanguage chooses the report language: ?lang= first, then
// Accept-Language; Chinese by default.
func reportLanguage(r *http.Request) language.Tag {
	if q := r.URL.Query().Get("lang"); q != "" {
		if tag, err := language.Parse(q); err == nil {
			if beian.IsChinese(tag) {
				return language.SimplifiedChinese
			}
			return language.English
		}
	}
	if h := r.Header.Get("Accept-Language"); h != "" {
		if tags, _, err := language.ParseAcceptLanguage(h); err == nil && len(tags) > 0 {
			_, i, _ := languages.Match(tags...)
			if i == 1 {
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
		Status   int       `json:"status"`
		Message  string    `json:"message"`
		Problems []problem `json:"problems,omitempty"`
	} `json:"error"`
}

func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, msg string, problems ...problem) {
	var b errorBody
	b.Error.Status, b.Error.Message, b.Error.Problems = status, msg, problems
	info(r).problem = msg
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := encodeJSON(v)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"error":{"status":500,"message":"encoding the answer failed"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(data, '\n'))
}

// validate answers POST /v1/filings:validate.
func (s *server) validate(w http.ResponseWriter, r *http.Request) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		s.fail(w, r, http.StatusUnsupportedMediaType, "the body must be JSON (Content-Type: application/json)")
		return
	}
	if r.ContentLength > s.cfg.maxBytes {
		s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", s.cfg.maxBytes))
		return
	}
	filings, many, status, msg, problems := s.read(http.MaxBytesReader(w, r.Body, s.cfg.maxBytes))
	if status != 0 {
		s.fail(w, r, status, msg, problems...)
		return
	}
	tag := reportLanguage(r)
	info(r).filings = len(filings)
	info(r).lang = tag.String()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	reports := make([]*validate.Report, len(filings))
	for i, f := range filings {
		reports[i] = s.v.Validate(ctx, f).In(tag)
	}
	w.Header().Set("Content-Language", tag.String())
	w.Header().Set("Vary", "Accept-Language")
	if many {
		writeJSON(w, http.StatusOK, reports)
		return
	}
	writeJSON(w, http.StatusOK, reports[0])
}

// read reads the body: one filing (an object), decoded as it streams in,
// or several (an array), each decoded from its bytes. On failure it
// returns the status and the problems to answer.
func (s *server) read(body io.Reader) (filings []*beian.Filing, many bool, status int, msg string, problems []problem) {
	br := bufio.NewReader(body)
	first, err := firstByte(br)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, false, readStatus(err), s.readMessage(err), nil
	}
	if first != '[' {
		f, err := s.options().Decode(br)
		if err != nil {
			if st := readStatus(err); st != http.StatusBadRequest {
				return nil, false, st, s.readMessage(err), nil
			}
			return nil, false, http.StatusBadRequest, "the body is not a usable filing", problemsOf(err, nil)
		}
		return []*beian.Filing{f}, false, 0, "", nil
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, true, readStatus(err), s.readMessage(err), nil
	}
	return s.decode(data)
}

// firstByte returns the first byte that is not JSON white space, leaving
// it unread.
func firstByte(br *bufio.Reader) (byte, error) {
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
// for a body over the limit, 400 otherwise.
func readStatus(err error) int {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) || errors.Is(err, beian.ErrTooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

func (s *server) readMessage(err error) string {
	if readStatus(err) == http.StatusRequestEntityTooLarge {
		return fmt.Sprintf("the body is larger than %d bytes", s.cfg.maxBytes)
	}
	return "reading the body: " + err.Error()
}

// options are the decoder's: the service's size limit.
func (s *server) options() beian.DecodeOptions {
	return beian.DecodeOptions{MaxBytes: s.cfg.maxBytes}
}

// decode decodes an array of filings already read. On failure it returns
// the status and the problems to answer.
func (s *server) decode(data []byte) (filings []*beian.Filing, many bool, status int, msg string, problems []problem) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		f, err := s.options().Parse(data)
		if err != nil {
			if st := readStatus(err); st != http.StatusBadRequest {
				return nil, false, st, s.readMessage(err), nil
			}
			return nil, false, http.StatusBadRequest, "the body is not a usable filing", problemsOf(err, nil)
		}
		return []*beian.Filing{f}, false, 0, "", nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		// The decoder says where the JSON breaks.
		_, derr := s.options().Parse(data)
		if derr == nil {
			derr = err
		}
		return nil, true, http.StatusBadRequest, "the body is not usable JSON", problemsOf(derr, nil)
	}
	switch {
	case len(raws) == 0:
		return nil, true, http.StatusBadRequest, "the array holds no filing", nil
	case len(raws) > s.cfg.maxFilings:
		return nil, true, http.StatusRequestEntityTooLarge, fmt.Sprintf("%d filings; at most %d in one request", len(raws), s.cfg.maxFilings), nil
	}
	filings = make([]*beian.Filing, len(raws))
	for i, raw := range raws {
		f, err := s.options().Parse(raw)
		if err != nil {
			problems = append(problems, problemsOf(err, &i)...)
			continue
		}
		filings[i] = f
	}
	if len(problems) > 0 {
		return nil, true, http.StatusBadRequest, "some filings are not usable", problems
	}
	return filings, true, 0, "", nil
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

// readyz answers 200 when the Registry answers within two seconds.
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.reg.Ping(ctx); err != nil {
		info(r).problem = err.Error()
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": errNotReady.Error() + ": " + err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "registry": s.reg.Describe()})
}

// accessInfo is what a handler adds to its request's access-log line.
type accessInfo struct {
	filings int
	lang    string
	problem string
}

type infoKey struct{}

func info(r *http.Request) *accessInfo {
	if i, ok := r.Context().Value(infoKey{}).(*accessInfo); ok {
		return i
	}
	return &accessInfo{}
}

// recorder notes the status and size of an answer.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
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
	return n, err
}

// accessLog writes one structured line per request.
func (s *server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ai := &accessInfo{}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), infoKey{}, ai)))
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		}
		if ai.filings > 0 {
			attrs = append(attrs, slog.Int("filings", ai.filings), slog.String("lang", ai.lang))
		}
		if ai.problem != "" {
			attrs = append(attrs, slog.String("problem", ai.problem))
		}
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
	})
}
