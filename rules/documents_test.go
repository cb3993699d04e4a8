package rules_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/testimage"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/scan"
)

// doc returns a declared, acceptable document of kind for owner.
func doc(kind beian.DocumentKind, owner string) beian.Document {
	return beian.Document{Kind: kind, Owner: owner, Format: "jpeg", Width: 1600, Height: 1200, SizeBytes: 350_000}
}

// unitDocs are the documents every unit filing uploads.
func unitDocs() []beian.Document {
	return []beian.Document{doc(beian.DocSubjectCert, "subject"), doc(beian.DocPrincipalCert, "subject.principal")}
}

// sitePrincipal is 李四, an employee who is not the legal representative.
func sitePrincipal() *beian.Principal {
	return &beian.Principal{Name: "李四", CertType: beian.CertIDCard, CertNumber: "440304199203154320",
		Mobile: "13760123456", Email: "lisi@shilikeji.cn"}
}

// missing returns the (kind owner) pairs of the DOCUMENT_MISSING
// rejections, with the severity.
func missing(rs []rules.Rejection) []string {
	var out []string
	for _, r := range rs {
		if r.Code != rules.CodeDocumentMissing {
			continue
		}
		if r.Field != "documents" || len(r.Related) != 1 {
			panic("DOCUMENT_MISSING without the documents field and one owner")
		}
		out = append(out, string(r.Related[0])+" "+argEN(r, "kind")+" "+r.Severity.String())
	}
	slices.Sort(out)
	return out
}

func argEN(r rules.Rejection, name string) string {
	for _, a := range r.Args {
		if a.Name == name {
			return a.Value.EN
		}
	}
	return ""
}

func TestDocumentRequirementsTable(t *testing.T) {
	reqs := rules.DocumentRequirements()
	require.NotEmpty(t, reqs)
	kinds := map[beian.DocumentKind]bool{}
	for _, q := range reqs {
		assert.True(t, q.Kind.Valid(), "%+v", q)
		assert.NotEmpty(t, q.Source, "%+v", q)
		for _, c := range q.Provinces {
			_, ok := provinces.ByCode(c)
			assert.True(t, ok, "%s: province %q", q.Kind, c)
		}
		assert.Contains(t, []string{"", "crossprovince", "principal"}, q.By)
		kinds[q.Kind] = true
	}
	// every kind a reviewer asks for appears, except the ones no source requires of every filing
	for _, k := range beian.DocumentKinds() {
		assert.True(t, kinds[k], "no requirement for %s", k)
	}
	reqs[0].Provinces = append(reqs[0].Provinces, "99")
	assert.NotContains(t, rules.DocumentRequirements()[0].Provinces, "99", "the table is the caller's copy")
}

func TestDocumentsSkippedWhenNotUploaded(t *testing.T) {
	f := cleanFiling()
	require.Nil(t, f.Documents)
	pass := rules.NewPass(context.Background(), f, rules.CleanText(f), &rules.Config{Policies: provinces.DefaultPolicies()}, today)
	pass.Rule = rules.Documents
	require.NoError(t, rules.Documents.Run(pass))
	assert.Empty(t, pass.Rejections())
	var skipped []rules.Code
	for _, s := range pass.Skipped() {
		skipped = append(skipped, s.Code)
	}
	assert.ElementsMatch(t, []rules.Code{rules.CodeDocumentMissing, rules.CodeDocumentUnclear}, skipped)
}

// TestDocumentsByProvince runs a unit filing whose website principal is
// the subject's, with the documents every unit uploads, through every
// province: the province's own documents are asked for there and only
// there.
func TestDocumentsByProvince(t *testing.T) {
	extra := map[string][]string{
		"44": {"subject commitment_letter error"},
		"41": {"subject commitment_letter error"},
		"31": {"subject commitment_letter error"},
		"63": {"subject verification_form error", "websites[0].principal photo error"},
	}
	for _, p := range provinces.All() {
		f := cleanFiling()
		f.Province = p.Code
		f.Documents = unitDocs()
		assert.Equal(t, extra[p.Code], missing(run(t, rules.Documents, f)), p.Name)
	}
	// Qinghai's photo of a linked website principal may be the subject principal's
	f := cleanFiling()
	f.Province = "63"
	f.Documents = append(unitDocs(), doc(beian.DocVerificationForm, "subject"), doc(beian.DocPhoto, "subject.principal"))
	assert.Empty(t, missing(run(t, rules.Documents, f)))
}

