package beian

import (
	"encoding"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/icpcheck/beian/internal/jsonscan"
)

//go:generate go test -tags beian_reflectdecode -run ^TestGeneratedDecoderCurrent$ -update

// DefaultMaxBytes is the size limit [DecodeFiling] and [ParseFiling] apply:
// 4 MiB, several times a filing of a thousand websites.
const DefaultMaxBytes = 4 << 20

// ErrTooLarge is wrapped by the [*DecodeError] of an input longer than the
// size limit; test for it with [errors.Is] (an HTTP service answers 413).
var ErrTooLarge = errors.New("the filing is larger than the size limit")

// maxDecodeErrors bounds how many field errors one decode reports.
const maxDecodeErrors = 20

// maxQuote is the most characters of the input an error message quotes.
const maxQuote = 32

// maxTextValue is the most bytes of a date or enumeration name the decoder
// keeps: longer ones are none of either.
const maxTextValue = 1024

// DecodeOptions configures decoding. The zero value is what [DecodeFiling]
// and [ParseFiling] use.
type DecodeOptions struct {
	// MaxBytes is the longest input accepted, in bytes: 0 means
	// DefaultMaxBytes, a negative value means no limit. Longer input is a
	// [*DecodeError] wrapping [ErrTooLarge], found after reading at most
	// MaxBytes+1 bytes.
	MaxBytes int64

	// MaxItems is the most elements a list (websites, domains, content
	// categories …) may hold: 0 means DefaultMaxItems, a negative value
	// means no limit. A longer list is a [*DecodeError] at its path. The
	// limit keeps the decoded filing within a small multiple of the
	// input's size: "{}," takes three bytes of JSON but a hundred of
	// memory as a Website.
	MaxItems int
}

// DefaultMaxItems is the most elements of one list [DecodeFiling] and
// [ParseFiling] accept: far more websites, domains or documents than one
// filing holds.
const DefaultMaxItems = 10_000

// DecodeFiling reads one filing in the wire format from r, with the
// default [DecodeOptions]. Unlike [encoding/json], it refuses unknown
// fields, duplicate fields, values of the wrong JSON type, unknown
// enumeration names and malformed dates, and says where: every problem is
// a [*DecodeError] naming the field's path. Several problems are joined
// (see [errors.Join]); [errors.As] finds the first. A failure of r is
// returned as it is, wrapped.
//
// Decoding streams: it reads r through a small buffer and keeps no copy of
// the input, so its memory is the filing it returns plus a few tens of
// kilobytes; its time is linear in the input. Error messages quote at most
// a few dozen characters of the input.
//
// Text is taken as it is: invalid UTF-8, and an escaped surrogate without
// its pair ("\ud800"), are kept (the latter as the three bytes of its
// would-be UTF-8 form), never replaced by U+FFFD, so that validation
// reports them as TEXT_INVALID at their field.
func DecodeFiling(r io.Reader) (*Filing, error) { return DecodeOptions{}.Decode(r) }

// ParseFiling is [DecodeFiling] for a filing already in memory.
func ParseFiling(data []byte) (*Filing, error) { return DecodeOptions{}.Parse(data) }

// Decode is [DecodeFiling] with the options o.
func (o DecodeOptions) Decode(r io.Reader) (*Filing, error) { return o.decode(r, (*decoder).genFiling) }

// Parse is [ParseFiling] with the options o.
func (o DecodeOptions) Parse(data []byte) (*Filing, error) {
	return o.parse(data, (*decoder).genFiling)
}

// A root decodes the filing, the next value of the decoder's scanner: the
// generated decoder's genFiling, or the reflective reflectFiling, which
// only the tests (and the beian_reflectdecode build) refer to, so that
// programs do not link it.
type root func(d *decoder, dst *Filing) error

// decode is Decode through the decoder root.
func (o DecodeOptions) decode(r io.Reader, root root) (*Filing, error) {
	d := getDecoder(o.items())
	defer d.release()
	limit := o.limit()
	d.s.ResetReader(r, limit)
	return d.decode(limit, root)
}

// parse is Parse through the decoder root.
func (o DecodeOptions) parse(data []byte, root root) (*Filing, error) {
	limit := o.limit()
	if limit >= 0 && int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	d := getDecoder(o.items())
	defer d.release()
	d.s.Reset(data)
	return d.decode(limit, root)
}

