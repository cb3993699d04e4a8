// Package certnum parses and checks the numbers of the certificates an ICP
// filing names: the resident identity card (居民身份证, GB 11643) and the
// residence permits of Hong Kong, Macao and Taiwan residents that share its
// form, the unified social credit code (统一社会信用代码, GB 32100) with the
// organisation code it embeds (组织机构代码, GB 11714), the old 15-digit
// business registration number (工商注册号, GS15), the Mainland travel
// permits, passports and the foreign permanent-residence card.
//
// Each Parse function takes the number as people type it (full-width
// characters, lower-case letters, spaces and hyphens between groups are
// accepted; see [Normalize]) and returns a typed value, or an [*Error]
// whose [Reason] says what is wrong, in Chinese and English:
//
//	id, err := certnum.ParseIDCard("11010519491231002X")
//	if err != nil {
//		var e *certnum.Error
//		errors.As(err, &e) // e.Reason == certnum.ReasonCheckCharacter …
//	}
//	fmt.Println(id.Province().Name, id.Birth())
//
// The check-character functions ([IDCheckChar], [USCCCheckChar],
// [OrgCodeCheckChar], [RegistrationCheckDigit]) compute the check character
// of a number's body, for tests and for tools that make numbers.
//
// The package does one job on plain strings: it knows nothing of filings or
// rules, allocates nothing for a number already in clean form, and is safe
// for concurrent use.
package certnum
