package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/icpcheck/beian"
)

// ErrNoDecoders is the error [Inspect], [InspectReader] and the [Gate]'s
// methods return for a JPEG or PNG image in a build made with the tag
// beian_noimage, which leaves out image/jpeg, image/png and what they
// import (compress/flate, hash/crc32 …; 0.2 MB of WebAssembly, and their
// package initialisation): a program that never reads document files,
// such as the WebAssembly checks of a web page, need not carry them. The
// documents rule then skips the file's check, saying why, rather than
// judge it without its pixels. [Decodes] tells which build this is.
var ErrNoDecoders = errors.New("scan: this build does not decode images (built with the tag beian_noimage)")

// A Format is an image file format, named as the filing wire format names
// it ("jpeg", "png").
type Format string

// The formats [Sniff] recognises. Only JPEG and PNG are decoded; the others
// are recognised so that a problem can name what was uploaded.
const (
	FormatUnknown Format = ""
	FormatJPEG    Format = "jpeg"
	FormatPNG     Format = "png"
	FormatGIF     Format = "gif"
	FormatBMP     Format = "bmp"
	FormatWebP    Format = "webp"
	FormatTIFF    Format = "tiff"
	FormatHEIC    Format = "heic"
	FormatPDF     Format = "pdf"
)

// Sniff returns the format of an image file from its first bytes, and
// FormatUnknown when they match none of the formats declared here.
func Sniff(b []byte) Format {
	switch {
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return FormatJPEG
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return FormatGIF
	case bytes.HasPrefix(b, []byte("BM")) && len(b) >= 14:
		return FormatBMP
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return FormatWebP
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return FormatTIFF
	case len(b) >= 12 && string(b[4:8]) == "ftyp" && (string(b[8:12]) == "heic" || string(b[8:12]) == "heix" || string(b[8:12]) == "mif1"):
		return FormatHEIC
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return FormatPDF
	}
	return FormatUnknown
}

// ParseFormat returns the format a caller's declared name means: "jpeg",
// "jpg", "image/jpeg", "png", "image/png" … in any case, and false when
// the name is none of the declared formats.
func ParseFormat(s string) (Format, bool) {
	switch lower(s) {
	case "jpeg", "jpg", "jpe", "jfif", "image/jpeg", "image/jpg", ".jpg", ".jpeg":
		return FormatJPEG, true
	case "png", "image/png", ".png":
		return FormatPNG, true
	case "gif", "image/gif", ".gif":
		return FormatGIF, true
	case "bmp", "image/bmp", ".bmp":
		return FormatBMP, true
	case "webp", "image/webp", ".webp":
		return FormatWebP, true
	case "tif", "tiff", "image/tiff", ".tif", ".tiff":
		return FormatTIFF, true
	case "heic", "heif", "image/heic", "image/heif", ".heic":
		return FormatHEIC, true
	case "pdf", "application/pdf", ".pdf":
		return FormatPDF, true
	}
	return FormatUnknown, false
}

