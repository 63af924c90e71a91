package deploytest

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"istio.io/api/label"
	"istio.io/istio/pilot/pkg/config/kube/gatewaycommon"
	"istio.io/istio/pkg/test/util/yml"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	"sigs.k8s.io/yaml"
)

// overlayKeys maps a kind to its key in a class-defaults or parametersRef ConfigMap; HPAs and PDBs are deployed only
// when a ConfigMap asks for them (istiod's supported and required overlays).
var overlayKeys = map[string]struct {
	key      string
	required bool
	schema   any
}{
	"Deployment":              {"deployment", false, &appsv1.Deployment{}},
	"Service":                 {"service", false, &corev1.Service{}},
	"ServiceAccount":          {"serviceAccount", false, &corev1.ServiceAccount{}},
	"HorizontalPodAutoscaler": {"horizontalPodAutoscaler", true, &autoscalingv2.HorizontalPodAutoscaler{}},
	"PodDisruptionBudget":     {"podDisruptionBudget", true, &policyv1.PodDisruptionBudget{}},
}

// overlaysFor returns the ConfigMap data istiod lays over the rendered objects: the class defaults first, then the
// Gateway's parametersRef.
func overlaysFor(c *caseFile) []map[string]string {
	var out []map[string]string
	for _, cm := range c.ConfigMaps {
		if cm.Labels[gatewaycommon.GatewayClassDefaults] == string(c.Gateway.Spec.GatewayClassName) {
			out = append(out, cm.Data)
		}
	}
	if infra := c.Gateway.Spec.Infrastructure; infra != nil && infra.ParametersRef != nil {
		for _, cm := range c.ConfigMaps {
			if cm.Name == infra.ParametersRef.Name {
				out = append(out, cm.Data)
			}
		}
	}
	return out
}

// deploy runs one template as istiod's deployment controller does: execute, split into documents, lay the
// overlays over each (strategic merge), drop HPA/PDB without one, check the safeguards istiod applies before it
// applies an object, and set the managed-by label. It returns the objects as generic maps.
func deploy(t *template.Template, in derivedInput, controller string, overlays []map[string]string) ([]map[string]any, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, in); err != nil {
		return nil, fmt.Errorf("template: %v", err)
	}
	var objects []map[string]any
	for _, doc := range yml.SplitString(buf.String()) {
		obj := map[string]any{}
		if err := yaml.Unmarshal([]byte(doc), &obj); err != nil {
			return nil, fmt.Errorf("rendered document is not YAML: %v\n%s", err, doc)
		}
		kind, _ := obj["kind"].(string)
		ov, ok := overlayKeys[kind]
		if !ok {
			return nil, fmt.Errorf("rendered a %q, which istiod refuses to apply", kind)
		}
		applied := false
		for _, data := range overlays {
			patch, ok := data[ov.key]
			if !ok {
				continue
			}
			merged, err := strategicMerge(obj, patch, ov.schema)
			if err != nil {
				return nil, fmt.Errorf("%s overlay: %v", ov.key, err)
			}
			obj, applied = merged, true
		}
		if ov.required && !applied {
			continue
		}
		if err := safeguards(obj, in.TemplateInput); err != nil {
			return nil, err
		}
		meta := obj["metadata"].(map[string]any)
		labels, _ := meta["labels"].(map[string]any)
		if labels == nil {
			labels = map[string]any{}
			meta["labels"] = labels
		}
		labels[label.GatewayManaged.Name] = strings.ReplaceAll(controller, "/", "-")
		objects = append(objects, obj)
	}
	return objects, nil
}

func strategicMerge(obj map[string]any, patchYAML string, schema any) (map[string]any, error) {
	meta, err := strategicpatch.NewPatchMetaFromStruct(schema)
	if err != nil {
		return nil, err
	}
	patch := map[string]any{}
	if err := yaml.Unmarshal([]byte(patchYAML), &patch); err != nil {
		return nil, err
	}
	return strategicpatch.StrategicMergeMapPatchUsingLookupPatchMeta(obj, patch, meta)
}

// safeguards: istiod applies an object only in the Gateway's namespace and named after the deployment, the service
// account or the Gateway.
func safeguards(obj map[string]any, in gatewaycommon.TemplateInput) error {
	meta, _ := obj["metadata"].(map[string]any)
	name, _ := meta["name"].(string)
	ns, _ := meta["namespace"].(string)
	if ns != in.Namespace {
		return fmt.Errorf("%s %s: namespace %q is not the Gateway's %q (istiod refuses it)", obj["kind"], name, ns, in.Namespace)
	}
	if name != in.DeploymentName && name != in.ServiceAccount && !strings.HasPrefix(name, in.Name) {
		return fmt.Errorf("%s %q: not named after the Gateway (istiod refuses it)", obj["kind"], name)
	}
	return nil
}
