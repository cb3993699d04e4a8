// Icpcheck checks ICP filings before they are submitted and prints every
// reason a reviewer would reject them.
//
// Usage:
//
//	icpcheck [--json] [--lang zh|en] [--profile NAME] [--probe] [--documents DIR] [--segments FILE] [--registry FILE] [--registrars FILE] [--suffixes FILE] [FILE ...]
//
// Each FILE holds one filing in the wire format (see the README); with no
// FILE, or with "-", the filing is read from standard input. The report is
// printed as text (coloured on a terminal unless NO_COLOR is set), or with
// --json as the wire format's report, one JSON object per line.
//
// --segments loads a segment (号段) table whose provinces, operators and
// virtual flags take precedence over the built-in data: a CSV file of
// prefix,province[,operator][,virtual] lines or a phone.dat file, told
// apart by content.
//
// With --probe the live-site checks run too: the websites' domains are
// looked up and their home pages read over the network (package
// validate/probe), to find a new site that is already online or a filed
// site whose footer or title is wrong. The prober is in the program only
// when it is built with -tags icpcheck_probe
// (go install -tags icpcheck_probe github.com/icpcheck/beian/examples/icpcheck@latest):
// the default build links no network code at all, which also keeps its
// start-up within twice a hello world's CPU; there --probe exits with
// status 2. Even with the prober built in, icpcheck does not touch the
// network without --probe.
//
// --documents DIR lets the checks read the document images the filings
// name by path, inside DIR only (no absolute paths, no "..", no symbolic
// links out). --registry FILE answers the registry checks (filing type,
// records under another certificate, orders in progress, mobiles used by
// other subjects) from a records file in the format of
// package validate/records.
//
// --registrars FILE checks the registrars of the filings' domain records
// against the approved names in FILE, one a line; --suffixes FILE replaces
// the built-in list of filable domain suffixes with FILE's, in the format
// of rules/domain/data/suffixes.txt.
//
// --profile NAME applies what the provider console NAME (tencent, aliyun,
// huawei) does differently, each difference with its source (the deepest
// App domain it files, the verification wait …; validate.WithProfile);
// without it the strictest sourced values apply. An unknown NAME exits
// with status 2.
//
// The exit status is 0 when every filing can be submitted, 1 when any has
// an error, and 2 when an input cannot be read or decoded.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/records"
)

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1
	exitUnusable = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, colorWanted(os.Stdout)))
}

// run is the whole program, apart from the process: it returns the exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, color bool) int {
	cfg, status := configure(args, stdout, stderr)
	if cfg == nil {
		return status
	}
	out := printer{w: stdout, color: color && !cfg.asJSON, lang: cfg.lang}
	for _, name := range cfg.files {
		f, err := readFiling(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "icpcheck: %s: %v\n", displayName(name), err)
			status = exitUnusable
			continue
		}
		rep := cfg.v.Validate(context.Background(), f)
		if cfg.asJSON {
			err = out.json(name, len(cfg.files) > 1, rep)
		} else {
			err = out.text(displayName(name), rep)
		}
		if err != nil {
			fmt.Fprintln(stderr, "icpcheck:", err)
			return exitUnusable
		}
		if !rep.OK() && status == exitOK {
			status = exitRejected
		}
	}
	return status
}

// A config is what the command line asks for: the validator its flags
// build, the files to check and how to print the reports.
type config struct {
	v      *validate.Validator
	files  []string
	asJSON bool
	lang   language.Tag
}

