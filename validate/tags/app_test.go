package tags_test

import (
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/validate/tags"
)

type appForm struct {
	Android  string `validate:"omitempty,app_package_android"`
	BundleID string `validate:"omitempty,app_bundle_id"`
	Harmony  string `validate:"omitempty,app_package_harmonyos"`
	MD5      string `validate:"omitempty,app_signature_md5"`
	SHA1     string `validate:"omitempty,app_signature_sha1"`
}

func TestAppTags(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))
	ok := appForm{
		Android: "cn.example.ledger", BundleID: "cn.example.My-Ledger",
		Harmony: "cn.example", // fewer than three segments: doubtful, so it passes the tag
		MD5:     "88:74:26:4F:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C",
		SHA1:    "559f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b",
	}
	require.NoError(t, v.Struct(ok))
	for _, tc := range []struct {
		edit func(*appForm)
		tag  string
	}{
		{func(f *appForm) { f.Android = "cn.1example" }, "app_package_android"},
		{func(f *appForm) { f.BundleID = "cn.example.my_app" }, "app_bundle_id"},
		{func(f *appForm) { f.Harmony = "cn..example" }, "app_package_harmonyos"},
		{func(f *appForm) { f.MD5 = ok.SHA1 }, "app_signature_md5"},
		{func(f *appForm) { f.SHA1 = "8874264FA1B2C3D4E5F60718293A4B5C" }, "app_signature_sha1"},
	} {
		f := ok
		tc.edit(&f)
		var verrs validator.ValidationErrors
		require.ErrorAs(t, v.Struct(f), &verrs, tc.tag)
		assert.Equal(t, tc.tag, verrs[0].Tag())
		assert.NotEqual(t, verrs[0].Translate(zhT), verrs[0].Translate(enT))
	}
}
