package phonenum_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/icpcheck/beian/rules/phonenum"
)

// datEntry is one index entry of a phone.dat file a test builds.
type datEntry struct {
	prefix uint32
	record int // index into the records
	card   byte
}

// buildDat writes a phone.dat file: header, records, index.
func buildDat(version string, records []string, entries []datEntry) []byte {
	var rec bytes.Buffer
	offs := make([]int, len(records))
	for i, r := range records {
		offs[i] = 8 + rec.Len()
		rec.WriteString(r)
		rec.WriteByte(0)
	}
	var b bytes.Buffer
	b.WriteString(version)
	binary.Write(&b, binary.LittleEndian, uint32(8+rec.Len()))
	b.Write(rec.Bytes())
	for _, e := range entries {
		binary.Write(&b, binary.LittleEndian, e.prefix)
		binary.Write(&b, binary.LittleEndian, uint32(offs[e.record]))
		b.WriteByte(e.card)
	}
	return b.Bytes()
}

var datRecords = []string{"湖南|长沙|410000|0731", "北京|北京|100000|010", "广东|深圳|518000|0755", "新疆|乌鲁木齐|830000|0991"}

var datEntries = []datEntry{
	{1390221, 0, 1}, // overrides phonenumbers' 广州
	{1620000, 2, 4}, // 电信虚拟
	{1650000, 1, 6}, // 移动虚拟
	{1670000, 1, 5}, // 联通虚拟
	{1920000, 3, 7}, // 广电
	{1920001, 3, 8}, // 广电虚拟
	{1990000, 0, 3},
	{1990001, 0, 3},
	{1990002, 0, 3},
	{1990003, 2, 2},
	{1999999, 1, 3},
}

func TestPhoneDat(t *testing.T) {
	data := buildDat("2302", datRecords, datEntries)
	tab, err := phonenum.ParsePhoneDat(data)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != len(datEntries) || tab.Version() != "2302" || tab.Format() != "phone.dat" {
		t.Errorf("Len %d Version %q Format %q", tab.Len(), tab.Version(), tab.Format())
	}
	// The table does not keep data.
	for i := range data {
		data[i] = 0
	}
	cases := []struct {
		in, province, city string
		op                 phonenum.Operator
		virtual            bool
		fromTable          bool
	}{
		{"13902212345", "43", "长沙", phonenum.ChinaMobile, false, true},
		{"16200001234", "44", "深圳", phonenum.ChinaTelecom, true, true},
		{"16500001234", "11", "北京", phonenum.ChinaMobile, true, true},
		{"16700001234", "11", "北京", phonenum.ChinaUnicom, true, true},
		{"19200001234", "65", "乌鲁木齐", phonenum.ChinaBroadnet, false, true},
		{"19200011234", "65", "乌鲁木齐", phonenum.ChinaBroadnet, true, true},
		{"19900001234", "43", "长沙", phonenum.ChinaTelecom, false, true},
		{"19900021234", "43", "长沙", phonenum.ChinaTelecom, false, true},
		{"19900031234", "44", "深圳", phonenum.ChinaUnicom, false, true},
		{"19999991234", "11", "北京", phonenum.ChinaTelecom, false, true},
		// Not in the table: the built-in data.
		{"19900041234", "", "", phonenum.ChinaTelecom, false, false},
		{"13902222345", "44", "广州市", phonenum.ChinaMobile, false, false},
	}
	for _, c := range cases {
		n, err := tab.Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%s): %v", c.in, err)
			continue
		}
		if n.Province.Code != c.province || n.City != c.city || n.Operator != c.op || n.Virtual != c.virtual || n.FromTable != c.fromTable {
			t.Errorf("Parse(%s) = %s %q %v virtual %v from table %v; want %s %q %v %v %v", c.in,
				n.Province.Code, n.City, n.Operator, n.Virtual, n.FromTable, c.province, c.city, c.op, c.virtual, c.fromTable)
		}
	}
	// Without the table, 199 has no province.
	if n, _ := phonenum.Parse("19900001234"); !n.Province.IsZero() || n.FromTable {
		t.Errorf("built-in 199: %+v", n)
	}
}

