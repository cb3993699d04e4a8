//go:build beian_noimage

package scan_test

import (
	"bytes"
	"context"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/rules/scan"
)

// Built with -tags beian_noimage (.ci/run runs this): JPEG and PNG images
// are not judged without their pixels, everything else is as in the
// default build.
func TestNoDecoders(t *testing.T) {
	require.False(t, scan.Decodes)
	l, ok := scan.LimitsFor(scan.DefaultProfile, "subject_cert")
	require.True(t, ok)
	var pngBytes bytes.Buffer
	require.NoError(t, png.Encode(&pngBytes, testimage.Document(800, 600, 1)))
	gate := scan.NewGate(1)
	for name, data := range map[string][]byte{
		"jpeg": testimage.JPEG(testimage.Document(800, 600, 1), 90),
		"png":  pngBytes.Bytes(),
	} {
		res, err := gate.Inspect(context.Background(), data, l)
		assert.ErrorIs(t, err, scan.ErrNoDecoders, name)
		assert.Equal(t, scan.Format(name), res.Info.Format, name)
		_, err = gate.InspectReader(context.Background(), bytes.NewReader(data), l)
		assert.ErrorIs(t, err, scan.ErrNoDecoders, name)
		// The functions without an error: a problem that is not certain.
		for _, res := range []scan.Result{scan.Inspect(data, l), scan.InspectReader(bytes.NewReader(data), l)} {
			require.Len(t, res.Problems, 1, name)
			p := res.Problems[0]
			assert.Equal(t, scan.KindUnreadable, p.Kind, name)
			assert.False(t, p.Certain, name)
			assert.ErrorIs(t, p.Err, scan.ErrNoDecoders, name)
		}
	}
	// Not an image, or a format that is not decoded: the same problems
	// as in the default build, and no error.
	res := scan.Inspect([]byte("%PDF-1.7\n"), l)
	assert.True(t, res.Has(scan.KindFormat))
	res = scan.Inspect([]byte("hello"), l)
	assert.True(t, res.Has(scan.KindUnreadable))
}
