package parse

import "testing"

func TestSubCodeHeader(t *testing.T) {
	for h, want := range map[string]bool{
		"子错误码": true, "子錯誤碼": true, "sub_code": true, "Sub-code": true, "SubCode": true, "subcode": true,
		"Sub error code": true, "Sub-code (sub_code)": true, "상세코드": true, "세부 코드": true, "상세 오류코드": true,
		"詳細コード": true, "サブコード": true, "Detail code": true,
		"错误码": false, "Error code": false, "code": false, "err_code": false, "Subscription code": false,
		"Details": false, "HTTP status": false, "Type": false, "상세설명": false, "詳細": false, "子错误描述": false,
	} {
		if got := subCodeHeader(h); got != want {
			t.Errorf("subCodeHeader(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestSettingsHeader(t *testing.T) {
	for h, want := range map[string]bool{
		"Limit": true, "Limits": true, "Setting": true, "Setting name": true, "Rate limit": true, "Configuration": true,
		"제한": true, "설정": true, "설정 항목": true, "制限": true, "設定": true, "限制": true, "配置项": true,
		"Code": false, "Limit exceeded message": false, "Default message": false, "Description": false, "Error": false,
	} {
		if got := settingsHeader(h); got != want {
			t.Errorf("settingsHeader(%q) = %v, want %v", h, got, want)
		}
	}
	for h, want := range map[string]bool{"Default": true, "기본값": true, "デフォルト": true, "默认值": true, "Default message": false, "Value": false} {
		if got := defaultHeader(h); got != want {
			t.Errorf("defaultHeader(%q) = %v, want %v", h, got, want)
		}
	}
}
