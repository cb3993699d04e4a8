package certnum_test

import (
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
)

// The ID card and credit code checks must stay under 60 ns and allocate
// nothing on valid input (SPEC §6).

var today = beian.NewDate(2026, 11, 20)

func BenchmarkParseIDCard(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certnum.ParseIDCard("44030519900101123X"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseIDCardOn(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certnum.ParseIDCardOn("44030519900101123X", today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseIDCardTyped is a number as people type it: lower-case x
// and spaces, so it is normalised first.
func BenchmarkParseIDCardTyped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certnum.ParseIDCard("440305 19900101 123x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseUSCC(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certnum.ParseUSCC("91440300708461136T"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseUSCCTyped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certnum.ParseUSCC("9144 0300 7084 6113 6t"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseOrgCode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := certnum.ParseOrgCode("19220382-1"); err != nil {
			b.Fatal(err)
		}
	}
}