func lower(s string) string {
	if len(s) > 32 {
		return ""
	}
	if strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' }) < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// A Kind names the limit a [Problem] breaks.
type Kind string

// The kinds of problem.
const (
	// KindUnreadable: the file is truncated or corrupt, or its content is
	// no image format at all.
	KindUnreadable Kind = "unreadable"
	// KindFormat: the format is not one the limits allow.
	KindFormat Kind = "format"
	// KindFileSize: the file is larger than MaxBytes.
	KindFileSize Kind = "file_size"
	// KindShortSide: the shorter side has fewer pixels than MinShortSide.
	KindShortSide Kind = "short_side"
	// KindLongSide: the longer side has fewer pixels than MinLongSide.
	KindLongSide Kind = "long_side"
	// KindPixels: the header declares more pixels than MaxPixels; the
	// image was not decoded, so its sharpness is unknown.
	KindPixels Kind = "pixels"
	// KindSharpness: the image is blurrier than MinSharpness allows.
	KindSharpness Kind = "sharpness"
	// KindMemory: decoding the image would allocate more than MaxMemory
	// leaves after reading it (Got and Want in bytes); the image was not
	// decoded. Frame names what makes it costly.
	KindMemory Kind = "memory"
	// KindWork: decoding the image would take more work than MaxWork (Got
	// and Want in block decodes): a progressive JPEG of many scans. The
	// image was not decoded.
	KindWork Kind = "work"
)

// A Problem is one limit an image breaks, and by how much.
type Problem struct {
	// Kind is the limit broken.
	Kind Kind
	// Got is the image's value (bytes, pixels, sharpness); Want the limit
	// (a maximum for KindFileSize and KindPixels, a minimum otherwise).
	// Both are zero for KindUnreadable and KindFormat.
	Got, Want float64
	// AtLeast is set when Got is a lower bound: InspectReader stopped
	// reading at the size limit.
	AtLeast bool
	// Format is the image's format, for KindFormat.
	Format Format
	// Frame names the coding of the image, for KindMemory and KindWork:
	// "baseline", "progressive" (JPEG) or "8-bit", "16-bit" (PNG).
	Frame string
	// Allowed are the formats the limits allow, for KindFormat.
	Allowed []Format
	// Err is the decoder's error, for KindUnreadable.
	Err error
	// Certain is the certainty of the limit's source; a rule reports a
	// breach of an uncertain limit as a warning.
	Certain bool
	// Source says where the limit comes from.
	Source string
}

// Excess returns by how much the image misses the limit, as a fraction of
// the limit: 0.25 for a 5 MB file against a 4 MB limit, 0.5 for a
// sharpness of 30 against a minimum of 60. It is 0 for problems without a
// measure.
func (p Problem) Excess() float64 {
	if p.Want == 0 {
		return 0
	}
	switch p.Kind {
	case KindFileSize, KindPixels, KindMemory, KindWork:
		return (p.Got - p.Want) / p.Want
	case KindShortSide, KindLongSide, KindSharpness:
		return (p.Want - p.Got) / p.Want
	}
	return 0
}

// String describes the problem in English, for logs and tests.
func (p Problem) String() string {
	at := ""
	if p.AtLeast {
		at = "at least "
	}
	switch p.Kind {
	case KindUnreadable:
		if p.Err != nil {
			return "unreadable: " + p.Err.Error()
		}
		return "unreadable"
	case KindFormat:
		f := string(p.Format)
		if f == "" {
			f = "unknown"
		}
		return fmt.Sprintf("format %s not in %v", f, p.Allowed)
	case KindFileSize:
		return fmt.Sprintf("file size %s%.0f bytes over the %.0f limit", at, p.Got, p.Want)
	case KindPixels:
		return fmt.Sprintf("%.0f pixels over the %.0f decoding limit", p.Got, p.Want)
	case KindMemory:
		return fmt.Sprintf("decoding the %s image would take %.0f bytes, over the %.0f left", p.Frame, p.Got, p.Want)
	case KindWork:
		return fmt.Sprintf("decoding the %s image would take %.0f block decodes, over the %.0f limit", p.Frame, p.Got, p.Want)
	case KindShortSide, KindLongSide, KindSharpness:
		return fmt.Sprintf("%s %s under the %s minimum", p.Kind, strconv.FormatFloat(p.Got, 'f', -1, 64), strconv.FormatFloat(p.Want, 'f', -1, 64))
	}
	return string(p.Kind)
}

// Info is what is known of an image: declared by the caller, or read by
// [Inspect]. A zero field is unknown and its limit is not checked.
type Info struct {
	// Format is the file format.
	Format Format
	// Width and Height are the pixel size.
	Width, Height int
	// Size is the file size in bytes.
	Size int64
	// Sharpness is the measure [Sharpness] returns; meaningful only when
	// Measured is set.
	Sharpness float64
	// Measured tells whether Sharpness was measured.
	Measured bool
}

// A Result is what [Inspect] found: the image's info and every limit it
// breaks, in the order the checks ran (size, format, pixels, sharpness).
type Result struct {
	Info     Info
	Problems []Problem
}

// OK reports whether the image breaks no limit.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Has reports whether the result has a problem of kind k.
func (r Result) Has(k Kind) bool {
	return slices.ContainsFunc(r.Problems, func(p Problem) bool { return p.Kind == k })
}

// Check returns the limits the declared info breaks, skipping the ones
// whose value is zero (unknown). It reads no file.
func (l Limits) Check(info Info) []Problem {
	var ps []Problem
	if info.Size > 0 && l.MaxBytes.Value > 0 && float64(info.Size) > l.MaxBytes.Value {
		ps = append(ps, l.MaxBytes.problem(KindFileSize, float64(info.Size)))
	}
	if info.Format != FormatUnknown && len(l.Formats.Allowed) > 0 && !slices.Contains(l.Formats.Allowed, info.Format) {
		ps = append(ps, Problem{Kind: KindFormat, Format: info.Format, Allowed: slices.Clone(l.Formats.Allowed), Certain: l.Formats.Certain, Source: l.Formats.Source})
	}
	if info.Width > 0 && info.Height > 0 {
		short, long := min(info.Width, info.Height), max(info.Width, info.Height)
		if l.MinShortSide.Value > 0 && float64(short) < l.MinShortSide.Value {
			ps = append(ps, l.MinShortSide.problem(KindShortSide, float64(short)))
		}
		if l.MinLongSide.Value > 0 && float64(long) < l.MinLongSide.Value {
			ps = append(ps, l.MinLongSide.problem(KindLongSide, float64(long)))
		}
	}
	if info.Measured && l.MinSharpness.Value > 0 && info.Sharpness < l.MinSharpness.Value {
		ps = append(ps, l.MinSharpness.problem(KindSharpness, info.Sharpness))
	}
	return ps
}

func (f Limit) problem(k Kind, got float64) Problem {
	return Problem{Kind: k, Got: got, Want: f.Value, Certain: f.Certain, Source: f.Source}
}

// errNotImage is the Err of a KindUnreadable problem for content that is
// no image format.
var errNotImage = errors.New("content is not an image")

// Inspect reads the image in data and checks it against l: file size,
// format from the content, pixel size from the header, then, when what
// decoding would take is within l's bounds (see [Limits].MaxPixels,
// [Limits].MaxMemory and [Limits].MaxWork), decodes it and measures its
// sharpness. It never panics; a truncated or corrupt file gives a
// KindUnreadable problem. data is not modified or retained, and not
// counted against l.MaxMemory. In a build without decoders (see
// [ErrNoDecoders]) a JPEG or PNG image gets a KindUnreadable problem that
// is not certain, whose Err is ErrNoDecoders.
func Inspect(data []byte, l Limits) Result {
	return noDecoders(inspect(context.Background(), nil, data, 0, l))
}

// noDecoders turns ErrNoDecoders into a problem, for the functions that
// return no error.
func noDecoders(res Result, err error) Result {
	if errors.Is(err, ErrNoDecoders) {
		res.Problems = append(res.Problems, Problem{Kind: KindUnreadable, Err: err, Certain: false, Source: "build tag beian_noimage"})
	}
	return res
}

// InspectReader is [Inspect] on the bytes of r. It reads at most one byte
// more than l.MaxBytes (ReadCap bytes when l has no size limit): a longer
// file gives a KindFileSize problem with AtLeast set, and is not decoded.
// The memory the bytes take counts against l.MaxMemory.
func InspectReader(r io.Reader, l Limits) Result {
	return noDecoders(inspectReader(context.Background(), nil, r, l))
}

func inspectReader(ctx context.Context, g *Gate, r io.Reader, l Limits) (Result, error) {
	limit := int64(ReadCap)
	if l.MaxBytes.Value > 0 && l.MaxBytes.Value < float64(ReadCap) {
		limit = int64(l.MaxBytes.Value)
	}
	data, spent, err := readBounded(r, limit+1)
	if err != nil {
		return Result{Problems: []Problem{{Kind: KindUnreadable, Err: err, Certain: true}}}, nil
	}
	if int64(len(data)) > limit {
		res := Result{Info: Info{Format: Sniff(data), Size: int64(len(data))}}
		p := Problem{Kind: KindFileSize, Got: float64(len(data)), Want: float64(limit), AtLeast: true, Certain: true, Source: "read limit"}
		if l.MaxBytes.Value > 0 {
			p.Want, p.Certain, p.Source = l.MaxBytes.Value, l.MaxBytes.Certain, l.MaxBytes.Source
		}
		res.Problems = append(res.Problems, p)
		return res, nil
	}
	return inspect(ctx, g, data, spent, l)
}

// readBounded reads r up to n bytes into a buffer that doubles from 64 KiB
// as it fills, and returns the bytes read and the bytes allocated.
func readBounded(r io.Reader, n int64) (data []byte, spent int64, err error) {
	buf := make([]byte, 0, min(n, 64<<10))
	spent = int64(cap(buf))
	for int64(len(buf)) < n {
		if len(buf) == cap(buf) {
			bigger := make([]byte, len(buf), min(2*int64(cap(buf)), n))
			copy(bigger, buf)
			buf = bigger
			spent += int64(cap(buf))
		}
		k, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, spent, err
		}
	}
	return buf, spent, nil
}

