package hub_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"wubdesk/internal/wub"
)

// Every refusal code of the hub (and of `wubdesk hub`) has a message in
// Indonesian and English (internal/wub/messages_hub.go).
func TestEveryHubCodeHasAMessage(t *testing.T) {
	re := regexp.MustCompile(`[eE]rrorf\(\d+, "([a-z_]+)"|reject\(r, "([a-z_]+)"|"(hub_[a-z_]+)"`)
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../cli/hub*.go")
	n := 0
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			c := m[1] + m[2] + m[3]
			if c == "hub_audit" || c == "hub_setting" || c == "hub_user" {
				continue
			}
			n++
			if !wub.HasMessage(c) {
				t.Errorf("%s: code %q has no message", f, c)
			}
		}
	}
	if n < 20 {
		t.Fatalf("found only %d codes; the scan is broken", n)
	}
}
