// Package tags fits the library into go-playground/validator (v10), for
// services that already bind forms with it, gin's engine included. One
// call, [Register], adds the library's single-field checks as tags
// (icp_province, icp_text, icp_site_name, cn_id_card, cn_uscc,
// cn_org_code and the tags the rules add: see rules.FieldTags), with
// Chinese and English translations:
//
//	if v, ok := binding.Validator.Engine().(*validator.Validate); ok {
//		err := tags.Register(v, zhTrans, enTrans)
//	}
//
// [RegisterFiling] adds the whole filing check to a form that converts to
// a filing ([FilingForm]): a form that covers part of a filing is checked
// on the fields it has, each form field gets at most one error (its own
// tag's, else the gravest rejection of the filing fields it holds, found
// without a map), whose tag is the code (PHONE_NOT_LOCAL …), whose param
// is the filing field path and whose translation is the rejection's
// message. Fields are named as the client sent them ([FieldName]: the
// json tag, else the form tag).
//
// It is a package of its own so that importing the engine, package
// validate, does not pull validator/v10 into a program that does not use
// it. Its tests on gin's engine live in the nested module gintest, so that
// gin is no dependency of the library.
package tags

import (
	"fmt"
	"reflect"
	"strings"

	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian/rules"
)

// Register registers the library's single-field checks as tags of v
// (see [rules.FieldTags]: icp_province, icp_text and the tags the rules
// add), and their messages on each translator: Chinese for a translator
// whose locale starts with "zh", English for the others. It works on gin's
// engine too:
//
//	if v, ok := binding.Validator.Engine().(*validator.Validate); ok {
//		err := tags.Register(v, zhTrans, enTrans)
//	}
//
// A tag on a field that is not a string fails.
//
// Register names fields in errors as forms post them: it installs
// [FieldName] (the json tag, else the form tag, else the Go name) as v's
// TagNameFunc. A caller who wants other names calls v.RegisterTagNameFunc
// after Register, and gives the same function to [RegisterFiling].
//
// Register also registers, on each translator, the message of every code,
// for the field errors the filing check of [RegisterFiling] reports with
// the code as their tag.
func Register(v *validator.Validate, translators ...ut.Translator) error {
	v.RegisterTagNameFunc(FieldName)
	if err := registerCodes(v, translators); err != nil {
		return err
	}
	for _, t := range rules.FieldTags() {
		check := t.Check
		err := v.RegisterValidation(t.Tag, func(fl validator.FieldLevel) bool {
			f := fl.Field()
			return f.Kind() == reflect.String && check(f.String())
		})
		if err != nil {
			return fmt.Errorf("tags: registering tag %s: %w", t.Tag, err)
		}
		for _, tr := range translators {
			msg := t.Message.EN
			if strings.HasPrefix(tr.Locale(), "zh") {
				msg = t.Message.ZH
			}
			tag := t.Tag
			err := v.RegisterTranslation(tag, tr,
				func(tr ut.Translator) error { return tr.Add(tag, msg, true) },
				func(tr ut.Translator, fe validator.FieldError) string {
					s, err := tr.T(tag, fe.Field())
					if err != nil {
						return fe.Error()
					}
					return s
				})
			if err != nil {
				return fmt.Errorf("tags: registering the %s translation of tag %s: %w", tr.Locale(), t.Tag, err)
			}
		}
	}
	return nil
}

// registerCodes registers the translation of every code: the rejection's
// own message, rendered in the translator's language, when the field
// error carries the rejection (as RegisterFiling's do); the code's
// message template otherwise.
func registerCodes(v *validator.Validate, translators []ut.Translator) error {
	for _, tr := range translators {
		lang := language.English
		if strings.HasPrefix(tr.Locale(), "zh") {
			lang = language.SimplifiedChinese
		}
		for _, code := range rules.Codes() {
			d, _ := rules.Describe(code)
			key := string(code)
			err := v.RegisterTranslation(key, tr,
				func(tr ut.Translator) error { return tr.Add(key, d.Message.In(lang), true) },
				func(tr ut.Translator, fe validator.FieldError) string {
					if r, ok := fe.Value().(rules.Rejection); ok {
						return r.Message(lang)
					}
					s, err := tr.T(key)
					if err != nil {
						return fe.Error()
					}
					return s
				})
			if err != nil {
				return fmt.Errorf("tags: registering the %s translation of code %s: %w", tr.Locale(), code, err)
			}
		}
	}
	return nil
}
