package lexicon

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// wordTables are the word lists Lookup and English expand on first use:
// generated into words.go for a native build, or loaded by the
// WebAssembly page from the binary gen.go -bin writes (see words_js.go).
type wordTables struct {
	// chineseWords[k] holds the words of k characters, sorted and
	// front-coded (see decodeFront); chineseCodes[k] their frequency
	// codes (33 + the code of Lookup), a byte each in the same order.
	chineseWords, chineseCodes [5]string
	// englishWords[k] holds the English words of k letters, sorted and
	// front-coded.
	englishWords [13]string
}

// wordsMagic starts the binary of the word tables.
const wordsMagic = "beian lexicon words 1\n"

// parseWordTables reads the binary gen.go -bin writes: wordsMagic, the
// edition line, then every table of wordTables in order (chineseWords,
// chineseCodes, englishWords, each from length 0) as a uvarint length
// and its bytes. It refuses a binary of another edition than the
// package's tables, or one that does not end where the last table does.
// It also refuses tables whose checksum is not wordsSum, the one of the
// tables gen.go wrote with this package. The tables are strings over b,
// not copies: the caller gives b up.
func parseWordTables(b []byte) (*wordTables, error) {
	head := wordsMagic + Edition + "\n"
	if len(b) < len(head) || string(b[:len(head)]) != head {
		return nil, errors.New("lexicon: not the word tables of edition " + Edition)
	}
	b = b[len(head):]
	if len(b) == 0 {
		return nil, errors.New("lexicon: word tables truncated")
	}
	rest := unsafe.String(&b[0], len(b))
	t := new(wordTables)
	var all []*string
	for _, a := range [][]string{t.chineseWords[:], t.chineseCodes[:], t.englishWords[:]} {
		for i := range a {
			all = append(all, &a[i])
		}
	}
	for _, p := range all {
		n, k := uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, errors.New("lexicon: word tables truncated")
		}
		*p = rest[k : k+int(n)]
		rest = rest[k+int(n):]
	}
	if len(rest) != 0 {
		return nil, errors.New("lexicon: bytes after the word tables")
	}
	sum := uint64(14695981039346656037) // FNV-1a, 64 bits
	for _, p := range all {
		for i := 0; i < len(*p); i++ {
			sum = (sum ^ uint64((*p)[i])) * 1099511628211
		}
	}
	if sum != wordsSum {
		return nil, errors.New("lexicon: the word tables differ from the ones this build was generated with")
	}
	return t, nil
}

// uvarint is binary.Uvarint on a string.
func uvarint(s string) (uint64, int) {
	var b [binary.MaxVarintLen64]byte
	return binary.Uvarint(b[:copy(b[:], s)])
}
