//go:build beian_noimage

package validate_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/validate"
)

// TestNoDecodersSkips: in a build without image decoders (the
// WebAssembly checks' build), a document file that would have to be
// decoded is not judged: its check is skipped, saying why, and no
// rejection is made of it; a file that is not an image is still one.
func TestNoDecodersSkips(t *testing.T) {
	page := testimage.Document(800, 600, 2)
	fsys := fstest.MapFS{
		"blurred.png": {Data: testimage.PNG(testimage.Blur(page, 5))},
		"text.png":    {Data: []byte("not an image")},
	}
	v := validate.New(validate.WithDocuments(fsys))
	fields, skipped := unclearAndSkipped(v.Validate(context.Background(), docFiling(t, "blurred.png")))
	assert.Empty(t, fields)
	assert.True(t, skipped)
	fields, _ = unclearAndSkipped(v.Validate(context.Background(), docFiling(t, "text.png")))
	assert.Equal(t, []string{"documents[0].path"}, fields)
}
