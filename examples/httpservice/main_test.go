package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/validatetest"
)

// syncBuffer is a bytes.Buffer safe for the server's concurrent logging.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// service is the program running in the test, on a loopback port.
type service struct {
	url  string
	logs *syncBuffer
	stop func() int // shuts the server down and returns its exit status
}

// start runs the program with args (and --addr 127.0.0.1:0) until the
// test ends.
func start(t *testing.T, logs io.Writer, args ...string) *service {
	t.Helper()
	return startWithin(t, 60*time.Second, logs, args...)
}

// startWithin is start, failing when the service has not started within
// d.
func startWithin(t *testing.T, d time.Duration, logs io.Writer, args ...string) *service {
	t.Helper()
	buf := &syncBuffer{}
	if logs == nil {
		logs = buf
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), logs, func(a string) { addr <- a })
	}()
	var s service
	select {
	case a := <-addr:
		s.url = "http://" + a
	case code := <-done:
		cancel()
		t.Fatalf("the service exited with status %d:\n%s", code, buf.String())
	case <-time.After(d):
		cancel()
		t.Fatal("the service did not start")
	}
	var once sync.Once
	var status int
	s.logs = buf
	s.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case status = <-done:
			case <-time.After(30 * time.Second):
				t.Error("the service did not stop")
				status = -1
			}
		})
		return status
	}
	t.Cleanup(func() { s.stop() })
	return &s
}

var client = &http.Client{Timeout: 30 * time.Second}

// post sends body to the validate endpoint and returns the status, the
// headers and the body.
func post(t *testing.T, url string, body []byte, header ...string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/v1/filings:validate", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, out
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// wireReport is the report's wire format.
type wireReport struct {
	OK         bool `json:"ok"`
	Rejections []struct {
		Code     string `json:"code"`
		Severity string `json:"severity"`
		Field    string `json:"field"`
		Message  string `json:"message"`
		Remedy   string `json:"remedy"`
	} `json:"rejections"`
	Skipped []string `json:"skipped"`
}

func (r wireReport) has(code rules.Code, field string) bool {
	for _, x := range r.Rejections {
		if x.Code == string(code) && x.Field == field {
			return true
		}
	}
	return false
}

func TestValidateOneFiling(t *testing.T) {
	s := start(t, nil)
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.Seed(42))
	status, h, body := post(t, s.url, mustJSON(t, f))
	require.Equal(t, http.StatusOK, status, string(body))
	assert.Equal(t, "application/json; charset=utf-8", h.Get("Content-Type"))
	assert.Equal(t, "zh-Hans", h.Get("Content-Language"), "Chinese by default")
	var rep wireReport
	require.NoError(t, json.Unmarshal(body, &rep), string(body))
	assert.True(t, rep.OK, string(body))
	assert.NotNil(t, rep.Rejections, "rejections is a list, empty when none")

	bad := validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.CertificateFrom("北京"), validatetest.SiteName("示例"))
	status, _, body = post(t, s.url, mustJSON(t, bad))
	require.Equal(t, http.StatusOK, status, "a rejected filing is a successful check")
	rep = wireReport{}
	require.NoError(t, json.Unmarshal(body, &rep))
	assert.False(t, rep.OK)
	assert.True(t, rep.has(rules.CodeCrossProvince, "subject.cert_number"), string(body))
	assert.True(t, rep.has(rules.CodeSiteNameTooShort, "websites[0].name"), string(body))
	for _, x := range rep.Rejections {
		assert.Regexp(t, `\p{Han}`, x.Message, "Chinese messages")
	}
}

