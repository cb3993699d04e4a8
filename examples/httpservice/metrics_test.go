package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// scrape gets url's /metrics and parses it as the Prometheus text format.
func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := client.Get(url + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, expfmt.TypeTextPlain, expfmt.ResponseFormat(resp.Header).FormatType(), resp.Header.Get("Content-Type"))
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(resp.Body)
	require.NoError(t, err)
	return fams
}

// sample returns the value of the counter (or the sample count of the
// histogram) name with exactly labels, 0 when there is none.
func sample(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f := fams[name]
	if f == nil {
		return 0
	}
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
next:
	for _, m := range f.GetMetric() {
		if len(m.GetLabel()) != len(want) {
			continue
		}
		for _, l := range m.GetLabel() {
			if v, ok := want[l.GetName()]; !ok || v != l.GetValue() {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue()
		case m.Histogram != nil:
			return float64(m.GetHistogram().GetSampleCount())
		case m.Gauge != nil:
			return m.GetGauge().GetValue()
		}
	}
	return 0
}

// sum adds the values of every sample of name whose labels include the
// given ones.
func sum(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f := fams[name]
	if f == nil {
		return 0
	}
	var total float64
next:
	for _, m := range f.GetMetric() {
		for i := 0; i+1 < len(labels); i += 2 {
			found := false
			for _, l := range m.GetLabel() {
				found = found || (l.GetName() == labels[i] && l.GetValue() == labels[i+1])
			}
			if !found {
				continue next
			}
		}
		total += m.GetCounter().GetValue()
	}
	return total
}

// TestMetrics sends the service filings, unusable bodies and other
// requests, then scrapes /metrics and checks every counter against what
// the answers said: rejections by code and severity as the reports list
// them, validations by ok and complete, one latency sample per filing,
// requests by route and status, decode failures by reason, the
// registry's errors by question and kind.
func TestMetrics(t *testing.T) {
	url, logs := serve(t, testConfig(t), fakeRegistry{err: errInternalDetail})
	var reports []wireReport
	clean, err := os.ReadFile("../icpcheck/testdata/clean_enterprise.json")
	require.NoError(t, err)
	rejected, err := os.ReadFile("../icpcheck/testdata/rejected_enterprise.json")
	require.NoError(t, err)
	for _, body := range [][]byte{clean, rejected} {
		status, _, out := post(t, url, body)
		require.Equal(t, http.StatusOK, status, "%s", out)
		var rep wireReport
		require.NoError(t, json.Unmarshal(out, &rep))
		reports = append(reports, rep)
	}
	status, _, out := post(t, url, []byte("["+string(clean)+","+string(rejected)+"]"))
	require.Equal(t, http.StatusOK, status, "%s", out)
	var reps []wireReport
	require.NoError(t, json.Unmarshal(out, &reps))
	reports = append(reports, reps...)
	status, _, _ = post(t, url, []byte("{"))
	require.Equal(t, http.StatusBadRequest, status)
	status, _, _ = post(t, url, clean, "Content-Type", "text/plain")
	require.Equal(t, http.StatusUnsupportedMediaType, status)
	for _, path := range []string{"/healthz", "/readyz", "/no/such/path"} {
		resp, err := client.Get(url + path)
		require.NoError(t, err)
		resp.Body.Close()
	}

	// A request is counted once its answer is sent (then its access-log
	// line is written): wait for the 8 lines.
	waitLogLines(t, logs, "request", 8)
	fams := scrape(t, url)

	// Rejections by code and severity, as the reports list them.
	want := map[[2]string]float64{}
	var ok, notOK, complete, incomplete float64
	for _, rep := range reports {
		unavailable := false
		for _, x := range rep.Rejections {
			want[[2]string{x.Code, x.Severity}]++
			unavailable = unavailable || x.Code == "CHECK_UNAVAILABLE"
		}
		if rep.OK {
			ok++
		} else {
			notOK++
		}
		if unavailable {
			incomplete++
		} else {
			complete++
		}
	}
	require.NotEmpty(t, want)
	require.NotZero(t, notOK, "the rejected filing is not ok")
	got := map[[2]string]float64{}
	for _, m := range fams["beian_rejections_total"].GetMetric() {
		var key [2]string
		for _, l := range m.GetLabel() {
			switch l.GetName() {
			case "code":
				key[0] = l.GetValue()
			case "severity":
				key[1] = l.GetValue()
			}
		}
		got[key] = m.GetCounter().GetValue()
	}
	assert.Equal(t, want, got, "beian_rejections_total")
	assert.Equal(t, ok, sum(fams, "beian_validations_total", "ok", "true"))
	assert.Equal(t, notOK, sum(fams, "beian_validations_total", "ok", "false"))
	assert.Equal(t, complete, sum(fams, "beian_validations_total", "complete", "true"))
	assert.Equal(t, incomplete, sum(fams, "beian_validations_total", "complete", "false"))
	assert.Equal(t, float64(len(reports)), sample(fams, "beian_validation_duration_seconds"), "one latency sample per filing")

	const validate = "POST /v1/filings:validate"
	for _, tt := range []struct {
		route, status string
		want          float64
	}{
		{validate, "200", 3},
		{validate, "400", 1},
		{validate, "415", 1},
		{"GET /healthz", "200", 1},
		{"GET /readyz", "503", 1},
		{routeUnknown, "404", 1},
		{"GET /metrics", "200", 0}, // counted once answered
	} {
		assert.Equal(t, tt.want, sample(fams, "beian_http_requests_total", "route", tt.route, "status", tt.status), "%s %s", tt.route, tt.status)
	}
	assert.Equal(t, 5.0, sample(fams, "beian_http_request_duration_seconds", "route", validate))
	assert.Equal(t, 1.0, sample(fams, "beian_decode_failures_total", "reason", decodeInvalid))
	assert.Equal(t, 1.0, sample(fams, "beian_decode_failures_total", "reason", decodeMediaType))
	assert.Equal(t, 0.0, sample(fams, "beian_decode_failures_total", "reason", decodeTooLarge))
	require.Contains(t, fams, "beian_decode_failures_total")
	assert.Len(t, fams["beian_decode_failures_total"].GetMetric(), 5, "every reason is exported from the start")

	assert.Equal(t, 1.0, sample(fams, "beian_registry_errors_total", "question", questionReady, "kind", kindOther))
	if registryRulesLanded() {
		asked := sum(fams, "beian_registry_errors_total", "kind", kindOther) - 1
		assert.NotZero(t, asked, "the validations' registry errors are counted")
		assert.NotZero(t, incomplete, "and make the reports incomplete")
	}
	// The Go and process collectors, in the service's own registry.
	assert.Contains(t, fams, "go_goroutines")
	assert.Contains(t, fams, "process_cpu_seconds_total")

	// The scrape itself, once answered.
	waitLogLines(t, logs, "request", 9)
	assert.Equal(t, 1.0, sample(scrape(t, url), "beian_http_requests_total", "route", "GET /metrics", "status", "200"))
}

// TestMetricsRegistryTimeout: a registry that does not answer in time is
// counted as kind timeout.
func TestMetricsRegistryTimeout(t *testing.T) {
	if !registryRulesLanded() {
		t.Skip("no rule asks the registry")
	}
	url, _ := serve(t, testConfig(t, "--timeout", "200ms"), fakeRegistry{block: true})
	status, _, out := post(t, url, mustJSON(t, validatetest.NewFiling(t, "44", beian.NatureEnterprise)))
	require.Equal(t, http.StatusOK, status, "%s", out)
	// The abandoned question counts its error when it returns, which may
	// be after the answer is written: wait for it (a loaded machine has
	// failed the test without waiting).
	fams := scrape(t, url)
	for deadline := time.Now().Add(10 * time.Second); sum(fams, "beian_registry_errors_total", "kind", kindTimeout) == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		fams = scrape(t, url)
	}
	assert.NotZero(t, sum(fams, "beian_registry_errors_total", "kind", kindTimeout), "%v", fams["beian_registry_errors_total"])
	assert.Zero(t, sum(fams, "beian_registry_errors_total", "kind", kindOther))
	assert.Equal(t, 1.0, sum(fams, "beian_validations_total", "complete", "false"))
}

