// Httpservice is a JSON service that checks ICP filings for other
// services: it answers POST /v1/filings:validate with the reports of the
// filings posted, in the wire format of the README.
//
// It is a module of its own (examples/httpservice/go.mod), so that its
// dependencies (the PostgreSQL driver pgx, the Prometheus client) stay out
// of the library's go.mod. From the repository root:
//
//	go -C examples/httpservice run . [flags]
//	go -C examples/httpservice build -o "$PWD"/httpservice . && ./httpservice [flags]
//
// Usage:
//
//	httpservice [--addr 127.0.0.1:8080] [--web DIR] [--registry FILE.json | --registry DSN [--load-records FILE.json]]
//	            [--metrics on|off|HOST:PORT] [--max-bytes N] [--max-filings N] [--max-conns N] [--timeout D]
//	            [--read-timeout D] [--write-timeout D] [--ready-timeout D] [--shutdown-timeout D]
//
// --help lists every flag with its default.
//
// Endpoints:
//
//	POST /v1/filings:validate  one filing (a JSON object) or several (an array);
//	                           the answer is one report or an array of them, in
//	                           Chinese or English (?lang=zh|en, else Accept-Language)
//	GET  /healthz              200 while the process serves
//	GET  /readyz               200 when the Registry answers its questions, 503 otherwise
//	GET  /metrics              Prometheus metrics (--metrics on, the default; off; or
//	                           HOST:PORT for a listener of their own)
//	GET  /openapi.yaml         the service's OpenAPI 3.1 document (docs/openapi.yaml)
//	GET  /                     with --web DIR: the demo page's static files from DIR
//	                           (examples/web: the filing form checked as the user
//	                           types, by the WebAssembly build, in the browser)
//
// Every error answer is JSON with the request's id: 415 for a body that is
// not JSON in UTF-8, 413 for one over --max-bytes (refused unread when
// its Content-Length says so), 408 for one that does not arrive within
// --read-timeout, 400 for JSON that is not filings (the decoder's
// messages, each naming the field concerned), 404 and 405 for unknown
// paths and methods. One filing is decoded as it streams in, by the
// library's bounded decoder (beian.DecodeOptions with --max-bytes); an
// array is read whole (within --max-bytes) and each element decoded.
//
// Each request has an id: its X-Request-Id when valid (1 to 64
// characters of A-Z, a-z, 0-9 and "._:-"), else 16 random bytes in hex;
// it is echoed in X-Request-Id and in error bodies ("request_id"), and
// every log line about the request carries it (request_id). Reports have
// no such field: they are the library's wire format, as icpcheck --json
// prints it (a CHECK_UNAVAILABLE message names the id in its text).
// Internal error text (an outside check's error, a database's) goes to
// the log under that id, never to the client.
//
// The metrics (a Prometheus registry of the service's own) count the
// filings validated (by ok and complete), their rejections by code and
// severity, the validation latency, the requests by route and status,
// the bodies refused by reason and the Registry's errors by question and
// kind.
//
// The Registry is the console's records: a records file (package
// validate/records; an example file is built in and used when --registry
// is not given) or a PostgreSQL database, given as a postgres:// URL or a
// libpq key=value string, by --registry or else the BEIAN_REGISTRY
// variable, with what it leaves out from libpq's PG* variables (package
// pgregistry; the schema is migrated under an advisory lock, so replicas
// may start together, and --load-records adds a records file's subjects
// to it at start, in batches, all or none).
// The DSN's secrets are masked in the logs and /readyz. Access logs are
// JSON lines on standard error, written once the answer is sent and
// recording what was sent. At most --max-conns connections are open at
// once. SIGTERM or SIGINT stops the server gracefully: it stops
// accepting, lets the requests in flight finish (for up to
// --shutdown-timeout) and exits 0.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/netutil"

	"github.com/icpcheck/beian/rules"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr, nil))
}

// config is what the flags set.
type config struct {
	addr            string
	registry        string
	web             string
	loadRecords     string
	metrics         string // metricsOn, metricsOff or an address
	profile         string // the provider console profile of requests without ?profile=; "" for the default
	maxBytes        int64
	maxFilings      int
	maxConns        int
	timeout         time.Duration
	readTimeout     time.Duration
	writeTimeout    time.Duration
	readyTimeout    time.Duration
	shutdownTimeout time.Duration
}