func TestDocumentsMissing(t *testing.T) {
	withSite := func(f *beian.Filing) {
		f.Websites[0].PrincipalSameAsSubject = false
		f.Websites[0].Principal = sitePrincipal()
	}
	tests := []struct {
		name   string
		modify func(*beian.Filing)
		want   []string
	}{
		{"nothing uploaded", func(f *beian.Filing) { f.Documents = []beian.Document{} }, []string{
			"subject commitment_letter error",
			"subject subject_cert error",
			"subject.principal principal_cert error",
		}},
		{"all there", nil, nil},
		{"owner with spaces", func(f *beian.Filing) { f.Documents[1].Owner = " subject . principal " }, nil},
		{"subject certificate with an empty owner", func(f *beian.Filing) { f.Documents[0].Owner = "" }, nil},
		{"certificate of the wrong owner", func(f *beian.Filing) { f.Documents[1].Owner = "subject" }, []string{
			"subject.principal principal_cert error",
		}},
		{"own website principal", withSite, []string{
			"websites[0].principal site_principal_cert error",
		}},
		{"own website principal, certificate given for the website", func(f *beian.Filing) {
			withSite(f)
			f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, "websites[0]"))
		}, nil},
		{"website principal typed again but the same person", func(f *beian.Filing) {
			f.Websites[0].PrincipalSameAsSubject = false
			p := f.Subject.Principal
			f.Websites[0].Principal = &p
		}, nil},
		{"own website principal in Shanghai needs a letter", func(f *beian.Filing) {
			withSite(f)
			f.Province = "31"
			f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, "websites[0].principal"), doc(beian.DocCommitmentLetter, "subject"))
		}, []string{"websites[0].principal authorization_letter error"}},
		{"own website principal in Gansu: letter uncertain", func(f *beian.Filing) {
			withSite(f)
			f.Province = "62"
			f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, "websites[0].principal"))
		}, []string{"websites[0].principal authorization_letter warning"}},
		{"website principal who is the legal representative needs no letter", func(f *beian.Filing) {
			withSite(f)
			f.Province = "31"
			f.Websites[0].Principal.IsLegalRepresentative = true
			f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, "websites[0].principal"), doc(beian.DocCommitmentLetter, "subject"))
		}, nil},
		{"pre-approval document said uploaded", func(f *beian.Filing) {
			f.Websites[0].ContentCategories = []beian.ContentCategory{beian.ContentNews}
			f.Websites[0].PreApprovals = []beian.PreApproval{{Category: beian.ContentNews, Number: "10120170001", Document: true}}
		}, []string{"websites[0] pre_approval error"}},
		{"pre-approval document uploaded as the subject's, one website", func(f *beian.Filing) {
			f.Websites[0].ContentCategories = []beian.ContentCategory{beian.ContentNews}
			f.Websites[0].PreApprovals = []beian.PreApproval{{Category: beian.ContentNews, Number: "10120170001", Document: true}}
			f.Documents = append(f.Documents, doc(beian.DocPreApproval, "subject"))
		}, nil},
		{"pre-approval document uploaded as the subject's, two websites: whose is it", func(f *beian.Filing) {
			f.Websites[0].ContentCategories = []beian.ContentCategory{beian.ContentNews}
			f.Websites[0].PreApprovals = []beian.PreApproval{{Category: beian.ContentNews, Number: "10120170001", Document: true}}
			f.Websites = append(f.Websites, beian.Website{Name: "示例科技商城", Domains: []string{"shilikeji.com"}, PrincipalSameAsSubject: true})
			f.Documents = append(f.Documents, doc(beian.DocPreApproval, "subject"))
		}, []string{"websites[0] pre_approval error"}},
		{"pre-approval document not uploaded: the content rule says so", func(f *beian.Filing) {
			f.Websites[0].PreApprovals = []beian.PreApproval{{Category: beian.ContentNews, Number: "10120170001"}}
		}, nil},
		{"domain held by the legal representative", func(f *beian.Filing) {
			f.Domains[0].HolderName = "张三"
		}, []string{"domains[0] domain_holder_proof error"}},
		{"domain held by the legal representative, proof given for the website", func(f *beian.Filing) {
			f.Domains[0].HolderName = "张三"
			f.Documents = append(f.Documents, doc(beian.DocDomainHolderProof, "websites[0]"))
		}, nil},
		{"domain held by the legal representative where only the unit may hold it", func(f *beian.Filing) {
			f.Province = "64" // the domain rule reports the holder
			f.Domains[0].HolderName = "张三"
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cleanFiling()
			f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
			if tt.modify != nil {
				tt.modify(f)
			}
			assert.Equal(t, tt.want, missing(run(t, rules.Documents, f)))
			// The same documents repeated past the few the rule scans,
			// which it then looks for in a set: the same missing.
			if n := len(f.Documents); n > 0 {
				f.Documents = slices.Repeat(f.Documents, 16/n+1)
				assert.Equal(t, tt.want, missing(run(t, rules.Documents, f)), "%d documents", len(f.Documents))
			}
		})
	}
}

