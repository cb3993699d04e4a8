//go:build beian_noimage

package scan

import "image"

// Decodes reports whether this build decodes images: false, since it was
// built with the tag beian_noimage (see [ErrNoDecoders]).
const Decodes = false

func decodeConfig(Format, []byte) (image.Config, error) { return image.Config{}, ErrNoDecoders }

func decode(Format, []byte) (image.Image, error) { return nil, ErrNoDecoders }
