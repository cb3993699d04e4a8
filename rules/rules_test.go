package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/rules"
)

func TestCheckAll(t *testing.T) {
	require.NoError(t, rules.Check(rules.All()))
}

func TestCheckFindsMistakes(t *testing.T) {
	run := func(*rules.Pass) error { return nil }
	bad := []*rules.Rule{
		{Name: "Bad-Name", Doc: "a check", Codes: []rules.Code{rules.CodeFieldRequired}, Run: run},
		{Name: "nodoc", Codes: []rules.Code{rules.CodeFieldRequired}, Run: run},
		{Name: "caps", Doc: "Checks things.", Codes: []rules.Code{rules.CodeFieldRequired}, Run: run},
		{Name: "norun", Doc: "a check", Codes: []rules.Code{rules.CodeFieldRequired}},
		{Name: "nocodes", Doc: "a check", Run: run},
		{Name: "undeclared", Doc: "a check", Codes: []rules.Code{"NO_SUCH_CODE"}, Run: run},
	}
	for _, r := range bad {
		assert.Error(t, rules.Check([]*rules.Rule{r}), r.Name)
	}
	dup := &rules.Rule{Name: "dup", Doc: "a check", Codes: []rules.Code{rules.CodeFieldRequired}, Run: run}
	assert.Error(t, rules.Check([]*rules.Rule{dup, dup}))
}

// TestCodesDeclared holds the constants of codes.go and the descriptions
// of messages.go to each other, go/types style: every constant is
// described once, in the same order, its Go name is "Code" plus the wire
// name in camel case, its doc comment names it and the rule that reports
// it, and every description has its texts in both languages.
func TestCodesDeclared(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "codes.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var consts []rules.Code
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			name := vs.Names[0].Name
			value, err := strconv.Unquote(vs.Values[0].(*ast.BasicLit).Value)
			require.NoError(t, err)
			consts = append(consts, rules.Code(value))
			assert.Equal(t, goName(value), name, "Go name of %s", value)
			doc := vs.Doc.Text()
			assert.True(t, strings.HasPrefix(doc, name+": "), "doc of %s must start with %q", name, name+": ")
			assert.Regexp(t, `(?s)(Rule\s+"[a-z]+"|the\s+engine)`, doc, "doc of %s must name its rule", name)
		}
	}
	assert.Equal(t, consts, rules.Codes(), "codes.go and messages.go list different codes")

	for _, c := range rules.Codes() {
		d, ok := rules.Describe(c)
		require.True(t, ok)
		assert.Contains(t, []rules.Severity{rules.Notice, rules.Warning, rules.Error}, d.Severity, c)
		assert.NotEmpty(t, d.Reason, c)
		for _, s := range []string{d.Message.ZH, d.Message.EN, d.Remedy.ZH, d.Remedy.EN} {
			assert.NotEmpty(t, s, c)
			assert.False(t, strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。"), "%s: %q ends with a full stop", c, s)
		}
		assert.Equal(t, placeholders(d.Message.ZH), placeholders(d.Message.EN), "%s: message placeholders differ between languages", c)
		assert.Equal(t, placeholders(d.Remedy.ZH), placeholders(d.Remedy.EN), "%s: remedy placeholders differ between languages", c)
		assert.True(t, containsHan(d.Message.ZH+d.Remedy.ZH), "%s: Chinese texts have no Chinese", c)
	}
	_, ok := rules.Describe("NO_SUCH_CODE")
	assert.False(t, ok)
}

// goName turns "SITE_NAME_IS_DOMAIN" into "CodeSiteNameIsDomain", keeping
// the initialisms Go spells in capitals.
func goName(wire string) string {
	initialisms := map[string]string{"TLD": "TLD", "MIIT": "MIIT", "ICP": "ICP"}
	var b strings.Builder
	b.WriteString("Code")
	for _, w := range strings.Split(wire, "_") {
		if s, ok := initialisms[w]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteString(w[:1] + strings.ToLower(w[1:]))
	}
	return b.String()
}