func personFiling(province, id string) *beian.Filing {
	f := cleanFiling()
	f.Province = province
	f.Subject = beian.Subject{
		Nature: beian.NaturePersonal, Name: "王五", CertType: beian.CertIDCard, CertNumber: id,
		Principal: beian.Principal{Name: "王五", CertType: beian.CertIDCard, CertNumber: id, Mobile: "13800138000", Email: "wangwu@example.cn"},
	}
	f.Websites[0].Name = "王五的读书笔记"
	f.Domains = nil
	return f
}

func TestDocumentsPersonal(t *testing.T) {
	tests := []struct {
		name string
		f    *beian.Filing
		docs []beian.Document
		want []string
	}{
		{"Beijing, ID card as the subject certificate", personFiling("11", "110101199003074565"), []beian.Document{doc(beian.DocSubjectCert, "subject")}, nil},
		{"Beijing, ID card uploaded as the principal's", personFiling("11", "110101199003074565"), []beian.Document{doc(beian.DocPrincipalCert, "subject")}, nil},
		{"Beijing, ID card uploaded as the subject principal's", personFiling("11", "110101199003074565"), []beian.Document{doc(beian.DocPrincipalCert, "subject.principal")}, nil},
		{"Beijing, nothing", personFiling("11", "110101199003074565"), []beian.Document{}, []string{"subject subject_cert error"}},
		{"Henan asks a commitment letter of persons too", personFiling("41", "410105198807081236"), []beian.Document{doc(beian.DocSubjectCert, "subject")},
			[]string{"subject commitment_letter error"}},
		{"Shanghai asks it of units only", personFiling("31", "310101199003074561"), []beian.Document{doc(beian.DocSubjectCert, "subject")}, nil},
		{"Qinghai's photo of a person may be the subject's", personFiling("63", "630102198504123453"),
			[]beian.Document{doc(beian.DocSubjectCert, "subject"), doc(beian.DocVerificationForm, "subject"), doc(beian.DocPhoto, "subject")}, nil},
	}
	for _, tt := range tests {
		tt.f.Documents = tt.docs
		assert.Equal(t, tt.want, missing(run(t, rules.Documents, tt.f)), tt.name)
	}
}

