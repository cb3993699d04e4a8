package phonenum

import "testing"

var sinkSeg segment

func BenchmarkBuiltinSegment(b *testing.B) {
	ps := []int{1366012, 1376012, 1380013, 1380013}
	for b.Loop() {
		for _, p := range ps {
			sinkSeg = builtinSegment(p)
		}
	}
}

func BenchmarkPlainMobile(b *testing.B) {
	ss := []string{"13660123456", "13760123456", "13800138000", "13800138001"}
	for b.Loop() {
		for _, s := range ss {
			sinkSeg, _, _ = plainMobile(s, nil)
		}
	}
}
