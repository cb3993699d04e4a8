package main

import (
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// newLogger returns the service's logger: JSON lines on w, one Write a
// line (slog.JSONHandler's, with its default options). The access-log
// line is written to w directly (see jsonLog), without the handler.
func newLogger(w io.Writer) *slog.Logger {
	out := &logOutput{w: w}
	return slog.New(jsonLog{slog.NewJSONHandler(out, nil), out})
}

// jsonLog is the service's log handler: slog's JSONHandler with its
// default options, writing to out. The middleware writes each access-log
// line to out itself (appendLogLine): the same line as the handler
// writes, at a fraction of its cost (its escaping, its pooled state and
// its record's attributes). Derived handlers (WithAttrs, WithGroup) are
// the JSONHandler's, and are written by it.
type jsonLog struct {
	*slog.JSONHandler
	out *logOutput
}

// logOutput is a log's writer: one line a Write, under its lock, so that
// the lines written by the handler and those written by the middleware
// never interleave, whatever the writer.
type logOutput struct {
	mu sync.Mutex
	w  io.Writer
}

func (o *logOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.w.Write(p)
}

// logLineBuffers are the buffers the access-log lines are encoded into.
var logLineBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// maxPooledLogLine is the largest line buffer logLineBuffers keeps.
const maxPooledLogLine = 16 << 10

// writeLogLine writes the line slog.JSONHandler (default options) writes
// for a record of t, level, msg and attrs, with one Write. It reports
// false, writing nothing, for what appendLogLine does not encode.
func (o *logOutput) writeLogLine(t time.Time, level slog.Level, msg string, attrs []slog.Attr) bool {
	bp := logLineBuffers.Get().(*[]byte)
	line, ok := appendLogLine((*bp)[:0], t, level, msg, attrs)
	if ok {
		_, _ = o.Write(line)
	}
	if cap(line) <= maxPooledLogLine {
		*bp = line[:0]
		logLineBuffers.Put(bp)
	}
	return ok
}

// appendLogLine appends the line slog.JSONHandler with its default
// options writes for a record of t, level, msg and attrs (without
// groups): time, level and msg, then the attributes in order, strings
// escaped as it escapes them, durations in nanoseconds. It reports false
// for an attribute of another kind than string, int64 and duration, and
// for a time whose year is outside 0–9999 (the handler writes an error
// for it): the caller then logs the record through the handler.
// TestLogLineAsJSONHandler holds it to the handler.
func appendLogLine(dst []byte, t time.Time, level slog.Level, msg string, attrs []slog.Attr) ([]byte, bool) {
	if y := t.Year(); y < 0 || y >= 10000 {
		return dst, false
	}
	dst = append(dst, `{"time":"`...)
	dst = t.Round(0).AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, `","level":`...)
	dst = appendLogString(dst, level.String())
	dst = append(dst, `,"msg":`...)
	dst = appendLogString(dst, msg)
	for _, a := range attrs {
		if a.Key == "" {
			// The handler drops an attribute without a key when its
			// value is empty: left to it.
			return dst, false
		}
		dst = append(dst, ',')
		dst = appendLogString(dst, a.Key)
		dst = append(dst, ':')
		switch a.Value.Kind() {
		case slog.KindString:
			dst = appendLogString(dst, a.Value.String())
		case slog.KindInt64:
			dst = strconv.AppendInt(dst, a.Value.Int64(), 10)
		case slog.KindDuration:
			dst = strconv.AppendInt(dst, int64(a.Value.Duration()), 10)
		default:
			return dst, false
		}
	}
	return append(dst, "}\n"...), true
}

// appendLogString appends s as slog.JSONHandler writes a string: quoted,
// with ", \ and the control characters below U+0020 escaped (\n, \r, \t,
// else \u00XX), U+2028 and U+2029 as \u2028 and \u2029, and each byte of
// invalid UTF-8 as \ufffd.
func appendLogString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	i := 0
	for i < len(s) && logPlain[s[i]] {
		i++
	}
	if i == len(s) {
		// Nothing to escape (the lines' strings but for a problem).
		dst = append(dst, s...)
		return append(dst, '"')
	}
	start := 0
	for i < len(s) {
		b := s[i]
		if b < utf8.RuneSelf {
			if logPlain[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// logPlain holds true for the bytes appendLogString copies as they are:
// ASCII from U+0020 on, but for " and \.
var logPlain = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()
