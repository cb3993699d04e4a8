package beian

import "strconv"

// A Path locates a value in a filing from its root, with the JSON names of
// the wire format: "subject.principal.mobile", "websites[1].domains[0]".
// The empty Path is the filing itself.
type Path string

// Field returns the path of the member name of the value at p.
func (p Path) Field(name string) Path {
	if p == "" {
		return Path(name)
	}
	return p + "." + Path(name)
}

// Index returns the path of element i of the array at p.
func (p Path) Index(i int) Path {
	// The number is written in a buffer of the stack: strconv.Itoa
	// allocates for 100 and more (a filing of 1,000 websites).
	var buf [24]byte
	b := strconv.AppendInt(append(buf[:0], '['), int64(i), 10)
	return p + Path(append(b, ']'))
}

// String returns the path as text.
func (p Path) String() string { return string(p) }

// Compare orders paths the way a reader expects: member by member, array
// indexes by number (websites[2] before websites[10]), and a path before
// the paths inside it. It returns -1, 0 or +1.
func (p Path) Compare(q Path) int {
	a, b := string(p), string(q)
	// What both start with compares equal: the walk below starts where
	// they differ, or, when that is inside an index ("[12" of "[12]" and
	// "[13]"), at its bracket, where the walk would read it whole.
	i, n := 0, min(len(a), len(b))
	for i < n && a[i] == b[i] {
		i++
	}
	if i == len(a) && i == len(b) {
		return 0
	}
	j := i
	for j > 0 && '0' <= a[j-1] && a[j-1] <= '9' {
		j--
	}
	if j > 0 && a[j-1] == '[' {
		i = j - 1
	}
	return compareFrom(a[i:], b[i:])
}

// compareFrom is Compare's walk: a and b are paths, or what follows their
// common start, at a name, a separator or a bracket.
func compareFrom(a, b string) int {
	for a != "" && b != "" {
		if a[0] == '[' && b[0] == '[' {
			na, ra := leadingIndex(a[1:])
			nb, rb := leadingIndex(b[1:])
			if na != nb {
				return cmpInt(na, nb)
			}
			a, b = ra, rb
			continue
		}
		// Compare up to the next separator; a separator sorts before any
		// name character so that "a.b" < "ab".
		ca, cb := sepRank(a[0]), sepRank(b[0])
		if ca != cb {
			return cmpInt(ca, cb)
		}
		a, b = a[1:], b[1:]
	}
	return cmpInt(len(a), len(b))
}

// sepRank orders the separators '.' and '[' before every other byte.
func sepRank(c byte) int {
	switch c {
	case '.':
		return 0
	case '[':
		return 1
	}
	return 2 + int(c)
}

// leadingIndex reads the decimal number at the start of s up to ']' and
// returns it with the rest of s after the bracket. A malformed index reads
// as far as it goes.
func leadingIndex(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		if n < 1<<30 {
			n = n*10 + int(s[i]-'0')
		}
		i++
	}
	if i < len(s) && s[i] == ']' {
		i++
	}
	return n, s[i:]
}
