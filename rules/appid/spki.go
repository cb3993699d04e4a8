package appid

import (
	"math/bits"
	"sync"
)

// The reader below gives the answers crypto/x509.ParsePKIXPublicKey
// gives (Go 1.26) — which keys it reads, their algorithm and RSA modulus
// length — without linking crypto/x509 and the signature code it pulls
// in (about 0.55 MB of the gzipped WebAssembly build), nor encoding/asn1
// and math/big (about 0.26 MB of WebAssembly code): the outer structure
// is read with encoding/asn1's rules for the struct x509 unmarshals
// (readSPKI), and the point of an ECDSA key is checked with fixed-size
// arithmetic (felem). A differential test holds it to x509 over
// generated keys of every type and a fuzz target.

// The public-key algorithm and named-curve identifiers (RFC 3279, RFC
// 5480, RFC 8410), as the contents of their DER encoding.
var (
	oidRSA     = "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01" // 1.2.840.113549.1.1.1
	oidDSA     = "\x2a\x86\x48\xce\x38\x04\x01"         // 1.2.840.10040.4.1
	oidECDSA   = "\x2a\x86\x48\xce\x3d\x02\x01"         // 1.2.840.10045.2.1
	oidEd25519 = "\x2b\x65\x70"                         // 1.3.101.112
	oidX25519  = "\x2b\x65\x6e"                         // 1.3.101.110

	oidP224 = "\x2b\x81\x04\x00\x21"             // 1.3.132.0.33
	oidP256 = "\x2a\x86\x48\xce\x3d\x03\x01\x07" // 1.2.840.10045.3.1.7
	oidP384 = "\x2b\x81\x04\x00\x22"             // 1.3.132.0.34
	oidP521 = "\x2b\x81\x04\x00\x23"             // 1.3.132.0.35
)

// asn1Null is the DER encoding of NULL (encoding/asn1's NullBytes).
const asn1Null = "\x05\x00"

// DER tags.
const (
	tagInteger   = 0x02
	tagBitString = 0x03
	tagOID       = 0x06
	tagSequence  = 0x30
)

