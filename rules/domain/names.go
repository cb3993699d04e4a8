package domain

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// NameKey returns the form in which reviewers compare the names of units,
// persons and registrars: two names are the same name exactly when their
// keys are equal and not empty.
//
// The key is the name as the library's name normaliser gives it
// (names.Normalize: invisible characters removed; Unicode compatibility
// form NFKC, so full-width letters, digits and brackets become their
// ordinary forms and （） reads (); letters in lower case; traditional
// Chinese characters replaced by simplified ones), then without any white
// space, with cased letters of other scripts fully case-folded (ß and ss),
// and every form of the middle dot used in
// transcribed names (·•・‧∙⋅) written as U+00B7. Nothing else changes:
// a missing 市, 有限 or bracketed place name, a different character that
// merely looks alike, or a branch (分公司) make a different key.
func NameKey(s string) string {
	var buf [128]byte
	return string(appendKey(buf[:0], s))
}

// SameName reports whether a and b are the same name once the differences
// a reviewer accepts are folded away (see [NameKey]). An empty name, or
// one of white space only, is never the same as any name.
func SameName(a, b string) bool {
	if a == b && hasWord(a) {
		return true // the common case: typed alike
	}
	var ba, bb [128]byte
	ka := appendKey(ba[:0], a)
	if len(ka) == 0 {
		return false
	}
	return string(ka) == string(appendKey(bb[:0], b))
}

// hasWord reports whether s has an ASCII letter or digit or a CJK unified
// ideograph, which no folding removes, so that its key is not empty.
func hasWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z', '0' <= c && c <= '9':
			return true
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s): // U+4E00–U+9FFF
			r, n := utf8.DecodeRuneInString(s[i:])
			if n == 3 && 0x4E00 <= r && r <= 0x9FFF {
				return true
			}
		}
	}
	return false
}

// appendKey appends the key of s to dst.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	dst, exotic := appendKeyOnce(dst, s)
	// Removing characters and folding case can leave text that normalises
	// further (a combining mark that a removed space kept apart from its
	// letter): repeat until the key is stable. Only names with characters
	// other than ASCII and Han need it, and a pass or two settles them.
	for i := 0; exotic && i < 4; i++ {
		prev := string(dst[start:])
		dst, exotic = appendKeyOnce(dst[:start], prev)
		if string(dst[start:]) == prev {
			break
		}
	}
	return dst
}

// appendKeyOnce does one pass of folding, and reports whether s had
// characters other than ASCII, Han, white space and invisible ones.
func appendKeyOnce(dst []byte, s string) ([]byte, bool) {
	start := len(dst)
	s = normalize(s) // s itself, without allocating, when already normal
	fold, exotic := false, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c <= ' ' || c == 0x7F: // white space and controls
			default:
				dst = append(dst, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case 0x3400 <= r && r <= 0x9FFF: // CJK (the normaliser removed what is invisible)
			dst = append(dst, s[i-size:i]...)
		case isMiddleDot(r):
			dst = append(dst, "·"...)
		case r == utf8.RuneError && size == 1: // invalid byte
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.IsControl(r),
			unicode.Is(unicode.Variation_Selector, r):
		case unicode.Is(unicode.Han, r):
			dst = append(dst, s[i-size:i]...)
		default:
			exotic = true
			if unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.SimpleFold(r) != r {
				fold = true
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	if fold {
		// Full case folding (ß and ss, Σ and σ …) for the rare names that
		// need more than ASCII (fold_table.go).
		// Folding maps a few scripts (Cherokee) to upper case: lower-case
		// the result so that the key of a key is itself.
		folded := bytes.Map(unicode.ToLower, appendFolded(nil, dst[start:])) // dst may live on the caller's stack
		dst = append(dst[:start], folded...)
	}
	return dst, exotic
}

func isMiddleDot(r rune) bool {
	switch r {
	case '\u00B7', '\u2022', '\u30FB', '\uFF65', '\u2027', '\u2219', '\u22C5', '\u0387', '\u16EB', '\u2E31':
		return true
	}
	return false
}

// A NameSet is a set of names compared by [NameKey], such as the
// registrars MIIT approved, each without a trailing part in brackets of
// either width: WHOIS records and consoles write a registrar's brand after
// its registered name (阿里云计算有限公司（万网）), and the list may too.
// A name that is nothing but a bracketed part keeps it. Lookups take time
// independent of the set's size. A NameSet is immutable and safe for
// concurrent use.
type NameSet struct {
	keys map[string]struct{}
}

// NewNameSet returns the set of names; empty names are left out. The
// caller's slice is not kept.
func NewNameSet(names ...string) *NameSet {
	s := &NameSet{keys: make(map[string]struct{}, len(names))}
	for _, n := range names {
		if k := withoutTrailingBrackets(NameKey(n)); k != "" {
			s.keys[k] = struct{}{}
		}
	}
	return s
}

// Contains reports whether name is the same name as one in s. A nil set
// contains nothing.
func (s *NameSet) Contains(name string) bool {
	if s == nil {
		return false
	}
	var buf [128]byte
	k := withoutTrailingBrackets(appendKey(buf[:0], name))
	if len(k) == 0 {
		return false
	}
	_, ok := s.keys[string(k)]
	return ok
}

// withoutTrailingBrackets returns key without a final part in brackets:
// "(…)", the full-width （…） being "(…)" in a key (NFKC). A key that is
// only that part, or whose brackets do not pair, is returned as it is.
func withoutTrailingBrackets[T string | []byte](key T) T {
	n := len(key)
	if n < 2 || key[n-1] != ')' {
		return key
	}
	depth := 0
	for i := n - 1; i >= 0; i-- {
		switch key[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				if i == 0 {
					return key
				}
				return key[:i]
			}
		}
	}
	return key
}

// Len returns the number of distinct names in s.
func (s *NameSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.keys)
}
