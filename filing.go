package beian

// A Filing is one ICP filing (网站备案) as the user typed it into a console:
// the subject (主体) that runs the websites, the websites themselves, what the
// caller knows of each domain's registration, and the uploaded documents.
//
// The JSON names are the wire format of the product contract; decode with
// [DecodeFiling] to have unknown fields and malformed values reported with
// their path. The library never modifies a Filing it is given.
type Filing struct {
	// FilingType is the kind of filing (首次备案, 新增网站 …).
	FilingType FilingType `json:"filing_type"`
	// Province is the filing region (备案地域): a GB/T 2260 two-digit code
	// such as "44", or any form package provinces recognises (广东, 广东省,
	// 粤, guangdong).
	Province string `json:"province"`
	// SubmittedAt is the day the filing is submitted. When zero, the
	// validator's clock gives the day.
	SubmittedAt Date `json:"submitted_at"`
	// RejectedAt is the day an earlier submission of this filing was
	// rejected, zero when it never was.
	RejectedAt Date `json:"rejected_at"`
	// Subject is the filing subject (主办者): a person or a unit.
	Subject Subject `json:"subject"`
	// Websites are the websites filed under the subject.
	Websites []Website `json:"websites"`
	// Apps are the Apps, mini-programs and quick apps filed under the
	// subject (APP备案, required since MIIT's notice of 2023-08-04). A
	// filing needs at least one website or App unless it is a change.
	Apps []App `json:"apps"`
	// Domains holds what the caller knows of each domain's registration,
	// from its registrar system or WHOIS. A website domain without a record
	// has its holder checks skipped.
	Domains []DomainRecord `json:"domains"`
	// Documents are the uploaded documents. Nil means "not uploaded yet"
	// (a console checking the form before its upload step): document rules
	// are then skipped and listed as such. An empty, non-nil slice means
	// nothing was uploaded.
	Documents []Document `json:"documents"`
	// ICPNumber is the subject's existing filing number (京ICP备12345678号),
	// for filings that add to or change an existing record.
	ICPNumber string `json:"icp_number"`
}

// A Subject is the filing subject (主办单位 or 个人).
type Subject struct {
	// Nature is the subject's nature (主办单位性质).
	Nature Nature `json:"nature"`
	// Name is the unit's registered name, or the person's name.
	Name string `json:"name"`
	// CertType is the type of the subject's certificate (主办单位证件类型).
	CertType CertType `json:"cert_type"`
	// CertNumber is the certificate number as typed.
	CertNumber string `json:"cert_number"`
	// CertAddress is the address printed on the certificate (证件住所).
	CertAddress string `json:"cert_address"`
	// Address is the subject's mailing address (通信地址) as typed. Empty
	// when the console does not collect it: its checks are then skipped.
	Address string `json:"address"`
	// CertValidUntil is the last day the certificate is valid; zero when
	// unknown or unlimited (on the wire "" or "长期", see [ParseDate]).
	CertValidUntil Date `json:"cert_valid_until"`
	// ResidencePermitProvince is, for a person filing outside the province
	// that issued the ID card, the province of the residence permit
	// (居住证) the person holds; empty when none.
	ResidencePermitProvince string `json:"residence_permit_province"`
	// LegalRepresentative is the unit's legal representative (法定代表人).
	LegalRepresentative string `json:"legal_representative"`
	// Investor is the unit's 投资者或上级主管单位 as typed into the filing
	// system: its investors, or a non-enterprise unit's superior
	// authority, several separated by ";". Empty when the console does not
	// collect it: its checks are then skipped, not reported as missing.
	Investor string `json:"investor"`
	// FiledWebsites and FiledApps are the websites and the Apps
	// (mini-programs and quick apps included) the subject has filed before
	// this filing and not cancelled, as the console knows them from the
	// subject's ICP number; 0 when none or not known. The limits of
	// websites and Apps per subject count them with the filing's own.
	FiledWebsites int `json:"filed_websites"`
	FiledApps     int `json:"filed_apps"`
	// Principal is the subject's principal (主体负责人).
	Principal Principal `json:"principal"`
	// Remark is the subject's remark (主体信息备注, 主办单位备注): where
	// Guangxi wants a personal filer's pledge, and Gansu, Chongqing and
	// Tianjin the name or job title of whoever answers an office phone
	// that is a mobile. Consoles without a subject remark leave it empty;
	// the rules then read the websites' remarks too.
	Remark string `json:"remark"`
}