// ReadCap is the most [InspectReader] reads when the limits set no file
// size: 16 MiB, four times the largest provider limit, so that reading
// takes at most half of [DefaultMaxMemory].
const ReadCap = 16 << 20

// DefaultMaxPixels bounds decoding when [Limits].MaxPixels is zero: 25
// million pixels (a 6000×4000 photo).
const DefaultMaxPixels = 25_000_000

// DefaultMaxMemory bounds what one inspection allocates when
// [Limits].MaxMemory is zero: 64 MiB for the bytes read and the decode
// together. What decoding takes is estimated from the header pass (format,
// frame type, components and sampling for JPEG, bit depth, colour type,
// transparency and interlacing for PNG) before anything is decoded, so the
// pixels it admits depend on the image: about 25 million for a baseline
// 4:2:0 JPEG (1.5 bytes a pixel, capped by DefaultMaxPixels), 7 million for
// a progressive one (7.5 bytes a pixel: every DCT coefficient is kept),
// 15 million for an 8-bit RGBA PNG and 7 million for a 16-bit one.
const DefaultMaxMemory = 64 << 20

// DefaultMaxWork bounds the decoder's work when [Limits].MaxWork is zero:
// 1.5 million block decodes, about 0.5 s of one core of the machine the
// figures of BENCHMARKS.md come from (a baseline 4:2:0 JPEG of 24 million
// pixels is 560,000 block decodes; a progressive JPEG of ten scans takes
// ten per block).
const DefaultMaxWork = 1_500_000

