package tags_test

import (
	"testing"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate/tags"
)

type form struct {
	Province string `json:"province" validate:"icp_province"`
	Name     string `json:"name" validate:"icp_text"`
	Remark   string `json:"remark" validate:"omitempty,icp_text"`
	Count    int    `json:"count" validate:"omitempty,icp_province"`
}

func newTranslators() (zhT, enT ut.Translator) {
	uni := ut.New(en.New(), zh.New(), en.New())
	zhT, _ = uni.GetTranslator("zh")
	enT, _ = uni.GetTranslator("en")
	return zhT, enT
}

func TestRegisterTags(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))

	assert.NoError(t, v.Struct(form{Province: "粤", Name: "示例科技"}))
	assert.NoError(t, v.Struct(form{Province: "guangdong", Name: "示例科技", Remark: "ok"}))

	err := v.Struct(form{Province: "火星", Name: "示例\u200b科技", Count: 3})
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	tags := map[string]string{}
	for _, fe := range verrs {
		tags[fe.Field()] = fe.Tag()
	}
	assert.Equal(t, map[string]string{"province": "icp_province", "name": "icp_text", "count": "icp_province"}, tags, "fields are named by their json tags")
	assert.Equal(t, "province必须是中国大陆的省、自治区或直辖市", verrs[0].Translate(zhT))
	assert.Equal(t, "province must be a mainland Chinese province", verrs[0].Translate(enT))
	assert.Equal(t, "name含有无效、不可见或控制字符", verrs[1].Translate(zhT))
}

type certForm struct {
	ID      string `validate:"cn_id_card"`
	Credit  string `validate:"cn_uscc"`
	OrgCode string `validate:"omitempty,cn_org_code"`
}

func TestRegisterCertTags(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))

	assert.NoError(t, v.Struct(certForm{ID: "11010519491231002x", Credit: "91440300708461136T", OrgCode: "D2143569-X"}))
	assert.NoError(t, v.Struct(certForm{ID: "110105 19491231 002X", Credit: "９１４４０３００７０８４６１１３６Ｔ"}), "typed forms are normalised")

	err := v.Struct(certForm{ID: "440305900101123", Credit: "91440300708461136U", OrgCode: "D2143569-1"})
	var verrs validator.ValidationErrors
	require.ErrorAs(t, err, &verrs)
	tags := map[string]string{}
	for _, fe := range verrs {
		tags[fe.Field()] = fe.Tag()
	}
	assert.Equal(t, map[string]string{"ID": "cn_id_card", "Credit": "cn_uscc", "OrgCode": "cn_org_code"}, tags)
	assert.Equal(t, "ID必须是有效的18位居民身份证号码", verrs[0].Translate(zhT))
	assert.Equal(t, "Credit must be a valid unified social credit code", verrs[1].Translate(enT))
	assert.Equal(t, "OrgCode必须是有效的组织机构代码", verrs[2].Translate(zhT))
}

// TestEveryTagTranslated checks that each tag of rules.FieldTags has both
// translations and a declared code.
func TestEveryTagTranslated(t *testing.T) {
	for _, tag := range rules.FieldTags() {
		assert.Contains(t, tag.Message.ZH, "{0}", tag.Tag)
		assert.Contains(t, tag.Message.EN, "{0}", tag.Tag)
		_, ok := rules.Describe(tag.Code)
		assert.True(t, ok, tag.Tag)
		assert.False(t, tag.Check(""), "%s must fail on empty input", tag.Tag)
	}
}

type siteForm struct {
	Name string `validate:"icp_site_name"`
}

func TestSiteNameTag(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))
	tests := []struct {
		name string
		ok   bool
	}{
		{"示例科技官网", true},
		{"示例科技官網", true},
		{"示例科技（深圳）官网", true}, // parentheses are only a warning in a filing
		{"示例", false},
		{"example", false},
		{"shilikeji.cn", false},
		{"示例科技！官网", false},
		{"示例賭 博网", false},
		{"示例六六合合彩彩资讯", false}, // a word with its characters repeated
		{"天天开心资讯", true},      // an ordinary reduplication
		{"示例科技.官网", false},    // a symbol, not a domain
		{"中国示例网", true},       // the prefix rule depends on the subject
		{"", false},
	}
	for _, tt := range tests {
		err := v.Struct(siteForm{tt.name})
		if tt.ok {
			assert.NoError(t, err, tt.name)
			continue
		}
		var verrs validator.ValidationErrors
		require.ErrorAs(t, err, &verrs, tt.name)
		assert.Equal(t, "icp_site_name", verrs[0].Tag())
		assert.Contains(t, verrs[0].Translate(zhT), "Name不符合网站命名要求")
		assert.Contains(t, verrs[0].Translate(enT), "Name is not a valid website name")
	}
}
