// Package icpnum reads ICP filing numbers (ICP备案号): a subject's number,
// 粤ICP备2023012345号, and the number of one of its websites or apps, the
// subject's number with a sequence suffix, 粤ICP备2023012345号-3.
//
// The parts are the province's abbreviation (京, 粤; 川 as well as 蜀 for
// Sichuan), "ICP备", a body of 8 digits (two-digit year and a six-digit
// serial, the older form) or 10 digits (four-digit year and serial), "号",
// and for a website or app "-N", with a letter for an App (A), a mini
// program (X) or a quick app (K): -2A, -3X, -4K. Full-width digits,
// letters and dashes and spaces anywhere are accepted, as users paste
// them.
//
// A subject that holds an ICP operating licence (ICP经营许可证) or a
// value-added telecom licence for information services (B2) has its MIIT
// records numbered with it: 京ICP证030173号-1 for a website,
// 粤B2-20090059-1626X for a mini-program (the WeChat filing API's sample).
// Such a number, with a service suffix, is a filing number ([Number.Licence]
// says which licence); without a suffix it is the subject's number. Other
// telecom licences (A1, A2, B1, 沪B1.B2-…) number no filing.
//
// Numbers that look alike but are something else get a typed [Reason]: a
// telecom licence that numbers no filing, a public-security filing
// (京公网安备11010802020088号), and the provinces' short names that are not
// used in filing numbers (贵, 云, 甘 for 黔, 滇, 陇).
//
// Sources (keys of SOURCES.md): ucloud-knowledge (the number's form),
// huawei-app-filing (the letter suffixes of App and mini-program numbers),
// tencent-icp-number; real site footers (川 for Sichuan; Tencent's footer
// for the licence forms).
package icpnum

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/icpcheck/beian/provinces"
)

// A Kind says what a number is the number of.
type Kind uint8

// The kinds of filing number.
const (
	// Subject is a subject's (主体) number, without a suffix.
	Subject Kind = iota + 1
	// Website is a website's number: the subject's with -N.
	Website
	// App is an App's number, -NA.
	App
	// MiniProgram is a mini program's number, -NX.
	MiniProgram
	// QuickApp is a quick app's number, -NK.
	QuickApp
)

var kindNames = [...]string{Subject: "subject", Website: "website", App: "app", MiniProgram: "mini program", QuickApp: "quick app"}

// String names the kind in lower case ("mini program").
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// suffix returns the letter that follows a site number of kind k.
func (k Kind) suffix() string {
	switch k {
	case App:
		return "A"
	case MiniProgram:
		return "X"
	case QuickApp:
		return "K"
	}
	return ""
}

// A Licence says which licence numbers a subject's records instead of a
// filing number (ICP备).
type Licence uint8

// The licences.
const (
	// NoLicence: an ordinary filing number, 粤ICP备2023012345号.
	NoLicence Licence = iota
	// ICPLicence: an ICP operating licence, 京ICP证030173号.
	ICPLicence
	// B2Licence: a value-added telecom licence for information services,
	// 粤B2-20090059.
	B2Licence
)

// A Number is a parsed ICP filing number.
type Number struct {
	// Province is the province that issued the number.
	Province provinces.Province
	// Abbr is the abbreviation as written, one of the province's
	// [provinces.Province.ICPAbbrs] (川 or 蜀).
	Abbr string
	// Year is the year of the body: 2023 for 2023012345, 2012 for 12014244.
	Year int
	// Serial is the six-digit sequence of the body.
	Serial int
	// Digits is the length of the body, 8 or 10.
	Digits int
	// Site is the N of the suffix -N, 0 for a subject number.
	Site int
	// Kind is what the number is the number of.
	Kind Kind
	// Licence is the licence the subject's records are numbered with;
	// NoLicence for an ICP备 number, whose Year and Serial are set. For a
	// licence, Serial is its whole number and Year is zero.
	Licence Licence
}

