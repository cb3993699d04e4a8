package beian

import (
	"math/bits"
	"strconv"
)

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
	// Small enough to be inlined, so that p.Index(i).Field(name) is one
	// concatenation, one allocation.
	return p + "[" + Path(indexDigits(i)) + "]"
}

// indexDigits returns strconv.Itoa(i), without allocating for i below
// 1,000 (Itoa allocates from 100 on: a filing of 1,000 websites would
// allocate once more for most of its websites' paths).
func indexDigits(i int) string {
	if 100 <= i && i < 1000 {
		k := (i - 100) * 3
		return threeDigits[k : k+3]
	}
	return strconv.Itoa(i)
}

// threeDigits is 100, 101, … 999 written one after another
// (TestIndexAsItoa checks each).
const threeDigits = "100101102103104105106107108109110111112113114115116117118119120121122123124125126127128129" +
	"130131132133134135136137138139140141142143144145146147148149150151152153154155156157158159" +
	"160161162163164165166167168169170171172173174175176177178179180181182183184185186187188189" +
	"190191192193194195196197198199200201202203204205206207208209210211212213214215216217218219" +
	"220221222223224225226227228229230231232233234235236237238239240241242243244245246247248249" +
	"250251252253254255256257258259260261262263264265266267268269270271272273274275276277278279" +
	"280281282283284285286287288289290291292293294295296297298299300301302303304305306307308309" +
	"310311312313314315316317318319320321322323324325326327328329330331332333334335336337338339" +
	"340341342343344345346347348349350351352353354355356357358359360361362363364365366367368369" +
	"370371372373374375376377378379380381382383384385386387388389390391392393394395396397398399" +
	"400401402403404405406407408409410411412413414415416417418419420421422423424425426427428429" +
	"430431432433434435436437438439440441442443444445446447448449450451452453454455456457458459" +
	"460461462463464465466467468469470471472473474475476477478479480481482483484485486487488489" +
	"490491492493494495496497498499500501502503504505506507508509510511512513514515516517518519" +
	"520521522523524525526527528529530531532533534535536537538539540541542543544545546547548549" +
	"550551552553554555556557558559560561562563564565566567568569570571572573574575576577578579" +
	"580581582583584585586587588589590591592593594595596597598599600601602603604605606607608609" +
	"610611612613614615616617618619620621622623624625626627628629630631632633634635636637638639" +
	"640641642643644645646647648649650651652653654655656657658659660661662663664665666667668669" +
	"670671672673674675676677678679680681682683684685686687688689690691692693694695696697698699" +
	"700701702703704705706707708709710711712713714715716717718719720721722723724725726727728729" +
	"730731732733734735736737738739740741742743744745746747748749750751752753754755756757758759" +
	"760761762763764765766767768769770771772773774775776777778779780781782783784785786787788789" +
	"790791792793794795796797798799800801802803804805806807808809810811812813814815816817818819" +
	"820821822823824825826827828829830831832833834835836837838839840841842843844845846847848849" +
	"850851852853854855856857858859860861862863864865866867868869870871872873874875876877878879" +
	"880881882883884885886887888889890891892893894895896897898899900901902903904905906907908909" +
	"910911912913914915916917918919920921922923924925926927928929930931932933934935936937938939" +
	"940941942943944945946947948949950951952953954955956957958959960961962963964965966967968969" +
	"970971972973974975976977978979980981982983984985986987988989990991992993994995996997998999"

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
	for i+8 <= n { // eight bytes at a time, then the first that differs
		if x := load64(a[i:]) ^ load64(b[i:]); x != 0 {
			i += bits.TrailingZeros64(x) >> 3
			n = i
			break
		}
		i += 8
	}
	for i < n && a[i] == b[i] {
		i++
	}
	if i == len(a) && i == len(b) {
		return 0
	}
	if i == 0 || !isDigit(a[i-1]) && a[i-1] != '[' {
		// Not inside an index: where one path ends, it is the one
		// before the paths inside it, and a member's name against
		// another's orders by its bytes, as the walk would (a report's
		// fields differ there far more often: "subject.principal.mobile"
		// against "subject.principal.phone").
		switch {
		case i == len(a):
			return -1
		case i == len(b):
			return +1
		case nameByte(a[i]) && nameByte(b[i]):
			if a[i] < b[i] {
				return -1
			}
			return +1
		}
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

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nameByte reports whether c is a byte of a member's name (a-z, A-Z, _),
// which the walk orders as it is, after the separators . and [.
func nameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// load64 reads the first eight bytes of s, little-endian: the first byte
// is the lowest, so that the lowest byte that differs between two loads
// is the first that differs between the strings. The compiler makes it
// one load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
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
