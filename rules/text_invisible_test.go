package rules_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/internal/ucd"
	"github.com/icpcheck/beian/rules"
)

// TestTextReportsEveryDefaultIgnorable puts each of Unicode's 4,174
// Default_Ignorable code points (from the data the normaliser's table is
// generated from), the line and paragraph separators, and a few other
// invisible characters into a site name: each is reported as TEXT_INVALID
// at the name, with its code point.
func TestTextReportsEveryDefaultIgnorable(t *testing.T) {
	invisible, err := ucd.File("internal/fold/data/ignorable.txt")
	require.NoError(t, err)
	require.Len(t, invisible, 4174)
	invisible = append(invisible, 0x2028, 0x2029, 0x2800, 0xFDD0, 0xFFFE, 0x10FFFF)
	for _, r := range invisible {
		fl := cleanFiling()
		fl.Websites[0].Name = "示例" + string(r) + "科技官网"
		rs := run(t, rules.TextFields, fl)
		if !assert.Len(t, rs, 1, "U+%04X", r) {
			continue
		}
		assert.Equal(t, rules.CodeTextInvalid, rs[0].Code)
		assert.Equal(t, "websites[0].name", string(rs[0].Field))
		assert.Contains(t, rs[0].Message(langEN), fmt.Sprintf("U+%04X", r))
		if c := rules.CleanText(fl); c.Websites[0].Name != "示例科技官网" {
			t.Errorf("U+%04X: cleaned name %q", r, c.Websites[0].Name)
		}
	}
}

func TestTextLineSeparators(t *testing.T) {
	for _, r := range []rune{0x2028, 0x2029} {
		fl := cleanFiling()
		fl.Websites[0].Remark = "第一行" + string(r) + "第二行"
		rs := run(t, rules.TextFields, fl)
		require.Len(t, rs, 1)
		assert.Equal(t, "websites[0].remark", string(rs[0].Field))
		assert.Contains(t, rs[0].Message(langEN), "line or paragraph separator")
	}
}
