// Package injecttest is the inject area of the Istio oracle suite: istiod, fed the ConfigMaps `mesh manifest
// generate` renders, must inject exactly what `mesh kube-inject` does. Each case runs Istio's own injector package
// (pkg/kube/inject, the code istiod and istioctl kube-inject share) with mesh's `sidecar` template, values and mesh
// config, and compares the result with mesh's output structurally. scripts/istio/inject.mjs prepares the cases
// (MESH_ISTIO_INJECT_DIR): mesh's kube-inject goldens, cases/ here, and Istio's own pkg/kube/inject/testdata inputs.
package injecttest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	meshconfig "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pilot/pkg/features"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/kube/inject"
	istiolog "istio.io/istio/pkg/log"

	"mesh.local/istio/internal/objects"
	"mesh.local/istio/internal/verdict"
)

// caseInfo is what the Node side recorded for one case (case.json).
type caseInfo struct {
	// Revision passed to the injector, as `kube-inject --revision`.
	Revision string `json:"revision"`
	// NativeSidecars: inject istio-proxy as a native sidecar (mesh's default; off with --no-native-sidecar).
	NativeSidecars bool `json:"nativeSidecars"`
	// MeshExitCode is `mesh kube-inject`'s exit code; non-zero means mesh refused the input.
	MeshExitCode int `json:"meshExitCode"`
	// MeshStderr is what mesh printed on stderr (shown when the outcomes differ).
	MeshStderr string `json:"meshStderr"`
	// RenderError is set when `mesh manifest generate` refused the case's control-plane settings (nothing else is).
	RenderError string `json:"renderError"`
}

func TestInject(t *testing.T) {
	dir := os.Getenv("MESH_ISTIO_INJECT_DIR")
	if dir == "" {
		t.Fatal("MESH_ISTIO_INJECT_DIR is not set: run `npm run test:istio -- --area inject`, which renders the cases and runs this test")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	// The injector logs to stderr what the cases already report (a refused annotation, a pod without istio-init):
	// quiet unless MESH_ISTIO_LOG is set.
	if os.Getenv("MESH_ISTIO_LOG") == "" {
		for _, scope := range istiolog.Scopes() {
			scope.SetOutputLevel(istiolog.NoneLevel)
		}
	}
	suite := verdict.Open(t, "inject", "allowlist.yaml")
	defer suite.Close(t)
	for _, name := range names {
		suite.Run(t, name, func(t *testing.T) []string { return runCase(t, filepath.Join(dir, name)) })
	}
}

// runCase injects the case's input with Istio's injector and returns how the result differs from mesh's.
func runCase(t *testing.T, dir string) []string {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var info caseInfo
	if err := json.Unmarshal(read("case.json"), &info); err != nil {
		t.Fatalf("case.json: %v", err)
	}
	if info.RenderError != "" {
		return []string{"mesh manifest generate refused the case's settings: " + info.RenderError}
	}
	cfg, err := inject.UnmarshalConfig(read("injector-config.yaml"))
	if err != nil {
		t.Fatalf("the rendered injector config (istio-sidecar-injector `config`): %v", err)
	}
	if _, ok := cfg.Templates[inject.SidecarTemplateName]; !ok {
		t.Fatalf("the rendered injector config has no %q template", inject.SidecarTemplateName)
	}
	values, err := inject.NewValuesConfig(string(read("values.json")))
	if err != nil {
		t.Fatalf("the rendered injector values: %v", err)
	}
	meshConfig, err := mesh.ApplyMeshConfigDefaults(string(read("meshconfig.yaml")))
	if err != nil {
		t.Fatalf("the rendered mesh config: %v", err)
	}
	// istioctl kube-inject (no cluster) injects native sidecars exactly when this feature is forced on.
	features.EnableNativeSidecars = features.NativeSidecarModeDisabled
	if info.NativeSidecars {
		features.EnableNativeSidecars = features.NativeSidecarModeEnabled
	}
	var out bytes.Buffer
	var warnings []string
	istioErr := inject.IntoResourceFile(nil, cfg.Templates, values, info.Revision, meshConfig,
		bytes.NewReader(read("input.yaml")), &out, func(w string) { warnings = append(warnings, strings.TrimSpace(w)) })

	meshFailed := info.MeshExitCode != 0
	switch {
	case istioErr != nil && meshFailed:
		return nil // both refuse the input
	case istioErr != nil:
		return []string{"Istio's injector failed: " + istioErr.Error() + "; mesh injected it"}
	case meshFailed:
		return []string{"mesh kube-inject failed (exit " + strconv.Itoa(info.MeshExitCode) + "): " + strings.TrimSpace(info.MeshStderr) + "; Istio's injector did not"}
	}
	for _, w := range warnings {
		t.Logf("Istio: %s", w)
	}
	istioDocs, err := objects.Documents(out.Bytes())
	if err != nil {
		t.Fatalf("Istio's output: %v", err)
	}
	meshDocs, err := objects.Documents(read("mesh.yaml"))
	if err != nil {
		t.Fatalf("mesh's output: %v", err)
	}
	if builtin := os.Getenv("ISTIO_BUILTIN_TEMPLATE"); builtin != "" {
		compareWithBuiltin(t, builtin, read("input.yaml"), values, info.Revision, meshConfig, meshDocs)
	}
	return objects.DiffDocuments(istioDocs, meshDocs)
}

// compareWithBuiltin reports, for information only, how mesh's output differs from what Istio's own built-in
// templates (the chart's injection-template.yaml and its siblings, from the Istio module) inject with the same values.
// mesh's template follows mesh's injector, which knowingly differs from Istio's in a few places; this keeps those
// visible without making them failures.
func compareWithBuiltin(t *testing.T, path string, input []byte, values inject.ValuesConfig, revision string,
	meshConfig *meshconfig.MeshConfig, meshDocs []any,
) {
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("Istio's built-in template: %v", err)
	}
	raw := inject.RawTemplates{inject.SidecarTemplateName: string(text)}
	// The chart's other pod templates sit beside it, so cases selecting them compare with Istio's own too.
	for name, file := range map[string]string{"gateway": "gateway-injection-template.yaml", "grpc-simple": "grpc-simple.yaml", "grpc-agent": "grpc-agent.yaml"} {
		if b, err := os.ReadFile(filepath.Join(filepath.Dir(path), file)); err == nil {
			raw[name] = string(b)
		}
	}
	templates, err := inject.ParseTemplates(raw)
	if err != nil {
		t.Fatalf("Istio's built-in template: %v", err)
	}
	var out bytes.Buffer
	if err := inject.IntoResourceFile(nil, templates, values, revision, meshConfig, bytes.NewReader(input), &out, func(string) {}); err != nil {
		t.Logf("vs Istio's built-in template: it fails: %v", err)
		return
	}
	docs, err := objects.Documents(out.Bytes())
	if err != nil {
		t.Fatalf("Istio's built-in template output: %v", err)
	}
	if diffs := objects.DiffDocuments(docs, meshDocs); len(diffs) > 0 {
		t.Logf("vs Istio's built-in template (information only, istio= is Istio's template): %d differences\n  %s", len(diffs), strings.Join(diffs, "\n  "))
	}
}