func inspect(ctx context.Context, g *Gate, data []byte, spent int64, l Limits) (Result, error) {
	var res Result
	res.Info.Size = int64(len(data))
	res.Info.Format = Sniff(data)
	info := res.Info
	res.Problems = l.Check(info)
	switch res.Info.Format {
	case FormatJPEG, FormatPNG:
	case FormatUnknown:
		res.Problems = append(res.Problems, Problem{Kind: KindUnreadable, Err: errNotImage, Certain: true})
		return res, nil
	default: // recognised, not decoded; Check reported it unless the limits allow it
		return res, nil
	}
	if !Decodes {
		return res, ErrNoDecoders
	}
	cfg, err := decodeConfig(res.Info.Format, data)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Kind: KindUnreadable, Err: err, Certain: true})
		return res, nil
	}
	res.Info.Width, res.Info.Height = cfg.Width, cfg.Height
	if cfg.Width <= 0 || cfg.Height <= 0 {
		res.Problems = append(res.Problems, Problem{Kind: KindUnreadable, Err: errors.New("image has no pixels"), Certain: true})
		return res, nil
	}
	res.Problems = append(res.Problems, l.Check(Info{Width: cfg.Width, Height: cfg.Height})...)
	maxPix := l.MaxPixels
	if maxPix <= 0 {
		maxPix = DefaultMaxPixels
	}
	if pix := int64(cfg.Width) * int64(cfg.Height); pix > maxPix {
		res.Problems = append(res.Problems, Problem{Kind: KindPixels, Got: float64(pix), Want: float64(maxPix), Certain: false, Source: "decoding limit of package scan"})
		return res, nil
	}
	var cost decodeCost
	if res.Info.Format == FormatJPEG {
		cost, err = jpegCost(data)
	} else {
		cost, err = pngCost(data)
	}
	if err != nil {
		res.Problems = append(res.Problems, Problem{Kind: KindUnreadable, Err: err, Certain: true})
		return res, nil
	}
	budget := l.MaxMemory
	if budget <= 0 {
		budget = DefaultMaxMemory
	}
	// What the decode may take: the budget less the bytes read, the
	// decoder's fixed overhead and the sharpness measure's grey row.
	room := budget - spent - decoderOverhead - int64(cfg.Width)
	if cost.mem > room {
		res.Problems = append(res.Problems, Problem{Kind: KindMemory, Got: float64(cost.mem), Want: float64(max(room, 0)), Frame: cost.frame(), Certain: false, Source: "decoding limit of package scan"})
		return res, nil
	}
	maxWork := l.MaxWork
	if maxWork <= 0 {
		maxWork = DefaultMaxWork
	}
	if cost.work > maxWork {
		res.Problems = append(res.Problems, Problem{Kind: KindWork, Got: float64(cost.work), Want: float64(maxWork), Frame: cost.frame(), Certain: false, Source: "decoding limit of package scan"})
		return res, nil
	}
	if err := g.acquire(ctx); err != nil {
		return res, err
	}
	defer g.release()
	var img image.Image
	img, err = decode(res.Info.Format, data)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Kind: KindUnreadable, Err: err, Certain: true})
		return res, nil
	}
	res.Info.Sharpness, res.Info.Measured = Sharpness(img), true
	res.Problems = append(res.Problems, l.Check(Info{Sharpness: res.Info.Sharpness, Measured: true})...)
	return res, nil
}

