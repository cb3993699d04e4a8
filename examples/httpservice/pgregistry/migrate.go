package pgregistry

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// The migrations, NNN_name.sql, applied in the order of NNN.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// A migration is one file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded migrations in version order; parsed once
// at init (the files are part of the binary, and a test reads them).
var migrations = mustParseMigrations(migrationFiles)

func mustParseMigrations(fsys fs.FS) []migration {
	ms, err := parseMigrations(fsys)
	if err != nil {
		panic(err)
	}
	return ms
}

// parseMigrations reads migrations/NNN_name.sql: versions from 1 without
// a gap.
func parseMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names { // sorted by fs.Glob
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || len(num) != 3 {
			return nil, fmt.Errorf("pgregistry: migration %s is not named NNN_name.sql", base)
		}
		if v != len(out)+1 {
			return nil, fmt.Errorf("pgregistry: migration %s: version %d where %d was expected", base, v, len(out)+1)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(data)})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("pgregistry: no migration")
	}
	return out, nil
}

// Schema returns the migrations that create the registry's tables, in
// order, as one script.
func Schema() string {
	var b strings.Builder
	for _, m := range migrations {
		b.WriteString(m.sql)
	}
	return b.String()
}

// LatestVersion is the schema version [Migrate] brings a database to.
func LatestVersion() int { return migrations[len(migrations)-1].version }

// migrateLockKey is the key of the transaction-scoped advisory lock
// Migrate holds ("beianpgr" as a number). Advisory locks are per
// database, so migrations of different databases do not wait for each
// other.
const migrateLockKey int64 = 0x6265_6961_6e70_6772

// Migrate brings the registry's schema to [LatestVersion]: in one
// transaction, under a transaction-scoped advisory lock
// (pg_advisory_xact_lock), it reads the versions recorded in
// schema_migrations and applies each missing migration with its record.
// Replicas starting together therefore migrate one after the other: the
// first applies the migrations, the others find them recorded and apply
// nothing. A database at a later version than this program knows is left
// as it is (migrations only add). It is idempotent; ctx bounds the wait
// for the lock as well as the work.
func Migrate(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("pgregistry: migrating: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLockKey); err != nil {
		return fmt.Errorf("pgregistry: migrating: taking the migration lock: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer PRIMARY KEY,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return fmt.Errorf("pgregistry: migrating: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("pgregistry: migrating: reading the schema version: %w", err)
	}
	for _, m := range migrations {
		if m.version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("pgregistry: migrating: %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.version); err != nil {
			return fmt.Errorf("pgregistry: migrating: %s: %w", m.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("pgregistry: migrating: %w", err)
	}
	return nil
}
