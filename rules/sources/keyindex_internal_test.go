package sources

import "testing"

// TestKeyIndexSpread: the index finds the table's keys in few probes on
// average, so that a lookup costs what the index promises (made to fail
// by hashing the key's length alone).
func TestKeyIndexSpread(t *testing.T) {
	keys := make([]string, len(table))
	for i := range table {
		keys[i] = table[i].Key
	}
	if p := keyIndex().Probes(keys); p > 1.5 {
		t.Errorf("%.2f probes a key on average, want at most 1.5", p)
	}
}
