// Package jsonscan reads JSON one token at a time, strictly, from memory
// or from an io.Reader through a small window, and keeps track of where
// it is: the path of object keys and array indexes that leads to the next
// token. It is the lexical half of the filing decoder of the root package,
// which binds the tokens to the filing model.
//
// A [Scanner] checks the grammar as the caller reads: every method returns
// an error for input that is not JSON, at the token where it stops being
// JSON, and the first such error is returned by every later call. It keeps
// no copy of the input, only the bytes of the string or number being read
// (at most as many as the caller asks for), so its memory is its window
// plus what the caller keeps. Time is linear in the input.
//
// Text is taken as it is: invalid UTF-8 is kept byte for byte, and an
// escaped surrogate without its pair (\ud800) is kept as the three bytes of
// its would-be UTF-8 form; nothing is replaced by U+FFFD.
package jsonscan

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// A Kind is the kind of a token, named by its first byte.
type Kind byte

// The kinds of tokens. End is the end of the input after the top-level
// value (or of an input that holds no value at all); Key is an object's
// key, a string where a key goes.
const (
	End         Kind = 0
	BeginObject Kind = '{'
	EndObject   Kind = '}'
	BeginArray  Kind = '['
	EndArray    Kind = ']'
	Key         Kind = ':'
	String      Kind = '"'
	Number      Kind = '0'
	True        Kind = 't'
	False       Kind = 'f'
	Null        Kind = 'n'
)

// MaxDepth bounds the nesting of arrays and objects, as encoding/json
// does: of the containers the caller opens, and, separately, of those
// inside one value [Scanner.Skip] skips (see there).
const MaxDepth = 10000

// MaxKey is the most bytes of an object key the scanner keeps for the
// path: more than any field name, enough for a message.
const MaxKey = 256

// MaxNumberText is the most bytes of a number [Scanner.ReadNumber] keeps.
const MaxNumberText = 64

// The window's sizes when reading from an io.Reader: it starts at
// startWindow, or at the size of the input when the reader tells it, and
// doubles while reads fill it, up to maxWindow.
const (
	minWindow   = 64
	startWindow = 4 << 10
	maxWindow   = 32 << 10
)

// ErrUnexpectedEnd is the error of an input that ends in the middle of a
// value.
var ErrUnexpectedEnd = errors.New("unexpected end of JSON input")

// ErrTooLarge is the error of an input longer than the reader's limit.
var ErrTooLarge = errors.New("input larger than the limit")

// ErrMisuse is the error of a method called where the next token is not
// of the kind it reads: a bug of the caller, not of the input.
var ErrMisuse = errors.New("jsonscan: method called on a token of another kind")

// A SyntaxError is input that is not JSON, at a line and column (from 1;
// columns count characters).
type SyntaxError struct {
	Line, Column int
	Offset       int64  // of the byte, in the input, from 0
	Msg          string // what is wrong: "invalid character 'x' after object key"
}

// Error returns "invalid JSON at line L, column C: msg".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// A ReadError is a failure of the io.Reader, not of the JSON.
type ReadError struct{ Err error }

// Error returns the reader's error's message.
func (e *ReadError) Error() string { return e.Err.Error() }

// Unwrap returns the reader's error.
func (e *ReadError) Unwrap() error { return e.Err }

// state is what the next token may be.
type state uint8

const (
	needValue        state = iota // a value: at the start, after a key and its colon, after a comma in an array
	needValueOrClose              // a value or ']': after '['
	needKey                       // a key: after a comma in an object
	needKeyOrClose                // a key or '}': after '{'
	afterValue                    // ',' or the closing bracket, or the end at the top level
)

// A frame is one open object or array.
type frame struct {
	object bool
	index  int    // of the element being read, in an array
	key    []byte // of the member being read, in an object: at most MaxKey bytes
}

// A Scanner reads one JSON value. The zero Scanner reads an empty input;
// [Scanner.Reset] and [Scanner.ResetReader] give it one, and it may be
// reset and reused, keeping its buffers.
type Scanner struct {
	buf  []byte    // the window; buf[pos:] is unread
	pos  int       // next unread byte of buf
	r    io.Reader // nil when buf holds the whole input
	base int64     // input offset of buf[0]
	read int64     // bytes read from r so far
	max  int64     // most bytes accepted from r; < 0 for no limit
	eof  bool      // r has no more bytes (or r is nil)
	full bool      // the last read filled the window: the next may grow it

	// Position of the current line, for error messages: the line number,
	// the input offset of its first byte and the characters of it that
	// have already left the window.
	line      int
	lineStart int64
	colBase   int

	state  state
	kind   Kind    // the next token's kind, when ready
	ready  bool    // Peek has found the next token, and nothing read it since
	frames []frame // the open containers, outermost first
	depth  int     // len(frames) in use; frames beyond keep their key buffers
	skip   []byte  // the closing brackets Skip expects
	err    error   // the first error, returned from then on
	window []byte  // the reader window, kept across resets
}