func TestValidateArray(t *testing.T) {
	s := start(t, nil)
	filings := []*beian.Filing{
		validatetest.NewFiling(t, "11", beian.NaturePersonal),
		validatetest.NewFiling(t, "31", beian.NatureEnterprise, validatetest.WrongCheckCharacter()),
		validatetest.NewFiling(t, "65", beian.NatureGovernment),
	}
	status, _, body := post(t, s.url, mustJSON(t, filings), "Accept-Language", "en-US,en;q=0.9")
	require.Equal(t, http.StatusOK, status, string(body))
	var reps []wireReport
	require.NoError(t, json.Unmarshal(body, &reps), string(body))
	require.Len(t, reps, 3)
	assert.True(t, reps[0].OK)
	assert.False(t, reps[1].OK)
	assert.True(t, reps[1].has(rules.CodeCertNumberInvalid, "subject.cert_number"))
	assert.True(t, reps[2].OK)
	for _, x := range reps[1].Rejections {
		assert.NotRegexp(t, `\p{Han}{4}`, x.Message, "English messages")
	}
}

func TestLanguageChoice(t *testing.T) {
	s := start(t, nil)
	body := mustJSON(t, validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.SiteName("示例")))
	for _, tt := range []struct {
		query, accept, want string
	}{
		{"", "", "zh-Hans"},
		{"", "en", "en"},
		{"", "fr-FR, en;q=0.5", "en"},
		{"", "fr", "zh-Hans"}, // neither: the default, not a guess from the script
		{"", "de-DE", "zh-Hans"},
		{"", "en-GB", "en"},
		{"", "zh-TW", "zh-Hans"},
		{"?lang=en", "zh-CN", "en"},
		{"?lang=zh", "en", "zh-Hans"},
		{"?lang=zh-TW", "en", "zh-Hans"},
		{"?lang=en-US", "zh", "en"},
		// A language the reports are not written in is a 400, as
		// icpcheck's --lang refuses it, not an answer in another one.
		{"?lang=fr", "", "400"},
		{"?lang=ja", "zh", "400"},
		{"?lang=xx-broken-", "en", "400"},
	} {
		req, err := http.NewRequest(http.MethodPost, s.url+"/v1/filings:validate"+tt.query, bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if tt.accept != "" {
			req.Header.Set("Accept-Language", tt.accept)
		}
		resp, err := client.Do(req)
		require.NoError(t, err)
		if tt.want == "400" {
			var e wireError
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
			resp.Body.Close()
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode, tt.query)
			assert.Equal(t, http.StatusBadRequest, e.Error.Status, tt.query)
			continue
		}
		var rep wireReport
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&rep))
		resp.Body.Close()
		assert.Equal(t, tt.want, resp.Header.Get("Content-Language"), "%q %q", tt.query, tt.accept)
		require.NotEmpty(t, rep.Rejections)
		if tt.want == "en" {
			assert.NotRegexp(t, `\p{Han}{4}`, rep.Rejections[0].Message)
		} else {
			assert.Regexp(t, `\p{Han}`, rep.Rejections[0].Message)
		}
	}
}

type wireError struct {
	Error struct {
		Status    int    `json:"status"`
		Message   string `json:"message"`
		RequestID string `json:"request_id"`
		Problems  []struct {
			Index   *int   `json:"index"`
			Field   string `json:"field"`
			Problem string `json:"problem"`
		} `json:"problems"`
	} `json:"error"`
}

