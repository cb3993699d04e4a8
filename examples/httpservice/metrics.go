package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// metrics are the service's Prometheus metrics, in a registry of its own
// (no global state: two servers in one process, as in the tests, count
// apart). The labels take a bounded set of values: codes and severities
// of the rules, the routes of the service, the HTTP statuses it answers,
// fixed reasons and kinds; never a path or a value from a request.
//
//	beian_validations_total{ok,complete}            filings validated, by the report's ok and complete
//	beian_rejections_total{code,severity}           rejections in those reports
//	beian_validation_duration_seconds               time to validate one filing (histogram)
//	beian_http_requests_total{route,status}         requests answered
//	beian_http_request_duration_seconds{route}      time to answer one (histogram)
//	beian_decode_failures_total{reason}             request bodies refused before validation
//	beian_registry_errors_total{question,kind}      the Registry's errors, /readyz's included
//
// and the Go runtime's and the process's collectors (go_*, process_*).
type metrics struct {
	reg             *prometheus.Registry
	validations     *prometheus.CounterVec
	rejections      *prometheus.CounterVec
	validationTime  prometheus.Histogram
	requests        *prometheus.CounterVec
	requestTime     *prometheus.HistogramVec
	decodeFailures  *prometheus.CounterVec
	registryErrors  *prometheus.CounterVec
	handler         http.Handler
	validateOutcome [2][2]prometheus.Counter // [ok][complete]

	// The children of the vectors, looked up once per label values:
	// WithLabelValues hashes the values and takes the vector's lock on
	// every call. Each cache holds at most one entry per series, a
	// bounded set (see above); a series is made at its first count, as
	// WithLabelValues would make it.
	//
	// The declared codes' rejection counters are found by the code's
	// index (codeIndex, built once; a string key hashes in a few
	// instructions, where sync.Map hashes a struct through its type) and
	// severity, and made at their first count; rejectionCounters holds
	// the others' (a rule of the caller's, or a severity out of range).
	codeIndex         map[rules.Code]int
	codeCounters      []codeCounters
	rejectionCounters sync.Map // rejectionKey → prometheus.Counter
	requestCounters   sync.Map // requestKey → prometheus.Counter
	requestTimers     sync.Map // route → prometheus.Observer
}

// codeCounters are one code's rejection counters, by severity (Notice,
// Warning, Error), each made at its first count.
type codeCounters [3]atomic.Pointer[counter]

// counter holds a counter for an atomic.Pointer.
type counter struct{ prometheus.Counter }

type rejectionKey struct {
	code     rules.Code
	severity rules.Severity
}

type requestKey struct {
	route  string
	status int
}

// latencyBuckets span a clean filing (tens of microseconds) to the
// validation's --timeout (10 s).
var latencyBuckets = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// The reasons of beian_decode_failures_total.
const (
	decodeMediaType = "media_type"  // 415: not JSON, or not UTF-8
	decodeTooLarge  = "too_large"   // 413: over --max-bytes or --max-filings
	decodeTimeout   = "timeout"     // 408: the body did not arrive in time
	decodeUnread    = "unreadable"  // 400: the body could not be read
	decodeInvalid   = "invalid"     // 400: JSON that is not filings
	routeStatic     = "static"      // the --web files
	routeUnknown    = "unmatched"   // 404 and 405 outside the endpoints
	questionReady   = "ready"       // /readyz's questions
	kindTimeout     = "timeout"     // the question's deadline passed
	kindCanceled    = "canceled"    // the request went away
	kindUnsupported = "unsupported" // the registry cannot answer that question
	kindOther       = "error"       // any other error
)

// newMetrics returns the service's metrics, registered in a new registry
// with the Go and process collectors.
func newMetrics(log *slog.Logger) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		validations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beian_validations_total",
			Help: "Filings validated, by whether the report is ok (no error) and complete (every check ran).",
		}, []string{"ok", "complete"}),
		rejections: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beian_rejections_total",
			Help: "Rejections in the reports, by code and severity.",
		}, []string{"code", "severity"}),
		validationTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "beian_validation_duration_seconds",
			Help:    "Time to validate one filing, outside checks included.",
			Buckets: latencyBuckets,
		}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beian_http_requests_total",
			Help: "HTTP requests answered, by route (the endpoint's pattern, static or unmatched) and status.",
		}, []string{"route", "status"}),
		requestTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "beian_http_request_duration_seconds",
			Help:    "Time to answer one request, from its headers to the answer sent.",
			Buckets: latencyBuckets,
		}, []string{"route"}),
		decodeFailures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beian_decode_failures_total",
			Help: "Request bodies refused before validation, by reason (media_type, too_large, timeout, unreadable, invalid).",
		}, []string{"reason"}),
		registryErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beian_registry_errors_total",
			Help: "Errors of the Registry, by question (mobile_holders, subject, domain, ready) and kind (timeout, canceled, unsupported, error).",
		}, []string{"question", "kind"}),
	}
	m.reg.MustRegister(m.validations, m.rejections, m.validationTime, m.requests, m.requestTime, m.decodeFailures, m.registryErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for ok := range 2 {
		for complete := range 2 {
			m.validateOutcome[ok][complete] = m.validations.WithLabelValues(strconv.FormatBool(ok == 1), strconv.FormatBool(complete == 1))
		}
	}
	codes := rules.Codes()
	m.codeIndex = make(map[rules.Code]int, len(codes))
	m.codeCounters = make([]codeCounters, len(codes))
	for i, c := range codes {
		m.codeIndex[c] = i
	}
	// The reasons and kinds start at 0, so that a rate is defined before
	// the first failure.
	for _, r := range []string{decodeMediaType, decodeTooLarge, decodeTimeout, decodeUnread, decodeInvalid} {
		m.decodeFailures.WithLabelValues(r)
	}
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ErrorHandling:     promhttp.ContinueOnError,
		Registry:          m.reg, // promhttp_metric_handler_errors_total
		EnableOpenMetrics: false,
	})
	return m
}