// Reset makes s read data, which it reads in place and does not modify.
func (s *Scanner) Reset(data []byte) {
	s.reset()
	s.buf, s.eof, s.max = data, true, -1
}

// ResetReader makes s read r, accepting at most limit bytes (limit < 0:
// no limit); past them it fails with [ErrTooLarge], having read at most
// limit+1 bytes. A failure of r is a [*ReadError].
func (s *Scanner) ResetReader(r io.Reader, limit int64) {
	s.reset()
	size := startWindow
	if l, ok := r.(interface{ Len() int }); ok {
		// bytes.Reader, strings.Reader, bytes.Buffer: read it in one go.
		size = min(max(l.Len()+1, minWindow), maxWindow)
	}
	if cap(s.window) < size {
		s.window = make([]byte, 0, size)
	}
	s.buf, s.r, s.max = s.window[:0], r, limit
}

func (s *Scanner) reset() {
	s.buf, s.pos, s.r, s.base, s.read, s.eof, s.full = nil, 0, nil, 0, 0, false, false
	s.line, s.lineStart, s.colBase = 1, 0, 0
	s.state, s.depth, s.err, s.ready = needValue, 0, nil, false
}

// Release drops s's references to its input (the slice or the reader), so
// that a Scanner kept for reuse does not keep them alive.
func (s *Scanner) Release() {
	s.buf, s.r = nil, nil
}

// Err returns the first error s met, or nil.
func (s *Scanner) Err() error { return s.err }

// Depth returns how many objects and arrays enclose the next token.
func (s *Scanner) Depth() int { return s.depth }

// Step returns step i of the path to the token last read, 0 ≤ i <
// Depth(): in an object, the key of the member being read (nil before
// the first key); in an array, the index of the element being read. The
// key is valid until the next key of that object is read.
func (s *Scanner) Step(i int) (key []byte, index int, object bool) {
	f := &s.frames[i]
	return f.key, f.index, f.object
}

// Index returns the index of the element being read in the innermost
// array, or -1 when the innermost container is not an array.
func (s *Scanner) Index() int {
	if s.depth == 0 || s.frames[s.depth-1].object {
		return -1
	}
	return s.frames[s.depth-1].index
}

// fail records err as s's error, unless one is recorded, and returns the
// recorded one. It forgets the token Peek found, so that a ready token
// means no error (Peek's fast path).
func (s *Scanner) fail(err error) error {
	if s.err == nil {
		s.err = err
	}
	s.ready = false
	return s.err
}

// fill reads more input into the window and reports whether there is at
// least one more unread byte. Bytes before pos are dropped. A failure is
// recorded in s.err (and the unread bytes stay readable).
func (s *Scanner) fill() bool {
	if s.err != nil {
		return false
	}
	if s.eof || s.r == nil {
		// The end of data, or of the zero Scanner's empty input.
		return s.pos < len(s.buf)
	}
	if s.pos > 0 {
		if from := s.lineStart - s.base; from < int64(s.pos) {
			s.colBase += countChars(s.buf[max(from, 0):s.pos])
		}
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.base += int64(s.pos)
		s.pos = 0
	}
	if s.full && cap(s.buf) < maxWindow {
		// The input goes on: read more at a time.
		grown := make([]byte, len(s.buf), min(2*cap(s.buf), maxWindow))
		copy(grown, s.buf)
		s.buf, s.window = grown, grown[:0]
	}
	want := cap(s.buf) - len(s.buf)
	if want == 0 {
		return true
	}
	if s.max >= 0 {
		// Read one byte past the limit to tell "exactly max" from "more".
		if left := s.max + 1 - s.read; int64(want) > left {
			want = int(left)
		}
	}
	for tries := 0; ; tries++ {
		n, err := s.r.Read(s.buf[len(s.buf) : len(s.buf)+want])
		if n < 0 || n > want {
			n, err = 0, errors.New("the reader returned an impossible count")
		}
		s.buf = s.buf[:len(s.buf)+n]
		s.read += int64(n)
		s.full = len(s.buf) == cap(s.buf)
		if s.max >= 0 && s.read > s.max {
			s.fail(ErrTooLarge)
		}
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.fail(&ReadError{err})
		case n == 0 && tries < 100:
			continue
		case n == 0:
			s.fail(&ReadError{io.ErrNoProgress})
		}
		break
	}
	if s.err != nil {
		return false
	}
	return s.pos < len(s.buf)
}