// String writes n in its canonical form, 粤ICP备2023012345号-3, or "" for the
// zero Number.
func (n Number) String() string {
	if n.Kind == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(32)
	b.WriteString(n.Abbr)
	switch {
	case n.Licence == ICPLicence:
		fmt.Fprintf(&b, "ICP证%0*d号", n.Digits, n.Serial)
	case n.Licence == B2Licence:
		fmt.Fprintf(&b, "B2-%0*d", n.Digits, n.Serial)
	case n.Digits == 8:
		fmt.Fprintf(&b, "ICP备%02d%06d号", n.Year%100, n.Serial)
	default:
		fmt.Fprintf(&b, "ICP备%04d%06d号", n.Year, n.Serial)
	}
	if n.Kind != Subject {
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(n.Site))
		b.WriteString(n.Kind.suffix())
	}
	return b.String()
}

// SubjectNumber returns the number of the subject n belongs to: n without
// its suffix.
func (n Number) SubjectNumber() Number {
	if n.Kind == 0 {
		return n
	}
	n.Site, n.Kind = 0, Subject
	return n
}

// A Reason says why a text is not a filing number.
type Reason uint8

// The reasons.
const (
	// Empty: nothing but spaces.
	Empty Reason = iota + 1
	// TooLong: longer than [MaxLen] bytes.
	TooLong
	// NoProvince: the text does not start with a province abbreviation.
	NoProvince
	// UnknownProvince: the first character is no mainland province's
	// abbreviation (港ICP备…).
	UnknownProvince
	// AbbrNotUsed: the first character is a province's usual short name
	// that filing numbers do not use (贵, 云, 甘 for 黔, 滇, 陇). Parse then
	// also returns the Number it would be with the right abbreviation.
	AbbrNotUsed
	// LicenceNotUsed is no longer returned: ICP licence numbers
	// (京ICP证030173号) are read as the filing numbers they are. It keeps its
	// value for callers that name it.
	LicenceNotUsed
	// TelecomLicence: a value-added telecom licence that numbers no
	// filing (A1, A2, B1, 沪B1.B2-20100001).
	TelecomLicence
	// PublicSecurity: a public-security (公安) network filing number
	// (京公网安备11010802020088号), not an ICP filing number.
	PublicSecurity
	// NoICP: "ICP备" does not follow the abbreviation.
	NoICP
	// BadBody: the body is not 8 or 10 digits (6 to 8 after ICP证, 8
	// after B2-).
	BadBody
	// BadYear: a 10-digit body whose year is not 2000 to 2099.
	BadYear
	// NoHao: "号" does not end the body. When nothing or a well-formed
	// suffix follows the body (粤ICP备12345678, 粤ICP备12345678-1: footers
	// often leave 号 out), Parse also returns the Number it would be with
	// 号, as for AbbrNotUsed.
	NoHao
	// BadSuffix: what follows "号" is not -N, -NA, -NX or -NK with N from
	// 1 to 999 (9999 for a licence number) and no leading zero.
	BadSuffix
)

var reasonText = [...]string{
	Empty:           "empty",
	TooLong:         "too long",
	NoProvince:      "does not start with a province abbreviation",
	UnknownProvince: "starts with no mainland province's abbreviation",
	AbbrNotUsed:     "uses a province short name that filing numbers do not use",
	LicenceNotUsed:  "is an ICP licence (ICP证), not a filing number",
	TelecomLicence:  "is a value-added telecom licence that numbers no filing",
	PublicSecurity:  "is a public-security filing number (公网安备), not an ICP filing number",
	NoICP:           `"ICP备" does not follow the abbreviation`,
	BadBody:         "the number is not 8 or 10 digits",
	BadYear:         "the year of the number is not 2000 to 2099",
	NoHao:           `"号" does not end the number`,
	BadSuffix:       "the suffix is not -N, -NA, -NX or -NK",
}