func (o DecodeOptions) limit() int64 {
	if o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o DecodeOptions) items() int {
	if o.MaxItems == 0 {
		return DefaultMaxItems
	}
	if o.MaxItems < 0 {
		return math.MaxInt
	}
	return o.MaxItems
}

func tooLarge(limit int64) error {
	return &DecodeError{Err: fmt.Errorf("%w: more than %d bytes (see DecodeOptions.MaxBytes)", ErrTooLarge, limit)}
}

// A DecodeError reports one problem in a filing's JSON.
type DecodeError struct {
	Path Path  // where; empty for the document as a whole
	Err  error // what
}

// Error returns "beian: decoding filing: path: problem".
func (e *DecodeError) Error() string {
	if e.Path == "" {
		return "beian: decoding filing: " + e.Err.Error()
	}
	return fmt.Sprintf("beian: decoding filing: %s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// errEndOfInput is the error of an input that ends in the middle of the
// filing.
var errEndOfInput = errors.New("invalid JSON: the input ends in the middle of the filing")

// readError is a failure of the io.Reader, not of the JSON.
type readError struct{ err error }

func (e *readError) Error() string { return "beian: reading filing: " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// A decoder binds the tokens of its scanner to the filing model. One is
// taken from decoders for each decoding, so that the scanner's window and
// the buffers are reused.
type decoder struct {
	s        jsonscan.Scanner
	errs     []error // the problems found, at most maxDecodeErrors
	scratch  []byte  // the bytes of the string or number being read
	maxItems int
}

// decoders holds the decoders not in use. It holds no state a caller can
// observe: a decoder is reset before each use and drops its input after.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

// maxKeptScratch is the largest scratch buffer a decoder keeps for the
// next decoding; a longer string's is dropped with it.
const maxKeptScratch = 64 << 10

func getDecoder(maxItems int) *decoder {
	d := decoders.Get().(*decoder)
	d.maxItems = maxItems
	return d
}

func (d *decoder) release() {
	d.s.Release()
	clear(d.errs)
	d.errs = d.errs[:0]
	if cap(d.scratch) > maxKeptScratch {
		d.scratch = nil
	}
	decoders.Put(d)
}

// decode reads the filing with root, the scanner reset to its input.
func (d *decoder) decode(limit int64, root root) (*Filing, error) {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return nil, fatalError(err, limit)
	}
	if k == jsonscan.End {
		return nil, &DecodeError{Err: errors.New("no filing: the input is empty")}
	}
	out := new(Filing)
	if k == jsonscan.BeginObject {
		err = root(d, out)
	} else {
		err = d.wrongType("want a JSON object", k)
	}
	if err == nil {
		_, err = s.Peek() // the end, or an error after the filing
	}
	if err != nil {
		return nil, fatalError(err, limit)
	}
	if len(d.errs) > 0 {
		return nil, errors.Join(d.errs...)
	}
	return out, nil
}

// fatalError returns the error of a decoding the scanner stopped with err.
func fatalError(err error, limit int64) error {
	if re, ok := err.(*jsonscan.ReadError); ok {
		return &readError{re.Err}
	}
	switch err {
	case jsonscan.ErrTooLarge:
		return tooLarge(limit)
	case jsonscan.ErrUnexpectedEnd:
		return &DecodeError{Err: errEndOfInput}
	}
	return &DecodeError{Err: err}
}

// where returns the path of the first n steps of the scanner's path.
func (d *decoder) where(n int) Path {
	var p Path
	for i := range n {
		if key, index, object := d.s.Step(i); object {
			p = p.Field(shortKey(key))
		} else {
			p = p.Index(index)
		}
	}
	return p
}

// fail records a problem at the path of the value last read. It builds
// the error only while fewer than maxDecodeErrors are recorded, so that a
// flood of problems costs no more than reading them.
func (d *decoder) fail(err func() error) { d.failAt(d.s.Depth(), err) }

// failAt records a problem at the first n steps of the path.
func (d *decoder) failAt(n int, err func() error) {
	if len(d.errs) < maxDecodeErrors {
		d.errs = append(d.errs, &DecodeError{Path: d.where(n), Err: err()})
	}
}

var (
	errUnknownField   = func() error { return errors.New("unknown field") }
	errDuplicateField = func() error { return errors.New("duplicate field: the object names it twice") }
)

// typeInfo is how one type of the model decodes.
type typeInfo struct {
	typ    reflect.Type
	kind   reflect.Kind
	text   bool      // implements encoding.TextUnmarshaler
	what   string    // a text type's name for a message: "date"
	names  []string  // an enumeration's wire names
	date   bool      // the type is Date
	elem   *typeInfo // of a slice's or pointer's element
	fields []fieldInfo
	byName map[string]int // JSON name to index in fields
}

type fieldInfo struct {
	name  string
	index int // in the struct
	info  *typeInfo
}

type model struct{ filing *typeInfo }

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// modelInfo describes the filing model, built once.
var modelInfo = sync.OnceValue(func() model {
	// textTypeNames names the model's text types in messages.
	textTypeNames := map[reflect.Type]string{
		reflect.TypeFor[Date]():            "date",
		reflect.TypeFor[FilingType]():      "filing type",
		reflect.TypeFor[Nature]():          "subject nature",
		reflect.TypeFor[CertType]():        "certificate type",
		reflect.TypeFor[ContentCategory](): "content category",
		reflect.TypeFor[DocumentKind]():    "document kind",
		reflect.TypeFor[AppType]():         "app type",
		reflect.TypeFor[Platform]():        "platform",
	}
	// enumNames are the wire names of the enumerations.
	enumNames := map[reflect.Type][]string{
		reflect.TypeFor[FilingType]():      wireNames(FilingTypes()),
		reflect.TypeFor[Nature]():          wireNames(Natures()),
		reflect.TypeFor[CertType]():        wireNames(CertTypes()),
		reflect.TypeFor[ContentCategory](): wireNames(ContentCategories()),
		reflect.TypeFor[DocumentKind]():    wireNames(DocumentKinds()),
		reflect.TypeFor[AppType]():         wireNames(AppTypes()),
		reflect.TypeFor[Platform]():        wireNames(Platforms()),
	}
	seen := map[reflect.Type]*typeInfo{}
	var describe func(t reflect.Type) *typeInfo
	describe = func(t reflect.Type) *typeInfo {
		if ti, ok := seen[t]; ok {
			return ti
		}
		ti := &typeInfo{typ: t, kind: t.Kind()}
		seen[t] = ti
		switch {
		case reflect.PointerTo(t).Implements(textUnmarshalerType):
			ti.text = true
			ti.names = enumNames[t]
			ti.date = t == reflect.TypeFor[Date]()
			ti.what = textTypeNames[t]
			if ti.what == "" {
				ti.what = "value of type " + t.String()
			}
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer:
			ti.elem = describe(t.Elem())
		case t.Kind() == reflect.Struct:
			if t.NumField() > 64 {
				panic("beian: a model struct has more than 64 fields")
			}
			ti.byName = map[string]int{}
			for i := 0; i < t.NumField(); i++ {
				name := jsonName(t.Field(i))
				ti.byName[name] = len(ti.fields)
				ti.fields = append(ti.fields, fieldInfo{name: name, index: i, info: describe(t.Field(i).Type)})
			}
		}
		return ti
	}
	return model{filing: describe(reflect.TypeFor[Filing]())}
})

func wireNames[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// plainDate reads a day written YYYY-MM-DD, and reports false for
// anything else, valid or not, which ParseDate then decides.
func plainDate(b []byte) (Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return Date{}, false
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, dd := num(b[:4]), num(b[5:7]), num(b[8:])
	if y < 0 || m < 1 || m > 12 || dd < 1 {
		return Date{}, false
	}
	day := NewDate(y, time.Month(m), dd)
	if day.Year() != y || int(day.Month()) != m || day.Day() != dd {
		return Date{}, false // February 30 and the like
	}
	return day, true
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// reflectFiling decodes the filing by reflection.
func (d *decoder) reflectFiling(dst *Filing) error {
	return d.value(reflect.ValueOf(dst).Elem(), modelInfo().filing)
}

// reflectFiling, value, array and object are the reflective decoder: the reference the
// generated one (decode_gen.go, written from modelInfo by
// TestGeneratedDecoderCurrent) is tested against, and the decoder of a
// build with the beian_reflectdecode tag (the one go generate makes).
//
// value stores the JSON value that comes next into dst, described by ti.
// Null leaves dst as it is (the zero value). A problem with the value is
// recorded; the error returned is the scanner's, which ends the decoding.
func (d *decoder) value(dst reflect.Value, ti *typeInfo) error {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return err
	}
	if k == jsonscan.Null {
		_, err := s.ReadLiteral()
		return err
	}
	switch {
	case ti.text:
		if k != jsonscan.String {
			return d.wrongType("want a string", k)
		}
		var whole bool
		if d.scratch, whole, err = s.ReadString(d.scratch[:0], maxTextValue); err != nil {
			return err
		}
		if !whole {
			d.fail(func() error {
				return fmt.Errorf("want a %s, got %s", ti.what, quoteInput(d.scratch, true))
			})
			return nil
		}
		// Wire names and days written YYYY-MM-DD, what filings hold, are
		// stored without the allocations of UnmarshalText; it decides
		// everything else.
		for _, v := range ti.names {
			if string(d.scratch) == v {
				dst.SetString(v)
				return nil
			}
		}
		if ti.date {
			if day, ok := plainDate(d.scratch); ok {
				dst.Set(reflect.ValueOf(day))
				return nil
			}
		}
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(d.scratch); err != nil {
			d.fail(func() error { return describeModelError(err) })
		}
	case ti.kind == reflect.String:
		if k != jsonscan.String {
			return d.wrongType("want a string", k)
		}
		if d.scratch, _, err = s.ReadString(d.scratch[:0], -1); err != nil {
			return err
		}
		dst.SetString(string(d.scratch))
	case ti.kind == reflect.Bool:
		if k != jsonscan.True && k != jsonscan.False {
			return d.wrongType("want true or false", k)
		}
		if _, err := s.ReadLiteral(); err != nil {
			return err
		}
		dst.SetBool(k == jsonscan.True)
	case ti.kind == reflect.Int || ti.kind == reflect.Int64:
		if k != jsonscan.Number {
			return d.wrongType("want a number", k)
		}
		var n int
		if d.scratch, n, err = s.ReadNumber(d.scratch[:0]); err != nil {
			return err
		}
		i, err := strconv.ParseInt(string(d.scratch), 10, 64)
		if n > len(d.scratch) || err != nil || i < 0 || (ti.kind == reflect.Int && i > math.MaxInt32) {
			d.fail(func() error {
				return fmt.Errorf("want a whole number from 0, got %s", quoteNumber(d.scratch, n))
			})
			return nil
		}
		dst.SetInt(i)
	case ti.kind == reflect.Slice:
		if k != jsonscan.BeginArray {
			return d.wrongType("want an array", k)
		}
		return d.array(dst, ti)
	case ti.kind == reflect.Pointer:
		n := reflect.New(dst.Type().Elem())
		err := d.value(n.Elem(), ti.elem)
		dst.Set(n)
		return err
	case ti.kind == reflect.Struct:
		if k != jsonscan.BeginObject {
			return d.wrongType("want an object", k)
		}
		return d.object(dst, ti)
	default:
		// The model holds no other kinds; a new field of another kind must
		// be taught here, and the tests decode every field.
		return d.wrongType("cannot decode into "+dst.Type().String()+";", k)
	}
	return nil
}

// array reads the array that comes next into the slice dst. An empty
// array gives an empty, non-nil slice.
func (d *decoder) array(dst reflect.Value, ti *typeInfo) error {
	s := &d.s
	if _, err := s.ReadDelim(); err != nil {
		return err
	}
	dst.Set(reflect.MakeSlice(dst.Type(), 0, 0))
	for n := 0; ; n++ {
		k, err := s.Peek()
		if err != nil {
			return err
		}
		if k == jsonscan.EndArray {
			_, err := s.ReadDelim()
			return err
		}
		if n == d.maxItems {
			d.failAt(s.Depth()-1, func() error {
				return fmt.Errorf("more than %d elements (see DecodeOptions.MaxItems)", d.maxItems)
			})
			return d.skipElements()
		}
		if dst.Len() == dst.Cap() {
			// Double, where append grows large slices by a quarter: the
			// copies then add up to the final size, not four times it.
			grown := reflect.MakeSlice(dst.Type(), n, max(4, 2*n))
			reflect.Copy(grown, dst)
			dst.Set(grown)
		}
		dst.SetLen(n + 1)
		if err := d.value(dst.Index(n), ti.elem); err != nil {
			return err
		}
	}
}

// skipElements reads and drops the rest of an array, from an element.
func (d *decoder) skipElements() error {
	s := &d.s
	for {
		if err := s.Skip(); err != nil {
			return err
		}
		k, err := s.Peek()
		if err != nil {
			return err
		}
		if k == jsonscan.EndArray {
			_, err := s.ReadDelim()
			return err
		}
	}
}

// object reads the object that comes next into the struct dst.
func (d *decoder) object(dst reflect.Value, ti *typeInfo) error {
	s := &d.s
	if _, err := s.ReadDelim(); err != nil {
		return err
	}
	var seen uint64
	for {
		k, err := s.Peek()
		if err != nil {
			return err
		}
		if k == jsonscan.EndObject {
			_, err := s.ReadDelim()
			return err
		}
		key, err := s.ReadKey()
		if err != nil {
			return err
		}
		i, known := ti.byName[string(key)]
		switch {
		case !known:
			d.fail(errUnknownField)
			err = s.Skip()
		case seen&(1<<i) != 0:
			d.fail(errDuplicateField)
			err = s.Skip()
		default:
			seen |= 1 << i
			f := &ti.fields[i]
			err = d.value(dst.Field(f.index), f.info)
		}
		if err != nil {
			return err
		}
	}
}

// wrongType reports the value that comes next, of kind k, as not what was
// wanted, and skips it.
func (d *decoder) wrongType(want string, k jsonscan.Kind) error {
	var what string
	switch k {
	case jsonscan.String:
		what = "a string"
	case jsonscan.True, jsonscan.False:
		what = "a boolean"
	case jsonscan.Null:
		what = "null"
	case jsonscan.BeginArray:
		what = "an array"
	case jsonscan.BeginObject:
		what = "an object"
	case jsonscan.Number:
		var n int
		var err error
		if d.scratch, n, err = d.s.ReadNumber(d.scratch[:0]); err != nil {
			return err
		}
		d.fail(func() error { return fmt.Errorf("%s, got the number %s", want, quoteNumber(d.scratch, n)) })
		return nil
	}
	if err := d.s.Skip(); err != nil {
		return err
	}
	d.fail(func() error { return fmt.Errorf("%s, got %s", want, what) })
	return nil
}

// describeModelError rewords an error of the model's own parsers for a
// DecodeError, which carries the "beian: " prefix already, quoting at most
// maxQuote characters of the value.
func describeModelError(err error) error {
	var ee *EnumError
	var de *DateError
	switch {
	case errors.As(err, &ee):
		return fmt.Errorf("unknown %s %s", ee.Enum, quoteInput([]byte(ee.Value), true))
	case errors.As(err, &de):
		return fmt.Errorf("invalid date %s (%s)", quoteInput([]byte(de.Value), true), dateLayouts)
	}
	return err
}

// quoteInput returns at most maxQuote characters of b, quoted with Go
// syntax when quoted is set, followed by "…" when b is longer.
func quoteInput(b []byte, quoted bool) string {
	cut, more := b, false
	for i, n := 0, 0; i < len(b); n++ {
		if n == maxQuote {
			cut, more = b[:i], true
			break
		}
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	s := string(cut)
	if quoted {
		s = strconv.Quote(s)
	}
	if more {
		s += "…"
	}
	return s
}

// quoteNumber returns a number's text, b of its n bytes, for a message.
func quoteNumber(b []byte, n int) string {
	s := quoteInput(b, false)
	if n > len(b) && !strings.HasSuffix(s, "…") {
		s += "…"
	}
	return s
}

// shortKey returns an unknown key for its path: at most maxQuote
// characters, quoted when it is not a plain name.
func shortKey(b []byte) string {
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return quoteInput(b, true)
		}
	}
	if len(b) == 0 {
		return `""`
	}
	return quoteInput(b, false)
}
