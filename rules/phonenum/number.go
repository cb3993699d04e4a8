package phonenum

import (
	"strings"

	"github.com/icpcheck/beian/provinces"
)

// A Kind is what sort of number a [Number] is.
type Kind uint8

// The kinds of numbers. The values are stable.
const (
	// KindUnknown is the zero Kind: not a recognised number.
	KindUnknown Kind = iota
	// Mobile is an 11-digit mobile number (手机号码), a virtual
	// operator's included (see [Number.Virtual]).
	Mobile
	// Landline is a fixed-line number with its area code (固定电话).
	Landline
	// DataCard is an 11-digit data-card number (上网卡: 145, 147, 149);
	// such cards may lack voice and SMS.
	DataCard
	// IoT is a 13-digit Internet-of-Things number (物联网卡: 1440x,
	// 1441x, 146, 148, 1410x); it cannot receive an SMS.
	IoT
	// Satellite is a satellite or emergency-network number (1349,
	// 1740x, 17406–17412, 1749).
	Satellite
	// Service is a service or short number: 95xxx and 96xxx hotlines,
	// 400 and 800 numbers, 1xx and 10xxx/12xxx short numbers, 106 SMS
	// ports. It cannot be a person's contact.
	Service
)

var kindNames = [...]string{"unknown", "mobile", "landline", "data_card", "iot", "satellite", "service"}

// String returns the kind's name: "mobile", "landline", "data_card",
// "iot", "satellite", "service" or "unknown".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// IsMobileLike reports whether numbers of kind k are 11- or 13-digit
// numbers of a mobile network: mobiles, data cards, IoT and satellite
// numbers, all looked up by their 7-digit segment.
func (k Kind) IsMobileLike() bool {
	return k == Mobile || k == DataCard || k == IoT || k == Satellite
}

// An Operator is the network a number belongs to; for a virtual
// operator's number, the host network.
type Operator uint8

// The operators. The values are stable.
const (
	// OperatorUnknown is the zero Operator: the data names none.
	OperatorUnknown Operator = iota
	// ChinaMobile is 中国移动.
	ChinaMobile
	// ChinaUnicom is 中国联通.
	ChinaUnicom
	// ChinaTelecom is 中国电信.
	ChinaTelecom
	// ChinaBroadnet is 中国广电 (China Broadnet, 192).
	ChinaBroadnet
	// MaritimeSatellite is 北京船舶通信导航有限公司, the Inmarsat
	// operator of 1749.
	MaritimeSatellite
	// EmergencyNetwork is 工业和信息化部应急通信保障中心, the MIIT
	// emergency-communication centre of 17406–17412.
	EmergencyNetwork
	numOperators
)

var operatorNames = [numOperators][2]string{
	{"", ""},
	{"中国移动", "China Mobile"},
	{"中国联通", "China Unicom"},
	{"中国电信", "China Telecom"},
	{"中国广电", "China Broadnet"},
	{"北京船舶通信导航有限公司", "Beijing Marine Communication & Navigation"},
	{"工业和信息化部应急通信保障中心", "MIIT Emergency Communication Support Center"},
}

// String returns the operator's Chinese name, 中国移动; "" for
// OperatorUnknown.
func (o Operator) String() string { return o.Name(true) }

// Name returns the Chinese name when zh is true and the English one
// otherwise; "" for OperatorUnknown.
func (o Operator) Name(zh bool) string {
	if o >= numOperators {
		return ""
	}
	if zh {
		return operatorNames[o][0]
	}
	return operatorNames[o][1]
}

// A Number is a parsed phone number. Its strings share memory with the
// parsed input where they can.
type Number struct {
	// Kind is what sort of number it is.
	Kind Kind
	// National is the national number in digits, without the country
	// code or the trunk 0: "13902212345", "75586013388".
	National string
	// Segment is the 7-digit segment (号段) of a mobile-network number,
	// "1390221"; "" for other kinds.
	Segment string
	// AreaCode is a landline's area code without its trunk 0, "755";
	// "" for other kinds.
	AreaCode string
	// Extension is a landline's extension (分机号), "801"; usually "".
	Extension string
	// Province is where the number is registered: the segment's or the
	// area code's province. It is the zero Province when the data does not
	// know ([provinces.Province.IsZero]).
	Province provinces.Province
	// City is the city, or the cities, as the data names them
	// ("深圳市", "沈阳市、铁岭市、抚顺市"); "" when unknown or for a
	// municipality.
	City string
	// Operator is the network; OperatorUnknown when the data names none
	// (always for landlines).
	Operator Operator
	// Virtual is true for a virtual operator's segment (170x, 171,
	// 162, 165, 167, or as a caller's table says).
	Virtual bool
	// FromTable is true when a caller's [Table] supplied the segment's
	// facts rather than the built-in data.
	FromTable bool
}

// String returns the number in the canonical form [Parse] reads back to
// the same Number: the national number for mobile-network and service
// numbers ("13902212345"), 0, the area code, a hyphen and the local number
// for landlines ("0755-86013388"); "转" and the extension follow when there
// is one. It is "" for the zero Number.
func (n Number) String() string {
	if n.Kind != Landline {
		if n.Extension != "" {
			return n.National + "转" + n.Extension
		}
		return n.National
	}
	var b strings.Builder
	b.Grow(len(n.National) + len(n.Extension) + 5)
	b.WriteByte('0')
	b.WriteString(n.AreaCode)
	b.WriteByte('-')
	b.WriteString(n.National[len(n.AreaCode):])
	if n.Extension != "" {
		b.WriteString("转")
		b.WriteString(n.Extension)
	}
	return b.String()
}

// E164 returns the number in E.164 form, "+8613902212345", without any
// extension; "" for the zero Number.
func (n Number) E164() string {
	if n.National == "" {
		return ""
	}
	return "+86" + n.National
}

// Local returns a landline's number without the area code, "86013388";
// "" for other kinds.
func (n Number) Local() string {
	if n.Kind != Landline {
		return ""
	}
	return n.National[len(n.AreaCode):]
}

// ReceivesSMS reports whether the number can be expected to receive the
// MIIT 12381 verification SMS a filing needs: true for plain mobiles, false
// for landlines, IoT, satellite and service numbers, and for data cards
// (145 has no SMS; 147 and 149 may, depending on the plan).
func (n Number) ReceivesSMS() bool { return n.Kind == Mobile }
