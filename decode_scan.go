package beian

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// scanner reads JSON from a byte window that is either the whole input
// (ParseFiling) or a fixed-size buffer refilled from a reader
// (DecodeFiling). It checks the grammar strictly as it goes and keeps only
// the bytes of the value being read, so the memory it needs is its buffer
// plus the largest string or number of the input.
//
// A fatal problem (a syntax error, the end of the input in the middle of a
// value, a read error, the size limit) is recorded in fatal and aborts the
// decoding with a panic of type abort, recovered by decodeWith.
type scanner struct {
	buf  []byte    // the window; buf[pos:] is unread
	pos  int       // next unread byte of buf
	r    io.Reader // nil when buf holds the whole input
	base int64     // input offset of buf[0]
	read int64     // bytes read from r so far
	max  int64     // most bytes accepted; < 0 for no limit
	eof  bool      // r has no more bytes (or r is nil)

	// Position of the current line, for error messages: the line number,
	// the input offset of its first byte and the characters of it that
	// have already left the window.
	line      int
	lineStart int64
	colBase   int

	fatal error
	stack []byte // the closing brackets skipValue expects
}

// abort is the panic value that stops decoding at a fatal problem.
type abort struct{}

// maxDepth bounds the nesting of arrays and objects, as encoding/json does.
const maxDepth = 10000

// readBufSize is the window's size when reading from an io.Reader.
const readBufSize = 32 << 10

func newBytesScanner(data []byte) *scanner {
	return &scanner{buf: data, eof: true, line: 1, max: -1}
}

func newReaderScanner(r io.Reader, max int64) *scanner {
	return &scanner{buf: make([]byte, 0, readBufSize), r: r, max: max, line: 1}
}

// offset returns the input offset of the next unread byte.
func (s *scanner) offset() int64 { return s.base + int64(s.pos) }

// fill reads more input into the window and reports whether there is at
// least one more unread byte. Bytes before pos are dropped.
func (s *scanner) fill() bool {
	if s.eof {
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
		if s.max >= 0 && s.read > s.max {
			s.fail(tooLarge(s.max))
		}
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.fail(&readError{err})
		case n == 0 && tries < 100:
			continue
		case n == 0:
			s.fail(&readError{io.ErrNoProgress})
		}
		break
	}
	return s.pos < len(s.buf)
}

// readError is a failure of the io.Reader, not of the JSON.
type readError struct{ err error }

