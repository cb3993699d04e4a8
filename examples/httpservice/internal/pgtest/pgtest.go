// Package pgtest gives the service's tests a PostgreSQL database of their
// own: a fresh database in the cluster that .ci/postgres.sh started (its
// DSN in BEIAN_TEST_POSTGRES), or a private throw-away cluster for a test
// that stops its server. Without BEIAN_TEST_POSTGRES the tests skip,
// saying how to run them.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/icpcheck/beian/internal/testenv"
)

// EnvDSN names the variable holding the test cluster's DSN.
const EnvDSN = "BEIAN_TEST_POSTGRES"

// EnvRequire names the variable that makes a missing EnvDSN fail the
// tests instead of skipping them: .ci/run sets it, so that a cluster that
// did not start cannot pass for green.
const EnvRequire = "BEIAN_REQUIRE_POSTGRES"

// skipMessage says how to run the skipped tests.
const skipMessage = EnvDSN + " is not set: these tests need PostgreSQL. Run them with\n" +
	"\tsource .ci/postgres.sh && go -C examples/httpservice test ./...\n" +
	"from the repository root (as .ci/run does); it starts a throw-away cluster\n" +
	"(PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin, or PG_BIN)."

// DSN returns the test cluster's DSN, or skips the test.
func DSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		if on, _ := strconv.ParseBool(os.Getenv(EnvRequire)); on {
			tb.Fatalf("%s\n(and %s is set)", skipMessage, EnvRequire)
		}
		testenv.SkipUnavailable(tb, "%s", skipMessage) // one line even without -v
	}
	return dsn
}

var dbSeq atomic.Int64

// NewDatabase creates an empty database in the cluster of dsn, dropped
// when the test ends, and returns its DSN and an open handle.
func NewDatabase(tb testing.TB, dsn string) (*sql.DB, string) {
	tb.Helper()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("beian_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, dbSeq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("creating the test database: %v", err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	u.Path = "/" + name
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		db.Close()
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			return
		}
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	return db, u.String()
}

// Open returns a fresh database of the test cluster, or skips the test.
func Open(tb testing.TB) (*sql.DB, string) {
	tb.Helper()
	return NewDatabase(tb, DSN(tb))
}

// A Cluster is a private PostgreSQL server started for one test.
type Cluster struct {
	Dir, DSN string
	script   string
}

// StartCluster starts a private cluster with .ci/postgres.sh, removed when
// the test ends. It skips the test when BEIAN_TEST_POSTGRES is not set.
func StartCluster(tb testing.TB) *Cluster {
	tb.Helper()
	DSN(tb)
	script := filepath.Join(repoRoot(tb), ".ci", "postgres.sh")
	out, err := exec.Command("bash", script, "start").Output()
	if err != nil {
		tb.Fatalf("starting a private cluster: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 {
		tb.Fatalf("starting a private cluster: unexpected output %q", out)
	}
	c := &Cluster{Dir: lines[len(lines)-2], DSN: lines[len(lines)-1], script: script}
	tb.Cleanup(func() { _ = exec.Command("bash", script, "remove", c.Dir).Run() })
	return c
}

// Stop stops the cluster's server (pg_ctl stop -m fast).
func (c *Cluster) Stop(tb testing.TB) {
	tb.Helper()
	if out, err := exec.Command("bash", c.script, "stop", c.Dir).CombinedOutput(); err != nil {
		tb.Fatalf("stopping the cluster: %v\n%s", err, out)
	}
}

func repoRoot(tb testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "..")
}
