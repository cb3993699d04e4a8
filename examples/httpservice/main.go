// Httpservice is a JSON service that checks ICP filings for other
// services: it answers POST /v1/filings:validate with the reports of the
// filings posted, in the wire format of the README.
//
// Usage:
//
//	httpservice [--addr 127.0.0.1:8080] [--registry FILE.json | --registry postgres://… [--load-records FILE.json]]
//	            [--max-bytes N] [--max-filings N] [--timeout D] [--shutdown-timeout D]
//
// Endpoints:
//
//	POST /v1/filings:validate  one filing (a JSON object) or several (an array);
//	                           the answer is one report or an array of them, in
//	                           Chinese or English (?lang=zh|en, else Accept-Language)
//	GET  /healthz              200 while the process serves
//	GET  /readyz               200 when the Registry answers, 503 otherwise
//
// A request that is not JSON gets 415, a body over --max-bytes 413, and
// JSON that is not filings 400 with the decoder's messages, each naming
// the field concerned. One filing is decoded as it streams in, by the
// library's bounded decoder (beian.DecodeOptions with --max-bytes); an
// array is read whole (within --max-bytes) and each element decoded. The Registry is the console's records: a records
// file (the format package validate/records reads; an example file is
// built in and used when --registry is not given) or a PostgreSQL
// database (package pgregistry; the schema is created when missing, and
// --load-records adds a records file's subjects to it at start).
// Access logs are JSON lines on standard error. SIGTERM or SIGINT stops
// the server gracefully: it stops accepting, lets the requests in flight
// finish (for up to --shutdown-timeout) and exits 0.
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
	"syscall"
	"time"
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
	loadRecords     string
	maxBytes        int64
	maxFilings      int
	timeout         time.Duration
	shutdownTimeout time.Duration
}

// run is the whole program: it serves until ctx ends, then shuts down
// gracefully, and returns the exit status. started, when not nil, is
// told the address the server listens on.
func run(ctx context.Context, args []string, stderr io.Writer, started func(addr string)) int {
	fs := flag.NewFlagSet("httpservice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&cfg.registry, "registry", "", "the console's records: a records file (FILE.json) or a PostgreSQL URL (postgres://…); default: the built-in example records")
	fs.StringVar(&cfg.loadRecords, "load-records", "", "with a PostgreSQL registry: add this records file's subjects to it at start")
	fs.Int64Var(&cfg.maxBytes, "max-bytes", 1<<20, "largest request body accepted, in bytes")
	fs.IntVar(&cfg.maxFilings, "max-filings", 100, "most filings in one request")
	fs.DurationVar(&cfg.timeout, "timeout", 10*time.Second, "time allowed to validate one request")
	fs.DurationVar(&cfg.shutdownTimeout, "shutdown-timeout", 15*time.Second, "time allowed to the requests in flight at shutdown")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	logger := slog.New(slog.NewJSONHandler(stderr, nil))

	if cfg.maxBytes <= 0 || cfg.maxFilings <= 0 || cfg.timeout <= 0 {
		fmt.Fprintln(stderr, "httpservice: --max-bytes, --max-filings and --timeout must be positive")
		return 2
	}
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
	srv := &http.Server{
		Handler:           newServer(cfg, reg, logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.timeout + 20*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("serving", "addr", ln.Addr().String(), "registry", reg.Describe())
	if started != nil {
		started(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
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
