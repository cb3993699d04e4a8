// Package domain reads domains as people type them into an ICP filing
// form, says which suffixes MIIT lets a site be filed under, and compares
// the names of domain holders the way a reviewer does.
//
// # Parsing
//
// [Parse] accepts what users paste: 示例.中国 or its punycode form, upper
// case, full-width dots (。．｡), a trailing dot, a sub-domain (www.) or a
// whole URL, and returns a [Domain] that gives the registrable domain (the
// part that is registered and filed) in ASCII and Unicode form and its
// public suffix. A string that is not a domain gives an [*Error] whose
// [Reason] says why; a name under a special-use top-level domain (RFC
// 6761 and after: .test, .localhost, .invalid, .example, .local, .onion,
// .alt, and .arpa) is [ReasonSpecialUse]. [ParseHost] is the same reading
// of a host name given exactly (no URL, spaces or trailing dot), the one
// package contact uses for e-mail domains, so that a domain reads the
// same in a website and in an address. Parsing uses golang.org/x/net/idna
// (UTS #46 lookup mapping, non-transitional) and the ICANN section of the
// Public Suffix List, edition [PublicSuffixEdition]: data/public_suffix_icann.txt,
// generated (go generate) from the tables of the golang.org/x/net version
// in go.mod (v0.62.0: list revision d6c92f1 of 2026-02-06), so that the
// answers are x/net/publicsuffix's without linking net/http, which that
// package imports.
//
// # Filable suffixes
//
// A [SuffixList] says, for each suffix, whether a site under it can be
// filed ([Filable]), cannot ([NotFilable]), or whether the sources
// disagree ([Disputed]: confirm on MIIT's 域名行业管理信息公示 site,
// [MIITSuffixSite]). [DefaultSuffixes] is compiled from data/suffixes.txt,
// edition [SuffixesVersion], which records every source; callers replace
// it with [ParseSuffixList] (the same file format) or [NewSuffixList], and
// extend it with [SuffixList.With], without a new release.
//
// # Holder names
//
// [SameName] tells whether two unit or person names are the same name
// once the differences a reviewer accepts are folded away (full-width and
// half-width forms, （） and (), white space, traditional and simplified
// characters, the case of Latin letters, the forms of the middle dot in
// transcribed names), and only then: 长沙市XX科技有限公司 and
// 长沙XX科技有限公司 are different names. [NameKey] gives the folded form,
// and a [NameSet] looks names up in time independent of its size, for
// lists such as the approved registrars.
//
// Everything in the package is safe for concurrent use; the lists are
// immutable once built, and nothing is read from files or the network.
package domain
