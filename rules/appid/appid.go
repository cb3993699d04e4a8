// Package appid checks what identifies an App in an App filing (APP备案):
// the package name of each platform, the signing certificate's fingerprint
// (签名MD5值) and its public key (公钥). It works on plain strings and is
// usable alone.
//
// Package names:
//   - Android applicationId: two or more dot-separated segments, each
//     starting with a letter, of letters, digits and '_' (Android's
//     "Set the application ID"). A Java keyword as a segment, which build
//     tools refuse, is a doubtful finding.
//   - iOS Bundle ID: letters, digits, '-' and '.' only, no segment empty
//     (Apple's glossary: [A-Za-z0-9-]+ between the dots); compared without
//     case ([Key]). The reverse-DNS shape (two or more segments) is
//     Apple's advice, so its absence is doubtful.
//   - HarmonyOS bundle name: the official sources disagree (older
//     OpenHarmony docs: letters, digits, '_' and '.', a letter first, 7 to
//     127 bytes; OpenHarmony 5.0.2: three or more segments; Huawei's FAQ:
//     lower-case letters, digits and dots, up to 255 characters). Certain
//     only where they all agree: a character outside [A-Za-z0-9_.], an empty
//     segment (a leading, trailing or double dot), more than 255 bytes.
//     Fewer than three segments, a length outside 7 to 128, or a first
//     character that is not a letter are doubtful.
//   - WeChat AppID: no official syntax is published; every observed one is
//     "wx" and 16 lower-case hex digits, so anything else is doubtful.
//     Other mini-program platforms' AppIDs are not checked.
//
// Signature fingerprints are normalised from what keytool, openssl and
// apksigner print (colons, spaces or dashes between pairs, either case)
// to lower-case hex; a tool's label pasted with them (keytool's "MD5:",
// openssl's "md5 Fingerprint=") and full-width characters are dropped
// too, a doubtful [Decorated] finding whose digest is the value to file: an MD5 (32 hex digits) for Android, a SHA-1 (40) for
// iOS, either for HarmonyOS (doubtful otherwise). An MD5 given for iOS is
// its own reason, [MD5ForSHA1]: the field is labelled "MD5" on every
// console, and iOS wants the certificate's SHA-1.
//
// Public keys are taken as consoles receive them: hex or base64 key
// material, white space ignored. PEM armour (the BEGIN and END lines
// openssl prints around base64) and an ellipsis at the end (what a
// truncated Keychain copy shows) are dropped as a doubtful [Decorated]
// finding, the key material without them in [PublicKey.Material]. A DER SubjectPublicKeyInfo (hex 3082… or
// base64 MIIB…) is read as crypto/x509 reads it (without linking it) and
// its RSA modulus length checked; a bare RSA modulus (what JadxGUI shows for Android) must have a
// sane length (512 to 8192 bits). iOS keys copied from the Keychain may be
// truncated, which guides accept: for iOS a short or unparsable key is
// doubtful only.
//
// Every finding is an *[Error] whose Certain field tells an error (all the
// sources agree) from a doubtful one (a warning). Time and memory are
// linear in the input, bounded by [MaxLen] and [MaxKeyLen].
//
// Sources (keys of SOURCES.md): android-application-id, apple-bundle-id,
// openharmony-bundle-name, ucloud-app-features (the signature and public
// key fields), wechat-appid-observed.
package appid

import (
	"fmt"
	"strconv"
)

// A Platform is where an App runs, as this package distinguishes them.
type Platform uint8

// The platforms.
const (
	// Other is a platform whose identifiers this package does not check.
	Other Platform = iota
	// Android: applicationId, certificate MD5.
	Android
	// IOS: Bundle ID, certificate SHA-1.
	IOS
	// HarmonyOS: bundle name, certificate fingerprint (MD5 or SHA-1).
	HarmonyOS
	// WeChat: a mini-program's AppID.
	WeChat
)

var platformNames = [...]string{Other: "other", Android: "android", IOS: "ios", HarmonyOS: "harmonyos", WeChat: "wechat"}

// String returns the platform's wire name ("ios").
func (p Platform) String() string {
	if int(p) < len(platformNames) {
		return platformNames[p]
	}
	return "platform(" + strconv.Itoa(int(p)) + ")"
}

// PlatformNamed returns the platform of a wire name ("android", "ios",
// "harmonyos", "wechat"), Other for any other name.
func PlatformNamed(name string) Platform {
	for p, n := range platformNames {
		if n == name {
			return Platform(p)
		}
	}
	return Other
}

// A Reason says what is wrong with an identifier, a fingerprint or a key.
type Reason uint8

