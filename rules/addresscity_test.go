package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
)

// TestAddressCity: Huawei Cloud's province pages refuse a unit whose
// mailing address lies in another city than its certificate's address in
// Hebei (河北的通讯地址与证件住址不能是跨市), Henan (同省同市，不可跨市) and
// Guizhou (不支持跨市进行备案); no other province's page says so. Every
// province × every nature × address pairs written as people write them:
// one city, another city of the province, another province, a city
// written without its province or with spaces, a municipality, a county
// the province governs directly, and addresses whose city cannot be told.
func TestAddressCity(t *testing.T) {
	pairs := []struct {
		cert, mail string
		differ     bool // the two lie in different cities, as the addresses say
	}{
		{"河北省石家庄市长安区中山东路1号", "河北省石家庄市桥西区示例路2号", false},
		{"河北省石家庄市长安区中山东路1号", "石家庄市桥西区示例路2号", false},
		{"河北省石家庄市长安区中山东路1号", "河北省 正定县 示例路2号", false},
		{"河北省石家庄市长安区中山东路1号", "中国河北石家庄裕华区示例路2号", false},
		{"河北省石家庄市长安区中山东路1号", "河北省保定市竞秀区示例路2号", true},
		{"河北省石家庄市长安区中山东路1号", "北京市朝阳区示例路2号", true},
		{"河南省郑州市金水区示例路1号", "河南省南阳市宛城区示例路2号", true},
		{"河南省济源市示例路1号", "河南省焦作市解放区示例路2号", true},
		{"河南省济源市示例路1号", "济源市示例路2号", false},
		{"贵州省贵阳市南明区示例路1号", "贵州省遵义市红花岗区示例路2号", true},
		{"贵州省贵阳市南明区示例路1号", "贵阳市云岩区示例路2号", false},
		{"北京市朝阳区示例路1号", "北京市海淀区示例路2号", false},
		{"重庆市渝中区示例路1号", "重庆市城口县示例路2号", false},
		// cities that cannot be told: nothing is said
		{"河北省石家庄市长安区中山东路1号", "南山区示例路2号", false},
		{"河北省石家庄市长安区中山东路1号", "示例路2号", false},
		{"示例路1号", "河北省保定市竞秀区示例路2号", false},
		{"河北省石家庄市长安区中山东路1号", "", false},
	}
	for _, p := range provinces.All() {
		for _, nature := range beian.Natures() {
			for _, pr := range pairs {
				f := cleanFiling()
				f.Province = p.Code
				f.Subject.Nature = nature
				f.Subject.CertAddress, f.Subject.Address = pr.cert, pr.mail
				var want []string
				if pr.differ && nature.IsUnit() && (p.Code == "13" || p.Code == "41" || p.Code == "52") {
					want = []string{"subject.address ~ subject.cert_address error"}
				}
				var got []string
				for _, r := range run(t, rules.AddressCity, f) {
					s := string(r.Field) + " ~"
					for _, rel := range r.Related {
						s += " " + string(rel)
					}
					got = append(got, s+" "+r.Severity.String())
					assert.Equal(t, rules.CodeAddressCityMismatch, r.Code)
				}
				assert.Equal(t, want, got, "%s %s %q %q", p.Code, nature, pr.cert, pr.mail)
			}
		}
	}
}

// TestAddressCityArgs: the rejection names both cities.
func TestAddressCityArgs(t *testing.T) {
	f := cleanFiling()
	f.Province = "41"
	f.Subject.CertAddress, f.Subject.Address = "河南省郑州市金水区示例路1号", "河南省南阳市宛城区示例路2号"
	rs := run(t, rules.AddressCity, f)
	if assert.Len(t, rs, 1) {
		assert.Equal(t, "南阳市", argEN(rs[0], "city"))
		assert.Equal(t, "郑州市", argEN(rs[0], "cert_city"))
	}
}