func TestUnusableRequests(t *testing.T) {
	s := start(t, nil, "--max-bytes", "8192", "--max-filings", "3")
	valid := mustJSON(t, validatetest.NewFiling(t, "44", beian.NatureEnterprise))
	unknownField := bytes.Replace(valid, []byte(`"legal_representative"`), []byte(`"legal_rep"`), 1)
	badType := bytes.Replace(valid, []byte(`"cert_type":"uscc"`), []byte(`"cert_type":"licence"`), 1)
	tests := []struct {
		name        string
		contentType string
		body        []byte
		status      int
		fields      []string // problems' fields, "i:field" in arrays
	}{
		{"syntax error", "application/json", []byte(`{"province": "44",}`), 400, []string{""}},
		{"cut short", "application/json", valid[:len(valid)/2], 400, []string{""}},
		{"empty", "application/json", nil, 400, []string{""}},
		{"not an object", "application/json", []byte(`"filing"`), 400, []string{""}},
		{"unknown field", "application/json", unknownField, 400, []string{"subject.legal_rep"}},
		{"unknown enumeration", "application/json", badType, 400, []string{"subject.cert_type"}},
		{"bad filing in an array", "application/json", []byte("[" + string(valid) + "," + string(badType) + "]"), 400, []string{"1:subject.cert_type"}},
		{"broken array", "application/json", []byte(`[{"province": "44"}`), 400, []string{""}},
		{"empty array", "application/json", []byte(`[]`), 400, nil},
		{"too many filings", "application/json", []byte("[{},{},{},{}]"), 413, nil},
		{"too large", "application/json", bytes.Repeat([]byte(" "), 9000), 413, nil},
		{"not JSON", "text/plain", valid, 415, nil},
		{"form post", "application/x-www-form-urlencoded", []byte("province=44"), 415, nil},
		{"no content type", "", valid, 415, nil},
		{"JSON with charset", "application/json; charset=utf-8", valid, 200, nil},
		{"JSON with charset in capitals", "application/json; charset=UTF-8", valid, 200, nil},
		{"JSON in Latin-1", "application/json; charset=iso-8859-1", valid, 415, nil},
		{"JSON in UTF-16", "application/json; charset=utf-16", valid, 415, nil},
		{"JSON in GB18030", "application/json; charset=gb18030", valid, 415, nil},
		{"JSON with an empty charset", "application/json; charset=\"\"", valid, 415, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, s.url+"/v1/filings:validate", bytes.NewReader(tt.body))
			require.NoError(t, err)
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := client.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			require.Equal(t, tt.status, resp.StatusCode, string(body))
			if tt.status == 200 {
				return
			}
			var e wireError
			require.NoError(t, json.Unmarshal(body, &e), string(body))
			assert.Equal(t, tt.status, e.Error.Status)
			assert.NotEmpty(t, e.Error.Message)
			var fields []string
			for _, p := range e.Error.Problems {
				assert.NotEmpty(t, p.Problem)
				f := p.Field
				if p.Index != nil {
					f = fmt.Sprint(*p.Index, ":", f)
				}
				fields = append(fields, f)
			}
			assert.Equal(t, tt.fields, fields, string(body))
		})
	}
}

// TestBodyLimitWithoutLength sends a chunked body (no Content-Length)
// larger than the limit.
func TestBodyLimitWithoutLength(t *testing.T) {
	s := start(t, nil, "--max-bytes", "4096")
	pr, pw := io.Pipe()
	go func() {
		_, _ = pw.Write([]byte(`{"province": "`))
		for i := 0; i < 100; i++ {
			if _, err := pw.Write(bytes.Repeat([]byte("x"), 1000)); err != nil {
				break
			}
		}
		pw.Close()
	}()
	req, err := http.NewRequest(http.MethodPost, s.url+"/v1/filings:validate", pr)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
}

func TestMethodsAndProbes(t *testing.T) {
	s := start(t, nil)
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/v1/filings:validate", 405},
		{http.MethodGet, "/healthz", 200},
		{http.MethodGet, "/readyz", 200},
		{http.MethodPost, "/healthz", 405},
		{http.MethodGet, "/v1/unknown", 404},
	} {
		req, err := http.NewRequest(tt.method, s.url+tt.path, nil)
		require.NoError(t, err)
		resp, err := client.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, tt.status, resp.StatusCode, "%s %s", tt.method, tt.path)
	}
}

