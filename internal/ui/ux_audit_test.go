package ui

import (
	"strings"
	"testing"
)

// Audit "Perubahan" in words, in the chosen language.
func TestAuditChangesInWords(t *testing.T) {
	defer SetLanguage("id")
	cases := []struct {
		lang, action, old, new string
		want, not              []string
	}{
		{"id", "update", `{"Name":"Siti","Status":"registered","Sex":"P"}`, `{"Name":"Siti Aminah","Status":"trained","Sex":"P"}`,
			[]string{"Nama", "Siti → Siti Aminah", "Terdaftar → Lulus"}, []string{"registered", "trained", "Sex"}},
		{"id", "insert", ``, `{"counts":{"activity_report":1116,"trainee":25}}`,
			[]string{"1.116"}, []string{"activity_report", "{", "counts"}},
		{"id", "insert", ``, `{"Decision":"not_renew","ForYear":2025}`,
			[]string{"Keputusan", "2025"}, []string{"not_renew", "Decision"}},
		{"en", "update", `{"Status":"registered"}`, `{"Status":"trained"}`,
			[]string{"Status", "Registered → "}, []string{"registered →"}},
	}
	for _, c := range cases {
		SetLanguage(c.lang)
		got := auditChangeText(c.action, c.old, c.new)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s %s: %q lacks %q", c.lang, c.new, got, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(got, w) {
				t.Errorf("%s %s: %q shows %q", c.lang, c.new, got, w)
			}
		}
	}
}
