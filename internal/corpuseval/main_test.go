package main

import "testing"

func TestJudge(t *testing.T) {
	exp := func(min, max int, st string) expectation {
		e := expectation{MinRows: min, MaxRows: max, Statuses: st}
		switch st {
		case "none":
			e.statusesNone = true
		case "-":
			e.skip = true
		default:
			e.statusCounts = map[int]int{400: 2, 0: 1}
			e.hasStatusCounts = true
		}
		return e
	}
	cases := []struct {
		name string
		e    expectation
		rows int
		got  map[int]int
		pass bool
	}{
		{"exact", exp(3, 5, "400:2,0:1"), 3, map[int]int{400: 2, 0: 1}, true},
		{"exact count, wrong split", exp(3, 5, "400:2,0:1"), 3, map[int]int{400: 1, 0: 2}, false},
		{"exact count, extra status", exp(3, 5, "400:2,0:1"), 3, map[int]int{400: 2, 404: 1}, false},
		{"more rows, floors met", exp(3, 5, "400:2,0:1"), 5, map[int]int{400: 3, 0: 1, 500: 1}, true},
		{"more rows, a floor missed", exp(3, 5, "400:2,0:1"), 4, map[int]int{400: 1, 0: 3}, false},
		{"too many", exp(3, 5, "400:2,0:1"), 6, map[int]int{400: 6}, false},
		{"too few", exp(3, 5, "-"), 2, map[int]int{0: 2}, false},
		{"unchecked", exp(3, 5, "-"), 4, map[int]int{500: 4}, true},
		{"none", exp(2, 2, "none"), 2, map[int]int{0: 2}, true},
		{"none, one status", exp(2, 2, "none"), 2, map[int]int{0: 1, 400: 1}, false},
	}
	for _, c := range cases {
		if got, why := judge(c.e, c.rows, c.got); got != c.pass {
			t.Errorf("%s: judge = %v (%s), want %v", c.name, got, why, c.pass)
		}
	}
}
