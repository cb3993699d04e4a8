package names

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestCleanNamesTakeNoSegmentation: the segmentation runs only on the
// occurrences scan finds, and scan finds none in a clean name, so a clean
// name costs the scan alone; Find allocates nothing, for a clean name or
// one with a word found.
func TestCleanNamesTakeNoSegmentation(t *testing.T) {
	d := DefaultDictionary()
	f, err := os.Open("testdata/corpus/innocent.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	clean := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		if name == "" || name[0] == '#' {
			continue
		}
		if len(d.scan(name, nil)) == 0 {
			clean++
		}
	}
	if clean < 100 {
		t.Fatalf("only %d names of the innocent corpus hold no listed word's characters", clean)
	}
	for _, name := range []string{"深圳市示例网络科技有限公司官方网站", "示例科技官网", "ABC示例网络"} {
		if found := d.scan(name, nil); len(found) != 0 {
			t.Fatalf("%s: scan found %v", name, found)
		}
		if a := testing.AllocsPerRun(100, func() { d.Find(name) }); a != 0 {
			t.Errorf("Find(%s) allocates %v times", name, a)
		}
	}
	for _, name := range []string{"示例赌博网", "紫色情怀摄影", "onlinecasino官网"} {
		if a := testing.AllocsPerRun(100, func() { d.Find(name) }); a != 0 {
			t.Errorf("Find(%s) allocates %v times", name, a)
		}
	}
}
