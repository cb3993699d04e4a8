package tags_test

import (
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/validate/tags"
)

type numberForm struct {
	Number string `json:"icp_number" validate:"omitempty,icp_number"`
}

func TestICPNumberTag(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))
	for number, ok := range map[string]bool{
		"":                   true, // omitempty
		"粤ICP备2023012345号":   true,
		"粤ICP备2023012345号-3": true,
		"川ICP备10200063号-1":   true,
		"粤ICP备２０２３０１２３４５号－２Ａ": true,
		"京ICP证150476号":         true,
		"京ICP证030173号-1":       true,
		"粤B2-20090059-1626X":   true,
		"粤B1-20090059":         false,
		"京公网安备11010802020088号": false,
		"贵ICP备2021001234号":     false,
		"粤ICP备202301234号":      false,
	} {
		err := v.Struct(numberForm{number})
		if ok {
			assert.NoError(t, err, number)
			continue
		}
		var verrs validator.ValidationErrors
		require.ErrorAs(t, err, &verrs, number)
		assert.Equal(t, "icp_number", verrs[0].Tag())
		assert.Equal(t, "icp_number必须是有效的ICP备案号，如粤ICP备2023012345号或粤ICP备2023012345号-1", verrs[0].Translate(zhT))
		assert.Contains(t, verrs[0].Translate(enT), "icp_number must be a valid ICP filing number")
	}
}
