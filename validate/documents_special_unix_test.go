//go:build unix

package validate_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// TestSpecialFilesDoNotBlock is issue 19's FIFO in the document root,
// which made os.OpenInRoot wait for a writer forever, with its kin: a
// FIFO, a symbolic link to it inside the root, a Unix socket and a
// directory. Each is refused without being opened (listed as skipped,
// nothing reported) well before the validator's timeout, through
// WithDocumentDir and through WithDocuments on an os.Root's FS; a regular
// file next to them is read.
func TestSpecialFilesDoNotBlock(t *testing.T) {
	needDecoders(t)
	dir := t.TempDir()
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "fifo.jpg"), 0o644))
	require.NoError(t, os.Symlink("fifo.jpg", filepath.Join(dir, "to-fifo.jpg")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "dir.jpg"), 0o755))
	// socket paths are short on some systems: bind in a short directory, then move
	sockDir, err := os.MkdirTemp("", "s")
	require.NoError(t, err)
	defer os.RemoveAll(sockDir)
	l, err := net.Listen("unix", filepath.Join(sockDir, "s"))
	require.NoError(t, err)
	defer l.Close()
	require.NoError(t, os.Rename(filepath.Join(sockDir, "s"), filepath.Join(dir, "socket.jpg")))
	page := testimage.Document(1000, 750, 3)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "blurred.jpg"), testimage.JPEG(testimage.Tint(testimage.Blur(page, 4)), 80), 0o644))

	root, err := os.OpenRoot(dir)
	require.NoError(t, err)
	defer root.Close()
	validators := map[string]*validate.Validator{
		"WithDocumentDir": validate.New(validate.WithDocumentDir(dir), validate.WithTimeout(20*time.Second)),
		"WithDocuments":   validate.New(validate.WithDocuments(root.FS()), validate.WithTimeout(20*time.Second)),
	}
	for name, v := range validators {
		for _, p := range []string{"fifo.jpg", "to-fifo.jpg", "socket.jpg", "dir.jpg"} {
			done := make(chan *validate.Report, 1)
			start := time.Now()
			go func() { done <- v.Validate(context.Background(), docFiling(t, p)) }()
			select {
			case rep := <-done:
				fields, skipped := unclearAndSkipped(rep)
				assert.Empty(t, fields, "%s %s", name, p)
				assert.True(t, skipped, "%s %s: not listed as skipped", name, p)
				assert.False(t, hasCode(rep, rules.CodeCheckUnavailable), "%s %s: refused only at the deadline", name, p)
				assert.Less(t, time.Since(start), 10*time.Second, "%s %s", name, p)
			case <-time.After(30 * time.Second):
				t.Fatalf("%s %s: Validate blocked", name, p)
			}
		}
		fields, skipped := unclearAndSkipped(v.Validate(context.Background(), docFiling(t, "blurred.jpg")))
		assert.Equal(t, []string{"documents[0].path"}, fields, name)
		assert.False(t, skipped, name)
	}
}

func hasCode(rep *validate.Report, c rules.Code) bool {
	for _, r := range rep.Rejections {
		if r.Code == c {
			return true
		}
	}
	return false
}
