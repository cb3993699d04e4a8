// Package certvectors computes certificate check characters from the
// definitions of the standards (GB 11643, GB 32100, GB 11714, GS15), not
// from the parsers' tables: each function tries every candidate and keeps
// the one that satisfies the standard's equation. Tests of the parsers and
// of the rules use it to build valid numbers independently of the code
// under test.
package certvectors

// IDCheck returns the GB 11643 check character of 17 digits: the a1 that
// makes the sum of a_i * 2^(i-1) mod 11 over all 18 positions (numbered
// from the right, the check character being position 1) equal 1
// (ISO 7064 MOD 11-2, X standing for 10).
func IDCheck(first17 string) string {
	for c := 0; c <= 10; c++ {
		sum := c // position 1, weight 2^0
		for i := 0; i < 17; i++ {
			pos := 18 - i // position from the right
			w := 1
			for k := 1; k < pos; k++ {
				w = w * 2 % 11
			}
			sum += int(first17[i]-'0') * w
		}
		if sum%11 == 1 {
			if c == 10 {
				return "X"
			}
			return string(rune('0' + c))
		}
	}
	panic("no check character")
}

// USCCCheck returns the GB 32100 check character of 17 characters: the
// one whose value makes sum(value_i * 3^(i-1)) + check a multiple of 31.
func USCCCheck(first17 string) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	value := func(c byte) int {
		for i := 0; i < len(alphabet); i++ {
			if alphabet[i] == c {
				return i
			}
		}
		panic("not in the alphabet: " + string(c))
	}
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		sum += value(first17[i]) * w
		w = w * 3 % 31
	}
	for c := 0; c < 31; c++ {
		if (sum+c)%31 == 0 {
			return alphabet[c : c+1]
		}
	}
	panic("no check character")
}

// OrgCheck returns the GB 11714 check character of an eight-character
// body: the c that makes sum(value_i * 2^(9-i) mod 11) + c a multiple of
// 11, with 10 written X (the standard's weights 3 7 9 10 5 8 4 2 are these
// powers of two).
func OrgCheck(body string) string {
	sum := 0
	for i := 0; i < 8; i++ {
		v := int(body[i] - '0')
		if body[i] >= 'A' {
			v = int(body[i]-'A') + 10
		}
		w := 1
		for k := 0; k < 8-i; k++ {
			w = w * 2 % 11
		}
		sum += v * w
	}
	for c := 0; c <= 10; c++ {
		if (sum+c)%11 == 0 {
			if c == 10 {
				return "X"
			}
			return string(rune('0' + c))
		}
	}
	panic("no check character")
}

// RegCheck returns the GS15 check digit of 14 digits: the digit for which
// the ISO 7064 MOD 11,10 hybrid system, run over all 15 digits, ends with
// the sum that is 1 mod 10.
func RegCheck(first14 string) string {
	for c := byte('0'); c <= '9'; c++ {
		s := first14 + string(c)
		p := 10
		ok := false
		for i := 0; i < 15; i++ {
			sum := p%11 + int(s[i]-'0')
			if i == 14 {
				ok = sum%10 == 1
				break
			}
			if sum%10 == 0 {
				p = 20
			} else {
				p = 2 * (sum % 10)
			}
		}
		if ok {
			return string(c)
		}
	}
	panic("no check digit")
}

// WithID returns 17 digits and their check character.
func WithID(first17 string) string { return first17 + IDCheck(first17) }

// WithUSCC returns 17 characters and their check character.
func WithUSCC(first17 string) string { return first17 + USCCCheck(first17) }
