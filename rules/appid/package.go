package appid

import "strings"

// CheckPackage checks a package name, Bundle ID, bundle name or AppID for
// platform p, white space around it ignored, and returns the first
// certain finding, else the first doubtful one, else nil. For Other it
// only refuses an empty or overlong value.
func CheckPackage(p Platform, s string) error {
	if e := checkPackage(p, s); e != nil {
		return e
	}
	return nil
}

func checkPackage(p Platform, s string) *Error {
	if len(s) > MaxLen+64 {
		return fail(p, TooLong, p == HarmonyOS, -1, len(s))
	}
	t, off := trimSpace(s)
	if t == "" {
		return fail(p, Empty, true, -1, 0)
	}
	if len(t) > MaxLen {
		// HarmonyOS: every source agrees on 255 at most; the others
		// publish no limit.
		return fail(p, TooLong, p == HarmonyOS, -1, len(t))
	}
	switch p {
	case Android:
		return android(t, off)
	case IOS:
		return bundleID(t, off)
	case HarmonyOS:
		return harmony(t, off)
	case WeChat:
		return wechat(t)
	}
	return nil
}

// segments walks the dot-separated segments of t, calling fn with each
// and its offset; it stops at fn's first finding.
func segments(t string, off int, fn func(seg string, at int) *Error) *Error {
	start := 0
	for i := 0; i <= len(t); i++ {
		if i == len(t) || t[i] == '.' {
			at := off + start
			if start == i && i == len(t) && i > 0 {
				at-- // a trailing dot: point at it
			}
			if e := fn(t[start:i], at); e != nil {
				return e
			}
			start = i + 1
		}
	}
	return nil
}

func android(t string, off int) *Error {
	var doubt *Error
	n := 0
	e := segments(t, off, func(seg string, at int) *Error {
		n++
		if seg == "" {
			return fail(Android, EmptySegment, true, at, 0)
		}
		if !isLetter(seg[0]) {
			if isDigit(seg[0]) || seg[0] == '_' {
				return fail(Android, SegmentStart, true, at, 0)
			}
			return fail(Android, BadChar, true, at, 0)
		}
		for i := 1; i < len(seg); i++ {
			if c := seg[i]; !isLetter(c) && !isDigit(c) && c != '_' {
				return fail(Android, BadChar, true, at+i, 0)
			}
		}
		if doubt == nil && javaKeywords[seg] {
			doubt = fail(Android, Keyword, false, at, 0)
		}
		return nil
	})
	if e != nil {
		return e
	}
	if n < 2 {
		return fail(Android, FewSegments, true, -1, n)
	}
	return doubt
}

func bundleID(t string, off int) *Error {
	for i := 0; i < len(t); i++ {
		if c := t[i]; !isLetter(c) && !isDigit(c) && c != '-' && c != '.' {
			return fail(IOS, BadChar, true, off+i, 0)
		}
	}
	n := 0
	if e := segments(t, off, func(seg string, at int) *Error {
		n++
		if seg == "" {
			// Apple's pattern wants every segment non-empty; only the
			// number of segments is advice.
			return fail(IOS, EmptySegment, true, at, 0)
		}
		return nil
	}); e != nil {
		return e
	}
	if n < 2 {
		return fail(IOS, FewSegments, false, -1, n)
	}
	return nil
}

func harmony(t string, off int) *Error {
	for i := 0; i < len(t); i++ {
		if c := t[i]; !isLetter(c) && !isDigit(c) && c != '_' && c != '.' {
			return fail(HarmonyOS, BadChar, true, off+i, 0)
		}
	}
	n := 0
	if e := segments(t, off, func(seg string, at int) *Error {
		n++
		if seg == "" {
			return fail(HarmonyOS, EmptySegment, true, at, 0)
		}
		return nil
	}); e != nil {
		return e
	}
	switch {
	case !isLetter(t[0]):
		return fail(HarmonyOS, SegmentStart, false, off, 0)
	case n < 3:
		return fail(HarmonyOS, FewSegments, false, -1, n)
	case len(t) < 7:
		return fail(HarmonyOS, TooShort, false, -1, len(t))
	case len(t) > 128:
		return fail(HarmonyOS, TooLong, false, -1, len(t))
	}
	return nil
}

func wechat(t string) *Error {
	if len(t) != 18 || t[0] != 'w' || t[1] != 'x' {
		return fail(WeChat, NotAppID, false, -1, 0)
	}
	for i := 2; i < len(t); i++ {
		if c := t[i]; !isDigit(c) && (c < 'a' || c > 'f') {
			return fail(WeChat, NotAppID, false, i, 0)
		}
	}
	return nil
}

// Key returns the form of a package name two entries are compared in for
// duplicates: without white space around it, and in lower case for iOS,
// whose Bundle IDs are case-insensitive.
func Key(p Platform, s string) string {
	t, _ := trimSpace(s)
	if p == IOS {
		return strings.ToLower(t)
	}
	return t
}

// javaKeywords are the reserved words of Java, which Android build tools
// refuse as a package segment.
var javaKeywords = map[string]bool{
	"abstract": true, "assert": true, "boolean": true, "break": true, "byte": true, "case": true,
	"catch": true, "char": true, "class": true, "const": true, "continue": true, "default": true,
	"do": true, "double": true, "else": true, "enum": true, "extends": true, "final": true,
	"finally": true, "float": true, "for": true, "goto": true, "if": true, "implements": true,
	"import": true, "instanceof": true, "int": true, "interface": true, "long": true, "native": true,
	"new": true, "package": true, "private": true, "protected": true, "public": true, "return": true,
	"short": true, "static": true, "strictfp": true, "super": true, "switch": true, "synchronized": true,
	"this": true, "throw": true, "throws": true, "transient": true, "try": true, "void": true,
	"volatile": true, "while": true, "true": true, "false": true, "null": true,
}
