package phonenum

import (
	"unicode/utf8"

	"github.com/icpcheck/beian/provinces"
)

// MaxInput is the longest input, in bytes, [Parse] reads; longer input is
// [ReasonTooLong] without being scanned.
const MaxInput = 128

// maxDigits bounds the digits of one input: the longest number (a 106
// SMS port of up to 20 digits) with country code and extension.
const maxDigits = 32

// Parse parses a mainland Chinese phone number as people type it, with
// the built-in segment data. See the package documentation for the forms
// accepted.
//
// A mobile-network number ([Mobile], [DataCard], [IoT], [Satellite]) or a
// [Landline] comes back with a nil error. A service number comes back
// described, with an error of [ReasonService]. Anything else gets the zero
// Number (or as much as is known) and an [*Error] with its [Reason].
// Parse allocates at most once (for National, when the input has
// separators) and never modifies or retains more of s than the Number's
// strings.
func Parse(s string) (Number, error) { return parse(s, nil) }

// Parse is [Parse] with the table's segments taking precedence over the
// built-in ones: a prefix the table holds gets the table's province and
// city, and its operator and virtual flag where the table gives them; a
// prefix the built-in data does not know at all becomes a valid mobile
// segment. t may be nil.
func (t *Table) Parse(s string) (Number, error) { return parse(s, t) }

// scanner holds the digits of one input and where they came from.
type scanner struct {
	s       string
	digits  [maxDigits]byte
	pos     [maxDigits]uint8 // byte offset in s of each digit
	n       int
	plus    bool // a "+" before the first digit
	ext     int  // digit index where an explicit extension starts, or -1
	dash    int  // digit index where the last group starts if a dash came before it, or -1
	lastSep byte // separator seen since the last digit: 0, ' ' or '-'
}

// scan reads s into the scanner, or returns why it cannot.
func (sc *scanner) scan() Reason {
	s := sc.s
	sc.ext, sc.dash = -1, -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case '0' <= c && c <= '9':
				if r := sc.digit(c, i); r != ReasonNone {
					return r
				}
			case c == ' ' || c == '\t' || c == '.' || c == '/' || c == '(' || c == ')':
				sc.sep(' ')
			case c == '-':
				sc.sep('-')
			case c == '+':
				if sc.n > 0 || sc.plus {
					return ReasonBadCharacter
				}
				sc.plus = true
			case c == 'x' || c == 'X' || c == '#':
				if !sc.startExt() {
					return ReasonBadExtension
				}
			case c == 'e' || c == 'E':
				// "ext" or "ext."
				if i+3 > len(s) || (s[i+1]|0x20) != 'x' || (s[i+2]|0x20) != 't' || !sc.startExt() {
					return ReasonBadCharacter
				}
				i += 3
				if i < len(s) && s[i] == '.' {
					i++
				}
				continue
			default:
				return ReasonBadCharacter
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '０' && r <= '９':
			if reason := sc.digit(byte('0'+r-'０'), i); reason != ReasonNone {
				return reason
			}
		case r == '＋':
			if sc.n > 0 || sc.plus {
				return ReasonBadCharacter
			}
			sc.plus = true
		case r == '\u00a0' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a') || r == '\u202f' || r == '\u205f' ||
			r == '（' || r == '）' || r == '．' || r == '／' || r == '、':
			sc.sep(' ')
		case (r >= '\u2010' && r <= '\u2015') || r == '\u2212' || r == '－' || r == '\ufe63' || r == '\ufe58' || r == 'ー':
			sc.sep('-')
		case r >= '\u200b' && r <= '\u200d' || r == '\u2060' || r == '\ufeff':
			// invisible: ignored
		case r == '转':
			if !sc.startExt() {
				return ReasonBadExtension
			}
		case r == '分':
			// 分机 or 分机号
			rest := s[i+size:]
			if len(rest) < len("机") || rest[:len("机")] != "机" || !sc.startExt() {
				return ReasonBadCharacter
			}
			size += len("机")
			if len(rest) >= len("机号") && rest[len("机"):len("机号")] == "号" {
				size += len("号")
			}
		default:
			return ReasonBadCharacter
		}
		i += size
	}
	if sc.n == 0 {
		return ReasonEmpty
	}
	return ReasonNone
}

