package wasmbuild

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// applyData is what index.js's applyData does: the data file's segments
// written over zeroed memory, as the bytes that are not zero by address;
// it checks the file's magic and that its identity is id.
func applyData(t *testing.T, data, id []byte) map[uint32]byte {
	t.Helper()
	require.True(t, bytes.HasPrefix(data, []byte(DataMagic)), "magic")
	require.Equal(t, id, data[len(DataMagic):len(DataMagic)+dataIDLen], "identity")
	mem := map[uint32]byte{}
	for i := len(DataMagic) + dataIDLen; i < len(data); {
		require.LessOrEqual(t, i+8, len(data))
		off := binary.LittleEndian.Uint32(data[i:])
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		i += 8
		require.LessOrEqual(t, i+n, len(data))
		for x, c := range data[i : i+n] {
			if c != 0 {
				mem[off+uint32(x)] = c
			} else {
				delete(mem, off+uint32(x))
			}
		}
		i += n
	}
	return mem
}

// TestSplitData: over random layouts like the linker's (shuffled, with a
// data count section or not, merged or not), the module without its data
// has every other section in its order and then the DataSection holding
// the data file's identity, and the data file written over zeroed memory
// is the memory the whole module starts with. Fails if a segment is
// dropped or moved, if the data count section stays behind, or if the
// two identities differ.
func TestSplitData(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 21))
	ids := map[string]bool{}
	for trial := range 200 {
		segs := randomSegments(rng)
		in := testModule(segs, trial%2 == 0)
		if trial%3 == 0 {
			var err error
			in, _, err = MergeDataSegments(in, rng.IntN(2000))
			require.NoError(t, err)
		}
		code, data, err := SplitData(in)
		require.NoError(t, err)
		memIn, othersIn, _ := image(t, in)
		memCode, othersCode, count := image(t, code)
		require.Empty(t, memCode, "trial %d: data left in the module", trial)
		require.Equal(t, -1, count, "trial %d: a data count section left in the module", trial)
		require.Len(t, othersCode, len(othersIn)+1, "trial %d", trial)
		require.Equal(t, othersIn, othersCode[:len(othersIn)], "trial %d", trial)
		custom := othersCode[len(othersIn)]
		name := append([]byte{0, byte(len(DataSection))}, DataSection...)
		require.True(t, bytes.HasPrefix(custom, name), "trial %d: the last section is not %s", trial, DataSection)
		id := custom[len(name):]
		require.Len(t, id, dataIDLen)
		require.Equal(t, memIn, applyData(t, data, id), "trial %d", trial)
		ids[string(id)] = true
	}
	require.Greater(t, len(ids), 150, "the identity is not of the data")
}

func TestSplitDataRefuses(t *testing.T) {
	for name, m := range map[string][]byte{
		"not a module":   []byte("\x00asn\x01\x00\x00\x00"),
		"a passive one":  append([]byte("\x00asm\x01\x00\x00\x00"), sectionData, 4, 1, 1, 1, 7),
		"cut short":      append([]byte("\x00asm\x01\x00\x00\x00"), sectionData, 9, 1, 0, 0x41, 0, 0x0b, 5, 1),
		"two data":       append(testModule([]segment{{8, []byte{1}}}, false), testModule([]segment{{16, []byte{2}}}, false)[8:]...),
		"bytes after it": append([]byte("\x00asm\x01\x00\x00\x00"), sectionData, 7, 1, 0, 0x41, 0, 0x0b, 0, 9),
	} {
		_, _, err := SplitData(m)
		require.Error(t, err, name)
	}
}

// FuzzSplitData: any bytes split without a panic, and what splits gives
// an image whose segments read exactly to its end and a module that ends
// in the DataSection with the image's identity.
func FuzzSplitData(f *testing.F) {
	f.Add(testModule([]segment{{8, []byte{1, 2}}, {40, []byte{3}}}, true))
	f.Add(testModule(nil, false))
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x0b\x05\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, m []byte) {
		code, data, err := SplitData(m)
		if err != nil {
			return
		}
		require.True(t, bytes.HasPrefix(data, []byte(DataMagic)))
		id := data[len(DataMagic) : len(DataMagic)+dataIDLen]
		require.True(t, bytes.HasSuffix(code, append([]byte(DataSection), id...)), "the module's last section")
		i := len(DataMagic) + dataIDLen
		for i < len(data) {
			require.LessOrEqual(t, i+8, len(data))
			i += 8 + int(binary.LittleEndian.Uint32(data[i-4+8:]))
		}
		require.Equal(t, len(data), i, "the segments end where the image does")
	})
}
