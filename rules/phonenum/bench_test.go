package phonenum_test

import (
	"testing"

	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/nyaruka/phonenumbers"
)

// benchInputs are numbers as typed: plain, with country code and spaces,
// a landline with area code, and a segment phonenumbers has no province
// for.
var benchInputs = []struct{ name, s string }{
	{"plain", "13902212345"},
	{"typed", "+86 139 0221 2345"},
	{"landline", "0755-86013388"},
	{"noprovince", "19912345678"},
}

// BenchmarkParse compares, in one run, parse + validate + province from the
// typed string: phonenum.Parse against phonenumbers' Parse, IsValidNumber
// and GetGeocodingForNumber.
func BenchmarkParse(b *testing.B) {
	for _, in := range benchInputs {
		b.Run("phonenum/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, err := phonenum.Parse(in.s)
				if err != nil || (n.Province.IsZero() && in.name != "noprovince") {
					b.Fatal(n, err)
				}
			}
		})
		b.Run("phonenumbers/"+in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				num, err := phonenumbers.Parse(in.s, "CN")
				if err != nil || !phonenumbers.IsValidNumber(num) {
					b.Fatal(in.s, err)
				}
				if _, err := phonenumbers.GetGeocodingForNumber(num, "zh"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTableParse is Parse through a caller's table of 500,000
// prefixes (a full phone.dat).
func BenchmarkTableParse(b *testing.B) {
	var entries []datEntry
	for p := uint32(1300000); len(entries) < 500000; p++ {
		entries = append(entries, datEntry{p, int(p/100) % len(datRecords), byte(1 + p%8)})
	}
	tab, err := phonenum.ParsePhoneDat(buildDat("2302", datRecords, entries))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if n, err := tab.Parse("17902212345"); err != nil || !n.FromTable {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkLoadPhoneDat is loading a full-sized phone.dat.
func BenchmarkLoadPhoneDat(b *testing.B) {
	var entries []datEntry
	for p := uint32(1300000); len(entries) < 500000; p++ {
		entries = append(entries, datEntry{p, int(p/100) % len(datRecords), byte(1 + p%8)})
	}
	data := buildDat("2302", datRecords, entries)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := phonenum.ParsePhoneDat(data); err != nil {
			b.Fatal(err)
		}
	}
}

// typicalNumbers are the numbers a validation of the typical filing
// (examples/icpcheck/testdata/clean_enterprise.json) parses, in its
// order: each principal's mobile, office phone and emergency phone (rule
// phone), then the mobiles and emergency phones again (rule contact).
var typicalNumbers = []string{
	"13660123456", "0755-26888888", "13800138000", "13760123456", "0755-26888889", "13800138001",
	"13660123456", "13760123456", "13800138000", "13800138001",
}

// BenchmarkParseTypical parses the numbers of a typical filing's
// validation.
func BenchmarkParseTypical(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range typicalNumbers {
			if _, err := phonenum.Parse(s); err != nil {
				b.Fatal(s, err)
			}
		}
	}
}