// envRegistry names the variable that gives --registry its default: a
// DSN with a password is better there than on the command line, which
// other users of the machine can read.
const envRegistry = "BEIAN_REGISTRY"

// usageHeader and usageFooter frame the flags in --help.
const usageHeader = `Usage: httpservice [flags]

A JSON service that checks ICP filings: POST /v1/filings:validate, GET
/healthz, GET /readyz, GET /metrics (Prometheus), GET /openapi.yaml,
GET / with --web.
From the repository root:

  go -C examples/httpservice run . [flags]
  go -C examples/httpservice build -o httpservice . && examples/httpservice/httpservice [flags]

Flags:
`

const usageFooter = `
A PostgreSQL registry's address is --registry's DSN, else $` + envRegistry + `;
whatever the DSN leaves out (host, port, user, password, database, sslmode)
comes from libpq's variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
PGSSLMODE, PGPASSFILE (~/.pgpass), PGSERVICE, as psql takes them:
--registry postgres:// takes all of it from them. A throw-away cluster for
trying it: source .ci/postgres.sh (from the repository root; it exports
BEIAN_TEST_POSTGRES, a DSN to give --registry).
`

// parseFlags reads the flags. It returns the status to exit with when
// the program should stop (0 after -h, 2 for bad flags), else -1.
func parseFlags(args []string, stderr io.Writer) (config, int) {
	fs := flag.NewFlagSet("httpservice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHeader)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), usageFooter)
	}
	var cfg config
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&cfg.registry, "registry", "", "the console's records: a records `FILE.json` (a path from the working directory) or a PostgreSQL DSN (postgres://… or host=… dbname=…; what it leaves out comes from libpq's PG* variables); default: $"+envRegistry+", else the built-in example records")
	fs.StringVar(&cfg.web, "web", "", "serve the demo page's static files from `DIR` at / (examples/web/static, after go run ./examples/web/mkwasm)")
	fs.StringVar(&cfg.loadRecords, "load-records", "", "with a PostgreSQL registry: add the subjects of this records `FILE.json` to it at start, all or none")
	fs.StringVar(&cfg.metrics, "metrics", metricsOn, "Prometheus metrics: `on|off|HOST:PORT`: on at GET /metrics on --addr, off, or HOST:PORT to serve GET /metrics on a listener of their own (kept off the public address)")
	fs.StringVar(&cfg.profile, "profile", "", "the provider console `NAME` ("+strings.Join(rules.ProfileNames(), ", ")+") whose sourced differences apply to requests without ?profile=; default: the strictest sourced values")
	fs.Int64Var(&cfg.maxBytes, "max-bytes", 1<<20, "largest request body accepted, in bytes")
	fs.IntVar(&cfg.maxFilings, "max-filings", 100, "most filings in one request")
	fs.IntVar(&cfg.maxConns, "max-conns", 512, "most connections open at once; more wait to be accepted")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "time allowed to validate one request")
	fs.DurationVar(&cfg.readTimeout, "read-timeout", 30*time.Second, "time allowed to read one request, headers and body (408 after)")
	fs.DurationVar(&cfg.writeTimeout, "write-timeout", 10*time.Second, "time allowed to write one answer, after its reading and validation")
	fs.DurationVar(&cfg.readyTimeout, "ready-timeout", 2*time.Second, "time the registry has to answer /readyz's questions; keep it below the validator's 3 s bound on one outside call")
	fs.DurationVar(&cfg.shutdownTimeout, "shutdown-timeout", 15*time.Second, "time allowed to the requests in flight at shutdown")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, 0
		}
		return cfg, 2
	}
	if cfg.registry == "" {
		// Not the flag's default: --help would print it, password and all.
		cfg.registry = os.Getenv(envRegistry)
	}
	if cfg.maxBytes <= 0 || cfg.maxFilings <= 0 || cfg.maxConns <= 0 || cfg.timeout <= 0 || cfg.readTimeout <= 0 || cfg.writeTimeout <= 0 || cfg.readyTimeout <= 0 {
		fmt.Fprintln(stderr, "httpservice: --max-bytes, --max-filings, --max-conns and the timeouts must be positive")
		return cfg, 2
	}
	if cfg.metrics != metricsOn && cfg.metrics != metricsOff {
		if _, _, err := net.SplitHostPort(cfg.metrics); err != nil {
			fmt.Fprintf(stderr, "httpservice: --metrics %s: neither on, off nor HOST:PORT\n", cfg.metrics)
			return cfg, 2
		}
	}
	if _, ok := rules.ProfileNamed(cfg.profile); !ok {
		fmt.Fprintf(stderr, "httpservice: --profile %s: no such provider profile (there are %s)\n", cfg.profile, strings.Join(rules.ProfileNames(), ", "))
		return cfg, 2
	}
	if cfg.web != "" {
		if fi, err := os.Stat(cfg.web); err != nil || !fi.IsDir() {
			fmt.Fprintf(stderr, "httpservice: --web %s: not a directory\n", cfg.web)
			return cfg, 2
		}
	}
	return cfg, -1
}

