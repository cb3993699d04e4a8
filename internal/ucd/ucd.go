// Package ucd reads the code-point ranges of a Unicode Character Database
// property file (DerivedCoreProperties.txt and its extracts: lines such as
// "180B..180D ; Default_Ignorable_Code_Point # Mn [3] …"). The tests that
// check the generated tables against their data use it, so that each does
// not parse the file its own way.
package ucd

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Ranges returns every code point the file lists, in file order. A line
// that is neither a comment, blank, nor "X[..Y] ; property" is an error.
func Ranges(r io.Reader) ([]rune, error) {
	var rs []rune
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		body, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(body) == "" {
			continue
		}
		rng, _, ok := strings.Cut(body, ";")
		if !ok {
			return nil, fmt.Errorf("ucd: line %d: no ';'", n)
		}
		a, b, isRange := strings.Cut(strings.TrimSpace(rng), "..")
		if !isRange {
			b = a
		}
		lo, err1 := strconv.ParseUint(a, 16, 32)
		hi, err2 := strconv.ParseUint(b, 16, 32)
		if err1 != nil || err2 != nil || lo > hi || hi > 0x10FFFF {
			return nil, fmt.Errorf("ucd: line %d: bad range %q", n, rng)
		}
		for c := rune(lo); c <= rune(hi); c++ {
			rs = append(rs, c)
		}
	}
	return rs, sc.Err()
}

// File is [Ranges] of the file at path.
func File(path string) ([]rune, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Ranges(f)
}
