package phonenum

// The source keys (package rules/sources, SOURCES.md) of the segment
// tables, for a rejection that rests on them.
const (
	// NumberingSourceKey is the numbering data the tables are generated
	// from: which numbers are valid mobiles and landlines, their
	// operators and places (nyaruka/phonenumbers, [PhoneNumbersVersion]).
	NumberingSourceKey = "nyaruka-phonenumbers"
	// SpecialSourceKey is the main source of the special segments
	// (data/special.csv, [SpecialVersion]): virtual operators, data cards,
	// IoT and satellite numbers. Each row of the file cites its keys.
	SpecialSourceKey = "china-mobile-regex"
)
