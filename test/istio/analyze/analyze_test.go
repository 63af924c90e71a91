// Package analyzetest is the analyze area of the Istio oracle suite: for every case scripts/istio/analyze.mjs
// prepares (MESH_ISTIO_ANALYZE_DIR: the inputs of Istio's analyzer test table), Istio's analyzers (all of them,
// combined as `istioctl analyze` runs them, through the local analyzer on files) analyze the same files as `mesh
// analyze --use-kube=false`, and both must report the same messages: code, level, resource and text.
package analyzetest

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"istio.io/istio/pkg/config/analysis/analyzers"
	"istio.io/istio/pkg/config/analysis/local"

	"mesh.local/istio/internal/verdict"
)

// message is one analysis message as both sides report it.
type message struct {
	Code    string `json:"code"`
	Level   string `json:"level"`
	Origin  string `json:"origin"`
	Message string `json:"message"`
}

func (m message) String() string {
	return fmt.Sprintf("%s %s %s: %s", m.Code, m.Level, m.Origin, m.Message)
}

// meshCase is what the Node side recorded for one case (case.json).
type meshCase struct {
	Name             string    `json:"name"`
	Files            []string  `json:"files"`
	MeshConfigFile   string    `json:"meshConfigFile"`
	MeshNetworksFile string    `json:"meshNetworksFile"`
	Messages         []message `json:"messages"`
	Error            string    `json:"error"`
}

func TestAnalyze(t *testing.T) {
	verdict.QuietIstioLogs()
	suite := verdict.Open(t, "analyze", "allowlist.yaml")
	defer suite.Close(t)
	for _, k := range verdict.Cases[meshCase](t, "analyze") {
		c := k.Info
		suite.Run(t, c.Name, func(t *testing.T) []string {
			if c.Error != "" {
				return []string{"mesh: error: " + c.Error}
			}
			istio, err := istioMessages(c)
			if err != nil {
				t.Fatalf("Istio's analyzers: %v", err)
			}
			return diffMessages(istio, c.Messages)
		})
	}
}

// istioMessages runs every analyzer on the case's files as `istioctl analyze --use-kube=false` would, in the
// default namespace with istio-system as Istio's, except that every kind is read from the files (as Istio's analyzer
// tests read them; istioctl leaves out Services, Pods and other runtime kinds) and the case's mesh config file and
// mesh networks file are used.
func istioMessages(c meshCase) ([]message, error) {
	sa := local.NewSourceAnalyzer(analyzers.AllCombined(), "default", "istio-system", nil)
	if c.MeshConfigFile != "" {
		if err := sa.AddFileKubeMeshConfig(c.MeshConfigFile); err != nil {
			return nil, err
		}
	}
	if c.MeshNetworksFile != "" {
		if err := sa.AddFileKubeMeshNetworks(c.MeshNetworksFile); err != nil {
			return nil, err
		}
	}
	var readers []local.ReaderSource
	for _, f := range c.Files {
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		readers = append(readers, local.ReaderSource{Name: f, Reader: r})
	}
	if err := sa.AddTestReaderKubeSource(readers); err != nil {
		return nil, err
	}
	if err := sa.AddDefaultResources(); err != nil {
		return nil, err
	}
	result, err := sa.Analyze(make(chan struct{}))
	if err != nil {
		return nil, err
	}
	var out []message
	for _, m := range result.Messages {
		u := m.Unstructured(true)
		str := func(k string) string { s, _ := u[k].(string); return s }
		out = append(out, message{Code: str("code"), Level: str("level"), Origin: str("origin"), Message: str("message")})
	}
	return out, nil
}

// diffMessages compares the messages by identity (code, level, resource; as multisets), then the text of the
// messages both sides report: `message: istio=IST0101 Error Kind ns/name: text mesh=(absent)` for a message only one
// side reports, `text: IST0101 Error Kind ns/name: istio="…" mesh="…"` for the same message worded differently.
func diffMessages(istio, mesh []message) []string {
	key := func(m message) string { return fmt.Sprintf("%s %s %s", m.Code, m.Level, m.Origin) }
	texts := func(ms []message) map[string][]string {
		out := map[string][]string{}
		for _, m := range ms {
			out[key(m)] = append(out[key(m)], m.Message)
		}
		for _, list := range out {
			sort.Strings(list)
		}
		return out
	}
	it, mt := texts(istio), texts(mesh)
	keys := map[string]bool{}
	for k := range it {
		keys[k] = true
	}
	for k := range mt {
		keys[k] = true
	}
	var diffs []string
	for k := range keys {
		a, b := it[k], mt[k]
		// Pair equal texts first; what is left is either worded differently (both sides have some) or one-sided.
		var restA, restB []string
		used := map[int]bool{}
		for _, x := range a {
			found := false
			for j, y := range b {
				if !used[j] && x == y {
					used[j], found = true, true
					break
				}
			}
			if !found {
				restA = append(restA, x)
			}
		}
		for j, y := range b {
			if !used[j] {
				restB = append(restB, y)
			}
		}
		for len(restA) > 0 && len(restB) > 0 {
			diffs = append(diffs, fmt.Sprintf("text: %s: istio=%q mesh=%q", k, restA[0], restB[0]))
			restA, restB = restA[1:], restB[1:]
		}
		for _, x := range restA {
			diffs = append(diffs, fmt.Sprintf("message: istio=%s: %s mesh=(absent)", k, x))
		}
		for _, y := range restB {
			diffs = append(diffs, fmt.Sprintf("message: istio=(absent) mesh=%s: %s", k, y))
		}
	}
	sort.Strings(diffs)
	return diffs
}
