package main

import (
	"bytes"
	"context"
	"log/slog"
	"math"
	"strings"
	"testing"
	"time"
)

// TestLogLineAsJSONHandler holds appendLogLine, the access-log line
// written without slog, to slog.JSONHandler with its default options (the
// service's handler, newLogger): the same bytes for every string of one
// and of two bytes (each byte value: ASCII, control characters, quote,
// backslash, every leading and continuation byte of UTF-8, invalid
// bytes), for every string of three bytes over the bytes at the edges of
// those classes and of U+2028 and U+2029, for some longer ones, as keys
// and as values; for ints and durations at their extremes; for times in
// and out of UTC, with and without a monotonic reading, with nanoseconds
// that trim; and for each level.
func TestLogLineAsJSONHandler(t *testing.T) {
	var strs []string
	for b := range 256 {
		strs = append(strs, string([]byte{byte(b)}))
		for c := range 256 {
			strs = append(strs, string([]byte{byte(b), byte(c)}))
		}
	}
	edges := []byte{0x00, 0x08, 0x09, 0x0a, 0x0d, 0x1f, ' ', '"', '\\', '/', '<', '&', 'a', 0x7f, 0x80, 0xa7, 0xa8, 0xa9, 0xaa, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff}
	for _, a := range edges {
		for _, b := range edges {
			for _, c := range edges {
				strs = append(strs, string([]byte{a, b, c}))
			}
		}
	}
	strs = append(strs, "", "request", "/v1/filings:validate", "127.0.0.1:40000", "中文 ok", "\u2028\u2029", "x\u2028y\u2029z", "\ufffd", "😀\xf0\x9f\x98", "a\"b\\c\nd\re\tf\x00g\x1fh", strings.Repeat("网站\u2028\x01", 100))

	when := time.Date(2026, 12, 6, 23, 41, 2, 123456789, time.UTC)
	shanghai := time.FixedZone("CST", 8*3600)
	times := []time.Time{
		when, when.Truncate(time.Millisecond), when.Truncate(time.Second), when.In(shanghai),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, shanghai), time.Date(0, 1, 1, 0, 0, 0, 1000, time.UTC),
		time.Now(), // with a monotonic reading
	}

	var buf bytes.Buffer
	h := slog.NewJSONHandler(&buf, nil)
	check := func(tm time.Time, level slog.Level, msg string, attrs ...slog.Attr) {
		t.Helper()
		buf.Reset()
		r := slog.NewRecord(tm, level, msg, 0)
		r.AddAttrs(attrs...)
		if err := h.Handle(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		got, ok := appendLogLine(nil, tm, level, msg, attrs)
		if !ok || !bytes.Equal(got, buf.Bytes()) {
			t.Fatalf("%v %v %q %v:\n got %q (%v)\nwant %q", tm, level, msg, attrs, got, ok, buf.Bytes())
		}
	}
	for _, s := range strs {
		check(when, slog.LevelInfo, "request", slog.String("path", s))
		if s != "" { // an empty key is left to the handler (below)
			check(when, slog.LevelInfo, "request", slog.String(s, "x"))
		}
		check(when, slog.LevelInfo, s)
	}
	for _, tm := range times {
		for _, level := range []slog.Level{slog.LevelDebug, slog.LevelInfo, slog.LevelWarn, slog.LevelError, slog.LevelInfo + 2} {
			check(tm, level, "request",
				slog.String("method", "POST"), slog.Int("status", 200), slog.Int64("bytes", 0),
				slog.Int64("min", math.MinInt64), slog.Int64("max", math.MaxInt64), slog.Int("neg", -7),
				slog.Duration("duration", 1234567*time.Nanosecond), slog.Duration("d0", 0), slog.Duration("dmax", math.MaxInt64), slog.Duration("dneg", -time.Second))
		}
	}
	check(when, slog.LevelInfo, "request") // no attribute

	// What it does not encode, it says so, and the caller logs through
	// the handler.
	for _, a := range []slog.Attr{slog.Bool("b", true), slog.Float64("f", 1.5), slog.Any("a", []int{1}), slog.Group("g", slog.Int("i", 1)), slog.Time("t", when), slog.Uint64("u", 1), slog.String("", "x")} {
		if _, ok := appendLogLine(nil, when, slog.LevelInfo, "request", []slog.Attr{a}); ok {
			t.Errorf("%v: encoded", a)
		}
	}
	if _, ok := appendLogLine(nil, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), slog.LevelInfo, "request", nil); ok {
		t.Error("year 10000: encoded")
	}
}
