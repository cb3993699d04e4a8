package validate_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// TestHostileDocumentsBounded is issue 19's filing of six hostile
// documents (a 150-byte progressive JPEG declaring 5000×5000, which
// allocated 376 MB; a 72-byte 16-bit RGBA PNG declaring 5000×5000, 200
// MB; and their kin): each is a DOCUMENT_UNCLEAR warning on its path,
// refused from its header, and the whole validation allocates a few
// megabytes.
func TestHostileDocumentsBounded(t *testing.T) {
	needDecoders(t)
	dir := t.TempDir()
	files := [][]byte{
		testimage.JPEGHeader(5000, 5000, 3, true),
		testimage.PNGHeader(5000, 5000, 16, 6),
		testimage.JPEGHeader(5000, 5000, 3, false),
		testimage.JPEGHeader(4000, 4000, 4, true),
		testimage.PNGHeader(5000, 5000, 8, 6),
		testimage.PNGHeader(5000, 5000, 16, 2),
	}
	f := load(t, "clean_enterprise.json")
	f.Documents = slices.Clone(f.Documents)
	require.Len(t, f.Documents, len(files))
	for i, data := range files {
		name := fmt.Sprintf("doc%d", i)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
		f.Documents[i].Path = name
		f.Documents[i].SizeBytes, f.Documents[i].Width, f.Documents[i].Height = 0, 0, 0
	}
	v := validate.New(validate.WithDocumentDir(dir))
	v.Validate(context.Background(), f) // warm the tables
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rep := v.Validate(context.Background(), f)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("six hostile documents: %.2f MiB allocated", float64(alloc)/(1<<20))
	if alloc > 8<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
	var fields []string
	for _, r := range rep.Rejections {
		if r.Code == rules.CodeDocumentUnclear {
			require.Equal(t, rules.Warning, r.Severity, r.Field)
			fields = append(fields, string(r.Field))
		}
	}
	for i := range files {
		require.Contains(t, fields, fmt.Sprintf("documents[%d].path", i))
	}
}
