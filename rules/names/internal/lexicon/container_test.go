package lexicon

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/icpcheck/beian/internal/testenv"
)

// appendWordTables writes t as gen.go -bin does.
func appendWordTables(b []byte, t *wordTables) []byte {
	b = append(b, wordsMagic+Edition+"\n"...)
	for _, a := range [][]string{t.chineseWords[:], t.chineseCodes[:], t.englishWords[:]} {
		for _, s := range a {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	return b
}

func TestParseWordTables(t *testing.T) {
	bin := appendWordTables(nil, words())
	got, err := parseWordTables(bin)
	if err != nil {
		t.Fatal(err)
	}
	if *got != *words() {
		t.Fatal("the tables read differ from the ones written")
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": bin[:len(bin)-1],
		"trailing":  append(append([]byte(nil), bin...), 0),
		"edition":   append([]byte(wordsMagic+"other\n"), bin[len(wordsMagic+Edition+"\n"):]...),
		"magic":     append([]byte("beian lexicon words 2\n"), bin[len(wordsMagic):]...),
		"changed":   append(append([]byte(nil), bin[:len(bin)-1]...), bin[len(bin)-1]^1),
	} {
		if _, err := parseWordTables(b); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

// TestGeneratedBinary: what gen.go -bin writes (the file the WebAssembly
// page loads) holds the tables of words.go.
func TestGeneratedBinary(t *testing.T) {
	testenv.Exhaustive(t)
	path := filepath.Join(t.TempDir(), "words.bin")
	if out, err := exec.Command("go", "run", "gen.go", "-bin", path).CombinedOutput(); err != nil {
		t.Fatalf("gen.go -bin: %v\n%s", err, out)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseWordTables(b)
	if err != nil {
		t.Fatal(err)
	}
	if *got != *words() {
		t.Fatal("gen.go -bin writes other tables than words.go holds")
	}
}

// FuzzParseWordTables: any bytes give the tables or an error, never a
// panic.
func FuzzParseWordTables(f *testing.F) {
	var small wordTables
	small.chineseWords[2] = "0交流"
	small.chineseCodes[2] = "a"
	f.Add(appendWordTables(nil, &small))
	f.Add(appendWordTables(nil, words()))
	f.Add([]byte(wordsMagic + Edition + "\n\x05ab"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if w, err := parseWordTables(b); (w == nil) == (err == nil) {
			t.Fatalf("%v, %v", w, err)
		}
	})
}
