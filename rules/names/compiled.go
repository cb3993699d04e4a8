package names

import (
	"encoding/binary"
	"errors"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/names/internal/ahocorasick"
)

// The compiled form of a dictionary (MarshalBinary, LoadDictionary): a
// header of 4 uint32 (magic, entries, bytes of text, flags: 1 for
// Dictionary.Homophones on), the automaton
// of the Chinese words and that of the others (package
// internal/ahocorasick's binary form), a record of 9 uint32 per entry,
// and the text the records' words, categories and sources are taken
// from. Everything is little-endian and starts at a multiple of 4 bytes.
const (
	dictMagic   = 0x31434440 // "@DC1"
	dictHeader  = 16
	entryRecord = 9 * 4
)

// errDictFormat is LoadDictionary's error for data that is not a
// compiled dictionary of this version of the package.
var errDictFormat = errors.New("names: not a compiled dictionary of this version of the package")

// MarshalBinary returns d compiled, for [LoadDictionary]: a program that
// embeds it (go:embed) gets the dictionary without compiling it.
func (d *Dictionary) MarshalBinary() ([]byte, error) {
	var text []byte
	offsets := make(map[string]uint32)
	ref := func(s string) (uint32, uint32) {
		off, ok := offsets[s]
		if !ok {
			off = uint32(len(text))
			offsets[s] = off
			text = append(text, s...)
		}
		return off, uint32(len(s))
	}
	b := make([]byte, 0, dictHeader+d.han.Bytes()+d.mix.Bytes()+len(d.entries)*(entryRecord+16)+256)
	b = binary.LittleEndian.AppendUint32(b, dictMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.entries)))
	sizeAt := len(b)
	b = binary.LittleEndian.AppendUint32(b, 0)
	b = binary.LittleEndian.AppendUint32(b, homophoneFlag(d))
	b = d.han.AppendBinary(b)
	b = d.mix.AppendBinary(b)
	for _, e := range d.entries {
		wo, wl := ref(e.word)
		co, cl := ref(e.category)
		so, sl := ref(e.source)
		bits := uint32(e.left) | uint32(e.right)<<8
		for k, f := range [...]bool{e.exception, e.allowed, e.grave, e.han} {
			if f {
				bits |= 1 << (16 + k)
			}
		}
		for _, v := range [...]uint32{wo, wl, co, cl, so, sl, uint32(e.runes), uint32(int32(e.code)), bits} {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	}
	binary.LittleEndian.PutUint32(b[sizeAt:], uint32(len(text)))
	return append(b, text...), nil
}

// LoadDictionary returns the dictionary data holds, as
// [Dictionary.MarshalBinary] of the same version of this package wrote
// it. Its tables are data's bytes where the machine allows (a
// little-endian one, data 4-aligned in memory), so that loading costs
// neither a compilation nor memory: data must not change (it is a
// string). Data damaged or from another version gives an error or, at
// worst, a dictionary that finds nonsense; never a failure.
func LoadDictionary(data string) (*Dictionary, error) {
	if len(data) < dictHeader {
		return nil, errDictFormat
	}
	u32 := func(s string) uint32 {
		return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
	}
	if u32(data) != dictMagic || u32(data[12:]) > 1 {
		return nil, errDictFormat
	}
	n, textLen := int64(u32(data[4:])), int64(u32(data[8:]))
	han, rest, err := ahocorasick.Load(data[dictHeader:])
	if err != nil {
		return nil, errDictFormat
	}
	mix, rest, err := ahocorasick.Load(rest)
	if err != nil {
		return nil, errDictFormat
	}
	if n*entryRecord+textLen != int64(len(rest)) {
		return nil, errDictFormat
	}
	records, text := rest[:n*entryRecord], rest[n*entryRecord:]
	str := func(off, l uint32) (string, bool) {
		if int64(off)+int64(l) > int64(len(text)) {
			return "", false
		}
		return text[off : off+l], true
	}
	d := &Dictionary{han: han, mix: mix, homophones: u32(data[12:]) == 1}
	if n > 0 {
		d.entries = make([]dictEntry, n)
	}
	seen := make(map[string]bool, n)
	words := make([]string, n)
	for i := range d.entries {
		var v [9]uint32
		for k := range v {
			v[k] = u32(records[i*entryRecord+4*k:])
		}
		word, ok1 := str(v[0], v[1])
		category, ok2 := str(v[2], v[3])
		source, ok3 := str(v[4], v[5])
		bits := v[8]
		e := dictEntry{word: word, category: category, source: source, runes: int32(v[6]), code: int16(int32(v[7])),
			left: kind(bits & 0xFF), right: kind(bits >> 8 & 0xFF),
			exception: bits&(1<<16) != 0, allowed: bits&(1<<17) != 0, grave: bits&(1<<18) != 0, han: bits&(1<<19) != 0}
		if !ok1 || !ok2 || !ok3 || bits>>20 != 0 || int32(v[7]) != int32(e.code) || seen[word] ||
			e.allowed && !e.exception || e.grave != graveCategory(category) || !utf8.ValidString(category) || !utf8.ValidString(source) {
			return nil, errDictFormat
		}
		seen[word] = true
		d.entries[i] = e
		words[i] = word
	}
	// Each entry must be what parsing its word gives: its length, kinds
	// and stream are what the scan relies on.
	parsed := parseForms(nil, words, "")
	if len(parsed) != len(d.entries) {
		return nil, errDictFormat
	}
	for i, p := range parsed {
		if e := &d.entries[i]; p.word != e.word || p.runes != e.runes || p.han != e.han || p.left != e.left || p.right != e.right {
			return nil, errDictFormat
		}
	}
	d.derive(nil)
	if han.Words() != len(d.hanEntry) || mix.Words() != len(d.mixEntry) {
		return nil, errDictFormat
	}
	d.quiet.build(han, mix, d.entries)
	return d, nil
}