// validated counts one filing's report and the time its validation took.
func (m *metrics) validated(rep *validate.Report, took time.Duration) {
	if m == nil {
		return
	}
	m.validationTime.Observe(took.Seconds())
	m.validateOutcome[b2i(rep.OK())][b2i(rep.Complete())].Inc()
	for i := range rep.Rejections {
		x := &rep.Rejections[i]
		m.rejection(x.Code, x.Severity).Inc()
	}
}

// rejection is the counter of rejections of code and severity.
func (m *metrics) rejection(code rules.Code, sev rules.Severity) prometheus.Counter {
	if i, ok := m.codeIndex[code]; ok && rules.Notice <= sev && sev <= rules.Error {
		p := &m.codeCounters[i][sev-rules.Notice]
		if c := p.Load(); c != nil {
			return c.Counter
		}
		// WithLabelValues gives one counter for one code and severity,
		// whichever of two requests stores it.
		p.CompareAndSwap(nil, &counter{m.rejections.WithLabelValues(string(code), sev.String())})
		return p.Load().Counter
	}
	k := rejectionKey{code, sev}
	if c, ok := m.rejectionCounters.Load(k); ok {
		return c.(prometheus.Counter)
	}
	c, _ := m.rejectionCounters.LoadOrStore(k, m.rejections.WithLabelValues(string(code), sev.String()))
	return c.(prometheus.Counter)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// answered counts a request answered on route with status, and its time.
func (m *metrics) answered(route string, status int, took time.Duration) {
	if m == nil {
		return
	}
	k := requestKey{route, status}
	c, ok := m.requestCounters.Load(k)
	if !ok {
		c, _ = m.requestCounters.LoadOrStore(k, m.requests.WithLabelValues(route, strconv.Itoa(status)))
	}
	c.(prometheus.Counter).Inc()
	o, ok := m.requestTimers.Load(route)
	if !ok {
		o, _ = m.requestTimers.LoadOrStore(route, m.requestTime.WithLabelValues(route))
	}
	o.(prometheus.Observer).Observe(took.Seconds())
}

// decodeFailed counts a body refused for reason.
func (m *metrics) decodeFailed(reason string) {
	if m != nil {
		m.decodeFailures.WithLabelValues(reason).Inc()
	}
}

// registryError counts an error of the registry's question.
func (m *metrics) registryError(question string, err error) {
	if m == nil || err == nil {
		return
	}
	kind := kindOther
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		kind = kindTimeout
	case errors.Is(err, context.Canceled):
		kind = kindCanceled
	case errors.Is(err, errors.ErrUnsupported):
		kind = kindUnsupported
	}
	m.registryErrors.WithLabelValues(question, kind).Inc()
}

// countingRegistry is the service's registry with its errors counted in
// beian_registry_errors_total. It answers as the registry does.
type countingRegistry struct {
	registry
	m *metrics
}

// instrument returns reg with its errors counted by m; a registry that
// never blocks (rules.NonBlocking: the records file) keeps the marker, so
// that the validator still calls it directly.
func instrument(reg registry, m *metrics) registry {
	if m == nil {
		return reg
	}
	c := countingRegistry{reg, m}
	if _, ok := reg.(rules.NonBlocking); ok {
		return countingNonBlocking{c}
	}
	return c
}

func (c countingRegistry) MobileHolders(ctx context.Context, mobile string) ([]beian.SubjectID, error) {
	ids, err := c.registry.MobileHolders(ctx, mobile)
	c.m.registryError("mobile_holders", err)
	return ids, err
}

func (c countingRegistry) Subject(ctx context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	st, err := c.registry.Subject(ctx, id)
	c.m.registryError("subject", err)
	return st, err
}

func (c countingRegistry) Domain(ctx context.Context, domain string) (beian.DomainStatus, error) {
	st, err := c.registry.Domain(ctx, domain)
	c.m.registryError("domain", err)
	return st, err
}

func (c countingRegistry) Ready(ctx context.Context) error {
	err := c.registry.Ready(ctx)
	c.m.registryError(questionReady, err)
	return err
}

// countingNonBlocking is a countingRegistry of a registry that never
// blocks.
type countingNonBlocking struct{ countingRegistry }

func (countingNonBlocking) NeverBlocks() {}