// TestDocumentsLeftToOtherRules: the requirements marked "by" another
// rule are reported by it, under its code, and not twice.
func TestDocumentsLeftToOtherRules(t *testing.T) {
	// a unit principal who is not the legal representative, in Jilin (letter accepted)
	f := cleanFiling()
	f.Province = "22"
	f.Subject.CertNumber = "91220101MA0Y12345X"
	f.Subject.Principal.IsLegalRepresentative = false
	f.Subject.Principal.Name = "赵六"
	f.Documents = unitDocs()
	assert.Empty(t, missing(run(t, rules.Documents, f)))
	assert.Equal(t, []found{{"subject.principal", rules.CodePrincipalNotLegalRepresentative}}, foundIn(run(t, rules.PrincipalLegalRep, f)))

	// a person from Guangdong filing in Shanghai with a Shanghai permit
	// but no upload: the cross-province rule reports the missing permit
	p := personFiling("31", "440304199203154320")
	p.Subject.ResidencePermitProvince = "31"
	p.Documents = []beian.Document{doc(beian.DocSubjectCert, "subject")}
	assert.Empty(t, missing(run(t, rules.Documents, p)))
	assert.Equal(t, []string{"subject residence_permit error"}, missing(run(t, rules.CrossProvince, p)))
	// and without a permit stated, the ID card of another province
	p.Subject.ResidencePermitProvince = ""
	assert.Equal(t, []found{{"subject.cert_number", rules.CodeCrossProvincePersonal}}, foundIn(run(t, rules.CrossProvince, p)))
}

// missingKind returns missing's pairs of one kind of document.
func missingKind(rs []rules.Rejection, kind beian.DocumentKind) []string {
	var out []string
	for _, m := range missing(rs) {
		if strings.Fields(m)[1] == string(kind) {
			out = append(out, m)
		}
	}
	return out
}

// unclear returns "field kind severity" of the DOCUMENT_UNCLEAR rejections.
func unclear(rs []rules.Rejection) []string {
	var out []string
	for _, r := range rs {
		if r.Code == rules.CodeDocumentUnclear {
			out = append(out, string(r.Field)+" "+r.Severity.String())
		}
	}
	slices.Sort(out)
	return out
}

func TestDocumentUnclearDeclared(t *testing.T) {
	tests := []struct {
		name string
		d    beian.Document
		want []string
	}{
		{"fine", doc(beian.DocSubjectCert, "subject"), nil},
		{"too large", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Format: "jpg", SizeBytes: 5 << 20}, []string{"documents[0].size_bytes error"}},
		{"exactly 4 MB", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Format: "JPEG", SizeBytes: 4 << 20}, nil},
		{"gif", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Format: "gif"}, []string{"documents[0].format error"}},
		{"pdf by MIME type", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Format: "application/pdf"}, []string{"documents[0].format error"}},
		{"unknown format name", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Format: "jpeg2000"}, []string{"documents[0].format error"}},
		{"small landscape", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Format: "png", Width: 380, Height: 250}, []string{"documents[0].height warning", "documents[0].width warning"}},
		{"small portrait", beian.Document{Kind: beian.DocPhoto, Owner: "subject.principal", Format: "png", Width: 250, Height: 600}, []string{"documents[0].width warning"}},
		{"nothing declared", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject"}, nil},
		{"negative values are unknown", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Width: -5, Height: -5, SizeBytes: -1}, nil},
	}
	for _, tt := range tests {
		f := cleanFiling()
		f.Documents = []beian.Document{tt.d}
		assert.Equal(t, tt.want, unclear(run(t, rules.Documents, f)), tt.name)
	}
}

// memSource serves documents from memory and records what was asked.
type memSource struct {
	files map[string][]byte
	asked []string
}

