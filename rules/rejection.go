package rules

import (
	"strconv"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
)

// A Rejection is one reason the filing would be rejected, tied to the
// field it concerns.
type Rejection struct {
	// Code says what is wrong; see [Describe].
	Code Code
	// Severity says how sure the rejection is.
	Severity Severity
	// Field is the path of the field concerned, with the wire format's
	// JSON names ("websites[0].name"); empty for the filing as a whole.
	Field beian.Path
	// Related lists other fields involved, such as the field a value
	// conflicts with.
	Related []beian.Path
	// Args are the values the code's message and remedy templates show.
	Args []Arg
	// Span locates the problem in the field's value as sent; zero when
	// the problem is the whole value.
	Span Span
	// Fixes are the certain edits that remove the rejection (at most one
	// is to be applied); nil when no edit is certain.
	Fixes []Fix
	// Source is the published fact the rejection rests on; zero when it
	// follows from the filing alone (a malformed number, an empty field).
	Source Source
	// Rule is the name of the rule that reported the rejection.
	Rule string
	// Text, when not nil, is the message and remedy as a report put them,
	// in that report's language: validate's Report.UnmarshalJSON sets it
	// for a message its code's template cannot give (a code this version
	// does not know, or a text another version worded), and Message and
	// Remedy then return it, whatever the language asked for.
	Text *RenderedText
}

// RenderedText is a rejection's message and remedy as rendered text, read
// back from a report (see [Rejection].Text).
type RenderedText struct {
	Message, Remedy string
}

// Message returns what is wrong, in Chinese when tag's language is Chinese
// and in English otherwise.
func (r Rejection) Message(tag language.Tag) string {
	return string(r.AppendMessage(make([]byte, 0, 96), tag))
}

// Remedy returns what the user should do, in Chinese when tag's language
// is Chinese and in English otherwise.
func (r Rejection) Remedy(tag language.Tag) string {
	return string(r.AppendRemedy(make([]byte, 0, 96), tag))
}

// AppendMessage appends [Rejection.Message] to dst, for encoders that
// write many reports without allocating.
func (r Rejection) AppendMessage(dst []byte, tag language.Tag) []byte {
	if r.Text != nil {
		return append(dst, r.Text.Message...)
	}
	d := describe(r.Code)
	if d == nil {
		return dst
	}
	return capitalize(render(dst, d.Message.In(tag), tag, r.Field, r.Args), len(dst))
}

// AppendRemedy appends [Rejection.Remedy] to dst.
func (r Rejection) AppendRemedy(dst []byte, tag language.Tag) []byte {
	if r.Text != nil {
		return append(dst, r.Text.Remedy...)
	}
	d := describe(r.Code)
	if d == nil {
		return dst
	}
	return capitalize(render(dst, d.Remedy.In(tag), tag, r.Field, r.Args), len(dst))
}

// capitalize upper-cases a leading ASCII letter of b[from:], for English
// sentences that start with a field's label.
func capitalize(b []byte, from int) []byte {
	if from < len(b) && 'a' <= b[from] && b[from] <= 'z' {
		b[from] -= 'a' - 'A'
	}
	return b
}

// capitalizeString is capitalize for a string.
func capitalizeString(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// Error returns "field: CODE: message" in English, so that a Rejection can
// stand for an error.
func (r Rejection) Error() string {
	msg := r.Message(language.English)
	if r.Field == "" {
		return string(r.Code) + ": " + msg
	}
	return string(r.Field) + ": " + string(r.Code) + ": " + msg
}

// An Arg is a named value shown in a rejection's message or remedy.
type Arg struct {
	Name  string
	Value Text
}

// Str returns an argument written the same in both languages.
func Str(name, value string) Arg { return Arg{name, Text{value, value}} }

// Int returns a number argument.
func Int(name string, n int) Arg {
	s := strconv.Itoa(n)
	return Arg{name, Text{s, s}}
}

// Loc returns an argument written differently in Chinese and English.
func Loc(name, zh, en string) Arg { return Arg{name, Text{zh, en}} }

// A Skip records a check that did not run, and why.
type Skip struct {
	Code   Code // the code the check would report
	Rule   string
	Reason Text
}
