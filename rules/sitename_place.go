package rules

import (
	"unicode/utf8"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/names"
)

// personalPlaceNames returns the place names a personal site's normalised
// name uses (UCloud's and xinnet's naming rules: a personal name must not
// use 地点名称), and its idioms (names.PlaceAndIdiomWords reads both in one
// pass; see reportPersonalIdioms): the words of the name that name a
// province (广东, 内蒙古), or a city or province with its suffix typed
// (杭州市) or without it (杭州: 杭州市 is a division), any division typed
// with its suffix (朝阳区, 昆山市), and any place name of three or four
// characters (乌鲁木齐, 石家庄). The two-character short form of a
// district or county only (和平 of 和平区, 开发 of 开发区) is an ordinary
// word more often than a place, and is not counted; nor is one character.
// Two-character cities that are ordinary words too (东方, 朝阳) are
// counted: the rule reports them as a warning.
func personalPlaceNames(name string) (places, idioms []string) {
	words, idioms := names.PlaceAndIdiomWords(name)
	for _, w := range words {
		if cityOrProvince(w) {
			places = append(places, w)
		}
	}
	return places, idioms
}

func cityOrProvince(w string) bool {
	for _, p := range provinces.All() {
		if w == p.Short || w == p.Name {
			return true
		}
	}
	if utf8.RuneCountInString(w) >= 3 {
		return true // typed with its suffix, or a long name
	}
	return names.IsPlace(w+"市") || names.IsPlace(w+"省")
}

// reportPersonalIdioms reports each idiom (成语) a personal site's
// normalised name is read as (idioms, from personalPlaceNames: 一帆风顺,
// 画蛇添足) that no word already reported holds: UCloud's naming rule forbids idioms in a
// personal name, xinnet's does not, and the reading can be wrong, so it
// is SITE_NAME_PERSONAL_RESTRICTED as a warning, as a place name is.
func reportPersonalIdioms(pass *Pass, at func() beian.Path, idioms []string, reported func(string) bool) {
	for _, w := range idioms {
		if reported(w) {
			continue
		}
		pass.ReportAt(at(), CodeSiteNamePersonalRestricted, Warning,
			Loc("problem", "不宜使用成语「"+w+"」", "should not use the idiom "+w),
			personalRemedy(w))
	}
}