// The reasons.
const (
	// Empty: nothing but white space.
	Empty Reason = iota + 1
	// TooLong: longer than the platform allows, or than MaxLen/MaxKeyLen.
	TooLong
	// TooShort: shorter than the platform allows.
	TooShort
	// BadChar: a character the platform does not allow, at Offset.
	BadChar
	// EmptySegment: a leading, trailing or double dot, at Offset.
	EmptySegment
	// SegmentStart: a segment starts with a character it may not start
	// with, at Offset.
	SegmentStart
	// FewSegments: fewer dot-separated segments than the platform wants.
	FewSegments
	// Keyword: a segment is a Java keyword, at Offset.
	Keyword
	// NotAppID: not the observed form of a WeChat AppID (wx and 16 hex).
	NotAppID
	// NotHex: a fingerprint holds a character that is not a hex digit or
	// a separator, at Offset.
	NotHex
	// DigestLength: a fingerprint has neither the platform's digest length.
	DigestLength
	// MD5ForSHA1: an iOS fingerprint of 32 hex digits, an MD5 where iOS
	// wants the certificate's SHA-1 (40).
	MD5ForSHA1
	// NotKeyMaterial: a public key that is neither hex nor base64.
	NotKeyMaterial
	// BadSPKI: key material that starts as a DER structure but is not a
	// SubjectPublicKeyInfo crypto/x509 can read (read without it, with
	// the same answers).
	BadSPKI
	// KeyLength: an RSA key or modulus outside 512 to 8192 bits, or key
	// material too short to be a key.
	KeyLength
	// Decorated: a fingerprint or key pasted with what surrounds it in a
	// tool's output (a label such as "MD5:", PEM armour, a trailing
	// ellipsis) or in full-width characters. Doubtful: the value was read
	// without them, and that is what to file (Digest.Hex,
	// PublicKey.Material).
	Decorated
)

var reasonText = [...]string{
	Empty:          "empty",
	TooLong:        "too long",
	TooShort:       "too short",
	BadChar:        "has a character the platform does not allow",
	EmptySegment:   "has an empty segment (a leading, trailing or double dot)",
	SegmentStart:   "has a segment that starts with a character it may not start with",
	FewSegments:    "has fewer dot-separated segments than the platform wants",
	Keyword:        "has a Java keyword as a segment",
	NotAppID:       `is not of the form "wx" and 16 hex digits`,
	NotHex:         "is not hexadecimal",
	DigestLength:   "is not of the digest length the platform wants",
	MD5ForSHA1:     "is an MD5 fingerprint where iOS wants the certificate's SHA-1",
	NotKeyMaterial: "is neither hex nor base64 key material",
	BadSPKI:        "is not a readable DER SubjectPublicKeyInfo",
	KeyLength:      "has a key length outside 512 to 8192 bits",
	Decorated:      "carries a tool's label, PEM armour, colons between bytes, an ellipsis or full-width characters",
}

// String describes the reason in lower case.
func (r Reason) String() string {
	if int(r) < len(reasonText) && reasonText[r] != "" {
		return reasonText[r]
	}
	return "reason(" + strconv.Itoa(int(r)) + ")"
}

// An Error reports one finding about an identifier, a fingerprint or a
// key.
type Error struct {
	// Platform is the platform the value was checked for.
	Platform Platform
	// Reason says what is wrong.
	Reason Reason
	// Certain is true where every source agrees the value is refused,
	// false for a doubtful finding (a warning).
	Certain bool
	// Offset is the byte offset in the input of the character concerned,
	// -1 when the finding concerns the whole value.
	Offset int
	// Got is a number the reason concerns: the digest's hex digits for
	// DigestLength and MD5ForSHA1, the segments for FewSegments, the bits
	// for KeyLength, the bytes for TooLong and TooShort; 0 otherwise.
	Got int
}

// Error returns "appid: " and the reason.
func (e *Error) Error() string {
	s := fmt.Sprintf("appid: %s value %s", e.Platform, e.Reason)
	if e.Got > 0 {
		s += " (" + strconv.Itoa(e.Got) + ")"
	}
	if !e.Certain {
		s += " (doubtful)"
	}
	return s
}

// ReasonOf returns the reason of err when it is an *Error, 0 otherwise.
func ReasonOf(err error) Reason {
	if e, ok := err.(*Error); ok {
		return e.Reason
	}
	return 0
}

// MaxLen is the longest package name or AppID read, in bytes: longer ones
// are TooLong without being read further.
const MaxLen = 255

func fail(p Platform, r Reason, certain bool, offset, got int) *Error {
	return &Error{Platform: p, Reason: r, Certain: certain, Offset: offset, Got: got}
}

// trimSpace returns s without ASCII white space around it and the offset
// of its start.
func trimSpace(s string) (string, int) {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	return s[i:j], i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isLetter(c byte) bool { u := c &^ 0x20; return 'A' <= u && u <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
