package rules

import (
	"strings"
	"sync"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/keyindex"
)

// FieldLabel returns the name of the field at path as a console shows it
// ("网站负责人手机号码", "website principal's mobile"). Array indexes do not
// change the label; a path outside the filing model is returned as is.
func FieldLabel(path beian.Path) Text {
	p := string(path)
	t := labelTable()
	var k int
	if strings.IndexByte(p, '[') < 0 {
		k = t.index.Find(p)
	} else {
		var buf [128]byte
		k = t.index.FindBytes(stripIndexes(buf[:0], p))
	}
	if k < 0 {
		return Text{p, p}
	}
	return t.texts[k]
}

type fieldLabel struct {
	path string // with indexes stripped: "websites[].name"
	Text
}

// labelTable indexes the paths of fieldLabels (see package keyindex: a
// report looks up a label for each field it names), built once.
var labelTable = sync.OnceValue(func() labels {
	ls := fieldLabels()
	paths, texts := make([]string, len(ls)), make([]Text, len(ls))
	for i, l := range ls {
		paths[i], texts[i] = l.path, l.Text
	}
	return labels{keyindex.New(paths), texts}
})

// labels is labelTable: the label of path i of the index is texts[i].
type labels struct {
	index *keyindex.Index
	texts []Text
}

// stripIndexes appends p to dst with the indexes left out:
// "websites[3].domains[0]" gives "websites[].domains[]". What is between
// a '[' and the next '[' or ']' is left out; the rest is copied a run at a
// time. TestStripIndexesAsBytes holds it to deciding byte by byte.
func stripIndexes(dst []byte, p string) []byte {
	for {
		i := strings.IndexByte(p, '[')
		if i < 0 {
			return append(dst, p...)
		}
		dst = append(dst, p[:i+1]...)
		p = p[i+1:]
		for p != "" && p[0] != '[' && p[0] != ']' {
			p = p[1:]
		}
	}
}

