package beian

import "context"

// A Registry answers what only the caller's own records (the console's
// filing system, its copy of MIIT's answers) can tell. The validator calls
// it with a bounded context; an error makes the check a CHECK_UNAVAILABLE
// warning, and an error wrapping [errors.ErrUnsupported] lists the check as
// skipped, so an implementation may answer only some questions.
//
// Implementations must be safe for concurrent use.
type Registry interface {
	// MobileHolders returns the subjects whose filings already carry the
	// mobile number (as typed, digits only), empty when none.
	MobileHolders(ctx context.Context, mobile string) ([]SubjectID, error)

	// Subject returns what the records hold for the filing's subject.
	Subject(ctx context.Context, id SubjectID) (SubjectStatus, error)

	// Domain returns what the records hold for a registrable domain, given
	// in ASCII (punycode) and lower case: the filing's www.示例.cn or
	// https://SHILIKEJI.cn/ is asked as its registrable domain.
	Domain(ctx context.Context, domain string) (DomainStatus, error)
}

// A SubjectID identifies a filing subject: MIIT keys subjects by
// certificate type and number.
type SubjectID struct {
	Name       string
	CertType   CertType
	CertNumber string
}

// A SubjectStatus is what a Registry knows of a subject.
type SubjectStatus struct {
	// ICPNumber is the subject's filing number (粤ICP备12345678号) when
	// the subject, under this certificate, is already filed; else empty.
	ICPNumber string
	// OtherCertificate is set when MIIT holds a record for a unit of the
	// same name under another certificate (工信部中已存在备案记录): a unit
	// whose certificate changed (an organisation code replaced by a credit
	// code). It is never set for a person (CertType.IsUnit false): persons
	// share names.
	OtherCertificate *SubjectID
	// OrderInProgress tells whether an unfinished order exists for this
	// certificate (此证件存在进行中的订单).
	OrderInProgress bool
}

// A DomainStatus is what a Registry knows of a domain.
type DomainStatus struct {
	// ICPNumber is the website filing number (粤ICP备12345678号-1) when the
	// domain is filed; else empty.
	ICPNumber string
	// Hosted tells whether the caller already hosts (接入) the filed site.
	Hosted bool
}

// A Prober looks at websites over the public Internet: is a not-yet-filed
// site already answering, does a filed site show its number in the footer.
// Implementations must be safe for concurrent use and honour ctx.
type Prober interface {
	// Probe fetches the home page of domain (https first, then http).
	Probe(ctx context.Context, domain string) (ProbeResult, error)
}

// A ProbeResult is what a probe of one site found.
type ProbeResult struct {
	// Reachable tells whether the site answered with a page.
	Reachable bool
	// StatusCode is the HTTP status of the home page, 0 when none.
	StatusCode int
	// Body is the home page's HTML, as UTF-8 where the prober can convert
	// it (implementations may truncate it).
	Body []byte

	// The fields below were added later; a Prober that leaves them empty
	// still works, but the footer and title checks need Title and
	// MIITLinks (the default prober, validate/probe, fills them).

	// Resolves tells whether the domain resolved to an address the prober
	// would connect to (the default prober ignores non-public addresses).
	Resolves bool
	// URL is the address of the page read, after the redirects the prober
	// followed.
	URL string
	// Title is the text of the page's <title>, with runs of white space
	// collapsed to one space.
	Title string
	// MIITLinks holds the text of each link on the page to the MIIT filing
	// system (beian.miit.gov.cn), where a filed site shows its number.
	MIITLinks []string
	// Truncated tells whether Body was cut at the prober's size limit.
	Truncated bool
}