func (sc *scanner) digit(d byte, at int) Reason {
	if sc.n == maxDigits {
		return ReasonTooLong
	}
	if sc.lastSep != 0 {
		// a new group of digits
		sc.dash = -1
		if sc.lastSep == '-' && sc.ext < 0 {
			sc.dash = sc.n
		}
		sc.lastSep = 0
	}
	sc.digits[sc.n] = d
	sc.pos[sc.n] = uint8(at)
	sc.n++
	return ReasonNone
}

// sep records a separator; a dash among several separators wins.
func (sc *scanner) sep(kind byte) {
	if sc.n > 0 && sc.lastSep != '-' {
		sc.lastSep = kind
	}
}

// startExt marks the start of an explicit extension; false when there is
// no number before it or it is the second one.
func (sc *scanner) startExt() bool {
	if sc.n == 0 || sc.ext >= 0 {
		return false
	}
	sc.ext = sc.n
	sc.lastSep = 0
	return true
}

// str returns digits[a:b] as a string, sharing s when the digits are
// contiguous ASCII there.
func (sc *scanner) str(a, b int) string {
	if a == b {
		return ""
	}
	// b-a digits starting at b-a consecutive bytes are one byte each, the
	// last one included when it is ASCII.
	if p, q := int(sc.pos[a]), int(sc.pos[b-1]); q-p == b-1-a && sc.s[q] < utf8.RuneSelf {
		return sc.s[p : q+1]
	}
	return string(sc.digits[a:b])
}

func parse(s string, t *Table) (Number, error) {
	var fast Number
	if parseMobile(s, t, &fast) || parseLandline(s, &fast) {
		return fast, nil
	}
	return parseGeneral(s, t)
}

// parseLandline is parse's fast path for a landline typed with its trunk
// 0 in ASCII digits and dashes only ("0755-26888888", "075526888888"): it
// sets n as the general path would and returns true when the general path
// reads s as a valid landline, or returns false, leaving n alone, for
// anything else (another shape, a number the fixed-line patterns do not
// take, a local number starting with 0 or 1: the general path says why,
// or finds an extension after the last dash). TestFastPathAsGeneral and
// FuzzFastPathAsGeneral hold it to the general path.
func parseLandline(s string, n *Number) bool {
	var buf [maxDigits - 1]byte
	k, ac, dashes, ok := plainLandline(s, &buf)
	if !ok {
		return false
	}
	d := buf[:k]
	national := s[1:]
	if dashes > 0 {
		national = string(d)
	}
	*n = Number{Kind: Landline, National: national, AreaCode: national[:ac]}
	setPlace(n, areaPlace(d[:ac]))
	return true
}

// plainLandline is the test of parseLandline: whether s is a landline
// typed with its trunk 0 in ASCII digits and dashes that the general path
// reads as a valid landline. It writes the digits after the trunk 0 to
// buf and returns how many there are, the length of the area code among
// them and how many dashes s has.
func plainLandline(s string, buf *[maxDigits - 1]byte) (k, ac, dashes int, ok bool) {
	// The general path reads such input as these digits, without
	// separators or extension, and (its second digit not 0: no "00"
	// international prefix) as a landline after the trunk 0.
	if len(s) < 3 || len(s) > MaxInput || s[0] != '0' || s[1] < '1' || s[1] > '9' {
		return 0, 0, 0, false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			if k == len(buf) {
				return 0, 0, 0, false
			}
			buf[k] = c
			k++
		case c == '-':
			dashes++
		default:
			return 0, 0, 0, false
		}
	}
	d := buf[:k]
	if dfaRun(d)&matchFixed == 0 {
		return 0, 0, 0, false
	}
	ac = areaLen(d)
	if len(d) <= ac || d[ac] == '0' || d[ac] == '1' {
		return 0, 0, 0, false
	}
	return k, ac, dashes, true
}

// Facts are what [Table.Check] reads of a number: the facts of the
// Number [Table.Parse] returns, without its strings.
type Facts struct {
	// Kind is Number.Kind.
	Kind Kind
	// Province is the code of Number.Province ("44"); "" when the
	// Province is the zero Province.
	Province string
	// Operator, Virtual and FromTable are those of the Number.
	Operator  Operator
	Virtual   bool
	FromTable bool
	// AreaCodeLen is len(Number.AreaCode): a landline's area code is
	// the AreaCodeLen digits after its trunk 0; 0 for other kinds.
	AreaCodeLen int
}

