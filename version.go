package beian

// Version is the release of the module this source belongs to, in semantic
// versioning without the leading "v" (the module's tag is "v" + Version).
// It is the newest release named in CHANGELOG.md; RELEASING.md says what
// makes a release major, minor or patch. Programs print it (icpcheck
// -version) and a console may log it beside its reports, so that a
// rejection can be traced to the rules that gave it.
const Version = "0.1.0"
