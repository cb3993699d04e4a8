//go:build !beian_reflectdecode

package beian

import (
	"fmt"
	"math"
	"strconv"

	"github.com/icpcheck/beian/internal/jsonscan"
)

// The generated decoder (decode_gen.go) is the reflective one of decode.go
// (value, array, object) unrolled for the filing model by
// TestGeneratedDecoderCurrent: one method per type of the model, which
// reads the scanner's tokens in the same order, records the same problems
// at the same paths and stores the same values, without reflection, map
// lookups of keys or interface calls. These are the parts it shares; like
// it, they are left out of a build with the beian_reflectdecode tag.

// open starts a value that must be an object or an array (want is the
// kind, BeginObject or BeginArray): it reports true when it has read the
// opening bracket. Null is read and leaves the value as it is; a value of
// another kind is recorded and skipped.
func (d *decoder) open(want jsonscan.Kind) (bool, error) {
	k, err := d.s.Peek()
	if err != nil {
		return false, err
	}
	switch k {
	case want:
		_, err := d.s.ReadDelim()
		return err == nil, err
	case jsonscan.Null:
		_, err := d.s.ReadLiteral()
		return false, err
	}
	if want == jsonscan.BeginObject {
		return false, d.wrongType("want an object", k)
	}
	return false, d.wrongType("want an array", k)
}

// nextKey reads the next key of an object, or its end (end set).
func (d *decoder) nextKey() (key []byte, end bool, err error) {
	k, err := d.s.Peek()
	if err != nil {
		return nil, false, err
	}
	if k == jsonscan.EndObject {
		_, err := d.s.ReadDelim()
		return nil, true, err
	}
	key, err = d.s.ReadKey()
	return key, false, err
}

// unknownField records the member just keyed as unknown and skips it.
func (d *decoder) unknownField() error {
	d.fail(errUnknownField)
	return d.s.Skip()
}

// duplicateField records the member just keyed as a repeat and skips it.
func (d *decoder) duplicateField() error {
	d.fail(errDuplicateField)
	return d.s.Skip()
}

// nextElement reports whether element n of an array comes next; at the
// end it reads the closing bracket, and past maxItems it records the
// problem and skips the rest.
func (d *decoder) nextElement(n int) (bool, error) {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return false, err
	}
	if k == jsonscan.EndArray {
		_, err := s.ReadDelim()
		return false, err
	}
	if n == d.maxItems {
		d.failAt(s.Depth()-1, func() error {
			return fmt.Errorf("more than %d elements (see DecodeOptions.MaxItems)", d.maxItems)
		})
		return false, d.skipElements()
	}
	return true, nil
}

// grow returns the capacity of a full slice of n elements grown for one
// more: double, where append grows large slices by a quarter, so that the
// copies add up to the final size, not four times it.
func grow(n int) int { return max(4, 2*n) }

// text reads a string value of at most maxTextValue bytes into d.scratch
// for a text type named what ("date") and reports whether it did. Null is
// read and leaves the value as it is; a value of another kind, or a longer
// string, is recorded (and skipped).
func (d *decoder) text(what string) (bool, error) {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return false, err
	}
	switch k {
	case jsonscan.String:
	case jsonscan.Null:
		_, err := s.ReadLiteral()
		return false, err
	default:
		return false, d.wrongType("want a string", k)
	}
	var whole bool
	if d.scratch, whole, err = s.ReadString(d.scratch[:0], maxTextValue); err != nil {
		return false, err
	}
	if !whole {
		d.fail(func() error {
			return fmt.Errorf("want a %s, got %s", what, quoteInput(d.scratch, true))
		})
		return false, nil
	}
	return true, nil
}

// textError records err, of a text type's UnmarshalText.
func (d *decoder) textError(err error) {
	d.fail(func() error { return describeModelError(err) })
}

// genString reads a string.
func (d *decoder) genString(dst *string) error {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return err
	}
	switch k {
	case jsonscan.String:
	case jsonscan.Null:
		_, err := s.ReadLiteral()
		return err
	default:
		return d.wrongType("want a string", k)
	}
	text, scratch, err := s.ReadText(d.scratch)
	d.scratch = scratch
	if err != nil {
		return err
	}
	*dst = text
	return nil
}

// genBool reads true or false.
func (d *decoder) genBool(dst *bool) error {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return err
	}
	switch k {
	case jsonscan.True, jsonscan.False, jsonscan.Null:
		if _, err := s.ReadLiteral(); err != nil {
			return err
		}
		if k != jsonscan.Null {
			*dst = k == jsonscan.True
		}
		return nil
	}
	return d.wrongType("want true or false", k)
}

// genInt reads a whole number from 0 to math.MaxInt32.
func (d *decoder) genInt(dst *int) error {
	i, ok, err := d.wholeNumber(math.MaxInt32)
	if ok {
		*dst = int(i)
	}
	return err
}

// genInt64 reads a whole number from 0.
func (d *decoder) genInt64(dst *int64) error {
	i, ok, err := d.wholeNumber(math.MaxInt64)
	if ok {
		*dst = i
	}
	return err
}

// wholeNumber reads a whole number from 0 to most and reports whether it
// did. Null is read and stores nothing; another kind of value, or a number
// out of range or with a fraction or exponent, is recorded.
func (d *decoder) wholeNumber(most int64) (int64, bool, error) {
	s := &d.s
	k, err := s.Peek()
	if err != nil {
		return 0, false, err
	}
	switch k {
	case jsonscan.Number:
	case jsonscan.Null:
		_, err := s.ReadLiteral()
		return 0, false, err
	default:
		return 0, false, d.wrongType("want a number", k)
	}
	var n int
	if d.scratch, n, err = s.ReadNumber(d.scratch[:0]); err != nil {
		return 0, false, err
	}
	i, ok := plainWhole(d.scratch, n)
	if !ok {
		var perr error
		i, perr = strconv.ParseInt(string(d.scratch), 10, 64)
		ok = n <= len(d.scratch) && perr == nil && i >= 0
	}
	if !ok || i > most {
		d.fail(func() error {
			return fmt.Errorf("want a whole number from 0, got %s", quoteNumber(d.scratch, n))
		})
		return 0, false, nil
	}
	return i, true, nil
}

// plainWhole reads the text b of a number of n bytes when it is at most 18
// digits (which int64 holds), and reports false for anything else, which
// strconv.ParseInt then decides.
func plainWhole(b []byte, n int) (int64, bool) {
	if n != len(b) || n == 0 || n > 18 {
		return 0, false
	}
	var i int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int64(c-'0')
	}
	return i, true
}