// Check is [Table.Parse] for a caller that needs a valid number's facts
// and not its strings, on the fast path alone: for a number typed plainly
// (a mobile as its 11 ASCII digits, "13902212345"; a landline with its
// trunk 0 in ASCII digits and dashes, "0755-26888888") that Parse gives a
// nil error, it returns the facts of Parse's Number and true, without
// allocating. For any other input it returns false: the caller asks Parse.
// t may be nil.
func (t *Table) Check(s string) (Facts, bool) {
	if seg, te, ok := plainMobile(s, t); ok {
		f := Facts{Kind: seg.kind, Operator: seg.operator, Virtual: seg.virtual}
		if te == nil {
			f.Province = placeProvince(seg.place)
			return f, true
		}
		if p, ok := provinces.ByCode(te.province); ok {
			f.Province = p.Code
		}
		f.FromTable = true
		if te.hasOperator {
			f.Operator = te.operator
		}
		if te.hasVirtual {
			f.Virtual = te.virtual
		}
		return f, true
	}
	var buf [maxDigits - 1]byte
	if _, ac, _, ok := plainLandline(s, &buf); ok {
		return Facts{Kind: Landline, Province: placeProvince(areaPlace(buf[:ac])), AreaCodeLen: ac}, true
	}
	return Facts{}, false
}

// parseGeneral is parse for every input: it scans s, then classifies its
// digits.
func parseGeneral(s string, t *Table) (Number, error) {
	if len(s) > MaxInput {
		return Number{}, newError(s, ReasonTooLong)
	}
	sc := scanner{s: s}
	if r := sc.scan(); r != ReasonNone {
		return Number{}, newError(s, r)
	}
	end := sc.n
	if sc.ext >= 0 {
		end = sc.ext
		if sc.n-sc.ext == 0 || sc.n-sc.ext > 6 {
			return Number{}, newError(s, ReasonBadExtension)
		}
	}
	n, r := sc.number(end, t)
	if r != ReasonNone && sc.ext < 0 && sc.dash > 0 && sc.n-sc.dash <= 6 {
		// "0755-86013388-801": the last group after a dash is an extension
		// when the digits before it are a landline.
		if n2, r2 := sc.number(sc.dash, t); r2 == ReasonNone && n2.Kind == Landline {
			n, r, end = n2, r2, sc.dash
		} else if r2 == ReasonBadLocalNumber {
			n, r = n2, r2 // the number before the extension is what is wrong
		}
	}
	if end < sc.n && (r == ReasonNone || r == ReasonService) {
		if n.Kind != Landline && n.Kind != Service {
			return Number{}, newError(s, ReasonBadExtension)
		}
		n.Extension = sc.str(end, sc.n)
	}
	if r != ReasonNone {
		return n, newError(s, r)
	}
	return n, nil
}

// number classifies digits[:end].
func (sc *scanner) number(end int, t *Table) (Number, Reason) {
	n, r := sc.national(end, t)
	if d := sc.digits[:end]; r != ReasonNone && !sc.plus && len(d) >= 11 && d[0] == '8' && d[1] == '6' {
		// 86 755 26888888, (86) 10-62345678, 86-0755-…: the country code
		// without "+" or 00 before a landline (8613902212345 is read
		// above), when what follows is one; digits that are not stay
		// what they were read as.
		j := 2
		if d[j] == '0' {
			j++
		}
		if n2, r2 := sc.landline(j, end, true); r2 == ReasonNone {
			return n2, r2
		}
	}
	return n, r
}

// national classifies digits[:end] as a number with its country code
// written "+86" or "0086" (or 86 before a mobile), or as a national one.
func (sc *scanner) national(end int, t *Table) (Number, Reason) {
	d := sc.digits[:end]
	i := 0
	intl := false
	switch {
	case sc.plus:
		if len(d) < 2 || d[0] != '8' || d[1] != '6' {
			return Number{}, ReasonNotChinese
		}
		i, intl = 2, true
	case len(d) >= 2 && d[0] == '0' && d[1] == '0':
		if len(d) < 4 || d[2] != '8' || d[3] != '6' {
			return Number{}, ReasonNotChinese
		}
		i, intl = 4, true
	case len(d) == 13 && d[0] == '8' && d[1] == '6' && d[2] == '1':
		// 8613902212345: the country code without "+"
		i = 2
	}
	if intl && i < len(d) && d[i] == '0' {
		// "+86 (0)755 …": a trunk 0 after the country code
		i++
	} else if !intl && i < len(d) && d[i] == '0' {
		i++
		if i+1 < len(d) && d[i] == '1' && d[i+1] >= '3' {
			// "013902212345": a mobile dialled with the trunk 0, as from a
			// landline of another city (no area code starts 13–19).
			if n, r := sc.mobile(i, end, t); r == ReasonNone && n.Kind.IsMobileLike() {
				return n, r
			}
		}
		return sc.landline(i, end, true)
	}
	if i == len(d) {
		return Number{}, ReasonTooShort
	}
	if d[i] == '1' {
		return sc.mobile(i, end, t)
	}
	return sc.landline(i, end, intl)
}

