package rules

import (
	"slices"
	"strings"

	"github.com/icpcheck/beian/provinces"
)

// A Profile holds where one provider's console differs from the others
// in what it accepts, each value a fact with its source (from
// rules/data/profiles.csv). A value no source gives for the provider is
// the default's, the strictest sourced value, marked uncertain.
type Profile struct {
	// Name is the provider: "tencent", "aliyun", "huawei", or "" for the
	// default.
	Name string
	// AppDomainMaxLevel is the deepest App domain the console takes,
	// counting the registered domain as level 1 (api.example.cn is level
	// 2).
	AppDomainMaxLevel provinces.Fact[int]
	// VerificationWaitDays is the working days a domain's real-name
	// verification needs before a filing may use it.
	VerificationWaitDays provinces.Fact[int]
	// EmergencyDistinct says the emergency phone must differ from every
	// principal's mobile.
	EmergencyDistinct provinces.Fact[bool]
	// FilesMiniPrograms says the console files mini-programs and quick
	// apps itself (no provider with a source does: they are filed on their
	// platform). No rule reads it; a console routes them by it.
	FilesMiniPrograms provinces.Fact[bool]
	// PersonalWebsitesPerOrder is how many websites the console takes in
	// one order of a personal filing; 0 when no limit is known.
	PersonalWebsitesPerOrder provinces.Fact[int]
	// UnitWebsitesPerOrder is how many websites the console takes in one
	// order of a unit's filing; 0 when no limit is known.
	UnitWebsitesPerOrder provinces.Fact[int]
	// ResubmissionWindowDays is the natural days a rejected order may
	// wait before its resubmission (Tencent: 45, after which the order
	// expires); 0 when no limit is known.
	ResubmissionWindowDays provinces.Fact[int]

	known bool // loaded from the data file
}

// UnknownProfile returns the profile a validator holds for a provider name
// that has none: the default's facts under that name, which the apps rule
// reports as CHECK_UNAVAILABLE.
func UnknownProfile(name string) *Profile {
	p := loadProfiles().def
	p.Name, p.known = name, false
	return &p
}

// ProfileNames returns the providers with a profile, sorted.
func ProfileNames() []string { return slices.Clone(loadProfiles().names) }

// ProfileNamed returns the profile of a provider ("tencent", "aliyun",
// "huawei"; "" for the default) and whether there is one. The name is
// read in any case, spaces around it ignored ("Huawei", " TENCENT "), as a
// console passes its display name.
func ProfileNamed(name string) (Profile, bool) {
	ps := loadProfiles()
	name = ProfileKey(name)
	if name == "" {
		return ps.def, true
	}
	if i := slices.Index(ps.names, name); i >= 0 {
		return ps.byName[i], true
	}
	return Profile{}, false
}

// ProfileKey returns name as the profiles are named ([ProfileNames]):
// lower case, without the spaces around it.
func ProfileKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// ProfileOf returns c's profile: the default when c or its Profile is nil.
func (c *Config) ProfileOf() *Profile {
	if c == nil || c.Profile == nil {
		return &loadProfiles().def
	}
	return c.Profile
}

// A profileSet is data/profiles.csv compiled (profiles_table.go, which
// go generate writes): the default and each provider's profile.
type profileSet struct {
	def    Profile
	byName []Profile // in the order of names
	names  []string
}

// loadProfiles returns the profiles compiled from data/profiles.csv.
func loadProfiles() *profileSet { return &profileTable }
