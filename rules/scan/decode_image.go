//go:build !beian_noimage

package scan

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
)

// Decodes reports whether this build decodes images: true unless it was
// built with the tag beian_noimage (see [ErrNoDecoders]).
const Decodes = true

// decodeConfig reads the header of a JPEG or PNG image.
func decodeConfig(f Format, data []byte) (image.Config, error) {
	if f == FormatJPEG {
		return jpeg.DecodeConfig(bytes.NewReader(data))
	}
	return png.DecodeConfig(bytes.NewReader(data))
}

// decode decodes a JPEG or PNG image.
func decode(f Format, data []byte) (image.Image, error) {
	if f == FormatJPEG {
		return jpeg.Decode(bytes.NewReader(data))
	}
	return png.Decode(bytes.NewReader(data))
}
