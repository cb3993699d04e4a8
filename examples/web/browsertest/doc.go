// Package browsertest drives the demo page (examples/web) in headless
// Chromium with chromedp: the page is served by examples/httpservice
// --web on loopback, as a console would serve it.
//
// It is a module of its own so that chromedp stays out of the library's
// go.mod; its go.mod follows the root's through a replace directive.
// .ci/run installs Debian's chromium when it is absent and runs this
// module's tests with BEIAN_REQUIRE_BROWSER=1, under which a missing
// Chromium or Node fails the test instead of skipping it.
package browsertest