func (e *readError) Error() string { return "beian: reading filing: " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// ensure makes n unread bytes available when the input has them and
// reports whether it does.
func (s *scanner) ensure(n int) bool {
	for len(s.buf)-s.pos < n {
		if s.eof {
			return false
		}
		if s.pos == 0 && len(s.buf) == cap(s.buf) {
			return true // cannot happen for the small n used here
		}
		s.fill()
	}
	return true
}

// peek returns the next byte after white space, or -1 at the end of the
// input. It consumes the white space.
func (s *scanner) peek() int {
	for {
		for s.pos < len(s.buf) {
			switch c := s.buf[s.pos]; c {
			case ' ', '\t', '\r':
				s.pos++
			case '\n':
				s.pos++
				s.line++
				s.lineStart = s.offset()
				s.colBase = 0
			default:
				return int(c)
			}
		}
		if !s.fill() {
			return -1
		}
	}
}

// need is peek for a place where a value or token must follow.
func (s *scanner) need() byte {
	c := s.peek()
	if c < 0 {
		s.fail(errEndOfInput)
	}
	return byte(c)
}

var errEndOfInput = errors.New("invalid JSON: the input ends in the middle of the filing")

// fail records a fatal problem and aborts.
func (s *scanner) fail(err error) {
	if s.fatal == nil {
		s.fatal = err
	}
	panic(abort{})
}

// syntax aborts with a syntax error at the next unread byte.
func (s *scanner) syntax(format string, args ...any) {
	s.fail(fmt.Errorf("invalid JSON at %s: "+format, append([]any{s.lineCol()}, args...)...))
}

// unexpected aborts on the next unread byte, found where context says.
func (s *scanner) unexpected(context string) {
	if s.pos >= len(s.buf) && !s.fill() {
		s.fail(errEndOfInput)
	}
	s.syntax("invalid character %s %s", s.quoteNext(), context)
}

// quoteNext quotes the character at the next unread byte the way
// encoding/json's messages do: 'x'.
func (s *scanner) quoteNext() string {
	s.ensure(utf8.UTFMax)
	r, _ := utf8.DecodeRune(s.buf[s.pos:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", s.buf[s.pos])
	}
	if r == '\'' {
		return `'\''`
	}
	if r == '"' {
		return `'"'`
	}
	q := strconv.QuoteRune(r)
	return q
}

// lineCol returns "line L, column C" for the next unread byte; columns
// count characters.
func (s *scanner) lineCol() string {
	col := s.colBase
	if from := s.lineStart - s.base; from < int64(s.pos) {
		col += countChars(s.buf[max(from, 0):s.pos])
	}
	return fmt.Sprintf("line %d, column %d", s.line, col+1)
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

// expect consumes byte c, which must come next after white space.
func (s *scanner) expect(c byte, context string) {
	if s.need() != c {
		s.unexpected(context)
	}
	s.pos++
}

// readString reads the string whose opening quote is the next byte and
// appends its contents to dst, up to keep bytes (keep < 0: all of them).
// It reports whether it kept the whole string. Invalid UTF-8 is kept
// byte for byte, and an escaped surrogate without its pair (\ud800) is
// kept as the three bytes that would encode it: both are then invalid
// UTF-8 in the Go string, which the TEXT_INVALID rule reports at the
// field. Nothing is silently replaced by U+FFFD.
func (s *scanner) readString(dst []byte, keep int) ([]byte, bool) {
	s.pos++ // the opening quote
	limit := len(dst) + keep
	if keep < 0 {
		limit = math.MaxInt
	}
	whole := true
	for {
		buf := s.buf
		i := s.pos
		for i < len(buf) && buf[i] >= 0x20 && buf[i] != '"' && buf[i] != '\\' {
			i++
		}
		if run := buf[s.pos:i]; len(dst)+len(run) <= limit {
			dst = appendGrow(dst, run)
		} else {
			dst = appendGrow(dst, run[:max(limit-len(dst), 0)])
			whole = false
		}
		s.pos = i
		if i == len(buf) {
			if !s.fill() {
				s.fail(errEndOfInput)
			}
			continue
		}
		switch c := buf[i]; {
		case c == '"':
			s.pos++
			return dst, whole
		case c < 0x20:
			s.unexpected("in string literal")
		case len(dst) < limit:
			n := len(dst)
			dst = s.escape(dst, true)
			if len(dst) > limit {
				dst = dst[:n]
				whole = false
			}
		default:
			s.escape(nil, false)
			whole = false
		}
	}
}

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

// escape reads the escape sequence at the next byte (a backslash).
func (s *scanner) escape(dst []byte, keep bool) []byte {
	if !s.ensure(2) {
		s.fail(errEndOfInput)
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
		r := s.hex4()
		if utf16IsHigh(r) && s.ensure(6) && s.buf[s.pos] == '\\' && s.buf[s.pos+1] == 'u' {
			save := s.pos
			if lo := s.hex4(); utf16IsLow(lo) {
				if keep {
					dst = utf8.AppendRune(dst, 0x10000+(r-0xD800)<<10+(lo-0xDC00))
				}
				return dst
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
		return dst
	default:
		s.unexpected("in string escape code")
	}
	s.pos++
	if keep {
		dst = append(dst, out)
	}
	return dst
}

func utf16IsHigh(r rune) bool { return 0xD800 <= r && r < 0xDC00 }
func utf16IsLow(r rune) bool  { return 0xDC00 <= r && r < 0xE000 }

// hex4 reads \uXXXX at the next byte and returns XXXX.
func (s *scanner) hex4() rune {
	if !s.ensure(6) {
		// Find the first byte that is wrong, or the end.
		s.pos += 2
		for s.pos < len(s.buf) && isHex(s.buf[s.pos]) {
			s.pos++
		}
		if s.pos < len(s.buf) {
			s.unexpected("in \\u hexadecimal character escape")
		}
		s.fail(errEndOfInput)
	}
	s.pos += 2
	var r rune
	for k := 0; k < 4; k++ {
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
			s.unexpected("in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(v)
		s.pos++
	}
	return r
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// maxNumberText is the most bytes of a number readNumber keeps.
const maxNumberText = 64

// readNumber reads the number at the next byte, appending up to
// maxNumberText bytes of its text to dst when keep is set. It returns the
// number's length too.
func (s *scanner) readNumber(dst []byte, keep bool) ([]byte, int) {
	n := 0
	take := func() {
		if keep && n < maxNumberText {
			dst = append(dst, s.buf[s.pos])
		}
		n++
		s.pos++
	}
	next := func() int {
		if s.pos < len(s.buf) || s.fill() {
			return int(s.buf[s.pos])
		}
		return -1
	}
	digits := func(context string) {
		if c := next(); c < '0' || c > '9' {
			s.unexpected(context)
		}
		for c := next(); '0' <= c && c <= '9'; c = next() {
			take()
		}
	}
	if next() == '-' {
		take()
	}
	switch c := next(); {
	case c == '0':
		take()
	case '1' <= c && c <= '9':
		digits("in numeric literal")
	default:
		s.unexpected("in numeric literal")
	}
	if next() == '.' {
		take()
		digits("after decimal point in numeric literal")
	}
	if c := next(); c == 'e' || c == 'E' {
		take()
		if c := next(); c == '+' || c == '-' {
			take()
		}
		digits("in exponent of numeric literal")
	}
	return dst, n
}

// literal reads true, false or null, whose first byte is next.
func (s *scanner) literal(word string) {
	for k := 0; k < len(word); k++ {
		if s.pos >= len(s.buf) && !s.fill() {
			s.fail(errEndOfInput)
		}
		if s.buf[s.pos] != word[k] {
			s.unexpected("in literal " + word)
		}
		s.pos++
	}
}

// skipValue reads the value that comes next, checking it, and drops it.
// It keeps its own stack of open brackets, so deep nesting uses no Go
// stack.
func (s *scanner) skipValue() {
	s.stack = s.stack[:0]
	for {
		// A value starts here.
		switch c := s.need(); c {
		case '{':
			s.pos++
			if s.need() == '}' {
				s.pos++
				break
			}
			s.push('}')
			s.key()
			continue
		case '[':
			s.pos++
			if s.need() == ']' {
				s.pos++
				break
			}
			s.push(']')
			continue
		default:
			s.scalar(c)
		}
		// The value ended: close what it ends.
		for {
			if len(s.stack) == 0 {
				return
			}
			top := s.stack[len(s.stack)-1]
			c := s.need()
			if c == ',' {
				s.pos++
				if top == '}' {
					s.key()
				}
				break
			}
			if c != top {
				if top == '}' {
					s.unexpected("after object key:value pair")
				}
				s.unexpected("after array element")
			}
			s.pos++
			s.stack = s.stack[:len(s.stack)-1]
		}
	}
}

func (s *scanner) push(c byte) {
	if len(s.stack) >= maxDepth {
		s.syntax("exceeded max depth of %d", maxDepth)
	}
	s.stack = append(s.stack, c)
}

// key reads an object key and its colon, dropping the key.
func (s *scanner) key() {
	if s.need() != '"' {
		s.unexpected("looking for beginning of object key string")
	}
	s.readString(nil, 0)
	s.expect(':', "after object key")
}

// scalar reads and drops the string, number or literal whose first byte c
// is next.
func (s *scanner) scalar(c byte) {
	switch {
	case c == '"':
		s.readString(nil, 0)
	case c == '-' || '0' <= c && c <= '9':
		s.readNumber(nil, false)
	case c == 't':
		s.literal("true")
	case c == 'f':
		s.literal("false")
	case c == 'n':
		s.literal("null")
	default:
		s.unexpected("looking for beginning of value")
	}
}
