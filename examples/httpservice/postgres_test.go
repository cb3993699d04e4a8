package main

import (
	"bufio"
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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/examples/httpservice/internal/pgtest"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/validatetest"
)

// registryFilings are filings that meet the built-in records: the
// Guangdong seed-0 principal's mobile is on another subject, seed 1 is a
// filed subject, seed 2 of Beijing has an order in progress, seed 3's name
// is filed under another certificate.
func registryFilings(t *testing.T) [][]byte {
	var out [][]byte
	for _, f := range []*beian.Filing{
		validatetest.NewFiling(t, "44", beian.NatureEnterprise),
		validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.Seed(1), validatetest.FilingType(beian.FilingNew)),
		validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.Seed(1), validatetest.FilingType(beian.FilingAddSite)),
		validatetest.NewFiling(t, "11", beian.NatureEnterprise, validatetest.Seed(2)),
		validatetest.NewFiling(t, "44", beian.NatureEnterprise, validatetest.Seed(3)),
	} {
		out = append(out, mustJSON(t, f))
	}
	return out
}

func registryRulesLanded() bool {
	for _, r := range rules.All() {
		if r.Needs&rules.NeedsRegistry != 0 {
			return true
		}
	}
	return false
}

// TestPostgresAnswersAsTheFile runs the same filings through the service
// on the built-in records and on PostgreSQL loaded from the same records
// file: the answers are the same, byte for byte. Then a load run on
// PostgreSQL.
func TestPostgresAnswersAsTheFile(t *testing.T) {
	_, dsn := pgtest.Open(t)
	pg := start(t, nil, "--registry", dsn, "--load-records", "records.json")
	file := start(t, nil)

	resp, err := client.Get(pg.url + "/readyz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	bodies := append(registryFilings(t), loadFilings(t)[:40]...)
	for i, body := range bodies {
		for _, lang := range []string{"zh", "en"} {
			s1, _, b1 := post(t, file.url+"", body, "Accept-Language", lang)
			s2, _, b2 := post(t, pg.url, body, "Accept-Language", lang)
			require.Equal(t, http.StatusOK, s1)
			require.Equal(t, s1, s2)
			assert.JSONEq(t, string(b1), string(b2), "filing %d", i)
		}
	}
	// And several at once.
	arr := append([]byte("["), bytes.Join(bodies[:5], []byte(","))...)
	arr = append(arr, ']')
	_, _, b1 := post(t, file.url, arr)
	_, _, b2 := post(t, pg.url, arr)
	assert.JSONEq(t, string(b1), string(b2))
	if registryRulesLanded() {
		var reps []wireReport
		require.NoError(t, json.Unmarshal(b2, &reps))
		var codes []string
		for _, r := range reps {
			for _, x := range r.Rejections {
				codes = append(codes, x.Code)
			}
			assert.NotContains(t, r.Skipped, string(rules.CodeCheckUnavailable))
		}
		t.Logf("codes from the records: %v", codes)
	}

	if !testing.Short() {
		loadRun(t, pg.url, "PostgreSQL registry")
	}
}

// TestPostgresStoppedMidRun stops the database while filings are being
// validated: every request still gets its report, the checks that needed
// the database become CHECK_UNAVAILABLE warnings, and readiness fails.
func TestPostgresStoppedMidRun(t *testing.T) {
	cluster := pgtest.StartCluster(t)
	db, dsn := pgtest.NewDatabase(t, cluster.DSN)
	db.Close()
	s := start(t, nil, "--registry", dsn, "--load-records", "records.json", "--timeout", "5s")
	bodies := registryFilings(t)

	var (
		wg        sync.WaitGroup
		stopped   atomic.Bool
		mu        sync.Mutex
		after     []wireReport
		answered  int
		lost      []string
		unavailOK = !registryRulesLanded()
	)
	deadline := time.Now().Add(20 * time.Second)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				wasStopped := stopped.Load()
				req, _ := http.NewRequest(http.MethodPost, s.url+"/v1/filings:validate", bytes.NewReader(bodies[(w+i)%len(bodies)]))
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					mu.Lock()
					lost = append(lost, err.Error())
					mu.Unlock()
					continue
				}
				data, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				var rep wireReport
				mu.Lock()
				if resp.StatusCode != 200 || json.Unmarshal(data, &rep) != nil {
					lost = append(lost, resp.Status+" "+string(data))
				} else {
					answered++
					if wasStopped {
						after = append(after, rep)
					}
				}
				n := len(after)
				mu.Unlock()
				if n >= 20 {
					return
				}
			}
		}(w)
	}
	time.Sleep(300 * time.Millisecond)
	cluster.Stop(t)
	stopped.Store(true)
	wg.Wait()

	assert.Empty(t, lost, "no lost report")
	require.NotEmpty(t, after, "reports after the stop")
	t.Logf("%d reports, %d after the database stopped", answered, len(after))
	for _, rep := range after {
		unavailable := slices.ContainsFunc(rep.Rejections, func(x struct {
			Code     string `json:"code"`
			Severity string `json:"severity"`
			Field    string `json:"field"`
			Message  string `json:"message"`
			Remedy   string `json:"remedy"`
		}) bool {
			return x.Code == string(rules.CodeCheckUnavailable) && x.Severity == "warning"
		})
		if !unavailOK {
			assert.True(t, unavailable, "CHECK_UNAVAILABLE once the database is gone")
		}
	}
	resp, err := client.Get(s.url + "/readyz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "not ready without the database")
	resp, err = client.Get(s.url + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "alive all the same")
}

