package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/icpcheck/beian"
)

// A Span locates the problem of a rejection in its field's value as the
// caller sent it, as go/analysis's Diagnostic does with Pos and End: the
// bytes value[Start:End], which are also the UTF-16 code units
// [Start16, End16) of the same value (what a browser's text field counts,
// and what the wire format carries). The zero Span means the problem is
// the whole value, or no single field.
type Span struct {
	Start, End     int // byte offsets in the value as sent
	Start16, End16 int // the same range in UTF-16 code units
}

// IsZero reports whether s locates nothing.
func (s Span) IsZero() bool { return s == Span{} }

// SpanOf returns the span of value[start:end] (byte offsets, which must
// be rune boundaries of value; they are clamped to it), with its UTF-16
// offsets. An invalid byte counts as one UTF-16 unit, as the U+FFFD a
// browser shows for it does.
func SpanOf(value string, start, end int) Span {
	start = max(0, min(start, len(value)))
	end = max(start, min(end, len(value)))
	s16 := utf16Len(value[:start])
	return Span{Start: start, End: end, Start16: s16, End16: s16 + utf16Len(value[start:end])}
}

// utf16Len returns the length of s in UTF-16 code units. ASCII and the
// three-byte runes U+3000 to U+CFFF (lead bytes E3 to EC: CJK, kana,
// Hangul, most of a Chinese filing) are one unit each without decoding;
// TestUTF16LenAsDecoding holds the shortcut to decoding every rune.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		if c-0xE3 <= 0xEC-0xE3 && i+2 < len(s) {
			if t := s[i : i+3]; t[1]&0xC0|t[2]>>6<<4 == 0x80|0x20 {
				n++
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}

// SpanInRaw returns the span of clean[start:end] in raw, where clean is raw
// with some characters removed and possibly cut short (what [CleanText]
// does): the rules read the clean text, and a span is in the text as sent.
// Removed characters inside the range are part of the span; those around
// it are not.
func SpanInRaw(raw, clean string, start, end int) Span {
	if raw == clean {
		return SpanOf(raw, start, end)
	}
	rs, re := -1, -1
	i, j := 0, 0
	for i < len(raw) {
		// Each rune of raw is decoded once: it is kept when clean has
		// the same bytes at j, removed when not.
		size := runeSize(raw, i)
		if sameAt(raw, clean, i, j, size) {
			if j == start && rs < 0 {
				rs = i
			}
			i += size
			j += size
			if j == end {
				re = i
				break
			}
			continue
		}
		i += size // a removed character
	}
	if rs < 0 || re < 0 {
		return Span{}
	}
	return SpanOf(raw, rs, re)
}

