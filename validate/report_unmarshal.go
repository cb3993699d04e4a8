package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// wireReport is the report's wire format as [Report.MarshalJSON] writes
// it, for decoding. "ok", "complete" and "doc" follow from the rest and
// are not read back.
type wireReport struct {
	Rejections     []wireRejection   `json:"rejections"`
	Skipped        []rules.Code      `json:"skipped"`
	SkippedReasons map[string]string `json:"skipped_reasons"`
}

type wireRejection struct {
	Code     rules.Code     `json:"code"`
	Severity rules.Severity `json:"severity"`
	Field    beian.Path     `json:"field"`
	Message  string         `json:"message"`
	Remedy   string         `json:"remedy"`
	Related  []beian.Path   `json:"related"`
	Span     *struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"span"`
	Fixes []struct {
		Field beian.Path `json:"field"`
		Value string     `json:"value"`
		Title string     `json:"title"`
	} `json:"fixes"`
	Source *struct {
		Key     string `json:"key"`
		URL     string `json:"url"`
		Edition string `json:"edition"`
		Certain bool   `json:"certain"`
	} `json:"source"`
}

// UnmarshalJSON decodes a report from its wire format (see
// [Report.MarshalJSON]), such as a service's answer, so that Go code can
// use OK, Complete, Has and ForField on it. A report encoded by
// MarshalJSON or WriteJSON decodes into one that encodes back to the same
// bytes, and whose rejections have the same codes, severities, fields,
// related fields, spans (in UTF-16 units), fixes, sources, messages and
// remedies in the report's language.
//
// The wire format carries rendered text in one language, not the values
// behind it, so a decoded report differs from the one encoded in these
// ways:
//
//   - Language is the language of the text: kept when the receiver's
//     Language was set before decoding, else found from the messages
//     (Chinese or English).
//   - A rejection's Args are read back out of its message and remedy
//     against its code's templates, so Message and Remedy in the report's
//     language return the text from the wire; in the other language they
//     show the arguments as the wire wrote them (a province name stays in
//     Chinese in an English sentence). A message or remedy that its
//     code's template cannot give (a code this version does not know, or
//     a text a service built from another version of the library worded)
//     leaves Args empty and is kept as it came, in Rejection.Text:
//     Message and Remedy return the wire's words in any language, so a
//     console older than its service still shows every rejection.
//   - Fix titles and skip reasons hold the wire's text in both languages.
//   - Span's byte offsets (Start, End) are not on the wire: they are set
//     from the UTF-16 offsets, which is right for ASCII values only.
//   - Rule (of rejections and skips) is not on the wire: empty.
//
// Unknown members are ignored, so that a newer service's reports decode;
// a rejection without a code or a known severity is an error.
func (r *Report) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil // as encoding/json leaves a struct for null
	}
	var w wireReport
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("validate: decoding a report: %w", err)
	}
	lang := r.Language
	if lang == language.Und {
		lang = wireLanguage(&w)
	}
	out := Report{Language: lang}
	if len(w.Rejections) > 0 {
		out.Rejections = make([]rules.Rejection, len(w.Rejections))
	}
	for i, x := range w.Rejections {
		if x.Code == "" {
			return fmt.Errorf("validate: decoding a report: rejections[%d] has no code", i)
		}
		if x.Severity < rules.Notice || x.Severity > rules.Error {
			return fmt.Errorf("validate: decoding a report: rejections[%d] has no severity", i)
		}
		rj := rules.Rejection{Code: x.Code, Severity: x.Severity, Field: x.Field, Related: x.Related}
		if x.Span != nil {
			rj.Span = rules.Span{Start: x.Span.Start, End: x.Span.End, Start16: x.Span.Start, End16: x.Span.End}
		}
		for _, f := range x.Fixes {
			rj.Fixes = append(rj.Fixes, rules.Fix{Field: f.Field, Value: f.Value, Title: rules.Text{ZH: f.Title, EN: f.Title}})
		}
		if x.Source != nil {
			rj.Source = rules.Source{Key: x.Source.Key, URL: x.Source.URL, Edition: x.Source.Edition, Certain: x.Source.Certain}
		}
		rj.Args = recoverArgs(rj, x.Message, x.Remedy, lang)
		if rj.Message(lang) != x.Message || rj.Remedy(lang) != x.Remedy {
			// A code this version does not know, or a text its template
			// cannot give: keep the wire's words.
			rj.Args = nil
			rj.Text = &rules.RenderedText{Message: x.Message, Remedy: x.Remedy}
		}
		out.Rejections[i] = rj
	}
	if len(w.Skipped) > 0 {
		out.Skipped = make([]rules.Skip, len(w.Skipped))
	}
	for i, code := range w.Skipped {
		reason := w.SkippedReasons[string(code)]
		out.Skipped[i] = rules.Skip{Code: code, Reason: rules.Text{ZH: reason, EN: reason}}
	}
	*r = out
	return nil
}

// wireLanguage finds the language of a decoded report's text: the
// language whose template the first known code's message fits, else
// Chinese when a skip reason has Han characters, else English.
func wireLanguage(w *wireReport) language.Tag {
	for _, x := range w.Rejections {
		d, ok := rules.Describe(x.Code)
		if !ok {
			continue
		}
		zh := matchTemplate(d.Message.ZH, x.Message) != nil
		en := matchTemplate(d.Message.EN, x.Message) != nil
		switch {
		case zh && !en:
			return language.SimplifiedChinese
		case en && !zh:
			return language.English
		}
	}
	for _, reason := range w.SkippedReasons {
		for _, c := range reason {
			if unicode.Is(unicode.Han, c) {
				return language.SimplifiedChinese
			}
		}
	}
	for _, x := range w.Rejections {
		for _, c := range x.Message {
			if unicode.Is(unicode.Han, c) {
				return language.SimplifiedChinese
			}
		}
	}
	return language.English
}

// recoverArgs reads the arguments of a rejection back out of its rendered
// message and remedy: each way the message fits its template is tried
// until one whose values also fit the remedy renders both texts again.
// When none does, the values of the message alone are kept if they
// render it, else those of the remedy alone, else none.
func recoverArgs(rj rules.Rejection, message, remedy string, lang language.Tag) []rules.Arg {
	d, ok := rules.Describe(rj.Code)
	if !ok {
		return nil
	}
	label := rules.FieldLabel(rj.Field).In(lang)
	renders := func(args []rules.Arg, render func(rules.Rejection, language.Tag) string, text string) bool {
		rj.Args = args
		return render(rj, lang) == text
	}
	budget, remedyBudget := matchBudget, matchBudget
	var both, alone []rules.Arg
	found := false
	eachMatch(d.Message.In(lang), message, &budget, func(vals []matched) bool {
		args, ok := argsOf(nil, vals, label)
		if !ok || !renders(args, rules.Rejection.Message, message) {
			return false
		}
		if alone == nil {
			alone = args
		}
		// The remedy's template with the values known so far written in.
		known := substitute(d.Remedy.In(lang), args, label)
		eachMatch(known, remedy, &remedyBudget, func(rvals []matched) bool {
			all, ok := argsOf(args, rvals, label)
			if ok && renders(all, rules.Rejection.Remedy, remedy) {
				both, found = all, true
			}
			return found
		})
		return found
	})
	switch {
	case found:
		return both
	case alone != nil:
		return alone
	}
	eachMatch(d.Remedy.In(lang), remedy, &budget, func(vals []matched) bool {
		args, ok := argsOf(nil, vals, label)
		if ok && renders(args, rules.Rejection.Remedy, remedy) {
			alone = args
			return true
		}
		return false
	})
	return alone
}

// argsOf adds matched values to args: not an optional one that was
// absent, nor a {field} that is the field's label; false when a value
// contradicts one already there.
func argsOf(args []rules.Arg, vals []matched, label string) ([]rules.Arg, bool) {
	out := args[:len(args):len(args)]
	for _, v := range vals {
		if v.value == "" && v.optional {
			continue
		}
		if v.name == "field" && v.value == label {
			continue
		}
		if i := argIndex(out, v.name); i >= 0 {
			if out[i].Value.EN != v.value {
				return nil, false
			}
			continue
		}
		out = append(out, rules.Arg{Name: v.name, Value: rules.Text{ZH: v.value, EN: v.value}})
	}
	if out == nil {
		out = []rules.Arg{}
	}
	return out, true
}

// substitute writes the values of args (and the field's label for
// {field}) into a template in place of their placeholders, leaving the
// others. Braces in the values are doubled by nothing: a value holding
// "{x}" is then matched as a placeholder, and the render check catches a
// wrong guess.
func substitute(template string, args []rules.Arg, label string) string {
	var b strings.Builder
	for _, p := range parseTemplate(template) {
		switch {
		case p.name == "":
			b.WriteString(p.literal)
		case argIndex(args, p.name) >= 0:
			b.WriteString(args[argIndex(args, p.name)].Value.EN)
		case p.name == "field":
			b.WriteString(label)
		default:
			b.WriteString("{")
			if p.optional {
				b.WriteString("?")
			}
			b.WriteString(p.name + "}")
		}
	}
	return b.String()
}

func argIndex(args []rules.Arg, name string) int {
	for i, a := range args {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// A matched value is the text a template's placeholder stood for.
type matched struct {
	name     string
	optional bool
	value    string
}

// templatePart is a literal (name empty) or a placeholder.
type templatePart struct {
	literal  string
	name     string
	optional bool
}

// parseTemplate splits a message template as rules renders it: {name}
// and {?name} are placeholders, anything else (an unclosed brace
// included) is literal.
func parseTemplate(t string) []templatePart {
	var parts []templatePart
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			break
		}
		if i > 0 {
			parts = append(parts, templatePart{literal: t[:i]})
		}
		name := t[i+1 : i+j]
		opt := strings.HasPrefix(name, "?")
		parts = append(parts, templatePart{name: strings.TrimPrefix(name, "?"), optional: opt})
		t = t[i+j+1:]
	}
	if t != "" {
		parts = append(parts, templatePart{literal: t})
	}
	return parts
}

// matchBudget bounds the steps of matching one text, so that hostile text
// costs time linear in its size.
const matchBudget = 4096

// eachMatch calls yield with each way text fits template, the shorter
// values of earlier placeholders first, until yield returns true or the
// budget runs out. A rendered text's first ASCII letter may have been
// capitalized: when the template starts with a placeholder, the values of
// the lower-case text are tried first (rendering capitalizes it again).
func eachMatch(template, text string, budget *int, yield func([]matched) bool) {
	parts := parseTemplate(template)
	if text != "" && 'A' <= text[0] && text[0] <= 'Z' {
		lowered := string(text[0]-'A'+'a') + text[1:]
		if len(parts) > 0 && parts[0].name != "" {
			if matchParts(parts, lowered, nil, budget, yield) {
				return
			}
			matchParts(parts, text, nil, budget, yield)
			return
		}
		if matchParts(parts, text, nil, budget, yield) {
			return
		}
		matchParts(parts, lowered, nil, budget, yield)
		return
	}
	matchParts(parts, text, nil, budget, yield)
}

// matchTemplate returns the first way text fits template, or nil.
func matchTemplate(template, text string) []matched {
	budget := matchBudget
	var out []matched
	eachMatch(template, text, &budget, func(vals []matched) bool {
		out = append([]matched{}, vals...)
		return true
	})
	return out
}

// matchParts reports whether yield accepted a match of parts to text.
func matchParts(parts []templatePart, text string, vals []matched, budget *int, yield func([]matched) bool) bool {
	*budget--
	if *budget < 0 {
		return false
	}
	if len(parts) == 0 {
		return text == "" && yield(vals)
	}
	p := parts[0]
	if p.name == "" {
		rest, ok := strings.CutPrefix(text, p.literal)
		return ok && matchParts(parts[1:], rest, vals, budget, yield)
	}
	if len(parts) == 1 {
		return matchParts(nil, "", append(vals[:len(vals):len(vals)], matched{p.name, p.optional, text}), budget, yield)
	}
	// Try each end for the placeholder's value: where the next literal
	// occurs, or, before another placeholder, at every character.
	next := parts[1]
	for end := 0; end <= len(text); {
		if next.name == "" {
			i := strings.Index(text[end:], next.literal)
			if i < 0 {
				return false
			}
			end += i
		}
		v := append(vals[:len(vals):len(vals)], matched{p.name, p.optional, text[:end]})
		if matchParts(parts[1:], text[end:], v, budget, yield) {
			return true
		}
		if *budget < 0 || end == len(text) {
			return false
		}
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	return false
}