// mobile classifies a national number starting with 1 at digits[i:end].
func (sc *scanner) mobile(i, end int, t *Table) (Number, Reason) {
	d := sc.digits[i:end]
	L := len(d)
	var seg segment
	var te *tableEntry
	want := 11
	if L >= 7 {
		prefix := 0
		for _, c := range d[:7] {
			prefix = prefix*10 + int(c-'0')
		}
		seg = builtinSegment(prefix)
		te = t.lookup(uint32(prefix))
		if te != nil && seg.kind == KindUnknown {
			seg.kind = Mobile
		}
		if seg.kind == IoT {
			want = 13
		}
		if seg.kind != KindUnknown && L == want {
			var n Number
			setMobile(&n, sc.str(i, end), seg, te)
			return n, ReasonNone
		}
	}
	// Beijing landlines without the trunk 0 (10xxxxxxxx), 400/800-like
	// numbers, short numbers.
	if m := dfaRun(d); m&matchFixed != 0 {
		return sc.landline(i, end, true)
	} else if m != 0 || sc.isService(d) {
		return sc.service(i, end), ReasonService
	}
	switch {
	case L < want:
		return Number{}, ReasonTooShort
	case L > want:
		return Number{}, ReasonTooLong
	}
	return Number{}, ReasonUnknownSegment
}

// setMobile sets n to the mobile-network number national, of the built-in
// segment seg (whose kind is known) and the table's entry te (or nil).
func setMobile(n *Number, national string, seg segment, te *tableEntry) {
	n.Kind, n.National, n.Segment = seg.kind, national, national[:7]
	n.Operator, n.Virtual = seg.operator, seg.virtual
	if te == nil {
		setPlace(n, seg.place)
		return
	}
	n.Province, _ = provinces.ByCode(te.province)
	n.City, n.FromTable = te.city, true
	if te.hasOperator {
		n.Operator = te.operator
	}
	if te.hasVirtual {
		n.Virtual = te.virtual
	}
}

// National returns the national number of s as [Table.Parse] reads it
// (Number.National) and whether Parse gives s a nil error, for a caller
// that compares numbers and needs nothing else: a mobile typed as its 11
// digits costs no more than the check of its segment. t may be nil.
func (t *Table) National(s string) (string, bool) {
	if _, _, ok := plainMobile(s, t); ok {
		return s, true
	}
	var n Number
	if parseLandline(s, &n) {
		return n.National, true
	}
	n, err := parseGeneral(s, t)
	return n.National, err == nil
}

// plainMobile is the test of parseMobile: whether s is a mobile typed as
// its 11 ASCII digits that the general path takes for a mobile-network
// number, with its built-in segment (its kind set as the general path
// sets it) and the table's entry.
func plainMobile(s string, t *Table) (segment, *tableEntry, bool) {
	if len(s) != 11 || s[0] != '1' {
		return segment{}, nil, false
	}
	prefix := 0
	for i := range 7 {
		c := s[i] - '0'
		if c > 9 {
			return segment{}, nil, false
		}
		prefix = prefix*10 + int(c)
	}
	for i := 7; i < 11; i++ {
		if s[i]-'0' > 9 {
			return segment{}, nil, false
		}
	}
	seg := builtinSegment(prefix)
	te := t.lookup(uint32(prefix))
	if te != nil && seg.kind == KindUnknown {
		seg.kind = Mobile
	}
	if seg.kind == KindUnknown || seg.kind == IoT {
		return segment{}, nil, false
	}
	return seg, te, true
}

