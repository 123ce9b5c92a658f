package parse

import "testing"

func TestDayDate(t *testing.T) {
	for s, want := range map[string]bool{
		"2025. 4. 18.":            true,
		"2025.04.18":              true,
		"2025-04-18":              true,
		"2024/03/01":              true,
		"2024-03-01 10:00:00":     true,
		"2024-03-01T10:00:00Z":    true,
		"2024-03-01 10:00:00 UTC": true,
		"2024. 3. 1. 오후 2:05:00":  true,
		"2025년 4월 18일":            true,
		"2024年3月1日 10:00":         true,
		"2025. 4. 18. (금)":        true,
		"18.04.2025":              true,
		"Mar 1, 2024 10:00 AM":    true,
		"1 March 2024":            true,
		"2024-05":                 false, // a month, or a code written so
		"2025.13.01":              false,
		"12.34.5678":              false,
		"ORD_001":                 false,
		"20250418":                false,
		"404 Not Found":           false,
		"March 2024 release":      false,
		"10.0.2024":               false,
	} {
		if got := dayDate(s); got != want {
			t.Errorf("dayDate(%q) = %v, want %v", s, got, want)
		}
	}
}
