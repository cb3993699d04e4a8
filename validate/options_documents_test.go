package validate_test

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/scan"
	"github.com/icpcheck/beian/validate"
)

// uploads makes an upload folder with a sharp and a blurred scan, a
// secret outside it, and a symbolic link inside pointing at the secret.
func uploads(t *testing.T) (root, secret string) {
	t.Helper()
	base := t.TempDir()
	root = filepath.Join(base, "uploads")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "2026"), 0o755))
	page := testimage.Document(1000, 750, 3)
	require.NoError(t, os.WriteFile(filepath.Join(root, "2026", "licence.jpg"), testimage.JPEG(testimage.Tint(page), 80), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "blurred.jpg"), testimage.JPEG(testimage.Tint(testimage.Blur(page, 4)), 80), 0o644))
	// the secret is itself a blurred image: were it read, the report would show DOCUMENT_UNCLEAR
	secret = filepath.Join(base, "secret.jpg")
	require.NoError(t, os.WriteFile(secret, testimage.JPEG(testimage.Blur(page, 6), 80), 0o644))
	if err := os.Symlink(secret, filepath.Join(root, "link.jpg")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	require.NoError(t, os.Symlink("../secret.jpg", filepath.Join(root, "rel-link.jpg")))
	return root, secret
}

func docFiling(t *testing.T, path string) *beian.Filing {
	f := load(t, "clean_enterprise.json")
	f.Documents = slices.Clone(f.Documents)
	f.Documents[0].Path = path
	f.Documents[0].SizeBytes, f.Documents[0].Width, f.Documents[0].Height = 0, 0, 0
	return f
}

// unclearAndSkipped returns the DOCUMENT_UNCLEAR fields and whether
// DOCUMENT_UNCLEAR was listed as skipped.
func unclearAndSkipped(rep *validate.Report) ([]string, bool) {
	var fields []string
	for _, r := range rep.Rejections {
		if r.Code == rules.CodeDocumentUnclear {
			fields = append(fields, string(r.Field))
		}
	}
	return fields, slices.ContainsFunc(rep.Skipped, func(s rules.Skip) bool { return s.Code == rules.CodeDocumentUnclear })
}

func TestDocumentsOutsideRootNeverRead(t *testing.T) {
	needDecoders(t)
	root, secret := uploads(t)
	osRoot, err := os.OpenRoot(root)
	require.NoError(t, err)
	defer osRoot.Close()
	opened := &recordingFS{fsys: osRoot.FS()}
	validators := map[string]*validate.Validator{
		"WithDocumentDir": validate.New(validate.WithDocumentDir(root)),
		"WithDocuments":   validate.New(validate.WithDocuments(opened)),
	}
	hostile := []string{
		"../secret.jpg",
		"2026/../../secret.jpg",
		secret, // absolute
		"/etc/passwd",
		"link.jpg",     // symbolic link to an absolute path outside
		"rel-link.jpg", // symbolic link to ../secret.jpg
		`..\secret.jpg`,
		`C:\Windows\win.ini`,
		"",
	}
	for name, v := range validators {
		for _, p := range hostile {
			if p == "" {
				continue
			}
			fields, skipped := unclearAndSkipped(v.Validate(context.Background(), docFiling(t, p)))
			assert.Empty(t, fields, "%s %q: the file outside the root was read", name, p)
			assert.True(t, skipped, "%s %q: not listed as skipped", name, p)
		}
		// inside the root: read
		fields, skipped := unclearAndSkipped(v.Validate(context.Background(), docFiling(t, "blurred.jpg")))
		assert.Equal(t, []string{"documents[0].path"}, fields, name)
		assert.False(t, skipped, name)
		fields, skipped = unclearAndSkipped(v.Validate(context.Background(), docFiling(t, "./2026/licence.jpg")))
		assert.Empty(t, fields, name)
		assert.False(t, skipped, name)
		// missing or a directory: skipped
		for _, p := range []string{"nope.jpg", "2026"} {
			_, skipped = unclearAndSkipped(v.Validate(context.Background(), docFiling(t, p)))
			assert.True(t, skipped, "%s %q", name, p)
		}
	}
	// WithDocuments never asked the FS for a path with "..", an absolute path or a backslash
	for _, p := range opened.names() {
		assert.True(t, fs.ValidPath(p), "asked %q", p)
	}
}

func TestDocumentSourceFunc(t *testing.T) {
	needDecoders(t)
	page := testimage.Document(800, 600, 2)
	fsys := fstest.MapFS{"a/scan.png": {Data: testimage.PNG(testimage.Blur(page, 5))}}
	var got []string
	v := validate.New(validate.WithDocumentSource(func(ctx context.Context, path string) (io.ReadCloser, error) {
		got = append(got, path)
		return fsys.Open(path)
	}))
	fields, _ := unclearAndSkipped(v.Validate(context.Background(), docFiling(t, "a/scan.png")))
	assert.Equal(t, []string{"documents[0].path"}, fields)
	assert.Equal(t, []string{"a/scan.png"}, got)

	// without a source nothing is read and the byte checks are skipped
	fields, skipped := unclearAndSkipped(validate.New().Validate(context.Background(), docFiling(t, "a/scan.png")))
	assert.Empty(t, fields)
	assert.True(t, skipped)
}

// needDecoders skips a test of what decoding a document image finds in a
// build without the image decoders (the tag beian_noimage: see
// TestNoDecodersSkips).
func needDecoders(t *testing.T) {
	t.Helper()
	if !scan.Decodes {
		t.Skip("built with beian_noimage: document images are not decoded (TestNoDecodersSkips)")
	}
}

// recordingFS records the names it is asked to open.
type recordingFS struct {
	fsys fs.FS
	mu   sync.Mutex
	seen []string
}

func (r *recordingFS) Open(name string) (fs.File, error) {
	r.mu.Lock()
	r.seen = append(r.seen, name)
	r.mu.Unlock()
	return r.fsys.Open(name)
}

func (r *recordingFS) names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.seen)
}

// FuzzDocumentPath: whatever path a filing gives, WithDocuments asks its
// FS only for valid, rooted-relative names without "..", and never
// panics.
func FuzzDocumentPath(f *testing.F) {
	for _, s := range []string{"a.jpg", "./a/b.png", "../x", "/etc/passwd", `a\..\b`, "a/../../b", "C:x", "a//b", ".", "..", "\x00", "a/./b"} {
		f.Add(s)
	}
	fsys := &recordingFS{fsys: fstest.MapFS{"a.jpg": {Data: []byte("not an image")}}}
	v := validate.New(validate.WithDocuments(fsys))
	base := load(f, "clean_enterprise.json")
	f.Fuzz(func(t *testing.T, p string) {
		doc := base.Clone()
		doc.Documents[0].Path = p
		v.Validate(context.Background(), doc)
		defer fsys.reset()
		for _, name := range fsys.names() {
			if !fs.ValidPath(name) || strings.Contains(name, `\`) {
				t.Fatalf("path %q opened as %q", p, name)
			}
			for _, el := range strings.Split(name, "/") {
				if el == ".." {
					t.Fatalf("path %q opened as %q", p, name)
				}
			}
		}
	})
}

func (r *recordingFS) reset() {
	r.mu.Lock()
	r.seen = nil
	r.mu.Unlock()
}

func TestWithDocumentProfile(t *testing.T) {
	f := load(t, "clean_enterprise.json") // documents of 120 KB to 900 KB, one PNG
	rep := validate.New().Validate(context.Background(), f)
	assert.True(t, rep.OK())
	fields, _ := unclearAndSkipped(validate.New(validate.WithDocumentProfile("miit_legacy")).Validate(context.Background(), f))
	assert.NotEmpty(t, fields, "the legacy 100 KB limit and JPG only")
	for _, fd := range fields {
		assert.Regexp(t, `^documents\[\d\]\.(size_bytes|format)$`, fd)
	}
	rep = validate.New(validate.WithDocumentProfile("nope")).Validate(context.Background(), f)
	require.Len(t, rep.Rejections, 1)
	assert.Equal(t, rules.CodeCheckUnavailable, rep.Rejections[0].Code)
}
