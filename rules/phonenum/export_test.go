package phonenum

import "strconv"

// ParseGeneral is the general path of Parse, without the fast path for a
// plain mobile, for the tests that hold the fast path to it.
func ParseGeneral(s string, t *Table) (Number, error) { return parseGeneral(s, t) }

// ParseMobileFast is the fast path alone: the Number and true when it
// answers s, false when it leaves s to the general path.
func ParseMobileFast(s string, t *Table) (Number, bool) {
	var n Number
	ok := parseMobile(s, t, &n)
	return n, ok
}

// ParseLandlineFast is the landline fast path alone: the Number and true
// when it answers s, false when it leaves s to the general path.
func ParseLandlineFast(s string) (Number, bool) {
	var n Number
	ok := parseLandline(s, &n)
	return n, ok
}

// AreaCodes returns every area code the built-in data knows, without its
// trunk 0.
func AreaCodes() []string {
	var codes []string
	for k, v := range areaPlaces {
		if v != 0 {
			codes = append(codes, strconv.Itoa(k))
		}
	}
	return codes
}
