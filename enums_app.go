package beian

import "golang.org/x/text/language"

// An AppType says what an App of a filing is. The zero value is unset.
type AppType string

// The App types of the wire format.
const (
	AppNative      AppType = "app"          // App: installed on a phone or other device
	AppMiniProgram AppType = "mini_program" // 小程序: runs inside a platform's App without installation
	AppQuickApp    AppType = "quick_app"    // 快应用: the phone makers' install-free apps
)

var appTypes = []enumEntry[AppType]{
	{AppNative, "App", "App", []string{"APP应用服务", "应用"}},
	{AppMiniProgram, "小程序", "mini-program", []string{"miniprogram", "mini program"}},
	{AppQuickApp, "快应用", "quick app", []string{"quickapp"}},
}

// ParseAppType returns the App type named by s: a wire name such as
// "mini_program" or its Chinese label such as 小程序.
func ParseAppType(s string) (AppType, error) { return parseEnum(appTypes, "app type", s) }

// Valid reports whether t is one of the declared App types.
func (t AppType) Valid() bool {
	switch t { // the values of appTypes, held to it by TestValidAsTable
	case AppNative, AppMiniProgram, AppQuickApp:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (t AppType) Label(lang language.Tag) string { return labelEnum(appTypes, t, lang) }

// UnmarshalText parses a wire name or label; see [ParseAppType].
func (t *AppType) UnmarshalText(b []byte) error { return unmarshalEnum(appTypes, "app type", t, b) }

// AppTypes returns every declared App type, in wire-format order.
func AppTypes() []AppType { return enumValues(appTypes) }

// A Platform is where an App runs (运行平台): an operating system for a
// native App, the hosting platform for a mini-program or quick app. The
// zero value is unset.
type Platform string

// The platforms of the wire format.
const (
	PlatformAndroid   Platform = "android"   // Android
	PlatformIOS       Platform = "ios"       // iOS
	PlatformHarmonyOS Platform = "harmonyos" // HarmonyOS (鸿蒙)
	PlatformWeChat    Platform = "wechat"    // 微信
	PlatformAlipay    Platform = "alipay"    // 支付宝
	PlatformBaidu     Platform = "baidu"     // 百度
	PlatformDouyin    Platform = "douyin"    // 抖音
	PlatformQQ        Platform = "qq"        // QQ
	PlatformOther     Platform = "other"     // 其他
)

var platforms = []enumEntry[Platform]{
	{PlatformAndroid, "安卓", "Android", []string{"Android"}},
	{PlatformIOS, "iOS", "iOS", []string{"苹果"}},
	{PlatformHarmonyOS, "鸿蒙", "HarmonyOS", []string{"harmony", "HarmonyOS NEXT"}},
	{PlatformWeChat, "微信", "WeChat", []string{"weixin"}},
	{PlatformAlipay, "支付宝", "Alipay", nil},
	{PlatformBaidu, "百度", "Baidu", nil},
	{PlatformDouyin, "抖音", "Douyin", []string{"toutiao", "字节跳动"}},
	{PlatformQQ, "QQ", "QQ", nil},
	{PlatformOther, "其他", "other", nil},
}

// ParsePlatform returns the platform named by s: a wire name such as
// "harmonyos" or its Chinese label such as 鸿蒙.
func ParsePlatform(s string) (Platform, error) { return parseEnum(platforms, "platform", s) }

// Valid reports whether p is one of the declared platforms.
func (p Platform) Valid() bool {
	switch p { // the values of platforms, held to it by TestValidAsTable
	case PlatformAndroid, PlatformIOS, PlatformHarmonyOS, PlatformWeChat, PlatformAlipay, PlatformBaidu, PlatformDouyin, PlatformQQ, PlatformOther:
		return true
	}
	return false
}

// Label returns the name users see, in Chinese (zh) or English.
func (p Platform) Label(lang language.Tag) string { return labelEnum(platforms, p, lang) }

// UnmarshalText parses a wire name or label; see [ParsePlatform].
func (p *Platform) UnmarshalText(b []byte) error { return unmarshalEnum(platforms, "platform", p, b) }

// Platforms returns every declared platform, in wire-format order.
func Platforms() []Platform { return enumValues(platforms) }

// PlatformsFor returns the platforms an App of type t may list: operating
// systems for a native App, hosting platforms for a mini-program or a
// quick app ("other" for both); nil for an unknown type.
func PlatformsFor(t AppType) []Platform {
	switch t {
	case AppNative:
		return []Platform{PlatformAndroid, PlatformIOS, PlatformHarmonyOS, PlatformOther}
	case AppMiniProgram, AppQuickApp:
		return []Platform{PlatformWeChat, PlatformAlipay, PlatformBaidu, PlatformDouyin, PlatformQQ, PlatformOther}
	}
	return nil
}

// For reports whether an App of type t may run on p.
func (p Platform) For(t AppType) bool {
	for _, q := range PlatformsFor(t) {
		if p == q {
			return true
		}
	}
	return false
}

// IsHosted reports whether t runs inside another platform's App (a
// mini-program or a quick app): such Apps have no public key, signature,
// domains or access block of their own in the filing.
func (t AppType) IsHosted() bool { return t == AppMiniProgram || t == AppQuickApp }