// newHTTPServer returns the server of handler with the timeouts of cfg.
// The write deadline, which net/http counts from the end of the request
// headers, covers the rest of the request's reading, its validation and
// the writing of its answer: --read-timeout + --timeout +
// --write-timeout.
func newHTTPServer(cfg config, handler http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: min(5*time.Second, cfg.readTimeout),
		ReadTimeout:       cfg.readTimeout,
		WriteTimeout:      cfg.readTimeout + cfg.timeout + cfg.writeTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		ConnContext:       withConn,
	}
}

// The values of --metrics besides an address.
const (
	metricsOn  = "on"
	metricsOff = "off"
)

// newMetricsServer serves m at GET /metrics (--metrics HOST:PORT), and
// nothing else.
func newMetricsServer(m *metrics) *http.Server {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.handler)
	return &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
}

// limitListener caps the connections open at once at --max-conns: the
// listener accepts another only when one closes, leaving the rest in the
// kernel's backlog. Its connections are answerConns, which send each
// answer in one write.
func limitListener(ln net.Listener, cfg config) net.Listener {
	return answerListener{netutil.LimitListener(ln, cfg.maxConns)}
}

// run is the whole program: it serves until ctx ends, then shuts down
// gracefully, and returns the exit status. started, when not nil, is
// told the address the server listens on.
func run(ctx context.Context, args []string, stderr io.Writer, started func(addr string)) int {
	cfg, status := parseFlags(args, stderr)
	if status >= 0 {
		return status
	}
	logger := newLogger(stderr)

	secrets := newScrubber(cfg.registry)
	reg, err := openRegistry(ctx, cfg.registry, cfg.loadRecords, logger)
	if err != nil {
		logger.Error("opening the registry", "err", secrets.scrub(err.Error()))
		return 1
	}
	defer reg.Close()

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		logger.Error("listening", "err", err)
		return 1
	}
	handler, m := newService(cfg, reg, logger)
	srv := newHTTPServer(cfg, handler, logger)
	errc := make(chan error, 2)
	if m != nil && cfg.metrics != metricsOn {
		mln, err := net.Listen("tcp", cfg.metrics)
		if err != nil {
			ln.Close()
			logger.Error("listening for --metrics", "err", err)
			return 1
		}
		msrv := newMetricsServer(m)
		logger.Info("serving metrics", "addr", mln.Addr().String(), "path", "/metrics")
		go func() { errc <- msrv.Serve(mln) }()
		defer msrv.Close()
	}
	logger.Info("serving", "addr", ln.Addr().String(), "registry", reg.Describe(), "max_conns", cfg.maxConns, "metrics", cfg.metrics)
	if started != nil {
		started(ln.Addr().String())
	}
	go func() { errc <- srv.Serve(limitListener(ln, cfg)) }()
	select {
	case err := <-errc:
		logger.Error("serving", "err", err)
		return 1
	case <-ctx.Done():
	}
	logger.Info("shutting down", "grace", cfg.shutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		logger.Error("shutting down", "err", err)
		return 1
	}
	logger.Info("stopped")
	return 0
}
