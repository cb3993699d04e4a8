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
		if doubt == nil && javaKeyword(seg) {
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

// javaKeyword reports whether seg is a reserved word of Java, which
// Android build tools refuse as a package segment. A switch, which the
// compiler makes a search by length and bytes, where a map would be
// built at the program's start (TestJavaKeywords).
func javaKeyword(seg string) bool {
	switch seg {
	case "abstract", "assert", "boolean", "break", "byte", "case",
		"catch", "char", "class", "const", "continue", "default",
		"do", "double", "else", "enum", "extends", "final",
		"finally", "float", "for", "goto", "if", "implements",
		"import", "instanceof", "int", "interface", "long", "native",
		"new", "package", "private", "protected", "public", "return",
		"short", "static", "strictfp", "super", "switch", "synchronized",
		"this", "throw", "throws", "transient", "try", "void",
		"volatile", "while", "true", "false", "null":
		return true
	}
	return false
}