// TestMetricsApart: two services in one process count apart (a registry
// of their own, no global state).
func TestMetricsApart(t *testing.T) {
	a, _ := serve(t, testConfig(t), fakeRegistry{})
	b, _ := serve(t, testConfig(t), fakeRegistry{})
	for range 3 {
		status, _, _ := post(t, a, []byte("{"))
		require.Equal(t, http.StatusBadRequest, status)
	}
	assert.Equal(t, 3.0, sample(scrape(t, a), "beian_decode_failures_total", "reason", decodeInvalid))
	assert.Equal(t, 0.0, sample(scrape(t, b), "beian_decode_failures_total", "reason", decodeInvalid))
}

// TestMetricsFlag: --metrics off leaves /metrics the JSON 404; --metrics
// HOST:PORT serves them there and not on --addr; anything else is a
// usage error.
func TestMetricsFlag(t *testing.T) {
	url, _ := serve(t, testConfig(t, "--metrics", "off"), fakeRegistry{})
	resp, err := client.Get(url + "/metrics")
	require.NoError(t, err)
	var e wireError
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	status, _, _ := post(t, url, []byte("{"))
	assert.Equal(t, http.StatusBadRequest, status, "the service works without metrics")

	s := start(t, nil, "--metrics", "127.0.0.1:0")
	lines := waitLogLines(t, s.logs, "serving metrics", 1)
	maddr := fmt.Sprint(lines[0]["addr"])
	require.NotEqual(t, strings.TrimPrefix(s.url, "http://"), maddr)
	status, _, _ = post(t, s.url, []byte("{"))
	require.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, 1.0, sample(scrape(t, "http://"+maddr), "beian_decode_failures_total", "reason", decodeInvalid))
	resp, err = client.Get(s.url + "/metrics")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "not on --addr")

	for _, bad := range []string{"yes", "9090", "http://127.0.0.1:9090"} {
		_, status := parseFlags([]string{"--metrics", bad}, &strings.Builder{})
		assert.Equal(t, 2, status, bad)
	}
}

