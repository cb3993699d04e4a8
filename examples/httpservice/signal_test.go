package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSIGTERM builds the program, serves a request and stops it with
// SIGTERM: it exits 0 after logging its shutdown.
func TestSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "httpservice")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	cmd := exec.Command(bin, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	var addr string
	for addr == "" && lines.Scan() {
		var m map[string]any
		if json.Unmarshal(lines.Bytes(), &m) == nil && m["msg"] == "serving" {
			addr, _ = m["addr"].(string)
		}
	}
	require.NotEmpty(t, addr, "the program logged its address")
	resp, err := client.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	// The access-log line is written once the answer is sent: wait for
	// it, so that it comes before the shutdown's lines.
	logged := false
	for !logged && lines.Scan() {
		var m map[string]any
		logged = json.Unmarshal(lines.Bytes(), &m) == nil && m["msg"] == "request"
	}
	require.True(t, logged, "the request was logged")

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	var msgs []string
	for lines.Scan() {
		var m map[string]any
		if json.Unmarshal(lines.Bytes(), &m) == nil {
			msgs = append(msgs, m["msg"].(string))
		}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		assert.NoError(t, err, "exit status 0")
	case <-time.After(20 * time.Second):
		t.Fatal("the program did not stop on SIGTERM")
	}
	assert.Equal(t, []string{"shutting down", "stopped"}, msgs)
}
