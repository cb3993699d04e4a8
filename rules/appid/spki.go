package appid

import (
	"encoding/asn1"
	"math/big"
	"sync"
)

// The reader below gives the answers crypto/x509.ParsePKIXPublicKey
// gives (Go 1.26) — which keys it reads, their algorithm and RSA modulus
// length — without linking crypto/x509 and the signature code it pulls
// in (about 0.55 MB of the gzipped WebAssembly build). A differential
// test holds it to x509 over generated keys of every type and a fuzz
// target.

// spkiInfo is a SubjectPublicKeyInfo (RFC 5280, section 4.1), read as
// crypto/x509 reads it.
type spkiInfo struct {
	Raw       asn1.RawContent
	Algorithm spkiAlgorithm
	PublicKey asn1.BitString
}

type spkiAlgorithm struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

// The public-key algorithm and named-curve identifiers (RFC 3279, RFC
// 5480, RFC 8410).
var (
	oidRSA     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidDSA     = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidECDSA   = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidEd25519 = asn1.ObjectIdentifier{1, 3, 101, 112}
	oidX25519  = asn1.ObjectIdentifier{1, 3, 101, 110}

	oidP224 = asn1.ObjectIdentifier{1, 3, 132, 0, 33}
	oidP256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}
	oidP384 = asn1.ObjectIdentifier{1, 3, 132, 0, 34}
	oidP521 = asn1.ObjectIdentifier{1, 3, 132, 0, 35}
)

// DER tags.
const (
	tagInteger  = 0x02
	tagOID      = 0x06
	tagSequence = 0x30
)

// parseSPKI reads a DER SubjectPublicKeyInfo and returns its algorithm
// ("RSA", "ECDSA", "Ed25519" or "other" for X25519 and DSA) and, for
// RSA, the modulus length in bits; ok is false where crypto/x509 refuses
// the key.
func parseSPKI(der []byte) (alg string, bits int, ok bool) {
	var pki spkiInfo
	if rest, err := asn1.Unmarshal(der, &pki); err != nil || len(rest) != 0 {
		return "", 0, false
	}
	oid := pki.Algorithm.Algorithm
	params := pki.Algorithm.Parameters.FullBytes
	data := pki.PublicKey.RightAlign()
	switch {
	case oid.Equal(oidRSA):
		if string(params) != string(asn1.NullBytes) {
			return "", 0, false
		}
		seq, _, ok := readDER(data, tagSequence)
		if !ok {
			return "", 0, false
		}
		n, rest, ok := readInteger(seq)
		if !ok {
			return "", 0, false
		}
		e, _, ok := readInteger(rest)
		if !ok || len(e) > 8 || positive(n) <= 0 || positive(e) <= 0 {
			return "", 0, false
		}
		for len(n) > 0 && n[0] == 0 {
			n = n[1:]
		}
		return "RSA", bitLen(n), true
	case oid.Equal(oidECDSA):
		curveOID, _, ok := readDER(params, tagOID)
		if !ok || !validOID(curveOID) {
			return "", 0, false
		}
		c := curveOf(curveOID)
		if c == nil || !c.onCurve(data) {
			return "", 0, false
		}
		return "ECDSA", 0, true
	case oid.Equal(oidEd25519):
		if len(params) != 0 || len(data) != 32 {
			return "", 0, false
		}
		return "Ed25519", 0, true
	case oid.Equal(oidX25519):
		if len(params) != 0 || len(data) != 32 {
			return "", 0, false
		}
		return "other", 0, true
	case oid.Equal(oidDSA):
		y, _, ok := readInteger(data)
		if !ok {
			return "", 0, false
		}
		seq, _, ok := readDER(params, tagSequence)
		if !ok {
			return "", 0, false
		}
		var p, q, g []byte
		if p, seq, ok = readInteger(seq); !ok {
			return "", 0, false
		}
		if q, seq, ok = readInteger(seq); !ok {
			return "", 0, false
		}
		if g, _, ok = readInteger(seq); !ok {
			return "", 0, false
		}
		if positive(y) <= 0 || positive(p) <= 0 || positive(q) <= 0 || positive(g) <= 0 {
			return "", 0, false
		}
		return "other", 0, true
	}
	return "", 0, false
}

