package pgregistry_test

import (
	"testing"

	"github.com/icpcheck/beian/examples/httpservice/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }
