// Package client calls the beian validation service (examples/httpservice,
// described by docs/openapi.yaml) over HTTP, for services that validate
// filings through it instead of linking the rules:
//
//	c, err := client.New("http://beian.internal:8080")
//	rep, err := c.Validate(ctx, filing, language.Chinese)
//	var apiErr *client.Error
//	if errors.As(err, &apiErr) {
//		// apiErr.Status, apiErr.Message, apiErr.RequestID, apiErr.Problems
//	}
//
// Reports come back as *validate.Report (see validate.Report.UnmarshalJSON
// for what the wire format keeps), so code written against the library
// works on them unchanged. A Client is safe for concurrent use.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
)

// MaxResponseBytes bounds the body of one answer the client reads: far
// more than the reports of the most filings one request may hold.
const MaxResponseBytes = 64 << 20

// A Client calls one service.
type Client struct {
	base    *url.URL
	hc      *http.Client
	profile string
}

// An Option configures a [Client].
type Option func(*Client)

// WithHTTPClient makes the client send its requests through hc (its
// transport, timeouts, TLS configuration) instead of http.DefaultClient.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithProfile makes every validation ask for the provider console
// profile name ("tencent", "aliyun", "huawei"): the service applies its
// sourced differences (validate.WithProfile; the service's ?profile=).
// Without it, or with "", the service's own --profile applies. The
// service refuses an unknown name (an [Error] that is [ErrBadRequest]).
func WithProfile(name string) Option {
	return func(c *Client) { c.profile = name }
}

// New returns a client of the service at baseURL ("http://host:8080";
// a path prefix is kept).
func New(baseURL string, opts ...Option) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("client: base URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("client: base URL %q is not an http or https URL with a host", baseURL)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	c := &Client{base: u, hc: http.DefaultClient}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

type requestIDKey struct{}

// WithRequestID returns a context whose requests carry id as their
// X-Request-Id, so that the service's logs and answers use the caller's
// id (the service keeps an id of 1 to 64 characters of letters, digits
// and . _ : -, and makes its own otherwise).
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// Validate validates one filing in the language lang (Chinese or
// English) and returns its report. A rejected filing is a report whose OK
// is false, not an error; errors are the service's (an [*Error]) or the
// transport's.
func (c *Client) Validate(ctx context.Context, f *beian.Filing, lang language.Tag) (*validate.Report, error) {
	if f == nil {
		return nil, errors.New("client: Validate: nil filing")
	}
	body, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("client: encoding the filing: %w", err)
	}
	var rep validate.Report
	if err := c.validate(ctx, body, lang, &rep); err != nil {
		return nil, err
	}
	fillByteOffsets(&rep, f)
	return &rep, nil
}

// ValidateAll validates several filings in one request (the service takes
// at most --max-filings, 100 by default) and returns their reports in the
// same order.
func (c *Client) ValidateAll(ctx context.Context, fs []*beian.Filing, lang language.Tag) ([]*validate.Report, error) {
	if len(fs) == 0 {
		return nil, errors.New("client: ValidateAll: no filing")
	}
	for i, f := range fs {
		if f == nil {
			return nil, fmt.Errorf("client: ValidateAll: filing %d is nil", i)
		}
	}
	body, err := json.Marshal(fs)
	if err != nil {
		return nil, fmt.Errorf("client: encoding the filings: %w", err)
	}
	var reps []*validate.Report
	if err := c.validate(ctx, body, lang, &reps); err != nil {
		return nil, err
	}
	if len(reps) != len(fs) {
		return nil, fmt.Errorf("client: %d reports for %d filings", len(reps), len(fs))
	}
	for i, r := range reps {
		if r == nil {
			return nil, fmt.Errorf("client: report %d is null", i)
		}
		fillByteOffsets(r, fs[i])
	}
	return reps, nil
}

// ValidateJSON validates filing JSON as the caller holds it (one filing
// or an array of them), for a service that passes its clients' bodies on:
// the service's decoder then names the problems of a malformed body in
// the [*Error]. It returns the answer's JSON, one report or an array.
func (c *Client) ValidateJSON(ctx context.Context, body []byte, lang language.Tag) (json.RawMessage, error) {
	var raw json.RawMessage
	if err := c.validate(ctx, body, lang, &raw); err != nil {
		return nil, err
	}
	return raw, nil
}

func (c *Client) validate(ctx context.Context, body []byte, lang language.Tag, out any) error {
	q := url.Values{"lang": {"en"}}
	if beian.IsChinese(lang) {
		q.Set("lang", "zh")
	}
	if c.profile != "" {
		q.Set("profile", c.profile)
	}
	req, err := c.request(ctx, http.MethodPost, "/v1/filings:validate?"+q.Encode(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, data, err := c.do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errorOf(resp, data)
	}
	tag := language.English
	if beian.IsChinese(lang) {
		tag = language.SimplifiedChinese
	}
	if cl, err := language.Parse(resp.Header.Get("Content-Language")); err == nil {
		tag = cl
	}
	switch o := out.(type) {
	case *validate.Report:
		o.Language = tag
	case *[]*validate.Report:
		// Each report gets the answer's language before it is decoded.
		var raws []json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return fmt.Errorf("client: decoding the reports: %w", err)
		}
		*o = make([]*validate.Report, len(raws))
		for i, raw := range raws {
			r := &validate.Report{Language: tag}
			if err := json.Unmarshal(raw, r); err != nil {
				return fmt.Errorf("client: decoding report %d: %w", i, err)
			}
			(*o)[i] = r
		}
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("client: decoding the answer: %w", err)
	}
	return nil
}

// Health reports whether the service is serving (GET /healthz).
func (c *Client) Health(ctx context.Context) error {
	_, err := c.get(ctx, "/healthz")
	return err
}

// Readiness is the answer of GET /readyz.
type Readiness struct {
	Status   string `json:"status"`   // "ready"
	Registry string `json:"registry"` // the registry the service uses, its secrets masked
}

// Ready asks whether the service's registry answers (GET /readyz). A
// service that is not ready gives an [*Error] with Status 503.
func (c *Client) Ready(ctx context.Context) (Readiness, error) {
	data, err := c.get(ctx, "/readyz")
	if err != nil {
		return Readiness{}, err
	}
	var r Readiness
	if err := json.Unmarshal(data, &r); err != nil {
		return Readiness{}, fmt.Errorf("client: decoding the readiness: %w", err)
	}
	return r, nil
}

// Metrics returns the service's metrics in the Prometheus text format
// (GET /metrics).
func (c *Client) Metrics(ctx context.Context) ([]byte, error) { return c.get(ctx, "/metrics") }

// OpenAPI returns the service's OpenAPI document (GET /openapi.yaml).
func (c *Client) OpenAPI(ctx context.Context) ([]byte, error) { return c.get(ctx, "/openapi.yaml") }

func (c *Client) get(ctx context.Context, path string) ([]byte, error) {
	req, err := c.request(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	resp, data, err := c.do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errorOf(resp, data)
	}
	return data, nil
}

func (c *Client) request(ctx context.Context, method, pathQuery string, body io.Reader) (*http.Request, error) {
	ref, err := url.Parse(pathQuery)
	if err != nil {
		return nil, err
	}
	u := *c.base
	u.Path += ref.Path
	u.RawQuery = ref.RawQuery
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	if id, ok := ctx.Value(requestIDKey{}).(string); ok && id != "" {
		req.Header.Set("X-Request-Id", id)
	}
	return req, nil
}

func (c *Client) do(req *http.Request) (*http.Response, []byte, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("client: %s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponseBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("client: reading the answer to %s %s: %w", req.Method, req.URL.Path, err)
	}
	if len(data) > MaxResponseBytes {
		return nil, nil, fmt.Errorf("client: the answer to %s %s is over %d bytes", req.Method, req.URL.Path, MaxResponseBytes)
	}
	return resp, data, nil
}

// An Error is the service's answer to a request it could not serve: its
// HTTP status and its error body (docs/openapi.yaml, schema Error), or
// for a body that is not the service's (a proxy's page) the status and
// the start of the body as Message.
type Error struct {
	// Status is the HTTP status: 400 an unusable body, 408 a body too
	// slow, 413 a body too large or too many filings, 415 not JSON in
	// UTF-8, 404 and 405, 500, 503 not ready.
	Status int
	// Message says what is wrong, in English.
	Message string
	// RequestID is the request's id, under which the service logged the
	// detail (the X-Request-Id header when the body has none).
	RequestID string
	// Problems are the decoder's problems with the body, each naming a
	// field.
	Problems []Problem
}

// A Problem is one reason the service could not use a body.
type Problem struct {
	// Index is the filing's index when the body was an array, else -1.
	Index int
	// Field is the field path ("subject.cert_type"), empty for the
	// document.
	Field beian.Path
	// Problem says what is wrong with it.
	Problem string
}

// Error returns "beian service: STATUS: message (request id …)".
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "beian service: %d %s: %s", e.Status, http.StatusText(e.Status), e.Message)
	for i, p := range e.Problems {
		if i == 3 {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-i)
			break
		}
		b.WriteString("; ")
		if p.Field != "" {
			b.WriteString(string(p.Field) + ": ")
		}
		b.WriteString(p.Problem)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.RequestID)
	}
	return b.String()
}

// Errors an [*Error] matches with errors.Is, by its status.
var (
	ErrBadRequest           = errors.New("the body is not usable")          // 400
	ErrTimeout              = errors.New("the body did not arrive in time") // 408
	ErrTooLarge             = errors.New("the body is too large")           // 413
	ErrUnsupportedMediaType = errors.New("the body is not JSON in UTF-8")   // 415
	ErrNotFound             = errors.New("no such endpoint")                // 404, 405
	ErrUnavailable          = errors.New("the service is not ready")        // 503
	ErrInternal             = errors.New("the service failed")              // 500 and other 5xx
)

// Is matches the sentinel errors of the status.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.Status == http.StatusBadRequest
	case ErrTimeout:
		return e.Status == http.StatusRequestTimeout
	case ErrTooLarge:
		return e.Status == http.StatusRequestEntityTooLarge
	case ErrUnsupportedMediaType:
		return e.Status == http.StatusUnsupportedMediaType
	case ErrNotFound:
		return e.Status == http.StatusNotFound || e.Status == http.StatusMethodNotAllowed
	case ErrUnavailable:
		return e.Status == http.StatusServiceUnavailable
	case ErrInternal:
		return e.Status >= 500 && e.Status != http.StatusServiceUnavailable
	}
	return false
}

// errorOf builds the Error of an answer that is not 200.
func errorOf(resp *http.Response, data []byte) error {
	e := &Error{Status: resp.StatusCode, RequestID: resp.Header.Get("X-Request-Id")}
	var body struct {
		Error *struct {
			Status    int    `json:"status"`
			Message   string `json:"message"`
			RequestID string `json:"request_id"`
			Problems  []struct {
				Index   *int   `json:"index"`
				Field   string `json:"field"`
				Problem string `json:"problem"`
			} `json:"problems"`
		} `json:"error"`
		// /readyz's 503: {"status": "unavailable", "error": "…", "request_id": "…"}
		Status    string `json:"status"`
		RequestID string `json:"request_id"`
	}
	var readyErr struct {
		Error string `json:"error"`
	}
	switch {
	case json.Unmarshal(data, &body) == nil && body.Error != nil:
		e.Message = body.Error.Message
		if body.Error.RequestID != "" {
			e.RequestID = body.Error.RequestID
		}
		for _, p := range body.Error.Problems {
			idx := -1
			if p.Index != nil {
				idx = *p.Index
			}
			e.Problems = append(e.Problems, Problem{Index: idx, Field: beian.Path(p.Field), Problem: p.Problem})
		}
	case body.Status != "" && json.Unmarshal(data, &readyErr) == nil:
		e.Message = readyErr.Error
		if body.RequestID != "" {
			e.RequestID = body.RequestID
		}
	default:
		e.Message = strings.TrimSpace(string(data[:min(len(data), 200)]))
		if !utf8.ValidString(e.Message) {
			e.Message = strings.ToValidUTF8(e.Message, "?")
		}
	}
	return e
}

// fillByteOffsets sets the byte offsets of the decoded spans, which the
// wire format gives in UTF-16 units only, from the values of the filing
// that was sent.
func fillByteOffsets(rep *validate.Report, f *beian.Filing) {
	for i := range rep.Rejections {
		r := &rep.Rejections[i]
		if r.Span.IsZero() {
			continue
		}
		value, ok := stringAt(f, r.Field)
		if !ok {
			continue
		}
		start, ok1 := byteOffset(value, r.Span.Start16)
		end, ok2 := byteOffset(value, r.Span.End16)
		if ok1 && ok2 {
			r.Span.Start, r.Span.End = start, end
		}
	}
}

// byteOffset converts an offset in UTF-16 units of s to bytes.
func byteOffset(s string, units int) (int, bool) {
	n := 0
	for i, r := range s {
		if n == units {
			return i, true
		}
		if n > units {
			return 0, false
		}
		n += utf16.RuneLen(r) // an invalid byte is U+FFFD: one unit
	}
	if n == units {
		return len(s), true
	}
	return 0, false
}