func (m *memSource) open(_ context.Context, path string) (io.ReadCloser, error) {
	m.asked = append(m.asked, path)
	b, ok := m.files[path]
	if !ok {
		return nil, errors.New("no such file")
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

func TestDocumentUnclearFromBytes(t *testing.T) {
	if !scan.Decodes {
		t.Skip("built with beian_noimage: document images are not decoded (validate's TestNoDecodersSkips)")
	}
	page := testimage.Document(1200, 900, 4)
	sharp := testimage.JPEG(testimage.Tint(page), 80)
	src := &memSource{files: map[string][]byte{
		"sharp.jpg":   sharp,
		"blurred.jpg": testimage.JPEG(testimage.Tint(testimage.Blur(page, 4)), 80),
		"cut.jpg":     sharp[:len(sharp)/2],
		"page.gif":    []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
		"small.png":   testimage.PNG(testimage.Document(360, 240, 4)),
	}}
	tests := []struct {
		name string
		d    beian.Document
		want []string
	}{
		{"sharp", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Path: "sharp.jpg"}, nil},
		{"bytes replace a wrong declaration", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Path: "sharp.jpg", SizeBytes: 9 << 20, Width: 10, Height: 10}, nil},
		{"blurred", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Path: "blurred.jpg"}, []string{"documents[0].path warning"}},
		{"truncated", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Path: "cut.jpg"}, []string{"documents[0].path error"}},
		{"gif content named jpeg", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Path: "page.gif", Format: "jpeg"}, []string{"documents[0].format error"}},
		{"small", beian.Document{Kind: beian.DocSubjectCert, Owner: "subject", Path: "small.png"}, []string{"documents[0].height warning", "documents[0].width warning"}},
	}
	for _, tt := range tests {
		f := cleanFiling()
		f.Documents = []beian.Document{tt.d}
		cfg := &rules.Config{Policies: provinces.DefaultPolicies(), Documents: src.open}
		assert.Equal(t, tt.want, unclear(runWith(t, rules.Documents, f, cfg)), tt.name)
	}

	// a document whose bytes cannot be had is skipped, not rejected
	for _, cfg := range []*rules.Config{
		{Policies: provinces.DefaultPolicies(), Documents: src.open},
		{Policies: provinces.DefaultPolicies()}, // no source
	} {
		f := cleanFiling()
		f.Documents = []beian.Document{{Kind: beian.DocSubjectCert, Owner: "subject", Path: "gone.jpg", SizeBytes: 9 << 20}}
		pass := rules.NewPass(context.Background(), f, rules.CleanText(f), cfg, today)
		pass.Rule = rules.Documents
		require.NoError(t, rules.Documents.Run(pass))
		// the declared size still counts when the file cannot be read
		assert.Equal(t, []string{"documents[0].size_bytes error"}, unclear(pass.Rejections()))
		require.Len(t, pass.Skipped(), 1)
		assert.Equal(t, rules.CodeDocumentUnclear, pass.Skipped()[0].Code)
	}
}

// TestDocumentUnclearSays: the problem argument says which limit and by
// how much.
func TestDocumentUnclearSays(t *testing.T) {
	f := cleanFiling()
	f.Documents = []beian.Document{{Kind: beian.DocSubjectCert, Owner: "subject", Format: "jpeg", SizeBytes: 5 << 20}}
	rs := run(t, rules.Documents, f)
	var got []rules.Rejection
	for _, r := range rs {
		if r.Code == rules.CodeDocumentUnclear {
			got = append(got, r)
		}
	}
	require.Len(t, got, 1)
	assert.Contains(t, argEN(got[0], "problem"), "5.0 MB")
	assert.Contains(t, argEN(got[0], "problem"), "25%")
	assert.Contains(t, argEN(got[0], "problem"), "4.0 MB")
	assert.Equal(t, beian.Path("documents[0].size_bytes"), got[0].Field)
	// Messages name the document by its label; the field locates it.
	assert.NotContains(t, argEN(got[0], "document"), "subject)")
}

