package appid

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"testing"
)

// x509Answer is what ParsePublicKey took from crypto/x509 before
// parseSPKI replaced it: whether the key is read, its algorithm and RSA
// modulus length.
func x509Answer(der []byte) (alg string, bits int, ok bool) {
	pub, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return "", 0, false
	}
	switch pub := pub.(type) {
	case *rsa.PublicKey:
		return "RSA", pub.N.BitLen(), true
	case *ecdsa.PublicKey:
		return "ECDSA", 0, true
	case ed25519.PublicKey:
		return "Ed25519", 0, true
	}
	return "other", 0, true
}

// realKeys returns SubjectPublicKeyInfos of every type x509 reads:
// RSA moduli of many lengths (generated keys and random odd moduli),
// ECDSA on the four NIST curves, Ed25519, X25519 and DSA.
func realKeys(t testing.TB) map[string][]byte {
	keys := map[string][]byte{}
	add := func(name string, pub any) {
		der, err := x509.MarshalPKIXPublicKey(pub)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		keys[name] = der
	}
	for _, bits := range []int{1024, 2048} {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		add(fmt.Sprintf("RSA-%d", bits), &k.PublicKey)
	}
	for _, bits := range []int{8, 511, 512, 513, 1023, 1536, 3072, 4096, 8191, 8192, 8193, 16384} {
		n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(bits-1)))
		if err != nil {
			t.Fatal(err)
		}
		n.SetBit(n, bits-1, 1).SetBit(n, 0, 1)
		add(fmt.Sprintf("RSA modulus %d", bits), &rsa.PublicKey{N: n, E: 65537})
	}
	for _, c := range []elliptic.Curve{elliptic.P224(), elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		k, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		add("ECDSA "+c.Params().Name, &k.PublicKey)
	}
	ed, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	add("Ed25519", ed)
	x, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	add("X25519", x.PublicKey())
	// DSA: x509 reads it but no longer writes it.
	type dsaParams struct{ P, Q, G *big.Int }
	params, _ := asn1.Marshal(dsaParams{big.NewInt(23), big.NewInt(11), big.NewInt(4)})
	y, _ := asn1.Marshal(big.NewInt(8))
	der, err := asn1.Marshal(spkiInfo{
		Algorithm: spkiAlgorithm{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}, Parameters: asn1.RawValue{FullBytes: params}},
		PublicKey: asn1.BitString{Bytes: y, BitLength: 8 * len(y)},
	})
	if err != nil {
		t.Fatal(err)
	}
	keys["DSA"] = der
	return keys
}

// TestSPKIAsX509 holds parseSPKI to crypto/x509 over real keys of every
// type and size and over every one-byte change and truncation of them.
func TestSPKIAsX509(t *testing.T) {
	keys := realKeys(t)
	n := 0
	check := func(name string, der []byte) {
		t.Helper()
		n++
		ga, gb, gok := parseSPKI(der)
		wa, wb, wok := x509Answer(der)
		if ga != wa || gb != wb || gok != wok {
			t.Errorf("%s %x: got %q %d %v, x509 %q %d %v", name, der, ga, gb, gok, wa, wb, wok)
		}
	}
	for name, der := range keys {
		alg, _, ok := x509Answer(der)
		if !ok {
			t.Fatalf("%s: x509 does not read it", name)
		}
		check(name, der)
		if alg == "RSA" && len(der) > 600 {
			// The long keys' changes are covered by the short ones'.
			continue
		}
		for i := range der {
			for _, v := range []byte{0x00, 0x01, 0x7f, 0x80, 0xff, der[i] ^ 0x01, der[i] + 1, der[i] - 1} {
				c := append([]byte(nil), der...)
				c[i] = v
				check(fmt.Sprintf("%s [%d]=%#x", name, i, v), c)
			}
			check(fmt.Sprintf("%s [:%d]", name, i), der[:i])
		}
		check(name+" trailing", append(append([]byte(nil), der...), 0))
	}
	// Points off the curve or with coordinates not reduced mod p.
	for _, name := range []string{"ECDSA P-224", "ECDSA P-256", "ECDSA P-384", "ECDSA P-521"} {
		der := keys[name]
		var pki spkiInfo
		if _, err := asn1.Unmarshal(der, &pki); err != nil {
			t.Fatal(err)
		}
		size := (len(pki.PublicKey.Bytes) - 1) / 2
		for _, change := range []func(q []byte){
			func(q []byte) { q[len(q)-1] ^= 1 },
			func(q []byte) { // x = p + x' (not reduced)
				for i := 1; i <= size; i++ {
					q[i] = 0xff
				}
			},
			func(q []byte) { // (0, 0)
				for i := 1; i < len(q); i++ {
					q[i] = 0
				}
			},
		} {
			q := append([]byte(nil), pki.PublicKey.Bytes...)
			change(q)
			p2 := pki
			p2.Raw = nil
			p2.PublicKey = asn1.BitString{Bytes: q, BitLength: 8 * len(q)}
			c, err := asn1.Marshal(p2)
			if err != nil {
				t.Fatal(err)
			}
			check(name+" changed point", c)
		}
	}
	t.Logf("%d structures compared", n)
}

