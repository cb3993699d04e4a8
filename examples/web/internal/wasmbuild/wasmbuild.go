// Package wasmbuild builds the WebAssembly checks (../../wasm) the way the
// page ships them, for go run ../../mkwasm and for the tests that load
// the build in Node and Chromium.
//
// What the build leaves out, and what each choice saves (gzip -9 of the
// .wasm, measured on main in 2026-12; see examples/web/README.md):
//
//   - -trimpath and -ldflags=-s -w: no DWARF, no symbol table, short file
//     names in the function table (3.58 → 3.54 MB).
//   - net/http: golang.org/x/net/publicsuffix, which rules/domain uses
//     for the suffix table, imports net/http/cookiejar only to declare
//     that its List satisfies cookiejar.PublicSuffixList, and that one
//     import links net/http and crypto/tls (≈1.5 MB of WebAssembly). The build compiles against a copy of publicsuffix
//     and idna taken from the module cache with that declaration
//     rewritten to a plain interface of the same methods (a replace
//     directive in a temporary go.mod, so the project's go.mod is
//     untouched), leaving the table and its lookup byte for byte
//     (3.54 → 3.08 MB).
//   - crypto/x509: rules/appid reads public keys with encoding/asn1
//     (3.67 → 3.36 MB on main of 2026-12-05).
//   - The word lexicon's tables (rules/names/internal/lexicon) are
//     front-coded (3.36 → 3.16 MB) and, with the build tag
//     beian_lexiconjs, left out of the .wasm: the build writes them
//     beside it as beian-lexicon.bin (what `go run gen.go -bin` writes
//     there), which the JS package fetches in parallel with the .wasm and
//     hands to the program before it starts, so every answer is the
//     native one (3.16 → 2.45 MB, and 0.69 MB of word tables).
//
// The PostgreSQL registry, the prober and file access are out by
// construction: the wasm main imports validate only, and validate links
// neither pgx, nor validate/probe, nor validate/records.
package wasmbuild

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Package is the import path of the WebAssembly main.
const Package = "github.com/icpcheck/beian/examples/web/wasm"

// Flags are the go build flags of the shipped build.
var Flags = []string{"-trimpath", "-ldflags=-s -w", "-tags=beian_lexiconjs"}

// LexiconFile is the name of the word tables beside beian.wasm.
const LexiconFile = "beian-lexicon.bin"

// Build builds the WebAssembly checks into dir/beian.wasm and their word
// tables into dir/beian-lexicon.bin, writes each one's .gz (gzip -9, what
// the service sends to a browser that accepts gzip) and copies Go's
// wasm_exec.js beside them. moduleRoot is
// the directory of the project's go.mod. The go command comes from PATH.
func Build(ctx context.Context, moduleRoot, dir string) error {
	tmp, err := os.MkdirTemp("", "beian-wasmbuild-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	modfile, err := patchedModfile(ctx, moduleRoot, tmp)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := filepath.Abs(filepath.Join(dir, "beian.wasm"))
	if err != nil {
		return err
	}
	args := []string{"build", "-modfile", modfile, "-o", out}
	for _, f := range Flags {
		if strings.HasPrefix(f, "-ldflags=") {
			f += " -X main.version=" + describe(ctx, moduleRoot)
		}
		args = append(args, f)
	}
	args = append(args, Package)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = moduleRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, b)
	}
	if err := gzipFile(ctx, out, out+".gz"); err != nil {
		return err
	}
	lex := filepath.Join(filepath.Dir(out), LexiconFile)
	cmd = exec.CommandContext(ctx, "go", "run", "gen.go", "-bin", lex)
	cmd.Dir = filepath.Join(moduleRoot, "rules", "names", "internal", "lexicon")
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("the lexicon's word tables: %v\n%s", err, b)
	}
	if err := gzipFile(ctx, lex, lex+".gz"); err != nil {
		return err
	}
	goroot, err := goEnv(ctx, moduleRoot, "GOROOT")
	if err != nil {
		return err
	}
	support, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("the Go wasm support file: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "wasm_exec.js"), support, 0o644)
}