// TestDocumentOwners: an owner that names no part of the filing is refused
// at the document's owner, not taken for another; an empty owner is the
// one part that can own a document of its kind, or FIELD_REQUIRED where
// several can.
func TestDocumentOwners(t *testing.T) {
	base := func() *beian.Filing {
		f := cleanFiling()
		f.Websites[0].PrincipalSameAsSubject = false
		f.Websites[0].Principal = sitePrincipal()
		f.Documents = append(unitDocs(), doc(beian.DocSitePrincipalCert, "websites[0].principal"), doc(beian.DocCommitmentLetter, "subject"),
			doc(beian.DocVerificationForm, "subject"))
		return f
	}
	require.Empty(t, foundIn(run(t, rules.Documents, base())), "the base filing has every document")
	// The third document is the website principal's ID card.
	const k = 2
	at := beian.Path("documents").Index(k).Field("owner")
	tests := []struct {
		name  string
		owner string
		want  []found
	}{
		{"no such part", "principal", []found{{"documents", rules.CodeDocumentMissing}, {at, rules.CodeValueUnknown}}},
		{"no such website", "websites[3].principal", []found{{"documents", rules.CodeDocumentMissing}, {at, rules.CodeValueUnknown}}},
		{"empty owner of the one website principal's document", " ", nil},
		{"its owner named", "websites[0].principal", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base()
			require.Equal(t, beian.DocSitePrincipalCert, f.Documents[k].Kind)
			f.Documents[k].Owner = tt.owner
			got := foundIn(run(t, rules.Documents, f))
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
	// A verification form is the subject's: an empty owner is inferred.
	f := base()
	f.Documents[len(f.Documents)-1].Owner = ""
	assert.Empty(t, foundIn(run(t, rules.Documents, f)))
	// An authorization letter may be the subject principal's or a website
	// principal's: an empty owner is a missing field.
	f = base()
	f.Documents = append(f.Documents, beian.Document{Kind: beian.DocAuthorizationLetter, Format: "jpeg", Width: 1600, Height: 1200, SizeBytes: 300000})
	assert.Contains(t, foundIn(run(t, rules.Documents, f)), found{beian.Path("documents").Index(len(f.Documents) - 1).Field("owner"), rules.CodeFieldRequired})
}

// BenchmarkDocumentsUploaded is the documents rule on a clean Guangdong
// unit filing with its five documents declared (no bytes read).
func BenchmarkDocumentsUploaded(b *testing.B) {
	f := cleanFiling()
	f.Websites[0].PrincipalSameAsSubject = false
	f.Websites[0].Principal = sitePrincipal()
	f.Documents = append(unitDocs(), doc(beian.DocSitePrincipalCert, "websites[0].principal"), doc(beian.DocCommitmentLetter, "subject"),
		doc(beian.DocVerificationForm, "subject"))
	cfg := &rules.Config{Policies: provinces.DefaultPolicies()}
	pass := rules.NewPass(context.Background(), f, f, cfg, today)
	pass.Rule = rules.Documents
	b.ReportAllocs()
	for b.Loop() {
		_ = rules.Documents.Run(pass)
	}
	if len(pass.Rejections()) > 0 {
		b.Fatal(pass.Rejections())
	}
}

// TestDocumentsManyWebsites: a hostile filing with tens of thousands of
// websites and documents is checked in time linear in its size (the
// owners go through a set), and the one missing document is found.
func TestDocumentsManyWebsites(t *testing.T) {
	const n = 30000
	f := cleanFiling()
	f.Websites = make([]beian.Website, n)
	f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
	for i := range f.Websites {
		p := sitePrincipal()
		p.CertNumber = fmt.Sprintf("4403041992031%05d", i) // distinct people; validity is not this rule's concern
		f.Websites[i] = beian.Website{Name: "示例科技站点", Domains: []string{fmt.Sprintf("s%d.cn", i)}, Principal: p}
		if i != 12345 {
			f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, fmt.Sprintf("websites[%d].principal", i)))
		}
		// Guangdong: more than 31 domain names, a construction plan each
		f.Documents = append(f.Documents, doc(beian.DocConstructionPlan, fmt.Sprintf("websites[%d]", i)))
	}
	assert.Equal(t, []string{"websites[12345].principal site_principal_cert error"}, missing(run(t, rules.Documents, f)))
}

