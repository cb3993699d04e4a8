package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"os/exec"
)

// gzipFile writes the gzip -9 of the file from to the file to: with the
// gzip command when there is one on PATH (zlib's level 9 packs the .wasm
// about 34 KB smaller than compress/gzip's BestCompression), else with
// compress/gzip.
func gzipFile(ctx context.Context, from, to string) error {
	if path, err := exec.LookPath("gzip"); err == nil {
		return gzipCommand(ctx, path, from, to)
	}
	return gzipGo(from, to)
}

// gzipCommand runs gzip -9 -n (no name or time stamp: the same bytes
// each build).
func gzipCommand(ctx context.Context, gzipPath, from, to string) error {
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, gzipPath, "-9", "-n", "-c", from)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("gzip %s: %v: %s", from, err, errb.Bytes())
	}
	return os.WriteFile(to, out.Bytes(), 0o644)
}

func gzipGo(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	f, err := os.Create(to)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := zw.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