// TestAccessLog checks the structured access-log line of each request.
func TestAccessLog(t *testing.T) {
	s := start(t, nil)
	post(t, s.url, mustJSON(t, []*beian.Filing{validatetest.NewFiling(t, "44", beian.NatureEnterprise), validatetest.NewFiling(t, "11", beian.NatureEnterprise)}), "Accept-Language", "en")
	post(t, s.url, []byte(`{`))
	require.Equal(t, 0, s.stop())
	var requests []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s.logs.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		if m["msg"] == "request" {
			requests = append(requests, m)
		}
	}
	require.Len(t, requests, 2, s.logs.String())
	assert.Equal(t, "POST", requests[0]["method"])
	assert.Equal(t, "/v1/filings:validate", requests[0]["path"])
	assert.EqualValues(t, 200, requests[0]["status"])
	assert.EqualValues(t, 2, requests[0]["filings"])
	assert.Equal(t, "en", requests[0]["lang"])
	assert.NotZero(t, requests[0]["duration"])
	assert.NotZero(t, requests[0]["bytes"])
	assert.EqualValues(t, 400, requests[1]["status"])
	assert.NotEmpty(t, requests[1]["problem"])
	assert.Contains(t, s.logs.String(), `"msg":"stopped"`)
}

// TestGracefulShutdown stops the server while a request is in flight: the
// request is answered and the program exits 0.
func TestGracefulShutdown(t *testing.T) {
	s := start(t, nil)
	body := mustJSON(t, validatetest.NewFiling(t, "44", beian.NatureEnterprise))
	pr, pw := io.Pipe()
	req, err := http.NewRequest(http.MethodPost, s.url+"/v1/filings:validate", pr)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = int64(len(body))
	type result struct {
		status int
		err    error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			res <- result{0, err}
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		res <- result{resp.StatusCode, nil}
	}()
	_, err = pw.Write(body[:10]) // the request is in flight
	require.NoError(t, err)
	time.Sleep(100 * time.Millisecond)
	stopped := make(chan int, 1)
	go func() { stopped <- s.stop() }()
	time.Sleep(200 * time.Millisecond)
	_, err = pw.Write(body[10:])
	require.NoError(t, err)
	pw.Close()
	r := <-res
	require.NoError(t, r.err)
	assert.Equal(t, http.StatusOK, r.status, "the request in flight is answered")
	assert.Equal(t, 0, <-stopped)
	_, err = client.Get(s.url + "/healthz")
	assert.Error(t, err, "no longer accepting")
}

func TestRegistryFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "records.json")
	require.NoError(t, os.WriteFile(file, []byte(`{"subjects": []}`), 0o644))
	s := start(t, nil, "--registry", file)
	resp, err := client.Get(s.url + "/readyz")
	require.NoError(t, err)
	var ready map[string]string
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&ready))
	resp.Body.Close()
	assert.Equal(t, file, ready["registry"])

	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte(`{"subjects": [{"nmae": 1}]}`), 0o644))
	var logs syncBuffer
	assert.Equal(t, 1, run(context.Background(), []string{"--registry", broken}, &logs, nil))
	assert.Contains(t, logs.String(), "nmae")
	assert.Equal(t, 1, run(context.Background(), []string{"--registry", filepath.Join(dir, "missing.json")}, &logs, nil))
	assert.Equal(t, 1, run(context.Background(), []string{"--registry", file, "--load-records", file}, &logs, nil), "--load-records needs PostgreSQL")
	assert.Equal(t, 2, run(context.Background(), []string{"--max-bytes", "0"}, &logs, nil))
}

// loadFilings builds the load run's filings: every province, several
// natures, one in four broken.
func loadFilings(t *testing.T) [][]byte {
	var out [][]byte
	natures := []beian.Nature{beian.NatureEnterprise, beian.NaturePersonal, beian.NatureInstitution, beian.NatureSocialGroup}
	for i, p := range provinces.All() {
		for j, n := range natures {
			opts := []validatetest.Option{validatetest.Seed(i*10 + j)}
			if (i+j)%4 == 0 {
				opts = append(opts, validatetest.SiteName("示例"), validatetest.WrongCheckCharacter())
			}
			out = append(out, mustJSON(t, validatetest.NewFiling(t, p.Code, n, opts...)))
		}
	}
	return out
}

