package pgregistry

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedMigrations(t *testing.T) {
	ms, err := parseMigrations(migrationFiles)
	require.NoError(t, err)
	for i, m := range ms {
		assert.Equal(t, i+1, m.version, m.name)
		assert.NotContains(t, m.sql, "schema_migrations (version)", "%s: Migrate records the version, not the file", m.name)
	}
	assert.Equal(t, len(ms), LatestVersion())
}

func TestParseMigrations(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("SELECT 1;")}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":        {"migrations/001_a.sql": file, "migrations/003_c.sql": file},
		"not from 1": {"migrations/002_a.sql": file},
		"no number":  {"migrations/a.sql": file},
		"short":      {"migrations/1_a.sql": file},
		"twice":      {"migrations/001_a.sql": file, "migrations/001_b.sql": file},
		"none":       {},
	} {
		_, err := parseMigrations(fsys)
		assert.Error(t, err, name)
	}
	ms, err := parseMigrations(fstest.MapFS{"migrations/002_b.sql": file, "migrations/001_a.sql": file, "migrations/README": file})
	require.NoError(t, err)
	assert.Equal(t, []string{"001_a.sql", "002_b.sql"}, []string{ms[0].name, ms[1].name})
}
