// Package manifesttest is the manifest area of the Istio oracle suite: for every case scripts/istio/manifest.mjs
// prepares (MESH_ISTIO_MANIFEST_DIR: Istio's own manifest-generate inputs, every profile, generated --set
// combinations), Istio's renderer (operator/pkg/render.GenerateManifest, what `istioctl manifest generate` calls,
// with the charts embedded in the module) renders the same files and --set flags as `mesh manifest generate`, and the
// two renders must hold the same objects (Kind, namespace, name) with the same content.
package manifesttest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"istio.io/istio/operator/pkg/render"
	pkgversion "istio.io/istio/pkg/version"
	"sigs.k8s.io/yaml"

	"mesh.local/istio/internal/objects"
	"mesh.local/istio/internal/verdict"
)

// meshCase is what the Node side recorded for one case (case.json); mesh's output is in mesh.yaml beside it.
type meshCase struct {
	Name  string   `json:"name"`
	Files []string `json:"files"`
	Sets  []string `json:"sets"`
	Force bool     `json:"force"`
	// Error is mesh's one-line error when it refused the input (exit code non-zero); empty when it rendered.
	Error string `json:"error"`
	// Hub, Tag and Version are mesh's default image hub and tag and the Istio version it labels objects with.
	Hub     string `json:"hub"`
	Tag     string `json:"tag"`
	Version string `json:"version"`
}

// chartVersion is the version of the charts embedded in the Istio module (Chart.yaml: 1.0.0); a release build of
// istioctl stamps its own version there, which mesh writes.
const chartVersion = "1.0.0"

func TestManifest(t *testing.T) {
	verdict.QuietIstioLogs()
	suite := verdict.Open(t, "manifest", "allowlist.yaml")
	// Cleanup, not defer: the parallel cases run after this function returns.
	t.Cleanup(func() { suite.Close(t) })
	for _, k := range verdict.Cases[meshCase](t, "manifest") {
		caseDir, c := k.Dir, k.Info
		// A release istioctl compiles in its hub and tag (hubTagOverlay, below the user's settings): mesh's, the same
		// for every case, so the renders can run in parallel.
		pkgversion.DockerInfo.Hub, pkgversion.DockerInfo.Tag = c.Hub, c.Tag
		suite.Run(t, c.Name, func(t *testing.T) []string {
			t.Parallel()
			istio, istioErr := istioRender(c)
			if istioErr != nil || c.Error != "" {
				return verdicts(istioErr, c.Error)
			}
			out, err := os.ReadFile(filepath.Join(caseDir, "mesh.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			mesh, err := byKey(out, "")
			if err != nil {
				t.Fatalf("mesh's output: %v", err)
			}
			return diffRenders(istio, mesh)
		})
	}
}

// verdicts compares the two sides when at least one refused the input: both refusing is the same verdict (the
// messages are not compared; Istio's are Go error chains).
func verdicts(istioErr error, meshErr string) []string {
	switch {
	case istioErr != nil && meshErr != "":
		return nil
	case istioErr != nil:
		return []string{"verdict: istio=error mesh=rendered: " + oneLine(istioErr.Error())}
	default:
		return []string{"verdict: istio=rendered mesh=error: " + oneLine(meshErr)}
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// istioRender runs Istio's renderer as `istioctl manifest generate` does, without a cluster, and returns its objects
// by key, the chart version replaced by mesh's.
func istioRender(c meshCase) (map[string]any, error) {
	sets, _, err := render.GenerateManifest(c.Files, c.Sets, c.Force, nil, nil)
	if err != nil {
		return nil, err
	}
	var stream strings.Builder
	for _, set := range sets {
		for _, m := range set.Manifests {
			b, err := yaml.Marshal(m.Object)
			if err != nil {
				return nil, err
			}
			stream.Write(b)
			stream.WriteString("\n---\n")
		}
	}
	return byKey([]byte(stream.String()), c.Version)
}

// byKey parses a render into normalised objects keyed `Kind:namespace:name`. With version set, the chart version
// labels (helm.sh/chart: istiod-1.0.0, app.kubernetes.io/version: 1.0.0) are rewritten to that version.
func byKey(stream []byte, version string) (map[string]any, error) {
	docs, err := objects.Documents(stream)
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for _, d := range docs {
		o, ok := d.(map[string]any)
		if !ok {
			continue
		}
		meta, _ := o["metadata"].(map[string]any)
		if version != "" {
			restampLabels(o, version)
		}
		parseConfigMapData(o)
		key := fmt.Sprintf("%v:%v:%v", o["kind"], orEmpty(meta["namespace"]), meta["name"])
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("%s appears twice", key)
		}
		out[key] = o
	}
	return out, nil
}

// parseConfigMapData replaces the ConfigMap data keys that hold JSON or YAML text (the injector's `config` and
// `values`, the values ConfigMap's `merged-values` and `original-values`) with the data, so they are compared as
// data, key by key, not as text (Go's and mesh's serializers order and indent differently).
func parseConfigMapData(o map[string]any) {
	data, ok := o["data"].(map[string]any)
	if o["kind"] != "ConfigMap" || !ok {
		return
	}
	for _, k := range []string{"config", "values", "merged-values", "original-values"} {
		s, ok := data[k].(string)
		if !ok {
			continue
		}
		var parsed any
		if yaml.Unmarshal([]byte(s), &parsed) == nil {
			data[k] = objects.Normalize(parsed)
		}
	}
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

// restampLabels replaces the embedded charts' version in every labels map of the object (metadata, pod templates,
// selectors are left alone: they hold no version) with version, as a release build of the charts has it.
func restampLabels(v any, version string) {
	switch x := v.(type) {
	case map[string]any:
		if labels, ok := x["labels"].(map[string]any); ok {
			for k, l := range labels {
				s, _ := l.(string)
				switch {
				case k == "app.kubernetes.io/version" && s == chartVersion:
					labels[k] = version
				case k == "helm.sh/chart" && strings.HasSuffix(s, "-"+chartVersion):
					labels[k] = strings.TrimSuffix(s, chartVersion) + version
				}
			}
		}
		for _, child := range x {
			restampLabels(child, version)
		}
	case []any:
		for _, child := range x {
			restampLabels(child, version)
		}
	}
}

// diffRenders lists the objects only one side renders (`objects: Kind:ns:name istio=… mesh=…`), then the content
// differences of the objects both render, as `Kind:ns:name.path: istio=… mesh=…` lines.
func diffRenders(istio, mesh map[string]any) []string {
	var diffs []string
	keys := map[string]bool{}
	for k := range istio {
		keys[k] = true
	}
	for k := range mesh {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		i, inIstio := istio[k]
		m, inMesh := mesh[k]
		switch {
		case !inMesh:
			diffs = append(diffs, "objects: "+k+" istio=rendered mesh=(absent)")
		case !inIstio:
			diffs = append(diffs, "objects: "+k+" istio=(absent) mesh=rendered")
		default:
			diffs = append(diffs, objects.DiffValues(k, i, m)...)
		}
	}
	return diffs
}
