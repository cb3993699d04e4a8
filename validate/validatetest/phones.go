package validatetest

// mobilePrefixes holds, for each province, a 7-digit prefix of China
// Mobile's 139 segment whose numbers belong to the province. They were
// read from the geocoding data of github.com/nyaruka/phonenumbers v1.8.1
// (Google libphonenumber's 86 prefix file); TestPhonesOfProvince checks
// each against it.
var mobilePrefixes = map[string]string{
	"11": "1390009", "12": "1390021", "13": "1390031", "14": "1390034", "15": "1390004",
	"21": "1390001", "22": "1390430", "23": "1390036", "31": "1390013", "32": "1390015",
	"33": "1390057", "34": "1390055", "35": "1390043", "36": "1390070", "37": "1390053",
	"41": "1390370", "42": "1390071", "43": "1390073", "44": "1390007", "45": "1390077",
	"46": "1390075", "50": "1390082", "51": "1390080", "52": "1390008", "53": "1390087",
	"54": "1390089", "61": "1390029", "62": "1390093", "63": "1390970", "64": "1390095",
	"65": "1390000",
}

// An areaCode is the trunk code of a provincial capital and the number of
// digits of its subscriber numbers.
type areaCode struct {
	code   string
	digits int
}

// areaCodes holds the area code of each province's capital (the national
// numbering plan; TestPhonesOfProvince checks each with
// nyaruka/phonenumbers).
var areaCodes = map[string]areaCode{
	"11": {"010", 8}, "12": {"022", 8}, "13": {"0311", 8}, "14": {"0351", 7}, "15": {"0471", 7},
	"21": {"024", 8}, "22": {"0431", 8}, "23": {"0451", 8}, "31": {"021", 8}, "32": {"025", 8},
	"33": {"0571", 8}, "34": {"0551", 8}, "35": {"0591", 8}, "36": {"0791", 8}, "37": {"0531", 8},
	"41": {"0371", 8}, "42": {"027", 8}, "43": {"0731", 8}, "44": {"020", 8}, "45": {"0771", 7},
	"46": {"0898", 8}, "50": {"023", 8}, "51": {"028", 8}, "52": {"0851", 8}, "53": {"0871", 8},
	"54": {"0891", 7}, "61": {"029", 8}, "62": {"0931", 7}, "63": {"0971", 7}, "64": {"0951", 7},
	"65": {"0991", 7},
}