func TestPhoneDatNewSegment(t *testing.T) {
	// A prefix the built-in data does not know becomes a mobile.
	tab, err := phonenum.ParsePhoneDat(buildDat("2601", datRecords, []datEntry{{1610000, 1, 7}}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := phonenum.Parse("16100001234"); phonenum.ReasonOf(err) != phonenum.ReasonUnknownSegment {
		t.Fatalf("built-in 1610: %v", err)
	}
	n, err := tab.Parse("16100001234")
	if err != nil || n.Kind != phonenum.Mobile || n.Province.Code != "11" || n.Operator != phonenum.ChinaBroadnet || !n.FromTable {
		t.Errorf("1610 with table: %+v, %v", n, err)
	}
	if _, err := tab.Parse("16100011234"); phonenum.ReasonOf(err) != phonenum.ReasonUnknownSegment {
		t.Errorf("1610001 not in table: %v", err)
	}
	if _, err := tab.Parse("1610000123"); phonenum.ReasonOf(err) != phonenum.ReasonTooShort {
		t.Errorf("10 digits: %v", err)
	}
}

func TestPhoneDatTruncated(t *testing.T) {
	data := buildDat("2302", datRecords, datEntries)
	index := len(data) - 9*len(datEntries)
	for n := 0; n < len(data); n++ {
		tab, err := phonenum.ParsePhoneDat(data[:n])
		// Cutting at an entry boundary leaves a shorter valid file;
		// anywhere else is an error.
		if n >= index && (n-index)%9 == 0 {
			if err != nil || tab.Len() != (n-index)/9 {
				t.Errorf("cut at %d (entry boundary): %v, %d entries", n, err, tab.Len())
			}
			continue
		}
		var te *phonenum.TableError
		if err == nil || !errors.Is(err, phonenum.ErrTableFormat) || !errors.As(err, &te) || te.Format != "phone.dat" {
			t.Errorf("cut at %d: %v", n, err)
		}
	}
}

func TestPhoneDatBad(t *testing.T) {
	good := buildDat("2302", datRecords, datEntries)
	index := len(good) - 9*len(datEntries)
	patch := func(f func(b []byte) []byte) []byte {
		b := append([]byte(nil), good...)
		return f(b)
	}
	le := binary.LittleEndian
	cases := map[string][]byte{
		"empty":                   nil,
		"short header":            good[:7],
		"version not ASCII":       patch(func(b []byte) []byte { b[1] = 0; return b }),
		"index before header":     patch(func(b []byte) []byte { le.PutUint32(b[4:], 4); return b }),
		"index after end":         patch(func(b []byte) []byte { le.PutUint32(b[4:], uint32(len(b)+9)); return b }),
		"index negative":          patch(func(b []byte) []byte { le.PutUint32(b[4:], 0xffffffff); return b }),
		"index not whole entries": patch(func(b []byte) []byte { le.PutUint32(b[4:], uint32(index-1)); return b }),
		"unsorted":                buildDat("2302", datRecords, []datEntry{{1990001, 0, 3}, {1990000, 0, 3}}),
		"duplicate prefix":        buildDat("2302", datRecords, []datEntry{{1990000, 0, 3}, {1990000, 0, 3}}),
		"prefix 6 digits":         buildDat("2302", datRecords, []datEntry{{199000, 0, 3}}),
		"prefix 2xxxxxx":          buildDat("2302", datRecords, []datEntry{{2990000, 0, 3}}),
		"card type 0":             buildDat("2302", datRecords, []datEntry{{1990000, 0, 0}}),
		"card type 9":             buildDat("2302", datRecords, []datEntry{{1990000, 0, 9}}),
		"record in header":        patch(func(b []byte) []byte { le.PutUint32(b[index+4:], 3); return b }),
		"record in index":         patch(func(b []byte) []byte { le.PutUint32(b[index+4:], uint32(index)); return b }),
		"record far away":         patch(func(b []byte) []byte { le.PutUint32(b[index+4:], 0x7fffffff); return b }),
		"record without NUL":      buildDatRaw("2302", []byte("湖南|长沙|410000|0731"), []datEntry{{1990000, 0, 3}}),
		"record 3 fields":         buildDat("2302", []string{"湖南|长沙|410000"}, []datEntry{{1990000, 0, 3}}),
		"record 5 fields":         buildDat("2302", []string{"湖南|长沙|410000|0731|x"}, []datEntry{{1990000, 0, 3}}),
		"unknown province":        buildDat("2302", []string{"火星|长沙|410000|0731"}, []datEntry{{1990000, 0, 3}}),
		"city not UTF-8":          buildDat("2302", []string{"湖南|\xff|410000|0731"}, []datEntry{{1990000, 0, 3}}),
		"record longer than 512":  buildDat("2302", []string{"湖南|" + strings.Repeat("长", 200) + "|410000|0731"}, []datEntry{{1990000, 0, 3}}),
	}
	for name, data := range cases {
		_, err := phonenum.ParsePhoneDat(data)
		var te *phonenum.TableError
		if !errors.As(err, &te) || !errors.Is(err, phonenum.ErrTableFormat) {
			t.Errorf("%s: %v, want a *TableError", name, err)
			continue
		}
		if te.Msg == "" || te.Format != "phone.dat" {
			t.Errorf("%s: %+v", name, te)
		}
	}
}

// buildDatRaw writes a file whose record area is rec as given.
func buildDatRaw(version string, rec []byte, entries []datEntry) []byte {
	var b bytes.Buffer
	b.WriteString(version)
	binary.Write(&b, binary.LittleEndian, uint32(8+len(rec)))
	b.Write(rec)
	for _, e := range entries {
		binary.Write(&b, binary.LittleEndian, e.prefix)
		binary.Write(&b, binary.LittleEndian, uint32(8))
		b.WriteByte(e.card)
	}
	return b.Bytes()
}

func TestPhoneDatLarge(t *testing.T) {
	// A full-sized file: 500,000 entries over a few records, in linear
	// time; shared records are parsed once.
	var entries []datEntry
	for p := uint32(1300000); len(entries) < 500000; p++ {
		entries = append(entries, datEntry{p, int(p/1000) % len(datRecords), byte(1 + p%8)})
	}
	tab, err := phonenum.ParsePhoneDat(buildDat("2302", datRecords, entries))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != len(entries) {
		t.Errorf("Len = %d", tab.Len())
	}
	n, err := tab.Parse("13000001234")
	if err != nil || n.Province.Code != "43" || !n.FromTable {
		t.Errorf("13000001234: %+v %v", n, err)
	}
}

const sampleCSV = "\ufeff# 号段 from the console team, 2026-11\n" +
	"prefix,province,operator,virtual\n" +
	"1990000,湖南\n" +
	"1990001, 43 ,电信\n" +
	"\n" +
	"1700123,广东省,mobile,true\r\n" +
	"1930000,hunan,,false\n" +
	"1390221,湘,中国移动,否\n" +
	"1610000,京,广电\n"

func TestCSV(t *testing.T) {
	tab, err := phonenum.ParseCSV([]byte(sampleCSV))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != 6 || tab.Format() != "csv" || tab.Version() != "" {
		t.Errorf("Len %d Format %q Version %q", tab.Len(), tab.Format(), tab.Version())
	}
	cases := []struct {
		in, province string
		op           phonenum.Operator
		virtual      bool
	}{
		{"19900001234", "43", phonenum.ChinaTelecom, false}, // operator from the built-in data
		{"19900011234", "43", phonenum.ChinaTelecom, false},
		{"17001231234", "44", phonenum.ChinaMobile, true},
		{"19300001234", "43", phonenum.ChinaTelecom, false},
		{"13902212345", "43", phonenum.ChinaMobile, false},
		{"16100001234", "11", phonenum.ChinaBroadnet, false},
	}
	for _, c := range cases {
		n, err := tab.Parse(c.in)
		if err != nil || n.Province.Code != c.province || n.Operator != c.op || n.Virtual != c.virtual || !n.FromTable || n.City != "" {
			t.Errorf("Parse(%s) = %+v, %v; want %s %v %v", c.in, n, err, c.province, c.op, c.virtual)
		}
	}
	// A CSV row without a virtual column keeps the built-in flag.
	tab2, _ := phonenum.ParseCSV([]byte("1700000,北京\n"))
	if n, _ := tab2.Parse("17000001234"); !n.Virtual || n.Province.Code != "11" {
		t.Errorf("1700000 keeps virtual: %+v", n)
	}
}

func TestCSVBad(t *testing.T) {
	cases := map[string]struct {
		data string
		line int
	}{
		"one field":         {"1990000\n", 1},
		"five fields":       {"1990000,湖南,电信,true,x\n", 1},
		"prefix 6 digits":   {"199000,湖南\n", 1},
		"prefix 8 digits":   {"19900000,湖南\n", 1},
		"prefix letters":    {"199000a,湖南\n", 1},
		"prefix 2xxxxxx":    {"2990000,湖南\n", 1},
		"unknown province":  {"1990000,火星\n", 1},
		"bad operator":      {"# c\n1990000,湖南,移不动\n", 2},
		"bad virtual":       {"1990000,湖南,,maybe\n", 1},
		"duplicate":         {"1990000,湖南\n1990001,湖南\n1990000,北京\n", 3},
		"not UTF-8":         {"1990000,\xff\n", 1},
		"long line":         {"1990000," + strings.Repeat("湖", 400) + "\n", 1},
		"header after data": {"1990000,湖南\nprefix,province\n", 2},
	}
	for name, c := range cases {
		_, err := phonenum.ParseCSV([]byte(c.data))
		var te *phonenum.TableError
		if !errors.As(err, &te) || !errors.Is(err, phonenum.ErrTableFormat) {
			t.Errorf("%s: %v, want a *TableError", name, err)
			continue
		}
		if te.Line != c.line || te.Format != "csv" {
			t.Errorf("%s: line %d format %q, want line %d", name, te.Line, te.Format, c.line)
		}
	}
	if tab, err := phonenum.ParseCSV(nil); err != nil || tab.Len() != 0 {
		t.Errorf("empty CSV: %v %v", tab, err)
	}
}

func TestLoadDetectsFormat(t *testing.T) {
	dat := buildDat("2302", datRecords, datEntries)
	for name, c := range map[string]struct {
		data   []byte
		format string
		n      int
	}{
		"phone.dat":      {dat, "phone.dat", len(datEntries)},
		"csv":            {[]byte(sampleCSV), "csv", 6},
		"csv digits":     {[]byte("1990000,湖南\n1990001,湖南\n"), "csv", 2},
		"csv no newline": {[]byte("1990000,43"), "csv", 1},
	} {
		if phonenum.IsPhoneDat(c.data) != (c.format == "phone.dat") {
			t.Errorf("%s: IsPhoneDat = %v", name, !(c.format == "phone.dat"))
		}
		tab, err := phonenum.Load(bytes.NewReader(c.data))
		if err != nil || tab.Format() != c.format || tab.Len() != c.n {
			t.Errorf("%s: %v %v", name, tab, err)
		}
	}
	if tab, err := phonenum.LoadPhoneDat(bytes.NewReader(dat)); err != nil || tab.Len() != len(datEntries) {
		t.Errorf("LoadPhoneDat: %v", err)
	}
	if tab, err := phonenum.LoadCSV(strings.NewReader(sampleCSV)); err != nil || tab.Len() != 6 {
		t.Errorf("LoadCSV: %v", err)
	}
	if _, err := phonenum.Load(bytes.NewReader(make([]byte, phonenum.MaxTableSize+1))); !errors.Is(err, phonenum.ErrTableFormat) {
		t.Errorf("too large: %v", err)
	}
}

func TestNilTable(t *testing.T) {
	var tab *phonenum.Table
	if tab.Len() != 0 || tab.Version() != "" || tab.Format() != "" {
		t.Error("nil table is not empty")
	}
	a, errA := tab.Parse("13902212345")
	b, errB := phonenum.Parse("13902212345")
	if a != b || errA != nil || errB != nil {
		t.Errorf("nil table Parse differs: %+v %+v", a, b)
	}
}

func TestTableConcurrent(t *testing.T) {
	tab, err := phonenum.ParsePhoneDat(buildDat("2302", datRecords, datEntries))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if n, err := tab.Parse("19900001234"); err != nil || n.Province.Code != "43" {
					t.Errorf("concurrent: %+v %v", n, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadDamagedPhoneDat(t *testing.T) {
	data := buildDat("2302", datRecords, datEntries)
	_, err := phonenum.Load(bytes.NewReader(data[:len(data)-4]))
	var te *phonenum.TableError
	if !errors.As(err, &te) || te.Format != "phone.dat" {
		t.Errorf("a truncated phone.dat: %v, want a phone.dat error", err)
	}
}

func TestCSVLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a million-line file")
	}
	var b strings.Builder
	for p := 1000000; p <= 1999999; p++ {
		b.WriteString(strconv.Itoa(p))
		b.WriteString(",43,电信\n")
	}
	tab, err := phonenum.ParseCSV([]byte(b.String()))
	if err != nil || tab.Len() != 1000000 {
		t.Fatalf("a million prefixes: %v, %d", err, tab.Len())
	}
	// The same again: the first duplicate is reported with both lines.
	_, err = phonenum.ParseCSV([]byte(b.String() + b.String()))
	var te *phonenum.TableError
	if !errors.As(err, &te) || te.Line <= 1000000 {
		t.Errorf("duplicates: %v", err)
	}
}
