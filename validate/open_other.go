//go:build !unix

package validate

import "os"

// openReadOnly opens a document; these systems have no FIFO in a
// directory tree to block on.
const openReadOnly = os.O_RDONLY
