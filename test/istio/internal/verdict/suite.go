package verdict

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The verdicts a case can get. Skipped cases test nothing on this input (a GatewayClass the control plane does not
// serve); error means the comparison itself could not run (bad input, a failing template), which fails the test.
const (
	Identical   = "identical"
	Allowlisted = "allowlisted"
	Different   = "different"
	Skipped     = "skipped"
	Error       = "error"
)

// Result is one case's verdict, as written to the report the JS driver (scripts/istio.mjs) prints.
type Result struct {
	Case    string   `json:"case"`
	Verdict string   `json:"verdict"`
	Diffs   []string `json:"diffs,omitempty"`
	Allowed []string `json:"allowed,omitempty"`
}

// Suite runs one area's cases against its allowlist and records their verdicts.
type Suite struct {
	area    string
	allow   *Allowlist
	mu      sync.Mutex
	results []Result
}

// Open starts an area's run with the allowlist at allowlistFile; it fails the test when the file is unreadable.
func Open(t *testing.T, area, allowlistFile string) *Suite {
	t.Helper()
	allow, err := LoadAllowlist(allowlistFile)
	if err != nil {
		t.Fatal(err)
	}
	return &Suite{area: area, allow: allow}
}

// Run runs one case as a subtest: compare returns the case's difference lines (it may t.Skip or t.Fatal); lines the
// allowlist allows are logged, any other fails the subtest.
func (s *Suite) Run(t *testing.T, name string, compare func(t *testing.T) []string) {
	t.Run(name, func(t *testing.T) {
		done := false
		defer func() {
			// compare stopped the subtest (t.Skip or t.Fatal run runtime.Goexit): record how.
			if !done {
				s.record(Result{Case: name, Verdict: map[bool]string{true: Skipped, false: Error}[t.Skipped()]})
			}
		}()
		diffs := compare(t)
		done = true
		// compare may have called t.Parallel: the allowlist marks the entries it uses.
		s.mu.Lock()
		allowed, rest := s.allow.Split(name, diffs)
		s.mu.Unlock()
		for _, d := range allowed {
			t.Logf("allowed: %s", d)
		}
		r := Result{Case: name, Verdict: Identical, Diffs: rest, Allowed: allowed}
		switch {
		case len(rest) > 0:
			r.Verdict = Different
			t.Errorf("%s: Istio and mesh differ:\n  %s", s.area, strings.Join(rest, "\n  "))
		case len(allowed) > 0:
			r.Verdict = Allowlisted
		}
		s.record(r)
	})
}

func (s *Suite) record(r Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results = append(s.results, r)
}

// Close fails the test for every allowlist entry that matched nothing, and writes the verdicts to
// $MESH_ISTIO_REPORT/<area>.json when that directory is set.
func (s *Suite) Close(t *testing.T) {
	t.Helper()
	if len(s.results) == 0 {
		t.Errorf("%s: no case ran", s.area)
	}
	for _, e := range s.allow.Unused() {
		t.Errorf("%s: %s matched no difference: remove it", s.allow.File, e)
	}
	dir := os.Getenv("MESH_ISTIO_REPORT")
	if dir == "" {
		return
	}
	b, err := json.MarshalIndent(s.results, "", "  ")
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, s.area+".json"), b, 0o644)
	}
	if err != nil {
		t.Errorf("writing the %s report: %v", s.area, err)
	}
}
