// Package tags offers the library's single-field checks as tags of
// go-playground/validator (v10), with Chinese and English translations, for
// services that already bind forms with it, gin's engine included:
//
//	if v, ok := binding.Validator.Engine().(*validator.Validate); ok {
//		err := tags.Register(v, zhTrans, enTrans)
//	}
//
// It is a package of its own so that importing the engine, package
// validate, does not pull validator/v10 into a program that does not use
// it.
package tags

import (
	"fmt"
	"reflect"
	"strings"

	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

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
func Register(v *validator.Validate, translators ...ut.Translator) error {
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
