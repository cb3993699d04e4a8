package provinces

import (
	"slices"
	"strings"
)

// FromAddress returns the province an address starts with (广东省深圳市…,
// 北京市朝阳区…, 内蒙古呼和浩特市…, 廣東省深圳市…, with or without a leading
// 中国), and false when it starts with none. Only full and short names
// count, in simplified or traditional characters, not abbreviations, so
// 吉安市 is not taken for 吉林.
func FromAddress(addr string) (Province, bool) {
	addr = strings.TrimSpace(addr)
	for _, country := range []string{"中华人民共和国", "中華人民共和國", "中国", "中國"} {
		if rest, ok := strings.CutPrefix(addr, country); ok {
			addr = strings.TrimSpace(rest)
			break
		}
	}
	// The longest name is 新疆维吾尔自治区, eight characters; try the
	// longest prefix first so that 内蒙古自治区 wins over a shorter match.
	var ends [9]int
	n := 0
	for i := range addr {
		if n == len(ends) {
			break
		}
		ends[n] = i
		n++
	}
	if n < len(ends) {
		ends[n] = len(addr)
		n++
	}
	for k := n - 1; k >= 2; k-- {
		prefix := addr[:ends[k]]
		if p, ok := Lookup(prefix); ok && (p.Name == prefix || p.Short == prefix || slices.Contains(traditional[codeIndex(p.Code)], prefix)) {
			return p, true
		}
	}
	return Province{}, false
}
