package verdict

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, text string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "allowlist.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestSplitAndUnused(t *testing.T) {
	a, err := LoadAllowlist(write(t, `allow:
- case: "*/waypoint-*"
  diff: Deployment/
  kind: intended
  reason: on purpose
- case: exact
  kind: reported
  reason: a bug, reported
- case: never
  kind: intended
  reason: stale
`))
	if err != nil {
		t.Fatal(err)
	}
	allowed, rest := a.Split("ambient/waypoint-ns", []string{"Deployment/w.spec: istio=1 mesh=2", "Service/w.spec: istio=1 mesh=2"})
	if len(allowed) != 1 || !strings.Contains(allowed[0], "(intended: on purpose)") || !reflect.DeepEqual(rest, []string{"Service/w.spec: istio=1 mesh=2"}) {
		t.Errorf("allowed %q, rest %q", allowed, rest)
	}
	if allowed, rest := a.Split("exact", []string{"anything"}); len(allowed) != 1 || rest != nil {
		t.Errorf("an entry without diff allows every line: allowed %q, rest %q", allowed, rest)
	}
	if _, rest := a.Split("exact.reinject", []string{"x"}); len(rest) != 1 {
		t.Error("a case name is matched whole, not as a prefix")
	}
	if got := a.Unused(); !reflect.DeepEqual(got, []string{"never"}) {
		t.Errorf("Unused() = %q", got)
	}
}

func TestPattern(t *testing.T) {
	a, err := LoadAllowlist(write(t, `allow:
- case: "*"
  pattern: '\.metadata\.labels\.owner: istio=\(absent\)'
  kind: intended
  reason: mesh labels every object
`))
	if err != nil {
		t.Fatal(err)
	}
	allowed, rest := a.Split("c", []string{"Service:ns:a.metadata.labels.owner: istio=(absent) mesh=x", "Service:ns:a.spec.ports: istio=1 mesh=2"})
	if len(allowed) != 1 || !reflect.DeepEqual(rest, []string{"Service:ns:a.spec.ports: istio=1 mesh=2"}) {
		t.Errorf("allowed %q, rest %q", allowed, rest)
	}
}

func TestLoadAllowlistRefusesBadEntries(t *testing.T) {
	for name, text := range map[string]string{
		"no reason":     "allow:\n- case: a\n  kind: intended\n",
		"bad kind":      "allow:\n- case: a\n  kind: maybe\n  reason: r\n",
		"unknown field": "allow:\n- case: a\n  kind: intended\n  reason: r\n  path: x\n",
		"bad pattern":   "allow:\n- case: '[a'\n  kind: intended\n  reason: r\n",
		"bad regexp":    "allow:\n- case: a\n  pattern: '(x'\n  kind: intended\n  reason: r\n",
	} {
		if _, err := LoadAllowlist(write(t, text)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}