// TestReplicasStartTogether starts eight services at once on one empty
// database, as replicas of a deployment do: all of them start and answer.
func TestReplicasStartTogether(t *testing.T) {
	_, dsn := pgtest.Open(t)
	const replicas = 8
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		addr   string
		status int
		logs   *syncBuffer
	}
	results := make(chan result, replicas)
	exited := make(chan int, replicas)
	for range replicas {
		go func() {
			logs := &syncBuffer{}
			started := false
			status := run(ctx, []string{"--addr", "127.0.0.1:0", "--registry", dsn}, logs, func(a string) {
				started = true
				results <- result{addr: a}
			})
			if !started {
				results <- result{status: status, logs: logs}
			}
			exited <- status
		}()
	}
	for range replicas {
		var r result
		select {
		case r = <-results:
		case <-time.After(60 * time.Second):
			t.Fatal("a replica did not start")
		}
		if r.addr == "" {
			t.Errorf("a replica exited with status %d:\n%s", r.status, r.logs)
			continue
		}
		resp, err := client.Get("http://" + r.addr + "/readyz")
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
	}
	cancel()
	for range replicas {
		<-exited
	}
}

// writeRecords writes a records file of n generated subjects (two in
// three filed with a domain, a mobile each, one in ten with an order in
// progress) in dir.
func writeRecords(t *testing.T, dir string, n int) string {
	t.Helper()
	name := filepath.Join(dir, "records.json")
	f, err := os.Create(name)
	require.NoError(t, err)
	w := bufio.NewWriterSize(f, 1<<20)
	_, _ = w.WriteString(`{"subjects": [`)
	for i := range n {
		if i > 0 {
			_ = w.WriteByte(',')
		}
		fmt.Fprintf(w, "\n"+`{"name": "示例%d科技有限公司", "cert_type": "uscc", "cert_number": "91440300%010d", "mobiles": ["139%08d"]`, i, i, i)
		if i%3 != 0 {
			fmt.Fprintf(w, `, "icp_number": "粤ICP备%08d号", "domains": [{"domain": "shili%d.cn", "icp_number": "粤ICP备%08d号-1", "hosted": %v}]`, i, i, i, i%2 == 0)
		}
		if i%10 == 0 {
			_, _ = w.WriteString(`, "order_in_progress": true`)
		}
		_ = w.WriteByte('}')
	}
	_, _ = w.WriteString("\n]}\n")
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())
	return name
}