var placeholderRE = regexp.MustCompile(`\{([a-z_]+)\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// TestEveryCodeReported checks that each declared code is reported by a
// rule of All or by the engine (CHECK_UNAVAILABLE).
func TestEveryCodeReported(t *testing.T) {
	reported := map[rules.Code]string{rules.CodeCheckUnavailable: "the engine"}
	for _, r := range rules.All() {
		for _, c := range r.Codes {
			reported[c] = r.Name
		}
	}
	for _, c := range rules.Codes() {
		if _, ok := reported[c]; !ok {
			t.Errorf("%s is reported by no rule", c)
		}
	}
}

// TestFieldLabelsComplete walks the filing model and asks for the label of
// every field: none may fall back to its path.
func TestFieldLabelsComplete(t *testing.T) {
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[beian.Date]() {
			return
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			p := name
			if prefix != "" {
				p = prefix + "." + name
			}
			label := rules.FieldLabel(beian.Path(p))
			assert.True(t, containsHan(label.ZH), "no label for %s", p)
			ft := f.Type
			if ft.Kind() == reflect.Slice {
				ip := beian.Path(p).Index(3)
				assert.True(t, containsHan(rules.FieldLabel(ip).ZH), "no label for %s", ip)
				walk(string(ip), ft.Elem())
				continue
			}
			walk(p, ft)
		}
	}
	walk("", reflect.TypeFor[beian.Filing]())
	assert.Equal(t, "网站负责人手机号码", rules.FieldLabel("websites[12].principal.mobile").ZH)
	assert.Equal(t, "no.such.field", rules.FieldLabel("no.such.field").EN)
}

func TestRejectionText(t *testing.T) {
	r := rules.Rejection{Code: rules.CodeSiteNameSensitive, Severity: rules.Error, Field: "websites[0].name", Args: []rules.Arg{rules.Str("word", "赌博")}}
	assert.Equal(t, "网站名称含有敏感词「赌博」", r.Message(language.SimplifiedChinese))
	assert.Equal(t, "The website name contains the sensitive word 赌博", r.Message(language.English))
	assert.Equal(t, "删除或替换「赌博」", r.Remedy(language.Chinese))
	assert.Equal(t, "websites[0].name: SITE_NAME_SENSITIVE: The website name contains the sensitive word 赌博", r.Error())

	// {field} comes from the path; a missing argument stays visible.
	r = rules.Rejection{Code: rules.CodeFieldRequired, Field: "subject.principal.mobile"}
	assert.Equal(t, "主体负责人手机号码未填写", r.Message(language.Chinese))
	assert.Equal(t, "Subject principal's mobile is missing", r.Message(language.English), "English sentences start with a capital")
	r = rules.Rejection{Code: rules.CodeSiteNameSensitive, Field: "websites[0].name"}
	assert.Equal(t, "The website name contains the sensitive word {word}", r.Message(language.English))

	assert.Equal(t, "赌博", rules.Loc("w", "赌博", "gambling").Value.In(language.Chinese))
	assert.Equal(t, "gambling", rules.Loc("w", "赌博", "gambling").Value.In(language.French))
	assert.Equal(t, "45", rules.Int("days", 45).Value.ZH)
}

func TestSeverityText(t *testing.T) {
	for _, s := range []rules.Severity{rules.Notice, rules.Warning, rules.Error} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back rules.Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	_, err := rules.Severity(0).MarshalText()
	assert.Error(t, err)
	var s rules.Severity
	assert.Error(t, s.UnmarshalText([]byte("fatal")))
	assert.True(t, rules.Error > rules.Warning && rules.Warning > rules.Notice)
}

// TestDocsCurrent keeps ruledocs.go and the catalogue in doc.go equal to
// the rules' doc comments; go generate ./rules rewrites them.
func TestDocsCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

// TestOptionalPlaceholder: an optional placeholder ({?reading}) renders as
// nothing without its argument and as the argument with it; a required one
// would show as the placeholder.
func TestOptionalPlaceholder(t *testing.T) {
	plain := rules.Rejection{Code: rules.CodeSiteNameSensitive, Field: "websites[0].name", Args: []rules.Arg{rules.Str("word", "色情")}}
	read := plain
	read.Args = append(read.Args, rules.Loc("reading", "甲", "A"))
	for _, tag := range []language.Tag{language.Chinese, language.English} {
		assert.NotContains(t, plain.Message(tag), "{", tag)
		assert.NotContains(t, read.Message(tag), "{", tag)
		assert.Equal(t, utf8.RuneCountInString(plain.Message(tag))+1, utf8.RuneCountInString(read.Message(tag)), "the argument is added where the placeholder is (%s)", tag)
	}
}