// more makes at least one unread byte available; false means the input
// ended or failed (then s.err says which, when it failed).
func (s *Scanner) more() bool {
	return s.pos < len(s.buf) || s.fill()
}

// ensure makes n unread bytes available when the input has them and
// reports whether it does.
func (s *Scanner) ensure(n int) bool {
	for len(s.buf)-s.pos < n {
		if s.eof || s.err != nil {
			return false
		}
		if s.pos == 0 && len(s.buf) == cap(s.buf) {
			return true // cannot happen for the small n used here
		}
		s.fill()
	}
	return true
}

// space consumes white space and returns the next byte, or -1 at the end
// of the input (or at a failure of the reader, then recorded). A run of
// spaces (a pretty-printed document's indentation) is skipped eight bytes
// at a time (TestSpaceRuns holds it to the byte-by-byte walk).
func (s *Scanner) space() int {
	for {
		buf, pos := s.buf, s.pos
		for pos < len(buf) {
			c := buf[pos]
			if c > ' ' {
				// The byte after the white space, tested first: a
				// token follows most white space, and much of it is
				// none.
				s.pos = pos
				return int(c)
			}
			switch c {
			case ' ':
			case '\n':
				s.line++
				s.lineStart = s.base + int64(pos+1)
				s.colBase = 0
			case '\t', '\r':
			default:
				s.pos = pos
				return int(c)
			}
			pos++
			// The spaces after it (a line's indentation, a space after a
			// comma), eight at a time.
			for pos+8 <= len(buf) {
				if w := binary.LittleEndian.Uint64(buf[pos:pos+8]) ^ spaces8; w != 0 {
					pos += bits.TrailingZeros64(w) >> 3 // the spaces before the first other byte
					break
				}
				pos += 8
			}
		}
		s.pos = pos
		if !s.fill() {
			return -1
		}
	}
}

// spaces8 is eight spaces read as a little-endian word.
const spaces8 = 0x2020202020202020

// end is the error of the input ending (or failing) where more must come.
func (s *Scanner) end() error {
	return s.fail(ErrUnexpectedEnd)
}

// syntax records a syntax error at the next unread byte.
func (s *Scanner) syntax(format string, args ...any) error {
	line, col := s.lineCol()
	return s.fail(&SyntaxError{Line: line, Column: col, Offset: s.base + int64(s.pos), Msg: fmt.Sprintf(format, args...)})
}

// unexpected records an error for the next unread byte, found where
// context says, or for the end of the input when there is no byte.
func (s *Scanner) unexpected(context string) error {
	if !s.more() {
		return s.end()
	}
	return s.syntax("invalid character %s %s", s.quoteNext(), context)
}

