package validatetest

import (
	"fmt"
	"sync"

	"github.com/icpcheck/beian/rules/phonenum"
)

// mobileSegments returns, for each province code, a 7-digit segment of
// China Mobile's 139 to 135 blocks that package phonenum places in the
// province (not a virtual operator's), the first in number order. It is
// computed once, from phonenum's tables, so that the builder's mobiles
// are local by the same data the phone rule reads.
var mobileSegments = sync.OnceValue(func() map[string]string {
	out := make(map[string]string, 31)
	for _, block := range [...]string{"139", "138", "137", "136", "135"} {
		for n := 0; n < 10000 && len(out) < 31; n++ {
			seg := block + fmt.Sprintf("%04d", n)
			num, err := phonenum.Parse(seg + "0000")
			if err != nil || num.Kind != phonenum.Mobile || num.Virtual || num.Province.IsZero() {
				continue
			}
			if _, ok := out[num.Province.Code]; !ok {
				out[num.Province.Code] = seg
			}
		}
	}
	return out
})

// An areaCode is the trunk code of a provincial capital and the number of
// digits of its subscriber numbers.
type areaCode struct {
	code   string
	digits int
}

// areaCodes holds the area code of each province's capital (the national
// numbering plan; TestPhonesOfProvince checks each with package
// phonenum).
var areaCodes = map[string]areaCode{
	"11": {"010", 8}, "12": {"022", 8}, "13": {"0311", 8}, "14": {"0351", 7}, "15": {"0471", 7},
	"21": {"024", 8}, "22": {"0431", 8}, "23": {"0451", 8}, "31": {"021", 8}, "32": {"025", 8},
	"33": {"0571", 8}, "34": {"0551", 8}, "35": {"0591", 8}, "36": {"0791", 8}, "37": {"0531", 8},
	"41": {"0371", 8}, "42": {"027", 8}, "43": {"0731", 8}, "44": {"020", 8}, "45": {"0771", 7},
	"46": {"0898", 8}, "50": {"023", 8}, "51": {"028", 8}, "52": {"0851", 8}, "53": {"0871", 8},
	"54": {"0891", 7}, "61": {"029", 8}, "62": {"0931", 7}, "63": {"0971", 7}, "64": {"0951", 7},
	"65": {"0991", 7},
}
