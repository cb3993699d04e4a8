package tags_test

import (
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/validate/tags"
)

type contactForm struct {
	Mobile string `validate:"cn_mobile"`
	Phone  string `validate:"omitempty,cn_phone"`
}

func TestPhoneTags(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))

	tests := []struct {
		value         string
		mobile, phone bool
	}{
		{"13902212345", true, true},
		{"+86 139 0221 2345", true, true},
		{"１３９０２２１２３４５", true, true},
		{"17001234567", true, true}, // a virtual operator's mobile still receives SMS
		{"19912345678", true, true}, // no province known: still a mobile
		{"0755-86013388", false, true},
		{"(010) 6552 9988 转 801", false, true},
		{"14912345678", false, false},   // data card
		{"1440012345678", false, false}, // IoT
		{"17400123456", false, false},   // satellite
		{"95588", false, false},
		{"400-820-8820", false, false},
		{"1390221234", false, false},
		{"15412345678", false, false},
		{"86013388", false, false},
		{"+852 6123 4567", false, false},
	}
	for _, tt := range tests {
		err := v.Struct(contactForm{Mobile: tt.value, Phone: tt.value})
		failed := map[string]bool{}
		var verrs validator.ValidationErrors
		if err != nil {
			require.ErrorAs(t, err, &verrs, tt.value)
			for _, fe := range verrs {
				failed[fe.Tag()] = true
			}
		}
		assert.Equal(t, !tt.mobile, failed["cn_mobile"], "cn_mobile %q", tt.value)
		assert.Equal(t, !tt.phone, failed["cn_phone"], "cn_phone %q", tt.value)
	}

	err := v.Struct(contactForm{Mobile: "0755-86013388", Phone: "95588"})
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	require.Len(t, verrs, 2)
	assert.Equal(t, "Mobile必须是有效的中国大陆手机号码", verrs[0].Translate(zhT))
	assert.Equal(t, "Phone must be a valid mainland Chinese mobile or a landline with its area code", verrs[1].Translate(enT))
}
