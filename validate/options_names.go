package validate

import (
	"slices"

	"github.com/icpcheck/beian/rules/names"
)

// wordOptions are the caller's changes to the sensitive-word dictionary
// besides WithSensitiveWords: New applies them once, to the built-in
// dictionary or the one given with WithDictionary.
type wordOptions struct {
	allowed    []string
	removed    []string
	categories []string
	onlyCats   bool
}

// changes reports whether o changes the dictionary at all.
func (o *wordOptions) changes() bool {
	return o.onlyCats || len(o.removed) > 0 || len(o.allowed) > 0
}

// restrict applies the categories and the removals: before the caller's
// own words are added, so that those stay whatever their category.
func (o *wordOptions) restrict(d *names.Dictionary) *names.Dictionary {
	if o.onlyCats {
		d = d.OnlyCategories(o.categories...)
	}
	if len(o.removed) > 0 {
		d = d.Without(o.removed...)
	}
	return d
}

// allow applies the allow list, last: an allowed word is never reported,
// whoever listed it.
func (o *wordOptions) allow(d *names.Dictionary) *names.Dictionary {
	if len(o.allowed) > 0 {
		d = d.Allow(o.allowed...)
	}
	return d
}

// WithAllowedWords sets words SITE_NAME_SENSITIVE never reports, as an
// error or as a warning: a sensitive word overlapping one of them in a
// site name is left alone (the console's own brand 金博 keeps 博彩 in
// 金博彩印 from being reported; see [names.Dictionary.Allow]). A word
// that is itself a sensitive word is removed from the dictionary. The
// words are copied; the option may be given more than once.
func WithAllowedWords(words ...string) Option {
	return func(v *Validator) { v.words.allowed = append(slices.Clip(v.words.allowed), words...) }
}

// WithoutBuiltinWords removes words from the sensitive-word dictionary
// (the built-in one, or the one given with [WithDictionary]), in any form
// names.Normalize folds to them; the caller's own words
// ([WithSensitiveWords]) are kept. The option may be given more than
// once.
func WithoutBuiltinWords(words ...string) Option {
	return func(v *Validator) { v.words.removed = append(slices.Clip(v.words.removed), words...) }
}

// WithSensitiveCategories keeps, of the sensitive-word dictionary (the
// built-in one, or the one given with [WithDictionary]), the words of the
// categories given only (see [names.Dictionary.Categories]: gambling,
// pornography, drugs, fraud, violence, clean_government, illegal,
// political, misleading); the caller's own words ([WithSensitiveWords]) are kept
// whatever their category. Given more than once, the categories add up.
func WithSensitiveCategories(categories ...string) Option {
	return func(v *Validator) {
		v.words.categories = append(slices.Clip(v.words.categories), categories...)
		v.words.onlyCats = true
	}
}
