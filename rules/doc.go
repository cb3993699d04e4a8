// Package rules is the vocabulary of beian's checks and the checks
// themselves: what a [Rule] is, what it reports (a [Rejection] with a
// [Code]), and one rule per file.
//
// It follows golang.org/x/tools/go/analysis: rules are values, not
// interfaces; the engine (package validate) runs them; the parsers and
// matchers they use live in value packages under rules/ (certnum, names,
// phonenum, contact, domain, icpnum, workday, scan), which work on plain
// strings and never import this package.
//
// # Rules and passes
//
// A [Rule] is a package-level variable: a Name (a lower-case identifier
// used in options and reports), a Doc (its variable's doc comment, which
// go doc shows), the Codes it may report, the outside help it Needs (a
// Registry, a Prober), and a Run function. [All] lists the rules in the
// order the engine runs them; [Check] reports a rule set that is not well
// formed.
//
// The engine gives each rule a [Pass] per validation: the filing with
// invalid text removed (Pass.Filing, shared and read-only), the filing as
// sent (Pass.Raw), the filing province and its policy, the day of
// submission, and the validator's [Config]. Run's error is only for a rule
// that could not run (an outside call failed): the engine turns it into a
// CHECK_UNAVAILABLE warning and goes on with the other rules.
//
// # Reporting
//
// A rule reports what it finds through the pass, never as an error:
//
//	pass.Report(path, CodeSiteNameTooShort, Int("count", n))
//
// A rejection names a [Code] (a stable string on the wire, declared in
// codes.go with its [Description]: default severity, zh/en message and
// remedy templates, the providers' rejection reason it prevents), the
// field it concerns as a [beian.Path] with the wire format's JSON names
// ("websites[0].name"), and named arguments ([Str], [Int], [Loc]) that
// fill the templates' {name} placeholders; {field} is the field's label.
// [Pass.ReportAt] gives another severity, [Pass.ReportFact] lowers a
// rejection that rests on an uncertain province fact to a warning, and
// [Pass.Skip] records a check that could not run for want of an option.
// Messages are rendered only when a report is read, in the language the
// caller asks for ([Rejection.Message], [Rejection.Remedy]).
//
// # Adding a rule
//
//  1. Declare each new code in codes.go (a constant, with a comment naming
//     the rule) and describe it in messages.go: severity, the providers'
//     reason, zh/en message and remedy. Codes are added, never renamed or
//     removed.
//  2. Write the rule in a file of its own: a variable X = &Rule{Name: "x",
//     Doc: docX, Codes: …, Run: runX} whose doc comment starts "X checks
//     that …" (the first sentence, without the name, is its title) and says
//     what it checks, on what evidence, and which code means what.
//  3. Put parsing and matching in a value package under rules/, usable
//     alone; the rule only applies it to the filing and reports.
//  4. Add the rule to [All].
//  5. Run go generate ./rules (the rules' docs and the catalogue below)
//     and go generate ./validate (the README's table of codes).
//  6. Test it table-driven on codes and field paths (never message text),
//     and add an example filing under examples/icpcheck/testdata that
//     declares the new codes: every code must be shown by one.
//
// # Catalogue of rules
//
// The rules [All] returns, in the order the engine runs them, each with
// its name, title and the codes it reports (generated from their doc
// comments by go generate):
//
//   - [Fields] (fields): checks that required fields are filled and
//     enumerations are known. Codes: FIELD_REQUIRED, VALUE_UNKNOWN.
//   - [TextFields] (text): checks that text fields hold valid, visible,
//     bounded text. Codes: TEXT_INVALID.
//   - [Province] (province): checks that the filing region is a mainland
//     province. Codes: PROVINCE_UNKNOWN.
//   - [Certificate] (certificate): checks that certificates are well formed,
//     fitting and current. Codes: CERT_NUMBER_INVALID,
//     CERT_TYPE_NOT_ALLOWED, CERT_NATURE_MISMATCH, CERT_EXPIRED,
//     AGE_BELOW_MINIMUM.
//   - [CrossProvince] (crossprovince): checks that the subject files in its
//     certificate's province. Codes: CROSS_PROVINCE,
//     CROSS_PROVINCE_PERSONAL, DOCUMENT_MISSING.
//   - [PrincipalLegalRep] (principal): checks that the unit's principal is
//     its legal representative. Codes: PRINCIPAL_NOT_LEGAL_REPRESENTATIVE.
//   - [Investor] (investor): checks whom a unit's
//     投资者或上级主管单位 names. Codes: INVESTOR_MISMATCH.
//   - [AddressCity] (addresscity): checks that a unit's mailing address lies
//     in its certificate's city. Codes: ADDRESS_CITY_MISMATCH.
//   - [PersonalPrincipal] (personalprincipal): checks that a personal
//     filing's principals are the filer. Codes: PRINCIPAL_NOT_SELF.
//   - [Pledge] (pledge): checks a personal filer's pledge in the subject's
//     remark. Codes: PERSONAL_PLEDGE_MISSING.
//   - [SiteName] (sitename): checks that website names follow the naming
//     rules. Codes: SITE_NAME_TOO_SHORT, SITE_NAME_NOT_CHINESE,
//     SITE_NAME_SPECIAL_CHARS, SITE_NAME_BANNED_PREFIX, SITE_NAME_IS_DOMAIN,
//     SITE_NAME_SENSITIVE, SITE_NAME_PERSONAL_RESTRICTED,
//     SITE_NAME_NEEDS_REMARK.
//   - [SiteNameDuplicate] (sitenamedup): checks that a filing's websites
//     have names of their own. Codes: SITE_NAME_DUPLICATE.
//   - [AppName] (appname): checks that App names follow the naming rules.
//     Codes: APP_NAME_INVALID, SITE_NAME_SENSITIVE, SITE_NAME_BANNED_PREFIX,
//     SITE_NAME_PERSONAL_RESTRICTED, SITE_NAME_TOO_SHORT.
//   - [Apps] (apps): checks that each App lists its platforms and identifies
//     itself. Codes: APP_PLATFORM_MISSING, APP_PACKAGE_INVALID,
//     APP_PACKAGE_DUPLICATE, APP_SIGNATURE_INVALID, APP_PUBLIC_KEY_INVALID.
//   - [Content] (content): checks that declared content is approved and
//     suits the subject. Codes: CONTENT_PRE_APPROVAL_REQUIRED,
//     CONTENT_PRE_APPROVAL_HINT, CONTENT_PERSONAL_NOT_ALLOWED.
//   - [SiteLimit] (sitelimit): checks the number of websites, Apps and
//     domains filed. Codes: SITE_LIMIT_EXCEEDED, SUBMISSION_LIMIT_EXCEEDED.
//   - [Domains] (domain): checks that website domains are filable
//     registrable domains. Codes: DOMAIN_INVALID, DOMAIN_DUPLICATE,
//     WEBSITE_MULTIPLE_DOMAINS, DOMAIN_TLD_NOT_FILABLE,
//     DOMAIN_SUFFIX_NATURE_MISMATCH, DOMAIN_REGISTRAR_NOT_APPROVED.
//   - [DomainHolder] (domainholder): checks that website domains are held by
//     the subject, not expiring. Codes: DOMAIN_EXPIRING,
//     DOMAIN_HOLDER_MISMATCH, DOMAIN_HOLDER_CERT_MISMATCH.
//   - [Verification] (verification): checks that domains are real-name
//     verified and entered at MIIT. Codes: DOMAIN_NOT_VERIFIED,
//     DOMAIN_VERIFICATION_PENDING.
//   - [ICPNumber] (icpnumber): checks that the existing filing number is
//     valid and of this province. Codes: ICP_NUMBER_INVALID.
//   - [Site] (site): checks that live sites are closed before approval and
//     open once filed. Codes: SITE_ONLINE_BEFORE_APPROVAL,
//     SITE_FOOTER_MISSING, SITE_TITLE_MISMATCH.
//   - [Documents] (documents): checks that the required documents are
//     uploaded and readable. Codes: DOCUMENT_MISSING, DOCUMENT_UNCLEAR,
//     VALUE_UNKNOWN, FIELD_REQUIRED.
//   - [Registry] (registry): checks that the filing type and subject agree
//     with the records. Codes: FILING_TYPE_WRONG,
//     DOMAIN_FILED_BY_OTHER_SUBJECT, MIIT_RECORD_EXISTS, ORDER_IN_PROGRESS.
//   - [Resubmission] (resubmission): checks that a rejected filing is
//     resubmitted in time. Codes: RESUBMISSION_WINDOW_EXPIRED.
//   - [PrincipalLink] (principallink): notes a website principal linked to
//     the subject's. Codes: PRINCIPAL_LINKED_NOTICE, PRINCIPAL_CONFLICT.
//   - [Phone] (phone): checks that every principal's phone numbers are
//     usable mainland numbers. Codes: PHONE_INVALID, PHONE_NOT_LOCAL,
//     PHONE_REGION_UNKNOWN, PHONE_VIRTUAL_SEGMENT.
//   - [OfficePhone] (officephone): checks a unit's office phones where the
//     province has rules for them. Codes: PHONE_LANDLINE_REQUIRED,
//     OFFICE_PHONE_REMARK_MISSING.
//   - [PhoneHolder] (phoneholder): checks that no principal's mobile is on
//     another subject's filing. Codes: PHONE_USED_BY_OTHER_SUBJECT.
//   - [Contact] (contact): checks that e-mails are valid and principals'
//     contacts are their own. Codes: EMAIL_INVALID, CONTACT_NOT_DISTINCT,
//     EMERGENCY_REMARK_MISSING, FIELD_REQUIRED.
package rules