// TestDocumentsAppPrincipal: an App, mini-program or quick app of a unit
// whose principal is another person than the subject principal needs that
// principal's certificate, as a website's own principal does: an error
// for a mini-program (the WeChat API asks for the photos), a warning for a
// native App or quick app (the MIIT form, read by analogy), with the
// source; owned by "apps[i].principal" or "apps[i]", however spaced. No
// document is needed for a principal who is the subject's (flagged, or the
// same person typed again), nor for a person's filing. An owner naming an
// App the filing does not have is VALUE_UNKNOWN.
func TestDocumentsAppPrincipal(t *testing.T) {
	types := []struct {
		typ    beian.AppType
		sev    string
		source string
	}{
		{beian.AppNative, "warning", "miit-filing-form"},
		{beian.AppQuickApp, "warning", "miit-filing-form"},
		{beian.AppMiniProgram, "error", "wechat-apply-icp-filing"},
	}
	build := func(typ beian.AppType, apps int) *beian.Filing {
		f := cleanFiling()
		f.Documents = append(unitDocs(), doc(beian.DocCommitmentLetter, "subject"))
		for range apps {
			f.Apps = append(f.Apps, beian.App{Type: typ, Name: "示例记账本", Principal: sitePrincipal()})
		}
		return f
	}
	for _, tc := range types {
		for _, apps := range []int{1, 2} {
			last := apps - 1
			want := fmt.Sprintf("apps[%d].principal site_principal_cert %s", last, tc.sev)
			name := fmt.Sprintf("%s, %d Apps", tc.typ, apps)

			// Missing: reported for each App with its own principal.
			f := build(tc.typ, apps)
			var all []string
			for i := range apps {
				all = append(all, fmt.Sprintf("apps[%d].principal site_principal_cert %s", i, tc.sev))
			}
			rs := run(t, rules.Documents, f)
			require.Equal(t, all, missing(rs), name)
			for _, r := range rs {
				assert.Equal(t, tc.source, r.Source.Key, name)
			}

			before := slices.Clip(all[:last])
			if last == 0 {
				before = nil
			}
			// Given, under every spelling of its owner: only the others.
			for _, owner := range []string{"apps[%d].principal", "apps[%d]", " apps [%d] . principal "} {
				f := build(tc.typ, apps)
				f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, fmt.Sprintf(owner, last)))
				assert.Equal(t, before, missing(run(t, rules.Documents, f)), "%s, owner %q", name, owner)
			}

			// The subject's principal: flagged, or the same person typed again.
			f = build(tc.typ, apps)
			f.Apps[last].PrincipalSameAsSubject = true
			assert.Equal(t, before, missing(run(t, rules.Documents, f)), name)
			f = build(tc.typ, apps)
			p := f.Subject.Principal
			f.Apps[last].Principal = &p
			assert.Equal(t, before, missing(run(t, rules.Documents, f)), name)

			// A person's filing: the person is every principal.
			f = personFiling("11", "110101199003074565")
			f.Documents = []beian.Document{doc(beian.DocSubjectCert, "subject")}
			f.Apps = build(tc.typ, apps).Apps
			assert.Empty(t, missing(run(t, rules.Documents, f)), name)

			// An App the filing does not have.
			f = build(tc.typ, apps)
			f.Documents = append(f.Documents, doc(beian.DocSitePrincipalCert, fmt.Sprintf("apps[%d].principal", apps)))
			rs = run(t, rules.Documents, f)
			assert.Contains(t, foundIn(rs), found{beian.Path(fmt.Sprintf("documents[%d].owner", len(f.Documents)-1)), rules.CodeValueUnknown}, name)
			assert.Contains(t, missing(rs), want, name)
		}
	}
}

// TestDocumentsLetterSource: the website principal's letter UCloud alone
// asks for cites the province's own page, in each of its seven provinces.
func TestDocumentsLetterSource(t *testing.T) {
	for code, key := range map[string]string{
		"14": "ucloud-shanxi", "15": "ucloud-neimenggu", "21": "ucloud-liaoning", "61": "ucloud-shaanxi",
		"62": "ucloud-gansu", "64": "ucloud-ningxia", "65": "ucloud-xinjiang",
	} {
		f := cleanFiling()
		f.Province = code
		f.Websites[0].PrincipalSameAsSubject = false
		f.Websites[0].Principal = sitePrincipal()
		f.Documents = append(unitDocs(), doc(beian.DocSitePrincipalCert, "websites[0].principal"), doc(beian.DocCommitmentLetter, "subject"))
		var keys []string
		for _, r := range run(t, rules.Documents, f) {
			if r.Code == rules.CodeDocumentMissing && slices.Equal(r.Related, []beian.Path{"websites[0].principal"}) {
				keys = append(keys, r.Source.Key)
			}
		}
		assert.Equal(t, []string{key}, keys, code)
	}
}