// String describes the reason in lower case.
func (r Reason) String() string {
	if int(r) < len(reasonText) && reasonText[r] != "" {
		return reasonText[r]
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// An Error reports a text that is not a filing number.
type Error struct {
	// Input is the text given.
	Input string
	// Reason says what is wrong.
	Reason Reason
	// Province is the province the text names when it is known (always
	// for AbbrNotUsed), else the zero Province.
	Province provinces.Province
}

// Error returns "icpnum: " and the reason.
func (e *Error) Error() string {
	return fmt.Sprintf("icpnum: %q %s", e.Input, e.Reason)
}

// MaxLen is the longest input Parse reads, in bytes.
const MaxLen = 200

// abbrs maps the first rune of a number to its province: ok tells whether
// filing numbers use it.
type abbrEntry struct {
	prov provinces.Province
	abbr string
	used bool
}

var abbrs = sync.OnceValue(func() map[rune]abbrEntry {
	m := map[rune]abbrEntry{}
	for _, p := range provinces.All() {
		for _, a := range p.ICPAbbrs() {
			r, _ := utf8.DecodeRuneInString(a)
			m[r] = abbrEntry{p, a, true}
		}
	}
	for _, p := range provinces.All() {
		// The usual one-character short names (贵, 云, 甘) that are not
		// ICP abbreviations.
		for _, r := range p.Short {
			s := string(r)
			if q, ok := provinces.Lookup(s); ok && q.Code == p.Code {
				if _, seen := m[r]; !seen {
					m[r] = abbrEntry{p, p.Abbr, false}
				}
			}
		}
	}
	return m
})

// Parse reads a filing number. It returns a *[Error] when s is not one;
// for [AbbrNotUsed] it also returns the Number as written with the
// province's ICP abbreviation.
func Parse(s string) (Number, error) {
	if len(s) > MaxLen {
		return Number{}, &Error{Input: s, Reason: TooLong}
	}
	var buf [MaxLen]byte
	t := normalize(buf[:0], s)
	n, reason, prov := parse(t)
	if reason != 0 {
		if reason == AbbrNotUsed || reason == NoHao && n != (Number{}) {
			return n, &Error{Input: s, Reason: reason, Province: prov}
		}
		return Number{}, &Error{Input: s, Reason: reason, Province: prov}
	}
	return n, nil
}

// normalize appends s to dst without white space, with full-width ASCII
// folded to ASCII, Latin letters in upper case and every dash as '-'.
func normalize(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' || r == '\ufeff':
			continue
		case r >= '！' && r <= '～':
			r -= 0xFEE0
		case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '−' || r == '﹣':
			r = '-'
		}
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func parse(t []byte) (Number, Reason, provinces.Province) {
	if len(t) == 0 {
		return Number{}, Empty, provinces.Province{}
	}
	r, size := utf8.DecodeRune(t)
	if r < 0x80 {
		return Number{}, NoProvince, provinces.Province{}
	}
	e, ok := abbrs()[r]
	rest := t[size:]
	if !ok {
		if hasPrefix(rest, "ICP") || hasPrefix(rest, "公网安备") {
			return Number{}, UnknownProvince, provinces.Province{}
		}
		return Number{}, NoProvince, provinces.Province{}
	}
	n := Number{Province: e.prov, Abbr: e.abbr}
	switch {
	case hasPrefix(rest, "ICP证"):
		n.Licence = ICPLicence
		rest = rest[len("ICP证"):]
	case hasPrefix(rest, "公网安备"):
		return Number{}, PublicSecurity, e.prov
	case hasPrefix(rest, "B2-"):
		n.Licence = B2Licence
		rest = rest[len("B2-"):]
	case len(rest) >= 2 && (rest[0] == 'A' || rest[0] == 'B') && (rest[1] == '1' || rest[1] == '2'):
		return Number{}, TelecomLicence, e.prov
	case !hasPrefix(rest, "ICP备"):
		return Number{}, NoICP, e.prov
	default:
		rest = rest[len("ICP备"):]
	}
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	n.Digits = digits
	body := rest[:digits]
	switch {
	case n.Licence == ICPLicence && digits >= 6 && digits <= 8,
		n.Licence == B2Licence && digits == 8:
		n.Serial = atoi(body)
	case n.Licence != NoLicence:
		return Number{}, BadBody, e.prov
	case digits == 8:
		n.Year = 2000 + atoi(body[:2])
		n.Serial = atoi(body[2:])
	case digits == 10:
		n.Year = atoi(body[:4])
		n.Serial = atoi(body[4:])
		if n.Year < 2000 || n.Year > 2099 {
			return Number{}, BadYear, e.prov
		}
	default:
		return Number{}, BadBody, e.prov
	}
	rest = rest[digits:]
	noHao := false
	switch {
	case hasPrefix(rest, "号"):
		rest = rest[len("号"):]
	case n.Licence == B2Licence: // a B2 number has no 号
	case len(rest) > 0 && rest[0] != '-':
		return Number{}, NoHao, e.prov
	default:
		noHao = true // read on: the Number it would be is returned with NoHao
	}
	n.Kind = Subject
	// Licence holders' records run into the thousands (-1626X).
	maxSuffix := 3
	if n.Licence != NoLicence {
		maxSuffix = 4
	}
	if len(rest) > 0 {
		if rest[0] != '-' {
			return Number{}, BadSuffix, e.prov
		}
		rest = rest[1:]
		k := 0
		for k < len(rest) && k <= maxSuffix && rest[k] >= '0' && rest[k] <= '9' {
			k++
		}
		if k == 0 || k > maxSuffix || rest[0] == '0' {
			return Number{}, BadSuffix, e.prov
		}
		n.Site = atoi(rest[:k])
		n.Kind = Website
		switch suffix := string(rest[k:]); suffix {
		case "":
		case "A":
			n.Kind = App
		case "X":
			n.Kind = MiniProgram
		case "K":
			n.Kind = QuickApp
		default:
			return Number{}, BadSuffix, e.prov
		}
	}
	if !e.used {
		return n, AbbrNotUsed, e.prov
	}
	if noHao {
		return n, NoHao, e.prov
	}
	return n, 0, provinces.Province{}
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// Find returns the filing numbers written in text, such as a web page's
// footer, in the order they appear; "号" may be missing there, and a
// malformed suffix is dropped (the subject number is kept). Numbers with an
// abbreviation filing numbers do not use are left out. Licence holders'
// numbers (京ICP证030173号-1, 粤B2-20090059-1626X) are found as well.
func Find(text string) []Number {
	t := normalize(make([]byte, 0, len(text)), text)
	type found struct {
		at int
		n  Number
	}
	var all []found
	var cand []byte
	for _, mark := range [...]string{"ICP备", "ICP证", "B2-"} {
		for i := 0; i < len(t); {
			j := bytesIndex(t[i:], mark)
			if j < 0 {
				break
			}
			j += i
			i = j + len(mark)
			r, size := utf8.DecodeLastRune(t[:j])
			e, ok := abbrs()[r]
			if size == 0 || !ok || !e.used {
				continue
			}
			k := i
			for k < len(t) && t[k] >= '0' && t[k] <= '9' {
				k++
			}
			cand = append(cand[:0], t[j-size:k]...)
			if mark != "B2-" {
				cand = append(cand, "号"...)
			}
			subject := len(cand)
			if hasPrefix(t[k:], "号") {
				k += len("号")
			}
			if k < len(t) && t[k] == '-' {
				m := k + 1
				for m < len(t) && m < k+5 && t[m] >= '0' && t[m] <= '9' {
					m++
				}
				if m < len(t) && (t[m] == 'A' || t[m] == 'X' || t[m] == 'K') {
					m++
				}
				cand = append(cand, t[k:m]...)
			}
			n, reason, _ := parse(cand)
			if reason != 0 && len(cand) > subject {
				n, reason, _ = parse(cand[:subject])
			}
			if reason == 0 {
				all = append(all, found{j, n})
			}
			i = max(i, k)
		}
	}
	if len(all) == 0 {
		return nil
	}
	slices.SortStableFunc(all, func(a, b found) int { return a.at - b.at })
	out := make([]Number, len(all))
	for i, f := range all {
		out[i] = f.n
	}
	return out
}

func bytesIndex(b []byte, sub string) int { return bytes.Index(b, []byte(sub)) }