// TestLoad sends a bounded load (20,000 requests from 32 goroutines; a
// tenth under the race detector) and logs throughput and latency
// percentiles. It asserts only that every request got its report.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load run")
	}
	s := start(t, io.Discard)
	loadRun(t, s.url, "file registry")
}

func loadRun(t *testing.T, url, what string) {
	t.Helper()
	total, workers := 20000, 32
	if raceEnabled {
		total = 2000
	}
	bodies := loadFilings(t)
	tr := &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	lat := make([]time.Duration, total)
	var next, failed, rejected int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	begin := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= int64(total) {
					return
				}
				body := bodies[int(i)%len(bodies)]
				t0 := time.Now()
				req, _ := http.NewRequest(http.MethodPost, url+"/v1/filings:validate", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				resp, err := c.Do(req)
				if err != nil {
					mu.Lock()
					failed++
					mu.Unlock()
					continue
				}
				var rep wireReport
				err = json.NewDecoder(resp.Body).Decode(&rep)
				resp.Body.Close()
				lat[i] = time.Since(t0)
				mu.Lock()
				if err != nil || resp.StatusCode != 200 {
					failed++
				} else if !rep.OK {
					rejected++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	require.Zero(t, failed, "every request got a report")
	assert.NotZero(t, rejected)
	sorted := append([]time.Duration(nil), lat...)
	sortDurations(sorted)
	pct := func(p float64) time.Duration { return sorted[int(p*float64(len(sorted)-1))] }
	t.Logf("load (%s): %d requests from %d goroutines in %v: %.0f req/s; latency p50 %v, p90 %v, p99 %v, max %v (%d rejected filings)",
		what, total, workers, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), sorted[len(sorted)-1].Round(time.Microsecond), rejected)
}

func sortDurations(d []time.Duration) { slices.Sort(d) }

// TestRedact goes through every form a PostgreSQL DSN can carry a secret
// in: the secret never survives, and what locates the database (user,
// host, database, other parameters) does.
func TestRedact(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		secrets  []string // must be gone
		kept     []string // must stay
	}{
		{"URL userinfo", "postgres://u:secret@db.internal:5432/beian", []string{"secret"}, []string{"postgres://u:", "@db.internal:5432/beian"}},
		{"URL userinfo escaped", "postgresql://u:p%40ss%3Aw0rd@host/db?sslmode=disable", []string{"p%40ss", "w0rd", "p@ss"}, []string{"u:", "@host/db", "sslmode=disable"}},
		{"URL without password", "postgres://u@/beian?host=/tmp/sock", nil, []string{"postgres://u@/beian?host=", "sock"}},
		{"URL empty password", "postgres://u:@host/db", nil, []string{"u", "@host/db"}},
		{"URL password only", "postgres://:hunter2@host/db", []string{"hunter2"}, []string{"@host/db"}},
		{"query password", "postgres://u@host/db?password=hunter2&sslmode=require", []string{"hunter2"}, []string{"u@host/db", "sslmode=require", "password="}},
		{"query password first of several", "postgres://host/db?password=hunter2&password=other", []string{"hunter2", "other"}, []string{"host/db"}},
		{"query password escaped key", "postgres://host/db?pass%77ord=hunter2", []string{"hunter2"}, []string{"host/db"}},
		{"query password upper case key", "postgres://host/db?PASSWORD=hunter2", []string{"hunter2"}, []string{"host/db"}},
		{"query password escaped value", "postgres://host/db?password=hun%26ter2", []string{"hun%26ter2", "hun&ter2", "ter2"}, []string{"host/db"}},
		{"query sslpassword", "postgres://u@host/db?sslmode=verify-full&sslpassword=keypass&sslkey=/etc/k.pem", []string{"keypass", "/etc/k.pem"}, []string{"sslmode=verify-full"}},
		{"query passfile", "postgres://u@host/db?passfile=/home/u/.pgpass", []string{".pgpass"}, []string{"u@host/db"}},
		{"userinfo and query", "postgres://u:one@host/db?password=two", []string{"one", "two"}, []string{"u:", "@host/db"}},
		{"query with @ in a value", "postgres://u:secret@host/db?application_name=a@b&password=two", []string{"secret", "two"}, []string{"host/db"}},
		{"fragment", "postgres://u@host/db#password=frag", []string{"frag"}, []string{"u@host/db"}},
		{"unparsable URL", "postgres://u:sec%zzret@host/db", []string{"sec", "ret"}, []string{"postgres://"}},
		{"key=value", "host=db.internal user=u password=hunter2 dbname=beian", []string{"hunter2"}, []string{"host=db.internal", "user=u", "dbname=beian"}},
		{"key=value spaces around =", "host=db password = hunter2 dbname=beian", []string{"hunter2"}, []string{"host=db", "dbname=beian"}},
		{"key=value quoted", `host=db password='hun ter\'2 x' dbname=beian`, []string{"hun", "ter", "2 x"}, []string{"host=db", "dbname=beian"}},
		{"key=value escaped space", `password=hun\ ter2 dbname=beian`, []string{"hun", "ter2"}, []string{"dbname=beian"}},
		{"key=value unterminated quote", `host=db password='hunter2 dbname=beian`, []string{"hunter2"}, []string{"host=db"}},
		{"key=value sslpassword", "host=db sslpassword=keypass", []string{"keypass"}, []string{"host=db"}},
		{"key=value upper case", "host=db PASSWORD=hunter2", []string{"hunter2"}, []string{"host=db"}},
		{"key=value last", "host=db password=hunter2", []string{"hunter2"}, []string{"host=db"}},
		{"key=value broken", "host=db password", []string{}, []string{"host=db"}},
		{"records file", "records.json", nil, []string{"records.json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := redact(tt.in)
			for _, s := range tt.secrets {
				assert.NotContains(t, got, s, "%q → %q", tt.in, got)
			}
			for _, s := range tt.kept {
				assert.Contains(t, got, s, "%q → %q", tt.in, got)
			}
			// Error text that quotes the DSN, or its secrets, is
			// scrubbed.
			scrubbed := newScrubber(tt.in).scrub("cannot parse `" + tt.in + "`: failed")
			for _, s := range tt.secrets {
				assert.NotContains(t, scrubbed, s, scrubbed)
			}
		})
	}
}

