package jsonscan_test

import (
	"os"
	"testing"

	"github.com/icpcheck/beian/internal/jsonscan"
)

// BenchmarkTokens reads the typical filing of icpcheck's examples (2.7 KB,
// indented) token by token, as the filing decoder does, keeping every key
// and string; BenchmarkSkip skips it as one value.
func BenchmarkTokens(b *testing.B) {
	data, err := os.ReadFile("../../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	var s jsonscan.Scanner
	var scratch []byte
	for b.Loop() {
		s.Reset(data)
		for {
			k, err := s.Peek()
			if err != nil {
				b.Fatal(err)
			}
			switch k {
			case jsonscan.End:
			case jsonscan.BeginObject, jsonscan.BeginArray, jsonscan.EndObject, jsonscan.EndArray:
				_, err = s.ReadDelim()
			case jsonscan.Key:
				_, err = s.ReadKey()
			case jsonscan.String:
				scratch, _, err = s.ReadString(scratch[:0], -1)
			case jsonscan.Number:
				scratch, _, err = s.ReadNumber(scratch[:0])
			default:
				_, err = s.ReadLiteral()
			}
			if err != nil {
				b.Fatal(err)
			}
			if k == jsonscan.End {
				break
			}
		}
	}
}

func BenchmarkSkip(b *testing.B) {
	data, err := os.ReadFile("../../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	var s jsonscan.Scanner
	for b.Loop() {
		s.Reset(data)
		if err := s.Skip(); err != nil {
			b.Fatal(err)
		}
	}
}
