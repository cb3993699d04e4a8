package address

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/gentool"
)

// TestTablesCurrent fails when tables.go does not match the lexicon's
// places.txt.
func TestTablesCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

// place is one line of the lexicon's places.txt.
type place struct {
	code int
	name string
}

// readPlaces reads the mainland's divisions from the file the tables are
// made from, for expectations that do not go through the tables.
func readPlaces(t *testing.T) []place {
	f, err := os.Open("../names/internal/lexicon/data/places.txt")
	require.NoError(t, err)
	defer f.Close()
	var out []place
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, name, _ := strings.Cut(line, "\t")
		code, err := strconv.Atoi(c)
		require.NoError(t, err)
		if code < 710000 {
			out = append(out, place{code, name})
		}
	}
	require.NoError(t, sc.Err())
	return out
}

// wantCity is the city a division lies in, by GB/T 2260's numbering: a
// municipality's is xx0100, a county-level city the province governs
// directly (xx90xx) is its own, another county's is its code's first four
// digits.
func wantCity(code int) int {
	province := code / 10000 * 10000
	switch {
	case province == 110000 || province == 120000 || province == 310000 || province == 500000:
		return province + 100
	case code == province:
		return 0
	case code%100 == 0 || code/100%100 == 90:
		return code
	}
	return code / 100 * 100
}

// TestLocateEveryDivision: every city and every county of the mainland,
// written after its province (and the county after its city), with and
// without 中国, with spaces, the city by its short name: each is read with
// its province, its city and its county. A county is read after its
// province alone where no other county of the province has its name.
func TestLocateEveryDivision(t *testing.T) {
	places := readPlaces(t)
	byCode := map[int]string{}
	named := map[string]bool{}
	for _, p := range places {
		named[p.name] = true
	}
	countyNames := map[int]map[string]int{} // province → county name → how many
	for _, p := range places {
		byCode[p.code] = p.name
		if p.code%100 != 0 {
			prov := p.code / 10000 * 10000
			if countyNames[prov] == nil {
				countyNames[prov] = map[string]int{}
			}
			countyNames[prov][p.name]++
		}
	}
	n := 0
	for _, p := range places {
		prov := p.code / 10000 * 10000
		provName := byCode[prov]
		const street = "示例路1号"
		switch {
		case p.code == prov:
			continue
		case p.code%100 == 0: // a city (or a municipality's 市辖区/县)
			if p.code/100%100 == 90 {
				continue // 省直辖县: a grouping, not a place
			}
			want := Location{Province: prov, City: wantCity(p.code)}
			assert.Equal(t, p.name, Name(p.code))
			for _, addr := range []string{
				provName + p.name + street,
				"中国" + provName + p.name + street,
				provName + " " + p.name + " " + street,
			} {
				assert.Equal(t, want, Locate(addr), addr)
				n++
			}
		default: // a county
			want := Location{Province: prov, City: wantCity(p.code), County: p.code}
			assert.Equal(t, p.name, Name(p.code))
			city := p.code / 100 * 100
			// (秦皇岛市 + 经济技术开发区 is also the name of another
			// division, 秦皇岛市经济技术开发区, which is read first)
			if name, ok := byCode[city]; ok && p.code/100%100 != 90 && !named[name+p.name] {
				addr := provName + name + p.name + street
				assert.Equal(t, want, Locate(addr), addr)
				n++
			}
			if countyNames[prov][p.name] == 1 {
				addr := provName + p.name + street
				assert.Equal(t, want, Locate(addr), addr)
				n++
			}
		}
	}
	t.Logf("%d addresses", n)
	assert.Greater(t, n, 5000)
}

// TestLocate: addresses as people write them, and the ambiguous ones.
func TestLocate(t *testing.T) {
	for _, c := range []struct {
		addr string
		want Location
	}{
		{"河北省石家庄市长安区中山东路1号", Location{130000, 130100, 130102}},
		{"河北石家庄长安区中山东路1号", Location{130000, 130100, 130102}},
		{"石家庄市长安区中山东路1号", Location{130000, 130100, 130102}},
		{"河北省正定县示例路1号", Location{130000, 130100, 130123}},
		{"河南省郑州市金水区示例路1号", Location{410000, 410100, 410105}},
		{"河南省南阳市宛城区示例路1号", Location{410000, 411300, 411302}},
		{"河南省济源市示例路1号", Location{410000, 419001, 419001}},
		{"北京市朝阳区示例路1号", Location{110000, 110100, 110105}},
		{"北京朝阳区示例路1号", Location{110000, 110100, 110105}},
		{"重庆市城口县示例路1号", Location{500000, 500100, 500229}},
		{"重庆市渝中区示例路1号", Location{500000, 500100, 500103}},
		{"吉林省吉林市船营区示例路1号", Location{220000, 220200, 220204}},
		{"吉林市船营区示例路1号", Location{220000, 220200, 220204}},
		{"内蒙古呼和浩特市新城区示例路1号", Location{150000, 150100, 150102}},
		{"内蒙古自治区呼和浩特市示例路1号", Location{150000, 150100, 0}},
		{"广西壮族自治区南宁市示例路1号", Location{450000, 450100, 0}},
		{"贵州省贵阳市南明区示例路1号", Location{520000, 520100, 520102}},
		{"中华人民共和国广东省深圳市南山区科技园路1号", Location{440000, 440300, 440305}},
		{"  广东省　深圳市南山区 ", Location{440000, 440300, 440305}},
		// 南山区 is a district of Shenzhen and of Hegang: no city
		{"南山区科技园路1号", Location{}},
		// 朝阳区 of Beijing and of Changchun
		{"朝阳区示例路1号", Location{}},
		{"河北省", Location{130000, 0, 0}},
		{"", Location{}},
		{"示例路1号", Location{}},
		{"Hebei Shijiazhuang", Location{}},
	} {
		assert.Equal(t, c.want, Locate(c.addr), c.addr)
	}
}

// TestSameCity: one city or another, and unknown when either is.
func TestSameCity(t *testing.T) {
	for _, c := range []struct {
		a, b        string
		same, known bool
	}{
		{"河南省郑州市金水区示例路1号", "郑州市二七区示例路2号", true, true},
		{"河南省郑州市金水区示例路1号", "河南省南阳市宛城区示例路2号", false, true},
		{"河北省石家庄市长安区示例路1号", "河北省正定县示例路2号", true, true},
		{"重庆市城口县示例路1号", "重庆市渝中区示例路2号", true, true},
		{"河南省济源市示例路1号", "河南省焦作市示例路2号", false, true},
		{"河南省郑州市示例路1号", "示例路2号", false, false},
		{"南山区示例路1号", "广东省深圳市南山区示例路2号", false, false},
	} {
		same, known := SameCity(Locate(c.a), Locate(c.b))
		assert.Equal(t, c.same, same, "%s | %s", c.a, c.b)
		assert.Equal(t, c.known, known, "%s | %s", c.a, c.b)
	}
}

// TestName: codes of no division have no name.
func TestName(t *testing.T) {
	for _, code := range []int{0, -1, 130001, 710000, 999999, 1 << 40} {
		assert.Equal(t, "", Name(code), code)
	}
	assert.Equal(t, "北京市", Name(110000))
	assert.Equal(t, "新疆维吾尔自治区", Name(650000))
}