// fieldLabels lists the label of every field of the filing model;
// TestFieldLabelsComplete walks the model to keep it complete.
func fieldLabels() []fieldLabel {
	principal := func(prefix, zh, en string) []fieldLabel {
		return []fieldLabel{
			{prefix, Text{zh, en}},
			{prefix + ".name", Text{zh + "姓名", en + "'s name"}},
			{prefix + ".cert_type", Text{zh + "证件类型", en + "'s certificate type"}},
			{prefix + ".cert_number", Text{zh + "证件号码", en + "'s certificate number"}},
			{prefix + ".mobile", Text{zh + "手机号码", en + "'s mobile"}},
			{prefix + ".phone", Text{zh + "办公电话", en + "'s office phone"}},
			{prefix + ".email", Text{zh + "电子邮箱", en + "'s e-mail"}},
			{prefix + ".emergency_phone", Text{zh + "应急联系电话", en + "'s emergency phone"}},
			{prefix + ".is_legal_representative", Text{zh + "是否为法定代表人", en + " is the legal representative"}},
		}
	}
	labels := []fieldLabel{
		{"", Text{"备案信息", "the filing"}},
		{"filing_type", Text{"备案类型", "filing type"}},
		{"province", Text{"备案地域", "filing region"}},
		{"submitted_at", Text{"提交日期", "submission date"}},
		{"rejected_at", Text{"驳回日期", "rejection date"}},
		{"subject", Text{"主办者信息", "subject"}},
		{"subject.nature", Text{"主办单位性质", "subject nature"}},
		{"subject.name", Text{"主办单位名称", "subject name"}},
		{"subject.cert_type", Text{"主办单位证件类型", "subject certificate type"}},
		{"subject.cert_number", Text{"主办单位证件号码", "subject certificate number"}},
		{"subject.cert_address", Text{"证件住所", "certificate address"}},
		{"subject.address", Text{"通信地址", "mailing address"}},
		{"subject.cert_valid_until", Text{"证件有效期", "certificate validity"}},
		{"subject.residence_permit_province", Text{"居住证所在省份", "residence permit province"}},
		{"subject.legal_representative", Text{"法定代表人", "legal representative"}},
		{"subject.investor", Text{"投资者或上级主管单位", "investor or superior authority"}},
		{"subject.filed_websites", Text{"已备案的网站数", "number of websites filed before"}},
		{"subject.filed_apps", Text{"已备案的App数", "number of Apps filed before"}},
		{"subject.remark", Text{"主体备注", "subject remark"}},
		{"websites", Text{"网站信息", "websites"}},
		{"websites[]", Text{"网站", "website"}},
		{"websites[].name", Text{"网站名称", "website name"}},
		{"websites[].domains", Text{"网站域名", "website domains"}},
		{"websites[].domains[]", Text{"网站域名", "website domain"}},
		{"websites[].content_categories", Text{"网站服务内容", "website content"}},
		{"websites[].content_categories[]", Text{"网站服务内容", "website content"}},
		{"websites[].pre_approvals", Text{"前置审批", "pre-approvals"}},
		{"websites[].pre_approvals[]", Text{"前置审批", "pre-approval"}},
		{"websites[].pre_approvals[].category", Text{"前置审批类型", "pre-approval category"}},
		{"websites[].pre_approvals[].number", Text{"前置审批号", "pre-approval number"}},
		{"websites[].pre_approvals[].document", Text{"前置审批文件", "pre-approval document"}},
		{"websites[].principal_same_as_subject", Text{"同主体负责人", "same as subject principal"}},
		{"websites[].remark", Text{"网站备注", "website remark"}},
		{"apps", Text{"App信息", "apps"}},
		{"apps[]", Text{"应用", "app"}},
		{"apps[].type", Text{"App类型", "app type"}},
		{"apps[].name", Text{"App名称", "app name"}},
		{"apps[].platforms", Text{"运行平台", "platforms"}},
		{"apps[].platforms[]", Text{"运行平台", "platform"}},
		{"apps[].platforms[].platform", Text{"平台", "platform"}},
		{"apps[].platforms[].package", Text{"包名", "package name"}},
		{"apps[].platforms[].public_key", Text{"公钥", "public key"}},
		{"apps[].platforms[].signature", Text{"签名MD5值", "signature fingerprint"}},
		{"apps[].platforms[].domains", Text{"App域名", "app domains"}},
		{"apps[].platforms[].domains[]", Text{"App域名", "app domain"}},
		{"apps[].content_categories", Text{"App服务内容", "app content"}},
		{"apps[].content_categories[]", Text{"App服务内容", "app content"}},
		{"apps[].pre_approvals", Text{"前置审批", "pre-approvals"}},
		{"apps[].pre_approvals[]", Text{"前置审批", "pre-approval"}},
		{"apps[].pre_approvals[].category", Text{"前置审批类型", "pre-approval category"}},
		{"apps[].pre_approvals[].number", Text{"前置审批号", "pre-approval number"}},
		{"apps[].pre_approvals[].document", Text{"前置审批文件", "pre-approval document"}},
		{"apps[].principal_same_as_subject", Text{"同主体负责人", "same as subject principal"}},
		{"apps[].remark", Text{"App备注", "app remark"}},
		{"domains", Text{"域名信息", "domain records"}},
		{"domains[]", Text{"域名信息", "domain record"}},
		{"domains[].domain", Text{"域名", "domain"}},
		{"domains[].holder_name", Text{"域名持有者", "domain holder"}},
		{"domains[].holder_cert_type", Text{"域名持有者证件类型", "domain holder's certificate type"}},
		{"domains[].holder_cert_number", Text{"域名持有者证件号码", "domain holder's certificate number"}},
		{"domains[].registrar", Text{"域名注册商", "registrar"}},
		{"domains[].verified_at", Text{"实名认证日期", "real-name verification date"}},
		{"domains[].expires_at", Text{"域名到期日期", "domain expiry date"}},
		{"documents", Text{"上传材料", "documents"}},
		{"documents[]", Text{"材料", "document"}},
		{"documents[].kind", Text{"材料类型", "document kind"}},
		{"documents[].owner", Text{"材料所属", "document owner"}},
		{"documents[].format", Text{"文件格式", "file format"}},
		{"documents[].width", Text{"图片宽度", "image width"}},
		{"documents[].height", Text{"图片高度", "image height"}},
		{"documents[].size_bytes", Text{"文件大小", "file size"}},
		{"documents[].path", Text{"文件路径", "file path"}},
		{"icp_number", Text{"备案号", "filing number"}},
	}
	labels = append(labels, principal("subject.principal", "主体负责人", "subject principal")...)
	labels = append(labels, principal("websites[].principal", "网站负责人", "website principal")...)
	labels = append(labels, principal("apps[].principal", "App负责人", "app principal")...)
	return labels
}