// TestInstrumentKeepsNonBlocking: counting a registry's errors does not
// hide that it never blocks (the validator then calls it directly), nor
// claims it for one that may block.
func TestInstrumentKeepsNonBlocking(t *testing.T) {
	mem, err := openRegistry(t.Context(), "", "", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	_, ok := mem.(rules.NonBlocking)
	require.True(t, ok, "the records registry never blocks")
	m := newMetrics(slog.New(slog.DiscardHandler))
	_, ok = instrument(mem, m).(rules.NonBlocking)
	assert.True(t, ok, "instrumented records registry")
	_, ok = instrument(fakeRegistry{}, m).(rules.NonBlocking)
	assert.False(t, ok, "instrumented fake registry")
	_, err = instrument(fakeRegistry{err: errInternalDetail}, m).Domain(t.Context(), "example.cn")
	assert.ErrorIs(t, err, errInternalDetail, "the error is passed on")
}

// BenchmarkMetricsPerRequest is what the metrics add to one request of
// the rejected example filing: its report counted (a rejection counter
// per rejection, the outcome, the latency) and the request counted. The
// load benchmark cannot see it on a shared machine; this can.
//
//	go -C examples/httpservice test -run '^$' -bench MetricsPerRequest -benchmem .
func BenchmarkMetricsPerRequest(b *testing.B) {
	data, err := os.ReadFile("../icpcheck/testdata/rejected_enterprise.json")
	require.NoError(b, err)
	f, err := beian.ParseFiling(data)
	require.NoError(b, err)
	rep := validate.New().Validate(b.Context(), f)
	m := newMetrics(slog.New(slog.DiscardHandler))
	b.ReportAllocs()
	for b.Loop() {
		m.validated(rep, 150*time.Microsecond)
		m.answered("POST /v1/filings:validate", http.StatusOK, 300*time.Microsecond)
	}
	b.ReportMetric(float64(len(rep.Rejections)), "rejections")
}