// runeSize returns the size of the rune at s[i] as
// utf8.DecodeRuneInString(s[i:]) reads it: 1 for ASCII and, without the
// decoding, 3 for U+3000 to U+CFFF (lead bytes E3 to EC, which take any
// two continuation bytes). TestSpanInRawThreeBytes holds it to decoding.
func runeSize(s string, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return 1
	case c-0xE3 <= 0xEC-0xE3 && i+2 < len(s) && s[i+1]&0xC0|s[i+2]>>6<<4 == 0x80|0x20:
		return 3
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// sameAt reports whether a[i:i+size] is b[j:j+size] (false when b is
// shorter), comparing one or three bytes without a call.
func sameAt(a, b string, i, j, size int) bool {
	if j+size > len(b) {
		return false
	}
	switch size {
	case 1:
		return a[i] == b[j]
	case 3:
		return a[i] == b[j] && a[i+1] == b[j+1] && a[i+2] == b[j+2]
	}
	return a[i:i+size] == b[j:j+size]
}

// A Fix is a machine-applicable edit of the filing that removes a
// rejection: the field's whole new value. Rules offer a fix only where it
// is certain (an address without its display name, the registrable domain
// of a pasted URL, digits without their full-width forms), never an
// invented name, number, word or document. Like go/analysis's
// SuggestedFix, a rejection may offer several, of which at most one is
// applied.
type Fix struct {
	// Field is the path of the field to set.
	Field beian.Path
	// Value is the field's new value.
	Value string
	// Title says what the fix does, as a verb phrase ("Remove the
	// invisible characters").
	Title Text
}

// A Source is the published fact a rejection rests on: a province's
// policy, a row of the documents table, the list of filable suffixes, the
// working-day calendar, a segment table or a naming rule.
type Source struct {
	// Key names the source in SOURCES.md ("tencent-reject-reasons").
	Key string
	// URL is the public page the fact was read on.
	URL string
	// Edition is the date the page's content was read or published, or
	// the version of a data set.
	Edition string
	// Certain is false where sources conflict, are old or second-hand: a
	// rejection that rests on an uncertain fact is a warning.
	Certain bool
}

// IsZero reports whether s names no source.
func (s Source) IsZero() bool { return s.Key == "" && s.URL == "" }

// At returns r with its span set to value[start:end] of the field's value
// as sent (see [SpanOf]).
func (r Rejection) At(s Span) Rejection {
	r.Span = s
	return r
}

// WithFix returns r with fix added to its fixes.
func (r Rejection) WithFix(fix Fix) Rejection {
	r.Fixes = append(r.Fixes[:len(r.Fixes):len(r.Fixes)], fix)
	return r
}

// From returns r with its source set.
func (r Rejection) From(s Source) Rejection {
	r.Source = s
	return r
}

// Reject returns a rejection of field with code at the code's default
// severity, for a rule to complete (with [Rejection.At],
// [Rejection.WithFix], [Rejection.From]) and [Pass.Add].
func (p *Pass) Reject(field beian.Path, code Code, args ...Arg) Rejection {
	return Rejection{Code: code, Severity: p.defaults(code).severity, Field: field, Args: p.keepArgs(args)}
}

// DocPath returns the repository path of code's page, docs/codes/CODE.md:
// what the code means, an example, the fix and its sources.
func DocPath(code Code) string { return "docs/codes/" + string(code) + ".md" }

// Span returns the span of clean[start:end] in the value as sent of the
// text field at path, where clean is the field's value in pass.Filing (the
// text rule's cleaned copy): the rules read clean text, and spans are in
// the text as sent.
func (p *Pass) Span(path beian.Path, clean string, start, end int) Span {
	if p.Raw == nil || p.Raw == p.Filing {
		return SpanOf(clean, start, end)
	}
	raw, ok := p.rawTextAt(path)
	if !ok {
		return SpanOf(clean, start, end)
	}
	return SpanInRaw(raw, clean, start, end)
}

// rawTextAt returns the value of the text field at path in p.Raw. The
// first few are looked up by walking the filing; from then on an index of
// every text field, built once per pass, answers, so that a filing
// rejected at each of its n websites costs time linear in n.
func (p *Pass) rawTextAt(path beian.Path) (string, bool) {
	if i, ok := websiteNameIndex(path); ok {
		// The sitename rule's spans: found without a walk.
		if i < len(p.Raw.Websites) {
			return p.Raw.Websites[i].Name, true
		}
		return "", false
	}
	const walks = 4
	if p.rawLookups < walks {
		p.rawLookups++
		return rawText(p.Raw, path)
	}
	if p.rawIndex == nil {
		p.rawIndex = make(map[beian.Path]string)
		walkText(p.Raw, func(l textLoc, s *string, _ textSpec) {
			if path := l.path(); !hasKey(p.rawIndex, path) {
				p.rawIndex[path] = *s // the first, as rawText finds it
			}
		})
	}
	s, ok := p.rawIndex[path]
	return s, ok
}

// websiteNameIndex returns i for the path websites[i].name, written as
// Path.Index writes it.
func websiteNameIndex(path beian.Path) (int, bool) {
	s, ok := strings.CutPrefix(string(path), "websites[")
	if !ok {
		return 0, false
	}
	digits, ok := strings.CutSuffix(s, "].name")
	if !ok || digits == "" || len(digits) > 9 || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	i := 0
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return 0, false
		}
		i = i*10 + int(c-'0')
	}
	return i, true
}

func hasKey(m map[beian.Path]string, k beian.Path) bool {
	_, ok := m[k]
	return ok
}

// rawText returns the value of the text field at path in f.
func rawText(f *beian.Filing, path beian.Path) (string, bool) {
	var out string
	found := false
	walkText(f, func(l textLoc, s *string, _ textSpec) {
		if !found && l.is(path) {
			out, found = *s, true
		}
	})
	return out, found
}

// ApplyFix returns a copy of f with fix applied: the text field at
// fix.Field set to fix.Value. f is not modified. The error says the field
// is no text field of f (a fix of another filing, or of an element f does
// not have).
func ApplyFix(f *beian.Filing, fix Fix) (*beian.Filing, error) {
	c := f.Clone()
	found := false
	walkText(c, func(l textLoc, s *string, _ textSpec) {
		if !found && l.path() == fix.Field {
			*s, found = fix.Value, true
		}
	})
	if !found {
		return nil, fmt.Errorf("rules: fix of %q: no such text field in the filing", fix.Field)
	}
	return c, nil
}