// TestLoadRecordsLarge starts the service with --load-records of 100,000
// subjects (BEIAN_LOAD_SUBJECTS to choose another number; the README's
// figure for 1,000,000 comes from it): it starts, logs its progress on
// standard error, and the database holds every subject. (Before loading
// in batches, beyond about 50,000 subjects the load ran out of its fixed
// 30 s and the service did not start.)
func TestLoadRecordsLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 100,000 subjects")
	}
	n := 100_000
	if s := os.Getenv("BEIAN_LOAD_SUBJECTS"); s != "" {
		var err error
		n, err = strconv.Atoi(s)
		require.NoError(t, err)
	}
	db, dsn := pgtest.Open(t)
	file := writeRecords(t, t.TempDir(), n)
	begin := time.Now()
	s := startWithin(t, 30*time.Minute, nil, "--registry", dsn, "--load-records", file)
	elapsed := time.Since(begin)
	var count int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM subjects").Scan(&count))
	assert.Equal(t, n, count)
	fi, err := os.Stat(file)
	require.NoError(t, err)
	t.Logf("--load-records of %d subjects (%.1f MB): the service started in %v", n, float64(fi.Size())/1e6, elapsed.Round(time.Millisecond))
	progress := 0
	for _, line := range strings.Split(s.logs.String(), "\n") {
		if strings.Contains(line, `"msg":"loading records"`) || strings.Contains(line, `"msg":"loaded records"`) {
			progress++
			t.Log(line)
		}
	}
	assert.NotZero(t, progress, "progress on standard error:\n%s", s.logs)
}

// TestReadinessAsksTheRegistry: /readyz answers 503 while the registry
// cannot answer a question — a table locked by another transaction, a
// table renamed — and 200 again once it can. (Readiness used to ping the
// server only, and said ready while every validation waited out its
// budget on the lock.)
func TestReadinessAsksTheRegistry(t *testing.T) {
	db, dsn := pgtest.Open(t)
	s := start(t, nil, "--registry", dsn, "--ready-timeout", "500ms")
	ready := func() int {
		t.Helper()
		begin := time.Now()
		resp, err := client.Get(s.url + "/readyz")
		require.NoError(t, err)
		resp.Body.Close()
		assert.Less(t, time.Since(begin), 10*time.Second, "within its budget")
		return resp.StatusCode
	}
	require.Equal(t, http.StatusOK, ready())
	for _, table := range []string{"subjects", "principal_mobiles", "domains", "orders"} {
		tx, err := db.Begin()
		require.NoError(t, err)
		_, err = tx.Exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE")
		require.NoError(t, err)
		assert.Equal(t, http.StatusServiceUnavailable, ready(), "%s locked", table)
		require.NoError(t, tx.Rollback())
		assert.Equal(t, http.StatusOK, ready(), "%s unlocked", table)

		_, err = db.Exec("ALTER TABLE " + table + " RENAME TO " + table + "_renamed")
		require.NoError(t, err)
		assert.Equal(t, http.StatusServiceUnavailable, ready(), "%s renamed", table)
		_, err = db.Exec("ALTER TABLE " + table + "_renamed RENAME TO " + table)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, ready(), "%s back", table)
	}
}

// TestSecretsStayOutOfLogsAndReadiness starts the service on DSNs that
// carry a password in each URL form (the test cluster trusts local
// connections, so the password is not checked): neither the startup log
// nor /readyz shows it. (?password= used to be printed by both.)
func TestSecretsStayOutOfLogsAndReadiness(t *testing.T) {
	_, dsn := pgtest.Open(t)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	withUser := *u
	withUser.User = url.UserPassword(u.User.Username(), "hunter5")
	for _, d := range []string{dsn + "&password=hunter5", dsn + "&sslpassword=hunter5&password=hunter5", withUser.String()} {
		s := start(t, nil, "--registry", d)
		resp, err := client.Get(s.url + "/readyz")
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		assert.Contains(t, string(body), u.Query().Get("host"), "the DSN, redacted")
		assert.NotContains(t, string(body), "hunter5")
		require.Equal(t, 0, s.stop())
		assert.NotContains(t, s.logs.String(), "hunter5")
	}
}
