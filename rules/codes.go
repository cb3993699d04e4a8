package rules

// A Code identifies one reason a filing would be rejected. Codes are
// stable strings on the wire: a code may be added, never renamed or
// removed. Each code has a default [Severity], a Chinese and an English
// message and remedy, and the rejection reason of the providers' documents
// it prevents; see [Describe].
type Code string

// The codes. Each names the rule that reports it; the README's table of
// codes is generated from the descriptions in messages.go.
const (
	// CodeFieldRequired: a field the filing system requires is empty.
	// Rule "fields".
	CodeFieldRequired Code = "FIELD_REQUIRED"
	// CodeTextInvalid: a text field holds invalid UTF-8, control or
	// invisible characters, or is longer than the filing system takes. The
	// other rules run on the text with those characters removed. Rule
	// "text".
	CodeTextInvalid Code = "TEXT_INVALID"
	// CodeProvinceUnknown: a province field names no mainland province.
	// Rule "province".
	CodeProvinceUnknown Code = "PROVINCE_UNKNOWN"
	// CodeCertNumberInvalid: a certificate number is malformed or its
	// check character is wrong for its type; a warning with its fix for a
	// valid number typed otherwise than the filing system takes it (lower
	// case, full width, spaces or hyphens). Rule "certificate".
	CodeCertNumberInvalid Code = "CERT_NUMBER_INVALID"
	// CodeCertTypeNotAllowed: the certificate type cannot be used by a
	// subject of this nature. Rule "certificate".
	CodeCertTypeNotAllowed Code = "CERT_TYPE_NOT_ALLOWED"
	// CodeCertNatureMismatch: the credit code's registration authority and
	// category contradict the declared nature. Rule "certificate".
	CodeCertNatureMismatch Code = "CERT_NATURE_MISMATCH"
	// CodeCertExpired: the certificate's validity has ended, or ends sooner
	// than the three months provinces demand. Rule "certificate".
	CodeCertExpired Code = "CERT_EXPIRED"
	// CodeAgeBelowMinimum: the person is younger than the province
	// accepts. Rule "certificate".
	CodeAgeBelowMinimum Code = "AGE_BELOW_MINIMUM"
	// CodeCrossProvince: the unit's certificate was issued in another
	// province than the filing region. Rule "crossprovince".
	CodeCrossProvince Code = "CROSS_PROVINCE"
	// CodeCrossProvincePersonal: the person's ID card is from another
	// province and the proof of residence the province accepts is missing.
	// Rule "crossprovince".
	CodeCrossProvincePersonal Code = "CROSS_PROVINCE_PERSONAL"
	// CodePrincipalNotLegalRepresentative: the province wants the legal
	// representative as the unit's principal and accepts no authorisation
	// in the filing. Rule "principal".
	CodePrincipalNotLegalRepresentative Code = "PRINCIPAL_NOT_LEGAL_REPRESENTATIVE"
	// CodePhoneInvalid: not a valid Chinese mobile or landline number; a
	// warning with its fix for a valid number typed otherwise than the
	// filing system takes it (a country code, separators, full width, the
	// trunk 0). Rule "phone".
	CodePhoneInvalid Code = "PHONE_INVALID"
	// CodePhoneNotLocal: the number's segment belongs to another province.
	// Rule "phone".
	CodePhoneNotLocal Code = "PHONE_NOT_LOCAL"
	// CodePhoneRegionUnknown: the province of the number's segment is not
	// known. Rule "phone".
	CodePhoneRegionUnknown Code = "PHONE_REGION_UNKNOWN"
	// CodePhoneVirtualSegment: a virtual-operator segment where the
	// province refuses them (a warning where that is not certain), or a
	// data-card, IoT or satellite number that may not receive the
	// verification SMS. Rule "phone".
	CodePhoneVirtualSegment Code = "PHONE_VIRTUAL_SEGMENT"
	// CodePhoneUsedByOtherSubject: the mobile is already on another
	// subject's filing (from the Registry). Rule "phoneholder".
	CodePhoneUsedByOtherSubject Code = "PHONE_USED_BY_OTHER_SUBJECT"
	// CodeEmailInvalid: a malformed e-mail address; a warning with its fix
	// for one typed with a display name or in full width. Rule "contact".
	CodeEmailInvalid Code = "EMAIL_INVALID"
	// CodeContactNotDistinct: two different principals share a mobile, an
	// e-mail address or an emergency phone, an emergency phone is a
	// principal's mobile (or, a warning, the principal's own office
	// phone), or an office phone is the principal's mobile where the
	// province forbids it. Rule "contact".
	CodeContactNotDistinct Code = "CONTACT_NOT_DISTINCT"
	// CodeSiteNameTooShort: fewer than three Chinese characters. Rule
	// "sitename".
	CodeSiteNameTooShort Code = "SITE_NAME_TOO_SHORT"
	// CodeSiteNameNotChinese: only digits and Latin letters. Rule
	// "sitename".
	CodeSiteNameNotChinese Code = "SITE_NAME_NOT_CHINESE"
	// CodeSiteNameSpecialChars: symbols or punctuation. Rule "sitename".
	CodeSiteNameSpecialChars Code = "SITE_NAME_SPECIAL_CHARS"
	// CodeSiteNameBannedPrefix: starts with 中国, 中华, 国家 … and the unit
	// is not a national one. Rule "sitename".
	CodeSiteNameBannedPrefix Code = "SITE_NAME_BANNED_PREFIX"
	// CodeSiteNameIsDomain: the name is a domain. Rule "sitename".
	CodeSiteNameIsDomain Code = "SITE_NAME_IS_DOMAIN"
	// CodeSiteNameSensitive: the name holds a sensitive word, also when
	// disguised. Rule "sitename".
	CodeSiteNameSensitive Code = "SITE_NAME_SENSITIVE"
	// CodeSiteNamePersonalRestricted: a personal site's name uses words
	// only units may use. Rule "sitename".
	CodeSiteNamePersonalRestricted Code = "SITE_NAME_PERSONAL_RESTRICTED"
	// CodeSiteNameNeedsRemark: a unit's site is named after something
	// other than the unit; a remark should explain it. Rule "sitename".
	CodeSiteNameNeedsRemark Code = "SITE_NAME_NEEDS_REMARK"
	// CodeContentPreApprovalRequired: declared content needs a
	// pre-approval whose number or document is missing. Rule "content".
	CodeContentPreApprovalRequired Code = "CONTENT_PRE_APPROVAL_REQUIRED"
	// CodeContentPreApprovalHint: the name suggests a pre-approval
	// industry that was not declared. Rule "content".
	CodeContentPreApprovalHint Code = "CONTENT_PRE_APPROVAL_HINT"
	// CodeContentPersonalNotAllowed: a personal filing declares content
	// only units may run. Rule "content".
	CodeContentPersonalNotAllowed Code = "CONTENT_PERSONAL_NOT_ALLOWED"
	// CodeDomainInvalid: not a valid registrable domain (IDN included).
	// Rule "domain".
	CodeDomainInvalid Code = "DOMAIN_INVALID"
	// CodeDomainTLDNotFilable: the suffix is not on MIIT's list of filable
	// suffixes. Rule "domain".
	CodeDomainTLDNotFilable Code = "DOMAIN_TLD_NOT_FILABLE"
	// CodeDomainRegistrarNotApproved: the registrar is not on the approved
	// list given. Rule "domain".
	CodeDomainRegistrarNotApproved Code = "DOMAIN_REGISTRAR_NOT_APPROVED"
	// CodeDomainDuplicate: the same registrable domain twice in one
	// filing. Rule "domain".
	CodeDomainDuplicate Code = "DOMAIN_DUPLICATE"
	// CodeWebsiteMultipleDomains: one website lists several domains. Rule
	// "domain".
	CodeWebsiteMultipleDomains Code = "WEBSITE_MULTIPLE_DOMAINS"
	// CodeDomainSuffixNatureMismatch: a government body not on .gov.cn or
	// .政务, or a public institution not on .cn or .公益; or a domain under
	// a suffix reserved for bodies of another kind (.gov.cn, .mil.cn,
	// .edu.cn, .ac.cn, .政务, .公益). Rule "domain".
	CodeDomainSuffixNatureMismatch Code = "DOMAIN_SUFFIX_NATURE_MISMATCH"
	// CodeDomainExpiring: the registration ends within three months. Rule
	// "domainholder".
	CodeDomainExpiring Code = "DOMAIN_EXPIRING"
	// CodeDomainNotVerified: the domain has no real-name verification.
	// Rule "verification".
	CodeDomainNotVerified Code = "DOMAIN_NOT_VERIFIED"
	// CodeDomainVerificationPending: verified fewer working days ago than
	// MIIT needs to enter it. Rule "verification".
	CodeDomainVerificationPending Code = "DOMAIN_VERIFICATION_PENDING"
	// CodeDomainHolderMismatch: the registrant's name differs from the
	// subject's. Rule "domainholder".
	CodeDomainHolderMismatch Code = "DOMAIN_HOLDER_MISMATCH"
	// CodeDomainHolderCertMismatch: the registrant's certificate type or
	// number differs from the subject's. Rule "domainholder".
	CodeDomainHolderCertMismatch Code = "DOMAIN_HOLDER_CERT_MISMATCH"
	// CodeSiteOnlineBeforeApproval: a site not yet filed answers publicly
	// (from the Prober). Rule "site".
	CodeSiteOnlineBeforeApproval Code = "SITE_ONLINE_BEFORE_APPROVAL"
	// CodeSiteFooterMissing: a filed site does not answer, or does not show
	// its number linked to beian.miit.gov.cn (from the Prober). Rule
	// "site".
	CodeSiteFooterMissing Code = "SITE_FOOTER_MISSING"
	// CodeSiteTitleMismatch: a filed site's home page title does not hold
	// its filed name (from the Prober). Rule "site".
	CodeSiteTitleMismatch Code = "SITE_TITLE_MISMATCH"
	// CodeICPNumberInvalid: a filing number is malformed or of another
	// province. Rule "icpnumber".
	CodeICPNumberInvalid Code = "ICP_NUMBER_INVALID"
	// CodeDocumentMissing: a document the nature, province or content
	// requires is absent. Rule "documents".
	CodeDocumentMissing Code = "DOCUMENT_MISSING"
	// CodeDocumentUnclear: an image is unreadable, too small, of the wrong
	// format or too large. Rule "documents".
	CodeDocumentUnclear Code = "DOCUMENT_UNCLEAR"
	// CodeFilingTypeWrong: the declared filing type contradicts the
	// records (from the Registry). Rule "registry".
	CodeFilingTypeWrong Code = "FILING_TYPE_WRONG"
	// CodeMIITRecordExists: the subject is already filed under another
	// certificate (from the Registry). Rule "registry".
	CodeMIITRecordExists Code = "MIIT_RECORD_EXISTS"
	// CodeDomainFiledByOtherSubject: a website's domain is already filed
	// under another subject, so no filing type can file it here until that
	// filing is cancelled or changed (from the Registry). Rule "registry".
	CodeDomainFiledByOtherSubject Code = "DOMAIN_FILED_BY_OTHER_SUBJECT"
	// CodeOrderInProgress: the certificate has an unfinished order (from
	// the Registry). Rule "registry".
	CodeOrderInProgress Code = "ORDER_IN_PROGRESS"
	// CodeResubmissionWindowExpired: more than 45 days since the
	// rejection. Rule "resubmission".
	CodeResubmissionWindowExpired Code = "RESUBMISSION_WINDOW_EXPIRED"
	// CodePrincipalLinkedNotice: the website principal is marked "same as
	// the subject principal", so editing one edits both. Rule
	// "principallink".
	CodePrincipalLinkedNotice Code = "PRINCIPAL_LINKED_NOTICE"
	// CodeCheckUnavailable: an outside check (Registry, Prober) failed or
	// timed out, or a rule failed. Reported by the engine.
	CodeCheckUnavailable Code = "CHECK_UNAVAILABLE"
	// CodeValueUnknown: an enumerated field (filing type, nature,
	// certificate type, content category, document kind) holds a value
	// that is not one of its names. Rule "fields".
	CodeValueUnknown Code = "VALUE_UNKNOWN"
	// CodeAppPlatformMissing: an App, mini-program or quick app lists no
	// platform. Rule "apps".
	CodeAppPlatformMissing Code = "APP_PLATFORM_MISSING"
	// CodeAppPackageInvalid: a package name, Bundle ID, bundle name or
	// mini-program AppID is malformed for its platform (a warning where
	// the format is not documented with certainty). Rule "apps".
	CodeAppPackageInvalid Code = "APP_PACKAGE_INVALID"
	// CodeAppPackageDuplicate: the same package on the same platform twice
	// in one filing (Bundle IDs compared without case), or several
	// packages of one App on one platform with different domains. Rule
	// "apps".
	CodeAppPackageDuplicate Code = "APP_PACKAGE_DUPLICATE"
	// CodeAppSignatureInvalid: the signature fingerprint is not the
	// platform's digest in hex, or an MD5 where iOS wants SHA-1. Rule
	// "apps".
	CodeAppSignatureInvalid Code = "APP_SIGNATURE_INVALID"
	// CodeAppPublicKeyInvalid: the public key is empty or not hex/base64
	// key material; or, as a warning, not the structure or length of a
	// key (except on iOS, whose consoles take a truncated copy), or
	// pasted with PEM armour, colons or an ellipsis. Rule "apps".
	CodeAppPublicKeyInvalid Code = "APP_PUBLIC_KEY_INVALID"
	// CodeAppNameInvalid: an App name with emoji, symbols, placeholder
	// text, or price or marketing words; made only of generic words, or
	// another's hot App name. Rule "appname".
	CodeAppNameInvalid Code = "APP_NAME_INVALID"
	// CodeEmergencyRemarkMissing: the province wants the remark of a
	// website or App to say whose the emergency phone is (the user's name
	// and relation), and it does not. Rule "contact".
	CodeEmergencyRemarkMissing Code = "EMERGENCY_REMARK_MISSING"
	// CodePrincipalConflict: a website or App is marked as having the
	// subject's principal (principal_same_as_subject) and also gives a
	// principal who is another person. Rule "principallink".
	CodePrincipalConflict Code = "PRINCIPAL_CONFLICT"
	// CodePrincipalNotSelf: in a personal filing a principal (the
	// subject's, a website's or an App's) is not the filer: another name
	// or certificate number. Rule "personalprincipal".
	CodePrincipalNotSelf Code = "PRINCIPAL_NOT_SELF"
	// CodePhoneLandlineRequired: a unit's principal gives a mobile, or
	// nothing, as the office phone where the province wants a landline
	// (Jiangsu). Rule "officephone".
	CodePhoneLandlineRequired Code = "PHONE_LANDLINE_REQUIRED"
	// CodeOfficePhoneRemarkMissing: a unit's principal gives a mobile as
	// the office phone and the remark does not say whose it is as the
	// province wants: the name (Chongqing), the job title (Gansu), or both
	// (Tianjin). Rule "officephone".
	CodeOfficePhoneRemarkMissing Code = "OFFICE_PHONE_REMARK_MISSING"
	// CodePersonalPledgeMissing: a personal filing's subject remark lacks
	// the pledge the province wants copied into it (Guangxi). Rule
	// "pledge".
	CodePersonalPledgeMissing Code = "PERSONAL_PLEDGE_MISSING"
	// CodeSiteLimitExceeded: the filing holds more websites and Apps than
	// the province lets one subject have. Rule "sitelimit".
	CodeSiteLimitExceeded Code = "SITE_LIMIT_EXCEEDED"
	// CodeSubmissionLimitExceeded: a new filing or new-site filing adds
	// more websites or domains than the province takes in one submission
	// (Hunan, Hubei: one website), or a filing holds more websites than
	// the provider's console takes in one order (Tencent: one for a
	// person, ten for a unit). Rule "sitelimit".
	CodeSubmissionLimitExceeded Code = "SUBMISSION_LIMIT_EXCEEDED"
	// CodeSiteNameDuplicate: two websites of the filing have one name
	// where the province refuses a name a filed website has (Shaanxi).
	// Rule "sitenamedup".
	CodeSiteNameDuplicate Code = "SITE_NAME_DUPLICATE"
	// CodeInvestorMismatch: a unit's 投资者或上级主管单位 names someone the
	// province does not want there: not the legal representative
	// (Ningxia), not the unit itself (Jilin; Fujian's enterprises), or a
	// non-enterprise unit itself or its legal representative instead of
	// its superior authority (Guangxi, Fujian). Rule "investor".
	CodeInvestorMismatch Code = "INVESTOR_MISMATCH"
	// CodeAddressCityMismatch: a unit's mailing address (通信地址) lies in
	// another city than its certificate's address, where the province
	// refuses that (Hebei, Henan, Guizhou). Rule "addresscity".
	CodeAddressCityMismatch Code = "ADDRESS_CITY_MISMATCH"
)
