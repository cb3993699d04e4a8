package phonenum

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/icpcheck/beian/provinces"
)

// The phone.dat layout.
const (
	datHeader = 8 // 4-byte version, little-endian int32 index offset
	datEntry  = 9 // int32 prefix, int32 record offset, card type
	// maxDatRecord bounds one record (province|city|zip|areacode and NUL).
	maxDatRecord = 512
)

// datCards maps a phone.dat card type to its operator and virtual flag.
var datCards = [9]struct {
	op      Operator
	virtual bool
}{
	1: {ChinaMobile, false},   // 移动
	2: {ChinaUnicom, false},   // 联通
	3: {ChinaTelecom, false},  // 电信
	4: {ChinaTelecom, true},   // 电信虚拟
	5: {ChinaUnicom, true},    // 联通虚拟
	6: {ChinaMobile, true},    // 移动虚拟
	7: {ChinaBroadnet, false}, // 广电
	8: {ChinaBroadnet, true},  // 广电虚拟
}

func le32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// LoadPhoneDat reads a segment table in the phone.dat format (see
// [ParsePhoneDat]), at most [MaxTableSize] bytes.
func LoadPhoneDat(r io.Reader) (*Table, error) {
	data, err := readLimited(r, "phone.dat")
	if err != nil {
		return nil, err
	}
	return ParsePhoneDat(data)
}

// ParsePhoneDat reads a segment table in the widespread phone.dat format:
//
//   - an 8-byte header: a 4-byte ASCII version ("2302") and the offset of
//     the first index entry as a little-endian int32;
//   - a record area: "province|city|zip|areacode" strings, each ending in
//     a NUL byte;
//   - index entries of 9 bytes up to the end of the file, in ascending
//     order of prefix: the 7-digit prefix and the offset of its record, both
//     little-endian int32, then the card type: 1 移动, 2 联通, 3 电信,
//     4 电信虚拟, 5 联通虚拟, 6 移动虚拟, 7 广电, 8 广电虚拟.
//
// A truncated file, an index out of order, a record offset outside the
// record area, a record without its NUL or four fields, a province that
// is not one of the 31, or an unknown card type is an error wrapping
// [ErrTableFormat] (a [*TableError] with the offset). Time and memory are
// linear in the size of data; data is not retained.
func ParsePhoneDat(data []byte) (*Table, error) {
	fail := func(off int64, format string, args ...any) (*Table, error) {
		return nil, &TableError{Format: "phone.dat", Offset: off, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) < datHeader {
		return fail(0, "truncated header: %d bytes, want at least %d", len(data), datHeader)
	}
	if !datVersion(data[:4]) {
		return fail(0, "version %q is not 4 printable ASCII characters", data[:4])
	}
	version := string(data[:4])
	indexOff := int64(le32(data[4:]))
	switch {
	case indexOff < datHeader || indexOff > int64(len(data)):
		return fail(4, "index offset %d outside the file (%d bytes)", indexOff, len(data))
	case (int64(len(data))-indexOff)%datEntry != 0:
		return fail(indexOff, "index of %d bytes is not a whole number of %d-byte entries: the file is truncated", int64(len(data))-indexOff, datEntry)
	}
	records := data[:indexOff]
	// Records are shared by many entries: parse each once.
	type rec struct {
		province string
		city     string
	}
	parsed := map[uint32]rec{}
	b := newTableBuilder("phone.dat", version)
	var last uint32
	for off := indexOff; off < int64(len(data)); off += datEntry {
		e := data[off : off+datEntry]
		prefix, ro, card := le32(e), le32(e[4:]), e[8]
		if prefix < 1000000 || prefix > 1999999 {
			return fail(off, "prefix %d is not 7 digits starting with 1", prefix)
		}
		if off > indexOff && prefix <= last {
			return fail(off, "prefix %d after %d: the index is not in ascending order", prefix, last)
		}
		last = prefix
		if card == 0 || int(card) >= len(datCards) {
			return fail(off+8, "unknown card type %d for prefix %d", card, prefix)
		}
		r, ok := parsed[ro]
		if !ok {
			if int64(ro) < datHeader || int64(ro) >= indexOff {
				return fail(off+4, "record offset %d of prefix %d outside the record area [%d, %d)", ro, prefix, datHeader, indexOff)
			}
			area := records[ro:]
			if len(area) > maxDatRecord {
				area = area[:maxDatRecord]
			}
			end := bytes.IndexByte(area, 0)
			if end < 0 {
				return fail(int64(ro), "record of prefix %d has no NUL within %d bytes", prefix, len(area))
			}
			fields := bytes.Split(area[:end], []byte{'|'})
			if len(fields) != 4 {
				return fail(int64(ro), "record %q of prefix %d has %d fields, want province|city|zip|areacode", area[:end], prefix, len(fields))
			}
			pr, ok := provinces.Lookup(string(fields[0]))
			if !ok {
				return fail(int64(ro), "record of prefix %d names no province: %s", prefix, strconv.Quote(string(fields[0])))
			}
			if !utf8.Valid(fields[1]) {
				return fail(int64(ro), "record of prefix %d has a city that is not UTF-8", prefix)
			}
			r = rec{province: pr.Code, city: string(fields[1])}
			parsed[ro] = r
		}
		c := datCards[card]
		b.add(prefix, tableEntry{province: r.province, city: r.city, operator: c.op, hasOperator: true, virtual: c.virtual, hasVirtual: true})
	}
	return b.done(), nil
}
