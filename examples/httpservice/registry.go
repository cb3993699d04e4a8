package main

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, for --registry postgres://…

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/examples/httpservice/pgregistry"
	"github.com/icpcheck/beian/validate/records"
)

// defaultRecords is the built-in records file, used without --registry.
//
//go:embed records.json
var defaultRecords []byte

// A registry is the service's beian.Registry with what the service needs
// besides: a readiness check, a name for the logs, and a way to close it.
type registry interface {
	beian.Registry
	// Ready reports whether the registry answers questions now: it asks
	// them, within ctx.
	Ready(ctx context.Context) error
	Describe() string
	Close() error
}

// openRegistry opens the registry spec names: empty for the built-in
// records, a PostgreSQL DSN (see isPostgres) for a database (migrated
// when its tables are missing, and given the subjects of the records file
// load when load is not empty), anything else a records file. Progress
// of a load goes to log.
func openRegistry(ctx context.Context, spec, load string, log *slog.Logger) (registry, error) {
	isPG := isPostgres(spec)
	if load != "" && !isPG {
		return nil, errors.New("--load-records needs a PostgreSQL --registry")
	}
	switch {
	case spec == "":
		r, err := records.ReadRegistry(bytes.NewReader(defaultRecords))
		if err != nil {
			return nil, fmt.Errorf("built-in records: %w", err)
		}
		return memRegistry{r, "built-in records"}, nil
	case isPG:
		db, err := sql.Open("pgx", spec)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(32)
		db.SetMaxIdleConns(32)
		db.SetConnMaxIdleTime(5 * time.Minute)
		mctx, cancel := context.WithTimeout(ctx, migrateTimeout)
		defer cancel()
		if err := pgregistry.Migrate(mctx, db); err != nil {
			db.Close()
			return nil, err
		}
		if load != "" {
			if err := loadRecords(ctx, db, load, log); err != nil {
				db.Close()
				return nil, err
			}
		}
		return pgRegistry{pgregistry.New(db), db, redact(spec)}, nil
	}
	f, err := openRecords("--registry", spec)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := records.ReadRegistry(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", spec, err)
	}
	return memRegistry{r, spec}, nil
}

const (
	// migrateTimeout bounds the migration, the wait for the migration
	// lock included.
	migrateTimeout = 30 * time.Second
	// loadBatch subjects are written per batch of --load-records, each
	// batch within loadBatchTimeout: the load's time bound grows with
	// its size (1,000,000 subjects: 200 batches, each taking about a
	// quarter of a second on a 2-core machine).
	loadBatch        = 5000
	loadBatchTimeout = 60 * time.Second
	// loadProgressEvery is the least time between two progress lines.
	loadProgressEvery = 2 * time.Second
)

// loadRecords adds the subjects of a records file to the database, all
// or none, streaming the file in batches and logging progress.
func loadRecords(ctx context.Context, db *sql.DB, file string, log *slog.Logger) error {
	f, err := openRecords("--load-records", file)
	if err != nil {
		return err
	}
	defer f.Close()
	begin := time.Now()
	last := begin
	log.Info("loading records", "file", file, "subjects", 0)
	n, err := pgregistry.LoadFrom(ctx, db, records.NewReader(f), pgregistry.LoadOptions{
		BatchSize:    loadBatch,
		BatchTimeout: loadBatchTimeout,
		Progress: func(n int) {
			if now := time.Now(); now.Sub(last) >= loadProgressEvery {
				last = now
				log.Info("loading records", "file", file, "subjects", n, "elapsed", now.Sub(begin).Round(time.Millisecond).String())
			}
		},
	})
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	log.Info("loaded records", "file", file, "subjects", n, "elapsed", time.Since(begin).Round(time.Millisecond).String())
	return nil
}

// openRecords opens the records file name given to flag. A file that is
// not there is an error naming the flag, the path as given and where it
// was looked for (a relative path is taken from the working directory),
// and where the example records are.
func openRecords(flag, name string) (*os.File, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		abs, aerr := filepath.Abs(name)
		if aerr != nil {
			abs = name
		}
		return nil, fmt.Errorf("%s %s: no such file (looked for %s); the example records file is examples/httpservice/records.json in the repository, and a PostgreSQL DSN starts with postgres:// or host=", flag, name, abs)
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", flag, name, err)
	}
	return f, nil
}

type memRegistry struct {
	*records.Registry
	name string
}

func (m memRegistry) Ready(ctx context.Context) error {
	_, err := m.Domain(ctx, "readiness.invalid")
	return err
}
func (m memRegistry) Describe() string { return m.name }
func (m memRegistry) Close() error     { return nil }

type pgRegistry struct {
	*pgregistry.Registry
	db   *sql.DB
	name string
}

func (p pgRegistry) Ready(ctx context.Context) error { return p.Check(ctx) }
func (p pgRegistry) Describe() string                { return p.name }
func (p pgRegistry) Close() error                    { return p.db.Close() }

var errNotReady = errors.New("registry not ready")
