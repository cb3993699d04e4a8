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
		Algorithm: spkiAlgorithm{Algorithm: oidDSA, Parameters: asn1.RawValue{FullBytes: params}},
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
		if tc.c.p.Cmp(p.P) != 0 || tc.c.b.Cmp(p.B) != 0 || tc.c.size != (p.BitSize+7)/8 {
			t.Errorf("%s: parameters differ", p.Name)
		}
	}
}
