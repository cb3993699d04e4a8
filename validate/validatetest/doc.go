// Package validatetest provides what tests of code built on package validate
// need, in the spirit of net/http/httptest:
//
//   - [NewFiling] builds a filing every rule accepts, for any of the 31
//     provinces and any subject nature, with valid certificate numbers of
//     the province, local phones, matching domain records and filable
//     domains; options ([WrongCheckCharacter], [CertificateFrom],
//     [Mobile], [Domain], [Edit] …) break one thing at a time;
//   - [RequireOK], [RequireRejected] and their Assert forms check a report
//     the way testify's require and assert do, listing the report when
//     they fail;
//   - [Registry] is an in-memory [beian.Registry] of a console's records,
//     loaded from the same JSON records file ([Records]) the example
//     programs and services read; both are package validate/records',
//     which programs import instead of this one (it links package
//     testing).
//
// A form test then reads:
//
//	f := validatetest.NewFiling(t, "粤", beian.NatureEnterprise, validatetest.Mobile("1234"))
//	rep := validate.New().Validate(ctx, f)
//	validatetest.RequireRejected(t, rep, rules.CodePhoneInvalid, "subject.principal.mobile")
package validatetest
