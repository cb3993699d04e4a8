package address

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A Location is where an address lies, as far as its start names it: the
// GB/T 2260 codes of its province, its city (the prefecture-level
// division) and its county (the county-level division), each 0 when the
// address does not name it or names it ambiguously.
//
// The city of an address in Beijing, Tianjin, Shanghai or Chongqing is the
// municipality (110100 …); that of a county-level city the province
// governs directly (济源市, 仙桃市, Hainan's 五指山市 …) is that city.
type Location struct {
	Province, City, County int
}

// Locate reads the divisions an address starts with: 河北省石家庄市长安区…,
// 石家庄市长安区…, 河北石家庄…, 河北省正定县… (a county names its city when
// it is the only county of that name where the address has put it), with
// or without a leading 中国 and with spaces anywhere. A division is read
// by its full name (石家庄市, 内蒙古自治区, 南山区) or, for a province or a
// city, by its name without 省, 市, 自治区 and the like (河北, 石家庄,
// 内蒙古); of the names that start the rest of the address the longest is
// read, and where two divisions that could both lie there share it, the
// address is read no further. Locate reads no more than three divisions,
// so its cost is linear in the address's length at most.
func Locate(addr string) Location {
	s := compact(addr)
	for _, country := range []string{"中华人民共和国", "中國", "中国"} {
		if rest, ok := strings.CutPrefix(s, country); ok {
			s = rest
			break
		}
	}
	idx := index()
	var loc Location
	for range 3 {
		d, n := idx.longest(s, loc)
		if d < 0 {
			break
		}
		loc = loc.with(int(divisionCodes[d]))
		s = s[n:]
		if loc.County != 0 {
			break
		}
	}
	return loc
}

// Name returns the name of the division with the GB/T 2260 code, "" for
// a code of none: Name(130100) is 石家庄市.
func Name(code int) string {
	i, ok := slices.BinarySearch(divisionCodes[:], uint32(code))
	if !ok || code < 0 {
		return ""
	}
	start := 0
	if i > 0 {
		start = int(divisionEnds[i-1])
	}
	return divisionNames[start:divisionEnds[i]]
}

// SameCity reports whether a and b lie in one city, and whether both
// cities are known (when not, same is false).
func SameCity(a, b Location) (same, known bool) {
	if a.City == 0 || b.City == 0 {
		return false, false
	}
	return a.City == b.City, true
}

// with returns loc with the division code added at its level, and the
// levels above it that the code implies.
func (loc Location) with(code int) Location {
	province := code / 10000 * 10000
	loc.Province = province
	switch {
	case code == province:
		if municipality(code) {
			loc.City = code + 100 // 110000 → 110100
		}
	case code%100 == 0 && municipality(province):
		loc.City = province + 100 // 500200 (重庆市 县) is the municipality too
	case code%100 == 0:
		loc.City = code
	default:
		loc.County = code
		if municipality(province) {
			loc.City = province + 100 // 500229 城口县 lies in 500100 as 500103 does
		} else if directlyGoverned(code) {
			loc.City = code
		} else {
			loc.City = code / 100 * 100
		}
	}
	return loc
}

// municipality reports whether a province code is one of the four
// municipalities, whose only city is themselves.
func municipality(province int) bool {
	switch province {
	case 110000, 120000, 310000, 500000:
		return true
	}
	return false
}

// directlyGoverned reports whether a county-level code is one the province
// governs directly (419001 济源市: its city part is 90), not a city.
func directlyGoverned(code int) bool { return code/100%100 == 90 }

// under reports whether division code may lie in loc: inside each
// division loc already names, and one level below the deepest.
func (loc Location) under(code int) bool {
	switch {
	case loc.County != 0:
		return false
	case loc.City != 0:
		if municipality(loc.Province) {
			// its districts and counties, or the municipality named
			// again as its city (北京市北京市东城区)
			return code/10000*10000 == loc.Province && code != loc.Province
		}
		if code%100 == 0 || directlyGoverned(code) {
			return false // a city, or one the province governs directly
		}
		return code/100 == loc.City/100
	case loc.Province != 0:
		return code != loc.Province && code/10000*10000 == loc.Province
	}
	return true
}

// compact returns addr without white space.
func compact(addr string) string {
	if !strings.ContainsFunc(addr, unicode.IsSpace) {
		return addr
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, addr)
}

// nameIndex maps each form of a division's name to the divisions with it.
type nameIndex struct {
	forms  map[string][]int16
	maxLen int // the longest form, in bytes
}

// index returns the name index, built on first use.
var index = sync.OnceValue(func() *nameIndex {
	idx := &nameIndex{forms: make(map[string][]int16, divisionCount*5/4)}
	start := 0
	for i := range divisionCount {
		end := int(divisionEnds[i])
		name := divisionNames[start:end]
		start = end
		idx.add(name, i)
		code := int(divisionCodes[i])
		if code%100 == 0 { // a province or a city: also without its suffix
			if short := shortForm(name); short != "" {
				idx.add(short, i)
			}
		}
	}
	return idx
})

func (idx *nameIndex) add(form string, i int) {
	if !slices16Contains(idx.forms[form], int16(i)) {
		idx.forms[form] = append(idx.forms[form], int16(i))
	}
	idx.maxLen = max(idx.maxLen, len(form))
}

func slices16Contains(s []int16, v int16) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// suffixes are the endings a province's or a city's short form drops,
// longest first.
var suffixes = []string{"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "地区", "省", "市", "盟"}

// shortForm returns name without its suffix, or "" when it has none of
// suffixes or would be shorter than two characters.
func shortForm(name string) string {
	for _, suf := range suffixes {
		if short, ok := strings.CutSuffix(name, suf); ok {
			if utf8.RuneCountInString(short) < 2 {
				return ""
			}
			return short
		}
	}
	return ""
}

// longest returns the division whose name form is the longest to start s
// among those that may lie in loc, and the form's length in bytes; -1
// when none does or two different divisions share the longest.
func (idx *nameIndex) longest(s string, loc Location) (int, int) {
	ends := make([]int, 0, 16)
	for i := range s {
		if i > idx.maxLen {
			break
		}
		ends = append(ends, i)
	}
	if len(s) <= idx.maxLen {
		ends = append(ends, len(s))
	}
	for k := len(ends) - 1; k > 0; k-- {
		found := -1
		for _, d := range idx.forms[s[:ends[k]]] {
			code := int(divisionCodes[d])
			if !loc.under(code) {
				continue
			}
			if found >= 0 && !sameDivision(int(divisionCodes[found]), code) {
				return -1, 0 // ambiguous
			}
			if found < 0 || code < int(divisionCodes[found]) {
				found = int(d)
			}
		}
		if found >= 0 {
			return found, ends[k]
		}
	}
	return -1, 0
}

// sameDivision reports whether two codes that share a name are one
// division for an address: a municipality and its city (北京市 110000 and
// 110100).
func sameDivision(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return municipality(a) && b == a+100
}