// A Principal is a responsible person: the subject's principal (主体负责人),
// a website's principal (网站负责人) or an App's (App负责人).
type Principal struct {
	// Name is the person's name as on the certificate.
	Name string `json:"name"`
	// CertType is the type of the person's certificate.
	CertType CertType `json:"cert_type"`
	// CertNumber is the certificate number as typed.
	CertNumber string `json:"cert_number"`
	// Mobile is the person's mobile number (手机号码).
	Mobile string `json:"mobile"`
	// Phone is the office phone (办公电话).
	Phone string `json:"phone"`
	// EmergencyPhone is the emergency contact number (应急联系电话) the
	// filing form asks of every principal; it must differ from every
	// principal's mobile. Empty when not collected yet: its checks are
	// then skipped, not reported as missing.
	EmergencyPhone string `json:"emergency_phone"`
	// Email is the person's e-mail address.
	Email string `json:"email"`
	// IsLegalRepresentative tells whether the person is the unit's legal
	// representative.
	IsLegalRepresentative bool `json:"is_legal_representative"`
}

// A Website is one website entry of a filing (网站信息).
type Website struct {
	// Name is the website name (网站名称).
	Name string `json:"name"`
	// Domains lists the website's domains. Since 2019 one website entry
	// carries exactly one domain.
	Domains []string `json:"domains"`
	// ContentCategories lists the declared service content that needs
	// pre-approval (前置审批), empty when none.
	ContentCategories []ContentCategory `json:"content_categories"`
	// PreApprovals holds the pre-approvals obtained.
	PreApprovals []PreApproval `json:"pre_approvals"`
	// PrincipalSameAsSubject is the console's "同主体负责人" box: the
	// website principal is the subject principal.
	PrincipalSameAsSubject bool `json:"principal_same_as_subject"`
	// Principal is the website principal; required unless
	// PrincipalSameAsSubject is true.
	Principal *Principal `json:"principal"`
	// Remark is the website remark (备注).
	Remark string `json:"remark"`
}

// An App is one App, mini-program or quick app of a filing (应用信息).
type App struct {
	// Type says what the App is: a native App, a mini-program or a quick
	// app.
	Type AppType `json:"type"`
	// Name is the App's name (App名称), the same on every platform.
	Name string `json:"name"`
	// Platforms lists where the App runs, each with its package and
	// signing data.
	Platforms []AppPlatform `json:"platforms"`
	// ContentCategories lists the declared service content that needs
	// pre-approval (前置审批), empty when none.
	ContentCategories []ContentCategory `json:"content_categories"`
	// PreApprovals holds the pre-approvals obtained.
	PreApprovals []PreApproval `json:"pre_approvals"`
	// PrincipalSameAsSubject tells that the App's principal is the subject
	// principal.
	PrincipalSameAsSubject bool `json:"principal_same_as_subject"`
	// Principal is the App's principal; required unless
	// PrincipalSameAsSubject is true.
	Principal *Principal `json:"principal"`
	// Remark is the App's remark (备注).
	Remark string `json:"remark"`
}

