package address

import "testing"

// FuzzLocate: any string is read without a panic, into a Location whose
// levels agree: a county lies in its city, a city in its province.
func FuzzLocate(f *testing.F) {
	for _, s := range []string{"河北省石家庄市长安区中山东路1号", "北京市北京市东城区", "重庆市城口县", "河南省济源市", "南山区", "中国", "\xff河北"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		loc := Locate(s)
		if loc.County != 0 && (loc.City == 0 || loc.Province == 0) {
			t.Fatalf("%q: county without city or province: %+v", s, loc)
		}
		if loc.City != 0 && loc.City/10000*10000 != loc.Province {
			t.Fatalf("%q: city outside its province: %+v", s, loc)
		}
		if loc.County != 0 && loc.County/10000*10000 != loc.Province {
			t.Fatalf("%q: county outside its province: %+v", s, loc)
		}
		if loc.County != 0 && Name(loc.County) == "" || loc.City != 0 && Name(loc.City) == "" {
			t.Fatalf("%q: a code without a name: %+v", s, loc)
		}
	})
}