// TestScrubSecretValues: a secret quoted apart from its DSN, as the
// driver may (its own redaction misses ?password=), is scrubbed too.
func TestScrubSecretValues(t *testing.T) {
	for dsn, secret := range map[string]string{
		"postgres://u:hunter2@h/db":           "hunter2",
		"postgres://u:hun%40ter2@h/db":        "hun@ter2",
		"postgres://h/db?password=hun%26ter2": "hun&ter2",
		"postgres://h/db?sslpassword=keypass": "keypass",
		"host=h password='hun ter\\'2'":       "hun ter'2",
		"host=h password=hunter2 user=u":      "hunter2",
	} {
		got := newScrubber(dsn).scrub("connecting as u (" + secret + ") failed: " + secret)
		assert.NotContains(t, got, secret, dsn)
		assert.Contains(t, got, "connecting as u", dsn)
	}
}

// TestStartupLogHidesSecrets: a DSN the driver refuses, whose error
// quotes it (pgx masks passwords its own way, not all of a quoted one
// with an escaped quote, nor an sslkey path), and a DSN that does not
// connect: the startup log holds no secret.
func TestStartupLogHidesSecrets(t *testing.T) {
	for _, dsn := range []string{
		"postgres://u:hunter2@127.0.0.1:1/db?sslmode=bogus&password=hunter3",
		"postgres://u@127.0.0.1:1/db?password=hunter3&connect_timeout=1",
		"host=127.0.0.1 port=1 user=u password=hunter3 connect_timeout=1 sslmode=bogus",
		"host=127.0.0.1 port=1 user=u password='hunter3' connect_timeout=1",
		// pgx masks password='…' up to the first quote, escaped or not.
		`host=127.0.0.1 port=1 user=u sslmode=bogus password='x\'hunter3 hunter3'`,
		"postgres://u@127.0.0.1:1/db?sslmode=bogus&sslkey=/hunter3/key.pem",
	} {
		var logs syncBuffer
		status := run(context.Background(), []string{"--registry", dsn}, &logs, nil)
		assert.Equal(t, 1, status, logs.String())
		assert.Contains(t, logs.String(), "opening the registry")
		assert.NotContains(t, logs.String(), "hunter2")
		assert.NotContains(t, logs.String(), "hunter3")
	}
}