// parseMobile is parse's fast path for the commonest input, a mobile
// typed as its 11 ASCII digits ("13902212345"): it sets n as the general
// path would and returns true, or returns false, leaving n alone, for any
// other input and for an 11-digit number the general path does not take
// for a mobile-network number (an unknown segment, an IoT segment, which
// has 13 digits). TestFastPathAsGeneral and FuzzFastPathAsGeneral hold it
// to the general path.
func parseMobile(s string, t *Table, n *Number) bool {
	seg, te, ok := plainMobile(s, t)
	if ok {
		setMobile(n, s, seg, te)
	}
	return ok
}

// isService reports whether d, a national number, is a short or service
// number the patterns of phonenumbers do not cover: 1xx and 1xxxx short
// numbers, 95xxx and 96xxx hotlines, 106 SMS ports.
func (sc *scanner) isService(d []byte) bool {
	L := len(d)
	switch {
	case L == 3 && d[0] == '1' && (d[1] == '1' || d[1] == '2'):
		return true // 110, 119, 120, 122, 114 …
	case L == 5 && d[0] == '1' && d[1] <= '2':
		return true // 10086, 10010, 10000, 11185, 12315, 12345, 12381 …
	case L >= 8 && L <= 20 && d[0] == '1' && d[1] == '0' && d[2] == '6':
		return true // 106 SMS ports
	case L >= 5 && L <= 8 && d[0] == '9' && d[1] == '5':
		return true // 95588, 95xxx national hotlines
	case L >= 5 && L <= 6 && d[0] == '9' && d[1] == '6':
		return true // 96xxx local hotlines
	}
	return false
}

func (sc *scanner) service(i, end int) Number {
	return Number{Kind: Service, National: sc.str(i, end)}
}

// landline classifies a national number digits[i:end] that is not a
// mobile; trunk says whether it came with a trunk 0 or a country code,
// so that it cannot be a local number without area code.
func (sc *scanner) landline(i, end int, trunk bool) (Number, Reason) {
	d := sc.digits[i:end]
	m := dfaRun(d)
	if m&matchFixed != 0 {
		ac := areaLen(d)
		if len(d) > ac && (d[ac] == '0' || d[ac] == '1') {
			// A local number never starts with 0 (the trunk prefix) or 1
			// (service and mobile numbers); the fixed-line pattern of the
			// numbering data lets some through (010-1…).
			return Number{}, ReasonBadLocalNumber
		}
		n := Number{Kind: Landline, National: sc.str(i, end)}
		n.AreaCode = n.National[:ac]
		setPlace(&n, areaPlace(d[:ac]))
		return n, ReasonNone
	}
	if m != 0 || sc.isService(d) {
		return sc.service(i, end), ReasonService
	}
	L := len(d)
	if L == 0 {
		return Number{}, ReasonTooShort
	}
	if !trunk && L >= 7 && L <= 8 && d[0] != '0' {
		return Number{}, ReasonMissingAreaCode
	}
	ac := areaLen(d)
	if L < ac {
		return Number{}, ReasonTooShort
	}
	if d[0] == '0' || d[0] == '1' && d[1] != '0' || areaPlaces[areaKey(d[:ac])] == 0 {
		return Number{}, ReasonUnknownAreaCode
	}
	switch local := L - ac; {
	case local < 7:
		return Number{}, ReasonTooShort
	case local > 8:
		return Number{}, ReasonTooLong
	}
	return Number{}, ReasonBadLocalNumber
}

// areaLen returns the length of the area code a national landline number
// starts with: 2 for 10 and 2x, 3 for the others.
func areaLen(d []byte) int {
	if len(d) >= 2 && (d[0] == '2' || d[0] == '1' && d[1] == '0') {
		return 2
	}
	return 3
}

func areaKey(a []byte) int {
	k := 0
	for _, c := range a {
		k = k*10 + int(c-'0')
	}
	return k
}

// areaPlace returns the place index of an area code.
func areaPlace(a []byte) uint16 {
	if v := areaPlaces[areaKey(a)]; v > 0 {
		return v - 1
	}
	return 0
}

// dfaRun runs the number automaton over d and returns the patterns that
// match all of it.
func dfaRun(d []byte) uint8 {
	st := uint16(1)
	for _, c := range d {
		st = dfaNext[st][c-'0']
		if st == 0 {
			return 0
		}
	}
	return dfaAccept[st]
}
