// Package deploytest is the deploy area of the Istio oracle suite: istiod's Gateway API deployment controller must
// deploy, with the `kube-gateway`, `waypoint` and `agentgateway` templates of the ConfigMap `mesh manifest generate`
// renders, what it deploys with Istio's own templates. For every control-plane render (scripts/istio/deploy.mjs
// writes them to MESH_ISTIO_DEPLOY_DIR) and every case in cases/, both templates execute on the same input with
// Istio's template functions, go through the controller's overlay and safeguard steps, and the objects are compared
// structurally. A difference fails unless allowlist.yaml allows it; an entry that allows nothing fails.
// MESH_DEPLOY_SHOW=1 logs the objects mesh's templates deploy, for review.
package deploytest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"text/template"

	meshconfig "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/kube/inject"
	"sigs.k8s.io/yaml"

	"mesh.local/istio/internal/objects"
	"mesh.local/istio/internal/verdict"
)

// render is one control plane: the injector ConfigMap's parsed config and raw values, and the mesh config.
type render struct {
	Name     string
	Revision string
	Config   inject.Config
	Values   string
	Mesh     *meshconfig.MeshConfig
	PilotEnv map[string]string
	Network  string
	Cluster  string
}

func loadRender(dir string) (*render, error) {
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) }
	r := &render{Name: filepath.Base(dir)}
	var info struct{ Revision string }
	b, err := read("render.json")
	if err == nil {
		err = json.Unmarshal(b, &info)
	}
	if err != nil {
		return nil, err
	}
	r.Revision = info.Revision
	if b, err = read("injector-config.yaml"); err != nil {
		return nil, err
	}
	if r.Config, err = inject.UnmarshalConfig(b); err != nil {
		return nil, err
	}
	if b, err = read("values.json"); err != nil {
		return nil, err
	}
	r.Values = string(b)
	var values struct {
		Global struct {
			Network      string
			MultiCluster struct{ ClusterName string }
		}
		Pilot struct{ Env map[string]any }
	}
	if err := json.Unmarshal(b, &values); err != nil {
		return nil, err
	}
	r.Network = values.Global.Network
	// istiod's CLUSTER_ID: the chart sets it from multiCluster.clusterName, else "Kubernetes".
	r.Cluster = orDefault(values.Global.MultiCluster.ClusterName, "Kubernetes")
	r.PilotEnv = map[string]string{}
	for k, v := range values.Pilot.Env {
		b, _ := json.Marshal(v)
		r.PilotEnv[k] = strings.Trim(string(b), `"`)
	}
	if b, err = read("meshconfig.yaml"); err != nil {
		return nil, err
	}
	r.Mesh, err = mesh.ApplyMeshConfigDefaults(string(b))
	return r, err
}

// istioTemplates parses Istio's own template files (from the Istio module: nothing of Istio's is in the repository).
func istioTemplates(t *testing.T, dir string) inject.Templates {
	raw := inject.RawTemplates{}
	for _, name := range []string{"kube-gateway", "waypoint", "agentgateway"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".yaml"))
		if err != nil {
			t.Fatalf("Istio's %s template: %v", name, err)
		}
		raw[name] = string(b)
	}
	parsed, err := inject.ParseTemplates(raw)
	if err != nil {
		t.Fatalf("Istio's templates: %v", err)
	}
	return parsed
}

func TestDeployTemplates(t *testing.T) {
	dir, istioDir := os.Getenv("MESH_ISTIO_DEPLOY_DIR"), os.Getenv("ISTIO_MODULE_DIR")
	if dir == "" || istioDir == "" {
		t.Fatal("MESH_ISTIO_DEPLOY_DIR/ISTIO_MODULE_DIR are not set: run `npm run test:istio -- --area deploy`, which renders the control planes and runs this test")
	}
	istio := istioTemplates(t, filepath.Join(istioDir, "manifests/charts/istio-control/istio-discovery/files"))
	suite := verdict.Open(t, "deploy", "allowlist.yaml")
	renderDirs, _ := filepath.Glob(filepath.Join(dir, "*", "render.json"))
	caseFiles, _ := filepath.Glob("cases/*.yaml")
	sort.Strings(renderDirs)
	sort.Strings(caseFiles)
	if len(renderDirs) == 0 || len(caseFiles) == 0 {
		t.Fatalf("nothing to compare: %d renders in %s, %d cases in cases/", len(renderDirs), dir, len(caseFiles))
	}
	deployed := map[string]int{}
	for _, rd := range renderDirs {
		r, err := loadRender(filepath.Dir(rd))
		if err != nil {
			t.Fatalf("render %s: %v", filepath.Dir(rd), err)
		}
		for _, cf := range caseFiles {
			name := r.Name + "/" + strings.TrimSuffix(filepath.Base(cf), ".yaml")
			suite.Run(t, name, func(t *testing.T) []string {
				c, err := loadCase(cf)
				if err != nil {
					t.Fatal(err)
				}
				setFeatures(r.PilotEnv)
				ci, served := classFor(c.Gateway.Spec.GatewayClassName)
				if !served {
					t.Skipf("this control plane serves no GatewayClass %q", c.Gateway.Spec.GatewayClassName)
				}
				mine := r.Config.Templates[ci.Templates]
				if mine == nil {
					t.Fatalf("mesh's injector ConfigMap has no %q template", ci.Templates)
				}
				deployed[ci.Templates]++
				in := templateInput(c, ci, r.Revision, r.Cluster, r.Network)
				var objs [2][]map[string]any
				var errs [2]error
				for i, tmpl := range []*template.Template{mine, istio[ci.Templates]} {
					// Each side gets its own copy of the values: neither can see what the other did to them.
					d, err := derive(in, r.Values, r.Mesh)
					if err != nil {
						t.Fatalf("template input: %v", err)
					}
					objs[i], errs[i] = deploy(tmpl, d, string(ci.Controller), overlaysFor(c))
				}
				meshObjs, meshErr, istioObjs, istioErr := objs[0], errs[0], objs[1], errs[1]
				switch {
				case meshErr != nil && istioErr != nil:
					// Equivalent, but a case neither template can deploy proves nothing: fix the case.
					t.Fatalf("both templates fail, so this case compares nothing: mesh: %v; istio: %v", meshErr, istioErr)
				case meshErr != nil:
					t.Fatalf("mesh's %s template fails where Istio's does not: %v", ci.Templates, meshErr)
				case istioErr != nil:
					t.Fatalf("Istio's %s template fails where mesh's does not: %v", ci.Templates, istioErr)
				}
				if os.Getenv("MESH_DEPLOY_SHOW") != "" {
					b, _ := yaml.Marshal(meshObjs)
					t.Logf("mesh's objects:\n%s", b)
				}
				t.Logf("%s template, %d objects: %s", ci.Templates, len(meshObjs), strings.Join(keys(meshObjs), ", "))
				return objects.DiffObjects(istioObjs, meshObjs)
			})
		}
	}
	for _, name := range []string{"kube-gateway", "waypoint", "agentgateway"} {
		if deployed[name] == 0 {
			t.Errorf("no case deployed with the %s template", name)
		}
	}
	suite.Close(t)
}

func keys(objs []map[string]any) []string {
	var out []string
	for _, o := range objs {
		out = append(out, objects.Key(o))
	}
	return out
}
