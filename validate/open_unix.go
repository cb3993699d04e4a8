//go:build unix

package validate

import (
	"os"
	"syscall"
)

// openReadOnly opens a document without waiting: a FIFO that slipped in
// between the look-up and the opening opens at once (and is then refused)
// instead of waiting for a writer. Reads of a regular file are not
// affected.
const openReadOnly = os.O_RDONLY | syscall.O_NONBLOCK
