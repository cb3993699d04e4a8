package provinces_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/provinces"
)

func TestFromAddress(t *testing.T) {
	tests := []struct{ addr, code string }{
		{"广东省深圳市南山区", "44"},
		{"广东深圳市南山区", "44"},
		{"北京市海淀区", "11"},
		{"内蒙古自治区呼和浩特市", "15"},
		{"新疆维吾尔自治区乌鲁木齐市", "65"},
		{"中华人民共和国上海市浦东新区", "31"},
		{" 中国 浙江省杭州市", "33"},
		{"吉安市吉州区", ""},
		{"吉林省吉林市", "22"},
		{"深圳市南山区", ""},
		{"粤深圳", ""},
		{"guangdong shenzhen", ""},
		{"广", ""},
		{"", ""},
	}
	for _, tt := range tests {
		p, ok := provinces.FromAddress(tt.addr)
		assert.Equal(t, tt.code != "", ok, tt.addr)
		assert.Equal(t, tt.code, p.Code, tt.addr)
	}
}
