package main

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"
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
	Ping(ctx context.Context) error
	Describe() string
	Close() error
}

// openRegistry opens the registry spec names: empty for the built-in
// records, a postgres:// or postgresql:// URL for a database (migrated
// when its tables are missing, and given the subjects of the records file
// load when load is not empty), anything else a records file.
func openRegistry(ctx context.Context, spec, load string) (registry, error) {
	isPG := strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://")
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
		mctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := pgregistry.Migrate(mctx, db); err != nil {
			db.Close()
			return nil, err
		}
		if load != "" {
			if err := loadRecords(mctx, db, load); err != nil {
				db.Close()
				return nil, err
			}
		}
		return pgRegistry{pgregistry.New(db), db, redact(spec)}, nil
	}
	f, err := os.Open(spec)
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

// loadRecords adds the subjects of a records file to the database.
func loadRecords(ctx context.Context, db *sql.DB, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	mem, err := records.ReadRegistry(f)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return pgregistry.Load(ctx, db, mem.Records())
}

type memRegistry struct {
	*records.Registry
	name string
}

func (m memRegistry) Ping(ctx context.Context) error { return ctx.Err() }
func (m memRegistry) Describe() string               { return m.name }
func (m memRegistry) Close() error                   { return nil }

type pgRegistry struct {
	*pgregistry.Registry
	db   *sql.DB
	name string
}

func (p pgRegistry) Describe() string { return p.name }
func (p pgRegistry) Close() error     { return p.db.Close() }

// redact drops the password of a database URL for the logs.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if user, _, ok := strings.Cut(userinfo, ":"); ok {
		return dsn[:scheme+3] + user + ":***" + dsn[at:]
	}
	return dsn
}

var errNotReady = errors.New("registry not ready")