// readDER reads one DER element of the given tag from the start of b, as
// x509's DER reader does (low tag numbers only, minimal lengths of at
// most four bytes), and returns its contents and what follows it.
func readDER(b []byte, tag byte) (contents, rest []byte, ok bool) {
	if len(b) < 2 || b[0]&0x1f == 0x1f || b[0] != tag {
		return nil, nil, false
	}
	n, head := int(b[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(b) < 2+k {
			return nil, nil, false
		}
		var l uint32
		for _, c := range b[2 : 2+k] {
			l = l<<8 | uint32(c)
		}
		if l < 128 || l>>((k-1)*8) == 0 {
			return nil, nil, false
		}
		if uint64(l) > uint64(len(b)) {
			return nil, nil, false
		}
		n, head = int(l), 2+k
	}
	if len(b)-head < n {
		return nil, nil, false
	}
	return b[head : head+n], b[head+n:], true
}

// readInteger reads a minimally encoded DER INTEGER.
func readInteger(b []byte) (v, rest []byte, ok bool) {
	v, rest, ok = readDER(b, tagInteger)
	switch {
	case !ok || len(v) == 0:
		return nil, nil, false
	case len(v) > 1 && (v[0] == 0 && v[1]&0x80 == 0 || v[0] == 0xff && v[1]&0x80 != 0):
		return nil, nil, false
	}
	return v, rest, true
}

// positive returns the sign of a two's-complement big-endian integer.
func positive(v []byte) int {
	if v[0]&0x80 != 0 {
		return -1
	}
	for _, c := range v {
		if c != 0 {
			return 1
		}
	}
	return 0
}

// validOID reports whether b is an object identifier's contents x509
// would read: base-128 components without a leading 0x80, each under
// 2^31 and of at most five bytes, the last one complete.
func validOID(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for len(b) > 0 {
		v := 0
		for i := 0; ; i++ {
			if len(b) == 0 || i == 5 || v >= 1<<(31-7) {
				return false
			}
			c := b[0]
			b = b[1:]
			if i == 0 && c == 0x80 {
				return false
			}
			v = v<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
	}
	return true
}

// A curve is a NIST prime curve y² = x³ - 3x + b (mod p).
type curve struct {
	p, b *big.Int
	size int // bytes of a coordinate
}

func newCurve(p, b string, size int) *curve {
	c := &curve{p: new(big.Int), b: new(big.Int), size: size}
	c.p.SetString(p, 16)
	c.b.SetString(b, 16)
	return c
}

// curveOf returns the curve of a named-curve identifier's contents, nil
// for a curve x509 does not read.
func curveOf(contents []byte) *curve {
	for _, nc := range []struct {
		oid asn1.ObjectIdentifier
		c   func() *curve
	}{{oidP224, curveP224}, {oidP256, curveP256}, {oidP384, curveP384}, {oidP521, curveP521}} {
		if b, err := asn1.Marshal(nc.oid); err == nil && string(b[2:]) == string(contents) {
			return nc.c()
		}
	}
	return nil
}

// The curves' parameters (SEC 2, FIPS 186-4 appendix D.1.2), built on
// first use.
var (
	curveP224 = lazyCurve("ffffffffffffffffffffffffffffffff000000000000000000000001",
		"b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4", 28)
	curveP256 = lazyCurve("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
		"5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 32)
	curveP384 = lazyCurve("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
		"b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef", 48)
	curveP521 = lazyCurve("1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
		"0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00", 66)
)

func lazyCurve(p, b string, size int) func() *curve {
	return sync.OnceValue(func() *curve { return newCurve(p, b, size) })
}

// onCurve reports whether q is an uncompressed point (0x04, x, y) of c
// with x and y reduced modulo p and y² = x³ - 3x + b.
func (c *curve) onCurve(q []byte) bool {
	if len(q) != 1+2*c.size || q[0] != 4 {
		return false
	}
	x := new(big.Int).SetBytes(q[1 : 1+c.size])
	y := new(big.Int).SetBytes(q[1+c.size:])
	if x.Cmp(c.p) >= 0 || y.Cmp(c.p) >= 0 {
		return false
	}
	rhs := new(big.Int).Mul(x, x)
	rhs.Mul(rhs, x)
	three := new(big.Int).Lsh(x, 1)
	three.Add(three, x)
	rhs.Sub(rhs, three)
	rhs.Add(rhs, c.b)
	rhs.Mod(rhs, c.p)
	lhs := new(big.Int).Mul(y, y)
	lhs.Mod(lhs, c.p)
	return lhs.Cmp(rhs) == 0
}
