package browsertest

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// TestPageChecksAgainWhenTablesArrive holds the word tables' download
// back (Chromium's request interception) while a site name holding a
// listed word is typed: that check cannot run without the tables and says
// so (its report is not complete). Once the tables are let through, the
// page checks again by itself, with no keystroke, and the name's
// rejection comes. (A complete first answer is not checked again when the
// tables come: static/app.js.)
func TestPageChecksAgainWhenTablesArrive(t *testing.T) {
	chromium := findChromium(t)
	root := moduleRoot(t)
	base := service(t, root, site(t, root))
	ctx, stop := newBrowser(t, chromium)
	defer stop()
	paused := make(chan fetch.RequestID, 4)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			select {
			case paused <- e.RequestID:
			default:
			}
		}
	})
	if err := chromedp.Run(ctx,
		fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*beian-lexicon.bin*"}}),
		chromedp.Navigate(base+"/"),
	); err != nil {
		t.Fatal(err)
	}
	var held fetch.RequestID
	select {
	case held = <-paused:
	case <-time.After(30 * time.Second):
		t.Fatal("the page did not ask for the word tables")
	}
	s := waitFor(t, ctx, "the first check", func(s state) bool { return s.Checks >= 1 })
	complete := func() bool {
		var c bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(`window.beianLast.complete === true`, &c)); err != nil {
			t.Fatal(err)
		}
		return c
	}
	if !complete() {
		t.Fatal("the page's own filing is not complete without the word tables: its first answer waits for them")
	}
	before := s.Checks
	if err := chromedp.Run(ctx, replaceText(nameField, "示例賭博资讯", true)); err != nil {
		t.Fatal(err)
	}
	s = waitFor(t, ctx, "the name checked without the tables", func(s state) bool {
		return s.Checks > before && s.Values[nameField] == "示例賭博资讯"
	})
	if complete() {
		t.Fatal("the name was checked without the word tables, and the report says complete")
	}
	if r := find(s, "SITE_NAME_SENSITIVE", nameField); r != nil {
		t.Fatalf("SITE_NAME_SENSITIVE without the word tables: %+v", r)
	}
	before = s.Checks
	if err := chromedp.Run(ctx, fetch.ContinueRequest(held)); err != nil {
		t.Fatal(err)
	}
	s = waitFor(t, ctx, "the check once the tables are in", func(s state) bool {
		return s.Checks > before && find(s, "SITE_NAME_SENSITIVE", nameField) != nil
	})
	if !complete() {
		t.Error("the report is still not complete with the word tables in")
	}
}
