package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What the shipped build links: none of what a page cannot use, and not
// net/http (see the package comment). The root package's
// TestWasmBuildWithoutHTTP holds the same for net/http alone.
func TestBuildLeavesOut(t *testing.T) {
	ctx := context.Background()
	root, err := ModuleRoot(ctx, ".")
	require.NoError(t, err)
	cmd := exec.Command("go", "list", "-tags="+Tags, "-deps", Package)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/icpcheck/beian/validate")
	require.NotContains(t, deps, "golang.org/x/net/publicsuffix") // rules/domain has its own list (branch psl): the copy is no longer needed
	for _, d := range deps {
		for _, banned := range []string{
			"net/http", "crypto/tls", "crypto/x509", "os/exec", "database/sql", "golang.org/x/net/publicsuffix",
			// rules/appid reads keys with a DER reader of its own, and
			// rules/contact addresses with a reader of net/mail's grammar.
			"encoding/asn1", "math/big", "net/mail", "mime", "log",
			// rules/domain folds case with a table of its own
			// (fold_table.go): x/text/cases parses language tags at init.
			"golang.org/x/text/cases",
			// rules/internal/ipaddr reads IP literals as net/netip does:
			// netip's init makes handles of package unique.
			"net/netip", "unique",
			// rules/scan without its image decoders (beian_noimage).
			"image/jpeg", "image/png", "compress/flate", "hash/crc32",
			"github.com/jackc/", "github.com/icpcheck/beian/validate/probe",
			"github.com/icpcheck/beian/validate/records", "github.com/icpcheck/beian/validate/tags",
			"github.com/go-playground/", "github.com/nyaruka/",
		} {
			assert.False(t, d == banned || strings.HasPrefix(d, banned+"/") || strings.HasSuffix(banned, "/") && strings.HasPrefix(d, banned),
				"the WebAssembly build links %s", d)
		}
	}
}

// TestGzip: both ways of writing a .gz give back the file.
func TestGzip(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "f")
	data := bytes.Repeat([]byte("beian 备案 "), 5000)
	require.NoError(t, os.WriteFile(from, data, 0o644))
	check := func(name string) {
		f, err := os.Open(filepath.Join(dir, name))
		require.NoError(t, err)
		defer f.Close()
		zr, err := gzip.NewReader(f)
		require.NoError(t, err)
		got, err := io.ReadAll(zr)
		require.NoError(t, err)
		assert.Equal(t, data, got, name)
	}
	require.NoError(t, gzipGo(from, filepath.Join(dir, "go.gz")))
	check("go.gz")
	if path, err := exec.LookPath("gzip"); err == nil {
		require.NoError(t, gzipCommand(context.Background(), path, from, filepath.Join(dir, "cmd.gz")))
		check("cmd.gz")
	}
	assert.Error(t, gzipCommand(context.Background(), "gzip", filepath.Join(dir, "missing"), filepath.Join(dir, "x.gz")))
}