// A Limit is one limit with its provenance. A zero Value is no limit.
type Limit struct {
	// Value is the limit: bytes, pixels or sharpness.
	Value float64
	// Certain is false when the source is old, second-hand or the
	// library's own choice: a breach is then a warning.
	Certain bool
	// Source says where the limit comes from.
	Source string
}

// A FormatLimit lists the formats accepted, with its provenance. An empty
// Allowed accepts every format.
type FormatLimit struct {
	// Allowed are the accepted formats.
	Allowed []Format
	// Certain and Source are as for [Limit].
	Certain bool
	Source  string
}

// Limits are what an image must meet. The zero value checks nothing but
// readability (and bounds decoding at DefaultMaxPixels).
type Limits struct {
	// Formats are the accepted formats.
	Formats FormatLimit
	// MaxBytes is the largest file size.
	MaxBytes Limit
	// MinShortSide and MinLongSide are the fewest pixels of the shorter
	// and the longer side.
	MinShortSide, MinLongSide Limit
	// MinSharpness is the least [Sharpness].
	MinSharpness Limit
	// MaxPixels bounds decoding: an image whose header declares more
	// pixels is not decoded. Zero means DefaultMaxPixels.
	MaxPixels int64
	// MaxMemory bounds the bytes one inspection allocates, the bytes
	// InspectReader reads and the decode together: an image whose decode
	// would take more, as estimated from its header, is not decoded (a
	// KindMemory problem). Zero means DefaultMaxMemory.
	MaxMemory int64
	// MaxWork bounds the decoder's work, in block decodes (see
	// DefaultMaxWork): an image that would take more, as estimated from its
	// header, is not decoded (a KindWork problem). Zero means
	// DefaultMaxWork.
	MaxWork int64
}

type limitEntry struct {
	profile, kind string
	limits        Limits
}

// DefaultProfile is the profile of the providers' current limits (Huawei
// Cloud and Aliyun: JPG or PNG up to 4 MB).
const DefaultProfile = "default"

// LimitsFor returns the limits of profile for documents of kind: the
// kind's own lines of data/limits.csv over the profile's lines for every
// kind. It returns false when the profile is unknown. The result is the
// caller's to modify.
func LimitsFor(profile string, kind beian.DocumentKind) (Limits, bool) {
	var base *Limits
	for i := range limitTable {
		e := &limitTable[i]
		if e.profile != profile {
			continue
		}
		if e.kind == string(kind) {
			return e.limits.clone(), true
		}
		if e.kind == "*" {
			base = &e.limits
		}
	}
	if base == nil {
		return Limits{}, false
	}
	return base.clone(), true
}

// Profiles returns the names of the profiles in data/limits.csv.
func Profiles() []string {
	var ps []string
	for _, e := range limitTable {
		if !slices.Contains(ps, e.profile) {
			ps = append(ps, e.profile)
		}
	}
	return ps
}

func (l Limits) clone() Limits {
	l.Formats.Allowed = slices.Clone(l.Formats.Allowed)
	return l
}