// parseSPKI reads a DER SubjectPublicKeyInfo and returns its algorithm
// ("RSA", "ECDSA", "Ed25519" or "other" for X25519 and DSA) and, for
// RSA, the modulus length in bits; ok is false where crypto/x509 refuses
// the key.
func parseSPKI(der []byte) (alg string, bitLength int, ok bool) {
	oid, params, data, ok := readSPKI(der)
	if !ok {
		return "", 0, false
	}
	switch {
	case oid == oidRSA:
		if string(params) != asn1Null {
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
	case oid == oidECDSA:
		curveOID, _, ok := readDER(params, tagOID)
		if !ok || !validOID(curveOID) {
			return "", 0, false
		}
		c := curveOf(curveOID)
		if c == nil || !c.onCurve(data) {
			return "", 0, false
		}
		return "ECDSA", 0, true
	case oid == oidEd25519:
		if len(params) != 0 || len(data) != 32 {
			return "", 0, false
		}
		return "Ed25519", 0, true
	case oid == oidX25519:
		if len(params) != 0 || len(data) != 32 {
			return "", 0, false
		}
		return "other", 0, true
	case oid == oidDSA:
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

// readSPKI reads der as encoding/asn1's Unmarshal reads the struct
// crypto/x509.ParsePKIXPublicKey gives it (a SEQUENCE of an
// AlgorithmIdentifier — an OBJECT IDENTIFIER and optional parameters of
// any type — and a BIT STRING), with nothing after it: oid is the
// identifier's contents, params the parameters' whole encoding (nil
// without), key the BIT STRING's bits right-aligned (BitString's
// RightAlign). As Unmarshal does, it allows bytes after the last field
// inside either SEQUENCE.
func readSPKI(der []byte) (oid string, params, key []byte, ok bool) {
	spki, rest, ok := asn1Element(der, tagSequence)
	if !ok || len(rest) != 0 {
		return "", nil, nil, false
	}
	alg, spki, ok := asn1Element(spki, tagSequence)
	if !ok {
		return "", nil, nil, false
	}
	id, alg, ok := asn1Element(alg, tagOID)
	if !ok || !validOID(id) {
		return "", nil, nil, false
	}
	if len(alg) > 0 {
		_, after, ok := asn1Element(alg, anyTag)
		if !ok {
			return "", nil, nil, false
		}
		params = alg[:len(alg)-len(after)]
	}
	bs, _, ok := asn1Element(spki, tagBitString)
	if !ok {
		return "", nil, nil, false
	}
	key, ok = rightAlign(bs)
	return string(id), params, key, ok
}

// anyTag makes asn1Element take an element of any tag (an
// asn1.RawValue).
const anyTag = -1

// asn1Element reads one element from the start of b with encoding/asn1's
// rules (parseTagAndLength): a high tag number in minimal base 128 of at
// most five bytes, at least 31 and under 2^31; a definite length, in the
// long form minimal (no leading zero byte, at least 128) and under 2^31;
// the contents within b. want is the identifier octet the field's type
// asks for (asn1 matches class, tag and constructed bit, and a high tag
// number never equals a universal type's), or anyTag.
func asn1Element(b []byte, want int) (contents, rest []byte, ok bool) {
	if len(b) == 0 {
		return nil, nil, false
	}
	i, high := 1, false
	if b[0]&0x1f == 0x1f {
		high = true
		var v int64
		for k := 0; ; k++ {
			if i >= len(b) || k == 5 {
				return nil, nil, false
			}
			c := b[i]
			if k == 0 && c == 0x80 {
				return nil, nil, false
			}
			v = v<<7 | int64(c&0x7f)
			i++
			if c&0x80 == 0 {
				break
			}
		}
		if v > 1<<31-1 || v < 0x1f {
			return nil, nil, false
		}
	}
	if want != anyTag && (high || int(b[0]) != want) {
		return nil, nil, false
	}
	if i >= len(b) {
		return nil, nil, false
	}
	n := int(b[i])
	i++
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 {
			return nil, nil, false // indefinite length
		}
		n = 0
		for range k {
			if i >= len(b) || n >= 1<<23 {
				return nil, nil, false
			}
			n = n<<8 | int(b[i])
			i++
			if n == 0 {
				return nil, nil, false
			}
		}
		if n < 0x80 {
			return nil, nil, false
		}
	}
	if n > len(b)-i {
		return nil, nil, false
	}
	return b[i : i+n], b[i+n:], true
}

// rightAlign reads a BIT STRING's contents as encoding/asn1 does
// (parseBitString: a count of unused bits of at most 7, none in an empty
// string, the unused bits zero) and returns its bits right-aligned, as
// BitString.RightAlign does.
func rightAlign(b []byte) ([]byte, bool) {
	if len(b) == 0 {
		return nil, false
	}
	pad := b[0]
	if pad > 7 || len(b) == 1 && pad > 0 || b[len(b)-1]&(1<<pad-1) != 0 {
		return nil, false
	}
	data := b[1:]
	if pad == 0 || len(data) == 0 {
		return data, true
	}
	a := make([]byte, len(data))
	a[0] = data[0] >> pad
	for i := 1; i < len(data); i++ {
		a[i] = data[i-1]<<(8-pad) | data[i]>>pad
	}
	return a, true
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
	p, b felem
	size int // bytes of a coordinate

	// Montgomery arithmetic modulo p: n limbs, R = 2^(64n), pinv =
	// -p⁻¹ mod 2^64, r2 = R² mod p, bm = b·R mod p.
	n      int
	pinv   uint64
	r2, bm felem
}

func newCurve(p, b string, size int) *curve {
	c := &curve{p: felemFromHex(p), b: felemFromHex(b), size: size}
	c.n = len(c.p)
	for c.n > 1 && c.p[c.n-1] == 0 {
		c.n--
	}
	inv := uint64(1) // p⁻¹ mod 2^64 by Newton's iteration (p is odd)
	for range 6 {
		inv *= 2 - c.p[0]*inv
	}
	c.pinv = -inv
	var r felem // R mod p, doubling 1 for 64n bits
	r[0] = 1
	for range 64 * c.n {
		r = addMod(&r, &r, &c.p)
	}
	c.r2 = mulMod(&r, &r, &c.p)
	c.bm = c.toMont(&c.b)
	return c
}

// montMul returns x·y·R⁻¹ mod p for x, y < p (Montgomery multiplication,
// operand scanning).
func (c *curve) montMul(x, y *felem) felem {
	n := c.n
	var t [len(felem{}) + 2]uint64
	for i := range n {
		// t += x[i]·y
		var carry uint64
		for j := range n {
			hi, lo := bits.Mul64(x[i], y[j])
			var k uint64
			lo, k = bits.Add64(lo, t[j], 0)
			hi += k
			lo, k = bits.Add64(lo, carry, 0)
			hi += k
			t[j], carry = lo, hi
		}
		var k uint64
		t[n], k = bits.Add64(t[n], carry, 0)
		t[n+1] = k
		// t += m·p with m making t's low limb zero, then t >>= 64
		m := t[0] * c.pinv
		carry = 0
		for j := range n {
			hi, lo := bits.Mul64(m, c.p[j])
			lo, k = bits.Add64(lo, t[j], 0)
			hi += k
			lo, k = bits.Add64(lo, carry, 0)
			hi += k
			t[j], carry = lo, hi
		}
		t[n], k = bits.Add64(t[n], carry, 0)
		t[n+1] += k
		copy(t[:n+1], t[1:n+2])
		t[n+1] = 0
	}
	// t < 2p: less p once if it is at least p (a limb beyond n means it
	// is, and the n-limb difference, under p, is exact).
	var z felem
	copy(z[:n], t[:n])
	if t[n] != 0 || z.cmp(&c.p) >= 0 {
		var borrow uint64
		for j := range n {
			z[j], borrow = bits.Sub64(z[j], c.p[j], borrow)
		}
	}
	return z
}

// toMont returns x·R mod p.
func (c *curve) toMont(x *felem) felem { return c.montMul(x, &c.r2) }

// curveOf returns the curve of a named-curve identifier's contents, nil
// for a curve x509 does not read.
func curveOf(contents []byte) *curve {
	switch string(contents) {
	case oidP224:
		return curveP224()
	case oidP256:
		return curveP256()
	case oidP384:
		return curveP384()
	case oidP521:
		return curveP521()
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
	x, y := felemFromBytes(q[1:1+c.size]), felemFromBytes(q[1+c.size:])
	if x.cmp(&c.p) >= 0 || y.cmp(&c.p) >= 0 {
		return false
	}
	// In Montgomery form: y² and x³ - 3x + b, each times R.
	xm, ym := c.toMont(&x), c.toMont(&y)
	rhs := c.montMul(&xm, &xm)
	rhs = c.montMul(&rhs, &xm)
	three := addMod(&xm, &xm, &c.p)
	three = addMod(&three, &xm, &c.p)
	rhs = subMod(&rhs, &three, &c.p)
	rhs = addMod(&rhs, &c.bm, &c.p)
	return c.montMul(&ym, &ym) == rhs
}

// A felem is a number under 2^576, little-endian in 64-bit limbs: room
// for P-521's coordinates. Only the point check uses them, with
// Montgomery multiplication; mulMod, a bit at a time, builds the
// curves' constants. Nothing is constant-time: the key is public.
type felem [9]uint64

// felemFromBytes reads a big-endian number of at most 72 bytes.
func felemFromBytes(b []byte) felem {
	var z felem
	for i := range b {
		z[i/8] |= uint64(b[len(b)-1-i]) << (8 * (i % 8))
	}
	return z
}

// felemFromHex reads a constant in hexadecimal.
func felemFromHex(h string) felem {
	b := make([]byte, (len(h)+1)/2)
	for i := len(h) - 1; i >= 0; i-- {
		c := h[i]
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		default:
			panic("appid: bad curve constant")
		}
		k := len(h) - 1 - i // hex digit from the right
		b[len(b)-1-k/2] |= v << (4 * (k % 2))
	}
	return felemFromBytes(b)
}

func (z *felem) cmp(x *felem) int {
	for i := len(z) - 1; i >= 0; i-- {
		switch {
		case z[i] > x[i]:
			return 1
		case z[i] < x[i]:
			return -1
		}
	}
	return 0
}

// sub sets z = z - x and returns the borrow.
func (z *felem) sub(x *felem) uint64 {
	var borrow uint64
	for i := range z {
		z[i], borrow = bits.Sub64(z[i], x[i], borrow)
	}
	return borrow
}

// add sets z = z + x and returns the carry.
func (z *felem) add(x *felem) uint64 {
	var carry uint64
	for i := range z {
		z[i], carry = bits.Add64(z[i], x[i], carry)
	}
	return carry
}

// addMod returns x + y mod p, for x, y < p < 2^575.
func addMod(x, y, p *felem) felem {
	z := *x
	z.add(y)
	if z.cmp(p) >= 0 {
		z.sub(p)
	}
	return z
}

// subMod returns x - y mod p, for x, y < p.
func subMod(x, y, p *felem) felem {
	z := *x
	if z.sub(y) != 0 {
		z.add(p)
	}
	return z
}

// mulMod returns x·y mod p, for x, y < p < 2^575: the product, then the
// remainder a bit at a time from the product's top bit (r = 2r + bit,
// less p when r ≥ p), on as many limbs as p has and one more.
func mulMod(x, y, p *felem) felem {
	n := len(p)
	for n > 1 && p[n-1] == 0 {
		n--
	}
	var t [2 * len(felem{})]uint64
	for i := range n {
		var carry uint64
		for j := range n {
			hi, lo := bits.Mul64(x[i], y[j])
			var c uint64
			lo, c = bits.Add64(lo, t[i+j], 0)
			hi += c
			lo, c = bits.Add64(lo, carry, 0)
			hi += c
			t[i+j], carry = lo, hi
		}
		t[i+n] = carry
	}
	top := 2*n*64 - 1
	for top >= 0 && t[top/64] == 0 {
		top -= 64
	}
	for top >= 0 && t[top/64]>>(top%64)&1 == 0 {
		top--
	}
	m := min(n+1, len(felem{})) // r < p, so 2r+1 fits in m limbs
	var r felem
	for i := top; i >= 0; i-- {
		var c uint64
		for k := range m {
			r[k], c = r[k]<<1|c, r[k]>>63
		}
		r[0] |= t[i/64] >> (i % 64) & 1
		if r.cmp(p) >= 0 {
			var borrow uint64
			for k := range m {
				r[k], borrow = bits.Sub64(r[k], p[k], borrow)
			}
		}
	}
	return r
}