// quoteNext quotes the character at the next unread byte the way
// encoding/json's messages do: 'x'.
func (s *Scanner) quoteNext() string {
	s.ensure(utf8.UTFMax)
	r, _ := utf8.DecodeRune(s.buf[s.pos:])
	switch r {
	case utf8.RuneError:
		return fmt.Sprintf("byte 0x%02x", s.buf[s.pos])
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	return strconv.QuoteRune(r)
}

// lineCol returns the line and column of the next unread byte; columns
// count characters.
func (s *Scanner) lineCol() (int, int) {
	col := s.colBase
	if from := s.lineStart - s.base; from < int64(s.pos) {
		col += countChars(s.buf[max(from, 0):s.pos])
	}
	return s.line, col + 1
}

// countChars counts the UTF-8 sequences of b by their first bytes, so that
// a character split across two windows counts once.
func countChars(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// Peek returns the kind of the next token without reading it. It consumes
// the white space, comma or colon before it, checking them. It returns
// End with a nil error at the end of an input that holds nothing but
// white space, and after the top-level value at the end of the input; an
// input that ends earlier is [ErrUnexpectedEnd].
func (s *Scanner) Peek() (Kind, error) {
	if s.ready {
		// Found and not read since; fail clears ready, so s.err is nil.
		return s.kind, nil
	}
	return s.peekNew()
}

// peekNew is Peek when no token is ready.
func (s *Scanner) peekNew() (Kind, error) {
	if s.err != nil {
		return End, s.err
	}
	if s.depth > 0 {
		if k := s.peekIndented(); k != End {
			return k, nil
		}
	}
	k, err := s.peek()
	if err != nil {
		return End, err
	}
	s.kind, s.ready = k, true
	return k, nil
}

// peekIndented is peek in a container for what a document written by
// hand or by an encoder's indentation holds: a comma (after a value), at
// most one line break and spaces, then a token that may come there, all
// in the window. It finds that token, as peek would, in one step, and
// makes it ready. For anything else it returns End having changed
// nothing, and peek reads it (TestOneStepsAsOneByte holds the two
// together).
func (s *Scanner) peekIndented() Kind {
	buf, pos, state := s.buf, s.pos, s.state
	comma := state == afterValue && pos < len(buf) && buf[pos] == ','
	if comma {
		pos++
	}
	nl := -1 // the offset in buf after a line break
	if pos < len(buf) && buf[pos] == '\n' {
		pos++
		nl = pos
	}
	for {
		if pos+8 > len(buf) {
			for pos < len(buf) && buf[pos] == ' ' {
				pos++
			}
			if pos == len(buf) {
				return End
			}
			break
		}
		if w := binary.LittleEndian.Uint64(buf[pos:pos+8]) ^ spaces8; w != 0 {
			pos += bits.TrailingZeros64(w) >> 3
			break
		}
		pos += 8
	}
	c, top := buf[pos], &s.frames[s.depth-1]
	var k Kind
	switch state {
	case afterValue:
		switch {
		case comma && top.object:
			if c != '"' {
				return End
			}
			k, state = Key, needKey
		case comma:
			if k = valueKind[c]; k == End {
				return End
			}
			state = needValue
			top.index++
		case top.object && c == '}':
			k = EndObject
		case !top.object && c == ']':
			k = EndArray
		default:
			return End
		}
	case needKeyOrClose:
		switch c {
		case '"':
			k = Key
		case '}':
			k = EndObject
		default:
			return End
		}
	case needValueOrClose:
		if c == ']' {
			k = EndArray
		} else if k = valueKind[c]; k == End {
			return End
		}
	default:
		return End
	}
	if nl >= 0 {
		s.line++
		s.lineStart = s.base + int64(nl)
		s.colBase = 0
	}
	s.pos, s.state, s.kind, s.ready = pos, state, k, true
	return k
}

// peek is Peek without the memory of the last answer.
func (s *Scanner) peek() (Kind, error) {
	c := -1
	if s.pos < len(s.buf) && s.buf[s.pos] > ' ' {
		c = int(s.buf[s.pos]) // no white space: no call
	} else {
		c = s.space()
	}
	switch s.state {
	case afterValue:
		if s.depth == 0 {
			if c < 0 {
				return End, s.err
			}
			return End, s.unexpected("after top-level value")
		}
		top := &s.frames[s.depth-1]
		switch {
		case c == ',':
			s.pos++
			if top.object {
				s.state = needKey
			} else {
				top.index++
				s.state = needValue
			}
			if s.pos < len(s.buf) && s.buf[s.pos] > ' ' {
				c = int(s.buf[s.pos])
			} else {
				c = s.space()
			}
		case top.object && c == '}':
			return EndObject, nil
		case !top.object && c == ']':
			return EndArray, nil
		case top.object:
			return End, s.unexpected("after object key:value pair")
		default:
			return End, s.unexpected("after array element")
		}
	}
	switch s.state {
	case needKeyOrClose, needKey:
		switch {
		case c == '"':
			return Key, nil
		case c == '}' && s.state == needKeyOrClose:
			return EndObject, nil
		}
		return End, s.unexpected("looking for beginning of object key string")
	case needValueOrClose:
		if c == ']' {
			return EndArray, nil
		}
	}
	// A value.
	if c < 0 {
		if s.err == nil && s.depth == 0 {
			return End, nil // an input of nothing but white space
		}
		return End, s.end()
	}
	if k := valueKind[c]; k != End {
		return k, nil
	}
	return End, s.unexpected("looking for beginning of value")
}

// valueKind is the kind of the value a byte begins, End for a byte that
// begins none.
var valueKind = [256]Kind{
	'{': BeginObject, '[': BeginArray, '"': String, 't': True, 'f': False, 'n': Null,
	'-': Number, '0': Number, '1': Number, '2': Number, '3': Number, '4': Number,
	'5': Number, '6': Number, '7': Number, '8': Number, '9': Number,
}

// ReadDelim reads the next token, which must be '{', '[', '}' or ']'
// ([ErrMisuse] otherwise), and returns its kind.
func (s *Scanner) ReadDelim() (Kind, error) {
	k, err := s.Peek()
	if err != nil {
		return End, err
	}
	s.ready = false
	switch k {
	case BeginObject, BeginArray:
		if s.depth >= MaxDepth {
			return End, s.syntax("exceeded max depth of %d", MaxDepth)
		}
		s.pos++
		if s.depth == len(s.frames) {
			s.frames = append(s.frames, frame{})
		}
		f := &s.frames[s.depth]
		s.depth++
		f.object, f.index, f.key = k == BeginObject, 0, f.key[:0]
		if f.object {
			s.state = needKeyOrClose
		} else {
			s.state = needValueOrClose
		}
	case EndObject, EndArray:
		s.pos++
		s.depth--
		s.state = afterValue
	default:
		return End, s.fail(ErrMisuse)
	}
	return k, nil
}

// ReadLiteral reads the next token, which must be true, false or null
// ([ErrMisuse] otherwise), checking its spelling, and returns its kind.
func (s *Scanner) ReadLiteral() (Kind, error) {
	k, err := s.Peek()
	if err != nil {
		return End, err
	}
	s.ready = false
	var word string
	switch {
	case k == True:
		word = "true"
	case k == False:
		word = "false"
	case k == Null:
		word = "null"
	default:
		return End, s.fail(ErrMisuse)
	}
	if err := s.literal(word); err != nil {
		return End, err
	}
	s.state = afterValue
	return k, nil
}

// ReadKey reads the next token, which must be a Key ([ErrMisuse]
// otherwise), and its colon. It returns the key's first
// MaxKey bytes (escapes decoded), valid until the next key of the object
// is read; they are also the last step of the path.
func (s *Scanner) ReadKey() ([]byte, error) {
	k, err := s.Peek()
	if err != nil {
		return nil, err
	}
	if k != Key {
		return nil, s.fail(ErrMisuse)
	}
	s.ready = false
	f := &s.frames[s.depth-1]
	// A key without escapes whose closing quote is in the window, in one
	// step; any other through the runs.
	if run, ok := s.plainString(); ok {
		f.key = appendGrow(f.key[:0], run[:min(len(run), MaxKey)])
	} else if f.key, _, err = s.readStringRuns(f.key[:0], MaxKey); err != nil {
		return nil, err
	}
	// The colon right after the key, at most one space, and the first
	// byte of a value (`"key": value` and `"key":value`): the value's
	// token found here, as Peek would find it, without a call.
	if buf, pos := s.buf, s.pos; pos+2 < len(buf) && buf[pos] == ':' {
		pos++
		if buf[pos] == ' ' {
			pos++
		}
		if k := valueKind[buf[pos]]; k != End {
			s.pos, s.state, s.kind, s.ready = pos, needValue, k, true
			return f.key, nil
		}
	}
	if c := s.space(); c != ':' {
		return nil, s.unexpected("after object key")
	}
	s.pos++
	s.state = needValue
	return f.key, nil
}

// ReadString reads the next token, which must be a string value
// ([ErrMisuse] otherwise), and appends its contents, escapes decoded, to
// dst: all of them when keep < 0, else at most keep bytes. It reports
// whether it appended the whole string.
func (s *Scanner) ReadString(dst []byte, keep int) ([]byte, bool, error) {
	k, err := s.Peek()
	if err != nil {
		return dst, false, err
	}
	if k != String {
		return dst, false, s.fail(ErrMisuse)
	}
	s.ready = false
	dst, whole, err := s.readString(dst, keep)
	if err != nil {
		return dst, false, err
	}
	s.state = afterValue
	return dst, whole, nil
}

// ReadText reads the next token, which must be a string value
// ([ErrMisuse] otherwise), and returns its contents, escapes decoded, as a
// new string. A string that cannot be taken from the window in one piece
// is built in scratch, which it returns (grown) for the next call.
func (s *Scanner) ReadText(scratch []byte) (string, []byte, error) {
	k, err := s.Peek()
	if err != nil {
		return "", scratch, err
	}
	if k != String {
		return "", scratch, s.fail(ErrMisuse)
	}
	s.ready = false
	var text string
	if run, ok := s.plainString(); ok {
		text = string(run)
	} else {
		if scratch, _, err = s.readStringRuns(scratch[:0], -1); err != nil {
			return "", scratch, err
		}
		text = string(scratch)
	}
	s.state = afterValue
	return text, scratch, nil
}

// ReadNumber reads the next token, which must be a number ([ErrMisuse]
// otherwise), and appends its first MaxNumberText bytes to dst. It returns
// the number's length too.
func (s *Scanner) ReadNumber(dst []byte) ([]byte, int, error) {
	k, err := s.Peek()
	if err != nil {
		return dst, 0, err
	}
	if k != Number {
		return dst, 0, s.fail(ErrMisuse)
	}
	s.ready = false
	dst, n, err := s.readNumber(dst, true)
	if err != nil {
		return dst, n, err
	}
	s.state = afterValue
	return dst, n, nil
}

// Skip reads the next value, whatever it is, checking it, and drops it.
// It keeps its own stack of open brackets, so deep nesting uses no Go
// stack. Within the value, at most MaxDepth containers may be open around
// a value (an empty container counts as a value, as it always has for the
// filing decoder: [[]] has one open around []).
func (s *Scanner) Skip() error {
	switch k, err := s.Peek(); {
	case err != nil:
		return err
	case k == Key || k == EndObject || k == EndArray || k == End:
		return s.fail(ErrMisuse)
	}
	s.ready = false
	if err := s.skipValue(); err != nil {
		return err
	}
	s.state = afterValue
	return nil
}

// need is space for a place where a value or token must follow.
func (s *Scanner) need() (byte, error) {
	c := s.space()
	if c < 0 {
		return 0, s.end()
	}
	return byte(c), nil
}

func (s *Scanner) skipValue() error {
	s.skip = s.skip[:0]
	for {
		// A value starts here.
		c, err := s.need()
		if err != nil {
			return err
		}
		switch c {
		case '{', '[':
			s.pos++
			closing := c + 2 // '}' is '{'+2, ']' is '['+2
			if c, err = s.need(); err != nil {
				return err
			}
			if c == closing {
				s.pos++
				break
			}
			if len(s.skip) >= MaxDepth {
				return s.syntax("exceeded max depth of %d", MaxDepth)
			}
			s.skip = append(s.skip, closing)
			if closing == '}' {
				if err := s.key(); err != nil {
					return err
				}
			}
			continue
		default:
			if err := s.scalar(c); err != nil {
				return err
			}
		}
		// The value ended: close what it ends.
		for {
			if len(s.skip) == 0 {
				return nil
			}
			top := s.skip[len(s.skip)-1]
			c, err := s.need()
			if err != nil {
				return err
			}
			if c == ',' {
				s.pos++
				if top == '}' {
					if err := s.key(); err != nil {
						return err
					}
				}
				break
			}
			if c != top {
				if top == '}' {
					return s.unexpected("after object key:value pair")
				}
				return s.unexpected("after array element")
			}
			s.pos++
			s.skip = s.skip[:len(s.skip)-1]
		}
	}
}

// key reads an object key and its colon, dropping the key.
func (s *Scanner) key() error {
	c, err := s.need()
	if err != nil {
		return err
	}
	if c != '"' {
		return s.unexpected("looking for beginning of object key string")
	}
	if _, _, err := s.readString(nil, 0); err != nil {
		return err
	}
	if c, err = s.need(); err != nil {
		return err
	}
	if c != ':' {
		return s.unexpected("after object key")
	}
	s.pos++
	return nil
}

// scalar reads and drops the string, number or literal whose first byte c
// is next.
func (s *Scanner) scalar(c byte) error {
	var err error
	switch {
	case c == '"':
		_, _, err = s.readString(nil, 0)
	case c == '-' || '0' <= c && c <= '9':
		_, _, err = s.readNumber(nil, false)
	case c == 't':
		err = s.literal("true")
	case c == 'f':
		err = s.literal("false")
	case c == 'n':
		err = s.literal("null")
	default:
		err = s.unexpected("looking for beginning of value")
	}
	return err
}

// readString reads the string whose opening quote is the next byte and
// appends its contents to dst, up to keep bytes (keep < 0: all of them).
// It reports whether it kept the whole string. Invalid UTF-8 is kept
// byte for byte, and an escaped surrogate without its pair (\ud800) is
// kept as the three bytes that would encode it.
func (s *Scanner) readString(dst []byte, keep int) ([]byte, bool, error) {
	// A string with no escape whose closing quote is in the window, in
	// one step (TestStringsAsRuns holds this path to readStringRuns).
	if run, ok := s.plainString(); ok {
		if keep >= 0 && len(run) > keep {
			return appendGrow(dst, run[:keep]), false, nil
		}
		return appendGrow(dst, run), true, nil
	}
	return s.readStringRuns(dst, keep)
}

// plainString reads the string whose opening quote is the next byte when
// it holds no escape and its closing quote is in the window (and in a
// word of it: plainEnd's words, inline), and returns its contents, in the
// window; it reports false, having read nothing, for any other string.
// It is the one-step read of readString (keys, kept strings) and
// ReadText (the decoder's strings).
func (s *Scanner) plainString() ([]byte, bool) {
	buf, from := s.buf, s.pos+1
	for i := from; i+8 <= len(buf); i += 8 {
		m := stops(binary.LittleEndian.Uint64(buf[i : i+8]))
		if m == 0 {
			continue
		}
		if i += bits.TrailingZeros64(m) >> 3; buf[i] != '"' {
			break
		}
		s.pos = i + 1
		return buf[from:i], true
	}
	return nil, false
}

// readStringRuns is readString for any string: run by run, through
// escapes and refills of the window.
func (s *Scanner) readStringRuns(dst []byte, keep int) ([]byte, bool, error) {
	s.pos++ // the opening quote
	limit := len(dst) + keep
	if keep < 0 {
		limit = math.MaxInt
	}
	whole := true
	for {
		buf := s.buf
		i := plainEnd(buf, s.pos)
		if run := buf[s.pos:i]; len(dst)+len(run) <= limit {
			dst = appendGrow(dst, run)
		} else {
			dst = appendGrow(dst, run[:max(limit-len(dst), 0)])
			whole = false
		}
		s.pos = i
		if i == len(buf) {
			if !s.fill() {
				return dst, false, s.end()
			}
			continue
		}
		var err error
		switch c := buf[i]; {
		case c == '"':
			s.pos++
			return dst, whole, nil
		case c < 0x20:
			return dst, false, s.unexpected("in string literal")
		case len(dst) < limit:
			n := len(dst)
			if dst, err = s.escape(dst, true); len(dst) > limit {
				dst = dst[:n]
				whole = false
			}
		default:
			_, err = s.escape(nil, false)
			whole = false
		}
		if err != nil {
			return dst, false, err
		}
	}
}

// plainEnd returns the index of the first byte of buf from i on that
// ends a string's plain run (a quote, a backslash or a control byte), or
// len(buf): eight bytes at a time, then byte by byte
// (TestPlainEndAsBytes holds it to the byte-by-byte walk).
func plainEnd(buf []byte, i int) int {
	for i+8 <= len(buf) {
		if m := stops(binary.LittleEndian.Uint64(buf[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(buf) && buf[i] >= 0x20 && buf[i] != '"' && buf[i] != '\\' {
		i++
	}
	return i
}

// stops returns the bytes of w, eight of a string read as a
// little-endian word, that end a plain run: a byte's high bit is set when
// the byte is below 0x20, or equal to '"' or '\\' (each compared as a
// zero byte of w xor the byte). Borrows may flag a byte after a flagged
// one, never before: the lowest flagged byte is the first to stop at.
func stops(w uint64) uint64 {
	q, b := w^(0x22*ones8), w^(0x5C*ones8)
	return ((w - 0x20*ones8) | (q - ones8) | (b - ones8)) &^ w & (0x80 * ones8)
}

// ones8 has each byte of a word 1.
const ones8 = 0x0101010101010101

// appendGrow is append that doubles the capacity when it grows, so that
// building a long string allocates at most twice its length in all.
func appendGrow(dst, b []byte) []byte {
	if len(dst)+len(b) > cap(dst) {
		grown := make([]byte, len(dst), max(2*cap(dst), len(dst)+len(b), 64))
		copy(grown, dst)
		dst = grown
	}
	return append(dst, b...)
}

// escape reads the escape sequence at the next byte (a backslash),
// appending what it stands for to dst when keep is set.
func (s *Scanner) escape(dst []byte, keep bool) ([]byte, error) {
	if !s.ensure(2) {
		return dst, s.end()
	}
	s.pos++
	c := s.buf[s.pos]
	var out byte
	switch c {
	case '"', '\\', '/':
		out = c
	case 'b':
		out = '\b'
	case 'f':
		out = '\f'
	case 'n':
		out = '\n'
	case 'r':
		out = '\r'
	case 't':
		out = '\t'
	case 'u':
		s.pos-- // hex4 reads the whole \uXXXX
		r, err := s.hex4()
		if err != nil {
			return dst, err
		}
		if utf16IsHigh(r) && s.ensure(6) && s.buf[s.pos] == '\\' && s.buf[s.pos+1] == 'u' {
			save := s.pos
			lo, err := s.hex4()
			if err != nil {
				return dst, err
			}
			if utf16IsLow(lo) {
				if keep {
					dst = utf8.AppendRune(dst, 0x10000+(r-0xD800)<<10+(lo-0xDC00))
				}
				return dst, nil
			}
			s.pos = save
		}
		if keep {
			if utf16IsHigh(r) || utf16IsLow(r) {
				// Not a character: keep it as its (invalid) UTF-8 form.
				dst = append(dst, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
			} else {
				dst = utf8.AppendRune(dst, r)
			}
		}
		return dst, nil
	default:
		return dst, s.unexpected("in string escape code")
	}
	s.pos++
	if keep {
		dst = append(dst, out)
	}
	return dst, nil
}

func utf16IsHigh(r rune) bool { return 0xD800 <= r && r < 0xDC00 }
func utf16IsLow(r rune) bool  { return 0xDC00 <= r && r < 0xE000 }

// hex4 reads \uXXXX at the next byte and returns XXXX.
func (s *Scanner) hex4() (rune, error) {
	if !s.ensure(6) {
		// Find the first byte that is wrong, or the end.
		s.pos += 2
		for s.pos < len(s.buf) && isHex(s.buf[s.pos]) {
			s.pos++
		}
		if s.pos < len(s.buf) {
			return 0, s.unexpected("in \\u hexadecimal character escape")
		}
		return 0, s.end()
	}
	s.pos += 2
	var r rune
	for range 4 {
		c := s.buf[s.pos]
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, s.unexpected("in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(v)
		s.pos++
	}
	return r, nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// next returns the next byte without consuming it, or -1 at the end.
func (s *Scanner) next() int {
	if s.pos < len(s.buf) || s.fill() {
		return int(s.buf[s.pos])
	}
	return -1
}

// readNumber reads the number at the next byte, appending up to
// MaxNumberText bytes of its text to dst when keep is set. It returns the
// number's length too.
func (s *Scanner) readNumber(dst []byte, keep bool) ([]byte, int, error) {
	// A whole number followed, in the window, by a byte that ends it (not
	// a digit, '.', 'e' or 'E'), in one step.
	buf, i := s.buf, s.pos
	if i < len(buf) && buf[i] == '-' {
		i++
	}
	if i < len(buf) && '0' <= buf[i] && buf[i] <= '9' {
		if buf[i] == '0' {
			i++
		} else {
			for i++; i < len(buf) && '0' <= buf[i] && buf[i] <= '9'; i++ {
			}
		}
		if i < len(buf) && buf[i] != '.' && buf[i]|0x20 != 'e' {
			n := i - s.pos
			if keep {
				dst = append(dst, buf[s.pos:s.pos+min(n, MaxNumberText)]...)
			}
			s.pos = i
			return dst, n, s.err
		}
	}
	return s.readNumberSteps(dst, keep)
}

// readNumberSteps is readNumber for any number, byte by byte through
// refills of the window.
func (s *Scanner) readNumberSteps(dst []byte, keep bool) ([]byte, int, error) {
	n := 0
	take := func() {
		if keep && n < MaxNumberText {
			dst = append(dst, s.buf[s.pos])
		}
		n++
		s.pos++
	}
	digits := func(context string) error {
		if c := s.next(); c < '0' || c > '9' {
			return s.unexpected(context)
		}
		for c := s.next(); '0' <= c && c <= '9'; c = s.next() {
			take()
		}
		return nil
	}
	if s.next() == '-' {
		take()
	}
	switch c := s.next(); {
	case c == '0':
		take()
	case '1' <= c && c <= '9':
		if err := digits("in numeric literal"); err != nil {
			return dst, n, err
		}
	default:
		return dst, n, s.unexpected("in numeric literal")
	}
	if s.next() == '.' {
		take()
		if err := digits("after decimal point in numeric literal"); err != nil {
			return dst, n, err
		}
	}
	if c := s.next(); c == 'e' || c == 'E' {
		take()
		if c := s.next(); c == '+' || c == '-' {
			take()
		}
		if err := digits("in exponent of numeric literal"); err != nil {
			return dst, n, err
		}
	}
	return dst, n, s.err
}

// literal reads true, false or null, whose first byte is next.
func (s *Scanner) literal(word string) error {
	for k := 0; k < len(word); k++ {
		if !s.more() {
			return s.end()
		}
		if s.buf[s.pos] != word[k] {
			return s.unexpected("in literal " + word)
		}
		s.pos++
	}
	return nil
}
