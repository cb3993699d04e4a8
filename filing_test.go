package beian_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
)

func TestCloneIsDeep(t *testing.T) {
	f, err := beian.ParseFiling([]byte(sample))
	require.NoError(t, err)
	orig, err := beian.ParseFiling([]byte(sample))
	require.NoError(t, err)

	c := f.Clone()
	assert.Equal(t, f, c)
	c.Subject.Name = "x"
	c.Websites[0].Name = "x"
	c.Websites[0].Domains[0] = "x"
	c.Websites[0].ContentCategories[0] = "x"
	c.Websites[0].PreApprovals[0].Number = "x"
	c.Websites[0].Principal.Name = "x"
	c.Apps[0].Name = "x"
	c.Apps[0].Platforms[0].Package = "x"
	c.Apps[0].Platforms[0].Domains[0] = "x"
	c.Apps[0].ContentCategories[0] = "x"
	c.Apps[0].PreApprovals[0].Number = "x"
	c.Apps[0].Principal.EmergencyPhone = "x"
	c.Domains[0].HolderName = "x"
	c.Documents[0].Kind = "x"
	assert.Equal(t, orig, f, "changing the clone changed the original")
}

func TestCloneKeepsNilAndEmpty(t *testing.T) {
	f := &beian.Filing{Documents: nil, Domains: []beian.DomainRecord{}}
	c := f.Clone()
	assert.Nil(t, c.Documents)
	assert.NotNil(t, c.Domains)
}

func TestWebsitePrincipal(t *testing.T) {
	f := &beian.Filing{
		Subject:  beian.Subject{Principal: beian.Principal{Name: "张三"}},
		Websites: []beian.Website{{PrincipalSameAsSubject: true}, {Principal: &beian.Principal{Name: "李四"}}, {}},
	}
	assert.Equal(t, "张三", f.WebsitePrincipal(0).Name)
	assert.Equal(t, "李四", f.WebsitePrincipal(1).Name)
	assert.Nil(t, f.WebsitePrincipal(2))
}

func TestDomainRecordFor(t *testing.T) {
	f := &beian.Filing{Domains: []beian.DomainRecord{{Domain: "Example.CN."}, {Domain: "b.cn"}}}
	require.NotNil(t, f.DomainRecordFor("example.cn"))
	assert.Equal(t, "Example.CN.", f.DomainRecordFor("example.cn").Domain)
	assert.Equal(t, "b.cn", f.DomainRecordFor("B.cn").Domain)
	assert.Nil(t, f.DomainRecordFor("c.cn"))
}
