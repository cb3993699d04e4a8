package tags_test

import (
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/validate/tags"
)

type domainForm struct {
	Domain string `validate:"icp_domain"`
}

func TestDomainTag(t *testing.T) {
	v := validator.New()
	zhT, enT := newTranslators()
	require.NoError(t, tags.Register(v, zhT, enT))
	for _, tt := range []struct {
		domain string
		ok     bool
	}{
		{"example.cn", true},
		{"Example.COM.cn", true},
		{"example.cn.", true},
		{"示例.中国", true},
		{"xn--fsqu00a.xn--fiqs8s", true},
		{"ｅｘａｍｐｌｅ。ｃｎ", true},
		{"example.io", true}, // the suffix list is the filing rule's concern
		{"www.example.cn", false},
		{"https://example.cn/", false},
		{"example.cn/index.html", false},
		{"example.cn:8080", false},
		{"exa mple.cn", false},
		{"com.cn", false},
		{"localhost", false},
		{"1.2.3.4", false},
		{"example.zzz", false},
		{"", false},
	} {
		err := v.Struct(domainForm{tt.domain})
		if tt.ok {
			assert.NoError(t, err, tt.domain)
			continue
		}
		var verrs validator.ValidationErrors
		require.ErrorAs(t, err, &verrs, tt.domain)
		assert.Equal(t, "icp_domain", verrs[0].Tag())
		assert.Contains(t, verrs[0].Translate(zhT), "Domain必须是注册的主域名")
		assert.Contains(t, verrs[0].Translate(enT), "Domain must be a registered domain")
	}
}
