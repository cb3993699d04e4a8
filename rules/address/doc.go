// Package address reads where a Chinese address lies: the province, the
// prefecture-level city and the county-level division its start names,
// by the GB/T 2260 divisions (package data of the name lexicon, the npm
// package @vant/area-data; see tables.go for the edition). It does one
// job on plain strings and imports nothing of the module's rules.
//
// Provinces whose 管局 refuse a unit whose mailing address (通信地址) lies
// in another city than the address on its certificate (Hebei, Henan,
// Guizhou) are checked with [Locate] and [SameCity].
package address

//go:generate go run gen.go
