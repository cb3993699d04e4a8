// Package scan reads an uploaded document image (a certificate scan, a
// photo) and tells whether a filing reviewer could read it: the format
// from the file's content, the pixel size from its header, the file size,
// and a sharpness measure, each against the limits the providers' filing
// documents give.
//
// Reading is bounded: [Inspect] looks at the header first and refuses an
// image whose declared pixels exceed [Limits].MaxPixels before decoding
// it, so a decompression bomb costs microseconds; [InspectReader] reads no
// more than the size limit allows. Decoding is bounded by memory and work,
// not pixels alone: a header pass reads the JPEG frame type, components
// and sampling and every scan header, or the PNG bit depth, colour type,
// transparency and interlacing, and estimates what the standard library's
// decoder will allocate and how many blocks it will decode; an image past
// [Limits].MaxMemory (64 MiB by default, the bytes read included) or
// [Limits].MaxWork is a [KindMemory] or [KindWork] problem and is not
// decoded. A [Gate] bounds how many decodes run at once. A truncated or
// corrupt file is a [Problem] of kind [KindUnreadable], never a panic.
//
// The standard library decodes whole images only, so the sharpness of a
// large image is measured on the full decode, downscaled; neither JPEG's
// DCT scaling nor PNG's interlace passes are used for a reduced decode.
//
// The limits are data (data/limits.csv, with the source of each one; see
// [LimitsFor] and [LimitsVersion]); callers may change any of them.
//
// Sharpness is the variance of the Laplacian of the image's grey levels,
// taken after box-downscaling the image to at most [WorkSize] pixels on
// its long side: a sharp page of text has strong second differences, a
// blurred one has weak ones. The threshold of the default limits was
// chosen on generated pages (text-like strokes, frames, table grids) and
// their Gaussian-blurred versions, sharp and blurred versions of the same
// page; see the package tests.
package scan

//go:generate go run gen.go
