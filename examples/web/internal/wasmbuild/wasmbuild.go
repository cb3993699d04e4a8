// Package wasmbuild builds the WebAssembly checks (../../wasm) the way the
// page ships them, for go run ../../mkwasm and for the tests that load
// the build in Node and Chromium.
//
// What the build leaves out, and what each choice saves (gzip -9 of the
// .wasm, measured on main in 2026-12; see examples/web/README.md):
//
//   - -trimpath and -ldflags=-s -w: no DWARF, no symbol table, short file
//     names in the function table (3.58 → 3.54 MB).
//   - net/http: rules/domain once used golang.org/x/net/publicsuffix,
//     which imports net/http/cookiejar and with it net/http and
//     crypto/tls (≈1.5 MB of WebAssembly); this build used to compile
//     against a patched copy of it (3.54 → 3.08 MB). rules/domain now has
//     the suffix table of its own, so the build is a plain go build of
//     the project's go.mod, and TestBuildLeavesOut keeps net/http out.
//   - crypto/x509: rules/appid reads public keys with encoding/asn1
//     (3.67 → 3.36 MB on main of 2026-12-05), and since then without
//     encoding/asn1 and math/big (2.40 → 2.28 MB).
//   - encoding/json's Marshal: the wasm main quotes strings itself
//     (2.47 → 2.40 MB).
//   - net/mail, with mime, net and log: rules/contact reads addresses
//     with a reader of net/mail's grammar of its own (2.28 → 2.23 MB).
//   - The word lexicon's tables (rules/names/internal/lexicon) are
//     front-coded (3.36 → 3.16 MB) and, with the build tag
//     beian_lexiconjs, left out of the .wasm: the build writes them
//     beside it as beian-lexicon.bin (what `go run gen.go -bin` writes
//     there), which the JS package fetches in parallel with the .wasm and
//     hands to the program before it starts, so every answer is the
//     native one (3.16 → 2.45 MB, and 0.69 MB of word tables).
//   - Go's linker writes the data section as 69,171 segments, one after
//     every run of 8 zero bytes; Build joins those at most MaxZeroGap
//     apart (MergeDataSegments), for 50 segments (2.18 → 2.06 MB, and
//     less for the browser to decode and copy at the start).
//   - The data segments beside the module: Build writes them into
//     beian-data.bin (SplitData), which the JS package fetches beside
//     the .wasm and writes into the instance's memory before the program
//     starts. V8 decodes a module's bytes as they stream in, data
//     segments too: in Node's streaming compile they took 55 of the 145
//     ms of CPU (examples/web/README.md, "Round 9").
//   - The image decoders: with the build tag beian_noimage, rules/scan
//     leaves out image/jpeg, image/png, compress/flate and hash/crc32
//     (their code and their package initialisation); a page reads no
//     document files, and a check that would have to decode one is
//     skipped, saying so (scan.ErrNoDecoders).
//
// The PostgreSQL registry, the prober and file access are out by
// construction: the wasm main imports validate only, and validate links
// neither pgx, nor validate/probe, nor validate/records.
package wasmbuild

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Package is the import path of the WebAssembly main.
const Package = "github.com/icpcheck/beian/examples/web/wasm"

// Flags are the go build flags of the shipped build.
var Flags = []string{"-trimpath", "-ldflags=-s -w", "-tags=" + Tags}

// Tags are the build tags of the shipped build: beian_lexiconjs (the word
// tables beside the .wasm) and beian_noimage (no image decoders: a page
// reads no document files).
const Tags = "beian_lexiconjs,beian_noimage"

// LexiconFile is the name of the word tables beside beian.wasm.
const LexiconFile = "beian-lexicon.bin"

// Build builds the WebAssembly checks into dir/beian.wasm, their data
// segments (joined: MergeDataSegments) into dir/beian-data.bin beside it
// (SplitData) and their word
// tables into dir/beian-lexicon.bin, writes each one's .gz (gzip -9, what
// the service sends to a browser that accepts gzip) and copies Go's
// wasm_exec.js beside them. moduleRoot is
// the directory of the project's go.mod. The go command comes from PATH.
func Build(ctx context.Context, moduleRoot, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := filepath.Abs(filepath.Join(dir, "beian.wasm"))
	if err != nil {
		return err
	}
	if err := goBuild(ctx, moduleRoot, out, Flags); err != nil {
		return err
	}
	module, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	module, _, err = MergeDataSegments(module, MaxZeroGap)
	if err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	module, data, err := SplitData(module)
	if err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	if err := os.WriteFile(out, module, 0o755); err != nil {
		return err
	}
	if err := gzipFile(ctx, out, out+".gz"); err != nil {
		return err
	}
	dataPath := filepath.Join(filepath.Dir(out), DataFile)
	if err := os.WriteFile(dataPath, data, 0o644); err != nil {
		return err
	}
	if err := gzipFile(ctx, dataPath, dataPath+".gz"); err != nil {
		return err
	}
	lex := filepath.Join(filepath.Dir(out), LexiconFile)
	cmd := exec.CommandContext(ctx, "go", "run", "gen.go", "-bin", lex)
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

// BuildNamed builds the WebAssembly checks into out as Build does, but
// with their function names kept (the module's "name" section: Flags
// without -s) and its data segments as Go's linker wrote them: the same
// functions, in the same order, with the same bodies, for naming the
// functions of a shipped build by their index (FunctionNames).
func BuildNamed(ctx context.Context, moduleRoot, out string) error {
	var flags []string
	for _, f := range Flags {
		if f == "-ldflags=-s -w" {
			f = "-ldflags=-w"
		}
		flags = append(flags, f)
	}
	return goBuild(ctx, moduleRoot, out, flags)
}

// goBuild runs go build of Package for js/wasm into out with flags, the
// version (main.version) set in its -ldflags.
func goBuild(ctx context.Context, moduleRoot, out string, flags []string) error {
	args := []string{"build", "-o", out}
	for _, f := range flags {
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
	return nil
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