// FuzzSPKIAsX509: parseSPKI gives crypto/x509's answer for any bytes.
func FuzzSPKIAsX509(f *testing.F) {
	for _, der := range realKeys(f) {
		if len(der) < 600 {
			f.Add(der)
		}
	}
	f.Add([]byte{0x30, 0x00})
	f.Fuzz(func(t *testing.T, der []byte) {
		ga, gb, gok := parseSPKI(der)
		wa, wb, wok := x509Answer(der)
		if ga != wa || gb != wb || gok != wok {
			t.Fatalf("%x: got %q %d %v, x509 %q %d %v", der, ga, gb, gok, wa, wb, wok)
		}
	})
}

// TestCurveParameters holds the curves' constants to crypto/elliptic's.
func TestCurveParameters(t *testing.T) {
	for _, tc := range []struct {
		c    *curve
		want elliptic.Curve
	}{{curveP224(), elliptic.P224()}, {curveP256(), elliptic.P256()}, {curveP384(), elliptic.P384()}, {curveP521(), elliptic.P521()}} {
		p := tc.want.Params()
		if felemBig(tc.c.p).Cmp(p.P) != 0 || felemBig(tc.c.b).Cmp(p.B) != 0 || tc.c.size != (p.BitSize+7)/8 {
			t.Errorf("%s: parameters differ", p.Name)
		}
	}
}

// felemBig is z as a big.Int.
func felemBig(z felem) *big.Int {
	b := make([]byte, 8*len(z))
	for i, l := range z {
		for k := range 8 {
			b[len(b)-1-8*i-k] = byte(l >> (8 * k))
		}
	}
	return new(big.Int).SetBytes(b)
}

// fieldValues returns elements of c's field to test its arithmetic with:
// the edges (0 to 3, p-1, p-2, the curve's b), powers of two across the
// width, and n elements of a seeded generator, so that a failure
// reproduces.
func fieldValues(c *curve, n int) []*big.Int {
	p := felemBig(c.p)
	vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), big.NewInt(3),
		new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Sub(p, big.NewInt(2)), felemBig(c.b)}
	for k := 1; k < p.BitLen(); k += 37 {
		vals = append(vals, new(big.Int).Lsh(big.NewInt(1), uint(k)))
	}
	rng := mrand.New(mrand.NewPCG(uint64(c.size), uint64(p.BitLen())))
	buf := make([]byte, c.size)
	for range n {
		for i := range buf {
			buf[i] = byte(rng.Uint32())
		}
		v := new(big.Int).SetBytes(buf)
		vals = append(vals, v.Mod(v, p))
	}
	return vals
}

