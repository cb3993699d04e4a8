package phonenum_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestColdCost builds testdata/coldcost, a program that makes one lookup,
// and runs it in fresh processes with GODEBUG=inittrace=1: the package must
// not pull in phonenumbers' init, and the first lookup must add at most
// 2 MiB of heap. The times are logged, not asserted (they are measured, see
// the package note); the same program for phonenumbers is run alongside
// for comparison.
func TestColdCost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs two programs")
	}
	dir := t.TempDir()
	build := func(pkg string) string {
		bin := filepath.Join(dir, filepath.Base(pkg))
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
		return bin
	}
	ours := build("./testdata/coldcost")
	peer := build("./testdata/coldcost-phonenumbers")
	initLine := regexp.MustCompile(`(?m)^init (\S+) @\S+ ms, ([0-9.]+) ms clock, (\d+) bytes, (\d+) allocs$`)
	field := regexp.MustCompile(`(\w+)=(\S+)`)
	run := func(bin, number string) (map[string]string, float64, int, []string) {
		cmd := exec.Command(bin, number)
		cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s", bin, number, err, stderr.String())
		}
		vals := map[string]string{}
		for _, m := range field.FindAllStringSubmatch(stdout.String(), -1) {
			vals[m[1]] = m[2]
		}
		var ms float64
		var bytes int
		var pkgs []string
		for _, m := range initLine.FindAllStringSubmatch(stderr.String(), -1) {
			c, _ := strconv.ParseFloat(m[2], 64)
			b, _ := strconv.Atoi(m[3])
			ms += c
			bytes += b
			pkgs = append(pkgs, m[1])
		}
		return vals, ms, bytes, pkgs
	}
	for _, number := range []string{"13902212345", "19912345678", "0755-86013388"} {
		v, initMS, initBytes, pkgs := run(ours, number)
		for _, p := range pkgs {
			if strings.Contains(p, "nyaruka") || strings.Contains(p, "protobuf") {
				t.Errorf("importing phonenum runs the init of %s", p)
			}
		}
		heap, _ := strconv.Atoi(v["heap_bytes"])
		if heap > 2<<20 {
			t.Errorf("%s: the first lookup adds %d bytes of heap, want at most 2 MiB", number, heap)
		}
		pv, pInitMS, pInitBytes, _ := run(peer, number)
		firstNS, _ := strconv.Atoi(v["first_ns"])
		peerNS, _ := strconv.Atoi(pv["first_ns"])
		t.Logf("%-14s phonenum: first lookup %.3f ms, heap +%s B, %s allocs; init (all packages) %.3f ms, %d B", number,
			float64(firstNS)/1e6, v["heap_bytes"], v["allocs"], initMS, initBytes)
		t.Logf("%-14s phonenumbers: first lookup %.3f ms, heap +%s B, %s allocs; init (all packages) %.3f ms, %d B", number,
			float64(peerNS)/1e6, pv["heap_bytes"], pv["allocs"], pInitMS, pInitBytes)
	}
}

// TestNoPhoneNumbersDependency checks that no package of the module but
// tests and generators depends on phonenumbers.
func TestNoPhoneNumbersDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/icpcheck/beian/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "nyaruka/phonenumbers") {
			t.Errorf("a package of the module depends on %s", line)
		}
	}
}