// TestProfileChoice: the provider console profile comes from ?profile=,
// else from --profile, else the default (icpcheck's testdata/profiles: an
// App domain of the fourth level, which the default refuses, Tencent's
// console inherits as a warning and Huawei's files); a name is read in
// any case, spaces around it ignored (Huawei, " TENCENT "); an unknown
// name is a 400 before the body is read, and an unknown --profile stops
// the service. Made to fail by looking the name up as typed (the upper
// and title cases are 400s).
func TestProfileChoice(t *testing.T) {
	body, want := profileCase(t)
	reported := func(rep wireReport) string {
		for _, x := range rep.Rejections {
			if x.Field == string(want.Field) {
				return x.Code + " " + x.Severity
			}
		}
		return ""
	}
	postQuery := func(s *service, query string) (int, []byte) {
		t.Helper()
		resp, err := client.Post(s.url+"/v1/filings:validate"+query, "application/json", bytes.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, out
	}
	check := func(s *service, query, want string) {
		t.Helper()
		status, out := postQuery(s, query)
		require.Equal(t, http.StatusOK, status, string(out))
		var rep wireReport
		require.NoError(t, json.Unmarshal(out, &rep), string(out))
		assert.Equal(t, want, reported(rep), query)
	}
	s := start(t, nil)
	require.NotEmpty(t, want.Answers)
	for profile, answer := range want.Answers {
		check(s, "?profile="+profile, answer)
		// A console's display name: any case, spaces around it.
		check(s, "?profile="+url.QueryEscape(" "+strings.ToUpper(profile[:min(1, len(profile))])+profile[min(1, len(profile)):]+" "), answer)
		check(s, "?profile="+strings.ToUpper(profile), answer)
	}
	check(s, "", want.Answers[""])
	check(s, "?profile=&lang=en", want.Answers[""])

	status, out := postQuery(s, "?profile=huaweicloud")
	assert.Equal(t, http.StatusBadRequest, status)
	var e wireError
	require.NoError(t, json.Unmarshal(out, &e), string(out))
	assert.Equal(t, http.StatusBadRequest, e.Error.Status)

	h := start(t, nil, "--profile", "Huawei")
	check(h, "", want.Answers["huawei"])
	check(h, "?profile=tencent", want.Answers["tencent"])

	var stderr bytes.Buffer
	_, code := parseFlags([]string{"--profile", "huaweicloud"}, &stderr)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "--profile")
}

// profileAnswers is icpcheck's testdata/profiles/app_domain_fourth_level.answers.json:
// the field the case is about and, per profile ("" the default), the code
// and severity reported there ("" for none).
type profileAnswers struct {
	Field   beian.Path        `json:"field"`
	Answers map[string]string `json:"answers"`
}

// profileCase reads icpcheck's filing whose answer differs by provider
// profile, and its answers.
func profileCase(t *testing.T) ([]byte, profileAnswers) {
	t.Helper()
	data, err := os.ReadFile("../icpcheck/testdata/profiles/app_domain_fourth_level.json")
	require.NoError(t, err)
	b, err := os.ReadFile("../icpcheck/testdata/profiles/app_domain_fourth_level.answers.json")
	require.NoError(t, err)
	var want profileAnswers
	require.NoError(t, json.Unmarshal(b, &want))
	return data, want
}