// TestFieldArithmetic holds mulMod, addMod and subMod to math/big on each
// curve's prime: the edges (0, 1, p-1, p-2, 2^k) and random elements.
func TestFieldArithmetic(t *testing.T) {
	for _, c := range []*curve{curveP224(), curveP256(), curveP384(), curveP521()} {
		p := felemBig(c.p)
		vals := fieldValues(c, 40)
		fe := func(v *big.Int) felem { return felemFromBytes(v.FillBytes(make([]byte, c.size))) }
		for _, x := range vals {
			for _, y := range vals {
				fx, fy := fe(x), fe(y)
				mod := func(v *big.Int) *big.Int { return v.Mod(v, p) }
				if got, want := felemBig(mulMod(&fx, &fy, &c.p)), mod(new(big.Int).Mul(x, y)); got.Cmp(want) != 0 {
					t.Fatalf("%x·%x: %x, want %x", x, y, got, want)
				}
				if got, want := felemBig(addMod(&fx, &fy, &c.p)), mod(new(big.Int).Add(x, y)); got.Cmp(want) != 0 {
					t.Fatalf("%x+%x: %x, want %x", x, y, got, want)
				}
				if got, want := felemBig(subMod(&fx, &fy, &c.p)), mod(new(big.Int).Sub(x, y)); got.Cmp(want) != 0 {
					t.Fatalf("%x-%x: %x, want %x", x, y, got, want)
				}
			}
		}
	}
}

// spkiInfo is the SubjectPublicKeyInfo as crypto/x509 unmarshals it
// (publicKeyInfo), for building keys in the tests.
type spkiInfo struct {
	Raw       asn1.RawContent
	Algorithm spkiAlgorithm
	PublicKey asn1.BitString
}

type spkiAlgorithm struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

// TestOIDs holds the identifiers' bytes to encoding/asn1's encoding.
func TestOIDs(t *testing.T) {
	for got, oid := range map[string]asn1.ObjectIdentifier{
		oidRSA: {1, 2, 840, 113549, 1, 1, 1}, oidDSA: {1, 2, 840, 10040, 4, 1}, oidECDSA: {1, 2, 840, 10045, 2, 1},
		oidEd25519: {1, 3, 101, 112}, oidX25519: {1, 3, 101, 110},
		oidP224: {1, 3, 132, 0, 33}, oidP256: {1, 2, 840, 10045, 3, 1, 7}, oidP384: {1, 3, 132, 0, 34}, oidP521: {1, 3, 132, 0, 35},
	} {
		b, err := asn1.Marshal(oid)
		if err != nil || string(b[2:]) != got {
			t.Errorf("%v: %x, asn1 %x (%v)", oid, got, b, err)
		}
	}
	if b, _ := asn1.Marshal(asn1.NullRawValue); string(b) != asn1Null {
		t.Errorf("NULL: %x", b)
	}
}

// TestReadSPKIAsUnmarshal holds readSPKI to encoding/asn1's Unmarshal of
// x509's struct over the structures the element reader decides on: tags
// in the high form, lengths in every form, parameters of any type, bytes
// after the fields, BIT STRING padding.
func TestReadSPKIAsUnmarshal(t *testing.T) {
	elems := [][]byte{
		{}, {0x05, 0x00}, {0x06, 0x03, 0x2b, 0x65, 0x70}, {0x1f, 0x1f, 0x00}, {0x1f, 0x1e, 0x00}, {0x1f, 0x80, 0x1f, 0x00},
		{0xbf, 0x87, 0xff, 0xff, 0xff, 0x7f, 0x00}, {0xbf, 0x88, 0x80, 0x80, 0x80, 0x00, 0x00}, {0x04, 0x81, 0x01, 0x00},
		{0x04, 0x80}, {0x04, 0x82, 0x00, 0x01, 0x00}, {0x30, 0x00}, {0x30}, {0x1f}, {0xa0, 0x02, 0x05, 0x00},
	}
	var cases [][]byte
	wrap := func(tag byte, parts ...[]byte) []byte {
		var c []byte
		for _, p := range parts {
			c = append(c, p...)
		}
		if len(c) < 128 {
			return append([]byte{tag, byte(len(c))}, c...)
		}
		return append([]byte{tag, 0x81, byte(len(c))}, c...)
	}
	oid := []byte{0x06, 0x03, 0x2b, 0x65, 0x70}
	for _, params := range elems {
		for _, extra := range elems[:4] {
			for _, bits := range [][]byte{{0x00}, {0x00, 0x01}, {0x01, 0x02}, {0x01, 0x03}, {0x07, 0x80}, {0x08, 0x00}, {0x01}, {}, {0x03, 0xf8, 0x08}} {
				alg := wrap(0x30, oid, params, extra)
				bs := wrap(0x03, bits)
				cases = append(cases, wrap(0x30, alg, bs), wrap(0x30, alg, bs, extra), append(wrap(0x30, alg, bs), extra...))
			}
		}
	}
	for _, c := range cases {
		var pki spkiInfo
		rest, err := asn1.Unmarshal(c, &pki)
		wok := err == nil && len(rest) == 0
		oid, params, key, ok := readSPKI(c)
		if ok != wok {
			t.Errorf("%x: readSPKI %v, asn1 %v (%v)", c, ok, wok, err)
			continue
		}
		if ok && (oid != "\x2b\x65\x70" || string(params) != string(pki.Algorithm.Parameters.FullBytes) || string(key) != string(pki.PublicKey.RightAlign())) {
			t.Errorf("%x: readSPKI %x %x %x, asn1 %x %x", c, oid, params, key, pki.Algorithm.Parameters.FullBytes, pki.PublicKey.RightAlign())
		}
	}
}

