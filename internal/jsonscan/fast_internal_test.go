package jsonscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// plainEndByBytes is plainEnd byte by byte, as readString walked a
// string's plain run before.
func plainEndByBytes(buf []byte, i int) int {
	for i < len(buf) && buf[i] >= 0x20 && buf[i] != '"' && buf[i] != '\\' {
		i++
	}
	return i
}

// TestPlainEndAsBytes holds plainEnd's eight bytes at a time to the walk
// byte by byte: every byte value at every place of runs of up to 17
// bytes of each filler (plain ASCII, the bytes around the stops, UTF-8
// lead and continuation bytes), from every start in the first word; and
// every pair of byte values at every two places of one word.
func TestPlainEndAsBytes(t *testing.T) {
	fillers := []byte{'a', ' ', '!', '#', '[', ']', 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0xFF}
	buf := make([]byte, 0, 17)
	for _, fill := range fillers {
		for n := 0; n <= 17; n++ {
			buf = buf[:n]
			for p := 0; p < n; p++ {
				for v := range 256 {
					for k := range buf {
						buf[k] = fill
					}
					buf[p] = byte(v)
					for i := 0; i <= min(n, 9); i++ {
						if got, want := plainEnd(buf, i), plainEndByBytes(buf, i); got != want {
							t.Fatalf("plainEnd(%q, %d) = %d, want %d", buf, i, got, want)
						}
					}
				}
			}
		}
	}
	word := make([]byte, 9)
	for p := range 8 {
		for q := p + 1; q < 8; q++ {
			for a := range 256 {
				for b := range 256 {
					copy(word, "aaaaaaaaa")
					word[p], word[q] = byte(a), byte(b)
					for _, i := range []int{0, 1} {
						if got, want := plainEnd(word, i), plainEndByBytes(word, i); got != want {
							t.Fatalf("plainEnd(%q, %d) = %d, want %d", word, i, got, want)
						}
					}
				}
			}
		}
	}
}

// TestSpaceRuns: white space of every kind and length is skipped, and
// the line, column and offset of what follows it are right, from memory
// and through readers that cut the input anywhere: every sequence of up
// to 6 of ' ', '\t', '\n', '\r', and runs of 0–40 spaces around a line
// break (indentation, which space skips eight bytes at a time).
func TestSpaceRuns(t *testing.T) {
	var runs []string
	var grow func(prefix string)
	grow = func(prefix string) {
		runs = append(runs, prefix)
		if len(prefix) < 6 {
			for _, c := range []string{" ", "\t", "\n", "\r"} {
				grow(prefix + c)
			}
		}
	}
	grow("")
	for k := range 41 {
		runs = append(runs, strings.Repeat(" ", k), "\n"+strings.Repeat(" ", k), strings.Repeat(" ", k)+"\n"+strings.Repeat(" ", 40-k)+"\t")
	}
	readers := []func([]byte) io.Reader{
		func(b []byte) io.Reader { return bytes.NewReader(b) },
		func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) },
	}
	var s Scanner
	for k, ws := range runs {
		// A value after the white space, then a byte that is not JSON.
		bad := "[" + ws + `"a"` + ws + "x"
		at := len(bad) - 1
		line := 1 + strings.Count(bad[:at], "\n")
		col := at - strings.LastIndexByte(bad[:at], '\n') // from 1
		good := "[" + ws + "1" + ws + "]" + ws
		for r := -1; r < len(readers); r++ {
			if k%7 != 0 && r > 0 {
				continue // every reader for some runs: the one-byte reader is slow
			}
			reset := func(in string) {
				if r < 0 {
					s.Reset([]byte(in))
				} else {
					s.ResetReader(readers[r]([]byte(in)), -1)
				}
			}
			reset(bad)
			err := s.Skip()
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line != line || se.Column != col || se.Offset != int64(at) {
				t.Fatalf("reader %d, %q: %v, want a syntax error at line %d, column %d, offset %d", r, bad, err, line, col, at)
			}
			reset(good)
			if err := s.Skip(); err != nil {
				t.Fatalf("reader %d, %q: %v", r, good, err)
			}
			if k, err := s.Peek(); k != End || err != nil {
				t.Fatalf("reader %d, %q: after the value %q, %v", r, good, k, err)
			}
		}
	}
}

