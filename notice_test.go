package beian_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoticeNamesEveryDataFile fails when a data file of the module (a file
// in a data/ directory) is not named in NOTICE, by its path or, after a
// path in the same directory, by its name: every data set the module
// bundles says there where it comes from and under which licence.
func TestNoticeNamesEveryDataFile(t *testing.T) {
	b, err := os.ReadFile("NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	notice := string(b)
	found := 0
	err = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return fs.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil && p != "." {
				return fs.SkipDir // a nested module has its own notices
			}
			return nil
		}
		slash := filepath.ToSlash(p)
		if path.Base(path.Dir(slash)) != "data" {
			return nil
		}
		found++
		dir := path.Dir(slash) + "/"
		if strings.Contains(notice, slash) {
			return nil
		}
		// "dir/a.txt, b.txt": a name listed after a path of its directory.
		for rest := notice; ; {
			i := strings.Index(rest, dir)
			if i < 0 {
				break
			}
			item := rest[i:]
			if end := strings.Index(item, "\n   - "); end >= 0 {
				item = item[:end]
			}
			if end := strings.Index(item, "\n\n"); end >= 0 {
				item = item[:end]
			}
			if strings.Contains(item, path.Base(slash)) {
				return nil
			}
			rest = rest[i+len(dir):]
		}
		t.Errorf("NOTICE does not name the data file %s (say where it comes from and its licence)", slash)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 20 {
		t.Errorf("found only %d data files; the walk is broken", found)
	}
}
