package validate_test

import (
	"bytes"
	"context"
	"io"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// blockingReader blocks in Read until released, ignoring every context.
type blockingReader struct{ release chan struct{} }

func (b blockingReader) Read(p []byte) (int, error) { <-b.release; return 0, io.EOF }
func (b blockingReader) Close() error               { return nil }

// TestBlockingDocumentSource: a custom DocumentSource that ignores its
// context and blocks, in the opening or in a read, makes the documents
// check CHECK_UNAVAILABLE at the validator's timeout; the source is asked
// once, not once per document, so a filing of six documents still takes
// one timeout.
func TestBlockingDocumentSource(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	sources := map[string]func(ctx context.Context, path string) (io.ReadCloser, error){
		"open blocks": func(ctx context.Context, path string) (io.ReadCloser, error) {
			<-release
			return nil, io.EOF
		},
		"read blocks": func(ctx context.Context, path string) (io.ReadCloser, error) {
			return blockingReader{release}, nil
		},
		"read blocks after data": func(ctx context.Context, path string) (io.ReadCloser, error) {
			data := testimage.JPEG(testimage.Document(600, 400, 1), 80)
			return struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(data[:100]), blockingReader{release}), io.NopCloser(nil)}, nil
		},
	}
	const timeout = 200 * time.Millisecond
	for name, open := range sources {
		var calls atomic.Int32
		v := validate.New(validate.WithTimeout(timeout), validate.WithDocumentSource(func(ctx context.Context, path string) (io.ReadCloser, error) {
			calls.Add(1)
			return open(ctx, path)
		}))
		f := load(t, "clean_enterprise.json")
		f.Documents = slices.Clone(f.Documents)
		for i := range f.Documents {
			f.Documents[i].Path = "doc.jpg"
		}
		start := time.Now()
		rep := v.Validate(context.Background(), f)
		took := time.Since(start)
		var unavailable []string
		for _, r := range rep.Rejections {
			if r.Code == rules.CodeCheckUnavailable {
				require.Equal(t, rules.Warning, r.Severity)
				for _, a := range r.Args {
					if a.Name == "check" {
						unavailable = append(unavailable, a.Value.EN)
					}
				}
			}
		}
		assert.Equal(t, []string{"documents"}, unavailable, name)
		assert.EqualValues(t, 1, calls.Load(), "%s: the source was asked again after its deadline", name)
		assert.Less(t, took, 20*timeout, name)
		t.Logf("%s: %v", name, took)
	}
}