func FuzzReadSPKIAsUnmarshal(f *testing.F) {
	for _, der := range realKeys(f) {
		f.Add(der)
	}
	f.Add([]byte{0x30, 0x0a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x01, 0x00})
	f.Fuzz(func(t *testing.T, der []byte) {
		var pki spkiInfo
		rest, err := asn1.Unmarshal(der, &pki)
		wok := err == nil && len(rest) == 0
		oid, params, key, ok := readSPKI(der)
		if ok != wok {
			t.Fatalf("%x: readSPKI %v, asn1 %v (%v)", der, ok, wok, err)
		}
		if !ok {
			return
		}
		want, _ := asn1.Marshal(pki.Algorithm.Algorithm)
		if oid != string(want[2:]) || string(params) != string(pki.Algorithm.Parameters.FullBytes) || string(key) != string(pki.PublicKey.RightAlign()) {
			t.Fatalf("%x: readSPKI %x %x %x, asn1 %x %x %x", der, oid, params, key, want[2:], pki.Algorithm.Parameters.FullBytes, pki.PublicKey.RightAlign())
		}
	})
}

// BenchmarkParseSPKI reads one key of each type.
func BenchmarkParseSPKI(b *testing.B) {
	keys := realKeys(b)
	for _, name := range []string{"RSA-2048", "ECDSA P-256", "ECDSA P-521", "Ed25519"} {
		der, ok := keys[name]
		if !ok {
			b.Fatalf("no key %q", name)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				parseSPKI(der)
			}
		})
	}
}

// TestMontgomery holds montMul to math/big: x·y·R⁻¹ mod p, R = 2^(64n).
func TestMontgomery(t *testing.T) {
	for _, c := range []*curve{curveP224(), curveP256(), curveP384(), curveP521()} {
		p := felemBig(c.p)
		rinv := new(big.Int).ModInverse(new(big.Int).Lsh(big.NewInt(1), uint(64*c.n)), p)
		vals := fieldValues(c, 60)
		fe := func(v *big.Int) felem { return felemFromBytes(v.FillBytes(make([]byte, c.size))) }
		for _, x := range vals {
			for _, y := range vals {
				fx, fy := fe(x), fe(y)
				want := new(big.Int).Mul(x, y)
				want.Mul(want, rinv).Mod(want, p)
				if got := felemBig(c.montMul(&fx, &fy)); got.Cmp(want) != 0 {
					t.Fatalf("%s: montMul(%x, %x) = %x, want %x", c.name(), x, y, got, want)
				}
			}
		}
	}
}

func (c *curve) name() string { return fmt.Sprint(felemBig(c.p).BitLen()) }