// configure reads the command line. When the program is to stop (-h;
// --version, printed on stdout; a bad flag or flag value, said on stderr)
// it returns a nil config and the exit status.
func configure(args []string, stdout, stderr io.Writer) (*config, int) {
	fs := flag.NewFlagSet("icpcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the wire format's JSON report, one object per line")
	lang := fs.String("lang", "zh", "language of messages and remedies: zh or en")
	probeSites := fs.Bool("probe", false, "also look at the live sites over the network (DNS and HTTP)")
	documents := fs.String("documents", "", "read the document images filings name by path inside `DIR`")
	segments := fs.String("segments", "", "look phone segments up in the table `FILE` (CSV or phone.dat) before the built-in data")
	registry := fs.String("registry", "", "answer the registry checks from the records `FILE` (validate/records JSON)")
	profile := fs.String("profile", "", "apply the sourced differences of the provider console `NAME` ("+strings.Join(rules.ProfileNames(), ", ")+"); without it, the strictest sourced values")
	showVersion := fs.Bool("version", false, "print the version of the beian module (beian.Version) and exit")
	domainOptions := domainFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: icpcheck [--version] [--json] [--lang zh|en] [--profile NAME] [--probe] [--documents DIR] [--segments FILE] [--registry FILE] [--registrars FILE] [--suffixes FILE] [FILE ...]")
		fs.PrintDefaults()
	}
	// Flags may come before or after the files, as people type them.
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK
			}
			return nil, exitUnusable
		}
		left := fs.Args()
		if used := len(rest) - len(left); used > 0 && rest[used-1] == "--" {
			files = append(files, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		files, rest = append(files, left[0]), left[1:]
	}
	if *showVersion {
		fmt.Fprintln(stdout, "icpcheck", beian.Version)
		return nil, exitOK
	}
	tag, err := validate.ParseLanguage(*lang)
	if err != nil {
		fmt.Fprintln(stderr, "icpcheck:", err)
		return nil, exitUnusable
	}
	if len(files) == 0 {
		files = []string{"-"}
	}

	opts, err := domainOptions()
	if err != nil {
		fmt.Fprintln(stderr, "icpcheck:", err)
		return nil, exitUnusable
	}
	opts = append(opts, validate.WithLanguage(tag))
	if *profile != "" {
		// The library reports an unknown name in every report (and
		// applies the default); a command line says so once, and stops.
		if _, ok := rules.ProfileNamed(*profile); !ok {
			fmt.Fprintf(stderr, "icpcheck: --profile %s: no such provider profile (there are %s)\n", *profile, strings.Join(rules.ProfileNames(), ", "))
			return nil, exitUnusable
		}
		opts = append(opts, validate.WithProfile(*profile))
	}
	if *probeSites {
		if !withProber {
			fmt.Fprintln(stderr, "icpcheck: --probe: this icpcheck was built without the prober; build it with -tags icpcheck_probe")
			return nil, exitUnusable
		}
		opts = append(opts, validate.WithProber(newProber()))
	}
	if *documents != "" {
		if fi, err := os.Stat(*documents); err != nil || !fi.IsDir() {
			fmt.Fprintf(stderr, "icpcheck: --documents %s: not a directory\n", *documents)
			return nil, exitUnusable
		}
		opts = append(opts, validate.WithDocumentDir(*documents))
	}
	if *segments != "" {
		t, err := loadSegments(*segments)
		if err != nil {
			fmt.Fprintf(stderr, "icpcheck: --segments %s: %v\n", *segments, err)
			return nil, exitUnusable
		}
		opts = append(opts, validate.WithPhoneSegments(t))
	}
	if *registry != "" {
		reg, err := loadRegistry(*registry)
		if err != nil {
			fmt.Fprintf(stderr, "icpcheck: --registry %s: %v\n", *registry, err)
			return nil, exitUnusable
		}
		opts = append(opts, validate.WithRegistry(reg))
	}
	return &config{v: validate.New(opts...), files: files, asJSON: *asJSON, lang: tag}, exitOK
}

func readFiling(name string, stdin io.Reader) (*beian.Filing, error) {
	if name == "-" {
		return beian.DecodeFiling(skipBOM(stdin))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return beian.DecodeFiling(skipBOM(f))
}

// skipBOM drops a UTF-8 byte order mark at the start of r: Windows
// editors (Notepad before 2019, Excel's "UTF-8" export) write one before
// the JSON, and RFC 8259 (section 8.1) lets a reader ignore it, where
// encoding/json and [beian.DecodeFiling] reject it as invalid JSON. The
// library stays strict (a networked JSON text must not carry one); the
// command reads files people saved.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	return br
}

func loadRegistry(name string) (*records.Registry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return records.ReadRegistry(f)
}

// loadSegments reads a segment table, CSV or phone.dat.
func loadSegments(name string) (*phonenum.Table, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return phonenum.Load(f)
}

func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// colorWanted reports whether f is a terminal and NO_COLOR is not set.
func colorWanted(f *os.File) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// printer writes reports.
type printer struct {
	w     io.Writer
	color bool
	lang  language.Tag
}