// An AppPlatform is one platform an App runs on (运行平台) with what
// identifies the App there.
type AppPlatform struct {
	// Platform is the operating system (Apps) or the hosting platform
	// (mini-programs, quick apps).
	Platform Platform `json:"platform"`
	// Package is the package name (Android applicationId), Bundle ID
	// (iOS), bundle name (HarmonyOS) or the mini-program's AppID.
	Package string `json:"package"`
	// PublicKey is the signing certificate's public key (公钥) as the
	// console takes it: hex or base64 key material. Not for mini-programs
	// and quick apps.
	PublicKey string `json:"public_key"`
	// Signature is the signing certificate's fingerprint (签名MD5值): MD5
	// for Android, SHA-1 for iOS, in hex as tools print it. Not for
	// mini-programs and quick apps.
	Signature string `json:"signature"`
	// Domains lists the domains the App reaches its back end through on
	// this platform. Not for mini-programs and quick apps.
	Domains []string `json:"domains"`
}

// A PreApproval is one pre-approval (前置审批) held for a website or App.
type PreApproval struct {
	// Category is the content the approval covers.
	Category ContentCategory `json:"category"`
	// Number is the approval number (审批号).
	Number string `json:"number"`
	// Document tells whether the approval document has been uploaded.
	Document bool `json:"document"`
}

// A DomainRecord is what the caller knows of one domain's registration.
type DomainRecord struct {
	// Domain is the registered domain.
	Domain string `json:"domain"`
	// HolderName is the registrant (域名持有者) in the real-name record.
	HolderName string `json:"holder_name"`
	// HolderCertType is the type of the registrant's certificate.
	HolderCertType CertType `json:"holder_cert_type"`
	// HolderCertNumber is the registrant's certificate number.
	HolderCertNumber string `json:"holder_cert_number"`
	// Registrar is the registrar's name, empty when unknown.
	Registrar string `json:"registrar"`
	// VerifiedAt is the day the real-name verification (实名认证)
	// succeeded; zero means not verified.
	VerifiedAt Date `json:"verified_at"`
	// ExpiresAt is the day the registration ends; zero when unknown.
	ExpiresAt Date `json:"expires_at"`
}

// A Document is one uploaded document or image.
type Document struct {
	// Kind is what the document is.
	Kind DocumentKind `json:"kind"`
	// Owner says whose document it is, as a field path of the filing:
	// "subject", "subject.principal", "websites[0]",
	// "websites[0].principal", "domains[0]", "apps[0]",
	// "apps[0].principal".
	Owner string `json:"owner"`
	// Format is the image format as the caller knows it ("jpeg", "png" …).
	Format string `json:"format"`
	// Width is the image width in pixels, 0 when unknown.
	Width int `json:"width"`
	// Height is the image height in pixels, 0 when unknown.
	Height int `json:"height"`
	// SizeBytes is the file size, 0 when unknown.
	SizeBytes int64 `json:"size_bytes"`
	// Path, when set, is the image file; the library then reads its
	// format, size and pixels itself.
	Path string `json:"path"`
}

// WebsitePrincipal returns the principal of website i: the subject's
// principal when the website says it is the same, otherwise the website's
// own (nil when missing).
func (f *Filing) WebsitePrincipal(i int) *Principal {
	w := &f.Websites[i]
	if w.PrincipalSameAsSubject {
		return &f.Subject.Principal
	}
	return w.Principal
}

// AppPrincipal returns the principal of App i: the subject's principal
// when the App says it is the same, otherwise the App's own (nil when
// missing).
func (f *Filing) AppPrincipal(i int) *Principal {
	a := &f.Apps[i]
	if a.PrincipalSameAsSubject {
		return &f.Subject.Principal
	}
	return a.Principal
}

// DomainRecordFor returns the record for domain name, compared without regard
// to case or a trailing dot, or nil when the filing holds none.
func (f *Filing) DomainRecordFor(name string) *DomainRecord {
	for i := range f.Domains {
		if sameDomain(f.Domains[i].Domain, name) {
			return &f.Domains[i]
		}
	}
	return nil
}

func sameDomain(a, b string) bool {
	a = trimDot(a)
	b = trimDot(b)
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func trimDot(s string) string {
	if n := len(s); n > 0 && s[n-1] == '.' {
		return s[:n-1]
	}
	return s
}
