package names

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

var update = flag.Bool("update", false, "write data/sensitive.dict from data/sensitive.txt (go generate)")

// TestCompiledCurrent checks that data/sensitive.dict is data/sensitive.txt
// compiled by this version of the package; with -update (go generate) it
// writes it.
func TestCompiledCurrent(t *testing.T) {
	built, err := ReadDictionary(strings.NewReader(sensitiveWords))
	if err != nil {
		t.Fatal(err)
	}
	want, err := built.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("data/sensitive.dict", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(sensitiveCompiled), want) {
		t.Fatalf("data/sensitive.dict is not data/sensitive.txt compiled by this version: run go generate ./rules/names")
	}
	t.Logf("data/sensitive.dict: %d bytes, 4-aligned in memory (used in place): %v", len(want),
		uintptr(unsafe.Pointer(unsafe.StringData(sensitiveCompiled)))%4 == 0)
}

// equalDictionaries checks that loaded holds what built does and finds
// the same in every text.
func equalDictionaries(t *testing.T, built, loaded *Dictionary, texts []string) {
	t.Helper()
	if !reflect.DeepEqual(built.entries, loaded.entries) || !reflect.DeepEqual(built.exceptions, loaded.exceptions) ||
		!reflect.DeepEqual(built.hanEntry, loaded.hanEntry) || !reflect.DeepEqual(built.mixEntry, loaded.mixEntry) ||
		built.words != loaded.words || built.maxLen != loaded.maxLen || built.maxException != loaded.maxException ||
		built.allowed != loaded.allowed {
		t.Fatal("the loaded dictionary's entries differ from the built one's")
	}
	for _, text := range texts {
		if a, b := built.FindEvery(text), loaded.FindEvery(text); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: built finds %v, loaded %v", text, a, b)
		}
		if a, b := built.FindAll(text), loaded.FindAll(text); !reflect.DeepEqual(a, b) {
			t.Errorf("%q: built finds %v, loaded %v", text, a, b)
		}
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if built.han.Symbol(r) != loaded.han.Symbol(r) || built.mix.Symbol(r) != loaded.mix.Symbol(r) {
			t.Fatalf("U+%04X: the symbols differ", r)
		}
	}
}

// textsOf returns texts that hold each word of d: as written, inside
// other words, disguised (spaced, starred, full-width, traditional,
// invisible characters, slow path), and the lines of the corpora.
func textsOf(t *testing.T, d *Dictionary) []string {
	var texts []string
	for _, e := range d.entries {
		w := e.word
		spaced := strings.Join(strings.Split(w, ""), " ")
		starred := strings.Join(strings.Split(w, ""), "★")
		texts = append(texts, w, "网络"+w+"平台", "紫色"+w+"情怀", spaced, starred, "\uFDFA"+w, "ｗｗｗ"+starred+"\u200b", w+w, "1"+w+"8")
	}
	for _, name := range []string{"evasion.txt", "innocent.txt"} {
		f, err := os.Open("testdata/corpus/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			field, _, _ := strings.Cut(line, "\t")
			if s, err := strconv.Unquote(field); err == nil {
				field = s
			}
			texts = append(texts, field)
		}
		f.Close()
	}
	return texts
}

// TestCompiledAsBuilt checks that the embedded dictionary answers as the
// one compiled from the word list, for every word of it in many
// disguises, and for the corpora.
func TestCompiledAsBuilt(t *testing.T) {
	built, err := ReadDictionary(strings.NewReader(sensitiveWords))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadDictionary(sensitiveCompiled)
	if err != nil {
		t.Fatal(err)
	}
	equalDictionaries(t, built, loaded, textsOf(t, built))
	if DefaultDictionary().han != loaded.han && DefaultDictionary().han.Bytes() != loaded.han.Bytes() {
		t.Error("DefaultDictionary is not the compiled one")
	}
}

// TestCompiledRoundTrip compiles and loads dictionaries of each shape:
// empty, Latin words only, allowed words, long words (whose scans
// allocate their rings), derived ones.
func TestCompiledRoundTrip(t *testing.T) {
	def := DefaultDictionary()
	for name, d := range map[string]*Dictionary{
		"empty":     NewDictionary(),
		"latin":     NewDictionary("casino", "p0rn", "91porn", "!casinova"),
		"allow":     def.Allow("金博", "博彩"),
		"long":      NewDictionary(strings.Repeat("赌博", 20), "中华人民共和国", "x"),
		"with":      def.With("示例词", "𠀀𠀁"),
		"only":      def.OnlyCategories("gambling"),
		"exception": NewDictionary("!反腐蚀", "反腐"),
	} {
		t.Run(name, func(t *testing.T) {
			data, loaded := compileAndLoad(t, d)
			again, _ := loaded.MarshalBinary()
			if !bytes.Equal(data, again) {
				t.Error("compiling the loaded dictionary gives other bytes")
			}
			// Misaligned in memory: loaded by copying, the same.
			odd := string(append([]byte{0}, data...))[1:]
			copied, err := LoadDictionary(odd)
			if err != nil {
				t.Fatal(err)
			}
			texts := append(textsOf(t, d), "金博彩印", "赌博网站", "onlinecasino", "casinova")
			equalDictionaries(t, d, loaded, texts)
			equalDictionaries(t, d, copied, texts[:20])
		})
	}
}

// compileAndLoad returns d compiled (MarshalBinary) and the dictionary
// LoadDictionary makes of it.
func compileAndLoad(t *testing.T, d *Dictionary) ([]byte, *Dictionary) {
	t.Helper()
	data, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadDictionary(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return data, loaded
}

// TestLoadDictionaryDamaged checks that every truncation and many
// single-byte changes of a compiled dictionary give an error or a
// dictionary that scans.
func TestLoadDictionaryDamaged(t *testing.T) {
	data, _ := NewDictionary("赌博", "casino", "!反腐蚀", "反腐").MarshalBinary()
	for n := range len(data) {
		if _, err := LoadDictionary(string(data[:n])); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
	t.Logf("%d bytes", len(data))
	// Every byte of the headers, then a sample of the rest.
	for i := 0; i < len(data); i += 1 + i/64*12 {
		for _, x := range []byte{1, 0xFF} {
			b := bytes.Clone(data)
			b[i] ^= x
			if d, err := LoadDictionary(string(b)); err == nil {
				d.FindEvery("赌 博 casino 反腐蚀 反腐 \uFDFA赌博")
			}
		}
	}
}

// FuzzLoadDictionary loads any bytes: an error or a dictionary whose
// scans do not fail.
func FuzzLoadDictionary(f *testing.F) {
	// Words of nearby characters: a small table of CJK symbols, so that
	// the fuzzer mutates a few kilobytes.
	small, _ := NewDictionary("六合", "合六", "六", "casino", "p0rn", "!六六合").MarshalBinary()
	f.Add(small, "六1合 c@sino 六六合 合六")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		d, err := LoadDictionary(string(data))
		if err != nil {
			return
		}
		d.FindEvery(text)
		d.FindAll(text + "\uFDFA")
		d.Words()
		d.Categories()
	})
}

func BenchmarkLoadDictionary(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadDictionary(sensitiveCompiled); err != nil {
			b.Fatal(err)
		}
	}
}