func (p printer) json(name string, withName bool, rep *validate.Report) error {
	b, err := rep.MarshalJSON() // once: json.Marshal would check and compact it again
	if err != nil {
		return err
	}
	if withName {
		// Several reports, one per line: say which file each is about.
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(b, &fields); err != nil {
			return err
		}
		fields["file"], _ = json.Marshal(name)
		if b, err = json.Marshal(fields); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(p.w, "%s\n", b)
	return err
}

// text writes rep as text: appended into one buffer and written at once,
// without fmt, whose printer state and a builder's growth through the
// small size classes each take fresh heap pages in a one-file run (the
// cold start: a page first touched costs about 30 µs of CPU here).
func (p printer) text(name string, rep *validate.Report) error {
	zh := beian.IsChinese(p.lang)
	var errors, warnings, notices int
	for _, r := range rep.Rejections {
		switch r.Severity {
		case rules.Error:
			errors++
		case rules.Warning:
			warnings++
		case rules.Notice:
			notices++
		}
	}
	verdict := p.paint(green, pick(zh, "可以提交", "OK"))
	if !rep.OK() {
		verdict = p.paint(red, pick(zh, "将被驳回", "REJECTED"))
	}
	if !rep.Complete() {
		// A check could not run: OK does not mean clean.
		verdict += p.paint(yellow, pick(zh, "（检查不完整）", " (INCOMPLETE: a check could not run)"))
	}
	b := make([]byte, 0, 1024)
	b = append(append(append(append(b, name...), ": "...), verdict...), " ("...)
	b = append(appendSummary(b, zh, errors, warnings, notices), ")\n"...)
	for _, r := range rep.Rejections {
		field := string(r.Field)
		if field == "" {
			field = "-"
		}
		b = append(append(b, "  "...), p.severity(r.Severity, zh)...)
		b = append(append(b, ' '), p.paint(bold, string(r.Code))...)
		b = append(append(append(b, ' '), field...), '\n')
		b = append(append(append(b, "      "...), r.Message(p.lang)...), '\n')
		b = append(append(b, "      "...), pick(zh, "修改：", "fix: ")...)
		b = append(append(b, r.Remedy(p.lang)...), '\n')
		for _, f := range r.Fixes {
			b = append(append(b, "      "...), pick(zh, "可自动修正：", "certain fix: ")...)
			b = append(append(append(b, f.Title.In(p.lang)...), ": "...), f.Field...)
			b = append(strconv.AppendQuote(append(b, " = "...), f.Value), '\n')
		}
		if r.Source.URL != "" {
			b = append(append(b, "      "...), pick(zh, "依据：", "source: ")...)
			b = append(append(append(append(b, r.Source.URL...), " ("...), r.Source.Edition...), ")\n"...)
		}
	}
	for _, s := range rep.Skipped {
		b = append(append(append(b, "  "...), p.paint(dim, pick(zh, "未检查", "skipped"))...), ' ')
		b = append(append(append(append(b, s.Code...), " ("...), s.Reason.In(p.lang)...), ")\n"...)
	}
	_, err := p.w.Write(b)
	return err
}

// appendSummary appends the counts of errors, warnings and notices.
func appendSummary(b []byte, zh bool, errors, warnings, notices int) []byte {
	if zh {
		b = strconv.AppendInt(append(b, "错误 "...), int64(errors), 10)
		b = strconv.AppendInt(append(b, "，警告 "...), int64(warnings), 10)
		return strconv.AppendInt(append(b, "，提示 "...), int64(notices), 10)
	}
	b = strconv.AppendInt(b, int64(errors), 10)
	b = strconv.AppendInt(append(b, " errors, "...), int64(warnings), 10)
	b = strconv.AppendInt(append(b, " warnings, "...), int64(notices), 10)
	return append(b, " notices"...)
}

func (p printer) severity(s rules.Severity, zh bool) string {
	switch s {
	case rules.Error:
		return p.paint(red, pick(zh, "错误", "error  "))
	case rules.Warning:
		return p.paint(yellow, pick(zh, "警告", "warning"))
	}
	return p.paint(cyan, pick(zh, "提示", "notice "))
}

// ANSI styles.
const (
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

func (p printer) paint(style, s string) string {
	if !p.color {
		return s
	}
	return style + s + reset
}

func pick(zh bool, chinese, english string) string {
	if zh {
		return chinese
	}
	return english
}
