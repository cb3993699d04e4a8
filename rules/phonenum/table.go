package phonenum

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
)

// A Table is a caller's segment (号段) table: for 7-digit mobile prefixes,
// the province and, where the source gives them, the city, the operator and
// whether the segment is a virtual operator's. [Table.Parse] parses with
// the table's answers taking precedence over the built-in data.
//
// A Table is immutable once loaded and safe for concurrent use; one table
// can serve every validator of a process. The nil *Table is valid and
// empty.
type Table struct {
	starts  []uint32 // first prefix of each run, ascending
	vals    []uint32 // entry index + 1 of each run; 0 for a gap
	entries []tableEntry
	count   int
	version string
	format  string
}

// tableEntry is what a table says of a prefix.
type tableEntry struct {
	province    string // GB/T 2260 code
	city        string
	operator    Operator
	hasOperator bool
	virtual     bool
	hasVirtual  bool
}

// MaxTableSize is the largest table file the loaders read (64 MiB; a
// complete phone.dat is about 4.5 MB).
const MaxTableSize = 64 << 20

// Len returns the number of 7-digit prefixes the table holds.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return t.count
}

// Version returns the version a phone.dat file declares in its header
// ("2302"); "" for a CSV table.
func (t *Table) Version() string {
	if t == nil {
		return ""
	}
	return t.version
}

// Format returns "csv" or "phone.dat", the format the table was loaded
// from; "" for the nil table.
func (t *Table) Format() string {
	if t == nil {
		return ""
	}
	return t.format
}

// lookup returns the entry of a 7-digit prefix, or nil.
func (t *Table) lookup(prefix uint32) *tableEntry {
	if t == nil || len(t.starts) == 0 {
		return nil
	}
	// The last run starting at or before prefix.
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > prefix }) - 1
	if i < 0 || t.vals[i] == 0 {
		return nil
	}
	return &t.entries[t.vals[i]-1]
}

// tableBuilder collects (prefix, entry) pairs in ascending prefix order.
type tableBuilder struct {
	t     *Table
	index map[tableEntry]uint32
	last  uint32 // last prefix added
}

func newTableBuilder(format, version string) *tableBuilder {
	return &tableBuilder{t: &Table{format: format, version: version}, index: map[tableEntry]uint32{}}
}

// add appends a prefix greater than the last one added.
func (b *tableBuilder) add(prefix uint32, e tableEntry) {
	v, ok := b.index[e]
	if !ok {
		b.t.entries = append(b.t.entries, e)
		v = uint32(len(b.t.entries))
		b.index[e] = v
	}
	t := b.t
	n := len(t.starts)
	switch {
	case n > 0 && b.last+1 == prefix && t.vals[n-1] == v:
		// extends the current run
	case n > 0 && b.last+1 == prefix:
		t.starts, t.vals = append(t.starts, prefix), append(t.vals, v)
	default:
		if n > 0 {
			t.starts, t.vals = append(t.starts, b.last+1), append(t.vals, 0)
		}
		t.starts, t.vals = append(t.starts, prefix), append(t.vals, v)
	}
	b.last = prefix
	t.count++
}

func (b *tableBuilder) done() *Table {
	t := b.t
	if n := len(t.starts); n > 0 {
		t.starts, t.vals = append(t.starts, b.last+1), append(t.vals, 0)
	}
	t.starts = t.starts[:len(t.starts):len(t.starts)]
	t.vals = t.vals[:len(t.vals):len(t.vals)]
	return t
}

// ErrTableFormat is wrapped by every error a loader returns for a file it
// cannot read as a segment table.
var ErrTableFormat = errors.New("phonenum: bad segment table")

// A TableError says where a segment table file is wrong.
type TableError struct {
	// Format is "csv" or "phone.dat".
	Format string
	// Line is the 1-based line of a CSV file; 0 for phone.dat.
	Line int
	// Offset is the byte offset in a phone.dat file; -1 when not known.
	Offset int64
	// Msg says what is wrong.
	Msg string
}

// Error returns the format, the position and the message.
func (e *TableError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("phonenum: %s line %d: %s", e.Format, e.Line, e.Msg)
	case e.Offset >= 0:
		return fmt.Sprintf("phonenum: %s offset %d: %s", e.Format, e.Offset, e.Msg)
	}
	return fmt.Sprintf("phonenum: %s: %s", e.Format, e.Msg)
}

// Unwrap returns [ErrTableFormat].
func (e *TableError) Unwrap() error { return ErrTableFormat }

// readLimited reads all of r, failing past MaxTableSize.
func readLimited(r io.Reader, format string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTableSize+1))
	if err != nil {
		return nil, fmt.Errorf("phonenum: reading %s table: %w", format, err)
	}
	if len(data) > MaxTableSize {
		return nil, &TableError{Format: format, Offset: -1, Msg: fmt.Sprintf("larger than %d bytes", MaxTableSize)}
	}
	return data, nil
}

// Load reads a segment table in either format, telling them apart by
// content: a phone.dat file starts with a 4-character version and the
// offset of its index, which no CSV file does. A binary file (one with a
// NUL byte) that starts with a version is read as a damaged phone.dat, so
// that the error says what is wrong with it.
func Load(r io.Reader) (*Table, error) {
	data, err := readLimited(r, "segment")
	if err != nil {
		return nil, err
	}
	if IsPhoneDat(data) || (len(data) >= 4 && datVersion(data[:4]) && bytes.IndexByte(data, 0) >= 0) {
		return ParsePhoneDat(data)
	}
	return ParseCSV(data)
}

// datVersion reports whether v is a phone.dat version: printable ASCII
// other than the CSV separators.
func datVersion(v []byte) bool {
	for _, c := range v {
		if c < 0x21 || c > 0x7e || c == ',' || c == ';' {
			return false
		}
	}
	return true
}

// IsPhoneDat reports whether data starts like a phone.dat file: four
// printable ASCII characters (no comma or semicolon), then an index offset inside the file from
// which whole 9-byte index entries run to the end.
func IsPhoneDat(data []byte) bool {
	if len(data) < datHeader {
		return false
	}
	if !datVersion(data[:4]) {
		return false
	}
	off := int64(le32(data[4:]))
	return off >= datHeader && off <= int64(len(data)) && (int64(len(data))-off)%datEntry == 0
}