// TestStringsAsRuns holds readString's one-step path (a string without
// escapes whose closing quote is in the window) to readStringRuns, the
// walk run by run it falls back to: every byte value at every place of
// strings of 0–17 bytes of two fillers (ASCII, a UTF-8 lead byte), with
// 0–9 bytes after the closing quote in the window, every limit around
// the string's length, appended to nothing and to a prefix (with -short,
// fewer of the last three). The string, whether it is whole, the error and
// where the scanner stops all agree.
func TestStringsAsRuns(t *testing.T) {
	tails, keeps, pres := []int{0, 1, 6, 7, 8, 9}, func(n int) []int { return []int{-1, 0, 1, n - 1, n, n + 1} }, [][]byte{nil, []byte("pre")}
	if testing.Short() {
		// The places a window's word ends, and the limits around the
		// string's length.
		tails, keeps, pres = []int{0, 7, 8}, func(n int) []int { return []int{-1, n - 1, n} }, [][]byte{[]byte("pre")}
	}
	var a, b Scanner
	buf := make([]byte, 0, 32)
	for _, fill := range []byte{'a', 0xE4} {
		for n := 0; n <= 17; n++ {
			for p := -1; p < n; p++ {
				for v := range 256 {
					if p < 0 && v > 0 {
						break // the plain string once
					}
					for _, tail := range tails {
						buf = append(buf[:0], '"')
						for range n {
							buf = append(buf, fill)
						}
						if p >= 0 {
							buf[1+p] = byte(v)
						}
						buf = append(buf, '"')
						for range tail {
							buf = append(buf, 'x')
						}
						for _, keep := range keeps(n) {
							for _, pre := range pres {
								a.Reset(buf)
								b.Reset(buf)
								got, gw, gerr := a.readString(append([]byte(nil), pre...), keep)
								want, ww, werr := b.readStringRuns(append([]byte(nil), pre...), keep)
								if string(got) != string(want) || gw != ww || fmt.Sprint(gerr) != fmt.Sprint(werr) || a.pos != b.pos {
									t.Fatalf("%q, keep %d, after %q: %q %v %v at %d, want %q %v %v at %d",
										buf, keep, pre, got, gw, gerr, a.pos, want, ww, werr, b.pos)
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestNumbersAsSteps holds readNumber's one-step path (a whole number
// ended, in the window, by a byte that cannot go on it) to
// readNumberSteps, the walk byte by byte it falls back to: every byte
// value at every place of numbers of each shape (signs, a leading zero, a
// fraction, exponents, more digits than MaxNumberText), followed by each
// kind of byte or by the end, the text kept and not. The text, the
// length, the error and where the scanner stops all agree.
func TestNumbersAsSteps(t *testing.T) {
	shapes := []string{"0", "7", "-", "-0", "-9", "10", "12345", "01", "-012", "0.5", "1e5", "1E+5", "-2.5e-3", "123.", "1e",
		strings.Repeat("9", MaxNumberText-1), strings.Repeat("9", MaxNumberText), strings.Repeat("9", MaxNumberText+1), "-" + strings.Repeat("1", 70)}
	var a, b Scanner
	buf := make([]byte, 0, 128)
	for _, shape := range shapes {
		for p := -1; p < len(shape); p++ {
			for v := range 256 {
				if p < 0 && v > 0 {
					break
				}
				for _, tail := range []string{"", ",", "]", " ", "x", "0", ".", "e", "E", "-"} {
					buf = append(append(buf[:0], shape...), tail...)
					if p >= 0 {
						buf[p] = byte(v)
					}
					for _, keep := range []bool{true, false} {
						a.Reset(buf)
						b.Reset(buf)
						got, gn, gerr := a.readNumber([]byte("pre"), keep)
						want, wn, werr := b.readNumberSteps([]byte("pre"), keep)
						if string(got) != string(want) || gn != wn || fmt.Sprint(gerr) != fmt.Sprint(werr) || a.pos != b.pos {
							t.Fatalf("%q, keep %v: %q %d %v at %d, want %q %d %v at %d",
								buf, keep, got, gn, gerr, a.pos, want, wn, werr, b.pos)
						}
					}
				}
			}
		}
	}
}

// TestTextAsString holds ReadText (a string without escapes whose closing
// quote is in the window taken from it in one piece) to ReadString: every
// byte value at every place of strings of 0–17 bytes of two fillers, with
// 0–9 bytes after the closing quote, as a value in an array. The text
// (none with an error), the error, where the scanner stops and the token
// after agree.
func TestTextAsString(t *testing.T) {
	var a, b Scanner
	buf := make([]byte, 0, 32)
	var scratch []byte
	for _, fill := range []byte{'a', 0xE4} {
		for n := 0; n <= 17; n++ {
			for p := -1; p < n; p++ {
				for v := range 256 {
					if p < 0 && v > 0 {
						break
					}
					for _, tail := range []int{0, 1, 6, 7, 8, 9} {
						buf = append(buf[:0], '[', '"')
						for range n {
							buf = append(buf, fill)
						}
						if p >= 0 {
							buf[2+p] = byte(v)
						}
						buf = append(buf, '"')
						for range tail {
							buf = append(buf, ' ')
						}
						a.Reset(buf)
						b.Reset(buf)
						a.ReadDelim()
						b.ReadDelim()
						var got string
						var gerr error
						got, scratch, gerr = a.ReadText(scratch)
						want, _, werr := b.ReadString(nil, -1)
						ak, aerr := a.Peek()
						bk, berr := b.Peek()
						if werr != nil {
							want = nil // ReadText returns no text with an error
						}
						if got != string(want) || fmt.Sprint(gerr) != fmt.Sprint(werr) || a.pos != b.pos || ak != bk || fmt.Sprint(aerr) != fmt.Sprint(berr) {
							t.Fatalf("%q: %q %v at %d then %q %v, want %q %v at %d then %q %v",
								buf, got, gerr, a.pos, ak, aerr, want, werr, b.pos, bk, berr)
						}
					}
				}
			}
		}
	}
	a.Reset([]byte(`1`))
	if _, _, err := a.ReadText(nil); err != ErrMisuse {
		t.Errorf("ReadText on a number: %v", err)
	}
}