// patchedModfile writes tmp/go.mod (with its go.sum): the project's,
// plus a replace directive pointing golang.org/x/net at a copy of its
// publicsuffix and idna packages in which publicsuffix no longer imports
// net/http/cookiejar. It returns the go.mod's path.
func patchedModfile(ctx context.Context, moduleRoot, tmp string) (string, error) {
	netDir, err := goList(ctx, moduleRoot, "-m", "-f", "{{.Dir}}", "golang.org/x/net")
	if err != nil {
		return "", err
	}
	if netDir == "" {
		return "", errors.New("golang.org/x/net is not in the module cache (run go mod download)")
	}
	copyDir := filepath.Join(tmp, "xnet")
	for _, pkg := range []string{"publicsuffix", "idna"} {
		if err := copyPackage(filepath.Join(netDir, pkg), filepath.Join(copyDir, pkg)); err != nil {
			return "", err
		}
	}
	if err := copyFile(filepath.Join(netDir, "go.mod"), filepath.Join(copyDir, "go.mod")); err != nil {
		return "", err
	}
	list := filepath.Join(copyDir, "publicsuffix", "list.go")
	src, err := os.ReadFile(list)
	if err != nil {
		return "", err
	}
	patched, err := withoutCookiejar(src)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(list, patched, 0o644); err != nil {
		return "", err
	}
	mod, err := os.ReadFile(filepath.Join(moduleRoot, "go.mod"))
	if err != nil {
		return "", err
	}
	mod = fmt.Appendf(mod, "\nreplace golang.org/x/net => %s\n", copyDir)
	modfile := filepath.Join(tmp, "go.mod")
	if err := os.WriteFile(modfile, mod, 0o644); err != nil {
		return "", err
	}
	if err := copyFile(filepath.Join(moduleRoot, "go.sum"), filepath.Join(tmp, "go.sum")); err != nil {
		return "", err
	}
	return modfile, nil
}

// withoutCookiejar rewrites publicsuffix's list.go: the import of
// net/http/cookiejar goes, and List is declared with an interface of the
// same two methods instead of cookiejar.PublicSuffixList. It fails when
// the file no longer has the lines it rewrites (a new x/net), so that a
// change shows as an error, not as a silently bigger build.
func withoutCookiejar(src []byte) ([]byte, error) {
	const (
		imp  = "\t\"net/http/cookiejar\"\n"
		decl = "var List cookiejar.PublicSuffixList = list{}"
		repl = "var List interface {\n\tPublicSuffix(domain string) string\n\tString() string\n} = list{}"
	)
	if bytes.Count(src, []byte(imp)) != 1 || bytes.Count(src, []byte(decl)) != 1 {
		return nil, errors.New("golang.org/x/net/publicsuffix/list.go has changed: update wasmbuild.withoutCookiejar")
	}
	src = bytes.Replace(src, []byte(imp), nil, 1)
	src = bytes.Replace(src, []byte(decl), []byte(repl), 1)
	// Any other use of cookiejar now fails to compile: loud, not bigger.
	return src, nil
}

// copyPackage copies a package's directory: its Go files and the files
// they embed, skipping tests and testdata.
func copyPackage(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if !d.Type().IsRegular() || strings.HasSuffix(d.Name(), "_test.go") {
			return nil
		}
		return copyFile(path, filepath.Join(to, rel))
	})
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644) // writable: the cache's copies are read-only
}

func goList(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", append([]string{"list"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	b, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("go list %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
		}
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

func goEnv(ctx context.Context, dir, name string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "env", name)
	cmd.Dir = dir
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", name, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// describe names the source the build is of: git describe's answer, or
// "devel" outside a git checkout.
func describe(ctx context.Context, dir string) string {
	cmd := exec.CommandContext(ctx, "git", "describe", "--always", "--dirty")
	cmd.Dir = dir
	b, err := cmd.Output()
	v := strings.TrimSpace(string(b))
	if err != nil || v == "" || strings.ContainsAny(v, " \t'\"") {
		return "devel"
	}
	return v
}

// ModuleRoot returns the directory of the go.mod of the module that holds
// dir (a test's working directory, say).
func ModuleRoot(ctx context.Context, dir string) (string, error) {
	mod, err := goEnv(ctx, dir, "GOMOD")
	if err != nil {
		return "", err
	}
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside a module")
	}
	return filepath.Dir(mod), nil
}
