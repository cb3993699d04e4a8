package phonenum

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian/provinces"
)

// maxCSVLine bounds one line of a CSV table.
const maxCSVLine = 1024

// LoadCSV reads a segment table in the CSV format (see [ParseCSV]), at
// most [MaxTableSize] bytes.
func LoadCSV(r io.Reader) (*Table, error) {
	data, err := readLimited(r, "csv")
	if err != nil {
		return nil, err
	}
	return ParseCSV(data)
}

// ParseCSV reads a segment table in the plain CSV format, one segment a
// line:
//
//	prefix,province[,operator][,virtual]
//	1990000,湖南
//	1990001,43,电信
//	1700123,广东省,mobile,true
//
// prefix is 7 digits starting with 1; province is any form
// [provinces.Lookup] accepts (code, name, short name, abbreviation,
// pinyin); operator, optional, is 移动/中国移动/mobile/cmcc, 联通/unicom/
// cucc, 电信/telecom/ctcc or 广电/broadnet/cbn; virtual, optional, is
// true/false, 1/0, yes/no or 是/否. Empty optional fields say nothing.
// Blank lines, lines starting with "#" and a header line starting with
// "prefix" before the first segment are skipped; fields may be surrounded
// by spaces; the lines may come in any order. A line with a bad field, a
// duplicate prefix, or a line longer than 1024 bytes is an error wrapping
// [ErrTableFormat] (a [*TableError] with the line). Time and memory are
// linear in the size of data; data is not retained.
func ParseCSV(data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	// Rows are kept small (a 64 MiB file may hold six million lines):
	// the entries they name are interned.
	type row struct {
		prefix, line, entry uint32
	}
	var rows []row
	var entries []tableEntry
	index := map[tableEntry]uint32{}
	fail := func(line int, format string, args ...any) (*Table, error) {
		return nil, &TableError{Format: "csv", Line: line, Offset: -1, Msg: fmt.Sprintf(format, args...)}
	}
	var fields [4]string
	for line := 1; len(data) > 0; line++ {
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		if len(l) > maxCSVLine {
			return fail(line, "longer than %d bytes", maxCSVLine)
		}
		l = bytes.TrimSuffix(l, []byte{'\r'})
		if !utf8.Valid(l) {
			return fail(line, "not UTF-8")
		}
		s := strings.TrimSpace(string(l))
		if s == "" || s[0] == '#' || (len(rows) == 0 && strings.HasPrefix(strings.ToLower(s), "prefix")) {
			continue
		}
		n := 0
		for f := range strings.SplitSeq(s, ",") {
			if n == len(fields) {
				return fail(line, "more than 4 fields")
			}
			fields[n] = strings.TrimSpace(f)
			n++
		}
		if n < 2 {
			return fail(line, "want prefix,province[,operator][,virtual]")
		}
		p := fields[0]
		if len(p) != 7 || p[0] != '1' || strings.Trim(p, "0123456789") != "" {
			return fail(line, "prefix %q is not 7 digits starting with 1", p)
		}
		var prefix uint32
		for i := 0; i < 7; i++ {
			prefix = prefix*10 + uint32(p[i]-'0')
		}
		pr, ok := provinces.Lookup(fields[1])
		if !ok {
			return fail(line, "%q is not a province", fields[1])
		}
		e := tableEntry{province: pr.Code}
		if n > 2 && fields[2] != "" {
			op, ok := csvOperator(fields[2])
			if !ok {
				return fail(line, "%q is not an operator (移动, 联通, 电信, 广电)", fields[2])
			}
			e.operator, e.hasOperator = op, true
		}
		if n > 3 && fields[3] != "" {
			v, ok := csvBool(fields[3])
			if !ok {
				return fail(line, "virtual %q is not true or false", fields[3])
			}
			e.virtual, e.hasVirtual = v, true
		}
		k, ok := index[e]
		if !ok {
			k = uint32(len(entries))
			entries = append(entries, e)
			index[e] = k
		}
		rows = append(rows, row{prefix: prefix, line: uint32(line), entry: k})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return int(a.prefix) - int(b.prefix) })
	b := newTableBuilder("csv", "")
	for i, r := range rows {
		if i > 0 && rows[i-1].prefix == r.prefix {
			return fail(int(r.line), "prefix %d again (first on line %d)", r.prefix, rows[i-1].line)
		}
		b.add(r.prefix, entries[r.entry])
	}
	return b.done(), nil
}

func csvOperator(s string) (Operator, bool) {
	switch strings.ToLower(s) {
	case "移动", "中国移动", "mobile", "china mobile", "cmcc":
		return ChinaMobile, true
	case "联通", "中国联通", "unicom", "china unicom", "cucc":
		return ChinaUnicom, true
	case "电信", "中国电信", "telecom", "china telecom", "ctcc":
		return ChinaTelecom, true
	case "广电", "中国广电", "broadnet", "china broadnet", "cbn", "crtg":
		return ChinaBroadnet, true
	}
	return OperatorUnknown, false
}

func csvBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "1", "yes", "y", "是", "虚拟":
		return true, true
	case "false", "0", "no", "n", "否":
		return false, true
	}
	return false, false
}
