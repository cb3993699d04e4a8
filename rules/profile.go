package rules

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

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

//go:embed data/profiles.csv
var profilesCSV string

// ProfileNames returns the providers with a profile, sorted.
func ProfileNames() []string { return slices.Clone(loadProfiles().names) }

// ProfileNamed returns the profile of a provider ("tencent", "aliyun",
// "huawei"; "" for the default) and whether there is one.
func ProfileNamed(name string) (Profile, bool) {
	ps := loadProfiles()
	if name == "" {
		return ps.def, true
	}
	p, ok := ps.byName[name]
	return p, ok
}

// ProfileOf returns c's profile: the default when c or its Profile is nil.
func (c *Config) ProfileOf() *Profile {
	if c == nil || c.Profile == nil {
		return &loadProfiles().def
	}
	return c.Profile
}

type profileSet struct {
	def    Profile
	byName map[string]Profile
	names  []string
}

// profileProviders are the providers a profile can be selected for.
var profileProviders = []string{"aliyun", "huawei", "tencent"}

var loadProfiles = sync.OnceValue(func() *profileSet {
	ps, err := parseProfiles(profilesCSV)
	if err != nil {
		panic("rules: data/profiles.csv: " + err.Error()) // TestProfiles holds the file well formed
	}
	return ps
})

func parseProfiles(text string) (*profileSet, error) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, "#") && strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "profile,fact,value,confidence,source" {
		return nil, fmt.Errorf("no header")
	}
	rows := map[string]map[string][]string{}
	for _, r := range recs[1:] {
		if r[0] != "*" && !slices.Contains(profileProviders, r[0]) {
			return nil, fmt.Errorf("unknown profile %q", r[0])
		}
		if rows[r[0]] == nil {
			rows[r[0]] = map[string][]string{}
		}
		rows[r[0]][r[1]] = r
	}
	build := func(name string) (Profile, error) {
		p := Profile{Name: name}
		get := func(fact string) (value, conf, source string, err error) {
			if r, ok := rows[name][fact]; ok && name != "*" {
				return r[2], r[3], r[4], nil
			}
			r, ok := rows["*"][fact]
			if !ok {
				return "", "", "", fmt.Errorf("no default for %s", fact)
			}
			if name != "*" {
				// Inherited: the strictest sourced value, uncertain for
				// this provider.
				return r[2], "LOW", r[4] + " (no page found for " + name + ": the strictest sourced value)", nil
			}
			return r[2], r[3], r[4], nil
		}
		certain := func(conf string) bool { return conf == "HIGH" || conf == "MED" }
		intFact := func(fact string, dst *provinces.Fact[int]) error {
			v, c, s, err := get(fact)
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%s: %v", fact, err)
			}
			*dst = provinces.Fact[int]{Value: n, Certain: certain(c), Source: s}
			return nil
		}
		boolFact := func(fact string, dst *provinces.Fact[bool]) error {
			v, c, s, err := get(fact)
			if err != nil {
				return err
			}
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("%s: %v", fact, err)
			}
			*dst = provinces.Fact[bool]{Value: b, Certain: certain(c), Source: s}
			return nil
		}
		for _, err := range []error{
			intFact("app_domain_max_level", &p.AppDomainMaxLevel),
			intFact("verification_wait_days", &p.VerificationWaitDays),
			boolFact("emergency_distinct", &p.EmergencyDistinct),
			boolFact("files_mini_programs", &p.FilesMiniPrograms),
		} {
			if err != nil {
				return p, err
			}
		}
		if name == "*" {
			p.Name = ""
		}
		p.known = true
		return p, nil
	}
	ps := &profileSet{byName: map[string]Profile{}, names: profileProviders}
	var err2 error
	if ps.def, err2 = build("*"); err2 != nil {
		return nil, err2
	}
	for _, n := range profileProviders {
		p, err := build(n)
		if err != nil {
			return nil, err
		}
		ps.byName[n] = p
	}
	return ps, nil
}
