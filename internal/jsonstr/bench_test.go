package jsonstr

import "testing"

// reportStrings are the strings the failing filing's report escapes as
// it is written (internal/bench's Failing/WriteJSON): field paths,
// arguments, labels, fixes and skipped reasons.
var reportStrings = []string{
	"documents", "主办者的承诺书", "主办者的承诺书", "subject", "subject.cert_number", "广东", "上海", "广东", "上海", "province",
	"subject.principal.email", "主体负责人电子邮箱", "主体负责人电子邮箱", "subject.principal.mobile", "主体负责人手机号码",
	"13660123456", "广东", "上海", "据旧资料上海管局要求本省号码，目前未经证实", "改用上海号段的号码", "province",
	"subject.principal.phone", "主体负责人办公电话", "0755-26888888", "广东", "上海", "据旧资料上海管局要求本省号码，目前未经证实",
	"改用上海号段的号码", "province", "websites[0].domains", "2", "websites[0].domains[1]", "www.shilikeji.net",
	"备案填写注册的主域名shilikeji.net，不带www、http://或路径", "填写注册的主域名，不带http://、www或路径，如example.cn",
	"websites[0].domains[1]", "shilikeji.net", "改为注册的主域名shilikeji.net", "websites[0].name", "网站名称", "中国", "中国",
	"websites[0].name", "网站名称", "博彩", "博彩", "websites[0].name", "网站名称", "含有不可见字符U+200B", "网站名称",
	"websites[0].name", "中国博彩资讯网", "删除不可见字符和无效字符", "websites[0].principal_same_as_subject",
	"未填写应急联系电话（主体负责人应急联系电话），无法检查", "未配置Registry（备案记录查询）",
	"网站域名「www.shilikeji.net」没有域名信息（domains），无法检查", "未配置Registry（备案记录查询）", "未配置Prober（网站访问检测）",
}

// BenchmarkAppendReport escapes the strings of the failing filing's
// report, as its encoder does.
func BenchmarkAppendReport(b *testing.B) {
	n := 0
	for _, s := range reportStrings {
		n += len(s)
	}
	b.SetBytes(int64(n))
	buf := make([]byte, 0, 4096)
	for b.Loop() {
		buf = buf[:0]
		for _, s := range reportStrings {
			buf, _ = AppendContent(buf, s)
		}
	}
}
