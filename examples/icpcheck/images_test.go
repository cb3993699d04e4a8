package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/testimage"
)

// shippedImages are the document images under testdata/documents, drawn
// by package testimage (no photo of a real document): each file must equal
// a fresh drawing; -update rewrites them.
var shippedImages = map[string]func() []byte{
	// a licence scan blurred past reading: DOCUMENT_UNCLEAR (sharpness)
	"blurred_licence.jpg": func() []byte {
		return testimage.JPEG(testimage.Tint(testimage.Blur(testimage.Document(800, 600, 11), 3)), 75)
	},
	// the same licence, sharp
	"licence.jpg": func() []byte {
		return testimage.JPEG(testimage.Tint(testimage.Document(800, 600, 11)), 75)
	},
	// the first half of the sharp licence: a truncated upload
	"truncated_licence.jpg": func() []byte {
		b := testimage.JPEG(testimage.Tint(testimage.Document(800, 600, 11)), 75)
		return b[:len(b)/2]
	},
}

func TestShippedImagesCurrent(t *testing.T) {
	for name, draw := range shippedImages {
		path := filepath.Join("testdata", "documents", name)
		want := draw()
		if *update {
			require.NoError(t, os.WriteFile(path, want, 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./examples/icpcheck -update to create it")
		require.True(t, bytes.Equal(got, want), "%s differs from its drawing: run go test ./examples/icpcheck -update", path)
	}
}
