package pgregistry_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/examples/httpservice/internal/pgtest"
	"github.com/icpcheck/beian/examples/httpservice/pgregistry"
)

// TestMigrateConcurrently starts replicas together on one empty database:
// each opens its own pool and migrates at the same moment. Every one
// succeeds, each migration is applied once, and the registry answers.
// (Before the advisory lock, replicas died with SQLSTATE 23505 from
// concurrent CREATE TABLE IF NOT EXISTS.)
func TestMigrateConcurrently(t *testing.T) {
	_, dsn := pgtest.Open(t)
	const replicas = 16
	for round := 0; round < 2; round++ {
		// Each round on a fresh database: the race is in the first
		// migration.
		if round > 0 {
			_, dsn = pgtest.Open(t)
		}
		var (
			wg    sync.WaitGroup
			ready = make(chan struct{})
			errs  = make([]error, replicas)
		)
		for i := 0; i < replicas; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				db, err := sql.Open("pgx", dsn)
				if err != nil {
					errs[i] = err
					return
				}
				defer db.Close()
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				if err := db.PingContext(ctx); err != nil { // connected before the start
					errs[i] = err
					return
				}
				<-ready
				errs[i] = pgregistry.Migrate(ctx, db)
			}(i)
		}
		close(ready)
		wg.Wait()
		for i, err := range errs {
			assert.NoError(t, err, "round %d, replica %d", round, i)
		}
		db, err := sql.Open("pgx", dsn)
		require.NoError(t, err)
		var versions, distinct, latest int
		require.NoError(t, db.QueryRow(`SELECT count(*), count(DISTINCT version), max(version) FROM schema_migrations`).Scan(&versions, &distinct, &latest))
		assert.Equal(t, versions, distinct)
		assert.Equal(t, pgregistry.LatestVersion(), latest)
		_, err = pgregistry.New(db).Domain(context.Background(), "example.cn")
		assert.NoError(t, err)
		db.Close()
	}
}

// TestMigrateVersions: a database already at the latest version, or at a
// later one, is left alone; one migrated by the earlier migrator (which
// recorded version 1 itself) migrates without error.
func TestMigrateVersions(t *testing.T) {
	db, _ := pgtest.Open(t)
	ctx := context.Background()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	require.NoError(t, pgregistry.Migrate(ctx, db))
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n))
	assert.Equal(t, pgregistry.LatestVersion(), n)

	_, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (999)`)
	require.NoError(t, err)
	require.NoError(t, pgregistry.Migrate(ctx, db), "a later schema is left as it is")

	// The earlier migrator's database: the whole script, version 1
	// recorded by it.
	old, _ := pgtest.Open(t)
	_, err = old.ExecContext(ctx, `CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());`+
		pgregistry.Schema()+`INSERT INTO schema_migrations (version) VALUES (1);`)
	require.NoError(t, err)
	require.NoError(t, pgregistry.Migrate(ctx, old))
}
